"""Pictures of an FE solution: a temperature slice through the assembly and the interface maps (h_j and
the temperature jump across one interface)."""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["plot_fem", "plot_interface_maps", "plot_slice"]


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _celsius(result: Any) -> tuple[float, str]:
    return (273.15, "°C") if float(result.temperature.min()) > 200.0 else (0.0, "K")


def _slice_fields(result: Any, at: float | None) -> tuple[list[tuple[str, np.ndarray, np.ndarray, np.ndarray]], str]:
    """(name, horizontal coords, z, T[z, horizontal]) per body in the section plane."""
    a = result.assembly
    out = []
    if a.geometry == "box":
        y0 = at if at is not None else 0.5 * sum(a.bodies[0].footprint[1])
        label = f"section y = {y0 * 1e3:.3g} mm"
        for b in a.bodies:
            (x, y, z), t = result.body_temperature(b.name)
            if not (y[0] - 1e-12 <= y0 <= y[-1] + 1e-12):
                continue
            j = int(np.argmin(np.abs(y - y0)))
            out.append((b.name, x, z, t[:, j, :]))
        return out, label
    for b in a.bodies:
        (x, z), t = result.body_temperature(b.name)
        out.append((b.name, x, z, t))
    return out, ("r–z section" if a.radial else "x–z section")


