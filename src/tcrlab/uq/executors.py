"""One interface to run batches of work: in this process, in local processes, or on a Dask cluster.

``make_executor()`` gives local processes (``concurrent.futures.ProcessPoolExecutor``, 2 workers by
default); ``make_executor(scheduler="tcp://host:8786")`` connects to a Dask scheduler. Both run the same
top-level function on the same task inputs; :func:`run_tasks` collects the results in task order, shows a
progress bar, and turns a task that raised into a :class:`TaskFailure` carrying its inputs and the error,
so one bad batch does not lose the run.
"""

from __future__ import annotations

import concurrent.futures as cf
import os
import sys
import time
import traceback
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from tcrlab.errors import InputError, TcrlabError

__all__ = [
    "WORKER_TIMEOUT",
    "DaskExecutor",
    "Executor",
    "LocalExecutor",
    "NoWorkerError",
    "SerialExecutor",
    "TaskFailedError",
    "TaskFailure",
    "make_executor",
    "run_tasks",
]


@dataclass(frozen=True)
class TaskFailure:
    """A task that raised: its index, a description of its inputs, the error and the traceback tail.

    Attributes
    ----------
    index : int
        Position of the task.
    inputs : object
        Description of its inputs.
    error : str
        The error message.
    traceback : str
        The last lines of the traceback.
    """

    index: int
    inputs: Any
    error: str
    traceback: str = ""

    def __str__(self) -> str:
        return f"task {self.index} failed with inputs {self.inputs}: {self.error}"


# Seconds a Dask run waits while the cluster has no worker at all before giving up with a message.
WORKER_TIMEOUT = 120.0


class NoWorkerError(TcrlabError):
    """A Dask cluster has had no worker for longer than the stated time."""


