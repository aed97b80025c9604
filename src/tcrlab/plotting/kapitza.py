"""R_K(T) on log–log axes: AMM, DMM, the phonon radiation limit and measured points."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from tcrlab.fileio import save_figure

__all__ = ["plot_kapitza"]

_STYLE = {"amm": ("AMM (full elastic)", "-"), "dmm": ("DMM", "--"), "radiation": ("radiation limit", ":")}


def plot_kapitza(
    T: Sequence[float] | np.ndarray,
    resistances: Mapping[str, np.ndarray],
    path: str | Path,
    *,
    title: str = "",
    measured: Sequence[Mapping[str, Any]] = (),
) -> Path:
    """Draw R_K = 1/h (m²K/W) vs T for each model in ``resistances`` (keys amm/dmm/radiation or any
    label) and measured entries (dicts with temperature & h, or temperature_range & h_over_T3).

    A measured point carries the authors' stated uncertainty as an error bar; an unverified secondary
    value is drawn as indicative within a factor 1.5.

    Parameters
    ----------
    T : sequence of float or ndarray
        Temperatures [K].
    resistances : Mapping of str to ndarray
        R_K per temperature [m² K/W] by model (``amm``, ``dmm``, ``radiation`` get their own label and
        line style; any other key is its own label).
    path : str or Path
        The figure file; its suffix picks the format.
    title : str
        The axes title (default: "Kapitza resistance of a perfect interface").
    measured : sequence of Mapping
        Measured entries: ``temperature`` [K] and ``h`` [W/(m² K)] (optional ``h_uncertainty``,
        ``verified``), or ``temperature_range`` [K] and ``h_over_T3`` [W/(m² K⁴)]; ``source`` labels them.

    Returns
    -------
    Path
        The file written.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.4, 4.6))
    t = np.asarray(T, dtype=float)
    for key, r in resistances.items():
        label, ls = _STYLE.get(key, (key, "-"))
        ax.loglog(t, np.asarray(r, dtype=float), ls, lw=1.8, label=label)
    for i, m in enumerate(measured):
        src = str(m.get("source", "measured")).split(",")[0]
        if "h" in m and "temperature" in m:
            h = float(m["h"])
            u = m.get("h_uncertainty")
            if u is not None and 0 < float(u) < h:  # the authors' stated uncertainty, R = 1/h
                lo, hi, how = 1.0 / (h + float(u)), 1.0 / (h - float(u)), f"± {float(u):.2g} W/m²K stated"
            elif not m.get("verified", True):  # unchecked secondary value: indicative within a factor 1.5
                lo, hi, how = 1.0 / (1.5 * h), 1.5 / h, "indicative, ×/÷ 1.5"
            else:
                lo = hi = 1.0 / h
                how = "no uncertainty stated"
            r = 1.0 / h
            ax.errorbar([m["temperature"]], [r], yerr=[[r - lo], [hi - r]], fmt="o", ms=7, capsize=4,
                        label=f"measured ({src}; {how})")
            ax.set_xscale("log")
            ax.set_yscale("log")
        elif "h_over_T3" in m and "temperature_range" in m:
            tr = np.geomspace(*m["temperature_range"], 20)
            ax.loglog(tr, 1.0 / (m["h_over_T3"] * tr**3), "k-", lw=3, alpha=0.4,
                      label=f"measured {m['h_over_T3']:g}·T³ ({src})" if i >= 0 else None)
    ax.set_xlabel("temperature T (K)")
    ax.set_ylabel("boundary resistance $R_K$ (m² K/W)")
    ax.set_title(title or "Kapitza resistance of a perfect interface")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    out = save_figure(fig, path, dpi=120)
    plt.close(fig)
    return out
