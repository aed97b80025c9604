"""Stack case files: a layered heat path in TOML (see docs/heat-paths.md and examples/).

::

    [case]
    name = "CPU under a heat sink"
    area = "4 cm^2"                 # or width + length, or diameter
    [boundary]
    power = "120 W"                 # or heat_flux = "300 kW/m^2", or hot_temperature = "90 degC"
    sink_temperature = "40 degC"    # fixed temperature at the cold end
    [solver]                        # optional
    conductivity = "temperature"    # k(T) from the registry (default) or "reference" (k at 300 K)
    [[layer]]
    name = "silicon die"
    kind = "conduction"             # conduction | contact | tim | convection | resistor | parallel | spreader
                                    # | joint | kapitza | cryogenic_joint (measured grease / Pb-Sn solder joints,
                                    # Ekin 2006)
    material = "Si"
    thickness = "0.5 mm"

Layers are numbered from 1 in messages (``layer[2].resistance``), as they appear in the file.
"""

from __future__ import annotations

import copy
import difflib
import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tcrlab.errors import CaseFileError, ConvergenceError, InputError, TcrlabError
from tcrlab.materials.registry import MaterialRegistry, default_registry
from tcrlab.network.circuit import Boundary, Branch, ParallelGroup, Stack, StackResult
from tcrlab.network.elements import (
    ConductionLayer,
    ContactResistance,
    Convection,
    FixedResistance,
    TIMLayer,
)
from tcrlab.network.spreader import SHAPES, SpreadingResistance
from tcrlab.units import parse_quantity
from tcrlab.validation import require_positive

__all__ = ["LAYER_FIELDS", "StackCase", "apply_override", "from_document", "variant_document"]

LAYER_FIELDS: dict[str, tuple[str, ...]] = {
    "conduction": ("name", "kind", "material", "conductivity", "thickness", "temperature_dependent", "area"),
    "contact": ("name", "kind", "resistance", "conductance", "area"),
    "tim": ("name", "kind", "material", "conductivity", "thickness", "resistance", "boundary_resistance",
            "area"),
    "convection": ("name", "kind", "h", "area"),
    "resistor": ("name", "kind", "resistance"),
    "parallel": ("name", "kind", "branch"),
    "spreader": ("name", "kind", "shape", "source", "plate", "source_position", "h", "sink", "plate_layer"),
}
PLATE_LAYER_FIELDS = ("name", "material", "conductivity", "thickness", "temperature_dependent")
DELEGATED = {"joint": "tcrlab.cases.joint", "kapitza": "tcrlab.cases.kapitza",
             "cryogenic_joint": "tcrlab.cases.cryojoint"}
KINDS = (*LAYER_FIELDS, *DELEGATED)
CASE_FIELDS = ("name", "kind", "area", "width", "length", "diameter", "description")
BOUNDARY_FIELDS = ("power", "heat_flux", "hot_temperature", "sink_temperature")
SOLVER_FIELDS = ("conductivity", "reference_temperature", "tolerance", "max_iterations")
BRANCH_FIELDS = ("name", "area", "area_fraction", "sink_temperature", "layer")


def _check_keys(table: Mapping[str, Any], allowed: tuple[str, ...], where: str, source: str) -> None:
    for key in table:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.5)
            raise InputError(
                f"{where}.{key}", table[key], "one of: " + ", ".join(allowed),
                problem="unknown field" + (f" (did you mean {where}.{close[0]}?)" if close else ""),
                source=source,
            )


def _table(doc: Mapping[str, Any], key: str, source: str) -> Mapping[str, Any]:
    value = doc.get(key, {})
    if not isinstance(value, Mapping):
        raise CaseFileError(f"{source}: [{key}] must be a table (e.g. [{key}] with key = value lines)")
    return value


def _missing(source: str, field_name: str, what: str) -> CaseFileError:
    return CaseFileError(f"{source}: {field_name} is missing; give {what}")


@dataclass
class _Ctx:
    source: str
    registry: MaterialRegistry
    reference_only: bool
    reference_temperature: float

    def q(self, value: Any, dimension: str, field_name: str) -> Any:
        return parse_quantity(value, dimension, field_name, source=self.source)


