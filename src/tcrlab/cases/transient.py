"""The transient model of a heat-path case: its steady solution linearised into a layered Laplace path.

Every element of the solved stack keeps its steady resistance (so the transient's steady state is the
steady case's R_total exactly, k(T) included: each layer's conductivity is the integral mean over its solved
face temperatures). Conduction layers become slabs with the heat capacity ρc of their registry material;
contacts, TIMs, joints, Kapitza interfaces, resistors and convective sinks are massless resistances (a TIM's
bond line stores little heat; its resistance is what a thermal transient measures). A case may give
ρ and c for layers whose material lacks them (or that give only a conductivity)::

    [transient]
    t_min = "1 us"
    t_max = "100 s"
    points = 200
    [transient.layer."DBC AlN ceramic"]
    density = "3260 kg/m^3"
    specific_heat = "740 J/(kg K)"

Validity: 1-D heat flow along the case's main path (a layer with its own area is a slab of that area,
which models spreading only as the steady case does); linear around the steady operating point.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from tcrlab.cases.stack import StackCase
from tcrlab.errors import CaseFileError, InputError
from tcrlab.network.circuit import ParallelGroup
from tcrlab.network.elements import ConductionLayer
from tcrlab.transient.laplace import LayeredPath, Resistance, Slab
from tcrlab.units import parse_quantity

__all__ = ["TRANSIENT_FIELDS", "TransientSettings", "case_path", "case_power", "transient_settings"]

TRANSIENT_FIELDS = ("t_min", "t_max", "points", "layer")


@dataclass(frozen=True)
class TransientSettings:
    """Output times of a case's transient: ``points`` log-spaced from t_min to t_max [s].

    Attributes
    ----------
    t_min, t_max : float
        First and last output time [s].
    points : int
        Number of output times.
    """

    t_min: float = 1e-6
    t_max: float = 100.0
    points: int = 200

    @property
    def times(self) -> np.ndarray:
        return np.logspace(np.log10(self.t_min), np.log10(self.t_max), self.points)


def _transient_table(doc: Mapping[str, Any], source: str) -> Mapping[str, Any]:
    table = doc.get("transient", {})
    if not isinstance(table, Mapping):
        raise CaseFileError(f"{source}: [transient] must be a table (t_min, t_max, points, layer)")
    for key in table:
        if key not in TRANSIENT_FIELDS:
            raise InputError(f"transient.{key}", table[key], "one of: " + ", ".join(TRANSIENT_FIELDS),
                             problem="unknown field", source=source)
    return table


def transient_settings(doc: Mapping[str, Any], *, source: str = "<case>") -> TransientSettings:
    """The ``[transient]`` table's output times (defaults 1 µs … 100 s, 200 points).

    Parameters
    ----------
    doc : Mapping
        The parsed TOML document.
    source : str
        The file name used in messages.

    Returns
    -------
    TransientSettings
        The output times.

    Examples
    --------
    >>> s = transient_settings({"transient": {"t_min": "1 ms", "t_max": "10 s", "points": 10}})
    >>> s.points, s.times[[0, -1]]
    (10, array([1.e-03, 1.e+01]))
    """
    table = _transient_table(doc, source)
    t_min = float(parse_quantity(table.get("t_min", "1 us"), "time", "transient.t_min", source=source))
    t_max = float(parse_quantity(table.get("t_max", "100 s"), "time", "transient.t_max", source=source))
    points = table.get("points", 200)
    if not 0 < t_min < t_max:
        raise InputError("transient.t_max", table.get("t_max"), f"a time > t_min = {t_min:g} s > 0", source=source)
    if not isinstance(points, int) or isinstance(points, bool) or not 10 <= points <= 100_000:
        raise InputError("transient.points", points, "an integer 10 … 100000", source=source)
    return TransientSettings(t_min, t_max, points)


def _flatten(items: tuple[Any, ...], where: str, source: str) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, ParallelGroup):
            branch = item.branches[0]
            if len(item.branches) != 1 or branch.sink_temperature is not None:
                raise InputError(where, item.name, "a single series path (the 1-D transient has no parallel "
                                 "branches or side sinks)", problem="parallel group", source=source)
            out += _flatten(branch.items, where, source)
        else:
            out.append(item)
    return out


def _heat_capacity(element: ConductionLayer, overrides: Mapping[str, Any], source: str) -> float:
    table = overrides.get(element.name)
    rho_v = cp_v = None
    where = element.label or element.name
    if table is not None:
        where = f"transient.layer.{element.name}"
        if not isinstance(table, Mapping) or set(table) - {"density", "specific_heat"}:
            raise InputError(where, table, "a table with density and specific_heat", source=source)
        if "density" in table:
            rho_v = float(parse_quantity(table["density"], "density", f"{where}.density", source=source))
        if "specific_heat" in table:
            cp_v = float(parse_quantity(table["specific_heat"], "specific_heat", f"{where}.specific_heat",
                                        source=source))
    mat = element.material
    if rho_v is None and mat is not None and mat.density is not None:
        rho_v = float(mat.density)  # registry values are SI already
    if cp_v is None and mat is not None and mat.specific_heat is not None:
        cp_v = float(mat.specific_heat)
    if rho_v is None or cp_v is None:
        missing = "density" if rho_v is None else "specific_heat"
        raise InputError(f"{where}.{missing}", None,
                         f"a {missing.replace('_', ' ')} for layer {element.name!r}: a registry material that has "
                         f"it, or [transient.layer.\"{element.name}\"] {missing} = ...", problem="missing",
                         source=source)
    if rho_v <= 0 or cp_v <= 0:
        raise InputError(f"{where}.density", rho_v, "density and specific heat > 0", source=source)
    return rho_v * cp_v


def case_path(case: StackCase) -> LayeredPath:
    """The layered transient path of a (scalar) stack case, from its hot end to its sink.

    Parameters
    ----------
    case : StackCase
        A heat-path case (``tcrlab.cases.load_case``); it is solved first.

    Returns
    -------
    LayeredPath
        Slabs for conduction layers (thickness, conductivity L/R'' of the solved layer, ρc, area) and
        resistances for everything else. ``path.steady_resistance`` equals the case's R_total.

    Examples
    --------
    >>> from tcrlab.cases import load_case        # doctest: +SKIP
    >>> path = case_path(load_case("examples/transient_die_attach.toml"))  # doctest: +SKIP
    """
    result = case.solve()
    if np.ndim(result.total_resistance) != 0:
        raise InputError("case", case.source, "a case without distributions (one path, not a batch)")
    overrides = _transient_table(case.document, case.source).get("layer", {})
    if not isinstance(overrides, Mapping):
        raise CaseFileError(f"{case.source}: [transient.layer.\"name\"] tables give density and specific_heat")
    names = {e.name for e in result.elements}
    for key in overrides:
        if key not in names:
            raise InputError(f"transient.layer.{key}", key, "a layer name: " + ", ".join(sorted(names)),
                             problem="no such layer", source=case.source)
    items = _flatten(case.stack.items, "layer", case.source)
    if len(items) != len(result.elements) or any(not e.on_main_path for e in result.elements):
        raise InputError("layer", case.source, "a single series path", problem="branches")
    elements: list[Slab | Resistance] = []
    for item, res in zip(items, result.elements, strict=True):
        if isinstance(item, ConductionLayer):
            thickness = float(item.thickness)
            k = thickness / float(res.resistance_area)
            elements.append(Slab(item.name, thickness, k, _heat_capacity(item, overrides, case.source), float(res.area)))
        else:
            elements.append(Resistance(item.name, float(res.resistance)))
    return LayeredPath(tuple(elements))


def case_power(case: StackCase) -> float | None:
    """The heat input [W] of the case (power, or heat flux × area); None when a hot temperature is fixed.

    Parameters
    ----------
    case : StackCase
        A stack case.

    Returns
    -------
    float or None
        Heat input [W].
    """
    b = case.stack.boundary
    if b.power is not None:
        return float(b.power)
    if b.heat_flux is not None:
        return float(b.heat_flux) * float(case.stack.area)
    return None
