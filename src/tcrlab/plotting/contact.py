"""Figures of the numerical rough contact: pressure/gap maps and conductance vs pressure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from tcrlab.fileio import save_figure

__all__ = ["plot_conductance_vs_pressure", "plot_contact_maps"]


def plot_contact_maps(result: Any, path: str | Path, *, title: str | None = None) -> Path:
    """Side-by-side maps of the contact pressure (MPa) and the gap (µm) of a solved contact.

    Parameters
    ----------
    result : ContactResult
        A solved contact (:func:`tcrlab.contact.solver.solve`): pressure [Pa] and gap [m] maps, the
        physical size [m], the load [Pa] and the effective modulus [Pa].
    path : str or Path
        The figure file; its suffix picks the format (png, pdf, svg, ...).
    title : str, optional
        The figure title (default: the mean pressure and E').

    Returns
    -------
    Path
        The file written.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    lx, ly = result.physical_size
    # arrays are indexed [ix, iy]: transpose so that x runs along the horizontal axis, y up
    ext = (0, lx * 1e6, 0, ly * 1e6)
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.4), constrained_layout=True)
    p = np.ma.masked_where(result.pressure <= 0, result.pressure / 1e6).T
    im0 = axes[0].imshow(p, origin="lower", extent=ext, cmap="inferno", interpolation="nearest")
    axes[0].set_title(f"pressure (A/A₀ = {result.area_fraction:.3%}, {result.spots.count} spots)")
    fig.colorbar(im0, ax=axes[0], label="p (MPa)")
    im1 = axes[1].imshow(result.gap.T * 1e6, origin="lower", extent=ext, cmap="viridis",
                         interpolation="nearest")
    axes[1].set_title(f"gap (mean {result.mean_gap * 1e6:.3g} µm)")
    fig.colorbar(im1, ax=axes[1], label="g (µm)")
    for ax in axes:
        ax.set_xlabel("x (µm)")
        ax.set_ylabel("y (µm)")
    fig.suptitle(title or f"p̄ = {result.load / 1e6:.3g} MPa, E' = {result.E_eff / 1e9:.3g} GPa")
    out = save_figure(fig, path)
    plt.close(fig)
    return out


def plot_conductance_vs_pressure(
    pressures: Sequence[float],
    curves: Mapping[str, Sequence[float]],
    path: str | Path,
    *,
    references: Mapping[str, Sequence[float]] | None = None,
    title: str = "Joint conductance from the numerical contact",
) -> Path:
    """h (W/m²K) vs pressure (MPa), log–log; ``references`` (e.g. CMY, Mikic) drawn dashed.

    Curves without a positive value (h_g in vacuum, h_r without emissivities) are left out.

    Parameters
    ----------
    pressures : sequence of float
        Nominal contact pressures [Pa].
    curves : Mapping of str to sequence of float
        Conductances per pressure [W/(m² K)] by label, e.g. ``{"h_c": ..., "h_j": ...}``; drawn with markers.
    path : str or Path
        The figure file; its suffix picks the format.
    references : Mapping of str to sequence of float, optional
        Correlations for the same surface [W/(m² K)] by label, drawn dashed.
    title : str
        The axes title.

    Returns
    -------
    Path
        The file written.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    p = np.asarray(pressures, float) / 1e6
    fig, ax = plt.subplots(figsize=(6.4, 4.6), constrained_layout=True)
    for name, values in curves.items():
        v = np.asarray(values, float)
        if np.any(v > 0):
            ax.loglog(p, np.where(v > 0, v, np.nan), "o-", ms=4, label=name)
    for name, values in (references or {}).items():
        v = np.asarray(values, float)
        if np.any(np.isfinite(v) & (v > 0)):
            ax.loglog(p, np.where(v > 0, v, np.nan), "--", label=name)
    ax.set_xlabel("nominal pressure p̄ (MPa)")
    ax.set_ylabel("h (W/m²K)")
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    out = save_figure(fig, path)
    plt.close(fig)
    return out