def plot_slice(result: Any, ax: Any = None, *, at: float | None = None) -> Any:
    """Temperature on a vertical section (3-D: the plane y = ``at``, default the first body's mid-plane).

    Parameters
    ----------
    result : FieldResult
        A solved FE case (:func:`tcrlab.fem.solve`).
    ax : matplotlib.axes.Axes, optional
        Where to draw; None makes a new figure.
    at : float, optional
        3-D only: the y of the section plane [m] (default: the first body's mid-plane).

    Returns
    -------
    matplotlib.figure.Figure
        The figure holding the section (temperatures in °C when all are above 200 K, else in K).
    """
    plt = _pyplot()
    fig = None
    if ax is None:
        fig, ax = plt.subplots(figsize=(8.0, 4.2), constrained_layout=True)
    off, unit = _celsius(result)
    fields, label = _slice_fields(result, at)
    vmin = min(float(f[3].min()) for f in fields) - off
    vmax = max(float(f[3].max()) for f in fields) - off
    mappable = None
    for name, x, z, t in fields:
        mappable = ax.pcolormesh(x * 1e3, z * 1e3, t - off, shading="gouraud", cmap="inferno", vmin=vmin, vmax=vmax)
        ax.plot(1e3 * np.array([x[0], x[-1], x[-1], x[0], x[0]]), 1e3 * np.array([z[0], z[0], z[-1], z[-1], z[0]]),
                color="w", lw=0.8)
        ax.text(1e3 * x[0], 1e3 * z[-1], f" {name}", color="k", fontsize=8, va="top", ha="left",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
    horizontal = "r" if result.assembly.radial else "x"
    ax.set_xlabel(f"{horizontal} [mm]")
    ax.set_ylabel("z [mm]")
    ax.set_title(label, fontsize=9)
    if mappable is not None:
        (fig or ax.figure).colorbar(mappable, ax=ax, label=f"T [{unit}]")
    return fig or ax.figure


def plot_interface_maps(result: Any, interface: str | None = None, axes: Any = None, *,
                        pressure: np.ndarray | None = None) -> Any:
    """Panels for one interface (default the first): h_j [W/(m² K)] and the jump T₁ − T₂ [K], with the
    contact pressure [MPa] first when ``pressure`` (one value per interface cell [Pa]) is given.

    3-D interfaces are drawn as maps (a uniform field as its value, without a colour bar); 2-D and r–z
    ones as profiles along the interface.

    Parameters
    ----------
    result : FieldResult
        A solved FE case with at least one interface.
    interface : str, optional
        The interface's name (default: the first).
    axes : sequence of matplotlib.axes.Axes, optional
        One axes per panel; None makes a new figure.
    pressure : ndarray, optional
        Contact pressure per interface cell [Pa], drawn as the first panel.

    Returns
    -------
    matplotlib.figure.Figure
        The figure holding the panels.

    Raises
    ------
    InputError
        If the model has no interface, or ``interface`` names none of its interfaces.
    """
    from tcrlab.errors import InputError

    plt = _pyplot()
    if not result.interfaces:
        raise InputError("interface", interface, "an interface of the model",
                         problem="the model has no [[interface]] to draw")
    itf = next((i for i in result.interfaces if i.name == interface), None) if interface else result.interfaces[0]
    if itf is None:
        raise InputError("interface", interface, ", ".join(i.name for i in result.interfaces))
    panels = [(itf.h, "h_j [W/(m² K)]", "viridis"), (itf.jump, f"jump {itf.bodies[0]} − {itf.bodies[1]} [K]", "magma")]
    if pressure is not None:
        panels.insert(0, (np.asarray(pressure) / 1e6, "contact pressure [MPa]", "cividis"))
    fig = None
    if axes is None:
        fig, axes = plt.subplots(1, len(panels), figsize=(4.8 * len(panels), 3.6), constrained_layout=True)
    if result.assembly.geometry == "box":
        gx, gy = itf.grid
        order = np.lexsort((itf.centres[:, 0], itf.centres[:, 1]))
        shape = (len(gy) - 1, len(gx) - 1)
        for ax, (values, label, cmap) in zip(axes, panels, strict=True):
            values = np.asarray(values)
            if np.ptp(values) <= 1e-9 * np.max(np.abs(values)):  # a constant field: say so, no colour bar
                ax.set_xlim(gx[0] * 1e3, gx[-1] * 1e3)
                ax.set_ylim(gy[0] * 1e3, gy[-1] * 1e3)
                ax.set_aspect("equal")
                ax.text(0.5, 0.5, f"uniform\n{label.split(' [')[0]} = {values[0]:.4g}\n[{label.split(' [')[1]}",
                        transform=ax.transAxes, ha="center", va="center")
                ax.set_xlabel("x [mm]")
                ax.set_ylabel("y [mm]")
                continue
            grid = values[order].reshape(shape)
            m = ax.pcolormesh(gx * 1e3, gy * 1e3, grid, cmap=cmap, shading="flat")
            ax.set_aspect("equal")
            ax.set_xlabel("x [mm]")
            ax.set_ylabel("y [mm]")
            (fig or ax.figure).colorbar(m, ax=ax, label=label, shrink=0.7)
    else:
        order = np.argsort(itf.centres[:, 0])
        x = itf.centres[order, 0] * 1e3
        for ax, (values, label, _) in zip(axes, panels, strict=True):
            ax.plot(x, np.asarray(values)[order], lw=1.8)
            ax.set_xlabel(("r" if result.assembly.radial else "x") + " [mm]")
            ax.set_ylabel(label)
            ax.grid(alpha=0.3)
    (fig or axes[0].figure).suptitle(f"interface {itf.name}: Q = {itf.heat:.4g} W, mean jump {itf.mean_jump:.3g} K",
                                     fontsize=10)
    return fig or axes[0].figure


def plot_fem(result: Any, *, title: str | None = None) -> Any:
    """Slice on top, the first interface's maps below (when there is an interface).

    Parameters
    ----------
    result : FieldResult
        A solved FE case.
    title : str, optional
        The figure title (default: the assembly's name).

    Returns
    -------
    matplotlib.figure.Figure
        The figure (not saved; see :func:`tcrlab.fileio.save_figure`).
    """
    plt = _pyplot()
    if not result.interfaces:
        fig = plot_slice(result)
        fig.suptitle(title or result.assembly.name, fontsize=10)
        return fig
    fig = plt.figure(figsize=(10.0, 8.2), constrained_layout=True)
    top, bottom = fig.subfigures(2, 1, height_ratios=[1.1, 1.0])
    plot_slice(result, top.subplots())
    plot_interface_maps(result, None, bottom.subplots(1, 2))
    fig.suptitle(title or result.assembly.name, fontsize=11)
    return fig
