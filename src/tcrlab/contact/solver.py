"""Rough-surface normal contact by the FFT boundary-element method (Polonsky–Keer constrained CG).

A rigid-flat-on-elastic-rough (equivalently rough-on-rough, composite surface) frictionless normal
contact. The surface displacement of the elastic half-space with contact modulus E'
(1/E' = (1−ν1²)/E1 + (1−ν2²)/E2) is u = K * p with u(q) = 2 p(q)/(E'|q|) for a periodic grid
(Johnson, *Contact Mechanics*, 1985, §3) or the Love (1929) pixel influence coefficients on a
zero-padded grid for a finite (non-periodic) patch. The complementarity problem

    gap g = u − h + c ≥ 0,  p ≥ 0,  g·p = 0,  mean(p) = p̄  (or c fixed: displacement control)

is solved by the constrained conjugate-gradient method of Polonsky & Keer, Wear 231 (1999) 206–219,
with the pressure optionally capped at a hardness H (elastic–perfectly-plastic; Almqvist, Sahlin,
Larsson & Lundberg, Tribol. Int. 40 (2007) 574). ``heights`` are those of the composite surface;
the highest point touches first; ``displacement`` is the rigid approach measured from first touch.

Speed (elastic path): one FFT convolution per iteration while the contact set does not change — the
gap is updated recursively (u ← u − τ K t) and the pressure/displacement normalisation is a lazy
scalar — fused numba passes for the element-wise algebra, planned pyFFTW transforms, exact
refreshes of u = K p when the contact set changes and before convergence is accepted, a
coarse-to-fine start on nested grids, and (load control, periodic grids) a preconditioner: the
search direction is built from M⁻¹g on the contact set with M⁻¹ ≈ E'|q|/2, the inverse of the
half-space compliance — by default its 3 × 3 real-space core (no transform), or exactly by FFT
(one extra FFT pair per iteration); 2–2.4× fewer iterations than without (:mod:`._preconditioners`).
Valid for small slopes (linear elasticity, half-space).
"""

from __future__ import annotations

import os
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tcrlab.contact import _kernels as kern
from tcrlab.contact import _plastic_kernels as pk
from tcrlab.contact import _threads
from tcrlab.contact._fft import SHARED_BUFFERS, Convolver
from tcrlab.contact._preconditioners import FourierPreconditioner, StencilPreconditioner
from tcrlab.errors import ConvergenceError, InputError
from tcrlab.resources import require_memory

__all__ = ["ContactResult", "solve", "solve_sweep"]

MIN_POINTS = 8
LAZY_REFRESH = 10
# float64 solves from this size on go through float32 first: measured with the bench surface (p̄ =
# 0.033 E'), elastic 256² 0.050 s vs 0.071 s and 512² 0.18 vs 0.24 s, plastic 512² (H = 0.5 E')
# 0.99 vs 1.37 s — the same contact set in 18 cases (256²/512², 3 seeds, p̄ = 0.002–0.2 E')
MIXED_MIN_POINTS = 256 * 256
STALL_ITERATIONS = 25
STALL_BELOW = 1e-4  # float32 stalls only near its round-off floor (~3e-7 at 8192²)
MIXED_TOL = 1e-4  # float32 stage target; the active-set polish takes it from there
# iterations between exact refreshes while points clip or join, per preconditioner: the stencil's
# cheaper iterations gain from rarer refreshes (fine-grid float32 convolutions 106 instead of 116 at
# 4096², 79 instead of 84 at 2048²; the Fourier one measured best at 4)
PRECOND_LAZY_REFRESH = {"stencil": 6, "fourier": 4}
# A step that joins points between two refreshes can raise the residual by orders of magnitude; a CG
# direction built with β = |g_new|²/|g_old|² ~ 1e11 then never recovers (τ fell to 1e-12 and the
# residual stayed at 0.065 for 5000 iterations: 32² surface, seed 512, p̄ = 0.03 E', found by the
# hypothesis test). Such a β restarts the CG instead; a clean CG step has β of order 1.
BETA_RESTART = 1e4
# The preconditioned iteration can also stall on tiny contact sets (10 points of a 32² grid at
# p̄ = 0.003 E', seeds 774 and 807 of the test surfaces: residual flat at 1e-3 for 2000 iterations);
# after this many iterations without a 10 % gain it goes on unpreconditioned (which converges there
# in 30–45). A healthy preconditioned solve gains 10 % every few iterations.
PRECOND_GIVE_UP = 100
ACTIVE_SET_ROUNDS = 12  # exact (float64) evaluations of the polish before it gives up
INNER_RTOL = 1e-4  # float32 linear solve per round: ×1e-4 (its round-off floor is ~1e-6)
INNER_RTOL_LOOSE = 0.1  # while the set still changes its error dominates: solving further is wasted
PLASTIC_SEARCH_TOL = 1e-5  # elastic–plastic load search: inner solves this loose, then tight
SET_CHANGE = 1e-4  # fraction of the set joining or leaving in a round that counts as a change
BOX_PLAIN_BELOW = 10.0  # the preconditioned box iteration hands over to the plain CG within this × tol
MAX_PROJECTIONS = 1  # refills of an emptied free set before the load-controlled solve gives up (a second one
# meant cycling at 1024² and 2048², H = 0.1 E', measured)
LOAD_SHIFTS = 8  # Newton steps restoring the load on the free set (piecewise linear: 1–3 are typical)
CACHE_BYTES = 1 << 30  # kernels kept between solves (least recently used dropped first)
_CONVOLVERS: OrderedDict[tuple, Convolver] = OrderedDict()
if hasattr(os, "register_at_fork"):  # a forked child plans its own FFTs (see _fft._after_fork_in_child)
    os.register_at_fork(after_in_child=_CONVOLVERS.clear)


class _StallWatch:
    """Watches a residual for lack of progress: stalled once it is below ``below`` and has not
    fallen by 10 % for ``window`` iterations — a float32 iteration at its round-off floor, or (any
    level, window PRECOND_GIVE_UP) a preconditioned iteration that should go on without it."""

    def __init__(self, below: float = np.inf, window: int = STALL_ITERATIONS) -> None:
        self.below = below
        self.window = window
        self.best = np.inf
        self.best_at = 0
        self.count = 0

    def stalled(self, err: float) -> bool:
        self.count += 1
        if err < 0.9 * self.best:
            self.best, self.best_at = err, self.count
            return False
        return self.best < self.below and self.count - self.best_at > self.window


def _cg_beta(restart: bool, g_new: float, g_old: float) -> float:
    """Fletcher–Reeves β = g_new / g_old of the elastic iteration; 0 (a restart) when asked, without
    history, or above BETA_RESTART."""
    if restart or g_old <= 0:
        return 0.0
    beta = g_new / g_old
    return 0.0 if beta > BETA_RESTART else beta


