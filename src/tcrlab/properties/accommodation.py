"""Thermal accommodation coefficient (TAC) of a gas on an engineering metal surface.

Song & Yovanovich correlation (S. Song & M. M. Yovanovich, "Correlation of thermal accommodation
coefficient for engineering surfaces", ASME HTD-Vol. 69, 1987, pp. 107–116; quoted in Song, Yovanovich &
Goodman, J. Heat Transfer 115 (1993) 533–540 and Yovanovich, IEEE Trans. CPT 28 (2005) 182–206):

    TAC = exp[−0.57 (T_s − T₀)/T₀] · M*_g/(6.8 + M*_g)
          + 2.4 μ/(1 + μ)² · {1 − exp[−0.57 (T_s − T₀)/T₀]}

with T₀ = 273 K, μ = M_g/M_s (gas/solid molar masses), M*_g = M_g (g/mol) for monatomic gases and
1.4 M_g for diatomic and polyatomic gases. Developed for "engineering" (contaminated, oxidised) metal
surfaces; the authors report agreement with ≈ 200 measurements within ≈ 25 %. Typical values at 300 K:
He on steel ≈ 0.36, N₂/air ≈ 0.83, Ar ≈ 0.86.
"""

from __future__ import annotations

import warnings

import numpy as np
from numpy.typing import ArrayLike

from tcrlab._arrays import scalar_or_array as _out
from tcrlab.errors import ValidityWarning
from tcrlab.validation import require_in_range, require_positive, warn_outside

__all__ = ["T0_ACCOMMODATION", "accommodation_coefficient", "accommodation_parameter"]

T0_ACCOMMODATION = 273.0  # K, reference temperature of the correlation


def accommodation_coefficient(
    gas_molar_mass: ArrayLike,
    solid_molar_mass: ArrayLike,
    temperature: ArrayLike,
    *,
    monatomic: bool,
) -> float | np.ndarray:
    """Song–Yovanovich (1987) TAC of a gas on a metal; molar masses in kg/mol, T in K.

    Source and formula: see the module docstring (Song & Yovanovich, ASME HTD-Vol. 69, 1987). Validity:
    engineering metal surfaces, 77 K ≤ T ≤ 1000 K as applied here (ValidityWarning outside; the
    correlation's ≈25 % scatter band applies inside); a value outside (0, 1] is clipped with a warning.

    Parameters
    ----------
    gas_molar_mass : array_like
        Molar mass of the gas [kg/mol].
    solid_molar_mass : array_like
        Molar mass of the solid [kg/mol].
    temperature : array_like
        Temperature [K].
    monatomic : bool
        Whether the gas is monatomic (the correlation differs for polyatomic gases).

    Returns
    -------
    float or ndarray
        Thermal accommodation coefficient TAC in (0, 1] [-].

    References
    ----------
    Song & Yovanovich, ASME HTD-Vol. 69 (1987).

    Examples
    --------
    Helium on copper at 300 K:

    >>> round(accommodation_coefficient(4.0026e-3, 63.546e-3, 300.0, monatomic=True), 4)
    0.3575
    """
    mg = require_positive("gas_molar_mass", gas_molar_mass) * 1e3  # g/mol
    ms = require_positive("solid_molar_mass", solid_molar_mass) * 1e3
    t = require_positive("temperature", temperature)
    warn_outside("temperature", t, 77.0, 1000.0, model="Song-Yovanovich accommodation correlation")
    m_star = mg if monatomic else 1.4 * mg
    mu = mg / ms
    e = np.exp(-0.57 * (t - T0_ACCOMMODATION) / T0_ACCOMMODATION)
    out = e * m_star / (6.8 + m_star) + 2.4 * mu / (1.0 + mu) ** 2 * (1.0 - e)
    if np.any((out > 1.0) | (out < 1e-6)):
        warnings.warn("Song-Yovanovich accommodation correlation: TAC outside (0, 1] (clipped); the "
                      "correlation is extrapolated here", ValidityWarning, stacklevel=2)
    return _out(np.clip(out, 1e-6, 1.0))


def accommodation_parameter(tac1: ArrayLike, tac2: ArrayLike) -> float | np.ndarray:
    """α = (2 − TAC₁)/TAC₁ + (2 − TAC₂)/TAC₂ (Yovanovich 1982 gap model; TAC in (0, 1]).

    Parameters
    ----------
    tac1, tac2 : array_like
        Thermal accommodation coefficients of the two surfaces, in (0, 1] [-].

    Returns
    -------
    float or ndarray
        Accommodation parameter α [-].

    References
    ----------
    Song, Yovanovich & Goodman, J. Heat Transfer 115 (1993) 533–540 (the gap model's α).

    Examples
    --------
    >>> accommodation_parameter(0.5, 1.0)
    4.0
    """
    a1 = require_in_range("tac1", tac1, 0.0, 1.0, low_inclusive=False,
                          why="an accommodation coefficient lies in (0, 1]")
    a2 = require_in_range("tac2", tac2, 0.0, 1.0, low_inclusive=False,
                          why="an accommodation coefficient lies in (0, 1]")
    out = (2.0 - a1) / a1 + (2.0 - a2) / a2
    return _out(out)
