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


def plot_mc_histograms(result: Any, path: str | Path, *, max_outputs: int = 6) -> Path:
    """One histogram per output (SI) with P5, P50, P95 marked."""
    plt = _pyplot()
    names = list(result.outputs)[:max_outputs]
    ncols = min(3, len(names))
    nrows = -(-len(names) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, 3.4 * nrows), squeeze=False)
    summary = result.summary()
    for ax, name in zip(axes.flat, names, strict=False):
        y = result.outputs[name]
        y = y[np.isfinite(y)]
        ax.hist(y, bins=80, color="#4477aa", alpha=0.8)
        s = summary[name]
        for key, style in (("P5", ":"), ("P50", "-"), ("P95", ":")):
            ax.axvline(s[key], color="k", ls=style, lw=1)
        ax.set_title(f"{name}\nP5 {s['P5']:.3g}  P50 {s['P50']:.3g}  P95 {s['P95']:.3g}", fontsize=9)
        ax.set_xlabel(f"{name} (SI)")
    for ax in list(axes.flat)[len(names):]:
        ax.set_visible(False)
    fig.suptitle(f"Monte Carlo, n = {result.n}, seed = {result.seed}", fontsize=10)
    fig.tight_layout()
    return save_figure(fig, path, dpi=120)


def plot_sweep(result: Any, path: str | Path, *, max_outputs: int = 4) -> Path:
    """Each output vs the first numeric swept name; one line per combination of the other names."""
    plt = _pyplot()
    table = result.table
    numeric = [v for v in result.varies if v.dimension is not None]
    x_var = numeric[0] if numeric else result.varies[0]
    others = [v.name for v in result.varies if v.name != x_var.name]
    outputs = result.outputs[:max_outputs]
    fig, axes = plt.subplots(1, len(outputs), figsize=(4.6 * len(outputs), 3.8), squeeze=False)
    groups = table.groupby(others, sort=False) if others else [((), table)]
    for ax, out in zip(axes.flat, outputs, strict=False):
        for key, sub in groups:
            key = key if isinstance(key, tuple) else (key,)
            label = ", ".join(f"{n}={k:.3g}" if isinstance(k, float) else f"{n}={k}"
                              for n, k in zip(others, key, strict=True)) or None
            ax.plot(sub[x_var.name], sub[out], "-", marker="." if len(sub) < 30 else None, label=label)
        if x_var.log:
            ax.set_xscale("log")
        y = table[out].to_numpy(dtype=float)
        if np.all(y[np.isfinite(y)] > 0) and np.ptp(np.log10(y[np.isfinite(y)])) > 1:
            ax.set_yscale("log")
        unit = f" ({x_var.unit})" if x_var.unit else ""
        ax.set_xlabel(f"{x_var.name}{unit}")
        ax.set_ylabel(f"{out} (SI)")
        if others:
            ax.legend(fontsize=7)
    fig.tight_layout()
    return save_figure(fig, path, dpi=120)