def _cached(key: tuple, make: Any) -> Convolver:
    conv = _CONVOLVERS.get(key)
    if conv is None:
        conv = make()
        _CONVOLVERS[key] = conv
        while len(_CONVOLVERS) > 1 and sum(c.kernel.nbytes for c in _CONVOLVERS.values()) > CACHE_BYTES:
            _CONVOLVERS.popitem(last=False)
    _CONVOLVERS.move_to_end(key)
    return conv


@dataclass(eq=False)
class ContactResult:
    """Solved contact. Fields are on the topography grid (SI: Pa, m)."""

    pressure: NDArray[np.floating]
    gap: NDArray[np.floating]
    displacement: float
    load: float
    iterations: int
    history: list[float]
    converged: bool
    E_eff: float
    physical_size: tuple[float, float]
    periodic: bool
    hardness: float | None
    heights: NDArray[np.floating]
    tol: float
    timing: dict[str, float] = field(default_factory=dict)

    @property
    def contact(self) -> NDArray[np.bool_]:
        """Boolean contact mask (p > 0)."""
        return self.pressure > 0

    @property
    def area_fraction(self) -> float:
        return float(np.count_nonzero(self.pressure > 0) / self.pressure.size)

    @property
    def mean_gap(self) -> float:
        return float(self.gap.mean(dtype=np.float64))

    @property
    def mean_pressure(self) -> float:
        return float(self.pressure.mean(dtype=np.float64))

    @property
    def plastic_fraction(self) -> float:
        if self.hardness is None:
            return 0.0
        return float(np.count_nonzero(self.pressure >= self.hardness * (1 - 1e-12)) / self.pressure.size)

    @cached_property
    def spots(self) -> Any:
        """Labelled contact spots (:class:`tcrlab.contact.spots.ContactSpots`)."""
        from tcrlab.contact.spots import contact_spots

        return contact_spots(self.contact, self.physical_size, periodic=self.periodic)


# ----------------------------------------------------------------------------------------------
# inputs
# ----------------------------------------------------------------------------------------------


def _heights_and_size(topography: Any, periodic: bool | None) -> tuple[NDArray, tuple, bool]:
    if hasattr(topography, "heights") and hasattr(topography, "physical_size"):
        h = np.asarray(topography.heights, dtype=float)
        size = tuple(float(s) for s in topography.physical_size)
        per = bool(getattr(topography, "periodic", True)) if periodic is None else bool(periodic)
    else:
        raise InputError(
            "topography", type(topography).__name__,
            "a tcrlab.surfaces.Topography (heights + physical_size)",
        )
    if h.ndim != 2:
        raise InputError("topography.heights", f"shape {h.shape}", "a 2-D height map")
    if min(h.shape) < MIN_POINTS:
        raise InputError("topography.heights", f"shape {h.shape}", f"at least {MIN_POINTS} × {MIN_POINTS} points")
    if not np.isfinite(h).all():
        raise InputError("topography.heights", "non-finite values", "finite heights everywhere")
    if len(size) != 2 or not all(np.isfinite(s) and s > 0 for s in size):
        raise InputError("topography.physical_size", size, "(Lx, Ly) > 0 in metres")
    if np.ptp(h) <= 0:
        raise InputError("topography.heights", "a flat map", "a surface with height variation")
    return h, size, per


def _convolver(shape: tuple, size: tuple, periodic: bool, dtype: Any, backend: str | None) -> Convolver:
    """Convolver for a unit contact modulus (E' = 1), cached per grid."""
    def make() -> Convolver:
        if periodic:
            return Convolver(kern.periodic_kernel(shape, size, 1.0), shape, shape, dtype=dtype, backend=backend)
        k = kern.freespace_kernel(shape, size, 1.0)
        return Convolver(k, shape, (2 * shape[0], 2 * shape[1]), dtype=dtype, backend=backend)

    return _cached((shape, size, periodic, np.dtype(dtype).str, backend), make)


def _preconditioner(
    shape: tuple, size: tuple, dtype: Any, backend: str | None, kind: str
) -> StencilPreconditioner | FourierPreconditioner:
    """The ``kind`` ("fourier", else the stencil) of preconditioner E'|q|/2 (E' = 1) on the unpadded grid.

    The Fourier one's convolver is cached per grid; for a periodic grid it shares the FFT plan (and
    buffers) of the compliance convolver. A stencil holds only its own work arrays.
    """
    if kind != "fourier":
        return StencilPreconditioner(shape, size, dtype)
    return FourierPreconditioner(_cached(
        (shape, size, "precondition", np.dtype(dtype).str, backend),
        lambda: Convolver(kern.preconditioner_kernel(shape, size, 1.0), shape, shape, dtype=dtype, backend=backend),
    ))


# ----------------------------------------------------------------------------------------------
# public entry
# ----------------------------------------------------------------------------------------------


# Peak resident memory per grid point of a float64 solve, measured with /usr/bin/time at 512² and 1024²
# (benchmarks/README.md): periodic 108 B, non-periodic (zero-padded to 2n × 2n) 215 B, over a fixed
# ~250 MB of the interpreter and libraries. An 8192² periodic solve peaked at 6.9 GB (103 B/point).
# float32 is not credited with less: the estimate stays on the safe side.
_SOLVE_BYTES_PER_POINT = {True: 110, False: 220}
_SOLVE_BYTES_FIXED = 250e6


def require_solve_memory(shape: tuple[int, ...], periodic: bool) -> None:
    """Refuse (InputError naming the grid and the memory) a solve that cannot fit in memory."""
    n = int(np.prod(shape, dtype=np.int64))
    kind = "periodic" if periodic else "non-periodic"
    require_memory(
        _SOLVE_BYTES_FIXED + n * _SOLVE_BYTES_PER_POINT[bool(periodic)],
        f"a {kind} contact solve on {shape[0]} × {shape[1]} = {n:,} points", "topography",
        f"{shape[0]} × {shape[1]} grid", hint="a coarser or smaller map (crop, or resample)",
    )


