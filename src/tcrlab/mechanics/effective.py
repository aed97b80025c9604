"""Effective material parameters of a joint of two solids: conductivity k_s and modulus E'.

The two solids are replaced by one equivalent solid against a rigid, insulating flat (Cooper, Mikic &
Yovanovich, Int. J. Heat Mass Transfer 12 (1969) 279–300; Johnson, *Contact Mechanics*, 1985):

    k_s = 2 k₁ k₂ / (k₁ + k₂),     1/E' = (1 − ν₁²)/E₁ + (1 − ν₂²)/E₂.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from tcrlab._arrays import scalar_or_array as _out
from tcrlab.validation import require_in_range, require_positive

__all__ = ["effective_conductivity", "effective_modulus"]


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