def _area(case: Mapping[str, Any], ctx: _Ctx) -> Any:
    if "area" in case:
        return ctx.q(case["area"], "area", "case.area")
    if "width" in case or "length" in case:
        if "width" not in case or "length" not in case:
            raise _missing(ctx.source, "case.length" if "width" in case else "case.width",
                           "both case.width and case.length (e.g. '2 cm'), or case.area")
        return ctx.q(case["width"], "length", "case.width") * ctx.q(case["length"], "length", "case.length")
    if "diameter" in case:
        d = ctx.q(case["diameter"], "length", "case.diameter")
        return np.pi * np.asarray(d) ** 2 / 4.0
    raise _missing(ctx.source, "case.area", "the heat path's cross-section: case.area = '4 cm^2', "
                   "or case.width and case.length, or case.diameter")


def _sourced(exc: InputError, source: str) -> InputError:
    """``exc`` itself when it names its file already, else the same error naming ``source``."""
    if exc.source:
        return exc
    return InputError(exc.field, exc.value, exc.expected, problem=exc.problem, source=source)


def _material(name: Any, ctx: _Ctx, where: str) -> Any:
    try:
        return ctx.registry.get_material(name)
    except InputError as exc:
        raise InputError(f"{where}.material", name, exc.expected, problem=exc.problem, source=ctx.source) from None


def _element(table: Any, where: str, ctx: _Ctx) -> Any:
    if not isinstance(table, Mapping):
        raise CaseFileError(f"{ctx.source}: {where} must be a table ([[layer]] with key = value lines)")
    name = str(table.get("name", where))
    kind = table.get("kind")
    if kind is None:
        kind = "conduction" if "thickness" in table and "resistance" not in table else None
    if kind is None:
        raise _missing(ctx.source, f"{where}.kind", "one of: " + ", ".join(KINDS))
    if kind not in KINDS:
        raise InputError(f"{where}.kind", kind, "one of: " + ", ".join(KINDS), problem="unknown kind", source=ctx.source)
    if kind in DELEGATED:
        return _delegated(kind, table, where, ctx)
    _check_keys(table, LAYER_FIELDS[kind], where, ctx.source)
    try:
        element = _build(kind, name, table, where, ctx)
        if "area" in table and kind != "convection":
            # a layer with its own cross-section (e.g. an effective area after heat spreading): a
            # one-branch group of that area
            own = require_positive(f"{where}.area", ctx.q(table["area"], "area", f"{where}.area"))
            return ParallelGroup(f"{name} @ own area", (Branch((element,), name, area=own),))
        return element
    except InputError as exc:
        raise _sourced(exc, ctx.source) from None


def _delegated(kind: str, table: Mapping[str, Any], where: str, ctx: _Ctx) -> Any:
    module_name = DELEGATED[kind]
    try:
        module = importlib.import_module(module_name)
        builder = module.element_from_table
    except (ImportError, AttributeError):
        raise InputError(
            f"{where}.kind", kind, "one of: " + ", ".join(LAYER_FIELDS),
            problem=f"{module_name}.element_from_table is not available in this installation",
            source=ctx.source,
        ) from None
    return builder(dict(table), field=where, source=ctx.source, registry=ctx.registry)


def _build(kind: str, name: str, t: Mapping[str, Any], where: str, ctx: _Ctx) -> Any:
    """The network element of one built-in layer kind (the table's keys already checked)."""
    builders = {"conduction": _conduction, "contact": _contact, "tim": _tim, "convection": _convection,
                "resistor": _resistor, "spreader": _spreader}
    return builders.get(kind, _parallel)(name, t, where, ctx)


