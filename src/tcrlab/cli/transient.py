"""``tcrlab transient CASE.toml``: Zth(t) of a heat-path case, its structure function and junction response."""

from __future__ import annotations

from typing import Any

import click
import numpy as np

from tcrlab.cli.common import console, decade_times, emit_json, make_table
from tcrlab.cli.run import check_output_path, check_plot_path, writing

__all__ = ["transient"]


@click.command()
@click.argument("case_file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), default=None,
              help="Write t [s], Zth [K/W] (and the junction temperature) to a CSV file.")
@click.option("--plot", type=click.Path(dir_okay=False), is_flag=False, flag_value="transient.png", default=None,
              help="Zth and the structure function with the interfaces marked [transient.png].")
@click.option("--profile", "profile_path", type=click.Path(dir_okay=False), default=None,
              help="Power profile CSV (time [s], power [W] from then on): the junction temperature under it.")
@click.option("--identify/--no-identify", default=True, show_default=True,
              help="Also run the network identification on the predicted Zth (the structure function a "
                   "tester would show).")
def transient(case_file: str, as_json: bool, csv_path: str | None, plot: str | None, profile_path: str | None,
              identify: bool) -> None:
    """Thermal impedance Zth(t) of a case after a power step: exact layered solution of a heat path, or the
    transient FE solution of an FE case ([[body]] tables)."""
    from tcrlab.cases import load_case
    from tcrlab.cases.stack import StackCase
    from tcrlab.cases.transient import case_path, case_power, transient_settings
    from tcrlab.errors import InputError
    from tcrlab.transient import identify_network, interface_marks, layered_structure_function

    check_plot_path("--plot", plot)
    check_output_path("--csv", csv_path)
    case = load_case(case_file)
    if getattr(case, "kind", None) == "fem":
        from tcrlab.cli.transient_fem import transient_fem

        transient_fem(case, as_json=as_json, csv_path=csv_path, plot=plot, profile_path=profile_path,
                      identify=identify)
        return
    if not isinstance(case, StackCase):
        raise InputError("CASE", case_file, "a heat-path (stack) case with [[layer]] tables or an FE case "
                         "with [[body]] tables")
    settings = transient_settings(case.document, source=case.source)
    path = case_path(case)
    t = settings.times
    zth = path.zth(t)
    r_total = float(case.solve().total_resistance)
    power = case_power(case)
    t_sink = case.stack.boundary.sink_temperature
    exact = layered_structure_function(path)
    marks = interface_marks(path)
    ident = identify_network(t, zth, per_decade=20, noise=3e-4 * float(zth[-1])) if identify else None
    rise = _profile_rise(profile_path, path, t) if profile_path else None
    junction = None if power is None or t_sink is None else (power, t_sink)
    if csv_path:
        _write_csv(csv_path, t, zth, junction, rise)
    if plot:
        from tcrlab.plotting.transient import plot_transient

        curves = [("Zth, layered Laplace solution", t, zth)]
        structures = [("exact (distributed layers)", exact)]
        if ident is not None:
            structures.append(("from the Zth by network identification", ident.structure))
        with writing("--plot", plot):
            plot_transient(plot, curves=curves, structures=structures, marks=marks, title=case.name)
    result = _result_document(case, path, r_total, power, t, zth, marks, ident, rise)
    if as_json:
        emit_json(result)
        return
    _print_zth_table(case.name, path, t, r_total, junction)
    console.print(make_table("Layers on the structure function (junction → sink)", ["element", "R [K/W]", "C [J/K]"],
                             [[e["name"], f"{e['R_K_per_W']:.4g}", f"{e['C_J_per_K']:.4g}" if e["C_J_per_K"] else "—"]
                              for e in result["layers"]]))
    console.print(f"Steady state Zth(∞) = {float(path.steady_resistance):.6g} K/W (R_total of the steady case "
                  f"{r_total:.6g} K/W).")
    if rise is not None:
        k = int(np.argmax(rise))
        console.print(f"Under the power profile {profile_path}: peak junction rise {rise[k]:.4g} K at t = {t[k]:.3g} s, "
                      f"{float(np.round(rise[-1], 6)) + 0.0:.3f} K at t = {t[-1]:.3g} s (superposition of steps).")
    if ident is not None:
        console.print(f"Network identification of the predicted curve: {ident.cauer_R.size} Cauer stages, "
                      f"λ = {ident.spectrum.regularization:.3g}, residual {ident.spectrum.residual_rms:.2g} K/W.")
    for name, what in (("figure", plot), ("table", csv_path)):
        if what:
            console.print(f"{name}: {what}")