def solve(
    topography: Any,
    E_eff: float,
    pressure: float | None = None,
    displacement: float | None = None,
    hardness: float | None = None,
    periodic: bool | None = None,
    tol: float = 1e-8,
    *,
    max_iter: int = 5000,
    dtype: Any = np.float64,
    initial: ContactResult | NDArray | None = None,
    coarse_to_fine: bool = True,
    backend: str | None = None,
    raise_on_failure: bool = True,
    mixed_precision: bool = True,
    precondition: bool | str = True,
) -> ContactResult:
    """Solve the normal contact of a rough composite surface against a flat elastic half-space.

    Parameters
    ----------
    topography : heights (m) and physical size, e.g. ``tcrlab.surfaces.Topography``.
    E_eff : contact modulus E' (Pa), 1/E' = (1−ν1²)/E1 + (1−ν2²)/E2.
    pressure : mean nominal pressure p̄ over the whole grid (Pa) — load control; or
    displacement : rigid approach δ (m) from first touch — displacement control (give exactly one).
    hardness : pressure cap H (Pa) for elastic–perfectly-plastic contact (None: elastic).
    periodic : periodic boundaries (default: the topography's ``periodic``); False zero-pads (2n).
    tol : relative RMS gap on the contact set, ‖g‖/(√n_A · h_rms), at which iteration stops; no point
        outside the contact set may then overlap by more than tol · h_rms.
    dtype : float64 (default) or float32 (faster, ~1e-6 relative accuracy: use tol ≥ 1e-6).
    initial : a previous result (or pressure field) to start from — load sweeps reuse it (elastic
        path and displacement control; a load-controlled elastic–plastic solve starts from the
        elastic solution, which measured the closer start).
    mixed_precision : for float64 on grids ≥ 256², first identify the contact in float32 to 1e-4,
        then polish in float64 — under load control on periodic grids by an active-set iteration
        (exact float64 gap, linear float32 solve on the contact set), else by the constrained CG
        (same answer, 30–50 % less time measured; ``iterations`` counts every stage's iterations).
        With ``hardness`` under load control: one load-controlled box solve in float32 to 1e-5,
        then on periodic grids a float64 active-set polish with the cap (else float64 solves in a
        root search for the approach). At 2048², H = 0.5 E' this took 2.4× less time than the root
        search in both stages: 31 % fewer float32 convolutions, 4 float64 ones instead of 256
        (measured).
    precondition : load control, periodic grids: precondition the conjugate-gradient search
        direction on the contact set (elastic–plastic: the free set, stencil only) with the
        inverse compliance E'|q|/2 — True or
        ``"stencil"`` (default): its 3 × 3 real-space core, no transform; ``"fourier"``: exactly,
        one extra FFT pair per iteration; False or None: none. Both take 2–2.5× fewer iterations than
        none; the stencil a few more than the exact operator, each one FFT pair cheaper (measured
        at 2048²: 1.4× faster). The answer is the same with any choice.

    Returns a :class:`ContactResult` (pressure, gap, area_fraction, mean_gap, iterations, history,
    displacement, load, contact mask, spots). Raises InputError for bad inputs and
    ConvergenceError if ``max_iter`` is reached (unless ``raise_on_failure=False``).
    """
    h, size, per = _heights_and_size(topography, periodic)
    if not (np.isfinite(E_eff) and E_eff > 0):
        raise InputError("E_eff", E_eff, "a finite contact modulus > 0 (Pa)")
    if (pressure is None) == (displacement is None):
        raise InputError(
            "pressure/displacement", (pressure, displacement), "exactly one of pressure or displacement"
        )
    for name, value in (("pressure", pressure), ("displacement", displacement), ("hardness", hardness),
                        ("E_eff", E_eff)):
        if value is not None and (np.ndim(value) != 0 or not isinstance(value, int | float | np.number)):
            raise InputError(name, value, "one number in SI units; solve each value separately "
                             "(solve_sweep for a series of pressures)", problem="not a scalar")
    if pressure is not None and not (np.isfinite(pressure) and pressure > 0):
        raise InputError("pressure", pressure, "a finite mean pressure > 0 (Pa)")
    if displacement is not None and not (np.isfinite(displacement) and displacement > 0):
        raise InputError("displacement", displacement, "a finite approach > 0 (m)")
    if hardness is not None:
        if not (np.isfinite(hardness) and hardness > 0):
            raise InputError("hardness", hardness, "a finite hardness > 0 (Pa) or None")
        if pressure is not None and pressure >= hardness:
            raise InputError("pressure", pressure, f"< hardness {hardness:g} Pa (p̄ ≥ H: full plastic contact)")
    if not (np.isfinite(tol) and 0 < tol < 1):
        raise InputError("tol", tol, "0 < tol < 1")
    if precondition not in (True, False, None, "stencil", "fourier"):
        raise InputError("precondition", precondition, 'True, False, None, "stencil" or "fourier"')
    precondition = "stencil" if precondition is True else (precondition or None)
    dtype = np.dtype(dtype)
    if dtype not in (np.dtype(np.float64), np.dtype(np.float32)):
        raise InputError("dtype", dtype, "float64 or float32")
    require_solve_memory(h.shape, per)
    _threads.choose_threads()  # from the cores free now: extra threads on a busy machine only wait
    if dtype == np.float32 and tol < 1e-6:  # single precision resolves ~1e-7 relative: never reached
        raise InputError("tol", tol, "tol >= 1e-6 with float32 (or float64 for a tighter tolerance)",
                         problem="below what single precision can resolve")

    t0 = time.perf_counter()
    hmax = float(h.max())
    # Work in units of h_rms and E': heights of order 1, kernel of order 1 (float32 friendly).
    scale_h = float(np.std(h)) or float(np.ptp(h))
    hn = ((h - hmax) / scale_h).astype(dtype)  # highest point at 0
    p_scale = E_eff
    p_init = None
    if initial is not None:
        p_init = np.asarray(initial.pressure if isinstance(initial, ContactResult) else initial, float)
        if p_init.shape != h.shape:
            raise InputError("initial", f"shape {p_init.shape}", f"a pressure field of shape {h.shape}")
        p_init = p_init / p_scale / scale_h

    target_p = None if pressure is None else pressure / p_scale / scale_h
    # approach δ: gap = u − (h − hmax) − δ  → c = −δ in normalised units
    c_fixed = None if displacement is None else -displacement / scale_h

    with SHARED_BUFFERS:  # FFT buffers are shared per grid: concurrent solves take turns
        if hardness is None:
            history0: list[float] = []
            polished = None
            if mixed_precision and dtype == np.float64 and h.size >= MIXED_MIN_POINTS and tol < MIXED_TOL:
                # identify the contact in float32 (half the memory traffic), polish in float64
                p32, _, _, history0, _ = _solve_fast(
                    hn.astype(np.float32), size, per, np.dtype(np.float32), target_p, c_fixed, MIXED_TOL,
                    max_iter, p_init, coarse_to_fine, backend, precondition,
                )
                p_init = p32.astype(np.float64)
                del p32
                if per and target_p is not None:
                    p, u, c, history_pol, ok = _polish_active_set(
                        hn, size, p_init, target_p, tol, max_iter - len(history0), backend, precondition
                    )
                    history0 = history0 + history_pol
                    if ok:
                        polished = (p, u, c)
                    else:  # the constrained CG takes over from where the polish stopped
                        p_init = p
            if polished is None:
                p, u, c, history, conv_flag = _solve_fast(
                    hn, size, per, dtype, target_p, c_fixed, tol, max_iter, p_init, coarse_to_fine, backend,
                    precondition,
                )
                history = history0 + history
            else:
                (p, u, c), history, conv_flag = polished, history0, True
        else:
            p, u, c, history, conv_flag = _solve_plastic(
                hn, size, per, dtype, target_p, c_fixed, hardness / p_scale / scale_h, tol, max_iter,
                p_init, backend, precondition, mixed_precision,
            )
    if not conv_flag and raise_on_failure:
        raise ConvergenceError(
            f"contact solver did not reach tol={tol:g} in {max_iter} iterations "
            f"(last residual {history[-1] if history else float('nan'):.3g})"
        )
    # in place: at 8192² every full-grid temporary is 0.5 GB
    gap = np.subtract(u, hn, dtype=np.float64)
    del u
    gap += c
    np.maximum(gap, 0.0, out=gap)
    gap *= scale_h
    # points at the cap carry H exactly (in float32 the scaled cap falls short of H by its round-off)
    at_cap = None if hardness is None else p >= p.dtype.type(hardness / p_scale / scale_h)
    pr = p.astype(np.float64)
    del p
    pr *= p_scale * scale_h
    if at_cap is not None:
        pr[at_cap] = hardness
        np.minimum(pr, hardness, out=pr)
    gap[pr > 0] = 0.0  # exactly closed on the contact set
    res = ContactResult(
        pressure=pr,
        gap=gap,
        displacement=float(-c * scale_h),
        load=float(pr.mean()),
        iterations=len(history),
        history=history,
        converged=conv_flag,
        E_eff=float(E_eff),
        physical_size=size,
        periodic=per,
        hardness=hardness,
        heights=h,
        tol=tol,
        timing={"total": time.perf_counter() - t0},
    )
    return res


