"""The elastic–perfectly-plastic path (0 ≤ p ≤ H): which iteration runs when.

Displacement control is one box-constrained solve (:func:`tcrlab.contact._box.box_pk`). Load control
starts from the elastic solution capped at H:

1. one load-controlled box solve to ``options.plastic_search_tol``
   (:func:`tcrlab.contact._box.box_pk_load`; in float32 under mixed precision on float64 grids of at
   least ``options.mixed_min_points``);
2. under mixed precision on periodic grids, the float64 active-set polish with the cap
   (:func:`tcrlab.contact._active_set.polish_box`) to ``tol``; otherwise, or should it not finish,
   float64 solves at fixed approach in a root search (:func:`tcrlab.contact._root_search.load_root`)
   from step 1's approach.

Should step 1 cycle (seen when nearly every point flows), the root search does that stage too: p̄(c)
of the displacement-controlled problem is continuous and monotone in the approach, bracketed from
the elastic approach (a bound: the capped solid is softer); every inner solve is warm-started from
the nearest one.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from tcrlab.contact._active_set import polish_box
from tcrlab.contact._box import box_pk, box_pk_load
from tcrlab.contact._cg import Solution
from tcrlab.contact._elastic import solve_elastic
from tcrlab.contact._options import SolverOptions
from tcrlab.contact._root_search import load_root

__all__ = ["solve_plastic"]

# dp̄/dδ ≈ p̄/(0.45 h_rms): Persson's exponential load–separation law, Phys. Rev. Lett. 99 (2007)
# 125502 — the first guess of the root search's slope (heights in units of h_rms)
PERSSON_DECAY = 0.45


class _WarmStarts:
    """Displacement-controlled solves of the root search, keyed by (approach, tolerance); each new
    one starts from the nearest solved so far, and only the nearest few full-grid fields are kept."""

    def __init__(self, heights: dict[float, NDArray], size: tuple, periodic: bool, cap: float,
                 max_iter: int, backend: str | None, options: SolverOptions, history: list[float]) -> None:
        self.heights, self.size, self.periodic, self.cap = heights, size, periodic, cap
        self.max_iter, self.backend, self.options, self.history = max_iter, backend, options, history
        self.solved: dict[tuple[float, float], tuple[NDArray, NDArray, bool]] = {}

    def mean_pressure(self, c: float, inner_tol: float) -> float:
        key = (c, inner_tol)
        if key not in self.solved:
            near = min(self.solved, key=lambda k: (abs(k[0] - c), k[1]))
            hk = self.heights[inner_tol]
            sol = box_pk(hk, self.size, self.periodic, hk.dtype, c, self.cap, inner_tol,
                         max(self.max_iter - len(self.history), 1), self.solved[near][0], self.backend,
                         self.options)
            self.history.extend(sol.history)
            self.solved[key] = (sol.p, sol.u, sol.converged)
            if len(self.solved) > 3:  # full-grid fields: keep the nearest few as warm starts
                del self.solved[max(self.solved, key=lambda k: abs(k[0] - c))]
        return float(self.solved[key][0].mean(dtype=np.float64))


def solve_plastic(
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
    precondition: str | None,
    mixed_precision: bool,
    options: SolverOptions,
) -> Solution:
    """Elastic–perfectly-plastic contact on normalised heights (E' = 1), pressure cap ``cap``.

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
    cap : float
        Pressure cap (the hardness), normalised like ``target_p`` [1/m].
    tol : float
        Stopping tolerance: RMS gap over the free set in units of h_rms [-].
    max_iter : int
        Iterations allowed, every stage's counted.
    p_init : ndarray or None
        Starting pressure for displacement control, normalised like ``target_p`` [1/m].
    backend : str or None
        FFT backend (None: the default for the grid).
    precondition : str or None
        "stencil", "fourier" or None (no preconditioner).
    mixed_precision : bool
        Search in float32, finish in float64 (float64 grids of at least ``options.mixed_min_points``).
    options : SolverOptions
        Tuning constants of the iterations.

    Returns
    -------
    Solution
        The state reached; ``converged`` False when a stage did not converge.
    """
    if target_p is None:
        return box_pk(h, size, periodic, dtype, float(c_fixed), cap, tol, max_iter, p_init, backend, options)
    history: list[float] = []
    search_tol = max(tol, options.plastic_search_tol)
    mixed = (mixed_precision and dtype == np.float64 and h.size >= options.mixed_min_points
             and tol < search_tol)
    # float32 for the search (half the memory traffic), the final solves in the requested dtype
    heights = {search_tol: h.astype(np.float32) if mixed else h, tol: h}
    warm = _WarmStarts(heights, size, periodic, cap, max_iter, backend, options, history)
    solved = warm.solved

    h0 = heights[search_tol]
    elastic = solve_elastic(h0, size, periodic, h0.dtype, target_p, None,
                            search_tol if mixed else max(tol, options.elastic_start_tol), max_iter, None,
                            True, backend, precondition, options)
    c, start = elastic.c, np.minimum(elastic.p, cap, out=elastic.p)
    del elastic  # its u: one full-grid array less while the box solves run
    solved[(np.inf, np.inf)] = (start, start, True)  # a warm start only (its u is never read)
    stages = list(heights)  # search_tol, then tol (one stage if they are equal)
    # the search stage as one load-controlled solve; should it cycle, the root search over
    # displacement-controlled solves does that stage from the elastic start instead
    direct = box_pk_load(h0, size, periodic, h0.dtype, target_p, cap, search_tol, max_iter, start, c,
                         backend, precondition, options)
    history.extend(direct.history)
    ok = direct.converged
    if ok:
        c = direct.c
        solved[(c, search_tol)] = (direct.p, direct.u, True)
        stages = stages[1:]
    slope = target_p / PERSSON_DECAY
    for inner_tol in stages:
        if inner_tol == tol and mixed and periodic and ok:
            # float64 by the active-set polish from the float32 stage's solution: the load is kept
            # inside it, so no root search at tol (which stays the fallback)
            pol = polish_box(h, size, solved[(c, search_tol)][0].astype(np.float64), target_p, cap, tol,
                             max_iter - len(history), backend, precondition, options)
            history.extend(pol.history)
            if pol.converged:
                return Solution(pol.p, pol.u, pol.c, history, True)
        c, slope, ok = load_root(lambda x, t=inner_tol: warm.mean_pressure(x, t) - target_p, c, slope,
                                 inner_tol * target_p, lambda: len(history) < max_iter)
    p, u, converged = solved[(c, tol)]
    return Solution(p, u, c, history, ok and converged)
