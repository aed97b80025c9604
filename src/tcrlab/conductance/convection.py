"""Solid–fluid interface: convection written as a resistance."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.validation import require_positive

__all__ = ["convection_resistance"]


def convection_resistance(h: ArrayLike) -> NDArray[np.float64] | float:
    """Convective resistance per unit area: R = 1/h (m²K/W), from Newton's law q'' = h(T_w − T_∞).

    h is the heat-transfer coefficient in W/(m²·K) (> 0). Bergman et al., *Fundamentals of Heat and Mass
    Transfer*, 7th ed. (2011), eq. 3.9. Divide by the wetted area for an absolute resistance (K/W).

    Parameters
    ----------
    h : array_like
        Heat-transfer coefficient [W/(m²·K)], > 0.

    Returns
    -------
    float or ndarray
        Convective resistance per unit area 1/h [m²·K/W].

    References
    ----------
    Bergman et al., *Fundamentals of Heat and Mass Transfer*, 7th ed. (2011), eq. 3.9.

    Examples
    --------
    >>> round(convection_resistance(25.0), 3)
    0.04
    """
    hh = require_positive("h", h)
    out = 1.0 / hh
    return float(out) if np.ndim(out) == 0 else out
