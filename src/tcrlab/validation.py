"""Argument checks used by every model function.

Each check accepts scalars or arrays, returns a float ndarray, and raises :class:`InputError` naming the
parameter and the first offending value, so bad input never turns into a silent NaN deep in NumPy.
"""

from __future__ import annotations

import warnings

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.errors import InputError, UnitWarning, ValidityWarning

__all__ = [
    "as_float_array",
    "require_finite",
    "require_in_range",
    "require_nonnegative",
    "require_positive",
    "warn_outside",
    "warn_unit_slip",
]


def _first_bad(arr: NDArray[np.float64], bad: NDArray[np.bool_]) -> float:
    return float(arr[bad].flat[0]) if arr.ndim else float(arr)


def as_float_array(name: str, value: ArrayLike) -> NDArray[np.float64]:
    """Convert to a float64 array, or raise InputError naming ``name``."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InputError(name, value, "a real number or an array of real numbers") from exc
    if arr.size == 0:  # reductions (max, mean) over nothing fail deep inside the models
        raise InputError(name, value, "a real number or a non-empty array", problem="empty")
    if np.isnan(arr).any():
        raise InputError(name, float("nan"), "a real number", problem="not a number (NaN)")
    return arr


def require_finite(name: str, value: ArrayLike) -> NDArray[np.float64]:
    arr = as_float_array(name, value)
    bad = ~np.isfinite(arr)
    if bad.any():
        raise InputError(name, _first_bad(arr, bad), "a finite number")
    return arr


def require_positive(name: str, value: ArrayLike, *, allow_inf: bool = False) -> NDArray[np.float64]:
    """Require value > 0 (and finite unless ``allow_inf``)."""
    arr = as_float_array(name, value)
    bad = ~(arr > 0) if allow_inf else ~((arr > 0) & np.isfinite(arr))
    if bad.any():
        valid = "> 0 (inf allowed)" if allow_inf else "a finite number > 0"
        raise InputError(name, _first_bad(arr, bad), valid)
    return arr


def require_nonnegative(
    name: str, value: ArrayLike, *, allow_inf: bool = False
) -> NDArray[np.float64]:
    """Require value >= 0 (and finite unless ``allow_inf``)."""
    arr = as_float_array(name, value)
    bad = ~(arr >= 0) if allow_inf else ~((arr >= 0) & np.isfinite(arr))
    if bad.any():
        valid = ">= 0 (inf allowed)" if allow_inf else "a finite number >= 0"
        raise InputError(name, _first_bad(arr, bad), valid)
    return arr


def require_in_range(
    name: str,
    value: ArrayLike,
    low: float,
    high: float,
    *,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
    why: str | None = None,
) -> NDArray[np.float64]:
    """Require low <= value <= high (brackets per the inclusive flags)."""
    arr = as_float_array(name, value)
    ok_low = arr >= low if low_inclusive else arr > low
    ok_high = arr <= high if high_inclusive else arr < high
    bad = ~(ok_low & ok_high)
    if bad.any():
        lb = "[" if low_inclusive else "("
        hb = "]" if high_inclusive else ")"
        raise InputError(name, _first_bad(arr, bad), f"{lb}{low:g}, {high:g}{hb}", problem=why)
    return arr


def warn_outside(
    name: str,
    value: ArrayLike,
    low: float,
    high: float,
    *,
    model: str,
    stacklevel: int = 3,
) -> bool:
    """Warn (ValidityWarning) when any value lies outside a model's validated range [low, high].

    Returns True when a warning was issued, so callers can record it in their results.
    """
    arr = np.asarray(value, dtype=float)
    outside = (arr < low) | (arr > high)
    if outside.any():
        v = _first_bad(arr, outside)
        warnings.warn(
            f"{model}: {name} = {v:.4g} is outside the validated range [{low:g}, {high:g}]",
            ValidityWarning,
            stacklevel=stacklevel,
        )
        return True
    return False


def warn_unit_slip(
    name: str,
    value: ArrayLike,
    low: float,
    high: float,
    *,
    unit: str,
    hint: str,
    stacklevel: int = 3,
) -> bool:
    """Warn (:class:`~tcrlab.errors.UnitWarning`) when any value lies outside [low, high], the range a
    physical value of this quantity can take in SI — the sign of a unit slip in the Python API.

    ``unit`` is the SI unit expected; ``hint`` says what the number probably meant. Returns True when a
    warning was issued. Non-finite values are left to the model's own checks.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     warn_unit_slip("sigma", 1.5, 0.0, 1e-3, unit="m", hint="1.5 µm is 1.5e-6")
    True
    """
    arr = np.asarray(value, dtype=float)
    outside = np.isfinite(arr) & ((arr < low) | (arr > high))
    if not outside.any():
        return False
    v = _first_bad(arr, outside)
    warnings.warn(
        f"{name} = {v:.4g} {unit} is far outside any physical range ({low:g}–{high:g} {unit}); the Python "
        f"API takes SI units ({unit}) — {hint}",
        UnitWarning,
        stacklevel=stacklevel,
    )
    return True
