"""Axis labels in the units engineers read (W/(m²K), cm²K/W, MPa, µm), with the factor from SI.

Outputs are named by the case contract (``h_c``, ``R_c``, ``Y``, ``P_over_Hc`` …); swept inputs by
their dimension. Unknown names keep SI and say so.
"""

from __future__ import annotations

import re

__all__ = ["dimension_display", "output_display", "output_unit"]

# name pattern -> (SI unit, display unit, factor from SI to display)
_OUTPUTS: tuple[tuple[re.Pattern[str], str, str, float], ...] = (
    (re.compile(r"^h(_|$)"), "W/(m²K)", "W/(m²K)", 1.0),
    (re.compile(r"^R(_|$)"), "m²K/W", "cm²K/W", 1e4),
    (re.compile(r"^T(_|$)"), "K", "K", 1.0),
    (re.compile(r"^Y$"), "m", "µm", 1e6),
    (re.compile(r"^(P_over_Hc|area_ratio|share.*|.*_fraction)$"), "", "–", 1.0),
)

_DIMENSIONS: dict[str, tuple[str, float]] = {
    "pressure": ("MPa", 1e-6),
    "length": ("µm", 1e6),
    "temperature": ("K", 1.0),
    "temperature_difference": ("K", 1.0),
    "conductivity": ("W/(m K)", 1.0),
    "heat_transfer_coefficient": ("W/(m²K)", 1.0),
    "area_resistance": ("cm²K/W", 1e4),
    "resistance": ("K/W", 1.0),
    "power": ("W", 1.0),
    "heat_flux": ("W/cm²", 1e-4),
    "dimensionless": ("–", 1.0),
}


def output_unit(name: str) -> str:
    """The SI unit of a named output ("" when dimensionless or unknown).

    Parameters
    ----------
    name : str
        An output name of the case contract, e.g. ``"h_c"``, ``"R_total"``, ``"Y"``.

    Returns
    -------
    str
        The SI unit, e.g. ``"m²K/W"``; ``""`` when dimensionless or unknown.

    Examples
    --------
    >>> output_unit("R_c"), output_unit("h_amm"), output_unit("P_over_Hc")
    ('m²K/W', 'W/(m²K)', '')
    """
    return next((si for pattern, si, _, _ in _OUTPUTS if pattern.match(name)), "")


def output_display(name: str) -> tuple[str, float]:
    """(axis label, factor from SI) for a named output, e.g. ("R_c (cm²K/W)", 1e4).

    Parameters
    ----------
    name : str
        An output name of the case contract, e.g. ``"h_c"``, ``"R_c"``, ``"Y"``.

    Returns
    -------
    label : str
        The axis label with the display unit (``"<name> (SI)"`` for an unknown name; no unit for a
        dimensionless one).
    factor : float
        Multiply SI values by this to get the display unit.

    Examples
    --------
    >>> output_display("R_c")
    ('R_c (cm²K/W)', 10000.0)
    """
    for pattern, _, unit, factor in _OUTPUTS:
        if pattern.match(name):
            return (f"{name} ({unit})" if unit != "–" else name), factor
    return f"{name} (SI)", 1.0


def dimension_display(name: str, dimension: str | None) -> tuple[str, float]:
    """(axis label, factor from SI) for a swept input of the given dimension.

    Parameters
    ----------
    name : str
        The swept input's name, used as the label's text.
    dimension : str or None
        Its dimension in :data:`tcrlab.units.DIMENSIONS` terms, e.g. ``"pressure"``; None for text
        values (a gas name, a model) that have no unit.

    Returns
    -------
    label : str
        The axis label with the display unit (``"<name> (SI)"`` for a dimension without one here).
    factor : float
        Multiply SI values by this to get the display unit.

    Examples
    --------
    >>> dimension_display("pressure", "pressure")
    ('pressure (MPa)', 1e-06)
    """
    if dimension is None:
        return name, 1.0
    unit, factor = _DIMENSIONS.get(dimension, (None, 1.0))
    if unit is None:
        return f"{name} (SI)", 1.0
    return (f"{name} ({unit})" if unit != "–" else name), factor
