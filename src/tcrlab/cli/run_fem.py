"""``tcrlab run`` for FE cases ([[body]] tables): a progress bar while solving, the results and interface
tables, the slice/interface picture (--plot) and the field file (--vtk). Wiring only."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from tcrlab.cli.common import emit_json, make_table

__all__ = ["run_fem"]


def run_fem(case: Any, *, case_file: str, as_json: bool, plot_file: str | None, field_file: str | None) -> None:
    """Solve an FE case under a progress bar and report it: the outputs and interface tables (or JSON),
    the picture and the field file.

    Parameters
    ----------
    case : FemCase
        The case built from the file.
    case_file : str
        The case file's name, shown in the table title and the JSON.
    as_json : bool
        Print one JSON document (outputs, interfaces, boundary heat flows) instead of the tables.
    plot_file : str or None
        Write the temperature slice and the interface maps to this figure file.
    field_file : str or None
        Write the temperature field to this file for ParaView (``--vtk``).
    """
    from tcrlab.cli.run import wide_console, writing

    console = wide_console()
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f} %"),
                  TimeElapsedColumn(), console=console, transient=True, disable=as_json) as bar:
        task = bar.add_task("meshing", total=1.0)

        def progress(stage: str, fraction: float) -> None:
            bar.update(task, description=stage, completed=fraction)

        result = case.solve(progress=progress)
        outputs = case.outputs()
    if field_file:
        from tcrlab.fem.output import write_field

        with writing("--vtk", field_file):
            write_field(result, field_file)
    if plot_file:
        from tcrlab.fileio import save_figure
        from tcrlab.plotting.fem import plot_fem

        with writing("--plot", plot_file):
            save_figure(plot_fem(result, title=case.name), plot_file, dpi=130)
    if as_json:
        emit_json({"kind": "fem", "source": case_file, "outputs": outputs,
                   "interfaces": [{"name": i.name, "bodies": list(i.bodies), "heat": i.heat, "area": i.area,
                                   "mean_jump": i.mean_jump, "max_jump": i.max_jump, "mean_h": i.mean_h}
                                  for i in result.interfaces],
                   "boundaries": result.boundary_heat, "method": result.method,
                   "memory_estimate": result.memory_estimate})
        return
    a = result.assembly
    console.print(make_table(f"{case.name}  ({case_file}; {a.geometry}, {result.temperature.size:,} unknowns, "
                             f"{result.method}, {result.iterations} Picard iteration(s))",
                             ["output", "value (SI)"], [[escape(k), f"{float(v):.6g}"] for k, v in outputs.items()]))
    if result.interfaces:
        console.print(make_table("interfaces", ["interface", "bodies", "Q [W]", "area [m²]", "mean ΔT [K]",
                                                "max |ΔT| [K]", "mean h_j [W/(m²K)]"],
                                 [[i.name, " / ".join(i.bodies), f"{i.heat:.5g}", f"{i.area:.4g}",
                                   f"{i.mean_jump:.4g}", f"{i.max_jump:.4g}", f"{i.mean_h:.5g}"]
                                  for i in result.interfaces]))
    console.print(f"energy balance error {result.energy_balance_error:.1e}")
    for path, what in ((field_file, "field"), (plot_file, "picture")):
        if path:
            console.print(f"{what} written to {path}")
