"""``tcrlab zth DATA.csv [--dual DATA2.csv]``: evaluate measured heating curves.

Time-constant spectrum, Cauer ladder and structure function of one curve; with ``--dual`` the JESD51-14
transient dual interface evaluation of R_thJC; with ``--case`` the model's interfaces are marked on the
structure function, and ``--fit-interface NAME`` fits that interface's resistance to the curve.
"""

from __future__ import annotations

import click
import numpy as np

from tcrlab.cli.common import console, emit_json, make_table
from tcrlab.cli.run import check_plot_path, writing

__all__ = ["zth"]


def _window(text: str | None) -> tuple[float, float] | None:
    from tcrlab.errors import InputError
    from tcrlab.units import parse_quantity

    if text is None:
        return None
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2:
        raise InputError("--sqrt-window", text, "two times 'START,END', e.g. '10 us,100 us'")
    lo, hi = (float(parse_quantity(p, "time", "--sqrt-window")) for p in parts)
    return lo, hi


@click.command()
@click.argument("data_file", type=click.Path(dir_okay=False))
@click.option("--dual", "dual_file", type=click.Path(dir_okay=False), default=None,
              help="Second curve of the same device with another case contact (JESD51-14).")
@click.option("--power", default=None, help="Heating power (e.g. '20 W') when the files hold temperature rises.")
@click.option("--per-decade", type=int, default=20, show_default=True, help="Time constants per decade.")
@click.option("--noise", default=None, help="RMS noise of Zth (e.g. '0.002 K/W'); estimated from the data by default.")
@click.option("--sqrt-window", default=None, help="√t early-time correction window, e.g. '10 us,100 us'.")
@click.option("--case", "case_file", type=click.Path(dir_okay=False), default=None,
              help="A heat-path case whose interfaces are marked on the structure function.")
@click.option("--fit-interface", default=None, help="Fit this interface of --case to the curve (Monte Carlo uncertainty).")
@click.option("--samples", type=int, default=200, show_default=True, help="Monte Carlo refits of --fit-interface.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--plot", type=click.Path(dir_okay=False), is_flag=False, flag_value="zth.png", default=None,
              help="Zth and structure function figure [zth.png].")
def zth(data_file: str, dual_file: str | None, power: str | None, per_decade: int, noise: str | None,
        sqrt_window: str | None, case_file: str | None, fit_interface: str | None, samples: int, seed: int,
        as_json: bool, plot: str | None) -> None:
    """Spectrum, structure function and (with --dual) the JESD51-14 R_thJC of measured Zth curves."""
    from tcrlab.errors import InputError
    from tcrlab.transient import dual_interface, identify_network, sqrt_t_correction
    from tcrlab.transient.io import load_zth_csv
    from tcrlab.units import parse_quantity

    check_plot_path("--plot", plot)
    if not 2 <= per_decade <= 40:
        raise InputError("--per-decade", per_decade, "2 … 40 time constants per decade")
    p_w = float(parse_quantity(power, "power", "--power")) if power is not None else None
    sigma = float(parse_quantity(noise, "resistance", "--noise")) if noise is not None else None
    window = _window(sqrt_window)
    if fit_interface and not case_file:
        raise InputError("--fit-interface", fit_interface, "a --case file that has this interface")
    t, z = load_zth_csv(data_file, power=p_w)
    if window is not None:
        z = sqrt_t_correction(t, z, window, name=data_file).zth
    ident = identify_network(t, z, per_decade=per_decade, noise=sigma, name=data_file)
    result: dict = {"source": data_file, "identification": ident.to_dict()}
    path = None
    marks = []
    if case_file:
        from tcrlab.cases import load_case
        from tcrlab.cases.transient import case_path
        from tcrlab.transient import interface_marks

        path = case_path(load_case(case_file))
        marks = interface_marks(path)
        result["predicted_interfaces"] = [{"name": n, "R_before_K_per_W": a, "R_after_K_per_W": b}
                                          for n, a, b in marks]
    fit = None
    if fit_interface:
        from tcrlab.transient import fit_interface_resistance

        fit = fit_interface_resistance(path, fit_interface, ident.curve.t, ident.curve.zth, samples=samples, seed=seed)
        result["interface_fit"] = fit.to_dict()
    dual = None
    if dual_file:
        t2, z2 = load_zth_csv(dual_file, power=p_w)
        dual = dual_interface(t, z, t2, z2, sqrt_window=window, per_decade=per_decade)
        result["jesd51_14"] = dual.to_dict()
    if plot:
        from tcrlab.plotting.transient import plot_transient

        curves = [(f"{data_file}", t, z), ("identified network", ident.curve.t, ident.spectrum.model(ident.curve.t))]
        structures = [(data_file, ident.structure)]
        if dual is not None:
            curves.insert(1, (dual_file, dual.ident_b.curve.t, dual.ident_b.curve.zth))
            structures.append((dual_file, dual.ident_b.structure))
        if path is not None:
            from tcrlab.transient import layered_structure_function

            structures.append((f"model {case_file}", layered_structure_function(path)))
        with writing("--plot", plot):
            plot_transient(plot, curves=curves, structures=structures, marks=marks,
                           separation=dual.rth_jc_structure if dual is not None else None,
                           title=f"Zth evaluation: {data_file}")
    if as_json:
        emit_json(result)
        return
    s = ident.spectrum
    console.print(make_table(f"Network identification: {data_file}", ["quantity", "value"], [
        ["points / decades", f"{ident.curve.t.size} / {ident.curve.decades:.2g}"],
        ["noise RMS (K/W)", f"{s.noise:.3g}" + (" (given)" if sigma is not None else " (estimated)")],
        ["regularisation λ (discrepancy principle)", f"{s.regularization:.3g}"],
        ["fit residual RMS (K/W)", f"{s.residual_rms:.3g}"],
        ["R_total = Σ spectrum (K/W)", f"{float(np.sum(s.R)):.5g}"],
        ["Cauer stages", f"{ident.cauer_R.size}"],
    ]))
    if marks:
        console.print(make_table("Model interfaces on the structure function",
                                 ["interface", "R_Σ from (K/W)", "to (K/W)", "C_Σ measured there (J/K)"],
                                 [[n, f"{a:.4g}", f"{b:.4g}", f"{float(ident.structure.capacitance_at(0.5 * (a + b))):.3g}"]
                                  for n, a, b in marks]))
    if fit is not None:
        console.print(f"[bold]{fit.name}[/bold]: R = {fit.value:.5g} K/W, σ = {fit.std:.2g} K/W, 95 % interval "
                      f"{fit.interval[0]:.5g} … {fit.interval[1]:.5g} K/W ({samples} Monte Carlo refits, seed {seed}).")
    if dual is not None:
        console.print(make_table("JESD51-14 transient dual interface", ["quantity", "value"], [
            ["R_thJC, Zth method (K/W)", f"{dual.rth_jc_zth:.4g}"],
            ["separation time (s)", f"{dual.separation_time:.3g}"],
            ["R_thJC, structure-function method (K/W)", f"{dual.rth_jc_structure:.4g}"],
            ["separation capacitance (J/K)", f"{dual.separation_capacitance:.3g}"],
            ["interface difference a − b, structure functions (K/W)", f"{dual.tim_difference_structure:.4g}"],
            ["interface difference a − b, final Zth (K/W)", f"{dual.tim_difference_total:.4g}"],
        ]))
    if plot:
        console.print(f"figure: {plot}")
