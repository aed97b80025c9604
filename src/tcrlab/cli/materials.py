"""``tcrlab materials``: list the materials registry, or show one material with the source of each value."""

from __future__ import annotations

from typing import Any

import click
from rich.console import Console

from tcrlab.cli.common import console, emit_json, make_table
from tcrlab.errors import InputError
from tcrlab.materials import Material, MaterialRegistry, default_registry, load_user_materials
from tcrlab.materials.material import PROPERTY_DIMENSIONS

# property -> (display unit label, factor from SI to the display unit)
_DISPLAY: dict[str, tuple[str, float]] = {
    "conductivity": ("W/(m K)", 1.0),
    "density": ("kg/m³", 1.0),
    "specific_heat": ("J/(kg K)", 1.0),
    "youngs_modulus": ("GPa", 1e-9),
    "poisson_ratio": ("", 1.0),
    "hardness_brinell": ("GPa", 1e-9),
    "hardness_vickers": ("GPa", 1e-9),
    "microhardness_c1": ("GPa", 1e-9),
    "microhardness_c2": ("", 1.0),
    "emissivity_min": ("", 1.0),
    "emissivity_max": ("", 1.0),
    "sound_speed_longitudinal": ("m/s", 1.0),
    "sound_speed_transverse": ("m/s", 1.0),
    "debye_temperature": ("K", 1.0),
    "molar_mass": ("g/mol", 1e3),
    "electrical_resistivity": ("µΩ·cm", 1e8),
}
_SI_UNITS: dict[str, str] = {
    "conductivity": "W/(m K)", "density": "kg/m^3", "specific_heat": "J/(kg K)", "youngs_modulus": "Pa",
    "poisson_ratio": "1", "hardness_brinell": "Pa", "hardness_vickers": "Pa", "microhardness_c1": "Pa",
    "microhardness_c2": "1", "emissivity_min": "1", "emissivity_max": "1", "sound_speed_longitudinal": "m/s",
    "sound_speed_transverse": "m/s", "debye_temperature": "K", "molar_mass": "kg/mol",
    "electrical_resistivity": "ohm*m",
}


def _fmt(value: float | None, prop: str, digits: int = 4) -> str:
    if value is None:
        return "–"
    factor = _DISPLAY[prop][1]
    return f"{value * factor:.{digits}g}"


def _hardness(mat: Material) -> str:
    if mat.hardness_vickers is not None:
        return f"{mat.hardness_vickers * 1e-9:.3g} HV"
    if mat.hardness_brinell is not None:
        return f"{mat.hardness_brinell * 1e-9:.3g} HB"
    return "–"


def material_summary(mat: Material) -> dict[str, Any]:
    """One registry row: SI values (None when absent) and the number of distinct sources.

    Parameters
    ----------
    mat : Material
        A registry material.

    Returns
    -------
    dict
        ``key``, ``name``, ``category``, the reference properties in SI units (None when absent) and
        the number of distinct sources cited.
    """
    return {
        "key": mat.key,
        "name": mat.name,
        "category": mat.category,
        "conductivity": mat.conductivity,
        "density": mat.density,
        "youngs_modulus": mat.youngs_modulus,
        "hardness_brinell": mat.hardness_brinell,
        "hardness_vickers": mat.hardness_vickers,
        "electrical_resistivity": mat.electrical_resistivity,
        "reference_temperature": mat.reference_temperature,
        "conductivity_table_range": [mat.conductivity_table[0][0], mat.conductivity_table[-1][0]]
        if mat.has_conductivity_table
        else None,
        "has_microhardness_coefficients": mat.microhardness_c1 is not None
        and mat.microhardness_c2 is not None,
        "has_acoustic_data": mat.sound_speed_longitudinal is not None
        and mat.sound_speed_transverse is not None,
        "n_sources": len(set(mat.sources.values())),
    }


def material_detail(mat: Material) -> dict[str, Any]:
    """Everything known about one material, SI, with the citation of each property.

    Parameters
    ----------
    mat : Material
        A registry material.

    Returns
    -------
    dict
        The material's identity (key, name, category, aliases), per property it has its SI value,
        unit and source, the k(T) table with its source where the registry has one, notes and the
        general source.
    """
    props = {
        prop: {"value": getattr(mat, prop), "unit": _SI_UNITS[prop], "source": mat.sources.get(prop)}
        for prop in PROPERTY_DIMENSIONS
        if getattr(mat, prop) is not None
    }
    return {
        "key": mat.key,
        "name": mat.name,
        "category": mat.category,
        "aliases": list(mat.aliases),
        "reference_temperature": mat.reference_temperature,
        "properties": props,
        "conductivity_table": {
            "rows": [list(r) for r in mat.conductivity_table],
            "units": ["K", "W/(m K)"],
            "source": mat.sources.get("conductivity_table"),
        }
        if mat.conductivity_table
        else None,
        "notes": mat.notes,
        "general_source": mat.sources.get("*"),
    }


