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
Valid for small slopes (linear elasticity, half-space).

This module is the public front: it checks the inputs, scales them (heights in units of h_rms,
pressures in units of E'), chooses the stages and assembles the :class:`ContactResult`. The stages
live in their own modules, as in ContactMechanics:

- :mod:`._elastic` — the elastic constrained CG (coarse-to-fine start, preconditioned direction);
- :mod:`._active_set` — the float64 active-set polish after a float32 stage (mixed precision);
- :mod:`._box` — the elastic–plastic (box-constrained) iteration, displacement or load controlled;
- :mod:`._root_search` — the root search for the approach that carries a load;
- :mod:`._elastoplastic` — which of those the elastic–plastic path runs when;
- :mod:`._inputs` (validation, memory estimate), :mod:`._cache` (convolvers kept between solves),
  :mod:`._options` (:class:`SolverOptions`, the tuning constants).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tcrlab.contact import _threads
from tcrlab.contact._active_set import polish_active_set

# the convolver cache and its factory are re-exported for tcrlab.contact.thermal and the benchmarks
from tcrlab.contact._cache import CONVOLVERS as _CONVOLVERS  # noqa: F401
from tcrlab.contact._cache import convolver as _convolver  # noqa: F401
from tcrlab.contact._cg import Solution
from tcrlab.contact._elastic import solve_elastic
from tcrlab.contact._elastoplastic import solve_plastic
from tcrlab.contact._fft import SHARED_BUFFERS
from tcrlab.contact._inputs import check_solve_inputs, heights_and_size, require_solve_memory
from tcrlab.contact._options import DEFAULT_OPTIONS, SolverOptions
from tcrlab.errors import ConvergenceError, InputError

__all__ = ["ContactResult", "SolverOptions", "require_solve_memory", "solve", "solve_sweep"]


@dataclass(eq=False)
class ContactResult:
    """Solved contact, returned by :func:`solve`. Fields are on the topography grid.

    Attributes
    ----------
    pressure : ndarray
        Contact pressure [Pa].
    gap : ndarray
        Gap between the surfaces [m] (0 on the contact set).
    displacement : float
        Rigid approach from first touch [m].
    load : float
        Mean nominal pressure carried [Pa].
    iterations : int
        Iterations of every stage.
    history : list of float
        Residual of each iteration [-].
    converged : bool
        Whether the stopping rule was met.
    E_eff : float
        Contact modulus [Pa].
    physical_size : tuple of float
        (Lx, Ly) [m].
    periodic : bool
        Periodic boundaries.
    hardness : float or None
        Pressure cap [Pa] (None: elastic).
    heights : ndarray
        Composite heights [m].
    tol : float
        Stopping tolerance [-].
    timing : dict
        Wall time of the solve [s] under "total".
    """

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
        """Fraction of the nominal area in contact [-]."""
        return float(np.count_nonzero(self.pressure > 0) / self.pressure.size)

    @property
    def mean_gap(self) -> float:
        """Mean gap over the nominal area [m]."""
        return float(self.gap.mean(dtype=np.float64))

    @property
    def mean_pressure(self) -> float:
        """Mean pressure over the nominal area [Pa]."""
        return float(self.pressure.mean(dtype=np.float64))

    @property
    def plastic_fraction(self) -> float:
        """Fraction of the nominal area at the pressure cap [-] (0 for elastic contact)."""
        if self.hardness is None:
            return 0.0
        return float(np.count_nonzero(self.pressure >= self.hardness * (1 - 1e-12)) / self.pressure.size)

    @cached_property
    def spots(self) -> Any:
        """Labelled contact spots (:class:`tcrlab.contact.spots.ContactSpots`)."""
        from tcrlab.contact.spots import contact_spots

        return contact_spots(self.contact, self.physical_size, periodic=self.periodic)


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
    precondition: bool | str | None = True,
    options: SolverOptions = DEFAULT_OPTIONS,
) -> ContactResult:
    """Solve the normal contact of a rough composite surface against a flat elastic half-space.

    Parameters
    ----------
    topography : tcrlab.surfaces.Topography
        Heights [m] and physical size [m] (any object with ``heights`` and ``physical_size``).
    E_eff : float
        Contact modulus E' [Pa], 1/E' = (1−ν1²)/E1 + (1−ν2²)/E2.
    pressure : float, optional
        Mean nominal pressure p̄ over the whole grid [Pa] — load control; or
    displacement : float, optional
        Rigid approach δ from first touch [m] — displacement control (give exactly one).
    hardness : float, optional
        Pressure cap H [Pa] for elastic–perfectly-plastic contact (None: elastic).
    periodic : bool, optional
        Periodic boundaries (default: the topography's ``periodic``); False zero-pads (2n).
    tol : float
        Relative RMS gap on the contact set, ‖g‖/(√n_A · h_rms) [-], at which iteration stops; no
        point outside the contact set may then overlap by more than tol · h_rms.
    max_iter : int
        Iterations allowed, every stage's counted.
    dtype : numpy dtype
        float64 (default) or float32 (faster, ~1e-6 relative accuracy: use tol ≥ 1e-6).
    initial : ContactResult or ndarray, optional
        A previous result (or pressure field [Pa]) to start from — load sweeps reuse it (elastic path
        and displacement control; a load-controlled elastic–plastic solve starts from the elastic
        solution, the closer start).
    coarse_to_fine : bool
        Start a cold load-controlled periodic solve on the 2 × 2-coarsened grid.
    backend : str, optional
        FFT backend ("mkl", "fftw", "scipy"; None: the fastest available for the grid).
    raise_on_failure : bool
        Raise ConvergenceError when ``max_iter`` is reached (else return with ``converged`` False).
    mixed_precision : bool
        For float64 on grids of at least ``options.mixed_min_points``, first identify the contact in
        float32, then polish in float64 — under load control on periodic grids by an active-set
        iteration (exact float64 gap, linear float32 solve on the contact set), else by the
        constrained CG (same answer in less time; ``iterations`` counts every stage's iterations).
        With ``hardness`` under load control: one load-controlled box solve in float32, then on
        periodic grids a float64 active-set polish with the cap (else float64 solves in a root
        search for the approach).
    precondition : bool or {"stencil", "fourier"}
        Load control, periodic grids: precondition the conjugate-gradient search direction on the
        contact set (elastic–plastic: the free set, stencil only) with the inverse compliance
        E'|q|/2 — True or ``"stencil"`` (default): its 3 × 3 real-space core, no transform;
        ``"fourier"``: exactly, one extra FFT pair per iteration; False or None: none. Both take
        fewer iterations than none; the stencil a few more than the exact operator, each cheaper.
        The answer is the same with any choice (timings: benchmarks/README.md).
    options : SolverOptions
        Tuning constants of the iterations (the answer does not depend on them within ``tol``).

    Returns
    -------
    ContactResult
        Pressure [Pa] and gap [m] fields, area fraction, mean gap, iterations, residual history,
        approach and load; contact mask and spots.

    Raises
    ------
    InputError
        A bad input (naming it, its value and the valid range), or a grid too large for memory.
    ConvergenceError
        ``max_iter`` reached (unless ``raise_on_failure=False``).

    References
    ----------
    Polonsky, I. A. & Keer, L. M. (1999) Wear 231, 206–219 (constrained CG).
    Almqvist, A., Sahlin, F., Larsson, R. & Lundberg, S. (2007) Tribol. Int. 40, 574 (pressure cap).
    Johnson, K. L. (1985) *Contact Mechanics*, §3 (half-space compliance).

    Examples
    --------
    A sinusoidal bump on a periodic 64² grid under a light load touches on a small patch:

    >>> import numpy as np
    >>> from tcrlab.contact import solve
    >>> from tcrlab.surfaces import Topography
    >>> x = np.arange(64) / 64
    >>> h = 1e-6 * np.cos(2 * np.pi * x)[:, None] * np.cos(2 * np.pi * x)[None, :]
    >>> res = solve(Topography(h, (1e-3, 1e-3)), E_eff=100e9, pressure=1e6)
    >>> res.converged, 0 < res.area_fraction < 0.5, round(res.load / 1e6, 6)
    (True, True, 1.0)
    """
    h, size, per = heights_and_size(topography, periodic)
    precondition, dtype = check_solve_inputs(E_eff, pressure, displacement, hardness, tol, precondition,
                                             dtype, options)
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
            sol = _solve_elastic_stages(hn, size, per, dtype, target_p, c_fixed, tol, max_iter, p_init,
                                        coarse_to_fine, backend, mixed_precision, precondition, options)
        else:
            sol = solve_plastic(hn, size, per, dtype, target_p, c_fixed, hardness / p_scale / scale_h, tol,
                                max_iter, p_init, backend, precondition, mixed_precision, options)
    if not sol.converged and raise_on_failure:
        raise ConvergenceError(
            f"contact solver did not reach tol={tol:g} in {max_iter} iterations "
            f"(last residual {sol.history[-1] if sol.history else float('nan'):.3g})"
        )
    pr, gap = _fields(sol, hn, scale_h, p_scale, hardness)
    return ContactResult(
        pressure=pr,
        gap=gap,
        displacement=float(-sol.c * scale_h),
        load=float(pr.mean()),
        iterations=len(sol.history),
        history=sol.history,
        converged=sol.converged,
        E_eff=float(E_eff),
        physical_size=size,
        periodic=per,
        hardness=hardness,
        heights=h,
        tol=tol,
        timing={"total": time.perf_counter() - t0},
    )


