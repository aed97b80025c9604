"""Interface layers: the equivalent thin layer R = δ/k (pastes, pads, oxide films, solder)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.validation import require_nonnegative, require_positive

__all__ = ["thin_layer_resistance"]


def thin_layer_resistance(thickness: ArrayLike, k: ArrayLike) -> NDArray[np.float64] | float:
    """Resistance per unit area of a plane layer: R = δ/k (m²K/W).

    Fourier's law for 1-D steady conduction through a slab of thickness δ (m) and conductivity k
    (W/(m·K)); Bergman et al., *Fundamentals of Heat and Mass Transfer*, 7th ed. (2011), eq. 3.6.
    Used both for real layers and for the "equivalent layer" picture of an interface (a TIM bond line
    or the gap region of a contact). Assumes k uniform across the layer and no lateral spreading.

    Parameters
    ----------
    thickness : array_like
        Layer thickness δ [m], ≥ 0.
    k : array_like
        Thermal conductivity of the layer [W/(m·K)], > 0.

    Returns
    -------
    float or ndarray
        Resistance per unit area δ/k [m²·K/W].

    References
    ----------
    Bergman et al., *Fundamentals of Heat and Mass Transfer*, 7th ed. (2011), eq. 3.6.

    Examples
    --------
    >>> round(thin_layer_resistance(50e-6, 3.0), 8)
    1.667e-05
    """
    d = require_nonnegative("thickness", thickness)
    kk = require_positive("k", k)
    out = d / kk
    return float(out) if np.ndim(out) == 0 else out
