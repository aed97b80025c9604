"""Units at the boundary: text such as ``"0.5 mm"`` or ``"25 degC"`` becomes an SI float here, once.

Everything inside tcrlab works in SI floats / NumPy arrays. Case files and the command line call
:func:`parse_quantity` (or :func:`parse_range` for sweeps); the units library is pint.

pint is imported on first need, not with this module (importing it and building its registry costs
~0.2 s of CPU, more than a single joint evaluation): text parsed once is remembered in memory and in a
small disk cache (:mod:`tcrlab._quantity_cache`; ``TCRLAB_NO_CACHE=1`` turns it off), keyed by the text
and its dimension, so a repeated command — the packaged materials' values, "1 MPa", "300 K" — does not
load pint at all. ``ureg`` (the pint registry) is created when first used.
"""

from __future__ import annotations

import re
import sys
import threading
import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from tcrlab import _quantity_cache
from tcrlab._cachedir import caching_disabled
from tcrlab.errors import InputError

if TYPE_CHECKING:
    import pint


def _import_pint_without_dask() -> Any:
    """``import pint`` without the eager ``import dask`` it performs when dask is installed.

    pint 0.2x imports ``dask.base`` (and with it jinja2, yaml, toolz, ...) at import time only to offer
    ``Quantity.compute()``/``persist()``/``visualize()`` on dask-array magnitudes; that is ~40 % of pint's
    import time and tcrlab never puts dask arrays in quantities. When dask is not imported yet, pint is
    imported with dask hidden (pint then sees no dask) and its dask hooks are re-armed afterwards with
    lazy stand-ins, so a dask array in a quantity works exactly as before once the user imports dask.
    When dask is already imported, or pint's internals are not the expected ones, pint is imported as is.
    (While pint is being imported — under :func:`_registry`'s lock — an ``import dask`` in another thread
    would fail; tcrlab itself imports dask only in its executors, long after.)
    """
    import importlib
    import importlib.util

    if "pint" in sys.modules or "dask" in sys.modules:
        return importlib.import_module("pint")
    sys.modules["dask"] = None  # type: ignore[assignment]  # find_spec("dask") -> None, import dask fails
    try:
        module = importlib.import_module("pint")
    finally:
        if "dask" in sys.modules and sys.modules["dask"] is None:
            del sys.modules["dask"]
    if importlib.util.find_spec("dask") is None:  # no dask installed: pint's own view is right
        return module
    compat = sys.modules.get("pint.compat")
    facet = sys.modules.get("pint.facets.dask")
    hooks = ("dask_array", "compute", "persist", "visualize")
    if (compat is not None and facet is not None and getattr(compat, "HAS_DASK", None) is False
            and all(getattr(m, name, 0) is None for m in (compat, facet) for name in hooks)):
        for m in (compat, facet):
            m.dask_array = _LazyDaskArray()
            for name in hooks[1:]:
                setattr(m, name, _lazy_dask_base(name))
        compat.HAS_DASK = True
        return module
    # an unknown pint layout: import it again, with dask visible, rather than leave dask support off
    for name in [n for n in sys.modules if n == "pint" or n.startswith("pint.")]:
        del sys.modules[name]
    return importlib.import_module("pint")


class _LazyDaskArray:
    """``dask.array``, imported on first attribute access (as pint's own stand-in does)."""

    def __getattr__(self, attr: str) -> Any:
        import importlib

        return getattr(importlib.import_module("dask.array"), attr)


def _lazy_dask_base(name: str) -> Any:
    def call(*args: Any, **kwargs: Any) -> Any:
        import dask.base

        return getattr(dask.base, name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


__all__ = ["DIMENSIONS", "MAX_RANGE_COUNT", "MAX_TEXT_LENGTH", "check_text", "format_si", "parse_number", "parse_quantity",
           "parse_range", "quantity_from_text", "unit_from_text", "ureg"]  # noqa: F822 (ureg: module __getattr__)

# Longest quantity text accepted. Real inputs ("1.2e-4 K m^2/W", "5000 W/(m^2 K)") are < 40 characters;
# the bound keeps parsing time small whatever a file or a web form sends.
MAX_TEXT_LENGTH = 200
# Most values in one START:STOP:N range (the values are built before anything else can be checked).
MAX_RANGE_COUNT = 1_000_000

# pint's own definitions cache (its user cache folder) makes building the registry ~6× cheaper on every
# later start (0.31 → 0.05 s CPU measured); TCRLAB_NO_CACHE=1 builds it from the definitions each time.
_PINT_CACHE = None if caching_disabled() else ":auto:"
_UREG: list[Any] = []
_UREG_LOCK = threading.Lock()


def _registry() -> Any:
    """The pint registry of tcrlab (``ureg``), built on first use."""
    if not _UREG:
        with _UREG_LOCK:
            if not _UREG:
                module = _import_pint_without_dask()
                try:
                    reg = module.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=_PINT_CACHE)
                except OSError:  # an unwritable cache folder: no cache
                    reg = module.UnitRegistry(autoconvert_offset_to_baseunit=True)
                reg.formatter.default_format = "~P"
                _UREG.append(reg)
    return _UREG[0]