def _profile_rise(profile_path: str, path: Any, t: np.ndarray) -> np.ndarray:
    """The junction temperature rise [K] at the times ``t`` [s] under the --profile power steps."""
    from tcrlab.errors import InputError
    from tcrlab.transient import power_profile_response
    from tcrlab.transient.io import read_two_columns

    steps, powers, _ = read_two_columns(profile_path, name="--profile")
    if np.any(np.diff(steps) <= 0) or steps[0] < 0:
        raise InputError("--profile", profile_path, "rows of time [s] ≥ 0, strictly increasing, and power [W]")
    return power_profile_response(path.zth, t, steps, powers)


def _write_csv(csv_path: str, t: np.ndarray, zth: np.ndarray, junction: tuple[float, Any] | None,
               rise: np.ndarray | None) -> None:
    """Write t [s], Zth [K/W], the junction temperature [K] (given ``junction`` = (power [W], sink
    temperature [K])) and the --profile rise [K] (when given) to ``csv_path``, atomically."""
    from tcrlab.fileio import atomic_write_text

    cols = [t, zth]
    head = "t_s,Zth_K_per_W"
    if junction is not None:
        power, t_sink = junction
        cols.append(float(t_sink) + power * zth)
        head += ",T_junction_K"
    if rise is not None:
        cols.append(rise)
        head += ",dT_profile_K"
    lines = [head] + [",".join(f"{v:.9g}" for v in row) for row in np.column_stack(cols)]
    with writing("--csv", csv_path):
        atomic_write_text(csv_path, "\n".join(lines) + "\n")


def _result_document(case: Any, path: Any, r_total: float, power: float | None, t: np.ndarray, zth: np.ndarray,
                     marks: list[Any], ident: Any, rise: np.ndarray | None) -> dict[str, Any]:
    """The result as a JSON-ready document (SI units in the key names)."""
    result: dict[str, Any] = {
        "case": case.name, "source": case.source, "R_total_K_per_W": r_total,
        "steady_resistance_K_per_W": float(path.steady_resistance), "power_W": power,
        "t_s": t, "Zth_K_per_W": zth,
        "interfaces": [{"name": n, "R_before_K_per_W": a, "R_after_K_per_W": b} for n, a, b in marks],
        "layers": [{"name": e.name, "R_K_per_W": float(np.asarray(e.resistance)),
                    "C_J_per_K": float(e.capacitance) if hasattr(e, "capacitance") else 0.0}
                   for e in path.elements],
    }
    if ident is not None:
        result["identification"] = ident.to_dict()
    if rise is not None:
        result["profile_temperature_rise_K"] = rise
    return result


def _print_zth_table(name: str, path: Any, t: np.ndarray, r_total: float,
                     junction: tuple[float, Any] | None) -> None:
    """Print Zth at the whole decades of ``t`` [s], as a share of R_total and (given ``junction`` = (power
    [W], sink temperature [K])) as the junction temperature [°C]."""
    decade_t = decade_times(t)
    z_dec = path.zth(decade_t)
    rows = []
    for ti, zi in zip(decade_t, z_dec, strict=True):
        row = [f"{ti:.3g}", f"{zi:.5g}", f"{100 * zi / r_total:.1f}"]
        if junction is not None:
            row.append(f"{float(junction[1]) + junction[0] * zi - 273.15:.2f}")
        rows.append(row)
    cols = ["t [s]", "Zth [K/W]", "% of R_total"] + (["T_junction [°C]"] if junction is not None else [])
    console.print(make_table(f"Thermal impedance after a power step: {name}", cols, rows))
