"""Monte Carlo propagation of the distributions declared in a case document.

Sampling is reproducible and independent of how the work is split: sample ``j`` belongs to block
``j // BLOCK``, and block ``b`` draws from ``numpy.random.default_rng(SeedSequence(seed, spawn_key=(b,)))``
(inputs in sorted path order, ``BLOCK`` values each). A task takes a run of whole blocks, so any batch size
(a multiple of ``BLOCK``) and any executor — in-process, local processes, Dask — give bit-identical
samples and results for a given seed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import stats

from tcrlab.errors import CaseFileError, InputError
from tcrlab.resources import require_memory
from tcrlab.uq.distributions import Distribution, parse_distribution
from tcrlab.uq.document import find_distribution_specs
from tcrlab.uq.evaluate import DEFAULT_BUILDER, Batch, evaluate_batch
from tcrlab.uq.executors import SerialExecutor, TaskFailedError, TaskFailure, run_tasks

__all__ = ["BLOCK", "MonteCarloResult", "document_distributions", "rank_sensitivities", "run_monte_carlo",
           "sample_block"]

BLOCK = 1024
PERCENTILES = (5.0, 50.0, 95.0)


def document_distributions(doc: Mapping[str, Any], *, source: str | None = None) -> dict[str, Distribution]:
    """Path → parsed distribution, for every ``{dist = ...}`` table in the case document.

    Parameters
    ----------
    doc : Mapping
        The case document.
    source : str, optional
        The file name used in errors.

    Returns
    -------
    dict of str to Distribution
        The distributions by dotted path.
    """
    return {p: parse_distribution(spec, p, source=source) for p, spec in find_distribution_specs(doc).items()}


def nominal_document(doc: Mapping[str, Any], *, source: str | None = None) -> dict[str, Any]:
    """A copy of the document with every ``{dist = ...}`` table replaced by its distribution's mean."""
    from tcrlab.units import ureg
    from tcrlab.uq.document import substituted

    return substituted(doc, {
        p: (ureg.Quantity(d.mean, d.unit) if d.dimension != "dimensionless" else d.mean)
        for p, d in document_distributions(doc, source=source).items()
    })


def sample_block(dists: Mapping[str, Distribution], seed: int, block: int) -> dict[str, np.ndarray]:
    """The ``BLOCK`` samples of each input for block number ``block`` (deterministic).

    Parameters
    ----------
    dists : Mapping of str to Distribution
        The input distributions.
    seed : int
        Seed of the run.
    block : int
        Block number (the samples of a block do not depend on how blocks are batched).

    Returns
    -------
    dict of str to ndarray
        ``BLOCK`` samples of each input, in SI units.
    """
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(block,)))
    return {p: dists[p].sample(rng, BLOCK) for p in sorted(dists)}


@dataclass(frozen=True)
class _McTask:
    doc: Mapping[str, Any]
    dists: Mapping[str, Distribution]
    seed: int
    first_block: int
    n_blocks: int
    n_total: int
    source: str
    builder: Any

    def describe(self) -> dict[str, Any]:
        start = self.first_block * BLOCK
        stop = min(self.n_total, (self.first_block + self.n_blocks) * BLOCK)
        inputs = {p: d.describe() for p, d in self.dists.items()}
        return {"samples": f"{start}..{stop - 1}", "seed": self.seed, "inputs": inputs}


def _task_samples(task: _McTask) -> dict[str, np.ndarray]:
    blocks = [sample_block(task.dists, task.seed, b) for b in range(task.first_block, task.first_block + task.n_blocks)]
    size = min(task.n_total - task.first_block * BLOCK, task.n_blocks * BLOCK)
    return {p: np.concatenate([blk[p] for blk in blocks])[:size] for p in sorted(task.dists)}