def _pint() -> Any:
    _registry()
    return sys.modules["pint"]


def _is_quantity(value: Any) -> bool:
    """``isinstance(value, pint.Quantity)`` without importing pint (no pint, no Quantity)."""
    module = sys.modules.get("pint")
    quantity = getattr(module, "Quantity", None)
    return quantity is not None and isinstance(value, quantity)


def __getattr__(name: str) -> Any:
    if name == "ureg":
        return _registry()
    if name == "pint":
        return _pint()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# Named physical dimensions used by tcrlab's inputs -> the SI unit values are converted to.
DIMENSIONS: dict[str, str] = {
    "dimensionless": "dimensionless",
    "length": "m",
    "area": "m^2",
    "temperature": "K",
    "temperature_difference": "K",
    "pressure": "Pa",
    "power": "W",
    "heat_flux": "W/m^2",
    "conductivity": "W/(m*K)",
    "heat_transfer_coefficient": "W/(m^2*K)",
    "area_resistance": "K*m^2/W",
    "resistance": "K/W",
    "density": "kg/m^3",
    "speed": "m/s",
    "molar_mass": "kg/mol",
    "specific_heat": "J/(kg*K)",
    "viscosity": "Pa*s",
    "frequency": "1/s",
    "mass": "kg",
    "force": "N",
    "energy": "J",
    "time": "s",
    "electrical_resistivity": "ohm*m",
    "electrical_resistance": "ohm",
    "area_electrical_resistance": "ohm*m^2",
    "heat_capacity": "J/K",
}

_EXAMPLES: dict[str, str] = {
    "length": "'0.5 mm'",
    "area": "'4 cm^2'",
    "temperature": "'300 K' or '25 degC'",
    "temperature_difference": "'5 K'",
    "pressure": "'2 MPa'",
    "power": "'120 W'",
    "heat_flux": "'300 kW/m^2'",
    "conductivity": "'150 W/(m K)'",
    "heat_transfer_coefficient": "'5000 W/(m^2 K)'",
    "area_resistance": "'1.2e-4 K m^2/W'",
    "resistance": "'0.3 K/W'",
    "density": "'8933 kg/m^3'",
    "speed": "'5000 m/s'",
    "time": "'10 ms'",
    "electrical_resistivity": "'1.7e-8 ohm m'",
    "electrical_resistance": "'1 mohm'",
    "area_electrical_resistance": "'1e-9 ohm m^2'",
    "heat_capacity": "'0.5 J/K'",
}


def _check_dimension(dimension: str) -> None:
    if dimension not in DIMENSIONS:
        raise InputError("dimension", dimension, ", ".join(sorted(DIMENSIONS)))


@cache
def _reference(dimension: str) -> pint.Unit:
    _check_dimension(dimension)
    return _registry().Unit(DIMENSIONS[dimension])


def _expected(dimension: str) -> str:
    ref = DIMENSIONS.get(dimension, dimension)
    example = _EXAMPLES.get(dimension)
    text = f"a {dimension.replace('_', ' ')} in units convertible to {ref}"
    return f"{text}, e.g. {example}" if example else text


