"""Small array helpers shared by the model functions (scalar-or-array results, shape checks).

(Candidates for :mod:`tcrlab.validation`; kept here so the model modules need one copy, not seven.)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from tcrlab.errors import InputError

__all__ = ["require_broadcastable", "scalar_or_array"]


def scalar_or_array(x: Any) -> Any:
    """A Python float for a 0-d result, else the float ndarray (the models' return convention).

    Parameters
    ----------
    x : array_like
        A model result.

    Returns
    -------
    float or ndarray
        ``x`` as a float when it has no dimensions, else as a float array.

    Examples
    --------
    >>> scalar_or_array(np.array(2.0)), scalar_or_array([1, 2])
    (2.0, array([1., 2.]))
    """
    a = np.asarray(x, dtype=float)
    return float(a) if a.ndim == 0 else a


def require_broadcastable(**arrays: Any) -> tuple[int, ...]:
    """The common broadcast shape of the named inputs, or InputError naming them and their shapes.

    Without this check two arrays of incompatible lengths end in NumPy's "operands could not be broadcast
    together" deep inside a formula.

    Parameters
    ----------
    **arrays : array_like
        The inputs, by the names the user knows them by.

    Returns
    -------
    tuple of int
        The broadcast shape.

    Raises
    ------
    InputError
        When the shapes do not broadcast.

    Examples
    --------
    >>> require_broadcastable(a=[1.0, 2.0], b=3.0)
    (2,)
    """
    shapes: dict[str, tuple[int, ...]] = {}
    for name, value in arrays.items():
        try:
            if value is not None:
                shapes[name] = np.shape(value)
        except ValueError:  # ragged nested lists: the value check that follows names the field
            continue
    try:
        return tuple(np.broadcast_shapes(*shapes.values()))
    except ValueError:
        shown = ", ".join(f"{name}{list(shape)}" for name, shape in shapes.items() if shape)
        raise InputError(
            "/".join(name for name, shape in shapes.items() if shape), shown,
            "arrays of the same length (or broadcast-compatible shapes; scalars combine with anything)",
            problem="array shapes do not match",
        ) from None
