"""Figures for measurements: meter-bar profiles with fits and extrapolations, impedance vs thickness,
and measured conductance vs a fitted model."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from tcrlab.fileio import save_figure

__all__ = ["plot_fit", "plot_meterbar", "plot_thickness_series"]


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_meterbar(data: Any, results: Sequence[Any], path: str | Path, *, thickness_fit: Any = None) -> Path:
    """Temperature vs axial position for each run: readings, line fits extrapolated to the faces.

    Axis: the hot bar's face at 0, the hot bar at negative positions, the cold bar below its face
    at +t (t = sample thickness, 0 for a bare interface). With ``thickness_fit`` a second panel shows
    impedance vs thickness.

    Parameters
    ----------
    data : MeterBarData
        The runs: thermocouple positions [m] and temperatures [K] on the hot and cold bars, and the
        sample thickness [m] of each.
    results : sequence of MeterBarResult
        One reduction per run (:func:`tcrlab.experiment.meterbar.reduce_meterbar`): the line fits of
        both bars and the impedance [m² K/W] with its expanded uncertainty.
    path : str or Path
        The figure file; its suffix picks the format.
    thickness_fit : ThicknessSeriesResult, optional
        The impedance-vs-thickness fit of the same runs, drawn in a second panel.

    Returns
    -------
    Path
        The file written.
    """
    plt = _pyplot()
    ncols = 2 if thickness_fit is not None else 1
    fig, axes = plt.subplots(1, ncols, figsize=(6.4 * ncols, 4.6), squeeze=False)
    ax = axes[0, 0]
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for i, (run, res) in enumerate(zip(data.runs, results, strict=True)):
        c = colors[i % len(colors)]
        t = run.thickness or 0.0
        fh, fc = res.fits["hot"], res.fits["cold"]
        xh = np.linspace(0, run.x_hot.max(), 20)
        xc = np.linspace(0, run.x_cold.max(), 20)
        ax.errorbar(-run.x_hot * 1e3, run.t_hot - 273.15, yerr=fh.sigma, fmt="o", color=c, ms=4,
                    label=f"{run.label}: {res.quantity} = {res.impedance * 1e4:.3g}±{res.expanded_uncertainty * 1e4:.2g} cm²K/W")
        ax.errorbar((t + run.x_cold) * 1e3, run.t_cold - 273.15, yerr=fc.sigma, fmt="s", color=c, ms=4)
        ax.plot(-xh * 1e3, fh.intercept + fh.slope * xh - 273.15, "-", color=c, lw=1)
        ax.plot((t + xc) * 1e3, fc.intercept + fc.slope * xc - 273.15, "-", color=c, lw=1)
        ax.plot([0, t * 1e3], [fh.intercept - 273.15, fc.intercept - 273.15], ":", color=c, lw=1.5)
    ax.axvline(0, color="0.6", lw=0.8)
    ax.set_xlabel("position along the rig (mm; hot face at 0)")
    ax.set_ylabel("temperature (°C)")
    ax.set_title("Meter-bar profiles, fits extrapolated to the faces")
    ax.legend(fontsize=7)
    if thickness_fit is not None:
        plot_thickness_axes(axes[0, 1], thickness_fit)
    fig.tight_layout()
    return save_figure(fig, path, dpi=120)


def plot_thickness_axes(ax: Any, fit: Any) -> None:
    """Draw impedance vs sample thickness and the fitted line (k_app, R_contact, 95 % intervals) on ``ax``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    fit : ThicknessSeriesResult
        Thicknesses [m], impedances [m² K/W] (with their uncertainties, when known) and the line fit.
    """
    t = fit.thickness * 1e3
    yerr = None if fit.u_impedance is None else fit.u_impedance * 1e4
    ax.errorbar(t, fit.impedance * 1e4, yerr=yerr, fmt="o", label="measured")
    tt = np.linspace(0, fit.thickness.max() * 1.1, 50)
    ax.plot(tt * 1e3, (fit.intercept + fit.slope * tt) * 1e4, "-",
            label=f"k_app = {fit.conductivity:.3g}±{fit.coverage_factor * fit.u_conductivity:.2g} W/(m K)\n"
                  f"R_contact = {fit.intercept * 1e4:.3g}±{fit.coverage_factor * fit.u_intercept * 1e4:.2g} cm²K/W")
    ax.set_xlabel("sample thickness (mm)")
    ax.set_ylabel("thermal impedance (cm²·K/W)")
    ax.set_title("Impedance vs thickness (95 % intervals)")
    ax.legend(fontsize=8)


def plot_thickness_series(fit: Any, path: str | Path) -> Path:
    """Save impedance vs sample thickness with the fitted line: the apparent conductivity k_app (slope) and
    the contact resistance (intercept), 95 % intervals.

    Parameters
    ----------
    fit : ThicknessSeriesResult
        Thicknesses [m], impedances [m² K/W] (with their uncertainties, when known) and the line fit.
    path : str or Path
        The figure file; its suffix picks the format.

    Returns
    -------
    Path
        The file written.
    """
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.4, 4.6))
    plot_thickness_axes(ax, fit)
    fig.tight_layout()
    return save_figure(fig, path, dpi=120)


def plot_fit(fit: Any, path: str | Path, *, xlabel: str = "pressure (MPa)", x_scale: float = 1e-6) -> Path:
    """Measured h vs P with the fitted curve (log-log) and relative residuals.

    Parameters
    ----------
    fit : FitResult
        A fitted contact model (:mod:`tcrlab.experiment.fitting`): the measured points ``x``, ``y``
        [W/(m² K)], ``predict`` and the fitted parameters.
    path : str or Path
        The figure file; its suffix picks the format.
    xlabel : str
        Label of the horizontal axis.
    x_scale : float
        Factor from the SI values of ``x`` to the axis unit (1e-6: Pa to MPa).

    Returns
    -------
    Path
        The file written.
    """
    plt = _pyplot()
    fig, (ax, axr) = plt.subplots(2, 1, figsize=(6.4, 5.6), sharex=True, gridspec_kw={"height_ratios": [3, 1]})
    x = fit.x
    xx = np.geomspace(x.min() / 1.3, x.max() * 1.3, 200)
    ax.loglog(x * x_scale, fit.y, "o", label="measured")
    text = ", ".join(f"{n} = {v:.4g}" for n, v in fit.params().items())
    ax.loglog(xx * x_scale, fit.predict(xx), "-", label=f"{fit.model}: {text}")
    ax.set_ylabel("h_c (W/(m²·K))")
    ax.legend(fontsize=8)
    rel = (fit.y - fit.predict(x)) / fit.y
    axr.semilogx(x * x_scale, 100 * rel, "o")
    axr.axhline(0, color="0.5", lw=0.8)
    axr.set_ylabel("residual (%)")
    axr.set_xlabel(xlabel)
    fig.tight_layout()
    return save_figure(fig, path, dpi=120)