def parse_quantity(
    value: Any,
    dimension: str,
    field: str,
    *,
    source: str | None = None,
    bare_numbers_are_si: bool = False,
) -> float | np.ndarray:
    """Parse ``value`` (text with a unit, a pint Quantity, or a number) to an SI float.

    A pint Quantity with an array magnitude (Monte Carlo samples, sweeps) gives an SI ndarray.

    Parameters
    ----------
    value : str, pint.Quantity, int or float
        ``"0.5 mm"``, ``"1.2e-4 K m^2/W"``, ``"25 degC"``, ...
    dimension : str
        One of :data:`DIMENSIONS`; a value of another dimension is an :class:`InputError`.
    field : str
        The name reported in errors (e.g. ``"layer[1].thickness"``).
    source : str, optional
        The file the value came from, reported in errors.
    bare_numbers_are_si : bool
        Accept a plain number as already in SI. Off by default: a dimensional field written without a
        unit is the commonest case-file mistake, so it is reported rather than guessed.

    Returns
    -------
    float or ndarray
        The value in SI units of ``dimension``.

    Raises
    ------
    InputError
        For text that is not a quantity, a wrong dimension, or a bare number (unless allowed).

    Examples
    --------
    >>> parse_quantity("0.5 mm", "length", "thickness")
    0.0005
    >>> parse_quantity("25 degC", "temperature", "T")
    298.15
    >>> parse_quantity("0.5", "length", "thickness")
    Traceback (most recent call last):
    ...
    tcrlab.errors.InputError: thickness = '0.5': a number without a unit; valid: a length in units convertible to m, e.g. '0.5 mm'
    """
    _check_dimension(dimension)
    expected = _expected(dimension)
    if isinstance(value, bool):
        raise InputError(field, value, expected, source=source)
    if isinstance(value, int | float | np.integer | np.floating):
        return _bare_number(float(value), value, dimension, field, expected, source, bare_numbers_are_si)
    if _is_quantity(value):
        quantity = value
        if np.ndim(quantity.magnitude) > 0:  # sampled / swept values: convert the whole array
            return _convert_array(quantity, _reference(dimension), value, field, expected, source)
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            raise InputError(field, value, expected, problem="empty", source=source)
        check_text(text, field, expected, source=source)
        known = _PARSED.get((text, dimension))
        if known is not None:  # pint's expression parser costs ~3 ms a value; sweeps and services repeat them
            return known
        try:
            number = float(text)
        except ValueError:
            pass
        else:
            return _bare_number(number, value, dimension, field, expected, source, bare_numbers_are_si)
        known = _quantity_cache.lookup(text, dimension)
        if known is not None:
            _PARSED[(text, dimension)] = known
            return known
        ureg = _registry()
        try:
            quantity = ureg.Quantity(_offset_units_as_differences(_floats_only(text), dimension))
        except Exception as exc:  # pint's parser raises many types (TokenError, AssertionError, OverflowError...)
            raise InputError(
                field, value, expected, problem=f"not a quantity ({type(exc).__name__})", source=source
            ) from None
        if not _is_quantity(quantity):
            quantity = ureg.Quantity(quantity, "dimensionless")
    else:
        raise InputError(field, value, expected, source=source)

    reference = _reference(dimension)
    if not quantity.check(reference.dimensionality):
        got = f"{quantity.dimensionality}" if not quantity.dimensionless else "dimensionless"
        raise InputError(field, value, expected, problem=f"has dimension {got}", source=source)
    try:
        magnitude = quantity.to(reference).magnitude
    except _pint().errors.PintError as exc:  # e.g. offset units in a product
        raise InputError(field, value, expected, problem=str(exc), source=source) from None
    result = float(magnitude)
    if not np.isfinite(result):
        raise InputError(field, value, expected, problem="not finite", source=source)
    if dimension == "temperature" and result <= 0:  # report the text as written, with the kelvin value
        raise InputError(field, value, "an absolute temperature > 0 K",
                         problem=f"{result:.6g} K, at or below absolute zero", source=source)
    if isinstance(value, str):
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.clear()
        _PARSED[(value.strip(), dimension)] = result
        _quantity_cache.remember(value.strip(), dimension, result)
    return result


# Successful parses of text, by (text, dimension): only valid values are kept, so every error is still
# raised with its own field and file.
_PARSED: dict[tuple[str, str], float] = {}
_PARSED_MAX = 4096

_BAD_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}  # control, format (bidi overrides), unassigned


def check_text(text: str, field: str, expected: str, *, source: str | None = None) -> None:
    """Refuse text no number or unit contains: over-long text, control and bidirectional-format
    characters (a right-to-left override can make "21" display as "12"), and digits other than 0-9
    (Python's ``float`` reads Arabic-Indic "١٢" as 12, which a reader of the file would not expect).

    Parameters
    ----------
    text : str
        The text to check.
    field : str
        The name reported in errors.
    expected : str
        What the field should hold (reported in errors).
    source : str, optional
        The file the text came from.

    Raises
    ------
    InputError
        Naming ``field`` and what is wrong.

    Examples
    --------
    >>> check_text("12 mm", "thickness", "a length")  # nothing to report
    """
    if len(text) > MAX_TEXT_LENGTH:
        raise InputError(field, text, expected, problem=f"longer than {MAX_TEXT_LENGTH} characters",
                         source=source)
    for ch in text:
        if ch.isascii():
            if ch.isprintable():
                continue
            raise InputError(field, text, expected, problem=f"contains the control character {ch!r}",
                             source=source)
        category = unicodedata.category(ch)
        if category in _BAD_CATEGORIES:
            raise InputError(field, text, expected,
                             problem=f"contains the control or format character U+{ord(ch):04X}", source=source)
        if category == "Nd":
            raise InputError(field, text, expected,
                             problem=f"contains the non-ASCII digit {ch!r} (U+{ord(ch):04X}); write digits 0-9",
                             source=source)