def solve_sweep(
    topography: Any,
    E_eff: float,
    pressures: NDArray | list[float],
    *,
    callback: Any = None,
    **kwargs: Any,
) -> list[ContactResult]:
    """Solve at each pressure in turn, starting every load step from the previous solution."""
    out: list[ContactResult] = []
    prev = None
    for i, pbar in enumerate(np.asarray(pressures, dtype=float).ravel()):
        res = solve(topography, E_eff, pressure=float(pbar), initial=prev, **kwargs)
        out.append(res)
        prev = res
        if callback is not None:
            callback(i, res)
    return out


# ----------------------------------------------------------------------------------------------
# fast elastic path
# ----------------------------------------------------------------------------------------------


def _coarsen(h: NDArray) -> NDArray:
    """Each 2 × 2 block's highest point (the maximum of four strided views: NumPy's reduction over
    the axes of a reshaped array took 10–15× longer, 2.5 s at 8192²)."""
    return np.maximum(np.maximum(h[0::2, 0::2], h[0::2, 1::2]), np.maximum(h[1::2, 0::2], h[1::2, 1::2]))


def _prolong(pc: NDArray, h: NDArray) -> NDArray:
    """Coarse → fine pressure: each coarse cell's value on its 2 × 2 children."""
    return np.repeat(np.repeat(pc, 2, axis=0), 2, axis=1)


def _solve_fast(
    h: NDArray,
    size: tuple,
    periodic: bool,
    dtype: np.dtype,
    target_p: float | None,
    c_fixed: float | None,
    tol: float,
    max_iter: int,
    p_init: NDArray | None,
    coarse_to_fine: bool,
    backend: str | None,
    precondition: str | None = None,
) -> tuple[NDArray, NDArray, float, list[float], bool]:
    nx, ny = h.shape
    history_pre: list[float] = []
    if (
        p_init is None
        and coarse_to_fine
        and periodic
        and target_p is not None
        and nx % 2 == 0
        and ny % 2 == 0
        and min(nx, ny) >= 128
    ):
        hc = _coarsen(h)
        hc = hc - hc.max()
        pc, _, _, _hist_c, _ = _solve_fast(
            hc, size, periodic, dtype, target_p, None, max(tol, 1e-4) * 10, max_iter, None, True,
            backend, precondition,
        )
        p_init = _prolong(pc, h)
        history_pre = []  # coarse iterations are cheap (¼ of the points); not counted
    conv = _convolver((nx, ny), size, periodic, dtype, backend)
    load_ctl = target_p is not None
    # used under load control on periodic grids: there E'|q|/2 is the exact inverse compliance (the
    # stencil its core) and the σ normalisation keeps the load; under displacement control a cold
    # start at a tiny approach could lose the whole contact set, and on a zero-padded patch the
    # periodic operator is only approximate
    use_pre = precondition and periodic and load_ctl
    pconv = _preconditioner((nx, ny), size, dtype, backend, precondition) if use_pre else None
    # clipped/joined points make the recursive u ← u − τKt inexact until the next refresh; the
    # preconditioned iteration takes larger steps and needs the exact u more often (measured)
    lazy = LAZY_REFRESH if pconv is None else PRECOND_LAZY_REFRESH[precondition]
    n = nx * ny

    p = np.empty((nx, ny), dtype)
    if p_init is not None:
        p[...] = np.maximum(p_init, 0)
        if not (p > 0).any():
            p[...] = 1.0
    else:
        p[...] = 1.0
    if load_ctl:
        sigma = target_p * n / float(p.sum(dtype=np.float64))
    else:
        sigma = 1.0
        if p_init is None:
            p *= 1e-3 / max(float(p.mean()), 1e-300)
    u = np.empty_like(p)
    t = np.zeros_like(p)
    thr = tol  # heights are in units of h_rms

    def refresh() -> tuple:
        conv.apply(p, out=u)
        return kern.stats_pass(p, u, h, sigma, c, thr)

    c = 0.0 if load_ctl else float(c_fixed)
    if load_ctl:
        # first shift: mean gap on the contact set zero
        stats = refresh()
        c = -(sigma * stats[8] - float(h[p > 0].sum(dtype=np.float64))) / max(stats[4], 1)
    stats = refresh()
    history = history_pre
    g_old = 0.0
    restart = True
    since_refresh = 0
    converged = False
    stall = _StallWatch(STALL_BELOW if dtype == np.float32 else 0.0)  # float64 never stalls here
    give_up = _StallWatch(window=PRECOND_GIVE_UP)
    for _ in range(max_iter):
        _, nover, nbig, sp, na, sg, sg2, sgu, su, su2 = stats
        new_sigma = target_p * n / sp if (load_ctl and sp > 0) else sigma
        d = new_sigma - sigma
        se = sg + d * su
        se2 = sg2 + 2 * d * sgu + d * d * su2
        if load_ctl and na > 0:
            dc = -se / na
            gsum = max(se2 - na * dc * dc, 0.0)
        else:
            dc = 0.0
            gsum = max(se2, 0.0)
        if sp > 0 and new_sigma != sigma:
            sigma = new_sigma
        c += dc
        err = float(np.sqrt(gsum / max(na, 1)))
        history.append(err)
        if stall.stalled(err):
            break  # float32 round-off floor reached: stop (not converged)
        if pconv is not None and give_up.stalled(err):
            pconv, restart = None, True  # see PRECOND_GIVE_UP
        if err < tol and nbig == 0:  # overlaps below tol (round-off) are accepted
            if since_refresh == 0:
                converged = True
                break
            stats = refresh()
            since_refresh = 0
            restart = True
            history.pop()
            continue
        if pconv is None:
            beta = _cg_beta(restart, gsum, g_old)
            g_old = gsum
            buf = conv.input_for(t)
            sgt = kern.direction_pass(u, h, p, t, buf, sigma, c, beta)
        else:
            # z = M⁻¹ g restricted to the contact set (M⁻¹ ≈ E'|q|/2); β = Σgz / Σg₀z₀
            # (preconditioned Fletcher–Reeves). The load is kept by the lazy σ normalisation.
            z, sgz = pconv.residual(u, h, p, sigma, c)  # and Σ (mask g)·M⁻¹(mask g)
            beta = _cg_beta(restart, sgz, g_old)
            g_old = sgz
            buf = conv.input_for(t)
            sgt = kern.direction_pass(u, h, p, t, buf, sigma, c, beta, z)
        r, trt = conv.apply(buf)
        if trt <= 0 or not np.isfinite(trt):
            tau = 0.0
        else:
            tau = sgt / trt
        stats = kern.update_pass(p, u, r, t, h, sigma, tau, c, thr)
        nclip, nover = stats[0], stats[1]
        since_refresh += 1
        restart = False
        if (nclip or nover) and since_refresh >= lazy:
            stats = refresh()
            stats = (nclip, nover, *stats[2:])
            since_refresh = 0
            restart = nover > 0 or nclip > 0  # restarting on joins only can stall (measured)
        elif since_refresh >= 50:
            stats = refresh()
            since_refresh = 0
    p *= sigma  # both are this call's own arrays: scaled in place (at 8192² each is 256 MB)
    u *= sigma
    return p, u, c, history, converged


