"""Planned real FFT convolution with a real, even Fourier multiplier (the half-space kernels).

Backends, the fastest available chosen per grid (:func:`default_backend`):

* ``"mkl"`` — Intel oneMKL's DFT through ``mkl_fft`` (optional extra ``tcrlab[mkl]``, x86-64), 2
  threads, into preallocated buffers. Faster than planned FFTW from 512² up, no faster inside a
  solve at 256² and slower below (benchmarks/README.md): it serves grids ≥ 512².
* ``"fftw"`` — pyFFTW (FFTW_MEASURE plans, 2 threads, cached per shape and precision; the planner's
  wisdom is kept between processes in the user cache folder).
* ``"scipy"`` — ``scipy.fft`` with ``workers=2``, always there.

One :meth:`Convolver.apply` is exactly one rfft2 + irfft2 pair plus one fused pass over the half
spectrum (the multiply, and the Parseval sum Σ t·(K t) used by the conjugate-gradient step length,
for free).
"""

from __future__ import annotations

import os
import platform
import threading
import time
from pathlib import Path
from typing import Any

import numba
import numpy as np
from numpy.typing import NDArray

from tcrlab._cachedir import cache_dir
from tcrlab.contact import _threads
from tcrlab.contact._threads import run_split

__all__ = [
    "SHARED_BUFFERS", "Convolver", "available_backends", "default_backend", "fft_pair_time", "wisdom_path",
]

THREADS = _threads.THREADS  # follows the solver's choice (_threads.choose_threads)
MEASURE_MIN = 512 * 512
# planning-time cap (s) per transform: a measured plan runs large transforms much faster than an
# estimated one, and its planning pays off at every large size (benchmarks/README.md)
try:
    PLAN_TIME_LIMIT = float(os.environ.get("TCRLAB_FFTW_PLAN_SECONDS", "30"))
except ValueError as exc:
    raise ValueError(
        f"TCRLAB_FFTW_PLAN_SECONDS={os.environ['TCRLAB_FFTW_PLAN_SECONDS']!r}: expected seconds, e.g. 30"
    ) from exc

try:  # pragma: no cover - depends on the installation
    import pyfftw

    _HAVE_FFTW = True
except ImportError:  # pragma: no cover
    pyfftw = None
    _HAVE_FFTW = False

# MKL threads through Intel's OpenMP, whose idle workers spin for a while after each transform and
# then compete for the cores with the solver's own passes (slower solves, benchmarks/README.md); 0
# puts them to sleep at once. Read when the runtime starts: set before it does.
os.environ.setdefault("KMP_BLOCKTIME", "0")
try:  # pragma: no cover - depends on the installation
    import mkl_fft

    _HAVE_MKL = True
except ImportError:  # pragma: no cover
    mkl_fft = None
    _HAVE_MKL = False
else:  # pragma: no cover
    try:  # the FFT domain only: MKL's other routines keep their own thread count
        import mkl

        mkl.domain_set_num_threads(THREADS, domain="fft")
    except (ImportError, AttributeError):
        mkl = None


def _threads_changed(n: int) -> None:
    global THREADS
    THREADS = n
    if _HAVE_MKL and mkl is not None:  # pragma: no cover - depends on the installation
        mkl.domain_set_num_threads(n, domain="fft")


_threads.on_threads_changed(_threads_changed)
# grids below this many points go to FFTW: below it MKL's transforms are slower than FFTW's or, inside
# a solve, no faster (benchmarks/README.md)
MKL_MIN = 512 * 512

_PLANS: dict[tuple[tuple[int, int], str, str], _Plan] = {}
_SPARSE: dict[tuple[tuple[int, int], str], _SparseInput] = {}
_LOCK = threading.Lock()
# FFT plans and their buffers are kept per (shape, dtype) and shared by every Convolver of that grid:
# a computation that uses a Convolver holds this lock, so threads that solve at once take turns
# instead of overwriting each other's transforms (re-entrant: a solve may call another).
SHARED_BUFFERS = threading.RLock()
_WISDOM_LOADED = False
_SEP = b"\n\0\n"  # FFTW wisdom is plain text: a NUL never occurs in it
_FFTW_THREADS = THREADS