def _solve_elastic_stages(
    hn: NDArray, size: tuple, periodic: bool, dtype: np.dtype, target_p: float | None,
    c_fixed: float | None, tol: float, max_iter: int, p_init: NDArray | None, coarse_to_fine: bool,
    backend: str | None, mixed_precision: bool, precondition: str | None, options: SolverOptions,
) -> Solution:
    """The elastic path: the constrained CG, or under mixed precision a float32 stage first and then
    the float64 active-set polish (load control, periodic) or the float64 constrained CG from the
    float32 answer. A polish that cannot finish hands its pressure to the constrained CG."""
    history0: list[float] = []
    if mixed_precision and dtype == np.float64 and hn.size >= options.mixed_min_points and tol < options.mixed_tol:
        # identify the contact in float32 (half the memory traffic), polish in float64
        stage = solve_elastic(hn.astype(np.float32), size, periodic, np.dtype(np.float32), target_p, c_fixed,
                              options.mixed_tol, max_iter, p_init, coarse_to_fine, backend, precondition,
                              options)
        history0 = stage.history
        p_init = stage.p.astype(np.float64)
        del stage
        if periodic and target_p is not None:
            pol = polish_active_set(hn, size, p_init, target_p, tol, max_iter - len(history0), backend,
                                    precondition, options)
            history0 = history0 + pol.history
            if pol.converged:
                return pol._replace(history=history0)
            p_init = pol.p  # the constrained CG takes over from where the polish stopped
    sol = solve_elastic(hn, size, periodic, dtype, target_p, c_fixed, tol, max_iter, p_init, coarse_to_fine,
                        backend, precondition, options)
    return sol._replace(history=history0 + sol.history)