def _show_one(mat: Material) -> None:
    console.print(f"[bold]{mat.name}[/bold]  (key {mat.key}, {mat.category})")
    console.print(f"values at {mat.reference_temperature:.4g} K unless a row says otherwise")
    if mat.aliases:
        console.print("aliases: " + ", ".join(mat.aliases))
    refs: dict[str, int] = {}

    def ref(prop: str) -> str:
        citation = mat.sources.get(prop)
        if citation is None:
            return "–"
        return f"[{refs.setdefault(citation, len(refs) + 1)}]"

    rows = []
    for prop in PROPERTY_DIMENSIONS:
        value = getattr(mat, prop)
        if value is not None:
            rows.append((prop, _fmt(value, prop, 6), _DISPLAY[prop][0], ref(prop)))
    console.print(make_table(f"{mat.key}: properties", ["property", "value", "unit", "source"], rows))
    if mat.conductivity_table:
        ktab = make_table(
            f"{mat.key}: k(T) {ref('conductivity_table')}",
            ["T (K)", "k (W/(m K))"],
            [(f"{t:g}", f"{k:g}") for t, k in mat.conductivity_table],
        )
        console.print(ktab)
    if "*" in mat.sources:
        console.print(f"general source: {ref('*')}")
    if mat.notes:
        console.print(f"notes: {mat.notes}")
    console.print("sources:")
    for citation, number in refs.items():
        console.print(f"  [{number}] {citation}", markup=False)


def _show_list(mats: list[Material], title: str) -> None:
    rows = [
        (
            m.key,
            m.name,
            m.category,
            _fmt(m.conductivity, "conductivity"),
            "–" if m.density is None else f"{m.density:.0f}",
            _fmt(m.youngs_modulus, "youngs_modulus", 3),
            _hardness(m),
            "yes" if m.microhardness_c1 is not None and m.microhardness_c2 is not None else "",
            "yes" if m.sound_speed_longitudinal is not None else "",
            str(len(set(m.sources.values()))),
        )
        for m in mats
    ]
    columns = ["key", "name", "category", "k W/(m K)", "ρ kg/m³", "E GPa", "H GPa", "c1,c2",
               "c_L,c_T", "sources"]
    table = make_table(title, columns, rows)
    for i, col in enumerate(table.columns):
        col.no_wrap = i != 1
        if i in (1, 2):
            col.justify = "left"
    table.columns[1].overflow = "fold"
    # a terminal gets what fits; a pipe or file gets the full table
    out = console if console.is_terminal else Console(highlight=False, width=max(console.width, 140))
    out.print(table)
    console.print("k near room temperature (300 K unless the entry says otherwise); H: bulk Vickers (HV) "
                  "or Brinell (HB) hardness as a pressure; `tcrlab materials NAME` shows one material "
                  "with the source of every value.")


@click.command(name="materials")
@click.argument("name", required=False)
@click.option("--category", "category", default=None, metavar="CATEGORY",
              help="Only this category (metal, semiconductor, ceramic, polymer, solder, tim).")
@click.option("--materials", "--user-file", "user_file", type=click.Path(dir_okay=False), default=None,
              help="Add/replace materials from a TOML file of the registry's format.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output (SI units).")
def materials(name: str | None, category: str | None, user_file: str | None, as_json: bool) -> None:
    """List the materials registry, or show material NAME in full with the source of each value.

    Names are case-insensitive and accept aliases ("copper", "AISI 304", "6061", "sapphire").
    """
    registry: MaterialRegistry = load_user_materials(user_file) if user_file else default_registry()
    if name is not None:
        mat = registry.get_material(name)
        if as_json:
            emit_json(material_detail(mat))
        else:
            _show_one(mat)
        return
    mats = [registry[k] for k in registry]
    if category is not None:
        known = sorted({m.category for m in mats})
        wanted = category.strip().lower()
        if wanted not in known:
            raise InputError("--category", category, "one of: " + ", ".join(known))
        mats = [m for m in mats if m.category == wanted]
    if as_json:
        emit_json({"materials": [material_summary(m) for m in mats], "sources": registry.sources})
    else:
        suffix = f" ({category})" if category else ""
        _show_list(mats, f"tcrlab materials registry{suffix}: {len(mats)} materials")
