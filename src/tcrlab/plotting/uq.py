"""Figures for uncertainty and sweeps: Monte Carlo histograms with percentiles, sweep curves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from tcrlab.fileio import save_figure

__all__ = ["plot_mc_histograms", "plot_sweep"]


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _varies(y: np.ndarray) -> bool:
    """False for an output that does not change (a panel of one bar says nothing)."""
    y = y[np.isfinite(y)]
    return y.size > 1 and float(np.ptp(y)) > 1e-9 * max(float(np.max(np.abs(y))), 1e-300)


def plot_mc_histograms(result: Any, path: str | Path, *, max_outputs: int = 6) -> Path:
    """One histogram per varying output, in engineering units, with P5, P50, P95 marked; outputs that
    do not vary are named in the title instead of given a panel.

    Parameters
    ----------
    result : MonteCarloResult
        The samples of each output (SI), their percentile summary, the sample count and the seed.
    path : str or Path
        The figure file; its suffix picks the format.
    max_outputs : int
        At most this many panels (the first varying outputs).

    Returns
    -------
    Path
        The file written.
    """
    from matplotlib.ticker import MaxNLocator

    from tcrlab.plotting.labels import output_display

    plt = _pyplot()
    summary = result.summary()
    varying = [n for n in result.outputs if _varies(np.asarray(result.outputs[n], float))]
    constant = [n for n in result.outputs if n not in varying]
    names = varying[:max_outputs]
    ncols = max(1, min(3, len(names)))
    nrows = max(1, -(-len(names) // ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.4 * ncols, 3.5 * nrows), squeeze=False)
    for ax, name in zip(axes.flat, names, strict=False):
        label, factor = output_display(name)
        y = np.asarray(result.outputs[name], float)
        y = y[np.isfinite(y)] * factor
        ax.hist(y, bins=80, color="#4477aa", alpha=0.8)
        s = {k: summary[name][k] * factor for k in ("P5", "P50", "P95")}
        for key, style in (("P5", ":"), ("P50", "-"), ("P95", ":")):
            ax.axvline(s[key], color="k", ls=style, lw=1)
        ax.set_title(f"{name}: P50 {s['P50']:.3g} (P5 {s['P5']:.3g} – P95 {s['P95']:.3g})", fontsize=9)
        ax.set_xlabel(label)
        ax.set_ylabel("samples")
        ax.xaxis.set_major_locator(MaxNLocator(5))
    for ax in list(axes.flat)[len(names):]:
        ax.set_visible(False)
    fixed = ""
    if constant:
        parts = []
        for n in constant:
            label, factor = output_display(n)
            unit = label[len(n):].strip()
            unit = unit[1:-1] if unit.startswith("(") and unit.endswith(")") else unit
            parts.append(f"{n} = {summary[n]['P50'] * factor:.3g} {unit}".rstrip())
        fixed = "\nconstant: " + ", ".join(parts)
    fig.suptitle(f"Monte Carlo, n = {result.n}, seed = {result.seed}{fixed}", fontsize=10)
    fig.tight_layout()
    out = save_figure(fig, path, dpi=120)
    plt.close(fig)
    return out


def plot_sweep(result: Any, path: str | Path, *, max_outputs: int = 4) -> Path:
    """Each varying output vs the first numeric swept name, in engineering units; one line per
    combination of the other names (distinct styles, so coinciding curves stay visible), one legend.

    Parameters
    ----------
    result : SweepResult
        The tidy table of the sweep (SI), the swept names with their dimensions and the output names.
    path : str or Path
        The figure file; its suffix picks the format.
    max_outputs : int
        At most this many panels (the first varying outputs; the first output when none varies).

    Returns
    -------
    Path
        The file written.
    """
    from tcrlab.plotting.labels import dimension_display, output_display

    plt = _pyplot()
    table = result.table
    numeric = [v for v in result.varies if v.dimension is not None]
    x_var = numeric[0] if numeric else result.varies[0]
    others = [v.name for v in result.varies if v.name != x_var.name]
    outputs = [o for o in result.outputs if _varies(table[o].to_numpy(dtype=float))][:max_outputs]
    outputs = outputs or list(result.outputs)[:1]
    x_label, x_factor = dimension_display(x_var.name, x_var.dimension)
    fig, axes = plt.subplots(1, len(outputs), figsize=(4.4 * len(outputs), 3.9), squeeze=False)
    groups = list(table.groupby(others, sort=False)) if others else [((), table)]
    styles = [("-", "o"), ("--", "s"), (":", "^"), ("-.", "D"), ((0, (5, 1, 1, 1)), "v"), ((0, (1, 1)), "x")]
    handles, labels = [], []
    for ax, out in zip(axes.flat, outputs, strict=False):
        y_label, y_factor = output_display(out)
        for n, (key, sub) in enumerate(groups):
            key = key if isinstance(key, tuple) else (key,)
            label = ", ".join(f"{name}={k:.3g}" if isinstance(k, float) else f"{name}={k}"
                              for name, k in zip(others, key, strict=True)) or None
            ls, marker = styles[n % len(styles)]
            step = max(1, len(sub) // 8)  # markers staggered per curve: coinciding curves stay visible
            line, = ax.plot(sub[x_var.name] * x_factor, sub[out] * y_factor, ls=ls, marker=marker,
                            markevery=(n * step // max(len(groups), 1) % step, step), ms=4, lw=1.6 if n == 0 else 1.3,
                            zorder=3 + len(groups) - n, label=label)
            if ax is axes.flat[0] and label:
                handles.append(line)
                labels.append(label)
        if x_var.log:
            ax.set_xscale("log")
        y = table[out].to_numpy(dtype=float)
        if np.all(y[np.isfinite(y)] > 0) and np.ptp(np.log10(y[np.isfinite(y)])) > 1:
            ax.set_yscale("log")
        ax.set_xlabel(x_label)
        ax.set_ylabel(y_label)
        ax.set_title(out, fontsize=9)
        ax.grid(True, which="both", alpha=0.3)
    constant = [o for o in result.outputs if not _varies(table[o].to_numpy(dtype=float))]
    title = "constant: " + ", ".join(constant) if constant else None
    if handles:
        fig.legend(handles, labels, loc="outside lower center", ncol=min(len(labels), 6), fontsize=8,
                   title=title, title_fontsize=8)
    elif title:
        fig.suptitle(title, fontsize=8)
    fig.set_layout_engine("constrained")
    out_path = save_figure(fig, path, dpi=120)
    plt.close(fig)
    return out_path
