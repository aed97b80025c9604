"""Tuning constants of the FFT contact solver, in one frozen options object.

Every field steers the path of the iteration, not the physics: a converged solve meets the same
stopping rule (``tol``) whatever their values, only the iterations and the time to get there change.
The defaults were chosen by measurement (benchmarks/README.md, "Contact solver tuning"); tests pass
other values to reach branches that default solves take rarely (a polish that gives up, a
load-controlled box solve that hands over to the root search).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from tcrlab.errors import InputError

__all__ = ["DEFAULT_OPTIONS", "SolverOptions"]


@dataclass(frozen=True)
class SolverOptions:
    """Tuning constants of :func:`tcrlab.contact.solve` (defaults measured; see benchmarks/README.md).

    Parameters
    ----------
    lazy_refresh : int
        Iterations of the plain elastic CG between exact refreshes u = K p while points clip or
        join (the recursive update u ← u − τKt is inexact for those points until then).
    lazy_refresh_stencil, lazy_refresh_fourier : int
        The same for the stencil- and Fourier-preconditioned iterations: their steps are larger and
        need the exact u sooner; the stencil's cheaper iterations gain from rarer refreshes.
    full_refresh : int
        Iterations after which u is recomputed exactly even if the set held still (round-off of
        the recursive update accumulates).
    join_refresh : float
        Fraction of the contact set that, once joined since the last refresh, keeps a refresh due
        at the lazy interval after the set holds still (a start from another load's solution joins
        most of its set in the first steps; one point joining a large set does not matter).
    mixed_min_points : int
        float64 solves on grids of at least this many points go through float32 first (below it
        the float32 stage costs more than it saves).
    mixed_tol : float
        Target of that float32 stage; the float64 polish takes it from there.
    stall_iterations : int
        Iterations without a 10 % gain after which a float32 iteration counts as stalled.
    stall_below : float
        float32 iterations stall only below this residual (near their round-off floor).
    beta_restart : float
        A Fletcher–Reeves β above this restarts the CG: a step that joins points between two
        refreshes can raise the residual by orders of magnitude, and a direction built with such
        a β never recovers (a clean CG step has β of order 1).
    precond_give_up : int
        Iterations without a 10 % gain after which the preconditioned elastic iteration goes on
        unpreconditioned (it can stall on contact sets of a few points; the plain CG does not).
    coarse_min_side : int
        Smallest side of a grid that first solves on the 2 × 2-coarsened grid.
    coarse_tol : float
        Loosest tolerance the coarse start is solved to (times ``coarse_tol_factor``).
    coarse_tol_factor : float
        The coarse start is solved to ``coarse_tol_factor · max(tol, coarse_tol)``: it only has to
        find the set approximately.
    active_set_rounds : int
        Exact (float64) evaluations of the active-set polish before it hands over.
    inner_rtol : float
        Relative target of the float32 linear solve of a polish round (its round-off floor is ~1e-6).
    inner_rtol_loose : float
        The same while the contact set still changes: its error then dominates, solving further is
        wasted.
    set_change : float
        Fraction of the set joining or leaving in a round that counts as a change.
    plastic_search_tol : float
        Tolerance of the elastic–plastic load search; the final solve is to ``tol``.
    box_plain_below : float
        The preconditioned box iteration hands over to the plain CG within this multiple of the
        tolerance (preconditioned to the end, rim points keep crossing the bounds).
    max_projections : int
        Refills of an emptied free set before the load-controlled box solve gives up (a second
        refill meant cycling).
    load_shifts : int
        Newton steps restoring the load on the free set (Σp(shift) is piecewise linear: one to
        three are typical).
    elastic_start_tol : float
        Loosest tolerance of the elastic solve that starts a non-mixed elastic–plastic search.
    """

    lazy_refresh: int = 10
    lazy_refresh_stencil: int = 6
    lazy_refresh_fourier: int = 4
    full_refresh: int = 50
    join_refresh: float = 0.01
    mixed_min_points: int = 256 * 256
    mixed_tol: float = 1e-4
    stall_iterations: int = 25
    stall_below: float = 1e-4
    beta_restart: float = 1e4
    precond_give_up: int = 100
    coarse_min_side: int = 128
    coarse_tol: float = 1e-4
    coarse_tol_factor: float = 10.0
    active_set_rounds: int = 12
    inner_rtol: float = 1e-4
    inner_rtol_loose: float = 0.1
    set_change: float = 1e-4
    plastic_search_tol: float = 1e-5
    box_plain_below: float = 10.0
    max_projections: int = 1
    load_shifts: int = 8
    elastic_start_tol: float = 1e-6

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            integer = f.type in ("int", int)
            ok = isinstance(value, int) and not isinstance(value, bool) if integer else (
                isinstance(value, int | float) and not isinstance(value, bool))
            # max_projections may be 0 (never refill: hand over at once); every other knob is > 0
            low_ok = value >= 0 if f.name == "max_projections" else value > 0
            if not (ok and low_ok and value < float("inf")):
                kind = "an integer" if integer else "a finite number"
                bound = "≥ 0" if f.name == "max_projections" else "> 0"
                raise InputError(f"options.{f.name}", value, f"{kind} {bound}")

    def lazy_refresh_for(self, precondition: str | None) -> int:
        """Iterations between exact refreshes for the iteration with ``precondition``."""
        if precondition == "fourier":
            return self.lazy_refresh_fourier
        return self.lazy_refresh_stencil if precondition else self.lazy_refresh


DEFAULT_OPTIONS = SolverOptions()
