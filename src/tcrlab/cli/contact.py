"""``tcrlab contact``: numerical rough contact from a topography to h_c, h_g, h_r, h_j vs pressure.

Examples::

    tcrlab contact "self-affine:n=256,H=0.8,slope=0.1,size=100um,seed=1" \\
        --pressure 1MPa:100MPa:log10 --solids SS304,SS304 --gas air
    tcrlab contact scan_top.gwy scan_bottom.gwy --pressure 5MPa --solids Al6061-T6 --out-dir figs
    tcrlab contact scan.gwy --pressure 5MPa --solids SS304 --json - > result.json

Two surfaces (one per solid) are reduced to their composite h₁ + h₂ (Johnson 1985 §13.1; Greenwood &
Tripp 1970). The solve is elastic–perfectly-plastic, capped at the registry's Song–Yovanovich contact
microhardness of the softer solid, where the registry has one (--hardness sets the cap, --elastic drops
it); the output says which.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import click
import numpy as np

from tcrlab.cli.common import console, emit_json, make_table
from tcrlab.errors import InputError

__all__ = ["contact"]


def _solids(text: str) -> tuple[Any, Any]:
    from tcrlab.materials import get_material

    names = [s.strip() for s in text.split(",") if s.strip()]
    if len(names) not in (1, 2):
        raise InputError("--solids", text, "one or two registry names, e.g. SS304,Al6061-T6")
    m1 = get_material(names[0])
    return m1, get_material(names[-1])


def _gas(gas: str, temperature: float, gas_pressure: float, tac_text: str | None,
         solids: tuple[Any, Any]) -> tuple[Any, str]:
    """(the gap gas of :func:`tcrlab.conductance.gap_gas.gap_gas` or None for vacuum, a note) — the same
    function, and so the same numbers and errors, as ``tcrlab joint``."""
    from tcrlab.conductance.gap_gas import gap_gas, is_vacuum
    from tcrlab.units import parse_quantity

    if is_vacuum(gas):
        return None, "vacuum"
    tac = None
    if tac_text:
        tac = [float(parse_quantity(x.strip(), "dimensionless", "--tac")) for x in tac_text.split(",")]
    g = gap_gas(gas, temperature, gas_pressure, solids, tac)
    return g, f"TAC {g.tac_source}: {float(g.tac1):.3g}, {float(g.tac2):.3g}"


def _references(sigma: float, m: float, k_s: float, E_eff: float, pressures: np.ndarray,
                hardness: float | None) -> dict[str, np.ndarray]:
    """Mikic (elastic) and CMY (plastic) correlations for the same surface's σ and m, where their inputs are
    inside the models (a pressure at full contact leaves the column out; any other error is raised)."""
    import warnings

    out: dict[str, np.ndarray] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            from tcrlab.conductance.constriction import mikic_elastic_conductance

            out["h Mikic"] = np.array(
                [float(mikic_elastic_conductance(k_s, sigma, m, p, E_eff)) for p in pressures])
        except InputError:
            pass
        if hardness:
            try:
                from tcrlab.conductance.constriction import cmy_conductance

                out["h CMY"] = np.array(
                    [float(cmy_conductance(k_s, sigma, m, p / hardness)) for p in pressures])
            except InputError:
                pass
    return out


def _surface(source: str, size: str | None, unit: str | None, periodic: bool | None) -> Any:
    from tcrlab.surfaces import is_surface_spec, load_surface

    if is_surface_spec(source):  # a synthetic surface carries its own size and unit
        return load_surface(source, periodic=periodic)
    return load_surface(source, physical_size=size, unit=unit, periodic=periodic)


def _plasticity(elastic: bool, hardness: str | None, solids: tuple[Any, Any], pressures: np.ndarray,
                sigma: float, slope: float) -> tuple[list[Any], str]:
    """The pressure cap per pressure (None: elastic) and one sentence saying which solve this is."""
    from tcrlab.contact.microhardness import registry_microhardness
    from tcrlab.units import parse_quantity

    if elastic and hardness:
        raise InputError("--elastic/--hardness", (True, hardness), "one of them (elastic, or capped at H)")
    if elastic:
        return [None] * len(pressures), "elastic (--elastic): no pressure cap"
    if hardness:
        h = float(parse_quantity(hardness, "pressure", "--hardness"))
        return [h] * len(pressures), f"elastic–plastic, pressure capped at --hardness {h / 1e9:.4g} GPa"
    caps = []
    for p in pressures:
        try:
            caps.append(registry_microhardness(solids, float(p), sigma, slope))
        except InputError as exc:
            if exc.field != "pressure":
                raise
            raise InputError("--pressure", f"{p / 1e6:.6g} MPa", "below the contact microhardness H_c of the "
                             "softer solid (or --elastic for the elastic limit, complete contact)",
                             problem="P ≥ H_c: every point yields; no rough-contact solution") from None
    if caps[0] is None:
        names = "/".join(dict.fromkeys(m.key for m in solids))
        return [None] * len(pressures), (f"elastic: no microhardness for {names} in the registry "
                                         "(give --hardness to cap the pressure)")
    what = caps[0].describe() if len(caps) == 1 else (
        f"{caps[0].describe()} at {pressures[0] / 1e6:.4g} MPa … {caps[-1].value / 1e9:.3g} GPa at "
        f"{pressures[-1] / 1e6:.4g} MPa")
    return caps, f"elastic–plastic, pressure capped at the {what}; --elastic for the elastic solve"


@click.command()
@click.argument("surfaces", nargs=-1, required=True, metavar="SURFACE [SURFACE2]")
@click.option("--pressure", "pressure_text", required=True,
              help="Nominal pressure or range, e.g. 5MPa or 1MPa:100MPa:log10.")
@click.option("--solids", required=True, help="Two registry names, e.g. SS304,SS304 (E', ν, k, H_c).")
@click.option("--gas", default="vacuum", show_default=True, help="air | N2 | He | Ar | H2 | CO2 | vacuum.")
@click.option("--gas-pressure", default="1atm", show_default=True, help="Gas pressure.")
@click.option("--temperature", default="300K", show_default=True, help="Joint temperature.")
@click.option("--tac", help="Thermal accommodation coefficient(s), e.g. 0.8 or 0.8,0.9.")
@click.option("--emissivity", help="Surface emissivities for h_r, e.g. 0.3,0.3 (default: no radiation).")
@click.option("--hardness", help="Cap the pressure at this (micro)hardness, e.g. 3GPa (default: the "
                                 "registry's microhardness of the softer solid, where it has one).")
@click.option("--elastic", is_flag=True, help="Purely elastic solve (no pressure cap).")
@click.option("--size", help="Lateral size of a file without one, e.g. 100um or 100umx50um.")
@click.option("--unit", help="Height unit of a file without one, e.g. um.")
@click.option("--periodic/--non-periodic", default=None, help="Boundary (default: the surface's).")
@click.option("--tol", default=1e-8, show_default=True, type=float, help="Solver tolerance.")
@click.option("--float32", is_flag=True, help="Single precision (faster; use --tol ≥ 1e-6).")
@click.option("--barber", is_flag=True, help="Also compute h_c by Barber's stiffness route (2 extra solves).")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False), default=None,
              help="Write h_c, h_g, h_r, h_j vs pressure to this PNG/PDF/SVG file.")
@click.option("--maps", "maps_path", type=click.Path(dir_okay=False), default=None,
              help="Write the pressure and gap maps at the highest pressure to this file.")
@click.option("--out-dir", default=None, type=click.Path(file_okay=False),
              help="Write both figures (contact_h_vs_p.png, contact_maps.png) into this folder.")
@click.option("--no-plots", is_flag=True, hidden=True, help="Kept for old scripts: figures are opt-in now.")
@click.option("--json", "json_path", is_flag=False, flag_value="-", default=None, metavar="[FILE]",
              help="JSON instead of the table: on stdout (--json or --json -) or into FILE.")
def contact(surfaces: tuple[str, ...], pressure_text: str, solids: str, gas: str, gas_pressure: str,
            temperature: str, tac: str | None, emissivity: str | None, hardness: str | None, elastic: bool,
            size: str | None, unit: str | None, periodic: bool | None, tol: float, float32: bool,
            barber: bool, plot_path: str | None, maps_path: str | None, out_dir: str | None,
            no_plots: bool, json_path: str | None) -> None:
    """Solve the rough contact of SURFACE (a file or a synthetic spec) — or of two measured surfaces,
    one per solid, by their composite — and report h_c, h_g, h_r, h_j vs pressure."""
    from tcrlab.cli.common import err_console
    from tcrlab.mechanics.effective import effective_conductivity, effective_modulus_of
    from tcrlab.surfaces import composite_topography, rms_height, rms_slope
    from tcrlab.units import parse_quantity

    if len(surfaces) > 2:
        raise InputError("SURFACE", " ".join(surfaces), "one surface, or two (one per solid)")
    to_stdout = json_path == "-"
    plot_path, maps_path = _output_paths(json_path, plot_path, maps_path, out_dir)
    pressures = _pressures(pressure_text)
    tops = [_surface(s, size, unit, periodic) for s in surfaces]
    topo = tops[0] if len(tops) == 1 else composite_topography(*tops)
    m1, m2 = _solids(solids)
    E_eff = float(effective_modulus_of(m1, m2))
    T = float(parse_quantity(temperature, "temperature", "--temperature"))
    k_s = float(effective_conductivity(m1.thermal_conductivity(T), m2.thermal_conductivity(T)))
    sigma, slope = float(rms_height(topo)), float(rms_slope(topo))
    caps, plasticity = _plasticity(elastic, hardness, (m1, m2), pressures, sigma, slope)
    gap, gas_note = _gas(gas, T, float(parse_quantity(gas_pressure, "pressure", "--gas-pressure")), tac, (m1, m2))
    k_gas, M = (0.0, 0.0) if gap is None else (float(gap.k_gas), float(gap.M))
    eps = _emissivities(emissivity)
    reference_h = _reference_hardness(caps, elastic, (m1, m2), pressures, sigma, slope)

    results, conds, notes, elapsed = _solve_series(
        topo, E_eff, pressures, caps, reference_h, tol=tol, float32=float32, barber=barber,
        thermal={"k_s": k_s, "k_gas": k_gas, "M": M, "emissivity": eps, "temperature": T})
    _warn_notes(conds, notes)
    refs = _references(sigma, slope, k_s, E_eff, pressures, _cap_value(caps[0]))
    figures = _figures(pressures, results, conds, refs, plot_path, maps_path)
    source = " + ".join(surfaces)
    if json_path:
        doc = {
            "surfaces": list(surfaces), "composite": len(surfaces) == 2, "E_eff": E_eff, "k_s": k_s,
            "k_gas": k_gas, "M": M, "tac": None if gap is None else [float(gap.tac1), float(gap.tac2)],
            "sigma": sigma, "slope": slope, "plasticity": plasticity,
            "microhardness": [_cap_value(c) for c in caps],
            "rows": _json_rows(pressures, results, conds),
            "references": {k: v.tolist() for k, v in refs.items()},
            "warnings": notes, "figures": [str(f) for f in figures],
        }
        emit_json(doc, None if to_stdout else json_path)
        if to_stdout:  # stdout holds the one JSON document and nothing else
            return
        err_console.print(f"JSON written to {json_path}")

    cols, rows = _table_rows(pressures, results, conds, refs, barber=barber and caps[0] is None)
    title = (f"Numerical contact of {source} (h Mikic / h CMY: correlations for this surface's σ, m): "
             f"E' = {E_eff / 1e9:.4g} GPa, k_s = {k_s:.4g} W/m K, gas {gas} "
             f"(k = {k_gas:.4g} W/m K, M = {M * 1e6:.4g} µm; {gas_note}); h in W/m²K; {elapsed:.2f} s")
    console.print(make_table(title, cols, rows))
    console.print(f"solve: {plasticity}")
    if figures:
        console.print("figures: " + ", ".join(str(f) for f in figures))


def _output_paths(json_path: str | None, plot_path: str | None, maps_path: str | None,
                  out_dir: str | None) -> tuple[str | None, str | None]:
    """Check every output path before the solve; (the --plot file, the --maps file), --out-dir filling in
    the ones not given."""
    from tcrlab.cli.run import check_output_path, check_plot_path

    if json_path and json_path != "-":
        check_output_path("--json", json_path)
    if out_dir:
        plot_path = plot_path or str(Path(out_dir) / "contact_h_vs_p.png")
        maps_path = maps_path or str(Path(out_dir) / "contact_maps.png")
    for option, path in (("--plot", plot_path), ("--maps", maps_path)):
        check_plot_path(option, path)
    return plot_path, maps_path


def _pressures(pressure_text: str) -> np.ndarray:
    """The nominal pressures [Pa] of --pressure (a value or a range), all finite and > 0."""
    from tcrlab.units import parse_range

    pressures = np.atleast_1d(parse_range(pressure_text, "pressure", "--pressure"))
    if np.any(~np.isfinite(pressures)) or np.any(pressures <= 0):
        raise InputError("--pressure", pressure_text, "pressures > 0")
    return pressures


def _emissivities(emissivity: str | None) -> tuple[float, float] | None:
    """The two surface emissivities of --emissivity (one value serves both), None without radiation."""
    from tcrlab.units import parse_quantity

    if not emissivity:
        return None
    vals = [float(parse_quantity(x, "dimensionless", "--emissivity")) for x in emissivity.split(",")]
    if len(vals) > 2 or not all(0 < v <= 1 for v in vals):
        raise InputError("--emissivity", emissivity, "one or two emissivities in (0, 1], e.g. 0.3,0.3")
    return vals[0], vals[-1]


def _cap_value(cap: Any) -> float | None:
    """The pressure cap [Pa] of one solve (a registry microhardness or a plain number), None if elastic."""
    return None if cap is None else float(getattr(cap, "value", cap))


def _reference_hardness(caps: list[Any], elastic: bool, solids: tuple[Any, Any], pressures: np.ndarray,
                        sigma: float, slope: float) -> Any:
    """The microhardness the local pressures are checked against: the first cap, or for --elastic the
    registry's H_c at the highest pressure (None where the registry has none)."""
    import warnings

    from tcrlab.errors import ValidityWarning

    reference_h = next((c for c in caps if c is not None), None)
    if reference_h is None and elastic:  # the elastic solve is checked against the registry's H_c
        from tcrlab.contact.microhardness import registry_microhardness

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ValidityWarning)
            try:
                reference_h = registry_microhardness(solids, float(pressures[-1]), sigma, slope)
            except InputError:
                reference_h = None
    return reference_h


