"""``tcrlab meterbar DATA.(csv|toml)``: reduce meter-bar readings to R_c / thermal impedance."""

from __future__ import annotations

import click

from tcrlab.cli.common import console, emit_json, make_table

__all__ = ["meterbar"]


@click.command()
@click.argument("data_file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--plot", type=click.Path(dir_okay=False), is_flag=False, flag_value="meterbar.png",
              default=None, metavar="[FILE]",
              help="Write the profiles (and impedance vs thickness) figure to FILE; --plot alone writes "
                   "meterbar.png. No figure without --plot.")
@click.option("--mc", "mc_samples", type=click.IntRange(min=0), default=20000, show_default=True,
              help="Monte Carlo samples for the check of the GUM uncertainty (0: skip).")
@click.option("--seed", type=int, default=0, show_default=True)
def meterbar(data_file: str, as_json: bool, plot: str | None, mc_samples: int, seed: int) -> None:
    """Heat flux per bar, extrapolated face temperatures, ΔT, R_c or impedance with uncertainties."""
    import numpy as np

    from tcrlab.experiment.meterbar import load_meterbar, reduce_meterbar
    from tcrlab.experiment.thickness_series import thickness_series_from_runs

    data = load_meterbar(data_file)
    results = reduce_meterbar(data, mc_samples=mc_samples, seed=seed)
    series = None
    thick = [r.thickness for r in results]
    if all(t is not None for t in thick) and len(set(thick)) >= 2:
        series = thickness_series_from_runs(results)
    if plot:
        from tcrlab.plotting.meterbar import plot_meterbar

        plot_meterbar(data, results, plot, thickness_fit=series)
    if as_json:
        emit_json({"source": data_file, "runs": [r.to_dict() for r in results],
                   "thickness_series": None if series is None else series.to_dict()})
        return
    rows = []
    for r in results:
        rows.append([
            r.label,
            "-" if r.pressure is None else f"{r.pressure / 1e6:.3g}",
            "-" if r.thickness is None else f"{r.thickness * 1e3:.3g}",
            f"{r.q / 1e3:.4g}", f"{100 * r.mismatch:+.1f}", f"{r.delta_t:.3f}",
            f"{r.impedance * 1e4:.4g} ± {r.expanded_uncertainty * 1e4:.2g}",
            "-" if np.isnan(r.u_impedance_mc) else f"{r.u_impedance * 1e4:.2g} / {r.u_impedance_mc * 1e4:.2g}",
        ])
    what = "R_c" if all(r.thickness is None for r in results) else "Z"
    console.print(make_table(
        f"Meter-bar reduction: {data_file} ({what}, ± = 95 % expanded uncertainty)",
        ["run", "P (MPa)", "t (mm)", "q (kW/m²)", "q_hot−q_cold %", "ΔT (K)", f"{what} (cm²·K/W)",
         "u GUM / MC"], rows))
    if series is not None:
        console.print(make_table(
            "Impedance vs thickness (ASTM D5470): Z = R_contact + t/k_app", ["quantity", "value", "U (95 %)"],
            [["k_app (W/(m·K))", f"{series.conductivity:.4g}", f"{series.coverage_factor * series.u_conductivity:.2g}"],
             ["R_contact (cm²·K/W)", f"{series.intercept * 1e4:.4g}",
              f"{series.coverage_factor * series.u_intercept * 1e4:.2g}"]]))
    if plot:
        console.print(f"figure: {plot}")
