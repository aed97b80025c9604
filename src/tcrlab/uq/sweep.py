"""Parameter sweeps: the full grid of ``--vary name=range|list`` values, evaluated in batches.

``pressure=0.1MPa:10MPa:log40`` (range, see :func:`tcrlab.units.parse_range`), ``gas=air,He,vacuum``
(strings are substituted as they are), ``layer[1].thickness=0.1mm,0.2mm``. Numeric values are grouped per
combination of the string-valued ones and evaluated as arrays (one case build per batch). Any remaining
``{dist = ...}`` tables are replaced by their mean. The result is a tidy table: one row per grid point,
one column per varied name (SI) and per output (SI).
"""

from __future__ import annotations

import hashlib
import math
import pickle
import re
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from tcrlab.errors import InputError, TcrlabError
from tcrlab.fileio import atomic_path, atomic_write_bytes, atomic_write_text
from tcrlab.resources import require_memory
from tcrlab.units import DIMENSIONS, parse_number, parse_range, quantity_from_text
from tcrlab.uq.distributions import infer_dimension
from tcrlab.uq.document import resolve_path
from tcrlab.uq.evaluate import DEFAULT_BUILDER, Batch, evaluate_batch
from tcrlab.uq.executors import SerialExecutor, TaskFailedError, TaskFailure, run_tasks
from tcrlab.uq.montecarlo import nominal_document

__all__ = ["SweepResult", "Vary", "blocks_folder", "parse_vary", "remove_blocks", "run_sweep", "write_table"]

_NUMERIC_START = re.compile(r"^\s*[-+]?(\d|\.\d)")


@dataclass(frozen=True)
class Vary:
    """One swept name: its values (SI floats or strings), dimension (None for strings), log spacing.

    Attributes
    ----------
    name : str
        The swept name (a dotted path or its last part).
    values : tuple
        Values in SI units, or strings.
    dimension : str or None
        Their dimension (None for strings).
    log : bool
        Whether the values are log-spaced.
    """

    name: str
    values: tuple[Any, ...]
    dimension: str | None
    log: bool = False

    @property
    def unit(self) -> str | None:
        return DIMENSIONS[self.dimension] if self.dimension else None


def parse_vary(text: str) -> Vary:
    """Parse ``"name=START:STOP:N"`` / ``"name=START:STOP:logN"`` / ``"name=v1,v2,..."``.

    Parameters
    ----------
    text : str
        The ``--vary`` text.

    Returns
    -------
    Vary
        The name and its values in SI units.

    Examples
    --------
    >>> parse_vary("pressure=1MPa:10MPa:log3").values
    (1000000.0, 3162277.6601683795, 10000000.0)
    >>> parse_vary("gas=air,helium").values
    ('air', 'helium')
    """
    if "=" not in text:
        raise InputError("--vary", text, "name=START:STOP:N, name=START:STOP:logN or name=v1,v2,...")
    name, _, spec = text.partition("=")
    name, spec = name.strip(), spec.strip()
    if not name or not spec:
        raise InputError("--vary", text, "name=START:STOP:N, name=START:STOP:logN or name=v1,v2,...",
                         problem="empty name or values")
    pieces = [p.strip() for p in re.split(r"[,:]", spec)]
    numeric = [bool(_NUMERIC_START.match(p)) or p.lower().startswith("log") for p in pieces]
    if not any(numeric[:1]):
        if ":" in spec:
            raise InputError(name, spec, "a numeric range START:STOP:N or a list of words v1,v2,...")
        return Vary(name, tuple(p for p in spec.split(",") if p.strip()), None)
    dimension = infer_dimension(pieces[0], name)
    if dimension == "dimensionless" and len(pieces) > 1:  # '0.1:10MPa:5' - take the unit from any piece
        for p in pieces[1:]:
            if _NUMERIC_START.match(p) and infer_dimension(p, name) != "dimensionless":
                dimension = infer_dimension(p, name)
                break
    if dimension == "dimensionless":
        parts = spec.split(",") if "," in spec else None
        if parts:
            values = np.array([float(_plain(p, name)) for p in parts])
        else:
            values = parse_range(spec, "dimensionless", name)
    else:
        values = parse_range(spec, dimension, name)
    log = bool(re.search(r":\s*log\d", spec))
    return Vary(name, tuple(float(v) for v in values), dimension, log)