def _after_fork_in_child() -> None:
    """A fork-started worker process (multiprocessing's default on Linux) inherits FFTW's pool of
    worker threads as records only: a multi-threaded plan executed there waits for them forever
    (seen: a contact solve in a pool worker hung). The child plans anew with one thread — a pool of
    such workers fills the cores anyway. MKL's OpenMP runtime re-initialises itself after a fork."""
    global _FFTW_THREADS, _LOCK
    _FFTW_THREADS = 1
    _LOCK = threading.Lock()
    _PLANS.clear()
    _SPARSE.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def wisdom_path() -> Path:
    """File holding FFTW's planner wisdom ($TCRLAB_CACHE_DIR, else ~/.cache/tcrlab), per machine.

    Returns
    -------
    pathlib.Path
        The wisdom file of this machine and thread count (it need not exist).
    """
    root = cache_dir()
    tag = f"{platform.node()}-{platform.machine()}-t{THREADS}"
    return Path(root) / f"fftw-wisdom-{tag}.txt"


def _load_wisdom() -> None:
    """Import saved wisdom once per process (a damaged or foreign file is ignored: plans are re-measured)."""
    global _WISDOM_LOADED
    if _WISDOM_LOADED:
        return
    _WISDOM_LOADED = True
    try:
        parts = tuple(wisdom_path().read_bytes().split(_SEP))  # double, single, long double
        if len(parts) == 3:
            pyfftw.import_wisdom(parts)
    except (OSError, ValueError, TypeError):
        pass


def _save_wisdom() -> None:
    try:
        from tcrlab.fileio import atomic_write_bytes

        path = wisdom_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, _SEP.join(pyfftw.export_wisdom()))
    except OSError:  # a read-only home only costs planning time
        pass


def available_backends() -> list[str]:
    """The FFT backends installed here, fastest first.

    Returns
    -------
    list of str
        A subset of ["mkl", "fftw", "scipy"]; "scipy" is always there.
    """
    return (["mkl"] if _HAVE_MKL else []) + (["fftw"] if _HAVE_FFTW else []) + ["scipy"]


def default_backend(shape: tuple[int, int]) -> str:
    """The fastest installed backend for an FFT grid of ``shape`` (measured; module docstring).

    Parameters
    ----------
    shape : tuple of int
        FFT grid points (nx, ny).

    Returns
    -------
    str
        "mkl", "fftw" or "scipy".
    """
    if _HAVE_MKL and (shape[0] * shape[1] >= MKL_MIN or not _HAVE_FFTW):
        return "mkl"
    return "fftw" if _HAVE_FFTW else "scipy"


class _Plan:
    """Buffers of one (shape, precision) and the two unnormalised transforms between them.

    ``forward(src)`` transforms ``src`` (default: ``real``) into ``spec``; ``backward(dst)`` transforms
    ``spec`` (destroyed) into ``dst`` (default: ``real``). MKL reads and writes the given arrays
    directly; FFTW's plans are bound to ``real``, so there other arrays are copied in or out.
    """

    def __init__(self, forward: Any, backward: Any, real: np.ndarray, spec: np.ndarray) -> None:
        self.forward = forward
        self.backward = backward
        self.real = real
        self.spec = spec


