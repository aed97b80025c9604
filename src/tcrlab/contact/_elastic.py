"""The elastic constrained conjugate gradient (Polonsky & Keer, Wear 231 (1999) 206–219).

Solves gap g = u − h + c ≥ 0, p ≥ 0, g·p = 0 under load control (mean p fixed, c the multiplier)
or displacement control (c fixed) with u = K p. Speed comes from four choices:

- one FFT convolution per iteration while the contact set does not change: the displacement is
  updated recursively (u ← u − τ K t) and the load normalisation σ is a lazy scalar, applied to the
  stored p and u only at the end;
- fused numba passes for the element-wise algebra (:mod:`tcrlab.contact._kernels`);
- exact refreshes u = K p when the set changes (every few iterations, not every one: a refresh
  costs a convolution) and always before convergence is accepted;
- a coarse-to-fine start on the 2 × 2-coarsened grid and, under load control on periodic grids, a
  preconditioned direction z = M⁻¹ g on the contact set with M⁻¹ ≈ E'|q|/2, the inverse of the
  half-space compliance (:mod:`tcrlab.contact._preconditioners`).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from tcrlab.contact import _kernels as kern
from tcrlab.contact._cache import convolver, preconditioner
from tcrlab.contact._cg import Solution, StallWatch, cg_beta, self_compliance
from tcrlab.contact._fft import Convolver
from tcrlab.contact._options import SolverOptions
from tcrlab.contact._preconditioners import FourierPreconditioner, StencilPreconditioner

__all__ = ["coarsen", "prolong", "solve_elastic"]


def coarsen(h: NDArray) -> NDArray:
    """Each 2 × 2 block's highest point (the maximum of four strided views: NumPy's reduction over
    the axes of a reshaped array is an order of magnitude slower).

    Parameters
    ----------
    h : ndarray
        Heights on an even (nx, ny) grid (any length unit).

    Returns
    -------
    ndarray
        The (nx/2, ny/2) grid of block maxima, in ``h``'s unit.
    """
    return np.maximum(np.maximum(h[0::2, 0::2], h[0::2, 1::2]), np.maximum(h[1::2, 0::2], h[1::2, 1::2]))


def prolong(pc: NDArray) -> NDArray:
    """Coarse → fine pressure: each coarse cell's value on its 2 × 2 children.

    Parameters
    ----------
    pc : ndarray
        Pressure on the coarse (mx, my) grid (any pressure unit).

    Returns
    -------
    ndarray
        The (2mx, 2my) fine-grid pressure, in ``pc``'s unit.
    """
    return np.repeat(np.repeat(pc, 2, axis=0), 2, axis=1)


def _coarse_start(h: NDArray, size: tuple, dtype: np.dtype, target_p: float, tol: float, max_iter: int,
                  backend: str | None, precondition: str | None, options: SolverOptions) -> NDArray:
    """The pressure of the load-controlled solve on the coarsened grid, prolonged to ``h``'s grid.
    Its iterations are not counted: they cost a quarter of the fine ones and only find the set."""
    hc = coarsen(h)
    hc = hc - hc.max()
    coarse_tol = max(tol, options.coarse_tol) * options.coarse_tol_factor
    pc = solve_elastic(hc, size, True, dtype, target_p, None, coarse_tol, max_iter, None, True, backend,
                       precondition, options).p
    return prolong(pc)


def _initial_pressure(shape: tuple, dtype: np.dtype, p_init: NDArray | None, target_p: float | None,
                      ) -> tuple[NDArray, float]:
    """Stored pressure and its scale σ to start from: the given field (or uniform when it carries
    nothing), σ meeting the load; under displacement control a cold start is small (σ = 1)."""
    p = np.empty(shape, dtype)
    if p_init is not None:
        p[...] = np.maximum(p_init, 0)
        if not (p > 0).any():
            p[...] = 1.0
    else:
        p[...] = 1.0
    if target_p is not None:
        return p, target_p * p.size / float(p.sum(dtype=np.float64))
    if p_init is None:
        p *= 1e-3 / max(float(p.mean()), 1e-300)
    return p, 1.0


def _balance(stats: kern.PassStats, sigma: float, target_p: float | None, n: int,
             ) -> tuple[float, float, float]:
    """The new σ (meets the load), the shift of c (zero mean gap on the set, load control) and
    Σg² on the set after both, from the pass sums — no pass over the grid."""
    load_ctl = target_p is not None
    new_sigma = target_p * n / stats.sp if (load_ctl and stats.sp > 0) else sigma
    d = new_sigma - sigma
    se = stats.sg + d * stats.su
    se2 = stats.sg2 + 2 * d * stats.sgu + d * d * stats.su2
    if load_ctl and stats.na > 0:
        dc = -se / stats.na
        gsum = max(se2 - stats.na * dc * dc, 0.0)
    else:
        dc = 0.0
        gsum = max(se2, 0.0)
    if stats.sp > 0 and new_sigma != sigma:
        sigma = new_sigma
    return sigma, dc, gsum


def _direction(conv: Convolver, pconv: StencilPreconditioner | FourierPreconditioner | None,
               u: NDArray, h: NDArray, p: NDArray, t: NDArray, sigma: float, c: float, gsum: float,
               g_old: float, restart: bool, beta_restart: float) -> tuple[NDArray, float, float]:
    """New search direction t on the contact set (and in the convolver's input buffer): plain
    Fletcher–Reeves from g, or preconditioned from z = M⁻¹ g (restricted to the set) with
    β = Σgz / Σg₀z₀; the load is kept by the lazy σ. Returns (buffer, Σ g t, the new g_old)."""
    if pconv is None:
        beta = cg_beta(restart, gsum, g_old, beta_restart)
        buf = conv.input_for(t)
        return buf, kern.direction_pass(u, h, p, t, buf, sigma, c, beta), gsum
    # before input_for: a Fourier preconditioner shares the compliance convolver's buffers
    z, sgz = pconv.residual(u, h, p, sigma, c)
    beta = cg_beta(restart, sgz, g_old, beta_restart)
    buf = conv.input_for(t)
    return buf, kern.direction_pass(u, h, p, t, buf, sigma, c, beta, z), sgz


# Mean stored pressure outside which p and u are rescaled (σ taking the inverse factor): under a
# light load each step can grow the stored field by ~10⁴ while σ shrinks alike, which overflowed
# float32 (p = inf, σ = 0) within ten steps. Inside the band the stored field stays far from both
# ends of float32 even on a few-point set of an 8192² grid.
_STORED_LOW, _STORED_HIGH = 1e-15, 1e15


def _keep_stored_in_range(p: NDArray, u: NDArray, sigma: float, sp: float) -> float:
    """If the mean stored pressure (Σp = ``sp``) left the band, scale the stored p and u to a mean of
    1 (the true σp, σu unchanged); the σ that goes with them."""
    mean_p = sp / p.size
    if not mean_p > 0 or _STORED_LOW < mean_p < _STORED_HIGH:
        return sigma
    p *= p.dtype.type(1.0 / mean_p)
    u *= u.dtype.type(1.0 / mean_p)
    return sigma * mean_p


def _inexact(stats: kern.PassStats, joined: int, join_refresh: float) -> bool:
    """Whether u needs an exact refresh (at the lazy interval): a step that clips or joins points
    makes the recursive u inexact; joins of more than a fraction ``join_refresh`` of the set since
    the last refresh keep it so after the set holds still (the first steps from another load's
    solution join most of its set, then the CG would go on with a stale u until it seems converged)."""
    return stats.nclip > 0 or stats.nover > 0 or joined > join_refresh * stats.na


def _watches(dtype: np.dtype, options: SolverOptions) -> tuple[StallWatch, StallWatch]:
    """The watch for a float32 stall (float64 never stalls here; float32 does at its round-off
    floor) and the one after which the preconditioner is given up."""
    return (StallWatch(options.stall_below if dtype == np.float32 else 0.0, options.stall_iterations),
            StallWatch(window=options.precond_give_up))


def _join_overlaps(conv: Convolver, p: NDArray, u: NDArray, h: NDArray, sigma: float, c: float,
                   thr: float) -> None:
    """Let the points outside the set that overlap beyond ``thr`` join with the pressure that closes
    their own gap, p = −g/K_ii (a Jacobi step). Polonsky & Keer's join p = −τg scales with the CG step
    τ, which is zero when the set's gap is already closed everywhere — a one-point set under load
    control, whose shift c closes its gap exactly: without this the overlapping points never join."""
    g = sigma * u - h + c
    join = (p <= 0) & (g < -thr)
    p[join] = -g[join] / (sigma * self_compliance(conv))


def solve_elastic(
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
    precondition: str | None,
    options: SolverOptions,
) -> Solution:
    """Constrained CG on normalised heights ``h`` (max 0, units of h_rms; E' = 1): load control with
    mean pressure ``target_p`` or displacement control with shift ``c_fixed`` (give one).

    Parameters
    ----------
    h : ndarray
        Composite heights in units of their RMS h_rms, highest point at 0 [-].
    size : tuple of float
        Physical size (Lx, Ly) [m].
    periodic : bool
        Periodic grid (else zero-padded, non-periodic).
    dtype : numpy dtype
        float64 or float32 working precision.
    target_p : float or None
        Mean pressure to carry, normalised as p / (E' h_rms) [1/m] (None: displacement control).
    c_fixed : float or None
        Rigid shift (minus the approach) in units of h_rms [-] (None: load control).
    tol : float
        Stopping tolerance: RMS gap over the contact set in units of h_rms [-].
    max_iter : int
        Iterations allowed.
    p_init : ndarray or None
        Starting pressure, normalised like ``target_p`` [1/m] (None: a cold start).
    coarse_to_fine : bool
        Start a cold load-controlled periodic solve on the 2 × 2-coarsened grid.
    backend : str or None
        FFT backend (None: the default for the grid).
    precondition : str or None
        "stencil", "fourier" or None (no preconditioner).
    options : SolverOptions
        Tuning constants of the iterations.

    Returns
    -------
    Solution
        The state reached; ``converged`` False when ``max_iter`` or a stall ended it.
    """
    nx, ny = h.shape
    load_ctl = target_p is not None
    if (p_init is None and coarse_to_fine and periodic and load_ctl and nx % 2 == 0 and ny % 2 == 0
            and min(nx, ny) >= options.coarse_min_side):
        p_init = _coarse_start(h, size, dtype, target_p, tol, max_iter, backend, precondition, options)
    conv = convolver((nx, ny), size, periodic, dtype, backend)
    # preconditioned only under load control on periodic grids: there E'|q|/2 is the exact inverse
    # compliance (the stencil its core) and the σ normalisation keeps the load; under displacement
    # control a cold start at a tiny approach could lose the whole contact set, and on a zero-padded
    # patch the periodic operator is only approximate
    use_pre = precondition and periodic and load_ctl
    pconv = preconditioner((nx, ny), size, dtype, backend, precondition) if use_pre else None
    # clipped/joined points make the recursive u ← u − τKt inexact until the next refresh; the
    # preconditioned iteration takes larger steps and needs the exact u more often
    lazy = options.lazy_refresh_for(precondition if pconv is not None else None)
    p, sigma = _initial_pressure((nx, ny), dtype, p_init, target_p)
    u = np.empty_like(p)
    t = np.zeros_like(p)
    thr = tol  # heights are in units of h_rms

    def refresh() -> kern.PassStats:
        conv.apply(p, out=u)
        return kern.stats_pass(p, u, h, sigma, c, thr)

    c = 0.0 if load_ctl else float(c_fixed)
    if load_ctl:  # first shift: mean gap on the contact set zero
        stats = refresh()
        c = -(sigma * stats.su - float(h[p > 0].sum(dtype=np.float64))) / max(stats.na, 1)
    stats = refresh()
    history: list[float] = []
    g_old = 0.0
    restart = True
    since_refresh = 0
    joined = 0  # points joined since the last exact refresh
    converged = False
    stall, give_up = _watches(dtype, options)
    for _ in range(max_iter):
        sigma, dc, gsum = _balance(stats, sigma, target_p, nx * ny)
        c += dc
        sigma = _keep_stored_in_range(p, u, sigma, stats.sp)
        err = float(np.sqrt(gsum / max(stats.na, 1)))
        history.append(err)
        if stall.stalled(err):
            break  # float32 round-off floor reached: stop (not converged)
        if pconv is not None and give_up.stalled(err):
            pconv, restart = None, True  # see SolverOptions.precond_give_up
        if err < tol and stats.nbig == 0:  # overlaps below tol (round-off) are accepted
            if since_refresh == 0:
                converged = True
                break
            stats = refresh()
            since_refresh, joined = 0, 0
            restart = True
            history.pop()
            continue
        tau = 0.0
        if err > 0.0:  # (a zero residual here has overlaps outside the set: nothing to step along)
            buf, sgt, g_old = _direction(conv, pconv, u, h, p, t, sigma, c, gsum, g_old, restart,
                                         options.beta_restart)
            r, trt = conv.apply(buf)
            tau = 0.0 if trt <= 0 or not np.isfinite(trt) else sgt / trt
        if not tau > 0.0 and stats.nbig > 0:
            # no step along the set (its gap is closed: a one-point set under load control), so
            # Polonsky & Keer's join p = −τg would add nothing: the overlapping points join by a
            # Jacobi step instead
            _join_overlaps(conv, p, u, h, sigma, c, thr)
            stats = refresh()
            since_refresh, joined = 0, 0
            restart = True
            # the closed gap of the old set (often exactly 0) is no progress to measure stalls from
            stall, give_up = _watches(dtype, options)
            continue
        stats = kern.update_pass(p, u, r, t, h, sigma, tau, c, thr)
        joined += stats.nover
        since_refresh += 1
        restart = False
        if since_refresh >= lazy and _inexact(stats, joined, options.join_refresh):
            stats = refresh()
            since_refresh, joined = 0, 0
            restart = True  # restarting on joins only (not on clips) can stall
        elif since_refresh >= options.full_refresh:
            stats = refresh()
            since_refresh, joined = 0, 0
    p *= sigma  # both are this call's own arrays: scaled in place (full-grid temporaries are large)
    u *= sigma
    return Solution(p, u, c, history, converged)