class TaskFailedError(TcrlabError):
    """Every task failed (or the failures make the result meaningless); lists the failures.

    Parameters
    ----------
    failures : sequence of TaskFailure
        The failed tasks (the first three are shown in the message).
    """

    def __init__(self, failures: Sequence[TaskFailure]):
        self.failures = list(failures)
        shown = "; ".join(str(f) for f in self.failures[:3])
        more = f" (and {len(self.failures) - 3} more)" if len(self.failures) > 3 else ""
        super().__init__(f"{len(self.failures)} task(s) failed: {shown}{more}")


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies (``prctl(PR_SET_PDEATHSIG)``).

    Without it a worker whose parent was killed (SIGKILL, an out-of-memory kill) lives on, holding
    ~400 MB and the caller's pipes. Elsewhere this does nothing; there the pool's own shutdown is all.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - no libc prctl
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _init_worker() -> None:
    """Start of every local worker process: die with the parent, leave Ctrl-C to the parent (which
    stops the pool), and run one thread per worker so the pool does not oversubscribe the cores."""
    import signal

    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for name in ("TCRLAB_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                 "NUMBA_NUM_THREADS"):
        os.environ[name] = "1"
    threads = sys.modules.get("tcrlab.contact._threads")
    if threads is not None:  # already imported by the parent (fork): change the running value too
        threads.fix_threads(1)


def _guarded(fn: Callable[[Any], Any], task: Any) -> tuple[str, Any, list[str]]:
    """Run one task in a worker; never raise (errors are returned with the traceback tail).

    Warnings raised inside the task are returned (as text) so the caller can report each one once.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = fn(task)
        except Exception as exc:  # reported with the task's inputs, not lost
            tail = "".join(traceback.format_exception(exc)[-3:])
            messages = [f"{w.category.__name__}: {w.message}" for w in caught]
            return "error", (f"{type(exc).__name__}: {exc}", tail), messages
    messages = list(dict.fromkeys(f"{w.category.__name__}: {w.message}" for w in caught))
    return "ok", result, messages


class Executor(Protocol):
    """Submit ``fn(task)`` for each task; yield ``(index, (status, value, warnings))`` as they finish.

    Attributes
    ----------
    name : str
        Shown in progress and reports.
    """

    name: str

    def map_unordered(self, fn: Callable[[Any], Any], tasks: Sequence[Any]) -> Any: ...

    def close(self) -> None: ...


class SerialExecutor:
    """Run tasks one after another in this process (debugging, tiny runs)."""

    name = "serial"

    def map_unordered(self, fn: Callable[[Any], Any], tasks: Sequence[Any]) -> Any:
        for i, task in enumerate(tasks):
            yield i, _guarded(fn, task)

    def close(self, cancel: bool = False) -> None:
        pass

    def __enter__(self) -> SerialExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class LocalExecutor:
    """Local worker processes (``ProcessPoolExecutor``).

    Parameters
    ----------
    workers : int
        Number of worker processes, >= 1.
    """

    name = "local processes"

    def __init__(self, workers: int = 2):
        if workers < 1:
            raise InputError("workers", workers, "an integer >= 1")
        self.workers = workers
        self._pool: cf.ProcessPoolExecutor | None = None

    def _ensure(self) -> cf.ProcessPoolExecutor:
        if self._pool is None:
            self._pool = cf.ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker)
        return self._pool

    def map_unordered(self, fn: Callable[[Any], Any], tasks: Sequence[Any]) -> Any:
        pool = self._ensure()
        futures = {pool.submit(_guarded, fn, task): i for i, task in enumerate(tasks)}
        for future in cf.as_completed(futures):
            i = futures[future]
            try:
                yield i, future.result()
            except Exception as exc:  # a worker died (BrokenProcessPool, unpicklable result, ...)
                yield i, ("error", (f"{type(exc).__name__}: {exc}", ""), [])

    def close(self, cancel: bool = False) -> None:
        """Shut the pool down; with ``cancel`` (an interruption) stop running tasks at once."""
        if self._pool is None:
            return
        pool, self._pool = self._pool, None
        if cancel:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
        else:
            pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class DaskExecutor:
    """Tasks on a Dask cluster named by its scheduler address (``tcp://host:8786``).

    Parameters
    ----------
    scheduler : str
        Address of a running Dask scheduler.
    timeout : float
        Connection timeout [s].
    worker_timeout : float, optional
        Give up after this long without any worker [s].
    """

    name = "dask"

    def __init__(self, scheduler: str, *, timeout: float = 20.0, worker_timeout: float | None = None):
        try:
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - dask is a dependency
            raise InputError("scheduler", scheduler, "requires dask[distributed]") from exc
        try:
            self.client = Client(scheduler, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(
                "scheduler", scheduler, "the address of a running Dask scheduler, e.g. tcp://127.0.0.1:8786",
                problem=f"cannot connect ({exc})",
            ) from None
        self.name = f"dask ({scheduler})"
        self.scheduler = scheduler
        self.worker_timeout = float(worker_timeout if worker_timeout is not None else WORKER_TIMEOUT)

    def _workers(self) -> int:
        try:
            return len(self.client.scheduler_info(n_workers=-1).get("workers", {}))
        except Exception:  # the scheduler itself is gone: no worker either
            return 0

    def map_unordered(self, fn: Callable[[Any], Any], tasks: Sequence[Any]) -> Any:
        """Yield results as they finish; raise :class:`NoWorkerError` when the cluster has had no
        worker for ``worker_timeout`` seconds (checked every second or so)."""
        from distributed.client import (
            _wait,  # distributed.wait, with this client instead of the default
        )

        futures = self.client.map(_guarded, [fn] * len(tasks), list(tasks), pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        pending = set(futures)
        finished = 0
        seen = time.monotonic()
        poll = min(1.0, self.worker_timeout / 4)
        try:
            while pending:
                try:
                    done, _ = self.client.sync(_wait, list(pending), timeout=poll, return_when="FIRST_COMPLETED")
                except TimeoutError:
                    done = set()
                for future in done:
                    pending.discard(future)
                    finished += 1
                    i = index[future.key]
                    try:
                        yield i, future.result()
                    except Exception as exc:  # worker lost, unpicklable, ...
                        yield i, ("error", (f"{type(exc).__name__}: {exc}", ""), [])
                if not done:
                    now = time.monotonic()
                    if self._workers():
                        seen = now
                    elif now - seen > self.worker_timeout:
                        raise NoWorkerError(
                            f"no Dask worker has been available at {self.scheduler} for "
                            f"{self.worker_timeout:g} s; {finished} of {len(tasks)} task(s) finished. Start "
                            "workers (dask worker ADDRESS) and run again (sweep: --resume keeps the "
                            "finished blocks)"
                        )
        finally:
            if pending:
                self.client.cancel(list(pending))

    def close(self, cancel: bool = False) -> None:
        self.client.close()

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def make_executor(
    scheduler: str | None = None, workers: int = 2, *, worker_timeout: float | None = None
) -> SerialExecutor | LocalExecutor | DaskExecutor:
    """Local processes (``workers``; 1 → in this process), or the Dask cluster at ``scheduler`` (giving
    up after ``worker_timeout`` seconds without any worker, default :data:`WORKER_TIMEOUT`).

    Parameters
    ----------
    scheduler : str, optional
        Address of a Dask scheduler.
    workers : int
        Local worker processes (1: run in this process).
    worker_timeout : float, optional
        Give up after this long without any Dask worker [s].

    Returns
    -------
    SerialExecutor or LocalExecutor or DaskExecutor
        The executor.

    Examples
    --------
    >>> type(make_executor(workers=1)).__name__
    'SerialExecutor'
    """
    if scheduler:
        return DaskExecutor(scheduler, worker_timeout=worker_timeout)
    if workers == 1:
        return SerialExecutor()
    return LocalExecutor(workers)


@dataclass
class TaskResults:
    results: list[Any]
    failures: list[TaskFailure]
    warnings: list[str]

    @property
    def ok(self) -> list[Any]:
        return [r for r in self.results if r is not None]


def run_tasks(
    fn: Callable[[Any], Any],
    tasks: Sequence[Any],
    executor: Any,
    *,
    describe: Callable[[Any], Any] = repr,
    progress: bool | None = None,
    label: str = "running",
    on_result: Callable[[int, Any], None] | None = None,
) -> TaskResults:
    """Run every task; results in task order (``None`` where a task failed, listed in ``failures``).

    ``describe(task)`` gives the inputs reported for a failed task; ``on_result(i, result)`` is called
    as each task finishes. The progress bar (rich, on stderr)
    shows when ``progress`` is True, or by default when stderr is a terminal.

    Parameters
    ----------
    fn : callable
        The work, ``fn(task)``; must be picklable for process and Dask executors.
    tasks : sequence
        The tasks.
    executor : Executor
        Where they run (:func:`make_executor`).
    describe : callable
        Inputs reported for a failed task.
    progress : bool, optional
        Show a progress bar.
    label : str
        Label of the progress bar.
    on_result : callable, optional
        Called as ``on_result(i, result)`` when a task finishes.

    Returns
    -------
    TaskResults
        ``results`` (in task order), ``failures`` and ``warnings``.

    Examples
    --------
    >>> r = run_tasks(abs, [-1, 2, -3], make_executor(workers=1), progress=False)
    >>> r.results, r.failures
    ([1, 2, 3], [])
    """
    results: list[Any] = [None] * len(tasks)
    failures: list[TaskFailure] = []
    seen: dict[str, None] = {}
    show = sys.stderr.isatty() and not os.environ.get("TCRLAB_NO_PROGRESS") if progress is None else progress
    bar = None
    if show and tasks:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                       TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        bar.start()
        handle = bar.add_task(f"{label} ({executor.name})", total=len(tasks))
    try:
        for i, (status, value, messages) in executor.map_unordered(fn, tasks):
            for m in messages:
                seen.setdefault(m, None)
            if status == "ok":
                results[i] = value
                if on_result is not None:  # e.g. save the finished block now, so an interruption keeps it
                    on_result(i, value)
            else:
                failures.append(TaskFailure(i, describe(tasks[i]), value[0], value[1]))
            if bar is not None:
                bar.advance(handle)
    finally:
        if bar is not None:
            bar.stop()
    failures.sort(key=lambda f: f.index)
    return TaskResults(results, failures, list(seen))
