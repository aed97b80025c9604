"""Effective surface parameters of a joint of two conforming rough solids.

Conventions of the Yovanovich group (Cooper, Mikic & Yovanovich, Int. J. Heat Mass Transfer 12 (1969)
279–300; Yovanovich, IEEE Trans. CPT 28 (2005) 182–206): the two rough surfaces are replaced by one
equivalent rough surface, with Gaussian heights, against a smooth flat:

    σ = √(σ₁² + σ₂²)   (RMS roughness Rq),    m = √(m₁² + m₂²)   (RMS or mean absolute slope).

The effective conductivity k_s and modulus E' of the two solids are in :mod:`tcrlab.mechanics.effective`
(still importable from here).
"""

from __future__ import annotations

import warnings

import numpy as np
from numpy.typing import ArrayLike

from tcrlab._arrays import scalar_or_array as _out
from tcrlab.errors import InputError, ValidityWarning
from tcrlab.mechanics.effective import effective_conductivity, effective_modulus
from tcrlab.validation import require_nonnegative, require_positive, warn_outside

__all__ = [
    "SLOPE_CORRELATIONS",
    "combined_roughness",
    "combined_slope",
    "effective_conductivity",
    "effective_modulus",
    "rq_from_ra",
    "slope_from_roughness",
]

# name -> (coefficient, exponent, citation); m = a·(σ/1 µm)^b with σ the RMS roughness
SLOPE_CORRELATIONS: dict[str, tuple[float, float, str]] = {
    "antonetti": (0.125, 0.402, "Antonetti, Whittle & Simons, J. Electronic Packaging 113 (1991) 135–142; "
                                "bead-blasted/lapped metals, 0.216 µm ≤ σ ≤ 9.6 µm"),
    "tanner-fahoum": (0.152, 0.4, "Tanner & Fahoum, Wear 36 (1976) 299–316"),
    "lambert-fletcher": (0.076, 0.52, "Lambert & Fletcher, J. Thermophys. Heat Transfer 11 (1997) "
                                      "129–140"),
}


def combined_roughness(sigma1: ArrayLike, sigma2: ArrayLike) -> float | np.ndarray:
    """σ = √(σ₁² + σ₂²) (m); each σ ≥ 0 (an ideally smooth side has σ = 0).

    Source: the equivalent-surface convention of Cooper, Mikic & Yovanovich (1969) (see the module
    docstring); exact for independent Gaussian height distributions.

    Parameters
    ----------
    sigma1, sigma2 : array_like
        RMS roughness Rq of each surface [m], ≥ 0.

    Returns
    -------
    float or ndarray
        Combined RMS roughness σ [m].

    Raises
    ------
    InputError
        A negative or non-finite roughness.

    References
    ----------
    Cooper, Mikic & Yovanovich (1969) Int. J. Heat Mass Transfer 12, 279–300.
    Yovanovich (2005) IEEE Trans. CPT 28, 182–206.

    Examples
    --------
    >>> f"{combined_roughness(0.3e-6, 0.4e-6):.3g}"
    '5e-07'
    >>> f"{combined_roughness(1.2e-6, 0.0):.3g}"
    '1.2e-06'
    """
    s1 = require_nonnegative("sigma1", sigma1)
    s2 = require_nonnegative("sigma2", sigma2)
    return _out(np.hypot(s1, s2))


def combined_slope(m1: ArrayLike, m2: ArrayLike) -> float | np.ndarray:
    """m = √(m₁² + m₂²); each m ≥ 0.

    Source: Cooper, Mikic & Yovanovich (1969), as for :func:`combined_roughness` (independent,
    isotropic surfaces).

    Parameters
    ----------
    m1, m2 : array_like
        RMS (or mean absolute) slope of each surface [-], ≥ 0.

    Returns
    -------
    float or ndarray
        Combined slope m [-].

    Raises
    ------
    InputError
        A negative or non-finite slope.

    References
    ----------
    Cooper, Mikic & Yovanovich (1969) Int. J. Heat Mass Transfer 12, 279–300.
    Yovanovich (2005) IEEE Trans. CPT 28, 182–206.

    Examples
    --------
    >>> round(float(combined_slope(0.06, 0.08)), 6)
    0.1
    """
    a = require_nonnegative("m1", m1)
    b = require_nonnegative("m2", m2)
    return _out(np.hypot(a, b))


