"""``tcrlab sweep CASE.toml --vary pressure=0.1MPa:10MPa:log40 --vary gas=air,He -o out.csv``."""

from __future__ import annotations

from typing import Any

import click
from rich.markup import escape

from tcrlab.cli.common import console, make_table, run_batched
from tcrlab.errors import InputError, PartialFailureError

__all__ = ["sweep"]


@click.command()
@click.argument("case_file", type=click.Path(dir_okay=False))
@click.option("--vary", "varies", multiple=True, required=True,
              help="name=START:STOP:N | name=START:STOP:logN | name=v1,v2,... (repeat for a grid).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Tidy table: .csv or .parquet (written atomically).")
@click.option("--plot", type=click.Path(dir_okay=False), default=None, help="Figure of outputs vs the first name.")
@click.option("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://127.0.0.1:8786.")
@click.option("--workers", type=int, default=2, show_default=True, help="Local worker processes (≥ 1).")
@click.option("--resume", is_flag=True,
              help="Continue an interrupted sweep with the same -o, case and --vary: reuse its finished blocks.")
@click.option("--worker-timeout", type=float, default=None,
              help="Dask: give up after this many seconds without any worker (default 120).")
@click.option("--batch", type=int, default=4096, show_default=True, help="Grid points per task.")
@click.option("--builder", default=None, hidden=True,
              help="module:function building a case from a document (default tcrlab.cases:build_case).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when on a terminal).")
def sweep(case_file: str, varies: tuple[str, ...], output: str | None, plot: str | None, scheduler: str | None,
          workers: int, resume: bool, worker_timeout: float | None, batch: int, progress: bool | None,
          builder: str | None) -> None:
    """Evaluate a case over a grid of values; write a tidy table (one row per point, SI units).

    Exit codes: 0 every point evaluated; 2 bad input (nothing run); 3 the table was written but some
    tasks failed (their rows are empty, the failures are listed on stderr); 130 interrupted (finished
    blocks are kept beside the -o file for --resume).
    """
    from tcrlab.cases import load_document
    from tcrlab.uq.evaluate import DEFAULT_BUILDER
    from tcrlab.uq.sweep import blocks_folder, parse_vary, remove_blocks, run_sweep, write_table

    _check_options(workers, batch, worker_timeout, resume, output)
    if output:
        write_table(None, output, check_only=True)
    doc = load_document(case_file)
    parsed = [parse_vary(v) for v in varies]
    small = scheduler is None and _grid_points(parsed) <= batch and sum(v.dimension is None for v in parsed) <= 1
    result = run_batched(
        lambda executor: run_sweep(doc, parsed, executor=executor, batch_size=batch, source=case_file,
                                   builder=builder or DEFAULT_BUILDER, progress=progress,
                                   blocks=blocks_folder(output) if output else None, resume=resume),
        scheduler=scheduler, workers=workers, serial=small and not resume, worker_timeout=worker_timeout)
    if output:
        write_table(result.table, output)
        remove_blocks(blocks_folder(output))
    if plot:
        from tcrlab.plotting.uq import plot_sweep

        plot_sweep(result, plot)
    _print_summary(result, case_file, output, plot)
    if result.failures:
        raise PartialFailureError(
            f"{len(result.failures)} task(s) failed; their rows are empty (NaN)"
            + (f" in {output}" if output else "") + "; the failures are listed above"
        )


def _check_options(workers: int, batch: int, worker_timeout: float | None, resume: bool,
                   output: str | None) -> None:
    """Refuse option values the sweep cannot run with, before anything is read or run."""
    if workers < 1:
        raise InputError("--workers", workers, "an integer >= 1 (1 runs in this process)")
    if batch < 1:
        raise InputError("--batch", batch, "an integer >= 1")
    if worker_timeout is not None and not worker_timeout > 0:
        raise InputError("--worker-timeout", worker_timeout, "seconds > 0")
    if resume and not output:
        raise InputError("--resume", True, "an -o file: the blocks of an interrupted sweep are kept beside it")


def _grid_points(parsed: list[Any]) -> int:
    """The number of points of the grid spanned by the parsed --vary options."""
    points = 1
    for v in parsed:
        points *= len(v.values)
    return points


def _print_summary(result: Any, case_file: str, output: str | None, plot: str | None) -> None:
    """Print at most 20 evenly spaced rows of the table (the varied names and the first four outputs) and
    where the table and figure went."""
    import numpy as np

    table = result.table
    columns = [v.name for v in result.varies] + result.outputs[:4]
    shown = table[columns] if len(table) <= 20 else table[columns].iloc[np.unique(np.linspace(0, len(table) - 1, 20).astype(int))]
    rows = [[f"{c:.4g}" if isinstance(c, float) else escape(str(c)) for c in row]
            for row in shown.itertuples(index=False)]
    paths = ", ".join(f"{k} → {v}" for k, v in result.paths.items() if k != v)
    title = f"Sweep: {case_file}, {len(table)} points ({result.executor}); SI units" + (f"; {paths}" if paths else "")
    if len(result.outputs) > 4:
        title += f"; {len(result.outputs) - 4} more outputs in the table file"
    console.print(make_table(escape(title), [escape(c) for c in columns], rows))
    if output:
        console.print(f"table: {output}")
    if plot:
        console.print(f"figure: {plot}")
    if result.resumed_blocks:
        console.print(f"resumed: {result.resumed_blocks} finished block(s) reused")
