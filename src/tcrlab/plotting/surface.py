"""Pictures of a topography: height map, isotropic PSD with the fitted power law, a profile line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from tcrlab.surfaces.topography import Topography

__all__ = ["length_unit", "plot_surface"]

_UNITS = (("nm", 1e-9), ("µm", 1e-6), ("mm", 1e-3), ("m", 1.0))


def length_unit(value: float) -> tuple[str, float]:
    """A display unit for lengths of magnitude ``value`` (m): ("µm", 1e-6) for 3e-5, etc.

    Parameters
    ----------
    value : float
        A typical length [m] (its magnitude is used).

    Returns
    -------
    name : str
        The largest of nm, µm, mm, m not above ``value`` (nm for anything smaller).
    scale : float
        The unit in metres: divide SI lengths by it.

    Examples
    --------
    >>> length_unit(3e-5), length_unit(0.02), length_unit(1e-12)
    (('µm', 1e-06), ('mm', 0.001), ('nm', 1e-09))
    """
    value = abs(float(value))
    chosen = _UNITS[0]
    for name, scale in _UNITS:
        if value >= scale:
            chosen = (name, scale)
    return chosen


def plot_surface(
    topography: Topography,
    path: str | Path | None = None,
    *,
    title: str | None = None,
    profile_row: int | None = None,
) -> Any:
    """Three panels: the height map (physical axes, colour bar), C_iso(q) on log–log axes with the
    fitted power law q^(−2−2H), and the height profile along x through the middle (or ``profile_row``).

    Returns the matplotlib Figure; with ``path`` the figure is also saved atomically (and closed).

    Parameters
    ----------
    topography : Topography
        The surface: heights [m] on a grid of known physical size [m].
    path : str or Path, optional
        Save the figure to this file (its suffix picks the format).
    title : str, optional
        The figure title.
    profile_row : int, optional
        The grid row (index along y) of the profile panel (default: the middle).

    Returns
    -------
    matplotlib.figure.Figure
        The figure (lengths in the unit :func:`length_unit` picks).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from tcrlab.errors import InputError
    from tcrlab.surfaces.statistics import fit_hurst, power_spectrum, rms_height, rms_slope

    (nx, ny), (lx, ly) = topography.nb_grid_pts, topography.physical_size
    lat_name, lat = length_unit(max(lx, ly))
    h = topography.heights - topography.heights.mean()
    h_name, hs = length_unit(max(np.abs(h).max(), 1e-300))

    fig = plt.figure(figsize=(13.5, 4.2), layout="constrained")
    ax_map, ax_psd, ax_prof = fig.subplots(1, 3, width_ratios=[1.1, 1, 1])

    image = ax_map.imshow(
        h.T / hs, origin="lower", extent=(0, lx / lat, 0, ly / lat), cmap="viridis",
        interpolation="nearest" if max(nx, ny) <= 128 else "antialiased", aspect="equal",
    )
    bar = fig.colorbar(image, ax=ax_map, shrink=0.9, pad=0.02)
    bar.ax.set_title(f"h ({h_name})", fontsize=8)  # a title, not a side label: clear of the PSD's axis
    fig.get_layout_engine().set(wspace=0.06)
    ax_map.set_xlabel(f"x ({lat_name})")
    ax_map.set_ylabel(f"y ({lat_name})")
    row = ny // 2 if profile_row is None else int(profile_row)
    ax_map.axhline((row + 0.5) * (ly / ny) / lat, color="w", lw=0.8, ls="--")
    ax_map.set_title(
        f"{nx}×{ny}, Rq = {rms_height(topography) / hs:.3g} {h_name}, "
        f"h'rms = {rms_slope(topography):.3g}",
        fontsize=9,
    )

    q, c = power_spectrum(topography, spacing="log")
    shown = c > 1e-12 * c.max() if c.size and c.max() > 0 else np.zeros(c.shape, bool)
    ax_psd.loglog(q[shown], c[shown], "o", ms=3, label="isotropic PSD")
    try:
        fit = fit_hurst(topography)
    except InputError:
        fit = None
    if fit is not None:
        qq = np.geomspace(fit.q_min, fit.q_max, 50)
        ax_psd.loglog(qq, fit.psd(qq), "-", color="C3", lw=1.5,
                      label=f"fit ∝ q^(−2−2H), H = {fit.hurst:.3f}")
    ax_psd.set_xlabel("wavevector q (rad/m)")
    ax_psd.set_ylabel("C(q) (m⁴)")
    ax_psd.legend(fontsize=8)
    ax_psd.grid(True, which="major", alpha=0.3)

    x, _ = topography.coordinates()
    ax_prof.plot(x / lat, h[:, row] / hs, lw=0.8)
    ax_prof.set_xlabel(f"x ({lat_name})")
    ax_prof.set_ylabel(f"height ({h_name})")
    ax_prof.set_title(f"profile at y = {row * ly / ny / lat:.3g} {lat_name}", fontsize=9)
    ax_prof.grid(True, alpha=0.3)
    if title:
        fig.suptitle(title)
    if path is not None:
        from tcrlab.fileio import save_figure

        save_figure(fig, path, dpi=120)
    return fig
