"""``tcrlab transient`` for an FE case (``[[body]]`` tables): Zth(t) of the 2-D / r–z / 3-D assembly by
:func:`tcrlab.fem.solve_transient`, its structure function by network identification."""

from __future__ import annotations

from typing import Any

import numpy as np

from tcrlab.cli.common import console, decade_times, emit_json, make_table
from tcrlab.cli.run import writing

__all__ = ["transient_fem"]


def transient_fem(case: Any, *, as_json: bool, csv_path: str | None, plot: str | None,
                  profile_path: str | None, identify: bool) -> None:
    """Zth(t) of an FE case after a power step and its report: the table (or JSON), the CSV and the figure.

    Parameters
    ----------
    case : FemCase
        The case built from the file (with its ``[transient]`` settings).
    as_json : bool
        Print one JSON document instead of the tables.
    csv_path : str or None
        Write t [s], Zth of each reported face [K/W] and the source temperature [K] (and the --profile
        rise [K]) to this CSV file.
    plot : str or None
        Write Zth of each reported face (and, with ``identify``, the structure function) to this figure
        file.
    profile_path : str or None
        Power profile CSV (time [s], power [W] from then on): the source's temperature rise under it.
    identify : bool
        Also run the network identification on the computed Zth (the structure function a tester
        would show).
    """
    from tcrlab.errors import InputError
    from tcrlab.transient import identify_network

    with console.status(f"FE transient of {case.name} …"):
        r = case.solve_transient()
    t, zth = r.t, r.zth[r.source]
    ident = identify_network(t, zth, per_decade=20, noise=3e-4 * float(zth[-1])) if identify else None
    rise = None
    if profile_path:
        from tcrlab.transient.io import read_two_columns

        steps, powers, _ = read_two_columns(profile_path, name="--profile")
        if np.any(np.diff(steps) <= 0) or steps[0] < 0:
            raise InputError("--profile", profile_path, "rows of time [s] ≥ 0, strictly increasing, and power [W]")
        rise = r.profile_response(t, steps, powers)
    if csv_path:
        from tcrlab.fileio import atomic_write_text

        names = list(r.zth)
        cols = [t] + [r.zth[k] for k in names] + [r.sink_temperature + r.power * zth]
        head = "t_s," + ",".join(f"Zth[{k}]_K_per_W" for k in names) + ",T_source_K"
        if rise is not None:
            cols.append(rise)
            head += ",dT_profile_K"
        lines = [head] + [",".join(f"{v:.9g}" for v in row) for row in np.column_stack(cols)]
        with writing("--csv", csv_path):
            atomic_write_text(csv_path, "\n".join(lines) + "\n")
    if plot:
        from tcrlab.plotting.transient import plot_transient

        curves = [(f"Zth[{k}], FE ({r.unknowns:,} unknowns)", t, z) for k, z in r.zth.items()]
        structures = [("from the FE Zth by network identification", ident.structure)] if ident is not None else []
        with writing("--plot", plot):
            plot_transient(plot, curves=curves, structures=structures, title=case.name)
    result: dict[str, Any] = {
        "case": case.name, "source": case.source, "kind": "fem", "power_W": r.power,
        "sink_temperature_K": r.sink_temperature, "t_s": t, "Zth_K_per_W": zth,
        "faces": {k: {"Zth_K_per_W": v, "steady_K_per_W": r.steady[k]} for k, v in r.zth.items()},
        "steady_resistance_K_per_W": r.steady[r.source], "heat_capacity_J_per_K": r.heat_capacity,
        "unknowns": r.unknowns, "time_steps": r.steps, "factorizations": r.factorizations, "method": r.method,
        "mass": r.mass, "energy_balance_error": r.energy_balance_error,
    }
    if ident is not None:
        result["identification"] = ident.to_dict()
    if rise is not None:
        result["profile_temperature_rise_K"] = rise
    if as_json:
        emit_json(result)
        return
    decade_t = decade_times(t)
    z_dec = r.zth_at(decade_t)
    rows = [[f"{ti:.3g}", f"{zi:.5g}", f"{100 * zi / r.steady[r.source]:.1f}",
             f"{r.sink_temperature + r.power * zi - 273.15:.2f}"] for ti, zi in zip(decade_t, z_dec, strict=True)]
    console.print(make_table(f"Thermal impedance after a power step (FE): {case.name}",
                             ["t [s]", f"Zth[{r.source}] [K/W]", "% of Zth(∞)", "T_source [°C]"], rows))
    console.print(f"Zth(∞) = {r.steady[r.source]:.6g} K/W (steady FE solution); {r.unknowns:,} unknowns, "
                  f"{r.steps} TR-BDF2 steps with {r.factorizations} step sizes ({r.method}), {r.mass} heat "
                  f"capacity {r.heat_capacity:.4g} J/K, energy balance {r.energy_balance_error:.1e}.")
    if rise is not None:
        k = int(np.argmax(rise))
        console.print(f"Under the power profile {profile_path}: peak rise {rise[k]:.4g} K at t = {t[k]:.3g} s "
                      "(superposition of steps).")
    if ident is not None:
        console.print(f"Network identification of the FE curve: {ident.cauer_R.size} Cauer stages, "
                      f"λ = {ident.spectrum.regularization:.3g}, residual {ident.spectrum.residual_rms:.2g} K/W.")
    for name, what in (("figure", plot), ("table", csv_path)):
        if what:
            console.print(f"{name}: {what}")
