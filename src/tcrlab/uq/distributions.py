"""Input distributions declared in case files, parsed once to SI.

A case-file value written as a table with a ``dist`` key is an uncertain input::

    pressure  = { dist = "normal", mean = "2 MPa", std = "0.3 MPa" }
    roughness = { dist = "normal", mean = "1.2 um", rel_std = 0.2 }           # ±20 % (1 sigma)
    pressure  = { dist = "normal", mean = "2 MPa", std = "1 MPa", low = "0 MPa" }  # truncated
    hardness  = { dist = "uniform", low = "2 GPa", high = "3 GPa" }
    slope     = { dist = "lognormal", median = 0.1, gsd = 1.3 }                # or mean/std
    gap       = { dist = "triangular", low = "1 um", mode = "2 um", high = "4 um" }
    emissivity = { dist = "uniform", low = 0.1, high = 0.3 }                   # dimensionless

Unit strings are parsed here (at the boundary) with :func:`tcrlab.units.parse_quantity`; every
parameter of one distribution must share a dimension, and the samples are SI values. ``unit = "MPa"``
lets the parameters be bare numbers in that unit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pint
from scipy import special, stats

from tcrlab.errors import InputError
from tcrlab.units import DIMENSIONS, parse_quantity, quantity_from_text, unit_from_text, ureg

__all__ = ["DISTRIBUTIONS", "Distribution", "infer_dimension", "is_distribution_spec", "parse_distribution"]

# kind -> (required parameter sets (any one), optional parameters)
DISTRIBUTIONS: dict[str, tuple[tuple[frozenset[str], ...], frozenset[str]]] = {
    "normal": (
        (frozenset({"mean", "std"}), frozenset({"mean", "rel_std"})),
        frozenset({"low", "high"}),
    ),
    "uniform": ((frozenset({"low", "high"}),), frozenset()),
    "lognormal": (
        (frozenset({"median", "gsd"}), frozenset({"mean", "std"}), frozenset({"mean", "rel_std"})),
        frozenset(),
    ),
    "triangular": ((frozenset({"low", "mode", "high"}),), frozenset()),
}
_DIMENSIONLESS_PARAMS = {"rel_std", "gsd"}
_SPREAD_PARAMS = {"std"}  # differences: a temperature spread in degC means a difference


def is_distribution_spec(value: Any) -> bool:
    """True for a case-file table that declares a distribution (has a ``dist`` key).

    Parameters
    ----------
    value : object
        A case-file value.

    Returns
    -------
    bool
        Whether it is a distribution table.

    Examples
    --------
    >>> is_distribution_spec({"dist": "normal", "mean": "2 MPa", "std": "0.3 MPa"}), is_distribution_spec("2 MPa")
    (True, False)
    """
    return isinstance(value, Mapping) and "dist" in value


def infer_dimension(value: Any, field: str = "value", *, source: str | None = None) -> str:
    """The name in :data:`tcrlab.units.DIMENSIONS` of a quantity such as ``"2 MPa"`` (numbers: dimensionless).

    Parameters
    ----------
    value : str or float
        A quantity text or a number.
    field : str
        The name reported in errors.
    source : str, optional
        The file the value came from.

    Returns
    -------
    str
        The dimension's name.

    Examples
    --------
    >>> infer_dimension("2 MPa"), infer_dimension(3)
    ('pressure', 'dimensionless')
    """
    if isinstance(value, bool):
        raise InputError(field, value, "a number or a quantity with a unit", source=source)
    if isinstance(value, int | float | np.integer | np.floating):
        return "dimensionless"
    try:
        quantity = value if isinstance(value, pint.Quantity) else quantity_from_text(str(value), field, source=source)
    except InputError:
        raise
    except (pint.errors.PintError, ValueError, TypeError, SyntaxError, AttributeError) as exc:
        raise InputError(
            field, value, "a quantity such as '2 MPa'", problem=f"not a quantity ({exc})", source=source
        ) from None
    if not isinstance(quantity, pint.Quantity) or quantity.dimensionless:
        return "dimensionless"
    for name, unit in DIMENSIONS.items():
        if quantity.check(ureg.Unit(unit).dimensionality):
            return name
    raise InputError(
        field, value, "a quantity of a known dimension (" + ", ".join(DIMENSIONS) + ")",
        problem=f"has dimension {quantity.dimensionality}", source=source,
    )


@dataclass(frozen=True)
class Distribution:
    """A parsed input distribution; ``params`` are SI floats (log-space values for lognormal).

    Attributes
    ----------
    kind : str
        Distribution kind ("normal", "uniform", "lognormal"...).
    params : dict of str to float
        Parameters in SI units (log-space values for lognormal).
    dimension : str
        Dimension of the sampled quantity.
    field : str
        The case-file field it belongs to.
    spec : dict
        The table as written.
    """

    kind: str
    params: dict[str, float]
    dimension: str = "dimensionless"
    field: str = "value"
    spec: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False)

    @property
    def unit(self) -> str:
        """The SI unit the samples are in."""
        return DIMENSIONS[self.dimension]

    def sample(self, rng: np.random.Generator, size: int) -> np.ndarray:
        """``size`` samples (SI) drawn with ``rng``; the same generator state gives the same samples."""
        p = self.params
        if self.kind == "normal":
            lo, hi = p.get("low", -np.inf), p.get("high", np.inf)
            if np.isinf(lo) and np.isinf(hi):
                return rng.normal(p["mean"], p["std"], size)
            # truncated normal by inverse CDF (one uniform draw per sample: stream-stable)
            a = special.ndtr((lo - p["mean"]) / p["std"])
            b = special.ndtr((hi - p["mean"]) / p["std"])
            u = a + (b - a) * rng.random(size)
            return np.clip(p["mean"] + p["std"] * special.ndtri(u), lo, hi)
        if self.kind == "uniform":
            return rng.uniform(p["low"], p["high"], size)
        if self.kind == "lognormal":
            return rng.lognormal(p["mu"], p["sigma"], size)
        if self.kind == "triangular":
            if p["low"] == p["high"]:
                return np.full(size, p["low"])
            return rng.triangular(p["low"], p["mode"], p["high"], size)
        raise AssertionError(self.kind)  # pragma: no cover - parse_distribution checks kinds

    def _frozen(self) -> Any:
        """The equivalent scipy.stats distribution (moments come from scipy, not from hand-kept formulas)."""
        p = self.params
        if self.kind == "normal":
            lo = (p.get("low", -np.inf) - p["mean"]) / p["std"]
            hi = (p.get("high", np.inf) - p["mean"]) / p["std"]
            return stats.truncnorm(lo, hi, loc=p["mean"], scale=p["std"])
        if self.kind == "uniform":
            return stats.uniform(loc=p["low"], scale=p["high"] - p["low"])
        if self.kind == "lognormal":
            return stats.lognorm(s=p["sigma"], scale=np.exp(p["mu"]))
        width = p["high"] - p["low"]
        shape = (p["mode"] - p["low"]) / width if width > 0 else 0.0
        return stats.triang(shape, loc=p["low"], scale=width)

    @property
    def mean(self) -> float:
        return float(self._frozen().mean())

    @property
    def variance(self) -> float:
        """Variance (SI²); for a truncated normal, that of the truncated distribution."""
        return float(self._frozen().var())

    def describe(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.spec.items() if k != "dist")
        return f"{self.kind}({shown})"


def _parse_param(
    name: str, value: Any, dimension: str, unit: str | None, field: str, source: str | None
) -> float:
    where = f"{field}.{name}"
    if name in _DIMENSIONLESS_PARAMS:
        return float(parse_quantity(value, "dimensionless", where, source=source))
    if unit is not None and isinstance(value, int | float) and not isinstance(value, bool):
        value = ureg.Quantity(float(value), unit)
    if name in _SPREAD_PARAMS and dimension == "temperature":
        # a temperature spread is a difference: '0.5 degC' means 0.5 K, not 273.65 K
        q = value if isinstance(value, pint.Quantity) else _try_quantity(value)
        if isinstance(q, pint.Quantity) and q.units in (ureg.degC, ureg.degF):
            delta = "delta_degC" if q.units == ureg.degC else "delta_degF"
            value = ureg.Quantity(q.magnitude, delta)
        return float(parse_quantity(value, "temperature_difference", where, source=source))
    return float(parse_quantity(value, dimension, where, source=source))


def _try_quantity(value: Any) -> Any:
    try:
        return quantity_from_text(str(value))
    except (pint.errors.PintError, ValueError, TypeError, SyntaxError, AttributeError):
        return None


def parse_distribution(
    spec: Mapping[str, Any], field: str = "value", *, source: str | None = None
) -> Distribution:
    """Parse ``{dist = "normal", mean = "2 MPa", std = "0.3 MPa"}`` (and the other kinds) to SI.

    Raises :class:`InputError` naming the field for an unknown kind, a missing or unknown parameter,
    a negative spread, ``low >= high``, a mode outside ``[low, high]`` or mismatched dimensions.

    Parameters
    ----------
    spec : Mapping
        The distribution table (values with units).
    field : str
        The name reported in errors.
    source : str, optional
        The file the table came from.

    Returns
    -------
    Distribution
        The distribution in SI units.

    Raises
    ------
    InputError
        Naming the field and what is wrong.

    Examples
    --------
    >>> d = parse_distribution({"dist": "normal", "mean": "2 MPa", "std": "0.3 MPa"}, "pressure")
    >>> d.kind, d.params, d.dimension
    ('normal', {'mean': 2000000.0, 'std': 300000.0}, 'pressure')
    """
    if not is_distribution_spec(spec):
        raise InputError(field, spec, "a table with a 'dist' key", source=source)
    kind = _kind(spec, field, source)
    given, chosen = _chosen_parameters(spec, kind, field, source)
    unit = spec.get("unit")
    if unit is not None:
        _check_unit(unit, field, source)
    optional = DISTRIBUTIONS[kind][1]
    values, dimension = _parameter_values(spec, chosen, given & optional, unit, field, source)
    params = _SHAPE_PARAMETERS[kind](values, spec, field, source)
    return Distribution(kind, params, dimension, field, dict(spec))


def _kind(spec: Mapping[str, Any], field: str, source: str | None) -> str:
    """The distribution's kind, lower case; an unknown kind names the valid ones."""
    kind = str(spec["dist"]).strip().lower()
    if kind not in DISTRIBUTIONS:
        raise InputError(
            f"{field}.dist", spec["dist"], ", ".join(DISTRIBUTIONS),
            problem="unknown distribution", source=source,
        )
    return kind


