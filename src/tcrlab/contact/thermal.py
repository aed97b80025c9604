"""Thermal contact conductance from a solved rough contact: constriction (two routes), gap, radiation.

Constriction conductance h_c (W/m²K) of the real contact spots between two half-spaces with
k_s = 2 k1 k2/(k1 + k2):

(a) Barber's analogy, Proc. R. Soc. Lond. A 459 (2003) 53–66: h_c = (k_s/E') dp̄/dδ, the incremental
    normal stiffness of the contact, here by a central finite difference of two displacement-
    controlled solves of the full (nonlinear) contact problem around the solved approach δ;
(b) the thermal boundary-value problem itself: the contact set isothermal, no flux through the gap,
    each half-space's surface temperature from the flux by the same BEM kernel with k in place of
    E'/2 — in series, θ(q) = 2 q(q)/(k_s|q|) — solved by conjugate gradients on the fixed contact set:
    h_c = mean flux / temperature jump.

Single circular spot of radius a (non-periodic): h_c·A0 = 2 k_s a, i.e. 1/(4 k a) per side (Holm 1967;
Carslaw & Jaeger 1959).

Complete contact of a periodic cell (every point touching): the heat flows straight through, there is
no constriction and the interface adds no resistance, so h_c = ∞ (R_c = 1/h_c = 0). This is the exact
limit of the periodic BVP: its kernel 2/|q| has no uniform (q = 0) mode, so a uniform temperature jump
over the whole cell would need an unbounded flux. What remains in a real joint is the bulk conduction
of the two solids, which belongs to the heat path (their layers), not to the interface. A non-periodic window in full contact is
a flat punch on an otherwise free plane and keeps a finite h_c. Gap conductance integrates a local gas-gap model over the solved gap,
h_g = ⟨k_gas/(g + M)⟩ over the non-contact points (Yovanovich's local model; M = αβΛ the rarefaction
parameter), radiation h_r = 4σT³/(1/ε1 + 1/ε2 − 1) for parallel grey plates; h_j = h_c + h_g + h_r.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from tcrlab.contact._fft import SHARED_BUFFERS
from tcrlab.contact.solver import ContactResult, _convolver, solve
from tcrlab.errors import ConvergenceError, InputError

__all__ = ["ConductanceResult", "conductance", "constriction_bvp", "constriction_stiffness"]

STEFAN_BOLTZMANN = 5.670374419e-8


@dataclass(frozen=True)
class ConductanceResult:
    """Conductances of a solved contact, returned by :func:`conductance`.

    Attributes
    ----------
    h_c : float
        Constriction conductance by the thermal BVP (route b) [W/(m² K)]; ``inf`` for the complete
        contact of a periodic cell.
    h_g : float
        Gap conductance over the non-contact points [W/(m² K)].
    h_r : float
        Radiation conductance [W/(m² K)].
    h_c_stiffness : float or None
        Constriction conductance by Barber's stiffness analogy (route a) [W/(m² K)] (None: not
        computed).
    cg_iterations : int
        Conjugate-gradient iterations of the thermal BVP.
    """

    h_c: float
    h_g: float
    h_r: float
    h_c_stiffness: float | None
    cg_iterations: int

    @property
    def h_j(self) -> float:
        """Joint conductance h_c + h_g + h_r [W/(m² K)]."""
        return self.h_c + self.h_g + self.h_r

    @property
    def routes_agree(self) -> float | None:
        """Relative difference |h_c(stiffness)/h_c(BVP) − 1| (None if not computed)."""
        if self.h_c_stiffness is None or self.h_c == 0:
            return None
        if np.isinf(self.h_c) and np.isinf(self.h_c_stiffness):
            return 0.0  # complete contact: both routes unbounded
        return abs(self.h_c_stiffness / self.h_c - 1)


def constriction_bvp(
    result: ContactResult, k_s: float, *, rtol: float = 1e-10, max_iter: int = 10000
) -> tuple[float, int]:
    """h_c by the thermal BVP on the fixed contact set (route b). Returns (h_c, CG iterations).

    Complete contact of a periodic cell returns ``inf`` (no constriction; see the module docstring).

    Parameters
    ----------
    result : ContactResult
        A solution of :func:`tcrlab.contact.solve`; its contact set is held fixed.
    k_s : float
        Effective solid conductivity 2 k1 k2/(k1 + k2) [W/(m K)].
    rtol : float
        Relative residual at which the CG stops [-].
    max_iter : int
        CG iterations allowed.

    Returns
    -------
    h_c : float
        Constriction conductance [W/(m² K)] (0 without contact, ``inf`` for a periodic cell in
        complete contact).
    iterations : int
        CG iterations used.

    Raises
    ------
    ConvergenceError
        ``max_iter`` reached.

    References
    ----------
    Holm (1967) *Electric Contacts*; Carslaw & Jaeger (1959) *Conduction of Heat
    in Solids* (the single-spot limit h_c A0 = 2 k_s a).

    Examples
    --------
    Two cosine summits in a 1 mm periodic cell of stainless steel (k_s = 16 W/(m K)):

    >>> import numpy as np
    >>> from tcrlab.contact import solve
    >>> from tcrlab.surfaces import Topography
    >>> x = np.arange(32) / 32
    >>> h = 1e-6 * np.cos(2 * np.pi * x)[:, None] * np.cos(2 * np.pi * x)[None, :]
    >>> res = solve(Topography(h, (1e-3, 1e-3)), E_eff=100e9, pressure=1e6)
    >>> h_c, its = constriction_bvp(res, 16.0)
    >>> f"{h_c:.3g}"
    '3.73e+03'
    """
    mask = result.contact
    if not mask.any():
        return 0.0, 0
    if result.periodic and mask.all():
        return float("inf"), 0
    shape = mask.shape
    conv = _convolver(shape, result.physical_size, result.periodic, np.float64, None)
    # K1 x = 1 on A (unit modulus kernel 2/|q|); flux q = k_s x for a unit temperature jump
    x = np.zeros(shape)
    r = mask.astype(float)  # residual b − A x with b = 1 on A
    d = r.copy()
    rr = float((r * r).sum())
    rr0 = rr
    it = 0
    with SHARED_BUFFERS:  # the convolver's FFT buffers are shared with any solve on this grid
        for it in range(1, max_iter + 1):
            ad, dad = conv.apply(d, out=np.empty(shape))
            ad *= mask
            if not dad > 0:  # the search direction is uniform: no constriction left to resolve
                return float("inf"), it
            alpha = rr / dad
            x += alpha * d
            r -= alpha * ad
            rr_new = float((r * r).sum())
            if rr_new <= rtol**2 * rr0:
                break
            d *= rr_new / rr
            d += r
            rr = rr_new
        else:
            raise ConvergenceError(f"thermal BVP CG did not converge in {max_iter} iterations")
    return float(k_s * x.mean()), it


def constriction_stiffness(result: ContactResult, k_s: float, rel_step: float = 1e-6) -> float:
    """h_c = (k_s/E') dp̄/dδ by central differences of displacement-controlled solves (route a).

    Parameters
    ----------
    result : ContactResult
        An elastic solution of :func:`tcrlab.contact.solve`.
    k_s : float
        Effective solid conductivity 2 k1 k2/(k1 + k2) [W/(m K)].
    rel_step : float
        Half-step of the approach in units of the RMS height [-].

    Returns
    -------
    float
        Constriction conductance [W/(m² K)].

    Raises
    ------
    InputError
        ``result`` is elastic–plastic (the analogy holds for elastic contact only).

    References
    ----------
    Barber (2003) Proc. R. Soc. Lond. A 459, 53–66 (the stiffness–conductance analogy).

    Examples
    --------
    The same contact as in :func:`constriction_bvp`: the two routes agree.

    >>> import numpy as np
    >>> from tcrlab.contact import solve
    >>> from tcrlab.surfaces import Topography
    >>> x = np.arange(32) / 32
    >>> h = 1e-6 * np.cos(2 * np.pi * x)[:, None] * np.cos(2 * np.pi * x)[None, :]
    >>> res = solve(Topography(h, (1e-3, 1e-3)), E_eff=100e9, pressure=1e6)
    >>> f"{constriction_stiffness(res, 16.0):.3g}"
    '3.73e+03'
    """
    if result.hardness is not None:
        raise InputError("result", "an elastic–plastic contact", "an elastic contact for Barber's analogy")
    h_rms = float(np.std(result.heights))
    eps = rel_step * h_rms
    topo = _Topo(result.heights, result.physical_size, result.periodic)
    loads = []
    for dd in (-eps, eps):
        r = solve(
            topo, result.E_eff, displacement=result.displacement + dd, periodic=result.periodic,
            tol=1e-13, initial=result, max_iter=20000,
        )
        loads.append(r.load)
    return float(k_s / result.E_eff * (loads[1] - loads[0]) / (2 * eps))


@dataclass(frozen=True)
class _Topo:
    heights: NDArray
    physical_size: tuple[float, float]
    periodic: bool


def gap_conductance_field(gap: NDArray, contact: NDArray, k_gas: float, M: float) -> float:
    """⟨k_gas/(g + M)⟩ over the non-contact points, averaged over the nominal area (W/m²K)."""
    g = np.asarray(gap, float)
    with np.errstate(divide="ignore"):
        local = np.where(contact | (g + M <= 0), 0.0, k_gas / (g + M))
    return float(local.mean())


def conductance(
    result: ContactResult,
    k_s: float,
    *,
    k_gas: float = 0.0,
    M: float = 0.0,
    emissivity: tuple[float, float] | None = None,
    temperature: float | None = None,
    h_r: float | None = None,
    check_stiffness: bool = True,
) -> ConductanceResult:
    """Joint conductance h_j = h_c + h_g + h_r of a solved contact (see module docstring).

    Parameters
    ----------
    result : ContactResult
        A solution of :func:`tcrlab.contact.solve`.
    k_s : float
        Effective solid conductivity 2 k1 k2/(k1 + k2) [W/(m K)].
    k_gas : float
        Gas conductivity [W/(m K)] for h_g (0: vacuum).
    M : float
        Gas rarefaction parameter M = αβΛ [m].
    emissivity : tuple of float, optional
        (ε1, ε2) [-] for h_r (with ``temperature``).
    temperature : float, optional
        Joint temperature [K] for h_r.
    h_r : float, optional
        Radiation conductance [W/(m² K)] given directly (default 0 unless ``emissivity`` is given).
    check_stiffness : bool
        Also compute h_c by Barber's stiffness analogy (elastic contacts only).

    Returns
    -------
    ConductanceResult
        h_c, h_g, h_r [W/(m² K)], the stiffness route's h_c and the CG iterations; ``h_j`` their sum.

    Raises
    ------
    InputError
        A bad input (naming it, its value and the valid range).

    References
    ----------
    Barber (2003) Proc. R. Soc. Lond. A 459, 53–66 (route a).
    Yovanovich's local gap model h_g = k_gas/(g + M) (see :mod:`tcrlab.conductance.gap`).

    Examples
    --------
    Two cosine summits in a 1 mm periodic cell of stainless steel, with a gas of illustrative
    k_gas = 0.026 W/(m K) and M = 0.4 µm:

    >>> import numpy as np
    >>> from tcrlab.contact import solve
    >>> from tcrlab.surfaces import Topography
    >>> x = np.arange(32) / 32
    >>> h = 1e-6 * np.cos(2 * np.pi * x)[:, None] * np.cos(2 * np.pi * x)[None, :]
    >>> res = solve(Topography(h, (1e-3, 1e-3)), E_eff=100e9, pressure=1e6)
    >>> out = conductance(res, 16.0, k_gas=0.026, M=0.4e-6)
    >>> f"{out.h_c:.3g}", f"{out.h_g:.3g}", out.routes_agree < 1e-6
    ('3.73e+03', '2.25e+04', True)
    """
    if not isinstance(result, ContactResult):
        raise InputError("result", type(result).__name__, "a ContactResult from tcrlab.contact.solve")
    if not (np.isfinite(k_s) and k_s > 0):
        raise InputError("k_s", k_s, "a conductivity > 0 (W/m K)")
    if not (np.isfinite(k_gas) and k_gas >= 0):
        raise InputError("k_gas", k_gas, "a gas conductivity ≥ 0 (W/m K)")
    if not (np.isfinite(M) and M >= 0):
        raise InputError("M", M, "a rarefaction parameter ≥ 0 (m)")
    if k_gas > 0 and M == 0 and not (result.gap[~result.contact] > 0).all():
        raise InputError("M", M, "> 0 when some non-contact gap is zero")
    if h_r is None and emissivity is not None and temperature is None:
        raise InputError("temperature", None, "the joint temperature (K) for radiation",
                         problem="emissivity given without a temperature")
    h_c, its = constriction_bvp(result, k_s)
    h_cs = None
    if check_stiffness and result.hardness is None:
        # complete contact: the stiffness is unbounded too (no displacement-controlled solve to difference)
        h_cs = constriction_stiffness(result, k_s) if np.isfinite(h_c) else h_c
    h_g = gap_conductance_field(result.gap, result.contact, k_gas, M) if k_gas > 0 else 0.0
    if h_r is None:
        h_r = 0.0
        if emissivity is not None and temperature is not None:
            e1, e2 = emissivity
            if not (0 < e1 <= 1 and 0 < e2 <= 1):
                raise InputError("emissivity", emissivity, "0 < ε ≤ 1 for both surfaces")
            if not temperature > 0:
                raise InputError("temperature", temperature, "an absolute temperature > 0 K")
            h_r = 4 * STEFAN_BOLTZMANN * temperature**3 / (1 / e1 + 1 / e2 - 1)
    return ConductanceResult(h_c=h_c, h_g=h_g, h_r=float(h_r), h_c_stiffness=h_cs, cg_iterations=its)
