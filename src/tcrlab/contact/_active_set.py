"""The float64 active-set polish of a nearly converged periodic, load-controlled solution.

Once the contact set is (almost) known, the complementarity problem is a *linear* one on that set:
K_II p_I + c = h_I with Σp fixed. Each round evaluates the exact float64 gap (one float64 FFT pair),
adds the points outside the set that overlap, solves the linear system for the correction in float32
by preconditioned CG on the set (iterative refinement: the correction is small, so float32 carries it
to well below the float64 tolerance), and drops points whose pressure turned negative — a primal
active-set iteration (cf. Hintermüller, Ito & Kunisch, SIAM J. Optim. 13 (2003) 865). Unlike the
constrained CG, nothing is clipped during the linear solve, so its recursive residual stays exact and
the CG is never restarted; the vectors live on the contact set only, the full grid is touched only by
the transforms. The plain iteration is not globally convergent: started too far from the solution it
cycles with a growing set, so a round whose exact residual does not fall ends it and hands over
(``converged`` False) to the constrained CG or the root search.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from tcrlab.contact import _kernels as kern
from tcrlab.contact._box import restore_load
from tcrlab.contact._cache import convolver, preconditioner
from tcrlab.contact._cg import Solution, StallWatch
from tcrlab.contact._fft import Convolver
from tcrlab.contact._options import SolverOptions
from tcrlab.contact._preconditioners import FourierPreconditioner, StencilPreconditioner

__all__ = ["polish_active_set", "polish_box"]


def polish_active_set(
    h: NDArray,
    size: tuple,
    p: NDArray,
    target_p: float,
    tol: float,
    max_iter: int,
    backend: str | None,
    precondition: str | None,
    options: SolverOptions,
) -> Solution:
    """Polish the elastic solution ``p`` (the caller's own float64 copy) to ``tol`` with the load
    ``target_p`` kept. With ``precondition`` None the linear CG is not preconditioned either.

    Parameters
    ----------
    h : ndarray
        Composite heights in units of their RMS h_rms, highest point at 0 [-] (periodic grid).
    size : tuple of float
        Physical size (Lx, Ly) [m].
    p : ndarray
        Starting pressure, normalised as p / (E' h_rms) [1/m]; float64, modified in place.
    target_p : float
        Mean pressure to carry, normalised like ``p`` [1/m].
    tol : float
        Stopping tolerance: RMS gap over the contact set in units of h_rms [-].
    max_iter : int
        Iterations allowed (the linear CG's counted).
    backend : str or None
        FFT backend (None: the default for the grid).
    precondition : str or None
        "stencil", "fourier" or None (no preconditioner).
    options : SolverOptions
        Tuning constants of the iterations.

    Returns
    -------
    Solution
        The polished state; ``converged`` False hands over to the constrained CG (``u`` None).
    """
    load = target_p * h.size
    p = np.maximum(p, 0.0, out=p)

    def rescale(p: NDArray) -> bool:
        total = float(p.sum(dtype=np.float64))
        if not total > 0:
            return False
        p *= load / total
        return True

    return _rounds(h, size, p, tol, max_iter, backend, precondition, options, rescale,
                   lambda p, u: kern.active_set(p, u, h, 0.1 * tol, tol))


def polish_box(
    h: NDArray,
    size: tuple,
    p: NDArray,
    target_p: float,
    cap: float,
    tol: float,
    max_iter: int,
    backend: str | None,
    precondition: str | None,
    options: SolverOptions,
) -> Solution:
    """The polish of an elastic–plastic solution (0 ≤ p ≤ ``cap``).

    Each round restores the load by shifting the free points (0 < p < cap) uniformly, evaluates the
    exact float64 gap, lists the free points with the points at p = 0 that overlap and the points at
    the cap whose gap opens, solves the linear system for the correction on that list (float32
    preconditioned CG with zero sum: the load is kept; the points held at the cap enter only through
    their displacement) and clips p to [0, cap].

    Parameters
    ----------
    h : ndarray
        Composite heights in units of their RMS h_rms, highest point at 0 [-] (periodic grid).
    size : tuple of float
        Physical size (Lx, Ly) [m].
    p : ndarray
        Starting pressure, normalised as p / (E' h_rms) [1/m]; float64, modified in place.
    target_p : float
        Mean pressure to carry, normalised like ``p`` [1/m].
    cap : float
        Pressure cap (the hardness), normalised like ``p`` [1/m].
    tol : float
        Stopping tolerance: RMS gap over the free set in units of h_rms [-].
    max_iter : int
        Iterations allowed (the linear CG's counted).
    backend : str or None
        FFT backend (None: the default for the grid).
    precondition : str or None
        "stencil", "fourier" or None (no preconditioner).
    options : SolverOptions
        Tuning constants of the iterations.

    Returns
    -------
    Solution
        The polished state; ``converged`` False hands over to the root search (``u`` None).
    """
    load = target_p * h.size
    # points at the float32 cap carry the float64 cap (float32 rounds it either way)
    p[p >= min(cap, float(np.float32(cap)))] = cap
    np.clip(p, 0.0, cap, out=p)

    def restore(p: NDArray) -> bool:  # False once the free points can no longer carry the load
        total = restore_load(p, cap, load, 0.1 * tol * load, options.load_shifts)
        return abs(total - load) <= tol * load

    return _rounds(h, size, p, tol, max_iter, backend, precondition, options, restore,
                   lambda p, u: kern.active_set(p, u, h, 0.1 * tol, tol, cap), cap)


def _rounds(
    h: NDArray,
    size: tuple,
    p: NDArray,
    tol: float,
    max_iter: int,
    backend: str | None,
    precondition: str | None,
    options: SolverOptions,
    restore: Callable[[NDArray], bool],
    find_set: Callable[[NDArray, NDArray], kern.ActiveSet],
    cap: float = np.inf,
) -> Solution:
    """The rounds of both polishes: ``restore(p)`` puts the load back (False: it cannot),
    ``find_set(p, u)`` lists the set and its gap (with or without the cap), the float32 correction on
    the set keeps the load, and p is clipped to [0, ``cap``]. ``converged`` False hands over (u None)."""
    shape = h.shape
    conv = convolver(shape, size, True, np.float64, backend)
    k32 = convolver(shape, size, True, np.float32, backend)
    m32 = preconditioner(shape, size, np.float32, backend, precondition) if precondition else None
    history: list[float] = []
    c = 0.0
    changed = -1  # points that joined or left the set in the previous round (−1: first round)
    best = np.inf  # exact residual of the previous round: it must fall every round
    for _ in range(options.active_set_rounds):
        if len(history) >= max_iter or not restore(p):
            break
        u = conv.apply(p)[0]  # a view of the float64 plan's buffer (float32 transforms follow)
        found = find_set(p, u)
        c = found.c
        history.append(found.err)
        if found.err < tol and found.nbig == 0:
            return Solution(p, u.copy(), c, history, True)
        if found.err >= best:  # the set is still far from the solution's: no convergence, hand over
            break
        best = found.err
        w = found.w
        b = (w.mean() - w).astype(np.float32)  # −(gap on the set) with the rigid shift eliminated
        rms_b = float(w.std())  # the RMS of b, from the float64 values it was cast from
        loose = changed < 0 or changed > options.set_change * found.idx.size
        rtol = options.inner_rtol_loose if loose else options.inner_rtol
        d = _set_pcg(k32, m32, k32.support_index(found.idx), b, max(0.3 * tol, rtol * rms_b),
                     max_iter - len(history), history, options.stall_iterations)
        changed = kern.add_on_set(p, found.idx, d, cap) + found.nmove
    return Solution(p, None, c, history, False)  # the caller restarts from p; its u is not needed


def _set_pcg(
    kconv: Convolver,
    mconv: StencilPreconditioner | FourierPreconditioner | None,
    idx: NDArray[np.intp],
    b: NDArray[np.float32],
    target: float,
    max_iter: int,
    history: list[float],
    stall_window: int,
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
    stall = StallWatch(window=stall_window)  # float32 round-off floor: the next exact round refines further
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
