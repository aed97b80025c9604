"""Parameter sweeps: the full grid of ``--vary name=range|list`` values, evaluated in batches.

``pressure=0.1MPa:10MPa:log40`` (range, see :func:`tcrlab.units.parse_range`), ``gas=air,He,vacuum``
(strings are substituted as they are), ``layer[1].thickness=0.1mm,0.2mm``. Numeric values are grouped per
combination of the string-valued ones and evaluated as arrays (one case build per batch). Any remaining
``{dist = ...}`` tables are replaced by their mean. The result is a tidy table: one row per grid point,
one column per varied name (SI) and per output (SI).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from tcrlab.errors import InputError, TcrlabError
from tcrlab.fileio import atomic_path
from tcrlab.units import DIMENSIONS, parse_number, parse_range, quantity_from_text
from tcrlab.uq.distributions import infer_dimension
from tcrlab.uq.document import resolve_path
from tcrlab.uq.evaluate import DEFAULT_BUILDER, Batch, evaluate_batch
from tcrlab.uq.executors import SerialExecutor, TaskFailedError, TaskFailure, run_tasks
from tcrlab.uq.montecarlo import nominal_document

__all__ = ["SweepResult", "Vary", "parse_vary", "run_sweep", "write_table"]

_NUMERIC_START = re.compile(r"^\s*[-+]?(\d|\.\d)")


@dataclass(frozen=True)
class Vary:
    """One swept name: its values (SI floats or strings), dimension (None for strings), log spacing."""

    name: str
    values: tuple[Any, ...]
    dimension: str | None
    log: bool = False

    @property
    def unit(self) -> str | None:
        return DIMENSIONS[self.dimension] if self.dimension else None


def parse_vary(text: str) -> Vary:
    """Parse ``"name=START:STOP:N"`` / ``"name=START:STOP:logN"`` / ``"name=v1,v2,..."``."""
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
class _SweepTask:
    batch: Batch
    rows: tuple[int, ...]

    def describe(self) -> dict[str, Any]:
        shown = {}
        for p, v in self.batch.values.items():
            if isinstance(v, str):
                shown[p] = v
            else:
                arr = np.atleast_1d(v)
                shown[p] = f"{arr.min():.6g}..{arr.max():.6g} {self.batch.units.get(p, '')}".strip()
        return {"rows": f"{self.rows[0]}..{self.rows[-1]}", "values": shown}


def _sweep_task(task: _SweepTask) -> dict[str, np.ndarray]:
    return evaluate_batch(task.batch)


@dataclass
class SweepResult:
    table: pd.DataFrame
    varies: list[Vary]
    paths: dict[str, str]
    outputs: list[str]
    failures: list[TaskFailure]
    warnings: list[str]
    executor: str = "serial"


def run_sweep(
    doc: Mapping[str, Any],
    varies: Sequence[Vary | str],
    *,
    executor: Any = None,
    batch_size: int = 4096,
    source: str = "<case>",
    builder: Any = DEFAULT_BUILDER,
    progress: bool | None = False,
) -> SweepResult:
    """Evaluate the case on the full grid of ``varies`` (first name varies slowest)."""
    varies = [parse_vary(v) if isinstance(v, str) else v for v in varies]
    if not varies:
        raise InputError("--vary", None, "at least one name=range")
    names = [v.name for v in varies]
    if len(set(names)) != len(names):
        raise InputError("--vary", names, "each name once")
    if batch_size < 1:
        raise InputError("batch_size", batch_size, "an integer >= 1")
    # nominal document: distributions replaced by their mean
    nominal = nominal_document(doc, source=source)
    paths = {v.name: resolve_path(nominal, v.name, source=source) for v in varies}
    grid = list(itertools.product(*(range(len(v.values)) for v in varies)))
    index = np.array(grid, dtype=int).reshape(len(grid), len(varies))
    columns = {v.name: [v.values[i] for i in index[:, j]] for j, v in enumerate(varies)}
    string_vars = [j for j, v in enumerate(varies) if v.dimension is None]
    groups: dict[tuple[int, ...], list[int]] = {}
    for row, key in enumerate(map(tuple, index[:, string_vars])):
        groups.setdefault(key, []).append(row)
    tasks = []
    units = {paths[v.name]: v.unit for v in varies if v.unit}
    for key, rows in groups.items():
        for start in range(0, len(rows), batch_size):
            chunk = rows[start:start + batch_size]
            values: dict[str, Any] = {}
            for j, v in enumerate(varies):
                if v.dimension is None:
                    values[paths[v.name]] = v.values[key[string_vars.index(j)]]
                else:
                    values[paths[v.name]] = np.array([v.values[i] for i in index[chunk, j]], dtype=float)
            tasks.append(_SweepTask(Batch(nominal, values, units, len(chunk), source, builder), tuple(chunk)))
    executor = executor or SerialExecutor()
    done = run_tasks(_sweep_task, tasks, executor, describe=_SweepTask.describe, progress=progress,
                     label="sweep")
    ok = [(t, r) for t, r in zip(tasks, done.results, strict=True) if r is not None]
    if not ok:
        raise TaskFailedError(done.failures)
    outputs = list(ok[0][1])
    data = {name: np.full(len(grid), np.nan) for name in outputs}
    for task, result in ok:
        if list(result) != outputs:
            raise TcrlabError(f"the case returned different outputs for different values: {list(result)} vs {outputs}")
        for name in outputs:
            data[name][list(task.rows)] = result[name]
    table = pd.DataFrame({**columns, **data})
    return SweepResult(table, varies, paths, outputs, done.failures, done.warnings,
                       getattr(executor, "name", "serial"))


def write_table(table: pd.DataFrame, path: str | Path) -> Path:
    """Write the tidy table atomically as CSV or Parquet (from the suffix)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in {".csv", ".parquet", ".pq"}:
        raise InputError("-o", str(path), "a file name ending in .csv or .parquet")
    with atomic_path(target) as tmp:
        if suffix == ".csv":
            table.to_csv(tmp, index=False)
        else:
            table.to_parquet(tmp, index=False)
    return target
