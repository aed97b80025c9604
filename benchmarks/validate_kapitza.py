"""Validate tcrlab's Kapitza models against the measured thermal boundary conductances.

One script produces everything the docs show: the statistics table and the exact rows used (written into
docs/kapitza.md between the ``<!-- tbc-validation:begin/end -->`` markers), the measured-vs-predicted
picture docs/img/kapitza_measured_vs_predicted.png, and the cached leave-one-interface-out error of the
empirical model (src/tcrlab/kapitza/data/empirical_cv.json, keyed by the training data's fingerprint).

Data: Wu, Fang & Xu, npj Comput. Mater. 5, 56 (2019) compilation (packaged copy, see
tcrlab.kapitza.tbc_data). Run: PYTHONPATH=src python benchmarks/validate_kapitza.py
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from tcrlab.fileio import atomic_write_text
from tcrlab.kapitza.empirical import cross_validate, fingerprint
from tcrlab.kapitza.validation import MODELS, physics_predictions, statistics

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "kapitza.md"
IMG = ROOT / "docs" / "img" / "kapitza_measured_vs_predicted.png"
CACHE = ROOT / "src" / "tcrlab" / "kapitza" / "data" / "empirical_cv.json"
ALL = {**MODELS, "h_data": "empirical GBM (leave-one-interface-out)"}
COLOURS = {"metal/dielectric": "tab:blue", "dielectric/dielectric": "tab:green", "metal/metal": "tab:red"}


def _ranges(ids: list[int]) -> str:
    ids = sorted(ids)
    out, start, prev = [], ids[0], ids[0]
    for i in [*ids[1:], None]:
        if i is not None and i == prev + 1:
            prev = i
            continue
        out.append(f"{start}" if start == prev else f"{start}–{prev}")
        if i is not None:
            start = prev = i
    return ", ".join(out)


def _figure(rows) -> None:
    fig, axes = plt.subplots(2, 2, figsize=(9.5, 9), sharex=True, sharey=True)
    values = rows[["h", "h_amm", "h_dmm", "h_limit", "h_data"]].to_numpy()
    lim = (10.0 ** np.floor(np.log10(values.min())), 10.0 ** np.ceil(np.log10(values.max())))
    for ax, (col, label) in zip(axes.flat, [(c, ALL[c]) for c in ("h_amm", "h_dmm", "h_limit", "h_data")],
                                strict=True):
        for cls, colour in COLOURS.items():
            sel = rows[rows["pair_class"] == cls]
            ax.scatter(sel["h"], sel[col], s=12, alpha=0.6, color=colour, label=f"{cls} ({len(sel)})")
        ax.plot(lim, lim, "k-", lw=1)
        ax.plot(lim, [2 * v for v in lim], "k--", lw=0.7)
        ax.plot(lim, [v / 2 for v in lim], "k--", lw=0.7)
        ax.set(xscale="log", yscale="log", xlim=lim, ylim=lim, title=label)
        ax.grid(True, which="major", alpha=0.3)
    for ax in axes[1]:
        ax.set_xlabel("measured h [W/(m² K)]")
    for ax in axes[:, 0]:
        ax.set_ylabel("predicted h [W/(m² K)]")
    axes[0, 0].legend(loc="upper left", fontsize=8)
    fig.suptitle(f"Thermal boundary conductance: {len(rows)} measurements (Wu, Fang & Xu 2019 compilation), "
                 f"{rows['T_K'].min():g}–{rows['T_K'].max():g} K\nsolid line: equality; dashed: factor 2; the "
                 "metal/metal rows far below the line are 1–10 K electron-dominated joints", fontsize=10)
    fig.tight_layout()
    IMG.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(IMG, dpi=110)
    plt.close(fig)


def _markdown(stats, rows, seconds: float) -> str:
    lines = [
        "<!-- tbc-validation:begin (written by benchmarks/validate_kapitza.py; do not edit by hand) -->",
        f"Rows: {len(rows)} measurements of {rows['pair'].nunique()} material pairs ({rows['interface_id'].nunique()} "
        f"interfaces of the compilation), {rows['T_K'].min():g}–{rows['T_K'].max():g} K. log-RMS and bias in decades "
        "of h_model/h_measured (bias > 0: the model is too high); 'within 2×': fraction of rows.",
        "",
        "| model | class | n | pairs | log-RMS | bias | within 2× |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for _i, r in stats.iterrows():
        lines.append(f"| {r['model']} | {r['class']} | {r['n']} | {r['pairs']} | {r['log_rms']:.3f} | "
                     f"{r['bias']:+.3f} | {r['within_2x']:.2f} |")
    lines += ["", "![Measured vs predicted thermal boundary conductance](img/kapitza_measured_vs_predicted.png)", "",
              "<details><summary>The exact rows used (row_id of tbc_measured_wu2019.csv, by material pair)</summary>",
              "", "| pair (film/substrate keys) | class | rows | row_id |", "|---|---|---:|---|"]
    for pair, g in rows.groupby("pair"):
        lines.append(f"| {pair} | {g['pair_class'].iloc[0]} | {len(g)} | {_ranges(g['row_id'].astype(int).tolist())} |")
    lines += ["", "</details>", "",
              f"Generated {time.strftime('%Y-%m-%d')} in {seconds:.0f} s (2-core machine, shared).",
              "<!-- tbc-validation:end -->"]
    return "\n".join(lines)


def main() -> None:
    t0 = time.time()
    rows = physics_predictions()
    cv = cross_validate()
    rows["h_data"] = cv["h_data"].to_numpy()
    stats = statistics(rows, ALL)
    sigma = float(stats[(stats["model"] == ALL["h_data"]) & (stats["class"] == "all")]["log_rms"].iloc[0])
    atomic_write_text(CACHE, json.dumps({"fingerprint": fingerprint(), "sigma_log10": sigma, "n_rows": len(rows),
                                         "n_pairs": int(rows["pair"].nunique())}, indent=1) + "\n")
    _figure(rows)
    block = _markdown(stats, rows, time.time() - t0)
    text = DOC.read_text("utf-8")
    pattern = re.compile(r"<!-- tbc-validation:begin.*?<!-- tbc-validation:end -->", re.S)
    text = pattern.sub(lambda _m: block, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + block + "\n"
    atomic_write_text(DOC, text)
    print(stats.to_string())
    print(f"sigma_log10 = {sigma:.4f}; {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
