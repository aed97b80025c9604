"""Measured cryogenic joints (grease, Pb–Sn solder; Ekin 2006) as interface layers of a heat path.

::

    [[layer]]
    name = "greased Si/Cu joint"
    kind = "cryogenic_joint"
    joint = "grease"            # grease | PbSn-solder
    # area = "0.5 cm^2"         # optional: the joint's own area (default: the heat path's)

R = 1/(h(T)·A) with h(T) from :func:`tcrlab.conductance.cryogenic.cryogenic_joint_conductance` at the mean
of the two face temperatures; outside the measured temperature range the circuit reports a
ValidityWarning naming the layer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tcrlab.conductance.cryogenic import (
    SOURCE,
    cryogenic_joint_conductance,
    cryogenic_joint_kind,
    temperature_range,
)
from tcrlab.errors import InputError
from tcrlab.units import parse_quantity

__all__ = ["LAYER_FIELDS", "CryogenicJoint", "element_from_table"]

LAYER_FIELDS = ("name", "kind", "joint", "area", "description")


@dataclass
class CryogenicJoint:
    """Heat-path element: a measured grease or Pb–Sn solder joint, R'' = 1/h(T) (zero thickness).

    Attributes
    ----------
    name : str
        The layer's name in tables and messages.
    joint : str
        The measured joint: ``"grease"`` or ``"PbSn-solder"`` (aliases are normalised on construction).
    area : float or None
        The joint's own area [m²]; None uses the heat path's cross-section.
    kind : str
        Always ``"cryogenic_joint"``.
    is_interface : bool
        Always True: a zero-thickness interface of the heat path.
    temperature_dependent : bool
        Always True: h(T) is evaluated at the mean face temperature, so the circuit iterates.

    References
    ----------
    J. W. Ekin, Experimental Techniques for Low-Temperature Measurements, OUP (2006), p. 63 (measured
    joint conductances, through :mod:`tcrlab.conductance.cryogenic`).
    """

    name: str
    joint: str
    area: float | None = None
    kind: str = field(default="cryogenic_joint", init=False)
    is_interface: bool = field(default=True, init=False)
    temperature_dependent: bool = field(default=True, init=False)

    def __post_init__(self) -> None:
        self.joint = cryogenic_joint_kind(self.joint)

    @property
    def t_range(self) -> tuple[float, float]:
        """The measured temperature range [K] (the circuit warns when a face leaves it)."""
        return temperature_range(self.joint)

    def area_resistance(self, temperature: Any) -> Any:
        """R'' [m² K/W] at ``temperature`` [K] (no warning: the circuit reports the range once)."""
        return 1.0 / np.asarray(cryogenic_joint_conductance(self.joint, temperature, warn=False))

    def resistance(self, area: float, t_hot: float, t_cold: float) -> Any:
        a = np.asarray(area if self.area is None else self.area, dtype=float)
        if np.any(~(a > 0)):
            raise InputError("area", area, "> 0 m²")
        r = self.area_resistance(0.5 * (np.asarray(t_hot, float) + np.asarray(t_cold, float))) / a
        return float(r) if np.ndim(r) == 0 else r

    def describe(self) -> dict[str, Any]:
        lo, hi = self.t_range
        return {"kind": self.kind, "name": self.name, "joint": self.joint, "area": self.area,
                "valid_T_K": [lo, hi], "source": SOURCE}


def element_from_table(table: Mapping[str, Any], *, field: str, source: str, registry: Any = None) -> CryogenicJoint:
    """A :class:`CryogenicJoint` from a stack ``[[layer]]`` table with ``kind = "cryogenic_joint"``.

    Parameters
    ----------
    table : Mapping
        The ``[[layer]]`` table: ``joint`` (grease | PbSn-solder), optional ``name``, ``area`` (text with
        a unit) and ``description``.
    field : str
        Where the table sits in the file, e.g. ``"layer[3]"``; errors name ``field.key``.
    source : str
        The case file's name, used in messages.
    registry : MaterialRegistry, optional
        Unused (a measured joint needs no materials); accepted so that every delegated layer kind has
        the same builder signature.

    Returns
    -------
    CryogenicJoint
        The heat-path element.

    Examples
    --------
    >>> j = element_from_table({"joint": "grease"}, field="layer[2]", source="case.toml")
    >>> j.name, j.area
    ('grease joint', None)
    """
    unknown = sorted(set(table) - set(LAYER_FIELDS))
    if unknown:
        raise InputError(f"{field}.{unknown[0]}", table[unknown[0]], "one of: " + ", ".join(LAYER_FIELDS),
                         problem="unknown field for a cryogenic_joint layer", source=source)
    if "joint" not in table:
        raise InputError(f"{field}.joint", None, "grease | PbSn-solder", problem="missing", source=source)
    area = None
    if "area" in table:
        area = float(parse_quantity(table["area"], "area", f"{field}.area", source=source))
        if not area > 0:
            raise InputError(f"{field}.area", table["area"], "> 0 m²", source=source)
    try:
        return CryogenicJoint(str(table.get("name", f"{table['joint']} joint")), str(table["joint"]), area)
    except InputError as exc:
        raise InputError(f"{field}.joint", exc.value, exc.expected, problem=exc.problem, source=source) from None
