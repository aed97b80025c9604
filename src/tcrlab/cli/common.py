"""Helpers every command shares: error and warning reporting, tables, JSON output."""

from __future__ import annotations

import json
import math
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
import numpy as np
from rich.console import Console
from rich.table import Table

from tcrlab.fileio import atomic_write_text

# Piped or captured output (files, CI logs) gets wide tables instead of rich's 80-column default, so
# numbers are never cut to "1.04…".
console = Console(highlight=False)
if not console.is_terminal:
    console = Console(highlight=False, width=160)
err_console = Console(stderr=True, highlight=False)

__all__ = [
    "console",
    "decade_times",
    "emit_json",
    "err_console",
    "make_table",
    "report_error",
    "run_batched",
    "show_warning",
    "to_jsonable",
]


def report_error(exc: BaseException | str) -> None:
    """One paragraph on stderr: ``error: <what, where, what is valid>``.

    Parameters
    ----------
    exc : BaseException or str
        The error (its text is used, whitespace collapsed and wrapped at 100 columns) or the message.
    """
    text = " ".join(str(exc).split())
    click.echo(textwrap.fill(f"error: {text}", width=100, break_long_words=False), err=True)


def show_warning(message: Any, category: type[Warning], filename: str, lineno: int, file: Any = None, line: Any = None) -> None:
    """Print a warning as one ``warning: <message>`` line on stderr (a :func:`warnings.showwarning` hook).

    Parameters
    ----------
    message : Warning or str
        The warning; only its text is shown.
    category : type of Warning
        Its class (not shown: the text says what is wrong).
    filename : str
        Where it was issued (not shown: the user needs the message, not the code location).
    lineno : int
        Line where it was issued (not shown).
    file : file-like, optional
        Ignored; the message always goes to stderr.
    line : str, optional
        Ignored source line.
    """
    click.echo(f"warning: {message}", err=True)


def to_jsonable(obj: Any) -> Any:
    """Convert NumPy scalars/arrays and dataclasses to JSON types; inf/nan become strings.

    Parameters
    ----------
    obj : object
        A value, a container of values, or an object with a ``to_dict()`` method.

    Returns
    -------
    object
        The same content as dicts, lists, str, int, float, bool and None only (``"inf"``, ``"-inf"``,
        ``"nan"`` for non-finite floats; paths as text).

    Examples
    --------
    >>> import numpy as np
    >>> to_jsonable({"h": np.array([1.5, np.inf]), "n": np.int64(3)})
    {'h': [1.5, 'inf'], 'n': 3}
    """
    if hasattr(obj, "to_dict"):
        return to_jsonable(obj.to_dict())
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return to_jsonable(obj.tolist())
    if isinstance(obj, np.generic):
        return to_jsonable(obj.item())
    if isinstance(obj, float) and not math.isfinite(obj):
        return "inf" if obj > 0 else ("-inf" if obj < 0 else "nan")
    if isinstance(obj, Path):
        return str(obj)
    return obj


def emit_json(obj: Any, path: str | Path | None = None) -> None:
    """Print JSON to stdout, or write it atomically to ``path``.

    Parameters
    ----------
    obj : object
        The document; converted by :func:`to_jsonable` and indented by 2.
    path : str or Path, optional
        The file to write (complete or absent); None prints on stdout.
    """
    text = json.dumps(to_jsonable(obj), indent=2)
    if path is None:
        click.echo(text)
    else:
        atomic_write_text(path, text + "\n")


def decade_times(t: Any) -> np.ndarray:
    """The whole decades inside the time grid ``t`` [s] plus its last time: the rows of a Zth table.

    Parameters
    ----------
    t : array_like
        Ascending times [s], all > 0.

    Returns
    -------
    ndarray
        The powers of ten between ``t[0]`` and ``t[-1]`` and ``t[-1]`` itself, ascending, no repeats [s].

    Examples
    --------
    >>> decade_times([2e-6, 1e-3, 30.0]).tolist()
    [1e-05, 0.0001, 0.001, 0.01, 0.1, 1.0, 10.0, 30.0]
    """
    decades = 10.0 ** np.arange(np.ceil(np.log10(t[0])), np.floor(np.log10(t[-1])) + 1)
    return np.unique(np.concatenate([decades, [t[-1]]]))


def make_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *, justify_numbers: bool = True) -> Table:
    """A rich table with a left-aligned title; cells are shown as ``str(value)``.

    Parameters
    ----------
    title : str
        The caption above the table (rich markup allowed).
    columns : sequence of str
        Column headings.
    rows : sequence of sequence
        The cells, one sequence per row, in column order.
    justify_numbers : bool
        Right-align every column after the first (the numbers); False aligns all columns left.

    Returns
    -------
    rich.table.Table
        The table, ready for ``console.print``.
    """
    table = Table(title=title, title_justify="left")
    for i, col in enumerate(columns):
        table.add_column(col, justify="right" if (justify_numbers and i > 0) else "left")
    for row in rows:
        table.add_row(*(str(c) for c in row))
    return table


def run_batched(run: Any, *, scheduler: str | None, workers: int, serial: bool,
                worker_timeout: float | None = None) -> Any:
    """Call ``run(executor)`` on one executor (in-process when ``serial``, else local processes or the
    Dask ``scheduler``), always closing it; print the run's warnings and failed tasks on stderr.

    Parameters
    ----------
    run : callable
        ``run(executor)`` returning a result with ``warnings`` and ``failures`` lists (a Monte Carlo or
        sweep result).
    scheduler : str or None
        Address of a Dask scheduler, e.g. ``tcp://127.0.0.1:8786``; None runs local processes.
    workers : int
        Number of local worker processes (without a scheduler).
    serial : bool
        Run in this process (no workers), for small jobs.
    worker_timeout : float, optional
        Dask: seconds to wait for a worker before giving up [s].

    Returns
    -------
    object
        What ``run`` returned. An interruption or error cancels the outstanding tasks and is re-raised.
    """
    from tcrlab.uq.executors import SerialExecutor, make_executor

    executor = SerialExecutor() if serial else make_executor(scheduler, workers, worker_timeout=worker_timeout)
    try:
        result = run(executor)
    except BaseException:  # interrupted or failed: stop the workers now, do not wait for their tasks
        executor.close(cancel=True)
        raise
    executor.close()
    for message in [*result.warnings, *result.failures]:
        err_console.print(f"warning: {message}")
    return result
