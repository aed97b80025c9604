"""Joint case files (``[joint]`` table) and joints as interface layers of a stack (``kind = "joint"``).

::

    [joint]
    solids = ["SS304", "SS304"]      # or solid1 = ..., solid2 = ...
    sigma = "1.5 um"                 # combined Rq; or sigma1/sigma2, or ra / ra1/ra2
    slope = 0.1                      # combined m; or slope1/slope2; omitted -> slope_correlation
    pressure = "1 MPa"
    temperature = "300 K"
    gas = "air"                      # air | N2 | He | Ar | H2 | CO2 | vacuum
    gas_pressure = "1 atm"
    # liquid_conductivity = "0.2 W/(m K)"   (a liquid / grease filler instead of the gas)
    # tac = 0.8 or [0.8, 0.9];  emissivity = [0.3, 0.3];  c1 = "6.27 GPa";  c2 = -0.229
    contact_model = "cmy"            # a key of tcrlab.conductance.registry.CONTACT_MODELS (cmy, mikic, ...)
    gap_model = "integral"           # a key of tcrlab.conductance.registry.GAP_MODELS (integral, simple)
    radiation = "auto"               # auto | true | false

Outputs (SI): h_c, h_g, h_r, h_j (W/(m² K)), R_c (m² K/W), P_over_Hc, Y (m), area_ratio.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

import numpy as np

from tcrlab._arrays import scalar_or_array
from tcrlab.errors import CaseFileError, InputError
from tcrlab.joint import Joint, JointResult
from tcrlab.materials.registry import MaterialRegistry, default_registry
from tcrlab.units import parse_quantity

__all__ = ["JOINT_FIELDS", "JointCase", "JointElement", "element_from_table", "from_document", "joint_from_table"]

# field -> units dimension ("pair" fields accept one value or [side 1, side 2])
_QUANTITIES: dict[str, str] = {
    "pressure": "pressure", "sigma": "length", "sigma1": "length", "sigma2": "length",
    "ra": "length", "ra1": "length", "ra2": "length", "slope": "dimensionless",
    "slope1": "dimensionless", "slope2": "dimensionless", "temperature": "temperature",
    "temperature2": "temperature", "gas_pressure": "pressure", "liquid_conductivity": "conductivity",
    "c1": "pressure", "c2": "dimensionless", "microhardness": "pressure", "flow_stress": "pressure",
}
_PAIRS: dict[str, str] = {
    "tac": "dimensionless", "emissivity": "dimensionless", "conductivity": "conductivity",
    "youngs_modulus": "pressure", "poisson_ratio": "dimensionless",
}
_TEXT = ("gas", "contact_model", "gap_model", "slope_correlation")
JOINT_FIELDS = ("solids", "solid1", "solid2", "radiation", *_QUANTITIES, *_PAIRS, *_TEXT)
_LAYER_EXTRA = ("name", "kind", "description")


def _parse(value: Any, dim: str, name: str, source: str) -> Any:
    if dim == "dimensionless" and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if dim == "dimensionless" and isinstance(value, np.ndarray):  # sampled dimensionless values
        return np.asarray(value, dtype=float)
    if dim == "temperature" and isinstance(value, int | float) and not isinstance(value, bool):
        raise InputError(name, value, "a temperature with a unit, e.g. '300 K' or '25 degC'",
                         problem="a number without a unit", source=source)
    return parse_quantity(value, dim, name, source=source)


def joint_from_table(table: Mapping[str, Any], *, field: str, source: str,
                     registry: MaterialRegistry | None = None, extra: tuple[str, ...] = ()) -> Joint:
    """A :class:`Joint` from one TOML table (units parsed here; errors name ``field.key`` and the file).

    Parameters
    ----------
    table : Mapping
        The table's fields (:data:`JOINT_FIELDS`): quantities as text with units, e.g. ``"1.5 um"``.
    field : str
        Where the table sits in the file, e.g. ``"joint"`` or ``"layer[2]"``.
    source : str
        The case file's name, used in messages.
    registry : MaterialRegistry, optional
        Where the solids' names are looked up (default: the built-in registry).
    extra : tuple of str
        Further fields the caller accepts and handles itself (e.g. a layer's ``name``).

    Returns
    -------
    Joint
        The joint, not evaluated yet.

    Examples
    --------
    >>> j = joint_from_table({"solids": ["SS304", "SS304"], "sigma": "1.5 um", "slope": 0.1,
    ...                       "pressure": "1 MPa", "temperature": "300 K", "gas": "vacuum"},
    ...                      field="joint", source="case.toml")
    >>> f"{float(j.evaluate(emit_warnings=False).h_c):.3g} W/(m² K)"
    '546 W/(m² K)'
    """
    if not isinstance(table, Mapping):
        raise CaseFileError(f"{source}: [{field}] must be a table")
    unknown = sorted(set(table) - set(JOINT_FIELDS) - set(extra))
    if unknown:
        raise InputError(f"{field}.{unknown[0]}", table[unknown[0]], "one of: " + ", ".join(JOINT_FIELDS),
                         problem="unknown field", source=source)
    kw: dict[str, Any] = {}
    if "solids" in table:
        solids = table["solids"]
        if isinstance(solids, str):
            solids = [s.strip() for s in solids.split(",")]
        if not isinstance(solids, list) or not 1 <= len(solids) <= 2 or not all(isinstance(s, str) for s in solids):
            raise InputError(f"{field}.solids", solids, "a list of one or two material names", source=source)
        kw["solid1"] = solids[0]
        kw["solid2"] = solids[-1]
    for key in ("solid1", "solid2"):
        if key in table:
            kw[key] = str(table[key])
    if "solid1" not in kw:
        raise InputError(f"{field}.solids", None, "the two solids, e.g. solids = [\"SS304\", \"Al6061-T6\"]",
                         problem="missing", source=source)
    for key, dim in _QUANTITIES.items():
        if key in table:
            kw[key] = _parse(table[key], dim, f"{field}.{key}", source)
    for key, dim in _PAIRS.items():
        if key in table:
            v = table[key]
            if isinstance(v, list):
                if len(v) != 2:
                    raise InputError(f"{field}.{key}", v, "one value or [side 1, side 2]", source=source)
                kw[key] = tuple(_parse(x, dim, f"{field}.{key}[{i + 1}]", source) for i, x in enumerate(v))
            else:
                kw[key] = _parse(v, dim, f"{field}.{key}", source)
    for key in _TEXT:
        if key in table:
            if not isinstance(table[key], str):
                raise InputError(f"{field}.{key}", table[key], "a name (text)", source=source)
            kw[key] = table[key]
    if "radiation" in table:
        r = table["radiation"]
        if isinstance(r, str) and r.strip().lower() == "auto":
            kw["radiation"] = None
        elif isinstance(r, bool):
            kw["radiation"] = r
        else:
            raise InputError(f"{field}.radiation", r, "true, false or \"auto\"", source=source)
    if "pressure" not in kw:
        raise InputError(f"{field}.pressure", None, "a contact pressure, e.g. '1 MPa'", problem="missing",
                         source=source)
    try:
        joint = Joint(registry=registry or default_registry(), unit_checks=False, **kw)
        joint.materials()
    except InputError as exc:
        raise _with_source(exc, field, source) from None
    return joint


def _with_source(exc: InputError, field: str, source: str) -> InputError:
    name = exc.field if exc.field.startswith(field) else f"{field}.{exc.field}"
    return InputError(name, exc.value, exc.expected, problem=exc.problem, source=exc.source or source)


@dataclass
class JointCase:
    """A ``[joint]`` case: the :class:`Joint` and its (lazily computed) result.

    Attributes
    ----------
    joint : Joint
        The joint of the ``[joint]`` table.
    source : str
        The case file's name, used in messages.
    name : str
        The case name (``[case] name``, default ``"joint"``).
    kind : str
        Always ``"joint"``.
    _result : JointResult or None
        The result once :meth:`evaluate` has run (computed once).
    """

    joint: Joint
    source: str
    name: str = "joint"
    kind: str = "joint"
    _result: JointResult | None = field(default=None, repr=False)

    def evaluate(self) -> JointResult:
        if self._result is None:
            try:
                self._result = self.joint.evaluate(emit_warnings=False)
            except InputError as exc:
                raise _with_source(exc, "joint", self.source) from None
        return self._result

    def outputs(self) -> dict[str, Any]:
        return self.evaluate().outputs()


def from_document(doc: Mapping[str, Any], *, source: str = "<case>",
                  registry: MaterialRegistry | None = None) -> JointCase:
    """Build a :class:`JointCase` from a parsed TOML document with a ``[joint]`` table.

    Parameters
    ----------
    doc : Mapping
        The parsed TOML document: a ``[joint]`` table and optionally ``[case]`` (for its ``name``).
    source : str
        The file name used in messages.
    registry : MaterialRegistry, optional
        Where the solids' names are looked up (default: the built-in registry).

    Returns
    -------
    JointCase
        The case, not evaluated yet.
    """
    if "joint" not in doc:
        raise CaseFileError(f"{source}: a joint case needs a [joint] table")
    case = doc.get("case", {}) if isinstance(doc.get("case"), Mapping) else {}
    joint = joint_from_table(doc["joint"], field="joint", source=source, registry=registry)
    return JointCase(joint=joint, source=source, name=str(case.get("name", "joint")))


@dataclass(frozen=True)
class JointElement:
    """A rough-contact joint as a zero-thickness interface of a heat path (the Element protocol).

    R = 1/(h_j·A) with h_j evaluated at the mean face temperature (k(T) of the solids, gas properties,
    radiation between the two face temperatures): temperature dependent, so the circuit iterates.

    Attributes
    ----------
    name : str
        The layer's name in tables and messages.
    joint : Joint
        The joint; its temperature is replaced by the mean face temperature at each evaluation.
    kind : str
        Always ``"joint"`` (class attribute).
    is_interface : bool
        Always True: a zero-thickness interface of the heat path (class attribute).
    """

    name: str
    joint: Joint
    kind: ClassVar[str] = "joint"
    is_interface: ClassVar[bool] = True

    @property
    def temperature_dependent(self) -> bool:
        return True

    def conductance(self, t_hot: float, t_cold: float) -> JointResult:
        t_mean = 0.5 * (np.asarray(t_hot, dtype=float) + np.asarray(t_cold, dtype=float))
        j = replace(self.joint, temperature=t_mean, temperature2=None)
        return j.evaluate(emit_warnings=False)

    def resistance(self, area: float, t_hot: float, t_cold: float) -> Any:
        r = self.conductance(t_hot, t_cold)
        out = np.asarray(r.R_c) / np.asarray(area)
        return scalar_or_array(out)

    def describe(self) -> dict[str, Any]:
        r = self.joint.evaluate(emit_warnings=False)
        return {"kind": self.kind, "name": self.name, **r.details, "h_j_at_input_T": r.h_j,
                "R_c_at_input_T": r.R_c, "warnings": list(r.warnings)}


def element_from_table(table: Mapping[str, Any], *, field: str, source: str,
                       registry: MaterialRegistry | None = None) -> JointElement:
    """A :class:`JointElement` from a stack's ``[[layer]]`` table with ``kind = "joint"``.

    The table carries the ``[joint]`` fields (solids, sigma, slope, pressure, gas, ...) plus ``name``;
    ``temperature`` may be omitted (the circuit supplies the face temperatures; 300 K is used only for
    ``describe``).

    Parameters
    ----------
    table : Mapping
        The ``[[layer]]`` table: the :data:`JOINT_FIELDS` plus ``name``, ``kind`` and ``description``.
    field : str
        Where the table sits in the file, e.g. ``"layer[2]"``; errors name ``field.key``.
    source : str
        The case file's name, used in messages.
    registry : MaterialRegistry, optional
        Where the solids' names are looked up (default: the built-in registry).

    Returns
    -------
    JointElement
        The heat-path element (the joint is evaluated once here, so a bad input fails with its field).
    """
    joint = joint_from_table(table, field=field, source=source, registry=registry, extra=_LAYER_EXTRA)
    name = str(table.get("name", "joint"))
    try:
        joint.evaluate(emit_warnings=False)  # fail early with the file and field named
    except InputError as exc:
        raise _with_source(exc, field, source) from None
    return JointElement(name=name, joint=joint)
