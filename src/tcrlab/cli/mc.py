"""``tcrlab mc CASE.toml -n 100000``: Monte Carlo through any case with ``{dist = ...}`` inputs."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
from rich.markup import escape

from tcrlab.cli.common import console, emit_json, make_table, run_batched
from tcrlab.errors import PartialFailureError

if TYPE_CHECKING:
    from tcrlab.uq.montecarlo import MonteCarloResult

__all__ = ["mc"]


@click.command()
@click.argument("case_file", type=click.Path(dir_okay=False))
@click.option("-n", "--samples", "n", type=int, default=10000, show_default=True, help="Number of samples.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed (results are reproducible).")
@click.option("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://127.0.0.1:8786.")
@click.option("--workers", type=int, default=2, show_default=True, help="Local worker processes.")
@click.option("--batch", type=int, default=8192, show_default=True, help="Samples per task.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--plot", type=click.Path(dir_okay=False), default=None, help="Histogram figure (PNG/PDF/SVG).")
@click.option("--builder", default=None, hidden=True,
              help="module:function building a case from a document (default tcrlab.cases:build_case).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when on a terminal).")
def mc(case_file: str, n: int, seed: int, scheduler: str | None, workers: int, batch: int, as_json: bool,
       plot: str | None, progress: bool | None, builder: str | None) -> None:
    """Propagate the case's input distributions to its outputs (percentiles, rank sensitivities).

    Exit codes: 0 every sample evaluated; 2 bad input (nothing run); 3 the statistics were printed from
    the samples that were evaluated but some tasks failed (listed on stderr).
    """
    from tcrlab.cases import load_document
    from tcrlab.uq.evaluate import DEFAULT_BUILDER
    from tcrlab.uq.montecarlo import run_monte_carlo

    doc = load_document(case_file)
    result = run_batched(
        lambda executor: run_monte_carlo(doc, n, seed=seed, executor=executor, batch_size=batch,
                                         source=case_file, builder=builder or DEFAULT_BUILDER,
                                         progress=progress),
        scheduler=scheduler, workers=workers, serial=scheduler is None and n <= batch)
    if plot:
        from tcrlab.plotting.uq import plot_mc_histograms

        plot_mc_histograms(result, plot)
    if as_json:
        emit_json(result.to_dict())
    else:
        _print_tables(result, case_file, n, seed, plot)
    if result.failures:
        evaluated = min(len(v) for v in result.outputs.values()) if result.outputs else 0
        raise PartialFailureError(
            f"{len(result.failures)} task(s) failed ({n - evaluated} of {n} samples not evaluated)"
            "; the statistics are those of the samples that were evaluated; the failures are listed above"
        )


def _print_tables(result: MonteCarloResult, case_file: str, n: int, seed: int, plot: str | None) -> None:
    """The percentile and sensitivity tables of a Monte Carlo run, on stdout."""
    summary = result.summary()
    rows = [[escape(name), *(f"{s[k]:.4g}" for k in ("P5", "P50", "P95", "mean", "std")), s["n"]]
            for name, s in summary.items()]
    console.print(make_table(f"Monte Carlo: {case_file}, n = {n}, seed = {seed} ({result.executor}); SI units",
                             ["output", "P5", "P50", "P95", "mean", "std", "n"], rows))
    sens = result.sensitivities()
    inputs = list(result.inputs)
    rows = [[escape(name), *(f"{sens[name][p]:+.3f}" for p in inputs)] for name in summary]
    console.print(make_table("Sensitivity: Spearman rank correlation of output with input",
                             ["output", *map(escape, inputs)], rows))
    if plot:
        console.print(f"histograms: {plot}")
