"""Figure: the joint conductances h_c, h_g, h_r and h_j against contact pressure (log–log)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from tcrlab.fileio import save_figure

__all__ = ["plot_joint_curve"]


def plot_joint_curve(pressures: Any, result: Any, path: str | Path, *, title: str = "Joint conductance",
                     operating: tuple[float, Any] | None = None) -> Path:
    """Save a log–log plot of h_c, h_g, h_r, h_j (W/(m² K)) versus contact pressure (MPa) to ``path``.

    ``result`` is a :class:`tcrlab.joint.JointResult` evaluated over ``pressures`` (Pa). Zero curves
    (h_g in vacuum, h_r without emissivity) are listed in the legend as "0" and not drawn.
    ``operating`` = (pressure [Pa], JointResult there) marks the operating point with its h_j and
    R_c = 1/h_j in W/(m²K) and cm²K/W.

    Parameters
    ----------
    pressures : array_like
        Contact pressures [Pa].
    result : JointResult
        The joint evaluated over ``pressures`` (h_c, h_g, h_r, h_j [W/(m² K)]).
    path : str or Path
        The figure file; its suffix picks the format.
    title : str
        The axes title.
    operating : tuple of (float, JointResult), optional
        The operating pressure [Pa] and the joint's result there, marked on the curve.

    Returns
    -------
    Path
        The file written.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    p = np.asarray(pressures, dtype=float) / 1e6
    fig, ax = plt.subplots(figsize=(6.4, 4.4), dpi=120)
    styles = {"h_c": ("C0", "-", "h_c constriction"), "h_g": ("C2", "--", "h_g gap"),
              "h_r": ("C3", ":", "h_r radiation"), "h_j": ("k", "-", "h_j joint")}
    for attr, (color, ls, label) in styles.items():
        y = np.broadcast_to(np.asarray(getattr(result, attr), dtype=float), p.shape)
        if np.all(y <= 0):
            ax.plot([], [], color=color, ls=ls, label=f"{label} = 0")
            continue
        ax.plot(p, np.where(y > 0, y, np.nan), color=color, ls=ls, lw=2.2 if attr == "h_j" else 1.6,
                label=label)
    if operating is not None:
        p_op, r_op = operating
        hj = float(np.mean(np.asarray(r_op.h_j, dtype=float)))
        x = float(p_op) / 1e6
        ax.plot([x], [hj], "o", color="k", mfc="gold", ms=9, zorder=5,
                label=f"operating point: {x:.3g} MPa, h_j = {hj:.3g} W/(m²K), R_c = {1e4 / hj:.3g} cm²K/W")
        ax.axvline(x, color="0.5", lw=0.8, ls="--", zorder=1)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("contact pressure P [MPa]")
    ax.set_ylabel("conductance [W/(m² K)]")
    ax.set_title(title, fontsize=10)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    out = save_figure(fig, path)
    plt.close(fig)
    return out