def parse_number(text: str, field: str, *, source: str | None = None) -> float:
    """A plain finite number from a table cell (ASCII digits only; no units, no expressions).

    Parameters
    ----------
    text : str
        The cell's text.
    field : str
        The name reported in errors.
    source : str, optional
        The file the text came from.

    Returns
    -------
    float
        The number.

    Raises
    ------
    InputError
        Empty, non-ASCII digits, control characters, not a number, or not finite.

    Examples
    --------
    >>> parse_number("1.5e3", "pressure")
    1500.0
    """
    expected = "a finite number written with digits 0-9, e.g. 21.5"
    stripped = text.strip()
    if not stripped:
        raise InputError(field, text, expected, problem="empty", source=source)
    check_text(stripped, field, expected, source=source)
    try:
        number = float(stripped)
    except ValueError:
        raise InputError(field, text, expected, problem="not a number", source=source) from None
    if not np.isfinite(number):
        raise InputError(field, text, expected, problem="not finite", source=source)
    return number


# An integer literal standing alone (not part of a name such as "m2", nor of a float such as "1.5" or
# "1e5"). pint evaluates "9**9**9" with Python's unbounded integers, which takes practically forever;
# written as floats the same expression overflows at once (OverflowError, reported as not a quantity).
_INTEGER = re.compile(r"(?<![\w.])(?<![eE][-+])(\d+)(?![\w.])")


def _floats_only(text: str) -> str:
    return _INTEGER.sub(r"\1.0", text)


def quantity_from_text(text: str, field: str = "value", *, source: str | None = None) -> Any:
    """pint's reading of ``text`` (a Quantity, or a plain number), with the limits of
    :func:`check_text` and integers evaluated as floats, so no input can make it run for long.

    Parameters
    ----------
    text : str
        Text such as ``"2 mm"``.
    field : str
        The name reported in errors.
    source : str, optional
        The file the text came from.

    Returns
    -------
    pint.Quantity or float
        pint's reading (not yet converted to SI).

    Raises
    ------
    InputError
        Over-long text, control characters, non-ASCII digits, or text pint cannot read.

    Examples
    --------
    >>> quantity_from_text("2 mm")
    <Quantity(2.0, 'millimeter')>
    """
    expected = "a quantity such as '2 MPa'"
    text = str(text).strip()
    check_text(text, field, expected, source=source)
    try:
        ureg = _registry()
        return ureg.parse_expression(_floats_only(text)) if text else ureg.Quantity(text)
    except Exception as exc:  # pint raises many types (TokenError, DefinitionSyntaxError, OverflowError, ...)
        raise InputError(field, text, expected, problem=f"not a quantity ({type(exc).__name__})",
                         source=source) from None


def unit_from_text(text: str, field: str = "unit", *, source: str | None = None) -> pint.Unit:
    """A pint Unit from ``text`` with the limits of :func:`quantity_from_text`.

    Parameters
    ----------
    text : str
        A unit such as ``"W/m^2/K"``.
    field : str
        The name reported in errors.
    source : str, optional
        The file the text came from.

    Returns
    -------
    pint.Unit
        The unit.

    Examples
    --------
    >>> unit_from_text("W/m^2/K")
    <Unit('watt / meter ** 2 / kelvin')>
    """
    quantity = quantity_from_text(text, field, source=source)
    if not _is_quantity(quantity) or quantity.magnitude != 1:
        raise InputError(field, text, "a unit such as 'MPa'", source=source)
    return quantity.units


# Offset temperature units: inside a compound unit ("W/(m degC)") or for a temperature difference
# ("5 degC" of ΔT) they mean a *difference* of temperature; only a plain temperature is absolute.
_OFFSET_UNIT = re.compile(r"(?<![A-Za-z_])(degC|degF|°C|°F|celsius|fahrenheit|degree_Celsius|degree_Fahrenheit)(?![A-Za-z_])")