def _conduction(name: str, t: Mapping[str, Any], where: str, ctx: _Ctx) -> ConductionLayer:
    """A solid layer: thickness with a registry material (k(T) unless fixed) or a conductivity."""
    f = lambda key: f"{where}.{key}"  # noqa: E731
    if "thickness" not in t:
        raise _missing(ctx.source, f("thickness"), "a length, e.g. '0.5 mm'")
    if "material" not in t and "conductivity" not in t:
        raise _missing(ctx.source, f("material"), "a material name (see `tcrlab materials`) or a "
                       "conductivity, e.g. '148 W/(m K)'")
    thickness = ctx.q(t["thickness"], "length", f("thickness"))
    if "material" in t and "conductivity" in t:
        raise InputError(f("conductivity"), t["conductivity"], "either material or conductivity, not both",
                         source=ctx.source)
    dep = t.get("temperature_dependent", not ctx.reference_only)
    if not isinstance(dep, bool):
        raise InputError(f("temperature_dependent"), dep, "true or false", source=ctx.source)
    if "material" in t:
        return ConductionLayer(name, thickness, material=_material(t["material"], ctx, where),
                               use_reference_conductivity=not dep,
                               reference_temperature=ctx.reference_temperature, label=where)
    k = ctx.q(t["conductivity"], "conductivity", f("conductivity"))
    return ConductionLayer(name, thickness, conductivity=k, label=where)


def _contact(name: str, t: Mapping[str, Any], where: str, ctx: _Ctx) -> ContactResistance:
    """A contact given by its area resistance or its conductance (exactly one of them)."""
    f = lambda key: f"{where}.{key}"  # noqa: E731
    if ("resistance" in t) == ("conductance" in t):
        raise _missing(ctx.source, f("resistance"), "either resistance = '1.2e-4 K m^2/W' or "
                       "conductance = '8000 W/(m^2 K)' (one of them)")
    if "resistance" in t:
        r = ctx.q(t["resistance"], "area_resistance", f("resistance"))
    else:
        h = ctx.q(t["conductance"], "heat_transfer_coefficient", f("conductance"))
        if np.any(np.asarray(h) <= 0):
            raise InputError(f("conductance"), t["conductance"], "> 0", source=ctx.source)
        r = 1.0 / np.asarray(h)
    return ContactResistance(name, r, label=where)


def _tim(name: str, t: Mapping[str, Any], where: str, ctx: _Ctx) -> TIMLayer:
    """A thermal interface material: a datasheet resistance, or a bond line with a material or
    conductivity; plus an optional boundary resistance."""
    f = lambda key: f"{where}.{key}"  # noqa: E731
    bres = ctx.q(t["boundary_resistance"], "area_resistance", f("boundary_resistance")) \
        if "boundary_resistance" in t else 0.0
    if "resistance" in t:
        return TIMLayer(name, resistance_area=ctx.q(t["resistance"], "area_resistance", f("resistance")),
                        boundary_resistance=bres, label=where)
    if "thickness" not in t:
        raise _missing(ctx.source, f("thickness"), "a bond-line thickness (e.g. '25 um') with a material or "
                       "conductivity, or a datasheet resistance = '1e-5 K m^2/W'")
    thickness = ctx.q(t["thickness"], "length", f("thickness"))
    if "material" in t and "conductivity" not in t:
        return TIMLayer(name, thickness=thickness, material=_material(t["material"], ctx, where),
                        boundary_resistance=bres, label=where)
    if "conductivity" not in t:
        raise _missing(ctx.source, f("conductivity"), "the TIM's conductivity (e.g. '3 W/(m K)') or material")
    return TIMLayer(name, thickness=thickness, conductivity=ctx.q(t["conductivity"], "conductivity",
                    f("conductivity")), boundary_resistance=bres, label=where)


def _convection(name: str, t: Mapping[str, Any], where: str, ctx: _Ctx) -> Convection:
    """A convective surface h (optionally with its own wetted area)."""
    f = lambda key: f"{where}.{key}"  # noqa: E731
    if "h" not in t:
        raise _missing(ctx.source, f("h"), "a heat-transfer coefficient, e.g. h = '5000 W/(m^2 K)'")
    area = ctx.q(t["area"], "area", f("area")) if "area" in t else None
    return Convection(name, ctx.q(t["h"], "heat_transfer_coefficient", f("h")), area, label=where)


