"""``tcrlab joint``: joint conductance of two rough solids from flags or a case file.

Examples::

    tcrlab joint --solids SS304,SS304 --sigma 1.5um --slope 0.1 --pressure 1MPa --gas air \\
                 --gas-pressure 1atm --temperature 300K
    tcrlab joint case.toml --json
    tcrlab joint --solids SS304 --sigma 1.5um --slope 0.1 --pressure 1MPa --plot joint.png
    tcrlab joint --solids SS304 --sigma 1.5um --slope 0.1 --pressure 1MPa \\
                 --sweep pressure=0.1MPa:10MPa:log20 --out curve.csv
"""

from __future__ import annotations

import io
from dataclasses import replace
from typing import Any

import click
import numpy as np

from tcrlab.cli.common import console, emit_json, make_table
from tcrlab.conductance.registry import CONTACT_MODELS, GAP_MODELS
from tcrlab.errors import InputError

__all__ = ["joint"]

# flag name -> [joint] table key
_FLAGS = {
    "solids": "solids", "sigma": "sigma", "sigma1": "sigma1", "sigma2": "sigma2", "ra": "ra",
    "slope": "slope", "slope1": "slope1", "slope2": "slope2", "slope_correlation": "slope_correlation",
    "pressure": "pressure", "temperature": "temperature", "gas": "gas", "gas_pressure": "gas_pressure",
    "liquid_k": "liquid_conductivity", "tac": "tac", "emissivity": "emissivity",
    "contact_model": "contact_model", "gap_model": "gap_model", "c1": "c1", "c2": "c2",
    "microhardness": "microhardness", "flow_stress": "flow_stress",
}
_LISTS = ("tac", "emissivity")
_PLOT_RANGE = "0.1MPa:10MPa:log40"
_SWEEPABLE = {"pressure": "pressure", "gas_pressure": "pressure", "sigma": "length",
              "slope": "dimensionless", "temperature": "temperature"}


def _table_from(case_file: str | None, flags: dict[str, Any]) -> tuple[dict[str, Any], str]:
    table: dict[str, Any] = {}
    source = "<command line>"
    if case_file is not None:
        from tcrlab.cases import load_document

        doc = load_document(case_file)
        if "joint" not in doc or not isinstance(doc["joint"], dict):
            raise InputError("joint", None, "a case file with a [joint] table", source=case_file)
        table = dict(doc["joint"])
        source = case_file
    for flag, key in _FLAGS.items():
        value = flags.get(flag)
        if value is None:
            continue
        if key in _LISTS and "," in value:
            value = [v.strip() for v in value.split(",")]
        table[key] = value
    radiation = flags.get("radiation")
    if radiation is not None:
        table["radiation"] = {"auto": "auto", "on": True, "off": False}[radiation]
    return table, source


def _fmt(v: Any, spec: str = ".4g") -> str:
    a = np.asarray(v, dtype=float)
    return format(float(a), spec) if a.ndim == 0 else "array"


def _print_result(result: Any, joint_obj: Any) -> None:
    d = result.details
    rows = [
        ["h_c  constriction", _fmt(result.h_c), "W/(m² K)"],
        ["h_g  gap", _fmt(result.h_g), "W/(m² K)"],
        ["h_r  radiation" + ("" if np.all(d.get("radiation_included")) else " (not in h_j)"), _fmt(result.h_r),
         "W/(m² K)"],
        ["h_j  joint", _fmt(result.h_j), "W/(m² K)"],
        ["R_c = 1/h_j", _fmt(result.R_c, ".4e"), "m² K/W"],
        ["P/H_c", _fmt(result.p_over_h, ".4e"), "-"],
        ["Y  mean-plane separation", _fmt(np.asarray(result.Y) * 1e6, ".4g"), "µm"],
        ["A_r/A_0", _fmt(result.area_ratio, ".4e"), "-"],
        ["k_s", _fmt(d["k_s"]), "W/(m K)"],
        ["σ, m", f"{_fmt(np.asarray(d['sigma']) * 1e6)} µm, {_fmt(d['slope'])}", ""],
    ]
    if "M" in d:
        rows += [["gas: k_g, Λ", f"{_fmt(d['k_gas'])} W/(m K), {_fmt(np.asarray(d['mean_free_path']) * 1e6)} µm", ""],
                 ["TAC₁, TAC₂; M", f"{_fmt(d['tac1'], '.3f')}, {_fmt(d['tac2'], '.3f')}; "
                  f"{_fmt(np.asarray(d['M']) * 1e6)} µm", ""]]
    title = (f"Joint {d['solid1']}/{d['solid2']}, {d['contact_model']} contact, medium {d.get('medium')}"
             f" ({d.get('gap_model', '-')} gap)")
    console.print(make_table(title, ["quantity", "value", "unit"], rows))
    for w in result.warnings:
        console.print(f"[yellow]warning:[/yellow] {w}")


