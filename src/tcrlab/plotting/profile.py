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


def plot_profile(result: StackResult, *, title: str | None = None) -> Any:
    """A matplotlib Figure of T(x) along the main heat path of a solved (scalar) stack."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    profile = result.profile
    if profile is None:
        raise ValueError("a profile needs a scalar (not batched) solution")
    offset = 273.15 if _celsius(result) else 0.0
    unit = "°C" if offset else "K"
    fig, ax = plt.subplots(figsize=(8.0, 4.8), constrained_layout=True)
    total = max(profile.x[-1] if profile.x.size else 0.0, 1e-9)
    scale, xunit = (1e3, "mm")
    layers = [s for s in profile.segments if not s.is_interface]
    for i, seg in enumerate(layers):
        ax.axvspan(seg.x_start * scale, seg.x_end * scale, color=_COLORS[i % len(_COLORS)], zorder=0)
        ax.text((seg.x_start + seg.x_end) / 2 * scale, 0.02, seg.name, transform=ax.get_xaxis_transform(),
                ha="center", va="bottom", fontsize=8, rotation=90 if (seg.x_end - seg.x_start) < 0.12 * total else 0)
    ax.plot(profile.x * scale, profile.T - offset, color="C3", lw=2, zorder=3)
    span = float(np.ptp(profile.T)) or 1.0
    for seg in profile.segments:
        if not seg.is_interface:
            continue
        x = seg.x_start * scale
        ax.annotate("", xy=(x, seg.T_end - offset), xytext=(x, seg.T_start - offset),
                    arrowprops={"arrowstyle": "->", "color": "k", "lw": 1.2}, zorder=4)
        ax.text(x + 0.01 * total * scale, (seg.T_start + seg.T_end) / 2 - offset + 0.02 * span,
                f"{seg.name}\nΔT = {seg.dT:.3g} K", fontsize=8, va="center", ha="left", zorder=5,
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "0.6", "alpha": 0.9})
    ax.set_xlabel(f"position from the hot end x [{xunit}]")
    ax.set_ylabel(f"temperature [{unit}]")
    ax.set_title(title or f"{result.name}: bottleneck = {result.bottleneck}", fontsize=10)
    ax.grid(alpha=0.3)
    return fig


def plot_variants(results: Mapping[str, StackResult], *, title: str = "Interface variants") -> Any:
    """Overlay the profiles of several solved stacks (same geometry, different interfaces)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8.0, 5.0), constrained_layout=True)
    for i, (name, res) in enumerate(results.items()):
        if res.profile is None:
            continue
        offset = 273.15 if _celsius(res) else 0.0
        ax.plot(res.profile.x * 1e3, res.profile.T - offset, lw=1.5, color=f"C{i % 10}",
                label=f"{name}: T_hot = {float(res.T_hot) - offset:.1f}")
    ax.set_xlabel("position from the hot end x [mm]")
    ax.set_ylabel("temperature [°C]")
    ax.set_title(title, fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, loc="upper right")
    return fig