def _resistor(name: str, t: Mapping[str, Any], where: str, ctx: _Ctx) -> FixedResistance:
    """A fixed resistance, absolute [K/W] or per area [K m²/W], told apart by its unit."""
    f = lambda key: f"{where}.{key}"  # noqa: E731
    if "resistance" not in t:
        raise _missing(ctx.source, f("resistance"), "'0.3 K/W' (absolute) or '1e-4 K m^2/W' (per area)")
    try:
        r = ctx.q(t["resistance"], "resistance", f("resistance"))
        return FixedResistance(name, resistance_abs=r, label=where)
    except InputError as exc:
        if exc.problem and "dimension" not in exc.problem:
            raise
        try:
            r = ctx.q(t["resistance"], "area_resistance", f("resistance"))
        except InputError:
            raise InputError(f("resistance"), t["resistance"], "a resistance in K/W or in K m^2/W",
                             problem=exc.problem, source=ctx.source) from None
        return FixedResistance(name, resistance_area=r, label=where)


def _parallel(name: str, t: Mapping[str, Any], where: str, ctx: _Ctx) -> ParallelGroup:
    """Parallel branches, each a list of layers of its own area (or area fraction) and sink."""
    branches = t.get("branch")
    if not isinstance(branches, list) or not branches:
        raise _missing(ctx.source, f"{where}.branch",
                       "[[layer.branch]] tables, each with its own [[layer.branch.layer]]s")
    built = [_branch(bt, f"{where}.branch[{j}]", j, ctx) for j, bt in enumerate(branches, start=1)]
    return ParallelGroup(name, tuple(built))


def _branch(bt: Any, bw: str, j: int, ctx: _Ctx) -> Branch:
    """One ``[[layer.branch]]`` table (the ``j``-th, at ``bw`` in messages) as a :class:`Branch`."""
    if not isinstance(bt, Mapping):
        raise CaseFileError(f"{ctx.source}: {bw} must be a table")
    _check_keys(bt, BRANCH_FIELDS, bw, ctx.source)
    layers = bt.get("layer")
    if not isinstance(layers, list) or not layers:
        raise _missing(ctx.source, f"{bw}.layer", "[[layer.branch.layer]] tables (the branch's elements)")
    items = tuple(_item(lt, f"{bw}.layer[{i}]", ctx) for i, lt in enumerate(layers, start=1))
    branch_name = str(bt.get("name", f"branch {j}"))
    try:
        return Branch(
            items, name=branch_name,
            area=ctx.q(bt["area"], "area", f"{bw}.area") if "area" in bt else None,
            area_fraction=ctx.q(bt["area_fraction"], "dimensionless", f"{bw}.area_fraction")
            if "area_fraction" in bt else None,
            sink_temperature=ctx.q(bt["sink_temperature"], "temperature", f"{bw}.sink_temperature")
            if "sink_temperature" in bt else None,
        )
    except InputError as exc:  # Branch names fields by the branch's name; the file uses its position
        if not exc.field.startswith(f"{branch_name}."):
            raise _sourced(exc, ctx.source) from None
        raise InputError(f"{bw}.{exc.field.removeprefix(branch_name + '.')}", exc.value, exc.expected,
                         problem=exc.problem, source=exc.source or ctx.source) from None


def _sizes(value: Any, n: int, field_name: str, ctx: _Ctx) -> tuple[Any, ...]:
    what = "[length, width], e.g. ['2 cm', '2 cm']" if n == 2 else "a diameter, e.g. '3 cm'"
    items = value if isinstance(value, list) else [value]
    if len(items) != n:
        raise InputError(field_name, value, what, source=ctx.source)
    return tuple(ctx.q(v, "length", f"{field_name}[{i}]" if n > 1 else field_name) for i, v in enumerate(items, 1))