def _polish_active_set(
    h: NDArray,
    size: tuple,
    p: NDArray,
    target_p: float,
    tol: float,
    max_iter: int,
    backend: str | None,
    precondition: str | None = "stencil",
) -> tuple[NDArray, NDArray | None, float, list[float], bool]:
    """Float64 polish of a nearly converged load-controlled periodic solution (mixed precision).

    Once the contact set is (almost) known, the complementarity problem is a *linear* one on that
    set: K_II p_I + c = h_I with Σp fixed. Each round evaluates the exact float64 gap (one float64
    FFT pair), adds the points outside the set that overlap, solves the linear system for the
    correction in float32 by preconditioned CG on the set (iterative refinement: the correction is
    small, so float32 carries it to well below the float64 tolerance), and drops points whose
    pressure turned negative — a primal active-set iteration (cf. Hintermüller, Ito & Kunisch,
    SIAM J. Optim. 13 (2003) 865). Unlike the constrained CG, nothing is clipped during the linear
    solve, so its recursive residual stays exact and the CG is never restarted; the vectors live
    on the contact set only (~7 % of the grid), the full grid is touched only by the transforms.
    The plain iteration is not globally convergent: started too far from the solution it cycles
    with a growing set (seen from a float32 stage stopped at 1e-3), so a round whose exact residual
    does not fall ends it. With ``precondition`` False the linear CG is not preconditioned either.
    Returns the constrained solver's tuple; ``converged`` False hands over (u is then None).
    """
    load = target_p * h.size
    p = np.maximum(p, 0.0, out=p)  # the caller's own float64 copy

    def rescale(p: NDArray) -> bool:
        total = float(p.sum(dtype=np.float64))
        if not total > 0:
            return False
        p *= load / total
        return True

    return _active_set_rounds(h, size, p, tol, max_iter, backend, precondition, rescale,
                              lambda p, u: kern.active_set(p, u, h, 0.1 * tol, tol))


def _active_set_rounds(
    h: NDArray,
    size: tuple,
    p: NDArray,
    tol: float,
    max_iter: int,
    backend: str | None,
    precondition: str | None,
    restore: Any,
    find_set: Any,
    cap: float = np.inf,
) -> tuple[NDArray, NDArray | None, float, list[float], bool]:
    """The rounds of both active-set polishes: ``restore(p)`` puts the load back (False: it cannot),
    ``find_set(p, u)`` lists the set and its gap (:func:`kern.active_set`, with or without the
    cap), the float32 correction on the set keeps the load, and p is clipped to
    [0, ``cap``]. Returns the constrained solver's tuple; ``converged`` False hands over (u None)."""
    shape = h.shape
    conv = _convolver(shape, size, True, np.float64, backend)
    k32 = _convolver(shape, size, True, np.float32, backend)
    m32 = _preconditioner(shape, size, np.float32, backend, precondition) if precondition else None
    history: list[float] = []
    c = 0.0
    changed = -1  # points that joined or left the set in the previous round (−1: first round)
    best = np.inf  # exact residual of the previous round: it must fall every round
    for _ in range(ACTIVE_SET_ROUNDS):
        if len(history) >= max_iter or not restore(p):
            break
        u = conv.apply(p)[0]  # a view of the float64 plan's buffer (float32 transforms follow)
        idx, w, c, err, nmove, nbig = find_set(p, u)
        history.append(err)
        if err < tol and nbig == 0:
            return p, u.copy(), c, history, True
        if err >= best:  # the set is still far from the solution's: no convergence, hand over
            break
        best = err
        b = (w.mean() - w).astype(np.float32)  # −(gap on the set) with the rigid shift eliminated
        rms_b = float(w.std())  # the RMS of b, from the float64 values it was cast from
        loose = changed < 0 or changed > SET_CHANGE * idx.size
        rtol = INNER_RTOL_LOOSE if loose else INNER_RTOL
        d = _set_pcg(k32, m32, k32.support_index(idx), b, max(0.3 * tol, rtol * rms_b),
                     max_iter - len(history), history)
        changed = kern.add_on_set(p, idx, d, cap) + nmove
    return p, None, c, history, False  # the caller restarts from p; its u is not needed


