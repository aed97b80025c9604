"""The interface as parallel heat paths, and the temperature jump it causes.

Bergman, Lavine, Incropera & DeWitt, *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley (2011),
§3.1.4 (thermal contact resistance: ΔT = q''·R''_t,c; contact spots in parallel with the gap);
Madhusudana, *Thermal Contact Conductance*, 2nd ed., Springer (2014), ch. 1 (1/R_c = 1/R_s + 1/R_g + 1/R_r).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.network.algebra import parallel
from tcrlab.validation import require_finite, require_nonnegative

__all__ = ["contact_resistance", "temperature_jump"]


def temperature_jump(q_flux: ArrayLike, R_c: ArrayLike) -> NDArray[np.float64] | float:
    """Temperature jump across an interface: ΔT = q''·R_c (K).

    Parameters
    ----------
    q_flux : array_like
        Heat flux crossing the interface [W/m²] (either sign; the flux is continuous across it).
    R_c : array_like
        Interface (contact) resistance per unit area [m²·K/W], ≥ 0.

    Source: Bergman et al. (2011) eq. 3.20 (definition of the thermal contact resistance).
    Assumes steady state and no energy stored or generated at the interface.

    Returns
    -------
    float or ndarray
        Temperature jump ΔT [K].

    Examples
    --------
    >>> round(temperature_jump(1e4, 2e-4), 3)
    2.0
    """
    q = require_finite("q_flux", q_flux)
    r = require_nonnegative("R_c", R_c)
    out = q * r
    return float(out) if np.ndim(out) == 0 else out


def contact_resistance(
    R_const: ArrayLike, R_film: ArrayLike, R_rad: ArrayLike = np.inf
) -> NDArray[np.float64] | float:
    """Contact resistance of the parallel paths: 1/R_c = 1/R_const + 1/R_film + 1/R_rad.

    Constriction through the contact spots, conduction through the gap (gas or filler) and radiation
    across the gap act side by side (Madhusudana 2014, ch. 1; Yovanovich, *Four decades of research on
    thermal contact, gap, and joint resistance in microelectronics*, IEEE Trans. CPT 28 (2005) 182–206).
    Pass ``np.inf`` for a closed path (the gap in vacuum, radiation neglected). Units of the inputs
    (m²K/W or K/W, consistently).

    Parameters
    ----------
    R_const : array_like
        Constriction resistance through the contact spots [m²·K/W or K/W].
    R_film : array_like
        Resistance of the gap filler (gas, paste) [m²·K/W or K/W].
    R_rad : array_like, optional
        Radiation resistance across the gap [m²·K/W or K/W]; ``np.inf`` (default) neglects it.

    Returns
    -------
    float or ndarray
        Contact resistance R_c of the parallel paths [same unit as the inputs].

    Examples
    --------
    >>> round(contact_resistance(1e-4, 4e-4) * 1e4, 3)
    0.8
    """
    return parallel(R_const, R_film, R_rad)
