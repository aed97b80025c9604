"""Temperature profile T(x) through a layered stack: layers shaded, every interface jump marked."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from tcrlab.network.circuit import StackResult

__all__ = ["plot_profile", "plot_variants"]

_COLORS = ("#dbe9f6", "#fde2c8", "#dff2d8", "#eadcf2", "#f6f0c8", "#f7d9dc")


def _celsius(result: StackResult) -> bool:
    return float(np.min(result.node_temperatures)) > 200.0


def _paths(result: StackResult) -> list[tuple[str, Any]]:
    """(legend label, profile) of the main path and of every other branch of its parallel groups."""
    profile = result.profile
    flows = list(getattr(result, "branches", ()))
    if not flows:
        return [("", profile)]

    def label(group_branch: str | None, flow: Any) -> str:
        return f"{flow.group} / {flow.branch}: {100 * float(flow.heat_share):.0f} % of the heat"

    main = next(f for f in flows if f.on_main_path)
    out = [(label(None, main), profile)]
    for name, prof in getattr(result, "branch_profiles", ()):
        flow = next(f for f in flows if f"{f.group}/{f.branch}" == name)
        out.append((label(name, flow), prof))
    return out


def plot_profile(result: StackResult, *, title: str | None = None) -> Any:
    """A matplotlib Figure of T(x) along the main heat path of a solved (scalar) stack, and along every
    other branch of its parallel groups (one line each, labelled with its share of the heat).

    Layers are shaded and named; every interface's temperature jump is an arrow with its ΔT.

    Parameters
    ----------
    result : StackResult
        A solved stack with one value per input (a batched solution has no profile).
    title : str, optional
        The axes title (default: the case name with its bottleneck, or its number of parallel paths).

    Returns
    -------
    matplotlib.figure.Figure
        The figure (°C when every node is above 200 K, else K; positions in mm).

    Raises
    ------
    InputError
        If the solution is batched (no single profile).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if result.profile is None:
        from tcrlab.errors import InputError

        raise InputError("result", "a batched solution", "one solved case (a profile is drawn for one value "
                         "per input; plot a sweep or Monte Carlo with tcrlab.plotting.uq)")
    paths = _paths(result)
    offset = 273.15 if _celsius(result) else 0.0
    unit = "°C" if offset else "K"
    fig, ax = plt.subplots(figsize=(8.0, 4.8), constrained_layout=True)
    lengths = [p.x[-1] if p.x.size else 0.0 for _, p in paths]
    widest = paths[int(np.argmax(lengths))][1]  # its layers are shaded and named
    total = max(max(lengths), 1e-9)
    scale, xunit = (1e3, "mm")
    layers = [s for s in widest.segments if not s.is_interface]
    for i, seg in enumerate(layers):
        ax.axvspan(seg.x_start * scale, seg.x_end * scale, color=_COLORS[i % len(_COLORS)], zorder=0)
        ax.text((seg.x_start + seg.x_end) / 2 * scale, 0.02, seg.name, transform=ax.get_xaxis_transform(),
                ha="center", va="bottom", fontsize=8, rotation=90 if (seg.x_end - seg.x_start) < 0.12 * total else 0)
    span = float(max(np.ptp(p.T) for _, p in paths)) or 1.0
    colors = ("C3", "C0", "C2", "C4", "C1", "C5")
    for n, (name, profile) in enumerate(paths):
        color = colors[n % len(colors)]
        ax.plot(profile.x * scale, profile.T - offset, color=color, lw=2, zorder=3 + n, label=name or None,
                ls="-" if n == 0 else "--")
        for seg in profile.segments:
            if not seg.is_interface or (len(paths) > 1 and abs(seg.dT) < 0.03 * span):
                continue
            x = seg.x_start * scale
            ax.annotate("", xy=(x, seg.T_end - offset), xytext=(x, seg.T_start - offset),
                        arrowprops={"arrowstyle": "->", "color": color if len(paths) > 1 else "k", "lw": 1.2},
                        zorder=4 + n)
            right = seg.x_start > 0.8 * total
            ax.text(x + (-0.01 if right else 0.01) * total * scale,
                    (seg.T_start + seg.T_end) / 2 - offset + 0.02 * span,
                    f"{seg.name}\nΔT = {seg.dT:.3g} K", fontsize=8, va="center", ha="right" if right else "left",
                    zorder=10,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": color if len(paths) > 1 else "0.6",
                          "alpha": 0.9})
    if len(paths) > 1:
        ax.legend(loc="center", fontsize=8, title="parallel heat paths", title_fontsize=8)
        ax.set_xlim(-0.04 * total * scale, 1.04 * total * scale)
    ax.set_xlabel(f"position from the hot end x [{xunit}]")
    ax.set_ylabel(f"temperature [{unit}]")
    auto = (f"{result.name}: {len(paths)} parallel heat paths" if len(paths) > 1
            else f"{result.name}: bottleneck = {result.bottleneck}")
    ax.set_title(title or auto, fontsize=10)
    ax.grid(alpha=0.3)
    return fig


def plot_variants(results: Mapping[str, StackResult], *, title: str = "Interface variants") -> Any:
    """Compare solved stacks (same geometry, different interfaces): their T(x) profiles overlaid (left)
    and the hot-end (junction) temperatures as bars (right).

    Parameters
    ----------
    results : Mapping of str to StackResult
        Solved stacks by variant name; batched solutions (no profile) are left out.
    title : str
        The figure title.

    Returns
    -------
    matplotlib.figure.Figure
        The figure.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    items = [(name, res) for name, res in results.items() if res.profile is not None]
    celsius = all(_celsius(res) for _, res in items)
    offset, unit = (273.15, "°C") if celsius else (0.0, "K")
    cmap = plt.get_cmap("tab20")
    fig, (ax, bars) = plt.subplots(1, 2, figsize=(12.0, 5.2), constrained_layout=True,
                                   gridspec_kw={"width_ratios": [1.0, 1.1]})
    for i, (_, res) in enumerate(items):
        assert res.profile is not None
        ax.plot(res.profile.x * 1e3, res.profile.T - offset, lw=1.5, color=cmap(i % 20))
    ax.set_xlabel("position from the hot end x [mm]")
    ax.set_ylabel(f"temperature [{unit}]")
    ax.set_title("T(x) profiles", fontsize=10)
    ax.grid(alpha=0.3)
    temps = [float(res.T_hot) - offset for _, res in items]
    y = np.arange(len(items))
    bars.barh(y, temps, color=[cmap(i % 20) for i in range(len(items))])
    for yi, t in zip(y, temps, strict=True):
        bars.text(t, yi, f" {t:.1f}", va="center", fontsize=8)
    bars.set_yticks(y, [name for name, _ in items], fontsize=8)
    bars.invert_yaxis()
    bars.set_xlabel(f"hot-end (junction) temperature [{unit}]")
    bars.set_xlim(0, max(temps) * 1.12 if temps else 1)
    bars.grid(alpha=0.3, axis="x")
    fig.suptitle(title, fontsize=11)
    return fig