def _plain(text: str, name: str) -> float:
    try:
        if _is_float(text):
            return parse_number(text, name)
        return float(quantity_from_text(text, name).m_as("dimensionless"))
    except InputError:
        raise
    except Exception:
        raise InputError(name, text, "a number") from None


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class _Grid:
    """The full grid of a sweep, described by its axes only (a 10⁸-point grid costs nothing to hold)."""

    nominal: Mapping[str, Any]
    varies: tuple[Vary, ...]
    paths: tuple[str, ...]
    source: str
    builder: Any

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(len(v.values) for v in self.varies)

    @property
    def points(self) -> int:
        return math.prod(self.shape)

    def columns(self, rows: np.ndarray) -> dict[str, np.ndarray]:
        """The varied values of ``rows`` (flat indices, first name slowest): name → array."""
        index = np.unravel_index(rows, self.shape)
        out = {}
        for v, i in zip(self.varies, index, strict=True):
            values = np.array(v.values, dtype=float if v.dimension else object)
            out[v.name] = values[i]
        return out


@dataclass(frozen=True)
class _SweepTask:
    """Rows [start, stop) of the grid; evaluated in groups of equal string values (one case build each)."""

    grid: _Grid
    start: int
    stop: int

    def describe(self) -> dict[str, Any]:
        return {"rows": f"{self.start}..{self.stop - 1}"}


def _describe_group(grid: _Grid, values: Mapping[str, Any]) -> dict[str, str]:
    shown = {}
    for v, path in zip(grid.varies, grid.paths, strict=True):
        x = values[path]
        if isinstance(x, str):
            shown[v.name] = x
        else:
            shown[v.name] = f"{np.min(x):.6g}..{np.max(x):.6g} {v.unit or ''}".strip()
    return shown


def _sweep_task(task: _SweepTask) -> dict[str, Any]:
    """Outputs for the task's rows (NaN where a group failed) and the failed groups' inputs and errors."""
    grid = task.grid
    rows = np.arange(task.start, task.stop)
    index = np.unravel_index(rows, grid.shape)
    strings = [j for j, v in enumerate(grid.varies) if v.dimension is None]
    keys = np.stack([index[j] for j in strings], axis=1) if strings else np.zeros((len(rows), 0), int)
    unique, inverse = np.unique(keys, axis=0, return_inverse=True)
    inverse = np.asarray(inverse).reshape(-1)
    units = {p: v.unit for p, v in zip(grid.paths, grid.varies, strict=True) if v.unit}
    outputs: dict[str, np.ndarray] = {}
    failures: list[tuple[dict[str, str], str]] = []
    for g in range(len(unique)):
        members = np.flatnonzero(inverse == g)
        values: dict[str, Any] = {}
        for j, (v, path) in enumerate(zip(grid.varies, grid.paths, strict=True)):
            if v.dimension is None:
                values[path] = v.values[index[j][members[0]]]
            else:
                values[path] = np.asarray(v.values, dtype=float)[index[j][members]]
        try:
            result = evaluate_batch(Batch(grid.nominal, values, units, len(members), grid.source, grid.builder))
        except Exception as exc:  # reported with the group's inputs; the other groups are kept
            failures.append((_describe_group(grid, values), f"{type(exc).__name__}: {exc}"))
            continue
        if outputs and list(result) != list(outputs):
            raise TcrlabError(f"the case returned different outputs for different values: {list(result)} vs "
                              f"{list(outputs)}")
        for name, y in result.items():
            outputs.setdefault(name, np.full(len(rows), np.nan))[members] = y
    return {"outputs": outputs, "failures": failures}


@dataclass
class SweepResult:
    """The tidy table, what was varied, the resolved paths, output names, failures and warnings.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per grid point: the varied values and the outputs (SI).
    varies : list of Vary
        What was varied.
    paths : dict of str to str
        Swept name → its full dotted path.
    outputs : list of str
        Output names.
    failures : list of TaskFailure
        Tasks that failed.
    warnings : list of str
        Validity warnings met.
    executor : str
        Where the sweep ran.
    resumed_blocks : int
        Blocks reused from an interrupted run.
    """

    table: pd.DataFrame
    varies: list[Vary]
    paths: dict[str, str]
    outputs: list[str]
    failures: list[TaskFailure]
    warnings: list[str]
    executor: str = "serial"
    resumed_blocks: int = 0


# Peak bytes per table cell in the caller: the float column, pandas' copy while the table is built, and
# the CSV writer's buffers. Measured 2026-12-07: 10⁶ points of the joint case (2 varied names, 16
# outputs) took 300 MB over 10⁵ points, ~18 B per cell; 24 keeps a margin.
_BYTES_PER_CELL = 24
_PROBE_ABOVE = 100_000  # smaller grids always fit; above, one point is evaluated first to count the outputs


