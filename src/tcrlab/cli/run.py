"""``tcrlab run CASE.toml``: solve a heat-path case file, print the table, JSON and the profile plot."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import numpy as np
from rich.console import Console

from tcrlab.cli.common import console as _shared_console
from tcrlab.cli.common import emit_json, make_table
from tcrlab.errors import InputError
from tcrlab.plotting.labels import output_unit

__all__ = ["check_output_path", "check_plot_path", "render_stack", "run", "stack_table", "wide_console", "writing"]

PLOT_FORMATS = ("png", "pdf", "svg", "jpg", "jpeg", "tif", "tiff", "eps", "ps", "webp")


def check_plot_path(option: str, path: str | None) -> None:
    """Reject an unsupported figure format or an unwritable place before any work is done (the suffix
    picks the format).

    Parameters
    ----------
    option : str
        The command-line option named in the error, e.g. ``"--plot"``.
    path : str or None
        The figure file; None (no figure asked for) passes.
    """
    if path is None:
        return
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix not in PLOT_FORMATS:
        raise InputError(option, path, "a file name ending in ." + ", .".join(PLOT_FORMATS),
                         problem="unknown figure format")
    check_output_path(option, path)


def check_output_path(option: str, path: str | None) -> None:
    """InputError unless ``path`` can be written: not a directory, and its nearest existing folder is a
    writable directory (missing folders are created when the file is written).

    Parameters
    ----------
    option : str
        The command-line option named in the error, e.g. ``"--json"``.
    path : str or None
        The output file; None (no file asked for) passes.
    """
    if path is None:
        return
    target = Path(path)
    if target.is_dir():
        raise InputError(option, path, "a file name (this is a directory)")
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(option, path, "a file in a writable folder",
                         problem=f"cannot write into {folder}")


@contextlib.contextmanager
def writing(option: str, path: str) -> Iterator[None]:
    """Turn an operating-system error while writing ``path`` into an InputError naming the option.

    Parameters
    ----------
    option : str
        The command-line option named in the error.
    path : str
        The file being written.

    Yields
    ------
    None
        Control to the ``with`` block that writes the file.
    """
    try:
        yield
    except OSError as exc:
        raise InputError(option, path, "a file in a writable folder",
                         problem=f"cannot write it ({exc.strerror or exc})") from None


def wide_console() -> Console:
    """The shared console, or a 150-column one when the output is not a terminal (tables stay whole).

    Returns
    -------
    rich.console.Console
        The console to print results on.
    """
    if _shared_console.is_terminal:
        return _shared_console
    return Console(highlight=False, width=150)


def _fmt(value: Any, spec: str = ".4g") -> str:
    v = float(np.asarray(value))
    if not np.isfinite(v):
        return "inf" if v > 0 else "—"
    return format(v, spec)


def _outputs_table(title: str, outputs: dict[str, Any]) -> Any:
    """Outputs of a non-stack case: scalars as name/value/unit rows; equal-length arrays as columns
    headed by name and unit."""
    arrays = {k: np.ravel(v) for k, v in outputs.items() if not isinstance(v, str) and np.ndim(v) > 0}
    if arrays:
        names = list(arrays)
        length = max(len(a) for a in arrays.values())
        rows = [[_fmt(arrays[k][i]) if i < len(arrays[k]) else "" for k in names] for i in range(length)]
        heads = [f"{k} \\[{output_unit(k)}]" if output_unit(k) else k for k in names]
        return make_table(title, heads, rows)
    return make_table(title, ["output", "value", "unit (SI)"],
                      [[k, v if isinstance(v, str) else _fmt(v), output_unit(k)] for k, v in outputs.items()])


def stack_table(result: Any, *, title: str) -> Any:
    """The rich table of a solved stack (one row per element).

    Parameters
    ----------
    result : StackResult
        The solved heat path.
    title : str
        The table's caption.

    Returns
    -------
    rich.table.Table
        Per element: R'' [m²K/W], R [K/W], ΔT [K], share of the total drop [%], heat [W] and the face
        temperatures (in °C when every node is above 200 K, else in K); elements of parallel branches
        are marked with their branch.
    """
    celsius = float(np.min(result.node_temperatures)) > 200.0
    off, unit = (273.15, "°C") if celsius else (0.0, "K")
    t_spec = ".2f" if celsius else ".6g"
    rows = []
    parallel = {f"{f.group}/{f.branch}" for f in getattr(result, "branches", ())}
    for e in result.elements:
        # every element of a parallel group is marked with its branch, the busiest branch's too
        side = e.path in parallel or not e.on_main_path
        label = f"  ↳ {e.name} ({e.path.rsplit('/', 1)[-1]})" if side else e.name
        rows.append([
            label, e.kind, _fmt(e.resistance_area, ".3e"), _fmt(e.resistance, ".4g"),
            _fmt(e.dT, ".3f" if abs(float(e.dT)) >= 0.01 else ".3g"),
            _fmt(100 * e.share, ".1f"), _fmt(e.heat, ".4g"), _fmt(float(e.T_in) - off, t_spec),
            _fmt(float(e.T_out) - off, t_spec),
        ])
    cols = ["element", "kind", "R'' \\[m²K/W]", "R [K/W]", "ΔT [K]", "share %", "Q [W]",
            f"T in [{unit}]", f"T out [{unit}]"]
    return make_table(title, cols, rows)


def render_stack(result: Any, *, title: str) -> None:
    """Print the table, the bottleneck and the energy balance.

    Parameters
    ----------
    result : StackResult
        The solved heat path.
    title : str
        The table's caption.
    """
    console = wide_console()
    console.print(stack_table(result, title=title))
    celsius = float(np.min(result.node_temperatures)) > 200.0
    off, unit = (273.15, "°C") if celsius else (0.0, "K")
    b = result.element(result.bottleneck)
    total = float(result.T_hot) - float(result.T_end)
    flows = list(getattr(result, "branches", ()))
    for group in dict.fromkeys(f.group for f in flows):
        parts = [f for f in flows if f.group == group]
        text = "; ".join(
            f"{f.branch} carries {100 * float(f.heat_share):.1f} % of the heat ({float(f.heat):.4g} W), "
            f"largest drop {f.bottleneck} ({100 * float(f.bottleneck_share):.0f} % of its ΔT)" for f in parts)
        console.print(f"[bold]Parallel paths in {group}:[/bold] {text}.")
    on = next((f for f in flows if f.on_main_path and f.bottleneck == b.name), None)
    where = (f" on the path through {on.branch} ({100 * float(on.heat_share):.0f} % of the heat; "
             "the other paths are listed above)") if on is not None and len(flows) > 1 else ""
    console.print(
        f"[bold]Bottleneck:[/bold] {b.name}{where} — ΔT = {float(b.dT):.3g} K, "
        f"{100 * float(b.share):.0f} % of the {total:.3g} K from the hot end to the sink."
    )
    console.print(
        f"Hot-end temperature {float(result.T_hot) - off:.2f} {unit}; heat input {float(result.heat_input):.4g} W; "
        f"R_total = {float(result.total_resistance):.4g} K/W ({float(result.total_resistance_area):.3e} m²K/W); "
        f"energy balance error {float(result.energy_balance_error):.1e}."
    )


def _load(case_file: str, overrides: tuple[str, ...]) -> Any:
    from tcrlab.cases import build_case, load_document
    from tcrlab.cases.stack import apply_override
    from tcrlab.uq.document import find_distribution_specs
    from tcrlab.uq.montecarlo import nominal_document

    doc = load_document(case_file)
    if find_distribution_specs(doc):  # a Monte Carlo case: solve it at the distributions' means
        doc = nominal_document(doc, source=case_file)
        click.echo("note: {dist = ...} inputs taken at their mean (use `tcrlab mc` for the spread)", err=True)
    for assignment in overrides:
        try:
            doc = apply_override(doc, assignment)
        except InputError as exc:
            raise InputError(exc.field, exc.value, exc.expected, problem=exc.problem, source=case_file) from None
    return build_case(doc, source=case_file)


@click.command()
@click.argument("case_file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable results (JSON).")
@click.option("--plot", "plot_file", type=click.Path(dir_okay=False), help="Save the T(x) profile (PNG/PDF/SVG).")
@click.option("--set", "overrides", multiple=True, metavar="PATH=VALUE",
              help="Override a case-file field, e.g. --set \"layer[2].resistance=5e-6 K m^2/W\" "
                   "(layers numbered from 1, or by name: layer[interface]).")
@click.option("--vtk", "field_file", type=click.Path(dir_okay=False),
              help="FE cases: write the temperature field (.vtu, .vtk or .xdmf) for ParaView.")
def run(case_file: str, as_json: bool, plot_file: str | None, overrides: tuple[str, ...],
        field_file: str | None) -> None:
    """Solve the heat path in CASE_FILE: every element's resistance, ΔT and share; the bottleneck.

    FE cases ([[body]] tables) are meshed and solved in 2-D, r–z or 3-D; --plot draws a temperature slice
    and the interface maps, --vtk writes the field."""
    check_plot_path("--plot", plot_file)
    if field_file is not None:
        from tcrlab.fem.output import check_field_path

        check_field_path("--vtk", field_file)
        check_output_path("--vtk", field_file)
    case = _load(case_file, overrides)
    if getattr(case, "kind", None) == "fem":
        from tcrlab.cli.run_fem import run_fem

        run_fem(case, case_file=case_file, as_json=as_json, plot_file=plot_file, field_file=field_file)
        return
    if field_file is not None:
        raise InputError("--vtk", field_file, "an FE case ([[body]] tables)", source=case_file)
    if getattr(case, "kind", None) != "stack":
        outputs = case.outputs()
        if plot_file:
            raise InputError("--plot", plot_file, "a stack case (profile plots are for [[layer]] stacks)",
                             source=case_file)
        if as_json:
            emit_json({"kind": case.kind, "outputs": outputs})
        else:
            wide_console().print(_outputs_table(f"{case_file} ({case.kind})", outputs))
        return
    result = case.solve()
    if plot_file:
        from tcrlab.fileio import save_figure
        from tcrlab.plotting.profile import plot_profile

        with writing("--plot", plot_file):
            save_figure(plot_profile(result), plot_file, dpi=130)
    if as_json:
        data = result.to_dict()
        data["source"] = case_file
        emit_json(data)
    else:
        render_stack(result, title=f"{case.name}  ({case_file})")
        if plot_file:
            wide_console().print(f"profile written to {plot_file}")