def _solve_series(topo: Any, E_eff: float, pressures: np.ndarray, caps: list[Any], reference_h: Any, *,
                  tol: float, float32: bool, barber: bool,
                  thermal: dict[str, Any]) -> tuple[list[Any], list[Any], list[str], float]:
    """Solve each pressure in turn (each from the previous solution) under a progress bar: the contact
    results, their conductances, the warnings (each kind once for the series) and the time taken [s]."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from tcrlab.cli.common import err_console
    from tcrlab.contact.diagnostics import pressure_series_warnings
    from tcrlab.contact.solver import solve
    from tcrlab.contact.thermal import conductance

    results: list[Any] = []
    conds: list[Any] = []
    prev = None
    t0 = time.perf_counter()
    with Progress(TextColumn("[bold]contact[/bold] {task.description}"), BarColumn(),
                  TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(),
                  console=err_console, transient=True) as progress:
        task = progress.add_task(f"{topo.heights.shape[0]}×{topo.heights.shape[1]}", total=len(pressures))
        for p, cap in zip(pressures, caps, strict=True):
            H = _cap_value(cap)
            res = solve(topo, E_eff, pressure=float(p), hardness=H, tol=tol, initial=prev,
                        dtype=np.float32 if float32 else np.float64)
            prev = res
            conds.append(conductance(res, thermal["k_s"], k_gas=thermal["k_gas"], M=thermal["M"],
                                     emissivity=thermal["emissivity"], temperature=thermal["temperature"],
                                     check_stiffness=barber and H is None))
            results.append(res)
            progress.advance(task)
    # each kind of finding once for the series, with the pressures it applies to
    notes = pressure_series_warnings(pressures, results, reference_h)
    return results, conds, notes, time.perf_counter() - t0


def _warn_notes(conds: list[Any], notes: list[str]) -> None:
    """Issue the solve's notes as validity warnings, adding the complete-contact limit where it is reached."""
    import warnings

    from tcrlab.errors import ValidityWarning

    if any(np.isinf(c.h_c) for c in conds):
        notes.append("complete contact (every point touching): no constriction, h_c = ∞ and R_c = 0; "
                     "what remains is the bulk conduction of the solids, a layer of the heat path")
    for n in notes:
        warnings.warn(n, ValidityWarning, stacklevel=1)