def _offset_units_as_differences(text: str, dimension: str) -> str:
    if dimension == "temperature" or not _OFFSET_UNIT.search(text):
        return text

    def to_delta(match: re.Match[str]) -> str:
        unit = match.group(1)
        return "delta_degF" if ("F" in unit or "fahrenheit" in unit) else "delta_degC"

    return _OFFSET_UNIT.sub(to_delta, text)


def _bare_number(
    number: float,
    value: Any,
    dimension: str,
    field: str,
    expected: str,
    source: str | None,
    bare_numbers_are_si: bool,
) -> float:
    if dimension != "dimensionless" and not bare_numbers_are_si:
        raise InputError(field, value, expected, problem="a number without a unit", source=source)
    if not np.isfinite(number):
        raise InputError(field, value, expected, problem="not finite", source=source)
    return number


def _convert_array(
    quantity: pint.Quantity,
    reference: pint.Unit,
    value: Any,
    field: str,
    expected: str,
    source: str | None,
) -> np.ndarray:
    if not quantity.check(reference.dimensionality):
        raise InputError(field, value, expected, problem="wrong dimension", source=source)
    out = np.asarray(quantity.to(reference).magnitude, dtype=float)
    if not np.isfinite(out).all():
        raise InputError(field, value, expected, problem="contains non-finite values", source=source)
    return out


def parse_range(text: str, dimension: str, field: str, *, source: str | None = None) -> np.ndarray:
    """Parse a sweep range ``"START:STOP:N"`` (linear) or ``"START:STOP:logN"`` (log-spaced).

    A single quantity gives a one-element array; a comma-separated list gives those values.
    Example: ``parse_range("0.1MPa:10MPa:log40", "pressure", "pressure")``.

    Parameters
    ----------
    text : str
        ``"START:STOP:N"``, ``"START:STOP:logN"``, one quantity or a comma-separated list.
    dimension : str
        One of :data:`DIMENSIONS`.
    field : str
        The name reported in errors.
    source : str, optional
        The file the text came from.

    Returns
    -------
    ndarray
        The values in SI units.

    Examples
    --------
    >>> parse_range("0.1MPa:10MPa:log3", "pressure", "pressure")
    array([  100000.,  1000000., 10000000.])
    >>> parse_range("1 mm, 2 mm", "length", "thickness")
    array([0.001, 0.002])
    """
    if not isinstance(text, str):
        return np.atleast_1d(parse_quantity(text, dimension, field, source=source))
    if "," in text:
        return np.array(
            [parse_quantity(p, dimension, field, source=source) for p in text.split(",")]
        )
    parts = text.split(":")
    if len(parts) == 1:
        return np.atleast_1d(parse_quantity(text, dimension, field, source=source))
    valid = "START:STOP:N or START:STOP:logN, e.g. '0.1MPa:10MPa:log40'"
    if len(parts) != 3:
        raise InputError(field, text, valid, source=source)
    start = parse_quantity(parts[0], dimension, field, source=source)
    stop = parse_quantity(parts[1], dimension, field, source=source)
    count = parts[2].strip().lower()
    log = count.startswith("log")
    try:
        n = int(count[3:] if log else count)
    except ValueError:
        raise InputError(field, text, valid, problem="the count is not an integer", source=source) from None
    if n < 1:
        raise InputError(field, text, valid, problem="the count must be >= 1", source=source)
    if n > MAX_RANGE_COUNT:
        raise InputError(field, text, valid, problem=f"{n:,} values; at most {MAX_RANGE_COUNT:,} per range",
                         source=source)
    if log:
        if start <= 0 or stop <= 0:
            raise InputError(field, text, valid, problem="a log range needs positive ends", source=source)
        return np.geomspace(start, stop, n)
    return np.linspace(start, stop, n)


def format_si(value: float, unit: str, *, digits: int = 4) -> str:
    """Format an SI value in a display unit, e.g. ``format_si(3e5, "kW/m^2") -> '300 kW/m²'``.

    Parameters
    ----------
    value : float
        The value in SI units.
    unit : str
        The display unit (pint syntax).
    digits : int
        Significant digits.

    Returns
    -------
    str
        The value in ``unit`` with the unit in its short form.

    Examples
    --------
    >>> format_si(3e5, "kW/m^2")
    '300 kW/m²'
    """
    ureg = _registry()
    dimension = ureg.Unit(unit).dimensionality
    base = ureg.Quantity(1.0, unit).to_base_units().units
    quantity = ureg.Quantity(value, base)
    if quantity.dimensionality != dimension:  # pragma: no cover - programming error
        raise ValueError(f"{unit} does not match")
    return f"{quantity.to(unit).magnitude:.{digits}g} {ureg.Unit(unit):~P}"
