"""Figures of thermal transients: Zth(t) on a log time axis beside the cumulative structure function,
with the interfaces of a heat-path model marked where they sit on the resistance axis."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from tcrlab.fileio import save_figure

__all__ = ["plot_transient"]


def plot_transient(path: str | Path, *, curves: Sequence[tuple[str, Any, Any]],
                   structures: Sequence[tuple[str, Any]], marks: Sequence[tuple[str, float, float]] = (),
                   separation: float | None = None, title: str = "") -> Path:
    """Two panels: Zth(t) [K/W] against log t, and C_Σ [J/K] (log) against R_Σ [K/W].

    ``curves``: (label, t, zth); ``structures``: (label, StructureFunction); ``marks``: (name, R_before,
    R_after) of interfaces, shaded on the structure function; ``separation``: an R_thJC to mark.

    Parameters
    ----------
    path : str or Path
        The figure file; its suffix picks the format.
    curves : sequence of tuple of (str, array_like, array_like)
        Label, times t [s] and Zth [K/W] of each curve.
    structures : sequence of tuple of (str, StructureFunction)
        Label and cumulative structure function (R_Σ [K/W], C_Σ [J/K]) of each.
    marks : sequence of tuple of (str, float, float)
        Interface name and its cumulative resistance before and after it [K/W], shaded.
    separation : float, optional
        A junction-to-case resistance R_thJC [K/W] to mark (the JESD51-14 separation point).
    title : str
        The figure title (none when empty).

    Returns
    -------
    Path
        The file written.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax_z, ax_s) = plt.subplots(1, 2, figsize=(11.0, 4.4), constrained_layout=True)
    styles = ["-", "--", ":", "-."]
    for i, (label, t, z) in enumerate(curves):
        ax_z.semilogx(t, z, styles[i % len(styles)], lw=1.6, label=label)
    ax_z.set_xlabel("time after the power step t [s]")
    ax_z.set_ylabel("thermal impedance Zth [K/W]")
    ax_z.grid(True, which="both", alpha=0.3)
    ax_z.legend(loc="upper left", fontsize=8)
    c_lo, c_hi = np.inf, np.inf
    r_max = 0.0
    for i, (label, sf) in enumerate(structures):
        finite = np.isfinite(sf.C_cum) & (sf.C_cum > 0)
        r = sf.R_cum[finite]
        c = sf.C_cum[finite]
        ax_s.semilogy(r, c, styles[i % len(styles)], lw=1.6, drawstyle="default", label=label)
        c_lo = min(c_lo, float(c[c > 0].min()))
        # an identified ladder ends in stages of ~zero R and huge C (time constants beyond the curve, the
        # sink): do not zoom out to them — the axis ends at the C reached where R_Σ stops growing
        rising = np.flatnonzero(r < r[-1] * (1.0 - 1e-6))
        top = float(c[rising[-1] + 1]) if rising.size and c[rising[-1] + 1] < 1e3 * c[rising[-1]] else (
            float(c[rising[-1]]) if rising.size else float(c.max()))
        c_hi = min(c_hi, top)
        r_max = max(r_max, float(r.max()))
    palette = ("#fde2c8", "#dff2d8", "#eadcf2", "#dbe9f6", "#f6f0c8")
    for j, (name, r0, r1) in enumerate(marks):
        ax_s.axvspan(r0, r1, color=palette[j % len(palette)], alpha=0.8, zorder=0)
        ax_s.text(0.5 * (r0 + r1), 0.97, f"{name}\n{r1 - r0:.3g} K/W", transform=ax_s.get_xaxis_transform(),
                  ha="center", va="top", fontsize=7, rotation=90 if (r1 - r0) < 0.08 * max(r_max, 1e-30) else 0)
    if separation is not None:
        ax_s.axvline(separation, color="k", lw=1.0, ls="--")
        ax_s.text(separation, 0.03, f" R_thJC = {separation:.3g} K/W", transform=ax_s.get_xaxis_transform(),
                  fontsize=8, va="bottom")
    if np.isfinite(c_lo) and np.isfinite(c_hi) and c_hi > 0:
        ax_s.set_ylim(max(0.3 * c_lo, c_hi * 1e-8), c_hi * 30)
    ax_s.set_xlabel("cumulative thermal resistance R_Σ [K/W]")
    ax_s.set_ylabel("cumulative heat capacity C_Σ [J/K]")
    ax_s.grid(True, which="both", alpha=0.3)
    ax_s.legend(loc="lower right", fontsize=8)
    if title:
        fig.suptitle(title, fontsize=10)
    return save_figure(fig, path, dpi=130)