def _electrical(joint_obj: Any, result: Any, resistivity: str | None) -> Any:
    from tcrlab.joint_electrical import joint_electrical
    from tcrlab.units import parse_quantity

    rho: list[float | None] = [None, None]
    if resistivity is not None:
        parts = [p.strip() for p in resistivity.split(",")]
        if not 1 <= len(parts) <= 2:
            raise InputError("--resistivity", resistivity, "one value or two (rho1,rho2)")
        vals = [float(parse_quantity(p, "electrical_resistivity", "--resistivity")) for p in parts]
        rho = [vals[0], vals[-1]]
    return joint_electrical(joint_obj, rho1=rho[0], rho2=rho[1], result=result)


def _print_electrical(elec: Any) -> None:
    rows = [
        ["h_el  electrical contact conductance", _fmt(elec.h_el), "S/m²"],
        ["r_el = 1/h_el", _fmt(elec.specific_resistance, ".4e"), "Ω m²"],
        ["ρ₁, ρ₂", f"{elec.rho1:.4g}, {elec.rho2:.4g}", "Ω m"],
        ["h_c/(L₀ T h_el)  Wiedemann–Franz ratio", _fmt(elec.lorenz_ratio, ".3f"), "-"],
    ]
    console.print(make_table("Electrical contact (solid spots, no films)", ["quantity", "value", "unit"], rows))


def _sweep(spec: str, joint_obj: Any, source: str) -> tuple[str, np.ndarray, Any]:
    from tcrlab.units import parse_range

    if "=" not in spec:
        raise InputError("--sweep", spec, "NAME=START:STOP:N, e.g. pressure=0.1MPa:10MPa:log20")
    name, rng = (s.strip() for s in spec.split("=", 1))
    name = name.replace("-", "_")
    if name not in _SWEEPABLE:
        raise InputError("--sweep", spec, "a sweep of one of: " + ", ".join(_SWEEPABLE))
    values = parse_range(rng, _SWEEPABLE[name], f"--sweep {name}", source=None)
    if name == "temperature":
        values = np.asarray(values)
    result = replace(joint_obj, **{name: values}).evaluate(emit_warnings=False)
    return name, values, result


def _csv(name: str, values: np.ndarray, result: Any) -> str:
    out = io.StringIO()
    unit = {"pressure": "Pa", "gas_pressure": "Pa", "sigma": "m", "slope": "", "temperature": "K"}[name]
    cols = [f"{name}" + (f" [{unit}]" if unit else ""), "h_c [W/(m2 K)]", "h_g [W/(m2 K)]",
            "h_r [W/(m2 K)]", "h_j [W/(m2 K)]", "R_c [m2 K/W]", "P_over_Hc", "Y [m]", "area_ratio"]
    out.write(",".join(cols) + "\n")
    arrays = [values, result.h_c, result.h_g, result.h_r, result.h_j, result.R_c, result.p_over_h,
              result.Y, result.area_ratio]
    arrays = [np.broadcast_to(np.asarray(a, dtype=float), values.shape) for a in arrays]
    for row in zip(*arrays, strict=True):
        out.write(",".join(f"{v:.6g}" for v in row) + "\n")
    return out.getvalue()


@click.command(name="joint")
@click.argument("case_file", required=False, type=click.Path(dir_okay=False))
@click.option("--solids", help="Two registry names, e.g. SS304,Al6061-T6 (one name: same on both sides).")
@click.option("--sigma", help="Combined RMS roughness Rq, e.g. 1.5um.")
@click.option("--sigma1", help="RMS roughness of side 1.")
@click.option("--sigma2", help="RMS roughness of side 2.")
@click.option("--ra", help="Combined Ra (Rq = 1.2533 Ra, Gaussian assumption).")
@click.option("--slope", help="Combined RMS slope m, e.g. 0.1.")
@click.option("--slope1", help="Slope of side 1.")
@click.option("--slope2", help="Slope of side 2.")
@click.option("--slope-correlation", help="sigma-m correlation when no slope: antonetti | tanner-fahoum | lambert-fletcher.")
@click.option("--pressure", help="Contact pressure, e.g. 1MPa.")
@click.option("--temperature", help="Joint temperature, e.g. 300K or 25degC.")
@click.option("--gas", help="air | N2 | He | Ar | H2 | CO2 | vacuum.")
@click.option("--gas-pressure", help="Gas pressure, e.g. 1atm or 100Pa.")
@click.option("--liquid-k", help="Conductivity of a liquid/grease filler, e.g. '0.2 W/(m K)'.")
@click.option("--tac", help="Accommodation coefficient(s), e.g. 0.8 or 0.8,0.9 (default: correlation).")
@click.option("--emissivity", help="Emissivity, one value or two (e.g. 0.3,0.5).")
@click.option("--contact-model", help="A registered contact model: " + " | ".join(
    f"{name} ({entry.description})" if entry.description else name for name, entry in CONTACT_MODELS.items())
    + " (checked when evaluated: models registered later are accepted too).")
