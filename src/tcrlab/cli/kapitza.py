"""``tcrlab kapitza MAT1 MAT2 --T 0.1K:300K``: boundary resistance by AMM, DMM and the radiation limit."""

from __future__ import annotations

import click
import numpy as np

from tcrlab.cli.common import console, emit_json, make_table

MODEL_CHOICES = ("all", "amm", "dmm", "radiation", "data")
LABELS = {"amm": "AMM", "dmm": "DMM", "radiation": "limit"}


@click.command(name="kapitza")
@click.argument("material1")
@click.argument("material2")
@click.option("--T", "temperature", default="0.1K:300K", show_default=True,
              help="Temperature(s): START:STOP (25 log-spaced points), START:STOP:N, START:STOP:logN, "
                   "a comma list or one value, with units.")
@click.option("--model", type=click.Choice(MODEL_CHOICES), default="all", show_default=True,
              help="Physics models (all, amm, dmm, radiation) or 'data': the empirical model trained on measured "
                   "conductances (default --T 300 K; refuses outside its training domain).")
@click.option("--amm-model", type=click.Choice(["full", "scalar_z_over_cos", "scalar_z_cos"]),
              default="full", show_default=True, help="AMM boundary conditions (full elastic or scalar).")
@click.option("--cutoff", type=click.Choice(["branch", "common", "none"]), default="branch",
              show_default=True, help="Debye cutoff convention.")
@click.option("--convention", type=click.Choice(["emitted", "equilibrium"]), default="emitted",
              show_default=True, help="Phonon temperature definition.")
@click.option("--materials", "--user-file", "materials_file", type=click.Path(dir_okay=False), default=None,
              help="A user materials TOML file added to the registry (as in tcrlab materials).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False), default=None,
              help="Write R_K(T) on log-log axes to this PNG/PDF/SVG file.")
def kapitza(material1: str, material2: str, temperature: str, model: str, amm_model: str, cutoff: str,
            convention: str, materials_file: str | None, as_json: bool, plot_path: str | None) -> None:
    """Kapitza (thermal boundary) resistance of a perfect MATERIAL1 | MATERIAL2 interface."""
    from tcrlab.cases.kapitza import MODELS, conductance, parse_temperatures
    from tcrlab.kapitza import amm_rt3, dmm_rt3, measured_conductances
    from tcrlab.kapitza.phonons import acoustic_medium
    from tcrlab.materials.registry import default_registry, load_user_materials

    registry = load_user_materials(materials_file) if materials_file else default_registry()
    if model == "data":
        # the physics default (0.1-300 K) starts below the measured data: default to room temperature
        given = click.get_current_context().get_parameter_source("temperature") != click.core.ParameterSource.DEFAULT
        _empirical(material1, material2, parse_temperatures(temperature if given else "300K", "--T"), registry,
                   as_json)
        return
    m1 = acoustic_medium(material1, registry=registry)
    m2 = acoustic_medium(material2, registry=registry)
    t = parse_temperatures(temperature, "--T")
    models = MODELS if model == "all" else (model,)
    h = {m: np.atleast_1d(conductance(m, m1, m2, t, amm_model=amm_model, cutoff=cutoff,
                                      convention=convention)) for m in models}
    rt3 = {"amm": amm_rt3(m1, m2, model=amm_model), "dmm": dmm_rt3(m1, m2)}
    measured = measured_conductances(material1, material2)
    if as_json:
        emit_json({
            "material1": m1.name, "material2": m2.name, "amm_model": amm_model, "cutoff": cutoff,
            "convention": convention, "T_K": t,
            **{f"h_{m}_W_m2K": v for m, v in h.items()},
            **{f"R_{m}_m2K_W": 1.0 / v for m, v in h.items()},
            "RT3_low_T_K4m2_W": rt3, "measured": measured,
        })
    else:
        cols = ["T (K)"]
        for m in models:
            cols += [f"R_K {LABELS[m]}", f"h {LABELS[m]}"]
        rows = []
        for i, ti in enumerate(t):
            row = [f"{ti:.4g}"]
            for m in models:
                row += [f"{1.0 / h[m][i]:.3g}", f"{h[m][i]:.3g}"]
            rows.append(row)
        console.print(make_table(
            f"Kapitza resistance {m1.name} | {m2.name} (AMM {amm_model}, cutoff {cutoff}, "
            f"{convention} phonon temperature); R_K in m²K/W, h in W/m²K", cols, rows))
        console.print(f"low-T R·T³: AMM {rt3['amm'] * 1e4:.4g} K⁴cm²/W, DMM {rt3['dmm'] * 1e4:.4g} K⁴cm²/W")
        for m in measured:
            where = f"{m['temperature']:g} K" if "temperature" in m else f"{m['temperature_range']} K"
            value = f"h = {m['h']:.3g} W/m²K" if "h" in m else f"h = {m['h_over_T3']:g}·T³ W/m²K"
            console.print(f"measured: {value} at {where} — {m['source']}")
    if plot_path:
        from tcrlab.plotting.kapitza import plot_kapitza

        plot_kapitza(t, {m: 1.0 / v for m, v in h.items()}, plot_path,
                     title=f"{m1.name} | {m2.name}", measured=measured)
        if not as_json:
            console.print(f"plot written to {plot_path}")


def _empirical(material1: str, material2: str, t: np.ndarray, registry: object, as_json: bool) -> None:
    """Print the empirical (data-trained) prediction; the library refuses outside its domain."""
    from tcrlab.kapitza.empirical import trained_model

    model = trained_model()
    h, factor = model.predict(material1, material2, t, registry=registry)
    h = np.atleast_1d(h)
    if as_json:
        emit_json({"material1": material1, "material2": material2, "model": "data", "label": model.label,
                   "T_K": t, "h_data_W_m2K": h, "R_data_m2K_W": 1.0 / h, "uncertainty_factor_1sigma": factor})
        return
    rows = [[f"{ti:.4g}", f"{1.0 / hi:.3g}", f"{hi:.3g}", f"{hi / factor:.3g} – {hi * factor:.3g}"]
            for ti, hi in zip(t, h, strict=True)]
    console.print(make_table(f"Thermal boundary conductance {material1} | {material2}: EMPIRICAL model; "
                             "R in m²K/W, h in W/m²K", ["T (K)", "R data", "h data", "h 1σ band"], rows))
    console.print(model.label)
