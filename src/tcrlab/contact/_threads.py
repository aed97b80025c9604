"""Run a GIL-free numba kernel on contiguous slices of its arrays in a few threads.

The fused element-wise passes of the contact solver are memory-bound loops; on the 2-core target
machine two threads make them 1.5–2× faster (measured at 2048² and 8192², float32). A plain thread
pool over ``nogil`` kernels is used instead of numba's ``parallel=True``: its OpenMP layer spins
idle threads after each loop, which starved the FFTW threads that run next (a 32² test suite ran
5× slower), and its workqueue layer aborts on concurrent calls from several threads.

The number of threads follows the cores that are actually free when a solve starts (affinity mask,
cgroup CPU quota, other runnable processes): on a machine that other work keeps busy, extra threads
only wait for a core and make every pass slower. Inside a worker process of a parallel sweep it is
one (the sweep's processes fill the cores).
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from tcrlab.resources import available_cpus, runnable_others

__all__ = ["THREADS", "add_parts", "choose_threads", "env_threads", "fix_threads", "on_threads_changed", "run_rows", "run_split",
           "set_threads"]


def env_threads(name: str, default: str) -> int:
    """A thread count from the environment variable ``name`` (an integer ≥ 1), else ``default``.

    Parameters
    ----------
    name : str
        Environment variable, e.g. "TCRLAB_THREADS".
    default : str
        Value used when the variable is not set.

    Returns
    -------
    int
        Threads, ≥ 1.

    Raises
    ------
    ValueError
        The value is not a whole number ≥ 1.
    """
    raw = os.environ.get(name, default)
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise ValueError(f"{name}={raw!r}: expected a whole number of threads ≥ 1, e.g. 2")
    return value


def _explicit() -> int | None:
    for name in ("TCRLAB_THREADS", "TCRLAB_FFT_THREADS"):
        if os.environ.get(name):
            return env_threads(name, "1")
    return None


# The user's choice (TCRLAB_THREADS) is kept as given; otherwise every solve picks its count from the
# cores that are free at its start (choose_threads). Two threads on a machine whose two cores other
# processes keep busy made a 512² solve 2.5× slower than one thread (0.28 s against 0.112 s).
EXPLICIT = _explicit()
MAX_THREADS = EXPLICIT or available_cpus()
THREADS = EXPLICIT or min(2, MAX_THREADS)
_LISTENERS: list[Any] = []


def set_threads(n: int) -> None:
    """Use ``n`` threads from now on (the element-wise passes and, through a listener, the FFTs).

    Parameters
    ----------
    n : int
        Threads wanted; held between 1 and the cores this process may use unless ``TCRLAB_THREADS``
        is set.
    """
    global THREADS
    n = max(1, min(int(n), MAX_THREADS)) if EXPLICIT is None else max(1, int(n))
    if n != THREADS:
        THREADS = n
        for listener in _LISTENERS:
            listener(n)


def fix_threads(n: int) -> None:
    """Use exactly ``n`` threads from now on, whatever the load (as ``TCRLAB_THREADS=n`` does).

    Parameters
    ----------
    n : int
        Threads (at least 1 is used).
    """
    global EXPLICIT
    EXPLICIT = max(1, int(n))
    set_threads(EXPLICIT)


def on_threads_changed(listener: Any) -> None:
    """Call ``listener(n)`` whenever the thread count changes.

    Parameters
    ----------
    listener : callable
        Called with the new thread count.
    """
    _LISTENERS.append(listener)


def choose_threads() -> int:
    """The thread count for the next solve: ``TCRLAB_THREADS`` when set, else the free cores now
    (:func:`tcrlab.resources.runnable_others`), between 1 and the cores this process may use.

    Returns
    -------
    int
        The thread count now in use.
    """
    set_threads(EXPLICIT if EXPLICIT is not None else max(1, MAX_THREADS - runnable_others()))
    return THREADS


SPLIT_MIN = 1 << 17  # below ~128 k elements a pass takes ≲ 0.1 ms: a thread hand-off costs more
_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _forget_pool() -> None:
    """In a forked child: the parent's pool threads do not exist there, and work submitted to the
    copied pool would wait for them forever (a solve in a fork-started worker process hung)."""
    global _POOL, _POOL_LOCK
    _POOL = None
    _POOL_LOCK = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool)


def _pool() -> ThreadPoolExecutor:
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            # sized for the most threads a solve may choose; idle pool threads block, never spin
            _POOL = ThreadPoolExecutor(max_workers=max(1, MAX_THREADS - 1), thread_name_prefix="tcrlab-pass")
        return _POOL


def _in_parts(call: Any, n: int, parts: int) -> list:
    """[call(a, b) for each of ``parts`` contiguous ranges [a, b) of range(n)]: the first in this
    thread, the others in the pool's."""
    cut = [k * n // parts for k in range(parts + 1)]
    if parts == 1:
        return [call(0, n)]
    futures = [_pool().submit(call, cut[k], cut[k + 1]) for k in range(1, parts)]
    first = call(cut[0], cut[1])
    return [first] + [f.result() for f in futures]


def run_split(
    kernel: Any, arrays: tuple, scalars: tuple = (), rows: bool = False, start: bool = False
) -> list:
    """Return [kernel(*slices_k, *scalars) for each slice k].

    ``arrays`` are cut into THREADS contiguous slices: of the flattened arrays (``rows`` False; the
    kernel then sees 1-D arrays) or along the first axis (``rows`` True). Arrays the kernel writes
    must be C-contiguous (a flattened view, not a copy); read-only ones may be any layout. With
    ``start`` the kernel gets one more argument after the scalars: its slice's first index.

    Parameters
    ----------
    kernel : callable
        A GIL-free (``nogil``) numba kernel.
    arrays : tuple of ndarray
        Arrays of one size, cut into slices.
    scalars : tuple
        Arguments passed to every call after the slices.
    rows : bool
        Cut along the first axis instead of the flattened arrays.
    start : bool
        Pass each slice's first index as the last argument.

    Returns
    -------
    list
        The kernel's return values, slice by slice in order.
    """
    if rows:
        views = list(arrays)
        n = views[0].shape[0]
        size = views[0].size
    else:
        views = [np.ravel(a) for a in arrays]
        n = size = views[0].size
    parts = THREADS if size >= SPLIT_MIN and THREADS > 1 else 1

    def call(a: int, b: int) -> Any:
        return kernel(*(v[a:b] for v in views), *scalars, *((a,) if start else ()))

    return _in_parts(call, n, parts)


def add_parts(parts: list[tuple]) -> tuple:
    """The element-wise sum of the slices' tuples of partial sums that :func:`run_split` returned.

    Parameters
    ----------
    parts : list of tuple
        One tuple of partial sums per slice.

    Returns
    -------
    tuple
        The sums, position by position.
    """
    return parts[0] if len(parts) == 1 else tuple(map(sum, zip(*parts, strict=True)))


def run_rows(kernel: Any, n_rows: int, work: int, args: tuple) -> list:
    """Return [kernel(*args, r0, r1) for each block of rows [r0, r1)] over the threads.

    For kernels that read neighbouring rows (a stencil): every part gets the whole arrays and its
    own rows to write. ``work`` (elements touched) decides whether splitting pays (SPLIT_MIN).

    Parameters
    ----------
    kernel : callable
        A GIL-free (``nogil``) numba kernel taking ``*args, r0, r1``.
    n_rows : int
        Rows to share out.
    work : int
        Elements the whole call touches.
    args : tuple
        Arguments passed to every call before the row range.

    Returns
    -------
    list
        The kernel's return values, block by block in order.
    """
    parts = THREADS if work >= SPLIT_MIN and THREADS > 1 and n_rows >= THREADS else 1
    return _in_parts(lambda r0, r1: kernel(*args, r0, r1), n_rows, parts)