def _spreader(name: str, t: Mapping[str, Any], where: str, ctx: _Ctx) -> ParallelGroup:
    """A source on a wider layered plate: the spreading row R_s, the plate's layers at the plate's area and
    (with a fin-side h) the sink's convection, as one branch of the plate's area."""
    f = lambda key: f"{where}.{key}"  # noqa: E731
    shape = t.get("shape", "rectangle")
    if shape not in SHAPES:
        raise InputError(f("shape"), shape, "one of: " + ", ".join(SHAPES), source=ctx.source)
    n = 2 if shape == "rectangle" else 1
    for key, what in (("source", "the source size"), ("plate", "the plate size")):
        if key not in t:
            raise _missing(ctx.source, f(key), f"{what}: " + ("['2 cm', '2 cm'] (length, width)" if n == 2
                                                                else "a diameter, e.g. '3 cm'"))
    source = _sizes(t["source"], n, f("source"), ctx)
    plate = _sizes(t["plate"], n, f("plate"), ctx)
    position = _sizes(t["source_position"], 2, f("source_position"), ctx) if "source_position" in t else None
    if ("h" in t) == ("sink" in t):
        raise _missing(ctx.source, f("h"), "either the fin-side heat-transfer coefficient h = '1500 W/(m^2 K)' "
                       "or sink = 'isothermal' (one of them)")
    if "sink" in t and t["sink"] != "isothermal":
        raise InputError(f("sink"), t["sink"], "'isothermal' (or give h instead)", source=ctx.source)
    h = ctx.q(t["h"], "heat_transfer_coefficient", f("h")) if "h" in t else np.inf
    tables = t.get("plate_layer")
    if not isinstance(tables, list) or not tables:
        raise _missing(ctx.source, f("plate_layer"), "[[layer.plate_layer]] tables from the heated face down, "
                       "each with a material (or conductivity) and a thickness")
    layers = []
    for i, lt in enumerate(tables, start=1):
        lw = f"{where}.plate_layer[{i}]"
        if not isinstance(lt, Mapping):
            raise CaseFileError(f"{ctx.source}: {lw} must be a table")
        _check_keys(lt, PLATE_LAYER_FIELDS, lw, ctx.source)
        layers.append(_build("conduction", f"{name}: {lt.get('name', f'layer {i}')}", lt, lw, ctx))
    spreading = SpreadingResistance(f"{name}: spreading", shape, source, plate, tuple(layers), h, position,
                                    label=where)
    items: list[Any] = [spreading, *layers]
    if np.isfinite(h):
        items.append(Convection(f"{name}: sink side (h)", h, label=f("h")))
    return ParallelGroup(name, (Branch(tuple(items), name, area=spreading.plate_area),))


def _item(table: Any, where: str, ctx: _Ctx) -> Any:
    return _element(table, where, ctx)


@dataclass
class StackCase:
    """A stack case: the built :class:`~tcrlab.network.circuit.Stack` plus solver settings.

    Attributes
    ----------
    name : str
        Case name.
    stack : Stack
        The heat path.
    source : str
        The case file.
    document : dict
        The parsed document (for variants and overrides).
    tolerance : float
        Relative tolerance of the temperature-dependent iteration [-].
    max_iterations : int
        Iteration cap.
    description : str
        Free text from the case file.
    kind : str
        Always ``"stack"``.
    """

    name: str
    stack: Stack
    source: str
    document: dict[str, Any]
    tolerance: float = 1e-6
    max_iterations: int = 100
    description: str = ""
    kind: str = "stack"
    _result: StackResult | None = field(default=None, repr=False)

    def solve(self) -> StackResult:
        if self._result is None:
            try:
                self._result = self.stack.solve(tolerance=self.tolerance, max_iterations=self.max_iterations)
            except InputError as exc:
                raise _sourced(exc, self.source) from None
            except ConvergenceError as exc:
                raise ConvergenceError(f"{self.source}: {exc}") from None
        return self._result

    def outputs(self) -> dict[str, Any]:
        """Named SI results: T_hot, T_max (K), R_total (K/W), R_total_area (m²K/W), Q_in (W),
        energy_balance_error, and per element dT[name] (K), R[name] (K/W), T_in[name] (K); plus ``bottleneck`` (the element name, a str)."""
        r = self.solve()
        out: dict[str, Any] = {
            "T_hot": r.T_hot, "T_max": r.T_max, "R_total": r.total_resistance,
            "R_total_area": r.total_resistance_area, "Q_in": r.heat_input,
            "energy_balance_error": r.energy_balance_error,
        }
        for e in r.elements:
            out[f"dT[{e.name}]"] = e.dT
            out[f"R[{e.name}]"] = e.resistance
            out[f"T_in[{e.name}]"] = e.T_in
        out["bottleneck"] = r.bottleneck
        return out

    def variants(self) -> list[dict[str, Any]]:
        """The document's ``[[variant]]`` tables (name, replace, layer): alternative interfaces."""
        v = self.document.get("variant", [])
        return list(v) if isinstance(v, list) else []