def _check_size(grid: _Grid, varies: Sequence[Vary]) -> None:
    points = grid.points
    if points <= _PROBE_ABOVE:
        return
    probe = _sweep_task(_SweepTask(grid, 0, 1))
    n_out = len(probe["outputs"]) or 1
    cells = points * (len(varies) + n_out)
    require_memory(
        _BYTES_PER_CELL * cells,
        f"a sweep of {' × '.join(str(len(v.values)) for v in varies)} = {points:,} points with "
        f"{len(varies) + n_out} columns",
        "--vary", " ".join(f"{v.name}[{len(v.values)}]" for v in varies),
        hint="fewer points (coarser ranges), or several sweeps over parts of the range",
    )


def run_sweep(
    doc: Mapping[str, Any],
    varies: Sequence[Vary | str],
    *,
    executor: Any = None,
    batch_size: int = 4096,
    source: str = "<case>",
    builder: Any = DEFAULT_BUILDER,
    progress: bool | None = False,
    blocks: str | Path | None = None,
    resume: bool = False,
) -> SweepResult:
    """Evaluate the case on the full grid of ``varies`` (first name varies slowest).

    The grid's size and memory are estimated first; a sweep that cannot fit raises :class:`InputError`
    naming the number of points and the memory. With ``blocks`` (a folder), every finished task's rows
    are saved there as they complete, so an interrupted run keeps its work; ``resume=True`` then reuses
    the blocks of the same sweep (same case, names, values and batch size) and evaluates only the rest.
    Without ``resume`` the folder's earlier blocks are removed. The caller removes the folder once the
    table is safely written (:func:`remove_blocks`).

    Parameters
    ----------
    doc : Mapping
        The case document.
    varies : sequence of Vary or str
        The swept names and values (``"name=START:STOP:N"``...).
    executor : Executor, optional
        Where the tasks run (this process by default).
    batch_size : int
        Grid points per task.
    source : str
        The case file, used in messages.
    builder : str or callable
        Builds a case from a document.
    progress : bool, optional
        Show a progress bar.
    blocks : str or Path, optional
        Folder where finished tasks' rows are saved.
    resume : bool
        Reuse the blocks of the same sweep.

    Returns
    -------
    SweepResult
        The tidy table with the failures and warnings.

    Examples
    --------
    >>> doc = {"linear": {"offset": 1.0, "coefficients": {"x1": 2.0}, "x1": 0.0}}
    >>> r = run_sweep(doc, ["linear.x1=0:1:3"], builder="tcrlab.uq.synthetic:build_linear_case")
    >>> r.table["y"].tolist()
    [1.0, 2.0, 3.0]
    """
    varies, paths, grid = _sweep_grid(doc, varies, batch_size, source, builder)
    points = grid.points
    _check_size(grid, varies)
    tasks = [_SweepTask(grid, a, min(a + batch_size, points)) for a in range(0, points, batch_size)]
    store = _BlockStore(Path(blocks), _fingerprint(grid, batch_size)) if blocks is not None else None
    finished: dict[int, Any] = store.open(resume) if store else {}
    todo = [i for i in range(len(tasks)) if i not in finished]
    executor = executor or SerialExecutor()
    on_result = (lambda k, result: store.save(todo[k], result)) if store else None
    done = run_tasks(_sweep_task, [tasks[i] for i in todo], executor, describe=_SweepTask.describe,
                     progress=progress, label="sweep", on_result=on_result)
    results: dict[int, Any] = dict(finished)
    failures = [TaskFailure(todo[f.index], f.inputs, f.error, f.traceback) for f in done.failures]
    for k, r in enumerate(done.results):
        if r is not None:
            results[todo[k]] = r
    outputs = _output_names(results, tasks, failures)
    data = _output_columns(results, tasks, outputs, points)
    failures.sort(key=lambda f: f.index)
    table = pd.DataFrame({**grid.columns(np.arange(points)), **data})
    return SweepResult(table, varies, paths, outputs, failures, done.warnings,
                       getattr(executor, "name", "serial"), len(finished))


def _sweep_grid(
    doc: Mapping[str, Any], varies: Sequence[Vary | str], batch_size: Any, source: str, builder: Any,
) -> tuple[list[Vary], dict[str, str], _Grid]:
    """The parsed ``varies``, each name's resolved path, and the grid over the nominal document."""
    varies = [parse_vary(v) if isinstance(v, str) else v for v in varies]
    if not varies:
        raise InputError("--vary", None, "at least one name=range")
    names = [v.name for v in varies]
    if len(set(names)) != len(names):
        raise InputError("--vary", names, "each name once")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int | np.integer) or batch_size < 1:
        raise InputError("batch_size", batch_size, "an integer >= 1")
    nominal = nominal_document(doc, source=source)
    paths = {v.name: resolve_path(nominal, v.name, source=source) for v in varies}
    grid = _Grid(nominal, tuple(varies), tuple(paths[v.name] for v in varies), source, builder)
    return varies, paths, grid


