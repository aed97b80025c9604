"""Electrical contact conductance of rough surfaces: the thermal correlations with σ in place of k.

The constriction problem is the same Laplace problem for heat and for current, so every constriction
correlation of :mod:`tcrlab.conductance.constriction` gives the electrical contact conductance per unit
nominal area h_el [S/m²] when the harmonic-mean thermal conductivity k_s is replaced by the electrical
one, σ_s = 2σ₁σ₂/(σ₁ + σ₂) = 2/(ρ₁ + ρ₂). This is how COMSOL's Electrical Contact node uses the
Cooper–Mikic–Yovanovich and Mikic elastic correlations (COMSOL AC/DC Module User's Guide, "Electrical
Contact": constriction conductance h_c in S/m² from σ_asp, m_asp, p and H_c).

Wiedemann–Franz: for metals k = L T σ with the Lorenz number L₀ = (π²/3)(k_B/e)² (Sommerfeld value). For
two metal bodies touching at clean spots (no films) the thermal and electrical contact conductances
of the same spots are then linked by h_c = L₀ T h_el exactly when both bodies obey the law with the same
L (the constriction factor is identical): :func:`wiedemann_franz_thermal_conductance`. Films, alloys
with a phonon share of k, and low temperatures break it.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy import constants

from tcrlab._arrays import scalar_or_array as _out
from tcrlab.conductance import constriction as _con
from tcrlab.validation import require_positive

__all__ = [
    "LORENZ_NUMBER",
    "effective_electrical_conductivity",
    "electrical_contact_conductance",
    "wiedemann_franz_thermal_conductance",
]

# Sommerfeld value (π²/3)(k_B/e)² from the CODATA constants [W Ω/K²]
LORENZ_NUMBER = float(np.pi**2 / 3.0 * (constants.k / constants.e) ** 2)


def effective_electrical_conductivity(rho1: ArrayLike, rho2: ArrayLike) -> float | np.ndarray:
    """σ_s = 2σ₁σ₂/(σ₁ + σ₂) = 2/(ρ₁ + ρ₂), the electrical k_s of the constriction correlations.

    Parameters
    ----------
    rho1, rho2 : array_like
        Electrical resistivities of the two bodies [Ω·m], > 0.

    Returns
    -------
    float or ndarray
        Effective conductivity σ_s [S/m]; a float for scalar inputs.

    References
    ----------
    COMSOL AC/DC Module User's Guide, "Electrical Contact" (σ_s in the constriction conductance).

    Examples
    --------
    >>> effective_electrical_conductivity(1e-7, 1e-7)
    10000000.0
    """
    from tcrlab.electrical.constriction import _resistivities

    r1, r2 = _resistivities(rho1, rho2)
    return _out(2.0 / (r1 + r2))


def electrical_contact_conductance(model: str, rho1: ArrayLike, rho2: ArrayLike, *, sigma: ArrayLike,
                                   m: ArrayLike, pressure: ArrayLike | None = None,
                                   p_over_h: ArrayLike | None = None, E_eff: ArrayLike | None = None,
                                   flow_stress: ArrayLike | None = None) -> float | np.ndarray:
    """Electrical contact conductance h_el [S/m²] from a constriction correlation ("cmy", "mikic", ...).

    Parameters
    ----------
    model : str
        One of :data:`tcrlab.conductance.constriction.CONTACT_MODELS`.
    rho1, rho2 : float or array
        Resistivities [Ω·m].
    sigma, m : float or array
        Combined RMS roughness [m] and slope [-].
    pressure, p_over_h, E_eff, flow_stress
        As the chosen model needs them (see :func:`tcrlab.conductance.constriction.constriction_conductance`).

    Returns
    -------
    float or ndarray
        h_el [S/m²]; the specific contact resistance is 1/h_el [Ω·m²].

    References
    ----------
    Cooper, Mikic & Yovanovich, Int. J. Heat Mass Transfer 12 (1969) 279–300; Mikic, Int. J. Heat Mass
    Transfer 17 (1974) 205–214; COMSOL AC/DC Module User's Guide, "Electrical Contact".

    Examples
    --------
    >>> h = electrical_contact_conductance("cmy", 7.2e-7, 7.2e-7, sigma=1.5e-6, m=0.1, p_over_h=1e-3)
    >>> bool(1e7 < h < 1e10)
    True
    """
    s_el = effective_electrical_conductivity(rho1, rho2)
    r1 = np.asarray(rho1, float)
    r2 = np.asarray(rho2, float)
    return _con.constriction_conductance(model, k_s=s_el, sigma=sigma, m=m, pressure=pressure,
                                         p_over_h=p_over_h, E_eff=E_eff, flow_stress=flow_stress,
                                         k1=1.0 / r1 if np.all(r1 > 0) else None,
                                         k2=1.0 / r2 if np.all(r2 > 0) else None)


def wiedemann_franz_thermal_conductance(h_el: ArrayLike, temperature: ArrayLike,
                                        lorenz: ArrayLike = LORENZ_NUMBER) -> float | np.ndarray:
    """Thermal contact conductance of the same metal spots, h_c = L T h_el.

    Valid for clean metal spots whose bodies obey the Wiedemann–Franz law with the same L; films, alloys
    with a phonon share of k and low temperatures break it.

    Parameters
    ----------
    h_el : array_like
        Electrical contact conductance [S/m²].
    temperature : array_like
        Temperature [K].
    lorenz : array_like
        Lorenz number [W Ω/K²], default the Sommerfeld value :data:`LORENZ_NUMBER`.

    Returns
    -------
    float or ndarray
        Thermal contact conductance h_c [W/(m² K)]; a float for scalar inputs.

    References
    ----------
    Sommerfeld value L₀ = (π²/3)(k_B/e)² from the CODATA constants (:mod:`scipy.constants`).

    Examples
    --------
    >>> round(wiedemann_franz_thermal_conductance(1e9, 300.0))  # W/(m² K)
    7329
    """
    return _out(require_positive("h_el", h_el) * require_positive("temperature", temperature)
                * require_positive("lorenz", lorenz))