def _plan(shape: tuple[int, int], dtype: np.dtype, backend: str) -> _Plan:
    """The buffers and transforms of ``backend`` ("fftw" or "mkl") for one grid and precision, made
    once and shared by every Convolver of that grid."""
    key = (shape, np.dtype(dtype).str, backend)
    with _LOCK:
        plan = _PLANS.get(key)
        if plan is None:
            cdtype = np.result_type(dtype, np.complex64)
            real = _empty(backend, shape, dtype)
            spec = _empty(backend, (shape[0], shape[1] // 2 + 1), cdtype)
            make = _fftw_transforms if backend == "fftw" else _mkl_transforms
            plan = _Plan(*make(real, spec), real, spec)
            _PLANS[key] = plan
    return plan


def _empty(backend: str, shape: tuple[int, int], dtype: Any) -> np.ndarray:
    """A transform buffer: SIMD-aligned for FFTW; plain for MKL, whose solves were slower on pyfftw's
    aligned buffers (benchmarks/README.md)."""
    return pyfftw.empty_aligned(shape, dtype=dtype) if backend == "fftw" else np.empty(shape, dtype=dtype)


def _fftw_flags(points: int) -> tuple[str, ...]:
    # measuring pays off for large grids only (small ones are planned in milliseconds either way)
    return ("FFTW_MEASURE",) if points >= MEASURE_MIN else ("FFTW_ESTIMATE",)


def _mkl_transforms(real: np.ndarray, spec: np.ndarray) -> tuple[Any, Any]:
    """Unnormalised 2-D r2c / c2r as 1-D transforms along each axis, the columns' in place.

    mkl_fft's own ``irfftn`` gives its column transforms a newly allocated complex array each call
    (a full half spectrum); in place the pair is faster (benchmarks/README.md). norm: the forward calls unscaled ("backward"), the inverse ones unscaled too ("forward").
    """
    ny = real.shape[1]

    def forward(src: np.ndarray | None = None) -> None:
        mkl_fft.rfft(real if src is None else src, axis=1, out=spec)
        mkl_fft.fft(spec, axis=0, out=spec)

    def backward(dst: np.ndarray | None = None) -> None:
        mkl_fft.ifft(spec, axis=0, out=spec, norm="forward")
        mkl_fft.irfft(spec, n=ny, axis=1, out=real if dst is None else dst, norm="forward")

    return forward, backward


def _fftw_transforms(real: np.ndarray, spec: np.ndarray) -> tuple[Any, Any]:
    """FFTW plans between the two buffers (called under _LOCK); newly measured plans go to the wisdom file."""
    flags = _fftw_flags(real.size)
    measure = "FFTW_MEASURE" in flags
    if measure:
        _load_wisdom()
    known = pyfftw.export_wisdom() if measure else None
    fwd = pyfftw.FFTW(real, spec, axes=(0, 1), flags=flags, threads=_FFTW_THREADS,
                      planning_timelimit=PLAN_TIME_LIMIT)
    bwd = pyfftw.FFTW(
        spec, real, axes=(0, 1), direction="FFTW_BACKWARD",
        flags=(*flags, "FFTW_DESTROY_INPUT"), threads=_FFTW_THREADS, planning_timelimit=PLAN_TIME_LIMIT,
    )
    if measure and pyfftw.export_wisdom() != known:  # new plans were measured: keep them
        _save_wisdom()

    def forward(src: np.ndarray | None = None) -> None:
        if src is not None and src is not real:
            real[...] = src
        fwd.execute()

    def backward(dst: np.ndarray | None = None) -> None:
        bwd.execute()
        if dst is not None and dst is not real:
            dst[...] = real

    return forward, backward


class _SparseInput:
    """A zero-filled forward-transform input kept per FFT plan: only the values on a support (an
    index list) are written, so the zeros elsewhere persist between transforms and no full-grid pass
    is needed to build the input (the support of a contact set is ~10 % of the grid)."""

    def __init__(self, forward: Any, buf: np.ndarray) -> None:
        self.forward = forward  # buf → the plan's spectrum
        self.buf = buf
        self.flat = buf.reshape(-1)
        self.support: np.ndarray | None = None

    def load(self, idx: np.ndarray, values: np.ndarray) -> None:
        if self.support is not idx:
            if self.support is not None:
                _zero_at(self.flat, self.support)
            self.support = idx
        _scatter(self.flat, idx, values)


def _sparse_input(shape: tuple[int, int], dtype: np.dtype, backend: str) -> _SparseInput:
    key = (shape, np.dtype(dtype).str + backend)
    spec = _plan(shape, dtype, backend).spec
    with _LOCK:
        sp = _SPARSE.get(key)
        if sp is None:
            buf = _empty(backend, shape, dtype)
            if backend == "fftw":
                # same transform as the main plan: FFTW finds it in the wisdom, nothing is re-measured
                forward = pyfftw.FFTW(buf, spec, axes=(0, 1), flags=_fftw_flags(buf.size),
                                      threads=_FFTW_THREADS, planning_timelimit=PLAN_TIME_LIMIT).execute
            else:
                forward = _mkl_transforms(buf, spec)[0]
            buf[...] = 0.0
            sp = _SparseInput(forward, buf)
            _SPARSE[key] = sp
    return sp


# scatter / gather on an index list: the lists are split between the threads (each writes its own
# points of the shared flat array); run_split passes the flat array to every part whole


@numba.njit(cache=True, nogil=True)
def _scatter_part(idx: Any, values: Any, flat: Any) -> None:
    for k in range(idx.size):
        flat[idx[k]] = values[k]


@numba.njit(cache=True, nogil=True)
def _zero_part(idx: Any, flat: Any) -> None:
    for k in range(idx.size):
        flat[idx[k]] = 0.0


@numba.njit(cache=True, fastmath=True, nogil=True)
def _gather_part(out: Any, idx: Any, flat: Any) -> float:
    total = 0.0
    for k in range(idx.size):
        v = flat[idx[k]]
        out[k] = v
        total += v
    return total


def _scatter(flat: NDArray, idx: NDArray, values: NDArray) -> None:
    """flat[idx] = values."""
    run_split(_scatter_part, (idx, values), (flat,))


def _zero_at(flat: NDArray, idx: NDArray) -> None:
    """flat[idx] = 0."""
    run_split(_zero_part, (idx,), (flat,))


def _gather_sum(out: NDArray, flat: NDArray, idx: NDArray) -> float:
    """out ← flat[idx]; return Σ out."""
    return float(sum(run_split(_gather_part, (out, idx), (flat,))))


@numba.njit(cache=True, fastmath=True, nogil=True)
def _multiply_rows(spec: Any, kernel: Any, ny: int) -> float:
    nx, nh = spec.shape
    total = 0.0
    last = nh - 1 if ny % 2 == 0 else -1
    for i in range(nx):
        for j in range(nh):
            z = spec[i, j]
            k = kernel[i, j]
            a = z.real * z.real + z.imag * z.imag
            w = 1.0 if (j == 0 or j == last) else 2.0
            total += w * k * a
            spec[i, j] = z * k
    return total


def _multiply_parseval(spec: Any, kernel: Any, ny: int) -> float:
    """spec *= kernel in place; return Σ_q w_q kernel_q |spec_q|² (rfft half-spectrum weights)."""
    return sum(run_split(_multiply_rows, (spec, kernel), (ny,), rows=True))


class Convolver:
    """y = K * x for a real field x on ``shape`` (possibly a zero-padded ``fft_shape``).

    ``kernel_hat`` is the real multiplier on the rfft2 half spectrum of ``fft_shape``, already divided
    by the number of points (the unnormalised backward transform then gives the convolution).

    Parameters
    ----------
    kernel_hat : ndarray
        Real Fourier multiplier on the rfft2 half spectrum of ``fft_shape``, divided by its number of
        points (for the compliance: [m/Pa] per point).
    shape : tuple of int
        Grid of the fields x and y (nx, ny).
    fft_shape : tuple of int
        Grid of the transforms: ``shape`` (periodic) or the zero-padded (2nx, 2ny).
    dtype : numpy dtype
        float64 or float32.
    backend : str, optional
        "mkl", "fftw" or "scipy" (None: :func:`default_backend` of ``fft_shape``).

    Raises
    ------
    ValueError
        ``backend`` is not installed.
    """

    def __init__(
        self,
        kernel_hat: NDArray[np.floating],
        shape: tuple[int, int],
        fft_shape: tuple[int, int],
        dtype: np.dtype | type = np.float64,
        backend: str | None = None,
    ) -> None:
        self.dtype = np.dtype(dtype)
        self.shape = tuple(shape)
        self.fft_shape = tuple(fft_shape)
        self.padded = self.shape != self.fft_shape
        self.backend = backend or default_backend(self.fft_shape)
        if self.backend not in available_backends():
            raise ValueError(f"FFT backend {self.backend!r} not available: {available_backends()}")
        self.kernel = np.ascontiguousarray(kernel_hat, dtype=self.dtype)
        self.n_points = self.fft_shape[0] * self.fft_shape[1]
        self._planned = self.backend != "scipy"  # preallocated buffers and unnormalised transforms
        if self._planned:
            plan = _plan(self.fft_shape, self.dtype, self.backend)
            self._forward, self._backward = plan.forward, plan.backward
            self._real, self._spec = plan.real, plan.spec
        self.count = 0  # convolutions done, and their wall time (benchmarks: the share of a solve)
        self.seconds = 0.0

    def input_buffer(self) -> NDArray[np.floating]:
        """A writable array of ``shape`` to fill and pass to :meth:`apply` (avoids a copy)."""
        if self._planned and not self.padded:
            return self._real
        return np.zeros(self.shape, self.dtype)

    def input_for(self, a: NDArray[np.floating]) -> NDArray[np.floating]:
        """Where a pass that fills ``a`` should also put the next input of :meth:`apply`: FFTW's
        plans transform only their own buffer (:meth:`input_buffer`), so on an unpadded FFTW grid
        a second copy written there saves apply's copy; MKL and scipy transform ``a`` as it is, and
        a padded grid is copied into place either way, so there it is ``a`` itself."""
        return self._real if (self.backend == "fftw" and not self.padded) else a

    def _direct(self, a: NDArray) -> bool:
        return a.dtype == self.dtype and a.shape == self.shape and a.flags.c_contiguous

    def apply(
        self, x: NDArray[np.floating], out: NDArray[np.floating] | None = None
    ) -> tuple[NDArray[np.floating], float]:
        """Return (K x restricted to ``shape``, Σ x·(K x)).

        Without ``out`` the result may be a view of an internal buffer, valid until the next call.
        """
        self.count += 1
        t0 = time.perf_counter()
        if self._planned:
            real = self._real
            if self.padded:
                real[...] = 0.0
                real[: self.shape[0], : self.shape[1]] = x
                self._forward()
            elif self._direct(x):
                self._forward(x)
            else:
                real[...] = x
                self._forward()
            dot = _multiply_parseval(self._spec, self.kernel, self.fft_shape[1])
            if out is not None and not self.padded and self._direct(out):
                self._backward(out)
                res = out
            else:
                self._backward()
                res = real[: self.shape[0], : self.shape[1]]
        else:
            import scipy.fft as sfft

            spec = sfft.rfft2(x, s=self.fft_shape, workers=THREADS)
            dot = _multiply_parseval(spec, self.kernel, self.fft_shape[1])
            res = sfft.irfft2(
                spec, s=self.fft_shape, workers=THREADS, overwrite_x=True, norm="forward"
            )
            res = res[: self.shape[0], : self.shape[1]]
        self.seconds += time.perf_counter() - t0
        if out is None or res is out:
            return res, float(dot)
        out[...] = res
        return out, float(dot)

    def support_index(self, idx: NDArray[np.intp]) -> NDArray[np.intp]:
        """Flat indices of the FFT grid for flat indices ``idx`` of ``shape`` (differ when padded)."""
        if not self.padded:
            return idx
        ny = self.shape[1]
        return (idx // ny) * self.fft_shape[1] + idx % ny

    def apply_sparse(
        self, idx: NDArray[np.intp], values: NDArray[np.floating], out: NDArray[np.floating]
    ) -> tuple[float, float]:
        """out ← (K x) at ``idx`` for the field x equal to ``values`` at ``idx`` and 0 elsewhere.

        ``idx`` are flat indices of the FFT grid (:meth:`support_index`); pass the *same* array
        object while the support is unchanged (the input's zeros are then kept, not rewritten).
        Returns (Σ x·(K x), Σ out). One rfft2 + irfft2 pair; the element-wise work is on the
        support only.
        """
        self.count += 1
        t0 = time.perf_counter()
        if self._planned:
            sparse = _sparse_input(self.fft_shape, self.dtype, self.backend)
            sparse.load(idx, values)
            sparse.forward()
            dot = _multiply_parseval(self._spec, self.kernel, self.fft_shape[1])
            self._backward()
            total = _gather_sum(out, self._real.reshape(-1), idx)
        else:
            import scipy.fft as sfft

            x = np.zeros(self.fft_shape, self.dtype)
            _scatter(x.reshape(-1), idx, values)
            spec = sfft.rfft2(x, workers=THREADS)
            dot = _multiply_parseval(spec, self.kernel, self.fft_shape[1])
            res = sfft.irfft2(spec, s=self.fft_shape, workers=THREADS, overwrite_x=True, norm="forward")
            total = _gather_sum(out, np.ascontiguousarray(res).reshape(-1), idx)
        self.seconds += time.perf_counter() - t0
        return float(dot), float(total)


def fft_pair_time(shape: tuple[int, int], backend: str, dtype: Any = np.float64, repeat: int = 7) -> float:
    """Minimum wall time (s) of one rfft2 + irfft2 pair of ``backend`` at ``shape`` (benchmarks).

    Parameters
    ----------
    shape : tuple of int
        Grid points (nx, ny).
    backend : str
        "mkl", "fftw" or "scipy".
    dtype : numpy dtype
        float64 or float32.
    repeat : int
        Pairs timed; the fastest counts.

    Returns
    -------
    float
        Wall time of one pair [s].
    """
    x = np.random.default_rng(0).random(shape).astype(dtype)
    best = np.inf
    if backend != "scipy":
        plan = _plan(tuple(shape), np.dtype(dtype), backend)
        for _ in range(repeat):
            plan.real[...] = x
            t0 = time.perf_counter()
            plan.forward()
            plan.backward()
            best = min(best, time.perf_counter() - t0)
    else:
        import scipy.fft as sfft

        for _ in range(repeat):
            t0 = time.perf_counter()
            sfft.irfft2(sfft.rfft2(x, workers=THREADS), s=shape, workers=THREADS, overwrite_x=True)
            best = min(best, time.perf_counter() - t0)
    return best