def _figures(pressures: np.ndarray, results: list[Any], conds: list[Any], refs: dict[str, np.ndarray],
             plot_path: str | None, maps_path: str | None) -> list[Any]:
    """Draw the figures asked for (h vs pressure, the maps at the highest pressure); their paths."""
    figures = []
    if plot_path:
        from tcrlab.plotting.contact import plot_conductance_vs_pressure

        curves = {"h_c": [c.h_c for c in conds], "h_g": [c.h_g for c in conds],
                  "h_r": [c.h_r for c in conds], "h_j": [c.h_j for c in conds]}
        figures.append(plot_conductance_vs_pressure(pressures, curves, plot_path, references=refs))
    if maps_path:
        from tcrlab.plotting.contact import plot_contact_maps

        figures.append(plot_contact_maps(results[-1], maps_path))
    return figures


def _json_rows(pressures: np.ndarray, results: list[Any], conds: list[Any]) -> list[dict[str, Any]]:
    """One JSON row per pressure (SI units)."""
    return [
        {"pressure": float(p), "area_fraction": r.area_fraction, "spots": r.spots.count,
         "mean_gap": r.mean_gap, "h_c": c.h_c, "h_c_barber": c.h_c_stiffness, "h_g": c.h_g,
         "h_r": c.h_r, "h_j": c.h_j, "iterations": r.iterations}
        for p, r, c in zip(pressures, results, conds, strict=True)
    ]


def _table_rows(pressures: np.ndarray, results: list[Any], conds: list[Any], refs: dict[str, np.ndarray], *,
                barber: bool) -> tuple[list[str], list[list[Any]]]:
    """The columns and rows of the printed table (with Barber's h_c when ``barber``, then the correlations)."""
    cols = ["p (MPa)", "A/A0", "spots", "mean gap (µm)", "h_c", "h_g", "h_r", "h_j", "iter"]
    if barber:
        cols.insert(5, "h_c Barber")
    cols += list(refs)
    rows = []
    for i, (p, r, c) in enumerate(zip(pressures, results, conds, strict=True)):
        row = [f"{p / 1e6:.4g}", f"{r.area_fraction:.4g}", r.spots.count, f"{r.mean_gap * 1e6:.4g}",
               f"{c.h_c:.4g}", f"{c.h_g:.4g}", f"{c.h_r:.4g}", f"{c.h_j:.4g}", r.iterations]
        if barber:
            row.insert(5, f"{c.h_c_stiffness:.4g}")
        row += [f"{v[i]:.4g}" for v in refs.values()]
        rows.append(row)
    return cols, rows