def _mc_task(task: _McTask) -> dict[str, np.ndarray]:
    """Evaluate one task's samples; only the outputs travel back (the caller regenerates the inputs
    from the seed, which is cheaper than transferring them)."""
    samples = _task_samples(task)
    units = {p: d.unit for p, d in task.dists.items()}
    size = next(iter(samples.values())).size
    return evaluate_batch(Batch(task.doc, samples, units, size, task.source, task.builder))


def rank_sensitivities(inputs: Mapping[str, np.ndarray], outputs: Mapping[str, np.ndarray]) -> dict[str, dict[str, float]]:
    """Spearman rank correlation of each output (outer key) with each input (inner key).

    Parameters
    ----------
    inputs : Mapping of str to ndarray
        Input samples.
    outputs : Mapping of str to ndarray
        Output samples.

    Returns
    -------
    dict of str to dict of str to float
        Spearman ρ [-] by output, then by input.
    """
    result: dict[str, dict[str, float]] = {}
    ranked_in = {p: stats.rankdata(v) for p, v in inputs.items()}
    for name, y in outputs.items():
        finite = np.isfinite(y)
        ry = stats.rankdata(y[finite])
        row = {}
        for p, rx in ranked_in.items():
            x = rx[finite]
            if np.ptp(ry) == 0 or np.ptp(x) == 0:
                row[p] = 0.0
            else:
                row[p] = float(np.corrcoef(x, ry)[0, 1])
        result[name] = row
    return result


