"""Constriction through circular contact spots: one spot, and the simple plastic-asperity interface.

The simple plastic-asperity model found in introductory treatments of contact resistance: contact
spots of radius a, density η per unit area, each spot seen
as a circular contact on two half-spaces. Sources: Holm, *Electric Contacts*, 4th ed., Springer (1967)
(spreading resistance of a circular spot on a half-space, 1/(4ka) per side); Cooper, Mikic & Yovanovich,
Int. J. Heat Mass Transfer 12 (1969) 279–300 (spots in parallel over the apparent area).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.mechanics.area import plastic_area_ratio
from tcrlab.validation import require_positive

__all__ = [
    "asperity_contact_resistance",
    "asperity_spots_resistance",
    "spot_constriction_resistance",
]


def spot_constriction_resistance(
    a: ArrayLike, k1: ArrayLike, k2: ArrayLike
) -> NDArray[np.float64] | float:
    """Constriction resistance of one isothermal circular spot between two half-spaces (K/W).

    R = 1/(4 k₁ a) + 1/(4 k₂ a): each side is Holm's (1967) half-space spreading resistance of a circular
    contact of radius a (Carslaw & Jaeger, *Conduction of Heat in Solids*, 2nd ed., 1959, §8.2 exact
    solution for an isothermal disc). Valid when the spot is small compared with its spacing
    and with the body size (no interaction between spots); a in m, k in W/(m·K).

    Parameters
    ----------
    a : array_like
        Spot radius [m], > 0.
    k1, k2 : array_like
        Thermal conductivities of the two solids [W/(m·K)], > 0.

    Returns
    -------
    float or ndarray
        Constriction resistance of the spot [K/W].

    Examples
    --------
    >>> round(spot_constriction_resistance(1e-5, 200.0, 50.0), 3)
    625.0
    """
    aa = require_positive("a", a)
    kk1 = require_positive("k1", k1)
    kk2 = require_positive("k2", k2)
    out = 1.0 / (4.0 * kk1 * aa) + 1.0 / (4.0 * kk2 * aa)
    return float(out) if np.ndim(out) == 0 else out


def asperity_spots_resistance(
    pressure: ArrayLike,
    hardness: ArrayLike,
    spot_density: ArrayLike,
    k1: ArrayLike,
    k2: ArrayLike,
) -> NDArray[np.float64] | float:
    """Contact resistance per unit area of η equal plastic spots in parallel (m²K/W).

    R_c = (1/η)·[1/(4k₁a) + 1/(4k₂a)] with a = √(p/(πHη)),  i.e.  R_c = ¼·√(πH/(p·η))·(1/k₁ + 1/k₂).

    η equal spots per unit area share the real area A_r/A_0 = p/H (plastic flow at the hardness H,
    Bowden & Tabor 1950), so each has radius a; each is Holm's (1967) isolated circular spot and the
    spots conduct in parallel (Cooper, Mikic & Yovanovich 1969 without their flux-tube correction).
    Valid for isolated, non-interacting spots (p/H ≲ 0.1), no gap or radiation path (vacuum).

    Parameters
    ----------
    pressure : array_like
        Apparent contact pressure p [Pa], 0 < p < H.
    hardness : array_like
        (Micro)hardness H of the softer solid [Pa], > 0.
    spot_density : array_like
        Number of contact spots per unit area η [1/m²], > 0.
    k1, k2 : array_like
        Thermal conductivities of the two solids [W/(m·K)], > 0.

    Returns
    -------
    float or ndarray
        Contact resistance per unit area R_c [m²·K/W].

    Examples
    --------
    >>> round(asperity_spots_resistance(1e6, 1e9, 1e8, 200.0, 50.0) * 1e6, 3)
    35.031
    """
    ratio = plastic_area_ratio(pressure, hardness)  # validates 0 <= p < H
    require_positive("pressure", pressure)
    eta = require_positive("spot_density", spot_density)
    radius = np.sqrt(np.asarray(ratio) / (np.pi * eta))
    out = spot_constriction_resistance(radius, k1, k2) / eta
    return float(out) if np.ndim(out) == 0 else out


def asperity_contact_resistance(
    pressure: ArrayLike,
    hardness: ArrayLike,
    spot_density: ArrayLike,
    k1: ArrayLike,
    k2: ArrayLike,
) -> NDArray[np.float64] | float:
    """The textbook plastic-asperity contact resistance (m²K/W), ½ prefactor form.

    R_c = ½·√(πH/(p·η))·(1/k₁ + 1/k₂)

    Source: the form R_c = ½·√(πH/(p·η))·(1/k₁ + 1/k₂) as presented in introductory treatments of
    contact resistance, after Cooper, Mikic & Yovanovich, Int. J. Heat Mass Transfer 12 (1969) 279–300. Same assumptions as
    :func:`asperity_spots_resistance` (plastic spots at the hardness, isolated, vacuum, p/H ≲ 0.1).

    Note: this is exactly twice :func:`asperity_spots_resistance`. Summing η of the single-spot
    resistances 1/(4k₁a) + 1/(4k₂a) in parallel gives the ¼ prefactor; the ½ form corresponds to
    writing the pair as 1/(2k_s a) with k_s the harmonic mean *and* then replacing 1/k_s by 1/k₁ + 1/k₂
    (which is 2/k_s). Both are kept: this one reproduces the published ½ form, the other is self-consistent.

    Parameters
    ----------
    pressure : array_like
        Apparent contact pressure p [Pa], 0 < p < H.
    hardness : array_like
        (Micro)hardness H of the softer solid [Pa], > 0.
    spot_density : array_like
        Number of contact spots per unit area η [1/m²], > 0.
    k1, k2 : array_like
        Thermal conductivities of the two solids [W/(m·K)], > 0.

    Returns
    -------
    float or ndarray
        Contact resistance per unit area R_c [m²·K/W].

    Examples
    --------
    >>> round(asperity_contact_resistance(1e6, 1e9, 1e8, 200.0, 50.0) * 1e6, 3)
    70.062
    """
    return 2.0 * asperity_spots_resistance(pressure, hardness, spot_density, k1, k2)
