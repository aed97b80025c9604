"""``tcrlab fit DATA.csv --model power|cmy``: fit a contact model to measured h_c(P)."""

from __future__ import annotations

import click

from tcrlab.cli.common import console, emit_json, make_table

__all__ = ["fit"]


@click.command()
@click.argument("data_file", type=click.Path(dir_okay=False))
@click.option("--model", type=click.Choice(["power", "cmy"]), default="power", show_default=True)
@click.option("--free", default="m", show_default=True, help="CMY free parameters: m, hardness, c1 (or two).")
@click.option("--ks", "k_s", default=None, help="CMY: effective conductivity, e.g. '16 W/(m K)'.")
@click.option("--sigma", default=None, help="CMY: effective RMS roughness, e.g. '1.5 um'.")
@click.option("--m", "slope", default=None, help="CMY: effective asperity slope (start value if free).")
@click.option("--hardness", default=None, help="CMY: effective microhardness H_c, e.g. '3 GPa'.")
@click.option("--c1", default=None, help="CMY: Vickers coefficient c1, e.g. '6.27 GPa' (start value if free).")
@click.option("--c2", type=float, default=None, help="CMY: Vickers exponent c2 (with --c1), e.g. -0.229.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--plot", type=click.Path(dir_okay=False), default=None, help="Data vs fit figure.")
def fit(data_file: str, model: str, free: str, k_s: str | None, sigma: str | None, slope: str | None,
        hardness: str | None, c1: str | None, c2: float | None, as_json: bool, plot: str | None) -> None:
    """Fit h = a·P^n or the CMY plastic model to measured conductance vs pressure."""
    from tcrlab.errors import InputError
    from tcrlab.experiment.fitting import fit_cmy, fit_power_law, load_conductance_data
    from tcrlab.units import parse_quantity

    data = load_conductance_data(data_file)
    if model == "power":
        result = fit_power_law(data["pressure"], data["h"], sigma=data.get("u_h"))
    else:
        for name, value in (("--ks", k_s), ("--sigma", sigma)):
            if value is None:
                raise InputError(name, None, "a value for the CMY fit, e.g. --ks '16 W/(m K)' --sigma '1.5 um'")
        result = fit_cmy(
            data["pressure"], data["h"],
            k_s=float(parse_quantity(k_s, "conductivity", "--ks")),
            sigma=float(parse_quantity(sigma, "length", "--sigma")),
            m=None if slope is None else float(parse_quantity(slope, "dimensionless", "--m")),
            hardness=None if hardness is None else float(parse_quantity(hardness, "pressure", "--hardness")),
            c1=None if c1 is None else float(parse_quantity(c1, "pressure", "--c1")),
            c2=c2,
            free=[f.strip() for f in free.split(",") if f.strip()],
            uncertainty=data.get("u_h"),
        )
    if plot:
        from tcrlab.plotting.meterbar import plot_fit

        plot_fit(result, plot)
    if as_json:
        emit_json(result.to_dict())
        return
    rows = [[n, f"{v:.5g}", f"{s:.3g}", f"[{lo:.5g}, {hi:.5g}]"]
            for n, v, s, lo, hi in zip(result.names, result.values, result.stderr, result.ci_low, result.ci_high,
                                       strict=True)]
    console.print(make_table(f"Fit: {result.model} to {data_file} ({result.x.size} points, SI units)",
                             ["parameter", "estimate", "std. error", "95 % interval"], rows))
    rows = [[f"{p / 1e6:.4g}", f"{h:.5g}", f"{f:.5g}", f"{100 * (h - f) / h:+.2f}"]
            for p, h, f in zip(result.x, result.y, result.predict(result.x), strict=True)]
    console.print(make_table(f"Residuals (rms {100 * result.rms_relative:.2f} %)",
                             ["P (MPa)", "h measured", "h fit", "residual %"], rows))
    if plot:
        console.print(f"figure: {plot}")