def rq_from_ra(ra: ArrayLike) -> float | np.ndarray:
    """Rq = √(π/2)·Ra ≈ 1.2533 Ra — exact for a Gaussian height distribution only.

    Source: for a zero-mean Gaussian, E|z| = σ√(2/π) (e.g. Thomas, *Rough Surfaces*, 2nd ed., 1999).
    Machined (non-Gaussian) surfaces have Rq/Ra between ≈1.1 and 1.4: this conversion is an assumption.

    Parameters
    ----------
    ra : array_like
        Arithmetic mean roughness Ra [m], ≥ 0.

    Returns
    -------
    float or ndarray
        RMS roughness Rq [m].

    Raises
    ------
    InputError
        A negative or non-finite Ra.

    References
    ----------
    Thomas (1999) *Rough Surfaces*, 2nd ed. (the Gaussian ratio E|z| = σ√(2/π)).

    Examples
    --------
    >>> f"{rq_from_ra(1.0e-6):.5g}"
    '1.2533e-06'
    """
    return _out(np.sqrt(np.pi / 2.0) * require_nonnegative("Ra", ra))


def slope_from_roughness(sigma: ArrayLike, correlation: str = "antonetti") -> float | np.ndarray:
    """Estimate the combined RMS slope m from σ (m) by a published σ–m correlation (σ in µm inside).

    ``correlation``: "antonetti" (m = 0.125 σ^0.402, the default), "tanner-fahoum" (0.152 σ^0.4) or
    "lambert-fletcher" (0.076 σ^0.52); see :data:`SLOPE_CORRELATIONS` for the citations. The
    attributions are as commonly quoted in the contact-conductance literature; the coefficients have not
    been checked against the original papers' text. Always issues a ValidityWarning, since a slope estimated
    from σ alone can be off by a factor of two (the scatter of the underlying data).

    Parameters
    ----------
    sigma : array_like
        Combined RMS roughness σ [m], > 0.
    correlation : str
        "antonetti" (default), "tanner-fahoum" or "lambert-fletcher".

    Returns
    -------
    float or ndarray
        Estimated combined RMS slope m [-].

    Raises
    ------
    InputError
        A σ not positive, or an unknown correlation.

    Warns
    -----
    ValidityWarning
        Always (the slope is an estimate); also for σ outside 0.216–9.6 µm with "antonetti".

    References
    ----------
    Antonetti, Whittle & Simons (1991) J. Electronic Packaging 113, 135–142.
    Tanner & Fahoum (1976) Wear 36, 299–316.
    Lambert & Fletcher (1997) J. Thermophys. Heat Transfer 11, 129–140.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     m = slope_from_roughness(1.5e-6)
    >>> round(float(m), 3), type(caught[0].message).__name__
    (0.147, 'ValidityWarning')
    """
    key = correlation.strip().lower().replace("_", "-").replace(" ", "-")
    if key not in SLOPE_CORRELATIONS:
        raise InputError("slope_correlation", correlation, ", ".join(SLOPE_CORRELATIONS))
    s = require_positive("sigma", sigma) * 1e6
    a, b, cite = SLOPE_CORRELATIONS[key]
    warnings.warn(f"slope m estimated from sigma by the {key} correlation ({cite}); "
                  "measure m for a reliable prediction", ValidityWarning, stacklevel=2)
    if key == "antonetti":
        warn_outside("sigma [um]", s, 0.216, 9.6, model="Antonetti sigma-m correlation")
    return _out(a * s**b)