def _output_names(results: dict[int, Any], tasks: Sequence[_SweepTask], failures: list[TaskFailure]) -> list[str]:
    """The case's output names; the groups that failed inside finished tasks are added to ``failures``.

    Raises :class:`TaskFailedError` when no grid point gave an output.
    """
    outputs: list[str] = []
    for i in sorted(results):
        for inputs, error in results[i]["failures"]:
            failures.append(TaskFailure(i, {"rows": tasks[i].describe()["rows"], "values": inputs}, error))
        if not outputs and results[i]["outputs"]:
            outputs = list(results[i]["outputs"])
    if not outputs:
        raise TaskFailedError(failures)
    return outputs


def _output_columns(
    results: dict[int, Any], tasks: Sequence[_SweepTask], outputs: list[str], points: int
) -> dict[str, np.ndarray]:
    """One column per output over the whole grid (NaN where a task or group failed)."""
    data = {name: np.full(points, np.nan) for name in outputs}
    for i, r in results.items():
        if r["outputs"] and list(r["outputs"]) != outputs:
            raise TcrlabError(f"the case returned different outputs for different values: {list(r['outputs'])} "
                              f"vs {outputs}")
        for name, y in r["outputs"].items():
            data[name][tasks[i].start:tasks[i].stop] = y
    return data


def _fingerprint(grid: _Grid, batch_size: int) -> str:
    text = repr((grid.nominal, grid.varies, grid.paths, str(grid.builder), batch_size))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class _BlockStore:
    """Finished tasks' results as one small file each (``block-<task>.pkl``), written atomically."""

    def __init__(self, folder: Path, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint

    def open(self, resume: bool) -> dict[int, Any]:
        stamp = self.folder / "sweep.id"
        if resume and stamp.exists():
            if stamp.read_text().strip() != self.fingerprint:
                raise InputError(
                    "--resume", str(self.folder), "the blocks of the same sweep (same case file, --vary and "
                    "--batch)", problem="the saved blocks belong to a different sweep; run without --resume",
                )
            found = {}
            for path in self.folder.glob("block-*.pkl"):
                try:
                    with open(path, "rb") as fh:
                        found[int(path.stem.split("-")[1])] = pickle.load(fh)
                except (OSError, ValueError, EOFError, pickle.UnpicklingError):
                    path.unlink(missing_ok=True)  # a damaged block is evaluated again
            return found
        remove_blocks(self.folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(stamp, self.fingerprint + "\n")
        return {}

    def save(self, index: int, result: Any) -> None:
        atomic_write_bytes(self.folder / f"block-{index:07d}.pkl", pickle.dumps(result, protocol=5))


def blocks_folder(output: str | Path) -> Path:
    """Where the blocks of a sweep writing ``output`` are kept: ``.<name>.blocks`` beside it.

    Parameters
    ----------
    output : str or Path
        The sweep's output file.

    Returns
    -------
    Path
        The block folder.

    Examples
    --------
    >>> blocks_folder("out/sweep.csv").as_posix()
    'out/.sweep.csv.blocks'
    """
    target = Path(output)
    return target.parent / f".{target.name}.blocks"


def remove_blocks(folder: str | Path) -> None:
    """Remove a sweep's block folder (after its table was written).

    Parameters
    ----------
    folder : str or Path
        The block folder.
    """
    shutil.rmtree(folder, ignore_errors=True)


def write_table(table: pd.DataFrame | None, path: str | Path, *, check_only: bool = False) -> Path:
    """Write the tidy table atomically as CSV or Parquet (from the suffix); ``check_only``: only check
    the name, before any work.

    Parameters
    ----------
    table : pandas.DataFrame or None
        The table (None with ``check_only``).
    path : str or Path
        The target file (``.csv`` or ``.parquet``).
    check_only : bool
        Only check the name.

    Returns
    -------
    Path
        ``path``.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in {".csv", ".parquet", ".pq"}:
        raise InputError("-o", str(path), "a file name ending in .csv or .parquet")
    if check_only or table is None:
        return target
    with atomic_path(target) as tmp:
        if suffix == ".csv":
            table.to_csv(tmp, index=False)
        else:
            table.to_parquet(tmp, index=False)
    return target
