"""Figure: contact conductance on loading, unloading and reloading (log–log), plus a table's two paths."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from tcrlab.fileio import save_figure

__all__ = ["plot_export_table", "plot_hysteresis"]


def plot_hysteresis(result: Any, path: str | Path, *, title: str = "Loading–unloading memory") -> Path:
    """Save h_c(P) of a :class:`tcrlab.export.hysteresis.HysteresisResult` (three branches) to ``path``.

    Parameters
    ----------
    result : HysteresisResult
        Pressures [Pa] with h_c on first loading, on unloading from the peak and on reloading
        [W/(m² K)].
    path : str or Path
        The figure file; its suffix picks the format.
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

    p = np.asarray(result.pressure) / 1e6
    fig, ax = plt.subplots(figsize=(6.4, 4.4), dpi=120)
    ax.plot(p, result.h_loading, "o-", color="C0", lw=2, label="first loading (plastic flattening)")
    ax.plot(p, result.h_unloading, "s--", color="C3", lw=2, label="unloading from $P_{max}$ (elastic)")
    ax.plot(p, result.h_reloading, "x", color="k", ms=9, label="reloading the residual surface")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("nominal contact pressure P [MPa]")
    ax.set_ylabel("constriction conductance $h_c$ [W/(m² K)]")
    from matplotlib.ticker import LogLocator, NullFormatter, ScalarFormatter

    ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    ax.xaxis.set_major_formatter(ScalarFormatter())
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_title(title, fontsize=10)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return save_figure(fig, path)


def plot_export_table(table: Any, path: str | Path, *, temperature: float | None = None,
                      title: str = "Exported conductance table") -> Path:
    """Save the closed path h(P) and the open path h(d) of a ConductanceTable (nodes and the C1
    interpolant) side by side.

    Parameters
    ----------
    table : ConductanceTable
        An exported table (:mod:`tcrlab.export.table`): h against pressure [Pa] and against clearance [m]
        per temperature [K].
    path : str or Path
        The figure file; its suffix picks the format.
    temperature : float, optional
        The table temperature to draw [K]; the nearest row is used (default: the first).
    title : str
        The figure title (the temperature is appended).

    Returns
    -------
    Path
        The file written.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    t = float(table.temperature[0] if temperature is None else temperature)
    j = int(np.argmin(np.abs(table.temperature - t)))
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(9.6, 4.0), dpi=120)
    pn = table.pressure[1:]
    pf = np.geomspace(pn[0], pn[-1], 400)
    a1.plot(pf / 1e6, table.gapcon(pf, 0.0, t).h, "-", color="C0", label="PCHIP interpolant (gapcon)")
    a1.plot(pn / 1e6, table.h_pressure[j, 1:], ".", color="k", ms=4, label="table nodes")
    a1.axhline(table.h_pressure[j, 0], color="C2", ls=":", label="contact onset (P = 0 row)")
    a1.set_xscale("log")
    a1.set_yscale("log")
    a1.set_xlabel("contact pressure P [MPa]")
    a1.set_ylabel("h [W/(m² K)]")
    a1.set_title("closed: h_c + h_g + h_r", fontsize=10)
    a1.legend(fontsize=8)
    dn = table.clearance[1:]
    df = np.geomspace(dn[0], dn[-1], 400)
    a2.plot(df * 1e6, table.gapcon(0.0, df, t).h, "-", color="C3", label="PCHIP interpolant (gapcon)")
    a2.plot(dn * 1e6, table.h_clearance[j, 1:], ".", color="k", ms=4, label="table nodes")
    a2.set_xscale("log")
    a2.set_yscale("log")
    a2.set_xlabel("clearance d [µm]")
    a2.set_title("open: h_g(Y_t + d) + h_r", fontsize=10)
    a2.legend(fontsize=8)
    for ax in (a1, a2):
        ax.grid(True, which="both", alpha=0.3)
    fig.suptitle(f"{title} at {t:g} K", fontsize=10)
    fig.tight_layout()
    return save_figure(fig, path)
