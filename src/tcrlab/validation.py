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
    """Convert to a float64 array, or raise InputError naming ``name``.

    Parameters
    ----------
    name : str
        The parameter's name, as the user knows it.
    value : array_like
        The value.

    Returns
    -------
    ndarray
        ``value`` as float64.

    Raises
    ------
    InputError
        When ``value`` is not numeric.

    Examples
    --------
    >>> as_float_array("x", [1, 2])
    array([1., 2.])
    """
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
    """Require finite values (no NaN, no inf).

    Parameters
    ----------
    name : str
        The parameter's name, as the user knows it.
    value : array_like
        The value.

    Returns
    -------
    ndarray
        ``value`` as float64.

    Raises
    ------
    InputError
        Naming ``name`` and the offending value.

    Examples
    --------
    >>> require_finite("x", float("nan"))
    Traceback (most recent call last):
    ...
    tcrlab.errors.InputError: x = nan: not a number (NaN); valid: a real number
    """
    arr = as_float_array(name, value)
    bad = ~np.isfinite(arr)
    if bad.any():
        raise InputError(name, _first_bad(arr, bad), "a finite number")
    return arr


def require_positive(name: str, value: ArrayLike, *, allow_inf: bool = False) -> NDArray[np.float64]:
    """Require value > 0 (and finite unless ``allow_inf``).

    Parameters
    ----------
    name : str
        The parameter's name, as the user knows it.
    value : array_like
        The value, in the unit of the parameter.
    allow_inf : bool
        Accept +inf (e.g. an isothermal sink, h = inf).

    Returns
    -------
    ndarray
        ``value`` as float64.

    Raises
    ------
    InputError
        Naming ``name``, the first offending value and the valid range.

    Examples
    --------
    >>> float(require_positive("k", 2))
    2.0
    >>> require_positive("k", [1.0, -2.0])
    Traceback (most recent call last):
    ...
    tcrlab.errors.InputError: k = -2.0; valid: a finite number > 0
    """
    arr = as_float_array(name, value)
    bad = ~(arr > 0) if allow_inf else ~((arr > 0) & np.isfinite(arr))
    if bad.any():
        valid = "> 0 (inf allowed)" if allow_inf else "a finite number > 0"
        raise InputError(name, _first_bad(arr, bad), valid)
    return arr


def require_nonnegative(
    name: str, value: ArrayLike, *, allow_inf: bool = False
) -> NDArray[np.float64]:
    """Require value >= 0 (and finite unless ``allow_inf``).

    Parameters
    ----------
    name : str
        The parameter's name, as the user knows it.
    value : array_like
        The value.
    allow_inf : bool
        Accept +inf.

    Returns
    -------
    ndarray
        ``value`` as float64.

    Raises
    ------
    InputError
        Naming ``name``, the first offending value and the valid range.

    Examples
    --------
    >>> require_nonnegative("t", -1)
    Traceback (most recent call last):
    ...
    tcrlab.errors.InputError: t = -1.0; valid: a finite number >= 0
    """
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
    """Require low <= value <= high (brackets per the inclusive flags).

    Parameters
    ----------
    name : str
        The parameter's name, as the user knows it.
    value : array_like
        The value.
    low, high : float
        The valid range, in the unit of ``value``.
    low_inclusive, high_inclusive : bool
        Whether the ends are valid.
    why : str, optional
        Why the range is what it is (added to the message).

    Returns
    -------
    ndarray
        ``value`` as float64.

    Raises
    ------
    InputError
        Naming ``name``, the first offending value and the range.

    Examples
    --------
    >>> require_in_range("m", 0.5, 0.0, 0.4)
    Traceback (most recent call last):
    ...
    tcrlab.errors.InputError: m = 0.5; valid: [0, 0.4]
    """
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

    Parameters
    ----------
    name : str
        The parameter's name.
    value : array_like
        The value.
    low, high : float
        The validated range, in the unit of ``value``.
    model : str
        The model whose range it is (named in the warning).
    stacklevel : int
        Passed to :func:`warnings.warn` so the warning points at the user's call.

    Returns
    -------
    bool
        True when a warning was issued, so callers can record it in their results.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     warn_outside("m", 0.5, 0.0, 0.4, model="CMY")
    True
    >>> str(w[0].message)
    'CMY: m = 0.5 is outside the validated range [0, 0.4]'
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
    """Warn when a value lies outside the range a physical value of its quantity can take in SI.

    Such a value is the sign of a unit slip in the Python API (:class:`~tcrlab.errors.UnitWarning`).
    Non-finite values are left to the model's own checks.

    Parameters
    ----------
    name : str
        The parameter's name.
    value : array_like
        The value.
    low, high : float
        The plausible range in SI.
    unit : str
        The SI unit expected.
    hint : str
        What the number probably meant.
    stacklevel : int
        Passed to :func:`warnings.warn`.

    Returns
    -------
    bool
        True when a warning was issued.

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
