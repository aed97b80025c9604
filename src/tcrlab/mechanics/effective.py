"""Effective material parameters of a joint of two solids: conductivity k_s and modulus E'.

The two solids are replaced by one equivalent solid against a rigid, insulating flat (Cooper, Mikic &
Yovanovich, Int. J. Heat Mass Transfer 12 (1969) 279–300; Johnson, *Contact Mechanics*, 1985):

    k_s = 2 k₁ k₂ / (k₁ + k₂),     1/E' = (1 − ν₁²)/E₁ + (1 − ν₂²)/E₂.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from tcrlab._arrays import scalar_or_array as _out
from tcrlab.errors import ValidityWarning
from tcrlab.validation import require_in_range, require_positive

__all__ = ["DEFAULT_POISSON_RATIO", "effective_conductivity", "effective_modulus", "effective_modulus_of"]

DEFAULT_POISSON_RATIO = 0.3  # typical of metals; used (warned) when the registry has no ν


def effective_conductivity(k1: ArrayLike, k2: ArrayLike) -> float | np.ndarray:
    """Harmonic-mean conductivity of the two solids of a joint.

    Parameters
    ----------
    k1, k2 : thermal conductivities of the two solids [W/(m K)], > 0; broadcast.

    Returns
    -------
    k_s = 2 k₁ k₂/(k₁ + k₂) [W/(m K)].

    References
    ----------
    Cooper, Mikic & Yovanovich, Int. J. Heat Mass Transfer 12 (1969) 279–300 (exact for the constriction
    of a spot between two half-spaces).

    Examples
    --------
    >>> effective_conductivity(10.0, 40.0)
    16.0
    """
    a = require_positive("k1", k1)
    b = require_positive("k2", k2)
    return _out(2.0 * a * b / (a + b))


def effective_modulus(e1: ArrayLike, nu1: ArrayLike, e2: ArrayLike, nu2: ArrayLike) -> float | np.ndarray:
    """Effective (contact) modulus E' of two elastic solids.

    Parameters
    ----------
    e1, e2 : Young's moduli [Pa], > 0.
    nu1, nu2 : Poisson ratios [-], in (−1, 0.5].

    Returns
    -------
    E' [Pa] with 1/E' = (1 − ν₁²)/E₁ + (1 − ν₂²)/E₂.

    References
    ----------
    K. L. Johnson, *Contact Mechanics*, Cambridge University Press (1985), eq. 4.22.

    Examples
    --------
    >>> round(effective_modulus(200e9, 0.3, 200e9, 0.3) / 1e9, 2)
    109.89
    """
    a = require_positive("E1", e1)
    b = require_positive("E2", e2)
    n1 = require_in_range("nu1", nu1, -1.0, 0.5, low_inclusive=False)
    n2 = require_in_range("nu2", nu2, -1.0, 0.5, low_inclusive=False)
    return _out(1.0 / ((1.0 - n1**2) / a + (1.0 - n2**2) / b))


def effective_modulus_of(solid1: Any, solid2: Any, *, youngs_modulus: tuple[Any, Any] = (None, None),
                         poisson_ratio: tuple[Any, Any] = (None, None)) -> float | np.ndarray:
    """E' of two registry solids, with optional per-side overrides.

    Parameters
    ----------
    solid1, solid2 : :class:`~tcrlab.materials.Material` (``youngs_modulus`` [Pa], ``poisson_ratio``).
    youngs_modulus : (E₁, E₂) overrides [Pa]; None takes the material's (InputError when it has none).
    poisson_ratio : (ν₁, ν₂) overrides [-]; None takes the material's, or 0.3 with a ValidityWarning when
        the registry has none.

    Returns
    -------
    E' [Pa] (see :func:`effective_modulus`).

    References
    ----------
    K. L. Johnson, *Contact Mechanics*, Cambridge University Press (1985), eq. 4.22.

    Examples
    --------
    >>> from tcrlab.materials import get_material
    >>> round(float(effective_modulus_of(get_material("SS304"), get_material("SS304"))) / 1e9, 1)
    105.4
    """
    e = [s.require("youngs_modulus") if v is None else v for s, v in zip((solid1, solid2), youngs_modulus, strict=True)]
    nu = [s.poisson_ratio if v is None else v for s, v in zip((solid1, solid2), poisson_ratio, strict=True)]
    if nu[0] is None or nu[1] is None:
        missing = "/".join(s.key for s, n in zip((solid1, solid2), nu, strict=True) if n is None)
        warnings.warn(f"{missing}: no Poisson ratio in the registry; ν = {DEFAULT_POISSON_RATIO} assumed",
                      ValidityWarning, stacklevel=2)
        nu = [DEFAULT_POISSON_RATIO if n is None else n for n in nu]
    return effective_modulus(e[0], nu[0], e[1], nu[1])