def _chosen_parameters(
    spec: Mapping[str, Any], kind: str, field: str, source: str | None
) -> tuple[set[str], frozenset[str]]:
    """The parameters given and the first complete required set among them (missing or unknown ones raise)."""
    required_sets, optional = DISTRIBUTIONS[kind]
    given = set(spec) - {"dist", "unit"}
    chosen = next((req for req in required_sets if req <= given), None)
    forms = " or ".join("{" + ", ".join(sorted(r)) + "}" for r in required_sets)
    if chosen is None:
        missing = sorted(required_sets[0] - given)
        raise InputError(
            field, dict(spec), f"{kind} needs {forms}", problem=f"missing {', '.join(missing)}",
            source=source,
        )
    unknown = given - chosen - optional
    if unknown:
        raise InputError(
            field, dict(spec), f"{kind} takes {forms}" + (f" plus optional {', '.join(sorted(optional))}" if optional else ""),
            problem=f"unknown parameter(s) {', '.join(sorted(unknown))}", source=source,
        )
    return given, chosen


def _check_unit(unit: Any, field: str, source: str | None) -> None:
    """The table's ``unit`` must be a unit pint knows."""
    try:
        unit_from_text(str(unit), f"{field}.unit", source=source)
    except InputError:
        raise
    except (pint.errors.PintError, ValueError, AttributeError, TypeError) as exc:
        raise InputError(f"{field}.unit", unit, "a unit such as 'MPa'", problem=str(exc), source=source) from None


