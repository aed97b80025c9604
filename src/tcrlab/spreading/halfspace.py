"""Circular isoflux source on a half-space: the exact limits of every finite solution."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab._arrays import require_broadcastable
from tcrlab.errors import InputError
from tcrlab.spreading.result import out
from tcrlab.validation import require_positive

__all__ = ["circle_halfspace_resistance"]


def circle_halfspace_resistance(a: ArrayLike, k: ArrayLike, where: str = "mean") -> NDArray[np.float64] | float:
    """Spreading resistance of a circular isoflux source on a half-space.

    ``where="mean"``: on the mean source temperature, R = 8/(3π² k a); ``where="centroid"``: on the centre
    (maximum) temperature, R = 1/(π k a). Exact (Carslaw & Jaeger 1959, disk source on a half-space; Yovanovich,
    Culham & Teertstra 1998).

    Parameters
    ----------
    a : array_like
        Source radius [m].
    k : array_like
        Thermal conductivity of the half-space [W/(m K)].
    where : {"mean", "centroid"}
        Which source temperature the resistance refers to.

    Returns
    -------
    float or ndarray
        Spreading resistance [K/W]; a float for scalar inputs.

    References
    ----------
    H. S. Carslaw, J. C. Jaeger, *Conduction of Heat in Solids*, 2nd ed., Oxford (1959).
    M. M. Yovanovich, J. R. Culham, P. Teertstra, IEEE Trans. CPMT-A 21(1) (1998) 168–176.

    Examples
    --------
    >>> round(circle_halfspace_resistance(0.001, 100.0), 5)
    2.7019
    >>> round(circle_halfspace_resistance(0.001, 100.0, "centroid"), 5)
    3.1831
    """
    aa = require_positive("a", a)
    kk = require_positive("k", k)
    require_broadcastable(a=aa, k=kk)
    if where == "mean":
        r = 8.0 / (3.0 * np.pi**2 * kk * aa)
    elif where == "centroid":
        r = 1.0 / (np.pi * kk * aa)
    else:
        raise InputError("where", where, "'mean' or 'centroid'")
    return out(r, r.shape)