@click.option("--gap-model", help="A registered gap model: " + " | ".join(GAP_MODELS) + ".")
@click.option("--radiation", type=click.Choice(["auto", "on", "off"]), help="Add h_r to h_j (auto: where > 1 %).")
@click.option("--c1", help="Vickers c1 of the softer solid, e.g. 6.27GPa.")
@click.option("--c2", help="Vickers c2 of the softer solid, e.g. -0.229.")
@click.option("--microhardness", help="A plain microhardness instead of c1, c2, e.g. 3GPa.")
@click.option("--flow-stress", help="Flow stress for the elastoplastic model, e.g. 500MPa.")
@click.option("--electrical", is_flag=True, help="Also the electrical contact conductance of the solid spots.")
@click.option("--resistivity", help="Resistivities rho1[,rho2] for --electrical, e.g. 7.2e-7ohm*m (default: registry).")
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False), help="Save h_c, h_g, h_r, h_j vs pressure (PNG).")
@click.option("--plot-range", default=_PLOT_RANGE, show_default=True, help="Pressure range of --plot.")
@click.option("--sweep", "sweep_spec", help="NAME=START:STOP:N (or logN) — pressure, gas_pressure, sigma, slope, temperature; writes CSV.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False), help="CSV file for --sweep (default: stdout).")
def joint(case_file: str | None, as_json: bool, plot_path: str | None, plot_range: str,
          sweep_spec: str | None, out_path: str | None, electrical: bool, resistivity: str | None,
          **flags: Any) -> None:
    """Joint conductance h_j = h_c + h_g + h_r of two conforming rough solids (Yovanovich-group models)."""
    from tcrlab.cases.joint import joint_from_table
    from tcrlab.cli.run import check_output_path, check_plot_path, writing

    check_plot_path("--plot", plot_path)
    check_output_path("--out", out_path)
    if sweep_spec is not None and plot_path is not None:
        raise InputError("--plot", plot_path, "--plot without --sweep (the sweep writes CSV; plot it from there)")
    if plot_path is None and plot_range != _PLOT_RANGE:
        raise InputError("--plot-range", plot_range, "--plot-range together with --plot (it sets the plot's "
                         "pressure axis)")
    if out_path is not None and sweep_spec is None:
        raise InputError("--out", out_path, "--out together with --sweep (it names the sweep's CSV file)")
    table, source = _table_from(case_file, flags)
    field = "joint" if case_file else "option"
    joint_obj = joint_from_table(table, field=field, source=source)

    if sweep_spec is not None:
        name, values, result = _sweep(sweep_spec, joint_obj, source)
        text = _csv(name, values, result)
        if out_path:
            from tcrlab.fileio import atomic_write_text

            with writing("--out", out_path):
                atomic_write_text(out_path, text)
            click.echo(f"wrote {len(values)} rows to {out_path}", err=True)
        else:
            click.echo(text, nl=False)
        for w in result.warnings:
            click.echo(f"warning: {w}", err=True)
        return

    if resistivity is not None and not electrical:
        raise InputError("--resistivity", resistivity, "--resistivity together with --electrical")
    result = joint_obj.evaluate(emit_warnings=False)
    elec = _electrical(joint_obj, result, resistivity) if electrical else None
    if as_json:
        emit_json({"source": source, "result": result.to_dict(),
                   **({"electrical": elec.to_dict()} if elec is not None else {})})
    else:
        _print_result(result, joint_obj)
        if elec is not None:
            _print_electrical(elec)
    if plot_path:
        from tcrlab.plotting.joint import plot_joint_curve
        from tcrlab.units import parse_range

        pressures = parse_range(plot_range, "pressure", "--plot-range")
        curve = replace(joint_obj, pressure=pressures).evaluate(emit_warnings=False)
        d = result.details
        title = (f"{d['solid1']}/{d['solid2']}, σ = {float(np.mean(d['sigma'])) * 1e6:.3g} µm, "
                 f"m = {float(np.mean(d['slope'])):.3g}, {d.get('medium')}")
        with writing("--plot", plot_path):
            operating = None
            if np.ndim(joint_obj.pressure) == 0:  # one operating pressure: mark it on the curve
                operating = (float(joint_obj.pressure), result)
            plot_joint_curve(pressures, curve, plot_path, title=title, operating=operating)
        if not as_json:
            console.print(f"plot written to {plot_path}")
