"""The elastic–perfectly-plastic (box-constrained) Polonsky–Keer iteration: 0 ≤ p ≤ H.

Polonsky & Keer, Wear 231 (1999) 206–219, with the pressure cap of Almqvist, Sahlin, Larsson &
Lundberg, Tribol. Int. 40 (2007) 574. The CG acts on the free set 0 < p < H; the gap is updated
recursively (u ← u − τKt, one FFT pair per iteration) while no point joins, leaves or reaches the
cap, and recomputed exactly (u = K p) when one does — then the CG restarts — and before convergence
is accepted. Fused numba passes do the element-wise work (:mod:`tcrlab.contact._plastic_kernels`).

:func:`box_pk` holds the approach fixed (displacement control); :func:`box_pk_load` makes the
approach the multiplier of the load constraint (load control in one solve).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from tcrlab.contact import _kernels as kern
from tcrlab.contact import _plastic_kernels as pk
from tcrlab.contact._cache import convolver
from tcrlab.contact._cg import Solution, StallWatch, cg_beta, self_compliance
from tcrlab.contact._options import SolverOptions
from tcrlab.contact._preconditioners import StencilPreconditioner

__all__ = ["box_pk", "box_pk_load", "restore_load"]


def restore_load(p: NDArray, cap: float, load: float, close: float, shifts: int,
                 state: tuple | None = None) -> float:
    """Shift the free points (0 < p < cap) uniformly until |Σp − load| ≤ ``close`` (Newton on the
    piecewise-linear Σp(shift): one pass unless points reach a bound; at most ``shifts`` steps) or
    none is left; return Σp. ``state`` is (Σp, n_free) when the caller has them (else one pass
    counts them).

    Parameters
    ----------
    p : ndarray
        Normalised pressure [1/m], shifted in place.
    cap : float
        Pressure cap, normalised like ``p`` [1/m].
    load : float
        Σp to restore, normalised like ``p`` [1/m].
    close : float
        Accepted |Σp − load|, normalised like ``p`` [1/m].
    shifts : int
        Newton steps allowed.
    state : tuple of (float, int), optional
        (Σp, n_free) of ``p`` as it is.

    Returns
    -------
    float
        Σp after the shifts [1/m].
    """
    total, nfree = state if state is not None else pk.shift_free(p, cap, 0.0)
    for _ in range(shifts):
        if nfree == 0 or abs(total - load) <= close:
            break
        total, nfree = pk.shift_free(p, cap, (load - total) / nfree)
    return total


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


class _LoadBox:
    """State of the load-controlled box iteration that its steps share: grid, load, convolver and the
    optional stencil preconditioner."""

    def __init__(self, h: NDArray, size: tuple, periodic: bool, dtype: np.dtype, target_p: float,
                 cap: float, tol: float, backend: str | None, precondition: str | None,
                 options: SolverOptions) -> None:
        self.h, self.cap, self.tol, self.options = h, cap, tol, options
        self.conv = convolver(h.shape, size, periodic, dtype, backend)
        # the stencil only: the Fourier operator made this iteration cycle
        self.pre = (StencilPreconditioner(h.shape, size, dtype)
                    if precondition == "stencil" and periodic else None)
        self.load = target_p * h.size
        self.close = 0.1 * tol * self.load  # the load is restored this close; converged within tol

    def restore(self, p: NDArray, state: tuple | None = None) -> float:
        return restore_load(p, self.cap, self.load, self.close, self.options.load_shifts, state)

    def load_ok(self, sp: float) -> bool:
        return abs(sp - self.load) <= self.tol * self.load


def box_pk_load(
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
    precondition: str | None,
    options: SolverOptions,
) -> Solution:
    """Load-controlled box-constrained Polonsky–Keer CG: 0 ≤ p ≤ cap and mean p = ``target_p``.

    As :func:`box_pk`, but the approach c is the multiplier of the load constraint: each iteration it
    makes the gap's mean over the free set zero, as Polonsky & Keer's rigid-body shift does, so the
    direction has zero sum there and a step that keeps every free point inside the box keeps the
    load. Steps that clip, join or release points change the load; before the exact refresh that
    follows them, the free points are shifted uniformly to restore it (the Euclidean projection onto
    the load constraint, a few Newton steps on the piecewise-linear Σp(shift)). When no free point is
    left (a capped elastic start under a low hardness holds every contact point at the cap), one
    projected Jacobi step on every point with the approach shift that meets the load
    (:func:`_load_projection`) refills it; after ``options.max_projections`` of those it gives up
    (``converged`` False: the caller falls back to the root search). One solve instead of a root
    search over displacement-controlled ones. With ``precondition`` "stencil" (periodic grids) the
    direction is built from z = M⁻¹g on the free set, made zero-sum there, until the residual is
    within ``options.box_plain_below`` · tol; the plain CG finishes (preconditioned to the end, the
    set's rim points kept crossing the bounds and the solve did not settle).

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
    target_p : float
        Mean pressure to carry, normalised as p / (E' h_rms) [1/m].
    cap : float
        Pressure cap (the hardness), normalised like ``target_p`` [1/m].
    tol : float
        Stopping tolerance: RMS gap over the free set in units of h_rms [-].
    max_iter : int
        Iterations allowed.
    p_init : ndarray
        Starting pressure, normalised like ``target_p`` [1/m] (clipped to [0, cap]).
    c : float
        Starting rigid shift (minus the approach) in units of h_rms [-].
    backend : str or None
        FFT backend (None: the default for the grid).
    precondition : str or None
        "stencil" (periodic grids) or anything else for none.
    options : SolverOptions
        Tuning constants of the iterations.

    Returns
    -------
    Solution
        The state reached; ``converged`` False when ``max_iter`` or a stall ended it.
    """
    box = _LoadBox(h, size, periodic, dtype, target_p, cap, tol, backend, precondition, options)
    conv = box.conv
    p = np.empty(h.shape, dtype)
    held_cap = kern.cap_as_held(cap, p)
    np.clip(p_init, 0.0, cap, out=p, casting="unsafe")
    u = np.empty_like(p)
    t = np.zeros_like(p)

    def refresh() -> pk.BoxStats:
        conv.apply(p, out=u)
        return pk.box_stats_pass(p, u, h, c, cap, tol)

    box.restore(p)
    stats = refresh()
    fresh = True
    projections = 0
    g_old = 0.0
    restart = True
    was_pre = False
    history: list[float] = []
    stall = StallWatch(options.stall_below if dtype == np.float32 else 0.0, options.stall_iterations)
    for _ in range(max_iter):
        nfree = stats.nfree
        mean = stats.sg / nfree if nfree else 0.0
        c -= mean  # zero mean gap on the free set: c is the load constraint's multiplier
        gsum = max(stats.sg2 - nfree * mean * mean, 0.0)
        err = float(np.sqrt(gsum / max(nfree, 1)))
        history.append(err)
        if stall.stalled(err):
            break
        if nfree == 0:
            # no free point to step or to carry the load: one projected Jacobi step on every
            # point, p ← clip(p − (g + Δ)/K_ii, 0, cap), with the approach shift Δ that meets the load
            if projections == options.max_projections:
                break  # the set keeps emptying: cycling (seen when nearly every point flows)
            projections += 1
            c += _load_projection(p, u, h, c, cap, 1.0 / self_compliance(conv), box.load)
            stats, fresh, restart = refresh(), True, True
            continue
        if err < tol:
            if fresh and stats.nover == 0 and stats.nrel == 0 and box.load_ok(stats.sp):
                # the counts above used the previous c: confirm with the final one
                check = pk.box_stats_pass(p, u, h, c, cap, tol)
                if check.nover == 0 and check.nrel == 0:
                    return Solution(p, u, c, history, True)
            if not fresh or not box.load_ok(stats.sp):
                box.restore(p, (stats.sp, nfree))
                stats, fresh, restart = refresh(), True, True
                history.pop()
                continue
        use_pre = box.pre is not None and err > options.box_plain_below * tol
        if use_pre != was_pre:  # β of the two iterations measure different norms: restart
            restart, was_pre = True, use_pre
        buf = conv.input_for(t)
        if use_pre:
            z, sgz, sz = box.pre.box_residual(u, h, p, 1.0, c, held_cap)  # Σ g over the free set is 0
            beta = cg_beta(restart, sgz, g_old, options.beta_restart)
            g_old = sgz
            sgt = pk.box_direction_pass(u, h, p, t, buf, c, cap, beta, z, sz / nfree)
        else:
            beta = cg_beta(restart, gsum, g_old, options.beta_restart)
            g_old = gsum
            sgt = pk.box_direction_pass(u, h, p, t, buf, c, cap, beta)
        r, trt = conv.apply(buf)
        tau = sgt / trt if trt > 0 and np.isfinite(trt) else 0.0
        stats = pk.box_update_pass(p, u, r, t, h, c, cap, tau, tol)
        fresh = restart = False
        if stats.nchanged:
            box.restore(p, (stats.sp, stats.nfree))
            stats, fresh, restart = refresh(), True, True
    conv.apply(p, out=u)
    return Solution(p, u, c, history, False)


def box_pk(
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
    options: SolverOptions,
) -> Solution:
    """Displacement-controlled Polonsky–Keer CG with the box 0 ≤ p ≤ cap (approach ``c`` fixed).

    Not preconditioned: the Fourier preconditioner of the elastic path (M⁻¹g, strong pixel-scale
    components) drove thousands of points across both bounds and back every step, and restricted to
    the steps where the set held still it no longer saved iterations (benchmarks/README.md).

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
    c : float
        Rigid shift (minus the approach) in units of h_rms [-], held fixed.
    cap : float
        Pressure cap (the hardness), normalised as p / (E' h_rms) [1/m].
    tol : float
        Stopping tolerance: RMS gap over the free set in units of h_rms [-].
    max_iter : int
        Iterations allowed.
    p_init : ndarray or None
        Starting pressure, normalised like ``cap`` [1/m] (None: a small uniform pressure).
    backend : str or None
        FFT backend (None: the default for the grid).
    options : SolverOptions
        Tuning constants of the iterations.

    Returns
    -------
    Solution
        The state reached; ``converged`` False when ``max_iter`` or a stall ended it.
    """
    conv = convolver(h.shape, size, periodic, dtype, backend)
    p = np.empty(h.shape, dtype)
    if p_init is not None:
        np.clip(p_init, 0.0, cap, out=p, casting="unsafe")
    else:
        p[...] = min(1e-3, 0.5 * cap)
    u = np.empty_like(p)
    t = np.zeros_like(p)

    def refresh() -> pk.BoxStats:
        conv.apply(p, out=u)
        return pk.box_stats_pass(p, u, h, c, cap, tol)

    stats = refresh()
    fresh = True  # u was just computed as K p (not recursively)
    g_old = 0.0
    restart = True
    history: list[float] = []
    stall = StallWatch(options.stall_below if dtype == np.float32 else 0.0, options.stall_iterations)
    for _ in range(max_iter):
        err = float(np.sqrt(stats.sg2 / max(stats.nfree, 1)))
        history.append(err)
        if stall.stalled(err):
            break  # float32 round-off floor reached: stop (not converged)
        if err < tol and stats.nover == 0 and stats.nrel == 0:
            if fresh:
                return Solution(p, u, c, history, True)
            stats, fresh, restart = refresh(), True, True
            history.pop()
            continue
        if stats.nfree == 0:
            # no free point to step: let the overlapping ones join (and open cap points release)
            # with the pressure that would close their own gap, p = −g/K_ii (a Jacobi step)
            t[...] = 0.0
            pk.box_update_pass(p, u, t, t, h, c, cap, 1.0 / self_compliance(conv), tol)
            stats, fresh, restart = refresh(), True, True
            continue
        beta = cg_beta(restart, stats.sg2, g_old, np.inf)  # no β restart needed: the set holds still
        g_old = stats.sg2
        buf = conv.input_for(t)
        sgt = pk.box_direction_pass(u, h, p, t, buf, c, cap, beta)
        r, trt = conv.apply(buf)  # Σ t·Kt by Parseval: t is zero off the free set
        tau = sgt / trt if trt > 0 and np.isfinite(trt) else 0.0
        stats = pk.box_update_pass(p, u, r, t, h, c, cap, tau, tol)
        fresh = restart = False
        if stats.nchanged:  # a point joined, left or reached the cap: the recursive u is off there
            stats, fresh, restart = refresh(), True, True
    conv.apply(p, out=u)
    return Solution(p, u, c, history, False)
