"""``tcrlab export``: a joint's conductance table in an FE program's syntax.

Examples::

    tcrlab export joint.toml --format abaqus --out gap.inp
    tcrlab export joint.toml --format abaqus --form clearance --clearance-max 0.5mm
    tcrlab export joint.toml --format calculix --units mm --temperatures 300K,400K,500K
    tcrlab export joint.toml --format ansys --pressure-range 10kPa:50MPa --tol 0.001
    tcrlab export joint.toml --format comsol --temperature-range 20degC:200degC
    tcrlab export joint.toml --format json --out table.json
"""

from __future__ import annotations

from typing import Any

import click
import numpy as np

from tcrlab.errors import InputError

__all__ = ["export"]


def _pair(text: str, dimension: str, option: str) -> tuple[float, float]:
    from tcrlab.units import parse_quantity

    parts = text.split(":")
    if len(parts) != 2:
        raise InputError(option, text, "LOW:HIGH, e.g. 10kPa:50MPa")
    lo, hi = (float(parse_quantity(p, dimension, option)) for p in parts)
    return lo, hi


@click.command(name="export")
@click.argument("case_file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", required=True,
              type=click.Choice(["abaqus", "calculix", "ansys", "comsol", "csv", "json"]),
              help="Target program's syntax.")
@click.option("--form", type=click.Choice(["pressure", "clearance"]), default="pressure", show_default=True,
              help="Tabled over contact pressure (closed) or clearance (open gap); abaqus and comsol.")
@click.option("--pressure-range", default="10kPa:100MPa", show_default=True,
              help="Adaptive pressure grid LOW:HIGH (LOW = contact onset).")
@click.option("--pressures", help="Your own pressure grid instead, e.g. 0.1MPa,1MPa,10MPa (first = onset).")
@click.option("--clearance-max", default="1mm", show_default=True, help="Adaptive clearance grid up to this.")
@click.option("--clearances", help="Your own clearance grid instead, e.g. 1um,10um,100um.")
@click.option("--temperatures", help="Temperature nodes, e.g. 300K,400K (default: the case's temperature).")
@click.option("--temperature-range", help="Adaptive temperature grid LOW:HIGH, e.g. 20degC:200degC.")
@click.option("--tol", default=2e-3, show_default=True, type=float,
              help="Relative interpolation error the adaptive grids meet (PCHIP and linear).")
@click.option("--units", type=click.Choice(["SI", "mm"]), default="SI", show_default=True,
              help="SI (W/(m2 K), Pa, m) or mm (mW/(mm2 K), MPa, mm).")
@click.option("--temperature-unit", type=click.Choice(["K", "degC"]), default="K", show_default=True)
@click.option("--name", default="TCC_TAB", show_default=True, help="APDL table name (ansys).")
@click.option("--out", "out_path", type=click.Path(dir_okay=False), help="Output file (default: stdout).")
def export(case_file: str, fmt: str, form: str, pressure_range: str, pressures: str | None,
           clearance_max: str, clearances: str | None, temperatures: str | None,
           temperature_range: str | None, tol: float, units: str, temperature_unit: str, name: str,
           out_path: str | None) -> None:
    """Conductance table h_j(P, clearance, T) of the [joint] in CASE_FILE for an FE program."""
    from tcrlab.cases import load_document
    from tcrlab.cases.joint import joint_from_table
    from tcrlab.cli.run import check_output_path, writing
    from tcrlab.export.model import JointModel
    from tcrlab.export.table import build_table
    from tcrlab.export.writers import format_table
    from tcrlab.fileio import atomic_write_text
    from tcrlab.units import parse_quantity, parse_range

    check_output_path("--out", out_path)
    doc = load_document(case_file)
    if "joint" not in doc or not isinstance(doc["joint"], dict):
        raise InputError("joint", None, "a case file with a [joint] table", source=case_file)
    joint = joint_from_table(doc["joint"], field="joint", source=case_file)

    kw: dict[str, Any] = {"tol": tol}
    if pressures is not None:
        kw["pressures"] = parse_range(pressures, "pressure", "--pressures")
        onset = float(kw["pressures"][0])
    else:
        kw["pressure_range"] = _pair(pressure_range, "pressure", "--pressure-range")
        onset = kw["pressure_range"][0]
    if clearances is not None:
        kw["clearances"] = parse_range(clearances, "length", "--clearances")
    else:
        kw["clearance_max"] = float(parse_quantity(clearance_max, "length", "--clearance-max"))
    if temperatures is not None and temperature_range is not None:
        raise InputError("--temperatures", temperatures, "either --temperatures or --temperature-range")
    if temperature_range is not None:
        kw["temperature_range"] = _pair(temperature_range, "temperature", "--temperature-range")
    elif temperatures is not None:
        kw["temperatures"] = np.sort(parse_range(temperatures, "temperature", "--temperatures"))
    else:
        kw["temperatures"] = np.atleast_1d(np.asarray(joint.temperature, dtype=float))

    table = build_table(JointModel(joint, touch_pressure=onset), **kw)
    options: dict[str, Any] = {"form": form, "units": units, "temperature_unit": temperature_unit}
    if fmt == "ansys":
        options["name"] = name
    text = format_table(table, fmt, **options)
    if out_path:
        with writing("--out", out_path):
            atomic_write_text(out_path, text)
        click.echo(f"wrote {fmt} table ({table.pressure.size} pressures, {table.clearance.size} clearances, "
                   f"{table.temperature.size} temperatures; interpolation error PCHIP "
                   f"{table.error_pchip:.2g}, linear {table.error_linear:.2g}) to {out_path}", err=True)
    else:
        click.echo(text, nl=False)
    for w in table.warnings:
        click.echo(f"warning: {w}", err=True)
