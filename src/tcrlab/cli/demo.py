"""``tcrlab demo``: a 120 W CPU heat path, then the interface variants side by side."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

import click

from tcrlab.cli.common import emit_json, make_table
from tcrlab.cli.run import check_plot_path, render_stack, wide_console, writing

__all__ = ["BASE_RESOURCE", "CASE_RESOURCE", "demo", "run_base_demo", "run_demo"]

CASE_RESOURCE = "cpu_heatsink.toml"
BASE_RESOURCE = "cpu_heatsink_base.toml"
SPREADER = "heat-sink base"


def run_demo() -> tuple[Any, Any, list[tuple[dict[str, Any], Any, str]]]:
    """Solve the packaged CPU case and every ``[[variant]]`` in it.

    Returns
    -------
    case : StackCase
        The packaged CPU-under-a-heat-sink case.
    result : StackResult
        Its solution.
    variants : list of tuple of (dict, StackResult or None, str)
        Each ``[[variant]]`` table with its solution, or None and the reason it could not be built.
    """
    from tcrlab.cases import build_case
    from tcrlab.cases.stack import safe_variant_result

    text = resources.files("tcrlab").joinpath("examples", CASE_RESOURCE).read_text("utf-8")
    source = f"tcrlab/examples/{CASE_RESOURCE}"
    doc = tomllib.loads(text)
    case = build_case(doc, source=source)
    result = case.solve()  # type: ignore[attr-defined]
    variants = [(v, *safe_variant_result(doc, v, source=source)) for v in case.variants()]  # type: ignore[attr-defined]
    return case, result, variants


def run_base_demo() -> tuple[Any, Any, Any]:
    """The same CPU on a 6 cm × 6 cm heat-sink base, with its spreading resistance.

    Returns
    -------
    case : StackCase
        The packaged heat-sink-base case.
    result : StackResult
        Its solution with the fin-side heat-transfer coefficient.
    isothermal : StackResult
        The solution with the fin side held at the article's 40 °C instead — the like-for-like comparison
        with the 1-D article model.
    """
    import copy

    from tcrlab.cases import build_case

    text = resources.files("tcrlab").joinpath("examples", BASE_RESOURCE).read_text("utf-8")
    source = f"tcrlab/examples/{BASE_RESOURCE}"
    doc = tomllib.loads(text)
    case = build_case(doc, source=source)
    iso = copy.deepcopy(doc)
    spreader = next(t for t in iso["layer"] if t.get("name") == SPREADER)
    spreader.pop("h")
    spreader["sink"] = "isothermal"
    iso["boundary"]["sink_temperature"] = "40 degC"
    iso["case"]["name"] = "same base, fin side held at 40 degC"
    iso_result = build_case(iso, source=source).solve()  # type: ignore[attr-defined]
    return case, case.solve(), iso_result  # type: ignore[attr-defined]


def _base_drops(result: Any) -> tuple[float, float]:
    """(ΔT over the whole base incl. spreading but not the fin side, ΔT of the spreading row) [K]."""
    rows = [e for e in result.elements if e.path.startswith(SPREADER) and e.kind in ("spreading", "conduction")]
    spread = next(e for e in rows if e.kind == "spreading")
    return sum(float(e.dT) for e in rows), float(spread.dT)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable results (JSON).")
@click.option("--plot", "plot_file", type=click.Path(dir_okay=False), help="Save the CPU T(x) profile.")
@click.option("--compare-plot", "compare_file", type=click.Path(dir_okay=False),
              help="Save the profiles of all interface variants in one figure.")
def demo(as_json: bool, plot_file: str | None, compare_file: str | None) -> None:
    """A CPU under a heat sink (a 120 W example used in the literature on contact resistance): 120 W over
    2 cm × 2 cm through silicon, the interface and aluminium; then bare contact, paste, pad, fluids and
    vacuum compared."""
    check_plot_path("--plot", plot_file)
    check_plot_path("--compare-plot", compare_file)
    case, result, variants = run_demo()
    base_case, base, base_iso = run_base_demo()
    replaced = variants[0][0].get("replace") if variants else None
    rows = []
    for variant, res, why in variants:
        if res is None:
            rows.append({"variant": variant.get("name"), "error": why})
            continue
        el = res.element(replaced) if replaced else None
        rows.append({
            "variant": variant.get("name"), "kind": el.kind if el else "",
            "R_interface_m2K_per_W": el.resistance_area if el else None,
            "dT_interface_K": el.dT if el else None, "T_junction_K": res.T_hot,
            "dT_junction_vs_base_K": float(res.T_hot) - float(result.T_hot), "bottleneck": res.bottleneck,
        })
    if plot_file:
        from tcrlab.fileio import save_figure
        from tcrlab.plotting.profile import plot_profile

        with writing("--plot", plot_file):
            save_figure(plot_profile(result), plot_file, dpi=130)
    if compare_file:
        from tcrlab.fileio import save_figure
        from tcrlab.plotting.profile import plot_variants

        solved = {v.get("name", "?"): r for v, r, _ in variants if r is not None}
        with writing("--compare-plot", compare_file):
            save_figure(plot_variants(solved, title="CPU junction temperature with different interfaces"),
                        compare_file, dpi=130)
    if as_json:
        emit_json({"case": result.to_dict(), "variants": rows, "heat_sink_base": base.to_dict(),
                   "heat_sink_base_isothermal_40C": base_iso.to_dict()})
        return
    console = wide_console()
    render_stack(result, title=case.name)
    table_rows = []
    for r in rows:
        if "error" in r:
            table_rows.append([r["variant"], "—", "—", "—", "—", "—", r["error"][:60]])
            continue
        table_rows.append([
            r["variant"], r["kind"], f"{r['R_interface_m2K_per_W']:.3e}", f"{r['dT_interface_K']:.2f}",
            f"{r['T_junction_K'] - 273.15:.1f}", f"{r['dT_junction_vs_base_K']:+.1f}", r["bottleneck"],
        ])
    console.print()
    console.print(make_table(
        f"Interface variants (replacing '{replaced}'); sources in {CASE_RESOURCE}",
        ["variant", "kind", "R'' \\[m²K/W]", "ΔT interface [K]", "T junction [°C]", "vs bare contact [K]", "bottleneck"],
        table_rows,
    ))
    console.print("R'' values: Bergman, Lavine, Incropera & DeWitt, Fundamentals of Heat and Mass Transfer, "
                  "7th ed. (2011), Tables 3.1 and 3.2; TIM rows: bond line / k.")
    console.print()
    render_stack(base, title=base_case.name)
    spread = base.element(f"{SPREADER}: spreading")
    rise = float(base.T_hot) - float(base.T_end)
    console.print(
        f"Spreading in the base: R_s = {float(spread.resistance):.4g} K/W, ΔT = {float(spread.dT):.3g} K — "
        f"{100 * float(spread.share):.0f} % of the {rise:.3g} K junction-to-air rise (fin-side h = "
        f"{float(spread.describe['h']):.4g} W/(m² K), air at {float(base.T_end) - 273.15:.0f} °C: an assumed "
        f"forced-air fin array, see {BASE_RESOURCE})."
    )
    article_base = float(result.element("aluminium base (first 6 mm)").dT)
    iso_base, iso_spread = _base_drops(base_iso)
    console.print(
        f"Like for like with the article (fin side held at its 40 °C): the 6 mm base takes {iso_base:.3g} K "
        f"({iso_spread:.3g} K of it spreading) instead of the 1-D {article_base:.3g} K under the die's 4 cm²; "
        f"junction {float(base_iso.T_hot) - 273.15:.1f} °C instead of {float(result.T_hot) - 273.15:.1f} °C."
    )
    if plot_file:
        console.print(f"profile written to {plot_file}")
    if compare_file:
        console.print(f"variant comparison written to {compare_file}")