def from_document(doc: Mapping[str, Any], *, source: str = "<case>", registry: MaterialRegistry | None = None) -> StackCase:
    """Build a :class:`StackCase` from a parsed TOML document (units parsed here).

    Parameters
    ----------
    doc : Mapping
        The parsed TOML document.
    source : str
        The file name used in messages.
    registry : MaterialRegistry, optional
        Where material names are looked up.

    Returns
    -------
    StackCase
        The case.
    """
    registry = registry or default_registry()
    case = _table(doc, "case", source)
    boundary = _table(doc, "boundary", source)
    solver = _table(doc, "solver", source)
    _check_keys(case, CASE_FIELDS, "case", source)
    _check_keys(boundary, BOUNDARY_FIELDS, "boundary", source)
    _check_keys(solver, SOLVER_FIELDS, "solver", source)
    mode = solver.get("conductivity", "temperature")
    if mode not in ("temperature", "reference"):
        raise InputError("solver.conductivity", mode, "'temperature' (k(T) from the registry) or 'reference' "
                         "(k at solver.reference_temperature only)", source=source)
    t_ref = parse_quantity(solver.get("reference_temperature", "300 K"), "temperature",
                           "solver.reference_temperature", source=source)
    ctx = _Ctx(source, registry, mode == "reference", float(t_ref))
    area = _area(case, ctx)
    layers = doc.get("layer", doc.get("layers"))
    if not isinstance(layers, list) or not layers:
        raise CaseFileError(f"{source}: no [[layer]] tables; a stack lists its layers from the hot end, "
                            "e.g. [[layer]] name = 'die', kind = 'conduction', material = 'Si', thickness = '0.5 mm'")
    items = tuple(_item(t, f"layer[{i}]", ctx) for i, t in enumerate(layers, start=1))
    bvals = {k: ctx.q(boundary[k], dim, f"boundary.{k}") for k, dim in (
        ("power", "power"), ("heat_flux", "heat_flux"), ("hot_temperature", "temperature"),
        ("sink_temperature", "temperature")) if k in boundary}
    try:
        bc = Boundary(**bvals, unit_checks=False)
        stack = Stack(items, area, bc, name=str(case.get("name", source)))
    except InputError as exc:
        raise _sourced(exc, source) from None
    tol = parse_quantity(solver.get("tolerance", "1e-6 K"), "temperature_difference", "solver.tolerance",
                         source=source)
    max_it = solver.get("max_iterations", 100)
    if not isinstance(max_it, int) or isinstance(max_it, bool) or max_it < 1:
        raise InputError("solver.max_iterations", max_it, "an integer >= 1", source=source)
    return StackCase(str(case.get("name", source)), stack, source, dict(doc), float(tol), max_it,
                     str(case.get("description", "")))