def _set_pcg(
    kconv: Convolver,
    mconv: StencilPreconditioner | FourierPreconditioner | None,
    idx: NDArray[np.intp],
    b: NDArray[np.float32],
    target: float,
    max_iter: int,
    history: list[float],
) -> NDArray[np.float32]:
    """Solve P K_II d = b (P: zero mean on the set, so Σd = 0 keeps the load) by CG preconditioned
    with P M⁻¹ (M⁻¹ ≈ E'|q|/2), vectors on the set; stop at RMS residual ``target``."""
    na = idx.size
    r = b.copy()
    d = np.zeros(na, np.float32)
    z = np.empty(na, np.float32) if mconv is not None else r
    kt = np.empty(na, np.float32)
    t = np.zeros(na, np.float32)

    def precondition(rr: float, rs: float) -> tuple[float, float]:
        """z ← M⁻¹ r on the set; return (Σ r·z, Σ z). Without a preconditioner z is r itself."""
        return mconv.apply_sparse(idx, r, z) if mconv is not None else (rr, rs)

    rs = float(r.sum(dtype=np.float64))
    rz_raw, zsum = precondition(float(np.dot(r, r)), rs)
    z_mean = zsum / na
    rz = rz_raw - z_mean * rs
    kern.cg_direction(t, z, z_mean, 0.0)
    stall = _StallWatch()  # float32 round-off floor: the next exact round refines further
    for _ in range(max_iter):
        tkt, kt_sum = kconv.apply_sparse(idx, t, kt)
        if not (tkt > 0 and rz > 0):
            break
        rr, rs = kern.cg_update(d, r, t, kt, rz / tkt, kt_sum / na)
        err = float(np.sqrt(rr / na))
        history.append(err)
        if err < target or stall.stalled(err):
            break
        rz_raw, zsum = precondition(rr, rs)
        z_mean = zsum / na
        rz_new = rz_raw - z_mean * rs
        beta = rz_new / rz
        rz = rz_new
        kern.cg_direction(t, z, z_mean, beta)
    return d


# ----------------------------------------------------------------------------------------------
# elastic–perfectly-plastic path (box-constrained Polonsky–Keer, load by a root search)
# ----------------------------------------------------------------------------------------------


def _solve_plastic(
    h: NDArray,
    size: tuple,
    periodic: bool,
    dtype: np.dtype,
    target_p: float | None,
    c_fixed: float | None,
    cap: float,
    tol: float,
    max_iter: int,
    p_init: NDArray | None,
    backend: str | None,
    precondition: str | None = "stencil",
    mixed_precision: bool = True,
) -> tuple[NDArray, NDArray, float, list[float], bool]:
    """Elastic–perfectly-plastic contact (0 ≤ p ≤ H). Displacement control: one box-constrained
    Polonsky–Keer CG (:func:`_box_pk`). Load control, from the elastic solution capped at H:
    1. one load-controlled box solve to PLASTIC_SEARCH_TOL (:func:`_box_pk_load`; in float32 with
       ``mixed_precision`` on float64 grids ≥ 256²);
    2. in mixed precision on periodic grids, the float64 active-set polish with the cap
       (:func:`_polish_box`) to ``tol``; otherwise, or should it not finish, float64 solves at
       fixed approach in a root search (:func:`_load_root`) from step 1's approach.
    Should step 1 cycle (seen when nearly every point flows), the root search does that stage too:
    the mean pressure p̄(c) of the displacement-controlled problem is continuous and monotone in
    the approach, bracketed from the elastic approach (a bound: the capped solid is softer); every
    inner solve is warm-started from the nearest one."""
    if target_p is None:
        return _box_pk(h, size, periodic, dtype, float(c_fixed), cap, tol, max_iter, p_init, backend)
    history: list[float] = []
    solved: dict[tuple[float, float], tuple[NDArray, NDArray, bool]] = {}
    search_tol = max(tol, PLASTIC_SEARCH_TOL)
    mixed = mixed_precision and dtype == np.float64 and h.size >= MIXED_MIN_POINTS and tol < search_tol
    # float32 for the search (half the memory traffic), the final solves in the requested dtype
    heights = {search_tol: h.astype(np.float32) if mixed else h, tol: h}

    def excess(c: float, inner_tol: float) -> float:
        key = (c, inner_tol)
        if key not in solved:
            near = min(solved, key=lambda k: (abs(k[0] - c), k[1]))
            hk = heights[inner_tol]
            p, u, _, hist, ok = _box_pk(hk, size, periodic, hk.dtype, c, cap, inner_tol,
                                        max(max_iter - len(history), 1), solved[near][0], backend)
            history.extend(hist)
            solved[key] = (p, u, ok)
            if len(solved) > 3:  # full-grid fields: keep the nearest few as warm starts
                del solved[max(solved, key=lambda k: abs(k[0] - c))]
        return float(solved[key][0].mean(dtype=np.float64)) - target_p

    h0 = heights[search_tol]
    p_el, _, c, _, _ = _solve_fast(h0, size, periodic, h0.dtype, target_p, None,
                                   search_tol if mixed else max(tol, 1e-6), max_iter, None, True, backend,
                                   precondition)
    start = np.minimum(p_el, cap, out=p_el)
    solved[(np.inf, np.inf)] = (start, start, True)  # a warm start only (its u is never read)
    stages = list(heights)  # search_tol, then tol (one stage if they are equal)
    # the search stage as one load-controlled solve; should it cycle, the root search over
    # displacement-controlled solves does that stage from the elastic start instead
    p_d, u_d, c_d, hist, ok = _box_pk_load(h0, size, periodic, h0.dtype, target_p, cap, search_tol,
                                           max_iter, start, c, backend, precondition)
    history.extend(hist)
    if ok:
        c = c_d
        solved[(c, search_tol)] = (p_d, u_d, True)
        stages = stages[1:]
    # dp̄/dδ ≈ p̄/(0.45 h_rms): Persson's exponential law, PRL 99 (2007) 125502 (h in units of h_rms)
    slope = target_p / 0.45
    for inner_tol in stages:
        if inner_tol == tol and mixed and periodic and ok:
            # float64 by the active-set polish from the float32 stage's solution: the load is
            # kept inside it, so no root search at tol (which stays the fallback)
            p, u, c_pol, hist, done = _polish_box(
                h, size, solved[(c, search_tol)][0].astype(np.float64), target_p, cap, tol,
                max_iter - len(history), backend, precondition,
            )
            history.extend(hist)
            if done:
                return p, u, c_pol, history, True
        c, slope, ok = _load_root(lambda x, t=inner_tol: excess(x, t), c, slope, inner_tol * target_p,
                                  lambda: len(history) < max_iter)
    p, u, converged = solved[(c, tol)]
    return p, u, c, history, ok and converged


