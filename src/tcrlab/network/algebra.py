"""Series and parallel combination of thermal resistances (vectorised).

Exact identities of linear steady conduction (the electrical analogy): resistances carrying the same
heat add; resistances sharing the same temperature difference add as conductances. See e.g.
Bergman, Lavine, Incropera & DeWitt, *Fundamentals of Heat and Mass Transfer*, 7th ed. (2011), §3.1.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab._arrays import require_broadcastable, scalar_or_array
from tcrlab.errors import InputError
from tcrlab.validation import require_nonnegative

__all__ = ["parallel", "series"]


def _resistances(values: tuple[ArrayLike, ...], func: str) -> list[NDArray[np.float64]]:
    if not values:
        raise InputError("R", "()", f"{func}() needs at least one resistance")
    require_broadcastable(**{f"R[{i}]": r for i, r in enumerate(values)})
    return [require_nonnegative(f"R[{i}]", r, allow_inf=True) for i, r in enumerate(values)]


def series(*R: ArrayLike) -> NDArray[np.float64] | float:
    """Total resistance of resistances in series: R = R₁ + R₂ + … (arrays broadcast).

    Any R may be ``inf`` (an open path), giving ``inf``. Units: whatever the inputs share
    (K/W, or m²K/W for per-area resistances of one common area).

    Parameters
    ----------
    *R : array_like
        The resistances [K/W] (or [m² K/W] for one common area).

    Returns
    -------
    float or ndarray
        Their sum, in the same unit.

    Examples
    --------
    >>> series(1.0, 2.0)
    3.0
    """
    arrays = _resistances(R, "series")
    total = np.sum(np.broadcast_arrays(*arrays), axis=0)
    return scalar_or_array(total)


def parallel(*R: ArrayLike) -> NDArray[np.float64] | float:
    """Total resistance of resistances in parallel: 1/R = 1/R₁ + 1/R₂ + … (arrays broadcast).

    ``inf`` is an open (closed-off) path and drops out, e.g. the gas gap in vacuum; a zero resistance
    shorts the group to zero; all paths open gives ``inf``. The result never exceeds the smallest branch.

    Parameters
    ----------
    *R : array_like
        The branch resistances [K/W] (or [m² K/W] for one common area); ``inf`` is an open path.

    Returns
    -------
    float or ndarray
        The group's resistance, in the same unit.

    Examples
    --------
    >>> parallel(2.0, 2.0, float("inf"))
    1.0
    """
    arrays = np.broadcast_arrays(*_resistances(R, "parallel"))
    stacked = np.stack(arrays)
    with np.errstate(divide="ignore"):
        conductance = np.sum(1.0 / stacked, axis=0)
    with np.errstate(divide="ignore"):
        total = np.where(conductance > 0, 1.0 / np.where(conductance > 0, conductance, 1.0), np.inf)
    total = np.where(np.any(stacked == 0, axis=0), 0.0, total)
    return scalar_or_array(total)