def _parameter_values(
    spec: Mapping[str, Any], chosen: frozenset[str], optional_given: set[str], unit: Any, field: str,
    source: str | None,
) -> tuple[dict[str, float], str]:
    """The parameters in SI and their common dimension, inferred from the first location parameter."""
    anchors = [k for k in ("mean", "median", "low", "mode", "high") if k in chosen]
    anchor_value = spec[anchors[0]]
    if unit is not None and isinstance(anchor_value, int | float) and not isinstance(anchor_value, bool):
        anchor_value = ureg.Quantity(float(anchor_value), str(unit))
    dimension = infer_dimension(anchor_value, f"{field}.{anchors[0]}", source=source)
    values = {}
    for k in sorted(chosen | optional_given):
        try:
            values[k] = _parse_param(k, spec[k], dimension, unit, field, source)
        except InputError as exc:
            if k == anchors[0] or "rel_" in k:
                raise
            # the dimension came from the anchor: a mismatch may be the anchor's fault, so name both
            raise InputError(
                f"{field}.{anchors[0]} / {field}.{k}", f"{spec[anchors[0]]!r} / {spec[k]!r}",
                f"one dimension for all parameters of a distribution (here {dimension}, from "
                f"{anchors[0]}; {k}: {exc.problem or exc.expected})",
                problem=f"{anchors[0]} and {k} disagree", source=source,
            ) from None
    return values, dimension