# --------------------------------------------------------------------------------------------------
# document edits: command-line overrides and interface variants
# --------------------------------------------------------------------------------------------------
def _parse_path(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for chunk in path.split("."):
        chunk = chunk.strip()
        if not chunk:
            raise InputError("--set", path, "a path like layer[2].resistance or boundary.power")
        if "[" in chunk:
            if not chunk.endswith("]"):
                raise InputError("--set", path, "a path like layer[2].resistance (1-based index or a layer name)")
            key, index = chunk[:-1].split("[", 1)
            parts.append(key)
            parts.append(int(index) if index.strip().isdigit() else index.strip().strip("'\""))
        else:
            parts.append(chunk)
    return parts


def apply_override(doc: dict[str, Any], assignment: str) -> dict[str, Any]:
    """A copy of ``doc`` with ``"layer[2].resistance=5e-6 K m^2/W"`` applied (1-based index or a layer name
    in the brackets; the value is TOML if it parses as TOML, else text).

    Parameters
    ----------
    doc : dict
        The parsed TOML document (left unchanged).
    assignment : str
        ``"<table>[<index or name>].<key>=<value>"``.

    Returns
    -------
    dict
        The changed copy.

    Examples
    --------
    >>> doc = {"layer": [{"name": "tim", "resistance": "1e-5 K m^2/W"}]}
    >>> apply_override(doc, "layer[tim].resistance=5e-6 K m^2/W")
    {'layer': [{'name': 'tim', 'resistance': '5e-6 K m^2/W'}]}
    """
    import tomllib

    if "=" not in assignment:
        raise InputError("--set", assignment, "PATH=VALUE, e.g. layer[2].resistance='5e-6 K m^2/W'")
    path, value_text = (s.strip() for s in assignment.split("=", 1))
    try:
        value: Any = tomllib.loads(f"v = {value_text}")["v"]
    except tomllib.TOMLDecodeError:
        value = value_text.strip("'\"")
    parts = _parse_path(path)
    out = copy.deepcopy(doc)
    node: Any = out
    for part in parts[:-1]:
        if isinstance(node, list):
            if isinstance(part, int):
                if not 1 <= part <= len(node):
                    raise InputError("--set", assignment, f"an index 1..{len(node)}")
                node = node[part - 1]
            else:
                matches = [t for t in node if isinstance(t, Mapping) and t.get("name") == part]
                if not matches:
                    raise InputError("--set", assignment, "a name among: "
                                     + ", ".join(str(t.get("name")) for t in node if isinstance(t, Mapping)))
                node = matches[0]
            continue
        if not isinstance(node, dict) or isinstance(part, int):
            raise InputError("--set", assignment, "a path to a field of the case file")
        node = node.setdefault(part, {})
    last = parts[-1]
    if isinstance(node, list):
        raise InputError("--set", assignment, "a path ending in a field name, e.g. layer[2].resistance")
    if not isinstance(node, dict):
        raise InputError("--set", assignment, "a path to a field of the case file")
    node[last] = value
    return out


def variant_document(doc: Mapping[str, Any], variant: Mapping[str, Any], *, source: str = "<case>") -> dict[str, Any]:
    """The case document with the layer named ``variant['replace']`` replaced by ``variant['layer']``
    (the replacement keeps the replaced layer's name unless it gives its own).

    Parameters
    ----------
    doc : Mapping
        The parsed TOML document (left unchanged).
    variant : Mapping
        A ``[[variant]]`` table with ``replace`` (a layer name) and ``layer`` (the new layer table).
    source : str
        The file name used in messages.

    Returns
    -------
    dict
        The changed copy.
    """
    name = variant.get("name", "?")
    target = variant.get("replace")
    layer = variant.get("layer")
    if not isinstance(layer, Mapping):
        raise CaseFileError(f"{source}: variant {name!r} needs a [variant.layer] table")
    out = {k: copy.deepcopy(v) for k, v in doc.items() if k != "variant"}
    layers = out.get("layer", [])
    for i, t in enumerate(layers):
        if isinstance(t, Mapping) and t.get("name") == target:
            new = dict(layer)
            new.setdefault("name", t.get("name"))
            layers[i] = new
            return out
    raise CaseFileError(f"{source}: variant {name!r}: replace = {target!r} names no layer; valid: "
                        + ", ".join(str(t.get("name")) for t in layers if isinstance(t, Mapping)))


def safe_variant_result(doc: Mapping[str, Any], variant: Mapping[str, Any], *, source: str,
                        registry: MaterialRegistry | None = None) -> tuple[StackResult | None, str]:
    """Solve one variant; ``(None, reason)`` instead of raising when it cannot be built (e.g. the joint
    model is not installed), so a comparison table still shows the others."""
    from tcrlab.cases import build_case

    try:
        case = build_case(variant_document(doc, variant, source=source), source=source, registry=registry)
        return case.solve(), ""  # type: ignore[attr-defined]
    except TcrlabError as exc:
        return None, " ".join(str(exc).split())