def _polish_box(
    h: NDArray,
    size: tuple,
    p: NDArray,
    target_p: float,
    cap: float,
    tol: float,
    max_iter: int,
    backend: str | None,
    precondition: str | None = "stencil",
) -> tuple[NDArray, NDArray | None, float, list[float], bool]:
    """Float64 active-set polish of a nearly converged load-controlled elastic–plastic solution
    (periodic): :func:`_polish_active_set` with the pressure cap.

    Each round restores the load by shifting the free points (0 < p < cap) uniformly, evaluates the
    exact float64 gap (one float64 FFT pair), lists the free points with the points at p = 0 that
    overlap and the points at the cap whose gap opens, solves the linear system for the correction
    on that list (float32 preconditioned CG with zero sum, :func:`_set_pcg`: the load is kept; the
    points held at the cap enter only through their displacement) and clips p to [0, cap]. A round
    whose exact residual does not fall ends it: ``converged`` False hands back to the root search.
    A primal active-set iteration for the box (cf. Hintermüller, Ito & Kunisch, SIAM J. Optim. 13
    (2003) 865) with the float32 linear solves of iterative refinement.
    """
    load = target_p * h.size
    # points at the float32 cap carry the float64 cap (float32 rounds it either way)
    p[p >= min(cap, float(np.float32(cap)))] = cap
    np.clip(p, 0.0, cap, out=p)

    def restore(p: NDArray) -> bool:  # False once the free points can no longer carry the load
        return abs(_restore_load(p, cap, load, 0.1 * tol * load) - load) <= tol * load

    return _active_set_rounds(h, size, p, tol, max_iter, backend, precondition, restore,
                              lambda p, u: kern.active_set(p, u, h, 0.1 * tol, tol, cap), cap)


def _restore_load(p: NDArray, cap: float, load: float, close: float, state: tuple | None = None) -> float:
    """Shift the free points (0 < p < cap) uniformly until |Σp − load| ≤ ``close`` (Newton on the
    piecewise-linear Σp(shift): one pass unless points reach a bound) or none is left; return Σp.
    ``state`` is (Σp, n_free) when the caller has them (else one pass counts them)."""
    total, nfree = state if state is not None else pk.shift_free(p, cap, 0.0)
    for _ in range(LOAD_SHIFTS):
        if nfree == 0 or abs(total - load) <= close:
            break
        total, nfree = pk.shift_free(p, cap, (load - total) / nfree)
    return total


def _load_root(excess: Any, c: float, slope: float, close: float, budget: Any) -> tuple[float, float, bool]:
    """Root of the load excess f(c) = p̄(c) − p̄_target (f falls as c rises): secant steps from c —
    the first with the stiffness guess ``slope`` = −df/dc — until f changes sign (on the convex
    p̄(δ) an extrapolation from below overshoots; 10 % more makes sure), then Brent's method
    (scipy.optimize.brentq). Stops once |f| ≤ ``close``. Returns (c, last secant slope, found)."""
    from scipy.optimize import brentq

    class Found(Exception):
        pass

    def f(x: float) -> float:
        value = excess(x)
        if abs(value) <= close:
            raise Found(x)
        return value

    try:
        c_a, f_a = c, f(c)
        c_b = c_a + 1.1 * f_a / slope
        f_b = f(c_b)
        while (f_a < 0) == (f_b < 0):
            if not budget():
                return c_b, slope, False
            secant = (f_a - f_b) / (c_b - c_a)
            slope = secant if secant > 0 else slope
            step = 1.1 * f_b / secant if secant > 0 else 2 * (c_b - c_a)
            c_a, f_a = c_b, f_b
            c_b = c_a + step
            f_b = f(c_b)
        slope = (f_a - f_b) / (c_b - c_a)
        root = brentq(f, min(c_a, c_b), max(c_a, c_b), xtol=close / slope, rtol=4 * np.finfo(float).eps,
                      maxiter=200)
        excess(root)
        return root, slope, True  # Brent's bracket is below xtol: the load is within `close`
    except Found as found:
        return found.args[0], slope, True


def _box_pk_load(
    h: NDArray,
    size: tuple,
    periodic: bool,
    dtype: np.dtype,
    target_p: float,
    cap: float,
    tol: float,
    max_iter: int,
    p_init: NDArray,
    c: float,
    backend: str | None,
    precondition: str | None = None,
) -> tuple[NDArray, NDArray, float, list[float], bool]:
    """Load-controlled box-constrained Polonsky–Keer CG: 0 ≤ p ≤ cap and mean p = ``target_p``.

    As :func:`_box_pk` (Polonsky & Keer 1999 with the pressure cap of Almqvist et al. 2007), but the
    approach c is the multiplier of the load constraint: each iteration it makes the gap's mean over
    the free set zero, as Polonsky & Keer's rigid-body shift does, so the direction has zero
    sum there and a step that keeps every free point inside the box keeps the load. Steps that clip,
    join or release points change the load; before the exact refresh that follows them, the free
    points are shifted uniformly to restore it (the Euclidean projection onto the load constraint,
    a few Newton steps on the piecewise-linear Σp(shift)). When no free point is left (a capped
    elastic start under a low hardness holds every contact point at the cap), one projected Jacobi
    step on every point with the approach shift that meets the load (:func:`_load_projection`)
    refills it; after MAX_PROJECTIONS of those it gives up (``converged`` False: the caller falls
    back to the root search). One solve instead of a root search over displacement-controlled ones.
    With ``precondition`` "stencil" (periodic grids) the direction is built from z = M⁻¹g on the
    free set, made zero-sum there, until the residual is within BOX_PLAIN_BELOW · tol; the plain
    CG finishes (preconditioned to the end, the set's rim points kept crossing the bounds and
    the solve never settled at 2048²; measured). The Fourier operator made this iteration cycle.
    """
    conv = _convolver(h.shape, size, periodic, dtype, backend)
    pre = (StencilPreconditioner(h.shape, size, dtype)
           if precondition == "stencil" and periodic else None)
    load = target_p * h.size
    p = np.empty(h.shape, dtype)
    held_cap = kern.cap_as_held(cap, p)
    np.clip(p_init, 0.0, cap, out=p, casting="unsafe")
    u = np.empty_like(p)
    t = np.zeros_like(p)

    def refresh() -> tuple:
        conv.apply(p, out=u)
        return pk.box_stats_pass(p, u, h, c, cap, tol)

    close = 0.1 * tol * load  # the load restored this close; converged once within tol
    _restore_load(p, cap, load, close)
    stats = refresh()
    fresh = True
    projections = 0
    g_old = 0.0
    restart = True
    was_pre = False
    history: list[float] = []
    stall = _StallWatch(STALL_BELOW if dtype == np.float32 else 0.0)
    for _ in range(max_iter):
        _, nfree, sg2, nover, nrel, sg, sp = stats
        mean = sg / nfree if nfree else 0.0
        c -= mean  # zero mean gap on the free set: c is the load constraint's multiplier
        gsum = max(sg2 - nfree * mean * mean, 0.0)
        err = float(np.sqrt(gsum / max(nfree, 1)))
        history.append(err)
        if stall.stalled(err):
            break
        if nfree == 0:
            # no free point to step or to carry the load: one projected Jacobi step on every
            # point, p ← clip(p − (g + Δ)/K_ii, 0, cap), with the approach shift Δ that meets the load
            if projections == MAX_PROJECTIONS:
                break  # the set keeps emptying: cycling (seen when nearly every point flows)
            projections += 1
            c += _load_projection(p, u, h, c, cap, 1.0 / _self_compliance(conv), load)
            stats, fresh, restart = refresh(), True, True
            continue
        if err < tol:
            if fresh and nover == 0 and nrel == 0 and abs(sp - load) <= tol * load:
                # the counts above used the previous c: confirm with the final one
                check = pk.box_stats_pass(p, u, h, c, cap, tol)
                if check[3] == 0 and check[4] == 0:
                    return p, u, c, history, True
            if not fresh or abs(sp - load) > tol * load:
                _restore_load(p, cap, load, close, (sp, nfree))
                stats, fresh, restart = refresh(), True, True
                history.pop()
                continue
        use_pre = pre is not None and err > BOX_PLAIN_BELOW * tol
        if use_pre != was_pre:  # β of the two iterations measure different norms: restart
            restart, was_pre = True, use_pre
        buf = conv.input_for(t)
        if use_pre:
            z, sgz, sz = pre.box_residual(u, h, p, 1.0, c, held_cap)  # Σ g over the free set is 0
            beta = _cg_beta(restart, sgz, g_old)
            g_old = sgz
            sgt = pk.box_direction_pass(u, h, p, t, buf, c, cap, beta, z, sz / nfree)
        else:
            beta = _cg_beta(restart, gsum, g_old)
            g_old = gsum
            sgt = pk.box_direction_pass(u, h, p, t, buf, c, cap, beta)
        r, trt = conv.apply(buf)
        tau = sgt / trt if trt > 0 and np.isfinite(trt) else 0.0
        stats = pk.box_update_pass(p, u, r, t, h, c, cap, tau, tol)
        fresh = restart = False
        if stats[0]:
            _restore_load(p, cap, load, close, (stats[6], stats[1]))
            stats, fresh, restart = refresh(), True, True
    conv.apply(p, out=u)
    return p, u, c, history, False


