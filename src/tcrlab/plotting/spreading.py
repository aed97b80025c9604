"""Pictures of the spreading solutions: R_s against the source/plate ratio, and a surface temperature map."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

__all__ = ["plot_ratio_sweep", "plot_surface"]


def plot_ratio_sweep(ratio: np.ndarray, curves: dict[str, np.ndarray], *, marker: tuple[float, float] | None = None,
                     xlabel: str = "source / plate size", title: str = "") -> Figure:
    """R_s [K/W] against the source/plate ratio, one line per label; ``marker`` = (ratio, R_s) of the case.

    Parameters
    ----------
    ratio : ndarray
        Source-to-plate size ratios in (0, 1] [-].
    curves : dict of str to ndarray
        Spreading resistance per ratio [K/W] by label.
    marker : tuple of (float, float), optional
        The case's own ratio [-] and R_s [K/W], marked with a dot.
    xlabel : str
        Label of the horizontal axis.
    title : str
        The axes title (none when empty).

    Returns
    -------
    matplotlib.figure.Figure
        The figure (R_s on a logarithmic axis).
    """
    fig = Figure(figsize=(6.4, 4.2), layout="constrained")
    ax = fig.add_subplot()
    for label, values in curves.items():
        ax.plot(ratio, values, label=label)
    if marker is not None:
        ax.plot(*marker, "o", color="k", label="this case")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("spreading resistance R_s [K/W]")
    ax.set_xlim(0, 1)
    ax.set_yscale("log")  # R_s spans decades between a point-like source and one covering the plate
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=8)
    if title:
        ax.set_title(title, fontsize=10)
    return fig


def plot_surface(x: np.ndarray, y: np.ndarray, rise: np.ndarray, sources: Sequence[Any], *,
                 sink_temperature: float | None = None, title: str = "") -> Figure:
    """Temperature of the heated face (rise above the sink, or °C with ``sink_temperature`` in K) with the
    sources outlined and named.

    Parameters
    ----------
    x, y : ndarray
        Grid coordinates [m] (as from :func:`tcrlab.spreading.sources.surface_temperature_rise`).
    rise : ndarray
        Temperature rise θ[y, x] above the sink [K].
    sources : sequence of RectSource
        The sources (centre, length, width [m] and name), outlined on the map.
    sink_temperature : float, optional
        The sink temperature [K]; given, the map shows the temperature in °C instead of the rise.
    title : str
        The axes title (none when empty).

    Returns
    -------
    matplotlib.figure.Figure
        The figure (positions in mm).
    """
    fig = Figure(figsize=(6.4, 5.0), layout="constrained")
    ax = fig.add_subplot()
    offset = 0.0 if sink_temperature is None else sink_temperature - 273.15
    image = ax.pcolormesh(x * 1e3, y * 1e3, rise + offset, shading="gouraud", cmap="inferno")
    cbar = fig.colorbar(image, ax=ax)
    cbar.set_label("temperature rise above the sink [K]" if sink_temperature is None else "temperature [°C]")
    for s in sources:
        ax.add_patch(Rectangle(((s.x - s.length / 2) * 1e3, (s.y - s.width / 2) * 1e3), s.length * 1e3,
                               s.width * 1e3, fill=False, edgecolor="white", lw=1.2))
        ax.annotate(s.name, (s.x * 1e3, (s.y + s.width / 2) * 1e3), color="white", fontsize=8,
                    ha="center", va="bottom", xytext=(0, 2), textcoords="offset points")
    ax.set_aspect("equal")
    ax.set_xlabel("x [mm]")
    ax.set_ylabel("y [mm]")
    if title:
        ax.set_title(title, fontsize=9)
    return fig
