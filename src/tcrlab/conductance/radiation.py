"""Radiation conductance across the gaps of a contact: two grey, diffuse, infinite parallel plates.

h_r = σ_SB ε_eff (T₁² + T₂²)(T₁ + T₂),  ε_eff = 1/(1/ε₁ + 1/ε₂ − 1)
(so that q = h_r (T₁ − T₂) = σ_SB ε_eff (T₁⁴ − T₂⁴); Incropera & DeWitt, *Fundamentals of Heat and Mass
Transfer*, 6th ed., 2007, eq. 13.24 with view factor 1). Valid when the gap is much wider than the
thermal wavelength (≈ 10 µm at 300 K): near-field enhancement across sub-micrometre gaps is neglected.
Usually < 1 % of h_j below ≈ 600 K except for very light loads in vacuum.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from tcrlab._arrays import require_broadcastable
from tcrlab._arrays import scalar_or_array as _out
from tcrlab.validation import require_in_range, require_positive

__all__ = ["STEFAN_BOLTZMANN", "effective_emissivity", "radiation_conductance"]

STEFAN_BOLTZMANN = 5.670374419e-8  # W/(m² K⁴), CODATA 2018 (exact in the 2019 SI)


def effective_emissivity(emissivity1: ArrayLike, emissivity2: ArrayLike) -> float | np.ndarray:
    """ε_eff = 1/(1/ε₁ + 1/ε₂ − 1) of two grey parallel plates; each ε in (0, 1].

    Source: Incropera & DeWitt, *Fundamentals of Heat and Mass Transfer*, 6th ed. (2007), eq. 13.24
    (two-surface enclosure, view factor 1). Valid for grey, diffuse, opaque surfaces.

    Parameters
    ----------
    emissivity1, emissivity2 : array_like
        Total hemispherical emissivities of the two surfaces [-], each in (0, 1].

    Returns
    -------
    float or ndarray
        Effective emissivity ε_eff [-].

    Examples
    --------
    >>> round(effective_emissivity(0.8, 0.5), 3)
    0.444
    """
    require_broadcastable(emissivity1=emissivity1, emissivity2=emissivity2)
    e1 = require_in_range("emissivity1", emissivity1, 0.0, 1.0, low_inclusive=False)
    e2 = require_in_range("emissivity2", emissivity2, 0.0, 1.0, low_inclusive=False)
    return _out(1.0 / (1.0 / e1 + 1.0 / e2 - 1.0))


def radiation_conductance(emissivity1: ArrayLike, emissivity2: ArrayLike, t1: ArrayLike,
                          t2: ArrayLike | None = None) -> float | np.ndarray:
    """h_r = σ_SB ε_eff (T₁² + T₂²)(T₁ + T₂) in W/(m² K); T in K (T₂ = T₁ gives 4σ ε_eff T³).

    Source: Incropera & DeWitt (2007), eq. 13.24 linearised (see the module docstring). Validity: far
    field only — gaps much wider than the thermal wavelength (≈ 2898 µm·K / T, ≈ 10 µm at 300 K); the
    near-field enhancement across sub-micrometre gaps is not modelled (no gap width enters, so no
    warning can be given here). Broadcasts.

    Parameters
    ----------
    emissivity1, emissivity2 : array_like
        Total hemispherical emissivities of the two surfaces [-], each in (0, 1].
    t1 : array_like
        Temperature of surface 1 [K], > 0.
    t2 : array_like, optional
        Temperature of surface 2 [K], > 0; defaults to ``t1``.

    Returns
    -------
    float or ndarray
        Radiation conductance h_r [W/(m²·K)].

    Examples
    --------
    >>> round(radiation_conductance(0.8, 0.5, 300.0), 3)
    2.722
    >>> round(radiation_conductance(0.8, 0.5, 400.0, 300.0), 3)
    4.41
    """
    require_broadcastable(emissivity1=emissivity1, emissivity2=emissivity2, t1=t1, t2=t2)
    eps = np.asarray(effective_emissivity(emissivity1, emissivity2))
    a = require_positive("t1", t1)
    b = a if t2 is None else require_positive("t2", t2)
    return _out(STEFAN_BOLTZMANN * eps * (a * a + b * b) * (a + b))
