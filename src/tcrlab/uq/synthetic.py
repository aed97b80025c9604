"""A synthetic linear case with a known answer, for checking the Monte Carlo / sweep machinery and for
benchmarks (not a physics model).

Document::

    [linear]
    offset = 1.0
    coefficients = { x1 = 2.0, x2 = -3.0 }
    x1 = { dist = "normal", mean = 1.0, std = 0.1 }
    x2 = { dist = "uniform", low = 0.0, high = 1.0 }
    mode = "single"            # or "double": y is doubled (a string-valued sweep target)
    scalar_only = false        # true: refuse arrays (exercises the per-sample fallback)
    delay = 0.0                # seconds each build waits (long-running work for interruption tests)

Outputs: ``y = mode_factor * (offset + Σ c_i x_i)`` and ``y_squared = y**2``. Its variance is
``Σ c_i² Var(x_i)`` (times mode_factor²) exactly, the analytic answer the Monte Carlo is checked against.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from tcrlab.errors import CaseFileError, InputError
from tcrlab.units import parse_quantity

__all__ = ["LinearCase", "build_linear_case"]


@dataclass(frozen=True)
class LinearCase:
    """The synthetic linear case: y = factor·(offset + Σ c_i x_i), with a known variance.

    Attributes
    ----------
    offset : float
        Constant term [-].
    terms : dict of str to (float, float or ndarray)
        Name → (coefficient c_i, value x_i) [-].
    factor : float
        Mode factor (1 for "single", 2 for "double") [-].
    kind : str
        Always ``"linear"``.
    """
    offset: float
    terms: dict[str, tuple[float, Any]]
    factor: float
    kind: str = "linear"

    def outputs(self) -> dict[str, Any]:
        y = self.offset + sum(c * x for c, x in self.terms.values())
        y = self.factor * np.asarray(y, dtype=float)
        return {"y": y, "y_squared": y**2}


def build_linear_case(doc: Mapping[str, Any], *, source: str = "<case>", registry: Any = None) -> LinearCase:
    """Build a :class:`LinearCase` from a document with a ``[linear]`` table (the module docstring's format).

    Parameters
    ----------
    doc : Mapping
        The case document.
    source : str
        The file name used in messages.
    registry : object, optional
        Unused; accepted so that the builder has the signature of :func:`tcrlab.cases.build_case`.

    Returns
    -------
    LinearCase
        The case.

    Raises
    ------
    CaseFileError
        Without a ``[linear]`` table or with a missing input.

    Examples
    --------
    >>> case = build_linear_case({"linear": {"offset": 1.0, "coefficients": {"x1": 2.0}, "x1": 0.5}})
    >>> float(case.outputs()["y"])
    2.0
    """
    table = doc.get("linear")
    if not isinstance(table, Mapping):
        raise CaseFileError(f"{source}: a linear case needs a [linear] table")
    coefficients = table.get("coefficients", {})
    scalar_only = bool(table.get("scalar_only", False))
    terms = {}
    for name, c in coefficients.items():
        if name not in table:
            raise CaseFileError(f"{source}: linear.{name} is missing")
        x = parse_quantity(table[name], "dimensionless", f"linear.{name}", source=source)
        if scalar_only and np.ndim(x) > 0:
            raise InputError(f"linear.{name}", "array", "a scalar (this case takes one sample at a time)")
        terms[name] = (float(c), x)
    mode = table.get("mode", "single")
    factors = {"single": 1.0, "double": 2.0}
    if mode not in factors:
        raise InputError("linear.mode", mode, "single or double", source=source)
    offset = float(parse_quantity(table.get("offset", 0.0), "dimensionless", "linear.offset", source=source))
    delay = float(parse_quantity(table.get("delay", 0.0), "dimensionless", "linear.delay", source=source))
    if not 0 <= delay <= 60:
        raise InputError("linear.delay", delay, "0 to 60 seconds", source=source)
    if delay:
        time.sleep(delay)
    return LinearCase(offset, terms, factors[mode])