@dataclass
class MonteCarloResult:
    """Samples of the inputs and outputs (SI), with summary statistics and rank sensitivities.

    Attributes
    ----------
    n : int
        Number of samples.
    seed : int
        Seed of the run.
    distributions : dict of str to Distribution
        The input distributions by path.
    inputs, outputs : dict of str to ndarray
        The samples (SI).
    failures : list of TaskFailure
        Tasks that failed.
    warnings : list of str
        Validity warnings met.
    executor : str
        Where the run ran.
    """

    n: int
    seed: int
    distributions: dict[str, Distribution]
    inputs: dict[str, np.ndarray]
    outputs: dict[str, np.ndarray]
    failures: list[TaskFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    executor: str = "serial"

    def summary(self) -> dict[str, dict[str, float]]:
        """Per output: P5, P50, P95, mean, std (sample, ddof=1) and the count of finite samples."""
        table = {}
        for name, y in self.outputs.items():
            finite = y[np.isfinite(y)]
            if finite.size == 0:
                table[name] = {"P5": np.nan, "P50": np.nan, "P95": np.nan, "mean": np.nan, "std": np.nan,
                               "n": 0}
                continue
            p5, p50, p95 = np.percentile(finite, PERCENTILES)
            table[name] = {"P5": float(p5), "P50": float(p50), "P95": float(p95), "mean": float(finite.mean()),
                           "std": float(finite.std(ddof=1)) if finite.size > 1 else 0.0, "n": int(finite.size)}
        return table

    def sensitivities(self) -> dict[str, dict[str, float]]:
        return rank_sensitivities(self.inputs, self.outputs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "n_evaluated": int(next(iter(self.outputs.values())).size) if self.outputs else 0,
            "seed": self.seed,
            "executor": self.executor,
            "inputs": {p: {"distribution": d.describe(), "unit": d.unit} for p, d in self.distributions.items()},
            "summary": self.summary(),
            "sensitivity_spearman": self.sensitivities(),
            "failures": [{"task": f.index, "inputs": f.inputs, "error": f.error} for f in self.failures],
            "warnings": self.warnings,
        }


# Peak bytes per sampled value held by the caller (inputs regenerated, outputs concatenated, ranks for
# the sensitivities): 10⁶ samples of the joint example (3 inputs, 8 outputs) took 177 MB more than
# 10⁵, 18 B per value (measured 2026-12-07); 24 keeps a margin.
_BYTES_PER_VALUE = 24
_PROBE_ABOVE = 1_000_000


def run_monte_carlo(
    doc: Mapping[str, Any],
    n: int,
    *,
    seed: int = 0,
    executor: Any = None,
    batch_size: int = 8 * BLOCK,
    source: str = "<case>",
    builder: Any = DEFAULT_BUILDER,
    progress: bool | None = False,
) -> MonteCarloResult:
    """Sample the document's distributions ``n`` times and evaluate the case on ``executor``.

    ``batch_size`` (rounded up to whole blocks of ``BLOCK``) is the number of samples per task; it does
    not change the results. Failed tasks are listed in ``result.failures`` (with the samples' range and
    seed); when every task fails a :class:`TaskFailedError` is raised.

    Parameters
    ----------
    doc : Mapping
        The case document with ``{dist = ...}`` tables.
    n : int
        Number of samples.
    seed : int
        Seed; the same seed gives the same samples whatever the executor and batch size.
    executor : Executor, optional
        Where the tasks run (this process by default).
    batch_size : int
        Samples per task.
    source : str
        The case file, used in messages.
    builder : str or callable
        Builds a case from a document.
    progress : bool, optional
        Show a progress bar.

    Returns
    -------
    MonteCarloResult
        Input and output samples with summary statistics and rank sensitivities.

    Examples
    --------
    A linear case y = 1 + 2·x with x ~ N(1, 0.1) has mean 3 and standard deviation 0.2:

    >>> doc = {"linear": {"offset": 1.0, "coefficients": {"x1": 2.0},
    ...                   "x1": {"dist": "normal", "mean": 1.0, "std": 0.1}}}
    >>> r = run_monte_carlo(doc, 4000, seed=1, builder="tcrlab.uq.synthetic:build_linear_case")
    >>> y = r.outputs["y"]
    >>> round(float(y.mean()), 2), round(float(y.std(ddof=1)), 2)
    (3.0, 0.2)
    """
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 2:
        raise InputError("n", n, "an integer >= 2 (number of Monte Carlo samples)")
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise InputError("seed", seed, "an integer >= 0")
    if batch_size < 1:
        raise InputError("batch_size", batch_size, "an integer >= 1")
    dists = document_distributions(doc, source=source)
    if not dists:
        raise CaseFileError(
            f"{source}: no uncertain inputs; declare one as a table with a 'dist' key, e.g. "
            "pressure = { dist = \"normal\", mean = \"2 MPa\", std = \"0.3 MPa\" }"
        )
    per_task = max(1, -(-int(batch_size) // BLOCK))
    n_blocks = -(-int(n) // BLOCK)
    if n > _PROBE_ABOVE:  # count the outputs on one block, then check the samples fit in memory
        probe = _mc_task(_McTask(dict(doc), dists, int(seed), 0, 1, min(int(n), BLOCK), source, builder))
        columns = len(dists) + len(probe)
        require_memory(
            _BYTES_PER_VALUE * int(n) * columns, f"{int(n):,} Monte Carlo samples of {columns} inputs and outputs",
            "n", int(n), hint="fewer samples, or several runs with different seeds",
        )
    tasks = [
        _McTask(dict(doc), dists, int(seed), b, min(per_task, n_blocks - b), int(n), source, builder)
        for b in range(0, n_blocks, per_task)
    ]
    executor = executor or SerialExecutor()
    done = run_tasks(_mc_task, tasks, executor, describe=_McTask.describe, progress=progress,
                     label="Monte Carlo")
    ok = [(t, r) for t, r in zip(tasks, done.results, strict=True) if r is not None]
    if not ok:
        raise TaskFailedError(done.failures)
    regenerated = [_task_samples(t) for t, _ in ok]
    inputs = {p: np.concatenate([s[p] for s in regenerated]) for p in sorted(dists)}
    names = list(ok[0][1])
    outputs = {k: np.concatenate([r[k] for _, r in ok]) for k in names}
    return MonteCarloResult(int(n), int(seed), dists, inputs, outputs, done.failures, done.warnings,
                            getattr(executor, "name", "serial"))