def _fields(sol: Solution, hn: NDArray, scale_h: float, p_scale: float, hardness: float | None,
            ) -> tuple[NDArray, NDArray]:
    """Pressure [Pa] and gap [m] fields of a normalised solution, built in place (at large grids
    every full-grid temporary is hundreds of MB); the gap is exactly 0 on the contact set and points
    at the cap carry H exactly (in float32 the scaled cap falls short of H by its round-off)."""
    p, u, c = sol.p, sol.u, sol.c
    gap = np.subtract(u, hn, dtype=np.float64)
    del u
    gap += c
    np.maximum(gap, 0.0, out=gap)
    gap *= scale_h
    at_cap = None if hardness is None else p >= p.dtype.type(hardness / p_scale / scale_h)
    pr = p.astype(np.float64)
    del p
    pr *= p_scale * scale_h
    if at_cap is not None:
        pr[at_cap] = hardness
        np.minimum(pr, hardness, out=pr)
    gap[pr > 0] = 0.0  # exactly closed on the contact set
    return pr, gap


def solve_sweep(
    topography: Any,
    E_eff: float,
    pressures: NDArray | Sequence[float],
    *,
    callback: Callable[[int, ContactResult], Any] | None = None,
    **kwargs: Any,
) -> list[ContactResult]:
    """Solve at each pressure in turn, starting every load step from the previous solution.

    Parameters
    ----------
    topography : tcrlab.surfaces.Topography
        Heights [m] and physical size [m].
    E_eff : float
        Contact modulus E' [Pa].
    pressures : array_like
        Mean nominal pressures [Pa], solved in the given order.
    callback : callable, optional
        Called as ``callback(i, result)`` after each step.
    **kwargs
        Passed to :func:`solve`.

    Returns
    -------
    list of ContactResult
        One result per pressure.

    Examples
    --------
    >>> import numpy as np
    >>> from tcrlab.contact.solver import solve_sweep
    >>> from tcrlab.surfaces import Topography
    >>> x = np.arange(32) / 32
    >>> h = 1e-6 * np.cos(2 * np.pi * x)[:, None] * np.cos(2 * np.pi * x)[None, :]
    >>> out = solve_sweep(Topography(h, (1e-3, 1e-3)), 100e9, [1e6, 2e6])
    >>> out[0].area_fraction < out[1].area_fraction
    True
    """
    out: list[ContactResult] = []
    prev = None
    for i, pbar in enumerate(np.asarray(pressures, dtype=float).ravel()):
        res = solve(topography, E_eff, pressure=float(pbar), initial=prev, **kwargs)
        out.append(res)
        prev = res
        if callback is not None:
            callback(i, res)
    return out