def _normal_parameters(
    values: dict[str, float], spec: Mapping[str, Any], field: str, source: str | None
) -> dict[str, float]:
    """mean, std and the optional truncation bounds low/high of a (truncated) normal."""
    std = values["std"] if "std" in values else values["rel_std"] * abs(values["mean"])
    if std < 0 or ("rel_std" in values and values["rel_std"] < 0):
        raise InputError(f"{field}.std", spec.get("std", spec.get("rel_std")), ">= 0",
                         problem="a negative spread", source=source)
    params = {"mean": values["mean"], "std": std}
    for k in ("low", "high"):
        if k in values:
            params[k] = values[k]
    if std == 0 and ("low" in params or "high" in params):
        raise InputError(f"{field}.std", 0, "> 0 for a truncated normal", source=source)
    if params.get("low", -np.inf) >= params.get("high", np.inf):
        raise InputError(f"{field}.low", spec.get("low"), "below high", source=source)
    if std == 0:
        params = {"mean": values["mean"], "std": 0.0}
    return params


def _uniform_parameters(
    values: dict[str, float], spec: Mapping[str, Any], field: str, source: str | None
) -> dict[str, float]:
    """low < high of a uniform distribution."""
    if not values["low"] < values["high"]:
        raise InputError(f"{field}.low", spec["low"], f"below high = {spec['high']!r}", source=source)
    return {"low": values["low"], "high": values["high"]}


def _triangular_parameters(
    values: dict[str, float], spec: Mapping[str, Any], field: str, source: str | None
) -> dict[str, float]:
    """low <= mode <= high of a triangular distribution."""
    lo, mode, hi = values["low"], values["mode"], values["high"]
    if not (lo <= mode <= hi) or lo > hi:
        raise InputError(f"{field}.mode", spec["mode"], f"within [low, high] = [{spec['low']}, {spec['high']}]",
                         source=source)
    return {"low": lo, "mode": mode, "high": hi}


def _lognormal_parameters(
    values: dict[str, float], spec: Mapping[str, Any], field: str, source: str | None
) -> dict[str, float]:
    """mu and sigma of ln x, from median/gsd or from the mean and (relative) standard deviation."""
    if "median" in values:
        if values["median"] <= 0:
            raise InputError(f"{field}.median", spec["median"], "> 0", source=source)
        if values["gsd"] < 1:
            raise InputError(f"{field}.gsd", spec["gsd"], ">= 1 (geometric standard deviation)",
                             source=source)
        return {"mu": float(np.log(values["median"])), "sigma": float(np.log(values["gsd"]))}
    mean = values["mean"]
    std = values["std"] if "std" in values else values["rel_std"] * abs(mean)
    if mean <= 0:
        raise InputError(f"{field}.mean", spec["mean"], "> 0 for a lognormal", source=source)
    if std < 0:
        raise InputError(f"{field}.std", spec.get("std", spec.get("rel_std")), ">= 0",
                         problem="a negative spread", source=source)
    s2 = float(np.log1p((std / mean) ** 2))
    return {"mu": float(np.log(mean) - 0.5 * s2), "sigma": float(np.sqrt(s2))}


# kind -> the check of its parameters and their conversion to the parameters sampling uses
_SHAPE_PARAMETERS = {
    "normal": _normal_parameters,
    "uniform": _uniform_parameters,
    "triangular": _triangular_parameters,
    "lognormal": _lognormal_parameters,
}
