"""``tcrlab demo``: a 120 W CPU heat path, then the interface variants side by side."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

import click

from tcrlab.cli.common import emit_json, make_table
from tcrlab.cli.run import check_plot_path, render_stack, wide_console, writing

__all__ = ["CASE_RESOURCE", "demo", "run_demo"]

CASE_RESOURCE = "cpu_heatsink.toml"


def run_demo() -> tuple[Any, Any, list[tuple[dict[str, Any], Any, str]]]:
    """Solve the packaged CPU case and every ``[[variant]]`` in it: (case, result, [(variant, result|None, why)])."""
    from tcrlab.cases import build_case
    from tcrlab.cases.stack import safe_variant_result

    text = resources.files("tcrlab").joinpath("examples", CASE_RESOURCE).read_text("utf-8")
    source = f"tcrlab/examples/{CASE_RESOURCE}"
    doc = tomllib.loads(text)
    case = build_case(doc, source=source)
    result = case.solve()  # type: ignore[attr-defined]
    variants = [(v, *safe_variant_result(doc, v, source=source)) for v in case.variants()]  # type: ignore[attr-defined]
    return case, result, variants


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
        emit_json({"case": result.to_dict(), "variants": rows})
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
    if plot_file:
        console.print(f"profile written to {plot_file}")
    if compare_file:
        console.print(f"variant comparison written to {compare_file}")