def _load_projection(p: NDArray, u: NDArray, h: NDArray, c: float, cap: float, tau: float,
                     load: float) -> float:
    """The approach shift Δ with Σ clip(p − τ(g + Δ), 0, cap) = ``load`` (Brent's method on the
    monotone, piecewise-linear sum; g = u − h + c); p takes those values; returns Δ."""
    from scipy.optimize import brentq

    _, g_lo, g_hi = pk.projected_step(p, u, h, c, cap, tau, False)
    # Δ_a puts every point at the cap (sum ≥ load, as load < cap·n), Δ_b every point at zero
    d_a = -g_hi - cap / tau - 1.0
    d_b = float(p.max()) / tau - g_lo + 1.0
    excess = lambda d: pk.projected_step(p, u, h, c + d, cap, tau, False)[0] - load  # noqa: E731
    shift = brentq(excess, d_a, d_b, xtol=1e-12 * max(1.0, abs(d_b - d_a)), maxiter=200)
    pk.projected_step(p, u, h, c + shift, cap, tau, True)
    return float(shift)


def _self_compliance(conv: Convolver) -> float:
    """Displacement at a point under a unit pressure on that point alone (the diagonal of K)."""
    buf = conv.input_buffer()
    buf[...] = 0.0
    buf[0, 0] = 1.0
    return float(conv.apply(buf)[0][0, 0])


def _box_pk(
    h: NDArray,
    size: tuple,
    periodic: bool,
    dtype: np.dtype,
    c: float,
    cap: float,
    tol: float,
    max_iter: int,
    p_init: NDArray | None,
    backend: str | None,
) -> tuple[NDArray, NDArray, float, list[float], bool]:
    """Displacement-controlled Polonsky–Keer CG with the box 0 ≤ p ≤ cap.

    The CG acts on the free set 0 < p < cap (Polonsky & Keer 1999 with the pressure cap of Almqvist
    et al. 2007); the gap is updated recursively (u ← u − τKt, one FFT pair per iteration) while no
    point joins, leaves or reaches the cap, and recomputed exactly (u = K p) when one does — then
    the CG restarts — and before convergence is accepted. Fused numba passes do the element-wise
    work (:mod:`tcrlab.contact._plastic_kernels`). Not preconditioned: the Fourier preconditioner of
    the elastic path (M⁻¹g, strong pixel-scale components) drove thousands of points across both
    bounds and back every step (a 4-cycle at 512², p̄ = 0.005 E', H = 0.5 E'), and restricted to
    the steps where the set held still it no longer saved iterations (measured).
    """
    conv = _convolver(h.shape, size, periodic, dtype, backend)
    p = np.empty(h.shape, dtype)
    if p_init is not None:
        np.clip(p_init, 0.0, cap, out=p, casting="unsafe")
    else:
        p[...] = min(1e-3, 0.5 * cap)
    u = np.empty_like(p)
    t = np.zeros_like(p)

    def refresh() -> tuple:
        conv.apply(p, out=u)
        return pk.box_stats_pass(p, u, h, c, cap, tol)

    stats = refresh()
    fresh = True  # u was just computed as K p (not recursively)
    g_old = 0.0
    restart = True
    history: list[float] = []
    stall = _StallWatch(STALL_BELOW if dtype == np.float32 else 0.0)  # float64 never stalls here
    for _ in range(max_iter):
        _, nfree, gsum, nover, nrel = stats[:5]
        err = float(np.sqrt(gsum / max(nfree, 1)))
        history.append(err)
        if stall.stalled(err):
            break  # float32 round-off floor reached: stop (not converged)
        if err < tol and nover == 0 and nrel == 0:
            if fresh:
                return p, u, c, history, True
            stats, fresh, restart = refresh(), True, True
            history.pop()
            continue
        if nfree == 0:
            # no free point to step: let the overlapping ones join (and open cap points release)
            # with the pressure that would close their own gap, p = −g/K_ii (a Jacobi step)
            t[...] = 0.0
            pk.box_update_pass(p, u, t, t, h, c, cap, 1.0 / _self_compliance(conv), tol)
            stats, fresh, restart = refresh(), True, True
            continue
        beta = 0.0 if restart or g_old <= 0 else gsum / g_old
        g_old = gsum
        buf = conv.input_for(t)
        sgt = pk.box_direction_pass(u, h, p, t, buf, c, cap, beta)
        r, trt = conv.apply(buf)  # Σ t·Kt by Parseval: t is zero off the free set
        tau = sgt / trt if trt > 0 and np.isfinite(trt) else 0.0
        stats = pk.box_update_pass(p, u, r, t, h, c, cap, tau, tol)
        fresh = restart = False
        if stats[0]:  # a point joined, left or reached the cap: the recursive u is off there
            stats, fresh, restart = refresh(), True, True
    conv.apply(p, out=u)
    return p, u, c, history, False
