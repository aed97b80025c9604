"""FE case files: a layered assembly of ``[[body]]`` tables joined by ``[[interface]]`` tables (docs/fem.md).

::

    [case]
    kind = "fem"                     # or detected from the [[body]] tables
    geometry = "box"                 # box (3-D) | axisymmetric (r–z) | planar (2-D x–z, per depth)
    [[body]]
    name = "base"
    material = "Al6061-T6"           # or conductivity = "167 W/(m K)"
    size = ["6 cm", "6 cm"]          # box; axisymmetric: radius = "3 cm"; planar: width = "6 cm"
    center = ["0 cm", "0 cm"]        # optional (box, planar)
    thickness = "5 mm"
    [[body]]
    name = "die"
    on = "base"                      # optional: defaults to the body before
    ...
    [[interface]]
    bodies = ["die", "base"]
    conductance = "2e4 W/(m^2 K)"    # or resistance, or table = {temperature|pressure = [...], conductance = [...]},
                                     # or a [interface.joint] table (a tcrlab joint evaluated cell by cell)
    pressure = "1 MPa"               # or {background, bolts = [[x, y], ...], bolt_force, spread}
    [[boundary]]
    face = "die.top"                 # body.top | body.bottom | body.xmin/xmax/ymin/ymax | body.rim
    power = "50 W"                   # or heat_flux | temperature | h + ambient
    region = {size = ["1 cm", "1 cm"], center = ["0 cm", "0 cm"]}   # optional part of a top/bottom face
    [mesh]                           # cell_size, min_cells, layer_cells, grading, max_nodes
    [solver]                         # method, tolerance, picard_tolerance, max_iterations, max_memory, conductivity
    [transient]                      # optional, for `tcrlab transient`: t_min, t_max, points,
                                     # steps_per_doubling, mass (consistent | lumped), faces = ["cu.top"]

A transient needs ρ and c of every body: its registry material's, or ``density`` / ``specific_heat`` in
the [[body]] table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tcrlab.errors import CaseFileError, InputError
from tcrlab.fem.geometry import Body, Boundary, HeatSource, Interface, LayeredAssembly, MeshOptions
from tcrlab.fem.interface import (
    BoltPressure,
    ConstantConductance,
    JointConductance,
    TableConductance,
)
from tcrlab.fem.solve import FieldResult, SolverOptions, solve
from tcrlab.fem.transient import TransientOptions, TransientResult, solve_transient
from tcrlab.materials.material import Material
from tcrlab.materials.registry import MaterialRegistry, default_registry
from tcrlab.units import parse_quantity

__all__ = ["FemCase", "from_document"]

CASE_FIELDS = ("name", "kind", "geometry", "depth", "description")
BODY_FIELDS = ("name", "material", "conductivity", "thickness", "size", "center", "radius", "width", "on", "cells",
               "temperature_dependent", "density", "specific_heat")
INTERFACE_FIELDS = ("name", "bodies", "conductance", "resistance", "table", "joint", "pressure",
                    "temperature_samples")
BOUNDARY_FIELDS = ("name", "face", "power", "heat_flux", "temperature", "h", "ambient", "region")
SOURCE_FIELDS = ("name", "body", "power")
MESH_FIELDS = ("cell_size", "min_cells", "layer_cells", "grading", "max_nodes")
SOLVER_FIELDS = ("method", "tolerance", "picard_tolerance", "max_iterations", "max_memory", "conductivity")
OUTPUT_FIELDS = ("resistance",)
TRANSIENT_FIELDS = ("t_min", "t_max", "points", "steps_per_doubling", "mass", "faces")


def _keys(table: Any, allowed: tuple[str, ...], where: str, source: str) -> Mapping[str, Any]:
    if not isinstance(table, Mapping):
        raise CaseFileError(f"{source}: {where} must be a table")
    for key in table:
        if key not in allowed:
            raise InputError(f"{where}.{key}", table[key], "one of: " + ", ".join(allowed), problem="unknown field",
                             source=source)
    return table


def _list(doc: Mapping[str, Any], key: str, source: str) -> list[Any]:
    value = doc.get(key, [])
    if isinstance(value, Mapping):
        value = [value]
    if not isinstance(value, list):
        raise CaseFileError(f"{source}: [[{key}]] must be a list of tables")
    return value


@dataclass
class _P:
    source: str

    def q(self, value: Any, dim: str, name: str) -> float:
        if dim == "dimensionless" and isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        return float(parse_quantity(value, dim, name, source=self.source))

    def integer(self, value: Any, name: str, low: int = 1) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise InputError(name, value, f"an integer >= {low}", source=self.source)
        return value

    def pair(self, value: Any, name: str) -> tuple[float, float]:
        if not isinstance(value, list) or len(value) != 2:
            raise InputError(name, value, "a pair [x, y] with units, e.g. [\"2 cm\", \"2 cm\"]", source=self.source)
        return self.q(value[0], "length", f"{name}[1]"), self.q(value[1], "length", f"{name}[2]")


def _footprint(t: Mapping[str, Any], geometry: str, where: str, p: _P) -> tuple[tuple[float, float], ...]:
    """A footprint from size/center (box), radius (axisymmetric) or width/center (planar)."""
    if geometry == "box":
        if "size" not in t:
            raise InputError(f"{where}.size", None, "[width, length], e.g. [\"2 cm\", \"2 cm\"]", problem="missing",
                             source=p.source)
        w, ln = p.pair(t["size"], f"{where}.size")
        cx, cy = p.pair(t["center"], f"{where}.center") if "center" in t else (0.0, 0.0)
        for name, v in (("size[1]", w), ("size[2]", ln)):
            if not v > 0:
                raise InputError(f"{where}.{name}", v, "> 0 [m]", problem="zero or negative size", source=p.source)
        return ((cx - w / 2, cx + w / 2), (cy - ln / 2, cy + ln / 2))
    if geometry == "axisymmetric":
        if "radius" not in t:
            raise InputError(f"{where}.radius", None, "a radius, e.g. '1 cm'", problem="missing", source=p.source)
        r = p.q(t["radius"], "length", f"{where}.radius")
        if not r > 0:
            raise InputError(f"{where}.radius", r, "> 0 [m]", problem="zero or negative size", source=p.source)
        return ((0.0, r),)
    if "width" not in t:
        raise InputError(f"{where}.width", None, "a width, e.g. '2 cm'", problem="missing", source=p.source)
    w = p.q(t["width"], "length", f"{where}.width")
    if not w > 0:
        raise InputError(f"{where}.width", w, "> 0 [m]", problem="zero or negative size", source=p.source)
    c = p.q(t["center"], "length", f"{where}.center") if "center" in t else 0.0
    return ((c - w / 2, c + w / 2),)


def _pressure(value: Any, where: str, p: _P, geometry: str, depth: float) -> float | Callable[..., Any]:
    if isinstance(value, Mapping):
        _keys(value, ("background", "bolts", "bolt_force", "spread"), where, p.source)
        for key in ("background", "bolts", "bolt_force", "spread"):
            if key not in value:
                raise InputError(f"{where}.{key}", None, "background, bolts, bolt_force and spread", problem="missing",
                                 source=p.source)
        bolts = value["bolts"]
        if not isinstance(bolts, list) or not bolts:
            raise InputError(f"{where}.bolts", bolts, "a list of bolt positions [[x, y], ...]", source=p.source)
        pos = []
        for i, b in enumerate(bolts):
            if geometry == "box":
                pos.append(p.pair(b, f"{where}.bolts[{i + 1}]"))
            else:
                pos.append((p.q(b, "length", f"{where}.bolts[{i + 1}]"),))
        try:
            return BoltPressure(p.q(value["background"], "pressure", f"{where}.background"), tuple(pos),
                                p.q(value["bolt_force"], "force", f"{where}.bolt_force"),
                                p.q(value["spread"], "length", f"{where}.spread"), depth=depth,
                                radial=geometry == "axisymmetric")
        except InputError as exc:
            raise InputError(f"{where}.{exc.field.split('.')[-1]}", exc.value, exc.expected, source=p.source) from None
    v = p.q(value, "pressure", where)
    if not v > 0:
        raise InputError(where, v, "> 0 [Pa]", source=p.source)
    return v


def _conductance(t: Mapping[str, Any], where: str, p: _P, geometry: str, depth: float,
                 registry: MaterialRegistry) -> Any:
    given = [k for k in ("conductance", "resistance", "table", "joint") if k in t]
    if len(given) != 1:
        raise InputError(f"{where}.conductance", given or None,
                         "exactly one of conductance, resistance, table or a [interface.joint] table",
                         problem="missing" if not given else "more than one given", source=p.source)
    pressure = _pressure(t["pressure"], f"{where}.pressure", p, geometry, depth) if "pressure" in t else None
    kind = given[0]
    try:
        if kind == "conductance":
            return ConstantConductance(p.q(t["conductance"], "heat_transfer_coefficient", f"{where}.conductance"))
        if kind == "resistance":
            r = p.q(t["resistance"], "area_resistance", f"{where}.resistance")
            if not r > 0:
                raise InputError(f"{where}.resistance", r, "> 0 [m² K/W]", source=p.source)
            return ConstantConductance(1.0 / r)
        if kind == "table":
            tab = _keys(t["table"], ("temperature", "pressure", "conductance"), f"{where}.table", p.source)
            var = [k for k in ("temperature", "pressure") if k in tab]
            if len(var) != 1 or "conductance" not in tab:
                raise InputError(f"{where}.table", dict(tab), "{temperature = [...], conductance = [...]} or "
                                 "{pressure = [...], conductance = [...]}", source=p.source)
            xs = tab[var[0]]
            hs = tab["conductance"]
            if not isinstance(xs, list) or not isinstance(hs, list):
                raise InputError(f"{where}.table", dict(tab), "lists of values with units", source=p.source)
            x = tuple(p.q(v, var[0], f"{where}.table.{var[0]}[{i + 1}]") for i, v in enumerate(xs))
            h = tuple(p.q(v, "heat_transfer_coefficient", f"{where}.table.conductance[{i + 1}]")
                      for i, v in enumerate(hs))
            return TableConductance(var[0], x, h, pressure=pressure)
        from tcrlab.cases.joint import joint_from_table

        jt = dict(t["joint"]) if isinstance(t["joint"], Mapping) else t["joint"]
        if isinstance(jt, dict) and "pressure" not in jt and pressure is not None:
            jt["pressure"] = "1 MPa"  # placeholder: the local pressure field replaces it cell by cell
        joint = joint_from_table(jt, field=f"{where}.joint", source=p.source, registry=registry)
        samples = p.integer(t.get("temperature_samples", 9), f"{where}.temperature_samples", 2)
        return JointConductance(joint, pressure, temperature_samples=samples)
    except InputError as exc:
        if exc.source:
            raise
        raise InputError(exc.field if exc.field.startswith(where) else f"{where}.{exc.field}", exc.value,
                         exc.expected, problem=exc.problem, source=p.source) from None


@dataclass
class FemCase:
    """An FE case: the :class:`LayeredAssembly`, solver options and requested resistances.

    Attributes
    ----------
    assembly : LayeredAssembly
        The bodies, interfaces, boundaries and heat sources, SI units.
    options : SolverOptions
        Mesh and solver settings of the ``[mesh]`` and ``[solver]`` tables.
    source : str
        The case file's name, used in messages.
    resistances : list of tuple of (str, str or None)
        The ``[output] resistance`` pairs (hot body, cold body; None: the sink) reported as
        ``R[hot->cold]`` [K/W].
    kind : str
        Always ``"fem"``.
    transient : TransientOptions
        Time grid and mass matrix of the ``[transient]`` table (defaults without one).
    transient_faces : tuple of str
        Faces (``body.top`` ...) whose mean temperature rise the transient reports.
    _result : FieldResult or None
        The steady solution once :meth:`solve` has run (computed once).
    """

    assembly: LayeredAssembly
    options: SolverOptions
    source: str
    resistances: list[tuple[str, str | None]] = field(default_factory=list)
    kind: str = "fem"
    transient: TransientOptions = field(default_factory=TransientOptions)
    transient_faces: tuple[str, ...] = ()
    _result: FieldResult | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return self.assembly.name

    def solve(self, progress: Callable[[str, float], None] | None = None) -> FieldResult:
        if self._result is None:
            try:
                self._result = solve(self.assembly, self.options, progress=progress)
            except InputError as exc:
                if exc.source:
                    raise
                raise InputError(exc.field, exc.value, exc.expected, problem=exc.problem,
                                 source=self.source) from None
        return self._result

    def solve_transient(self, progress: Callable[[str, float], None] | None = None) -> TransientResult:
        """Zth(t) after a power step (the [transient] table's times; :func:`tcrlab.fem.solve_transient`)."""
        try:
            return solve_transient(self.assembly, self.transient, self.options, faces=self.transient_faces,
                                   progress=progress)
        except InputError as exc:
            if exc.source:
                raise
            raise InputError(exc.field, exc.value, exc.expected, problem=exc.problem, source=self.source) from None

    def outputs(self) -> dict[str, Any]:
        result = self.solve()
        out = result.outputs()
        for hot, cold in self.resistances:
            try:
                out[f"R[{hot}->{cold or 'sink'}]"] = result.resistance(hot, cold)
            except InputError as exc:
                raise InputError(f"output.resistance ({exc.field})", exc.value, exc.expected, problem=exc.problem,
                                 source=self.source) from None
        return out


def from_document(doc: Mapping[str, Any], *, source: str = "<case>",
                  registry: MaterialRegistry | None = None) -> FemCase:
    """Build a :class:`FemCase` from a parsed TOML document with ``[[body]]`` tables.

    Parameters
    ----------
    doc : Mapping
        The parsed TOML document (units are parsed here).
    source : str
        The file name used in messages.
    registry : MaterialRegistry, optional
        Where material names are looked up (default: the built-in registry).

    Returns
    -------
    FemCase
        The case, not solved yet.
    """
    registry = registry or default_registry()
    p = _P(source)
    _check_tables(doc, source)
    case = _keys(doc.get("case", {}), CASE_FIELDS, "case", source)
    geometry, depth = _geometry(case, p)
    solver_t = _keys(doc.get("solver", {}), SOLVER_FIELDS, "solver", source)
    conductivity_mode = solver_t.get("conductivity", "temperature")
    if conductivity_mode not in ("temperature", "reference"):
        raise InputError("solver.conductivity", conductivity_mode, "temperature (k(T)) or reference (k at 300 K)",
                         source=source)
    bodies = [_body(t, f"body[{i + 1}]", i, geometry, conductivity_mode, p, registry)
              for i, t in enumerate(_list(doc, "body", source))]
    if not bodies:
        raise CaseFileError(f"{source}: an FE case needs [[body]] tables (see docs/fem.md)")
    interfaces = [_interface(t, f"interface[{i + 1}]", bodies, geometry, depth, p, registry)
                  for i, t in enumerate(_list(doc, "interface", source))]
    boundaries = [_boundary(t, f"boundary[{i + 1}]", geometry, p) for i, t in enumerate(_list(doc, "boundary", source))]
    sources_ = [_heat_source(t, f"heat_source[{i + 1}]", p) for i, t in enumerate(_list(doc, "heat_source", source))]
    mesh_kw = _mesh_options(doc, p)
    sol_kw = _solver_options(solver_t, p)
    resistances = _resistances(doc, source)
    transient, transient_faces = _transient(doc, p)
    try:
        assembly = LayeredAssembly(geometry, bodies, interfaces, boundaries, sources_, MeshOptions(**mesh_kw),
                                   depth=depth, name=str(case.get("name", source)))
        options = SolverOptions(**sol_kw)
        options.check()
        assembly.check()
    except InputError as exc:
        if exc.source:
            raise
        raise InputError(exc.field, exc.value, exc.expected, problem=exc.problem, source=source) from None
    return FemCase(assembly, options, source, resistances, transient=transient, transient_faces=transient_faces)


def _check_tables(doc: Mapping[str, Any], source: str) -> None:
    """Only the tables an FE case knows."""
    allowed_top = ("case", "body", "interface", "boundary", "heat_source", "mesh", "solver", "output", "materials",
                   "sources", "transient")
    for key in doc:
        if key not in allowed_top:
            raise InputError(key, "(table)", "one of: " + ", ".join(allowed_top), problem="unknown table", source=source)


def _geometry(case: Mapping[str, Any], p: _P) -> tuple[str, float]:
    """The [case] geometry (default box) and the depth [m] of a planar model (default 1 m)."""
    geometry = str(case.get("geometry", "box"))
    if geometry not in ("box", "axisymmetric", "planar"):
        raise InputError("case.geometry", geometry, "box, axisymmetric or planar", source=p.source)
    depth = p.q(case["depth"], "length", "case.depth") if "depth" in case else 1.0
    if "depth" in case and geometry != "planar":
        raise InputError("case.depth", case["depth"], "a depth for a planar geometry only", source=p.source)
    return geometry, depth


def _body(t: Any, where: str, i: int, geometry: str, conductivity_mode: str, p: _P,
          registry: MaterialRegistry) -> Body:
    """One [[body]] table."""
    source = p.source
    _keys(t, BODY_FIELDS, where, source)
    name = str(t.get("name", f"body{i + 1}"))
    if "thickness" not in t:
        raise InputError(f"{where}.thickness", None, "a length, e.g. '2 mm'", problem="missing", source=source)
    thick = p.q(t["thickness"], "length", f"{where}.thickness")
    if not thick > 0:
        raise InputError(f"{where}({name}).thickness", thick, "> 0 [m]", problem="zero or negative thickness",
                         source=source)
    material, k = _body_conductivity(t, where, conductivity_mode, p, registry)
    cells = p.integer(t["cells"], f"{where}.cells") if "cells" in t else None
    on = str(t["on"]) if "on" in t else None
    rho = p.q(t["density"], "density", f"{where}.density") if "density" in t else None
    cp = p.q(t["specific_heat"], "specific_heat", f"{where}.specific_heat") if "specific_heat" in t else None
    for prop, v in (("density", rho), ("specific_heat", cp)):
        if v is not None and not v > 0:
            raise InputError(f"{where}.{prop}", v, "> 0", source=source)
    return Body(name, _footprint(t, geometry, where, p), thick, material, k, on, cells, rho, cp)


def _body_conductivity(t: Mapping[str, Any], where: str, conductivity_mode: str, p: _P,
                       registry: MaterialRegistry) -> tuple[Material | None, float | None]:
    """(material, constant k) of a body: a registry material (k(T), or k at its reference temperature
    when not temperature dependent) or a given conductivity [W/(m K)]."""
    source = p.source
    if ("material" in t) == ("conductivity" in t):
        raise InputError(f"{where}.material", t.get("material"), "either material or conductivity (one of them)",
                         source=source)
    if "conductivity" in t:
        k = p.q(t["conductivity"], "conductivity", f"{where}.conductivity")
        if not k > 0:
            raise InputError(f"{where}.conductivity", k, "> 0", source=source)
        return None, k
    try:
        material = registry.get_material(t["material"])
    except InputError as exc:
        raise InputError(f"{where}.material", t["material"], exc.expected, problem=exc.problem,
                         source=source) from None
    dep = t.get("temperature_dependent", conductivity_mode == "temperature")
    if not isinstance(dep, bool):
        raise InputError(f"{where}.temperature_dependent", dep, "true or false", source=source)
    if not dep:
        return material, float(material.thermal_conductivity(material.reference_temperature))
    return material, None


def _interface(t: Any, where: str, bodies: list[Body], geometry: str, depth: float, p: _P,
               registry: MaterialRegistry) -> Interface:
    """One [[interface]] table: two known bodies and a conductance model."""
    source = p.source
    _keys(t, INTERFACE_FIELDS, where, source)
    pair = t.get("bodies")
    if not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(x, str) for x in pair):
        raise InputError(f"{where}.bodies", pair, "two body names, e.g. [\"die\", \"base\"]", source=source)
    names = [b.name for b in bodies]
    for x in pair:
        if x not in names:
            raise InputError(f"{where}.bodies", x, "one of the bodies: " + ", ".join(names),
                             problem="no such body", source=source)
    model = _conductance(t, where, p, geometry, depth, registry)
    return Interface(str(t.get("name", f"{pair[0]}/{pair[1]}")), (pair[0], pair[1]), model)


def _boundary(t: Any, where: str, geometry: str, p: _P) -> Boundary:
    """One [[boundary]] table: a face and exactly one of power, heat_flux, temperature or h + ambient."""
    source = p.source
    _keys(t, BOUNDARY_FIELDS, where, source)
    if "face" not in t:
        raise InputError(f"{where}.face", None, "a face such as \"die.top\"", problem="missing", source=source)
    kinds = [k for k in ("power", "heat_flux", "temperature", "h") if k in t]
    if len(kinds) != 1:
        raise InputError(f"{where}", kinds or None, "exactly one of power, heat_flux, temperature or h (+ ambient)",
                         source=source)
    kind = kinds[0]
    dims = {"power": "power", "heat_flux": "heat_flux", "temperature": "temperature",
            "h": "heat_transfer_coefficient"}
    value = p.q(t[kind], dims[kind], f"{where}.{kind}")
    ambient = _ambient(t, where, kind, p)
    region = _region(t["region"], where, geometry, p) if "region" in t else None
    return Boundary(str(t.get("name", t["face"])), str(t["face"]),
                    "convection" if kind == "h" else kind, value, ambient, region)


def _ambient(t: Mapping[str, Any], where: str, kind: str, p: _P) -> float | None:
    """The fluid temperature [K] of a convective boundary (required with h, refused otherwise)."""
    if kind == "h":
        if "ambient" not in t:
            raise InputError(f"{where}.ambient", None, "the fluid temperature, e.g. '25 degC'", problem="missing",
                             source=p.source)
        return p.q(t["ambient"], "temperature", f"{where}.ambient")
    if "ambient" in t:
        raise InputError(f"{where}.ambient", t["ambient"], "ambient with h only", source=p.source)
    return None


def _region(rt: Any, where: str, geometry: str, p: _P) -> tuple[tuple[float, float], ...]:
    """A boundary's region table, a footprint of the geometry's form."""
    if not isinstance(rt, Mapping):
        raise InputError(f"{where}.region", rt, "a table such as {size = [...], center = [...]}", source=p.source)
    _keys(rt, ("size", "center", "radius", "width"), f"{where}.region", p.source)
    return _footprint(rt, geometry, f"{where}.region", p)


def _heat_source(t: Any, where: str, p: _P) -> HeatSource:
    """One [[heat_source]] table: a body and its power [W]."""
    _keys(t, SOURCE_FIELDS, where, p.source)
    if "body" not in t or "power" not in t:
        raise InputError(where, dict(t), "body and power", problem="missing", source=p.source)
    return HeatSource(str(t.get("name", t["body"])), str(t["body"]), p.q(t["power"], "power", f"{where}.power"))


def _mesh_options(doc: Mapping[str, Any], p: _P) -> dict[str, Any]:
    """Keyword arguments of :class:`MeshOptions` from the [mesh] table."""
    mt = _keys(doc.get("mesh", {}), MESH_FIELDS, "mesh", p.source)
    mesh_kw: dict[str, Any] = {}
    if "cell_size" in mt:
        mesh_kw["cell_size"] = p.q(mt["cell_size"], "length", "mesh.cell_size")
    for key in ("min_cells", "layer_cells", "max_nodes"):
        if key in mt:
            mesh_kw[key] = p.integer(mt[key], f"mesh.{key}")
    if "grading" in mt:
        mesh_kw["grading"] = p.q(mt["grading"], "dimensionless", "mesh.grading")
    return mesh_kw


def _solver_options(solver_t: Mapping[str, Any], p: _P) -> dict[str, Any]:
    """Keyword arguments of :class:`SolverOptions` from the [solver] table."""
    sol_kw: dict[str, Any] = {}
    if "method" in solver_t:
        sol_kw["method"] = str(solver_t["method"])
    if "tolerance" in solver_t:
        sol_kw["tolerance"] = p.q(solver_t["tolerance"], "dimensionless", "solver.tolerance")
    if "picard_tolerance" in solver_t:
        sol_kw["picard_tolerance"] = p.q(solver_t["picard_tolerance"], "temperature_difference",
                                         "solver.picard_tolerance")
    if "max_iterations" in solver_t:
        sol_kw["max_iterations"] = p.integer(solver_t["max_iterations"], "solver.max_iterations")
    if "max_memory" in solver_t:
        sol_kw["max_memory"] = _bytes(solver_t["max_memory"], p)
    return sol_kw


def _resistances(doc: Mapping[str, Any], source: str) -> list[tuple[str, str | None]]:
    """The [output] resistances: a face or boundary name (to the sink) or a pair [hot, cold]."""
    out_t = _keys(doc.get("output", {}), OUTPUT_FIELDS, "output", source)
    resistances: list[tuple[str, str | None]] = []
    for i, pair in enumerate(out_t.get("resistance", [])):
        if isinstance(pair, str):
            resistances.append((pair, None))
        elif isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair):
            resistances.append((pair[0], pair[1]))
        else:
            raise InputError(f"output.resistance[{i + 1}]", pair, "a face or boundary name, or [hot, cold]",
                             source=source)
    return resistances


def _transient(doc: Mapping[str, Any], p: _P) -> tuple[TransientOptions, tuple[str, ...]]:
    """The optional [transient] table: output times (defaults 1 µs … 100 s, 200 points), steps per
    doubling of Δt, the heat-capacity matrix and extra faces to report."""
    t = _keys(doc.get("transient", {}), TRANSIENT_FIELDS, "transient", p.source)
    kw: dict[str, Any] = {}
    for key in ("t_min", "t_max"):
        if key in t:
            kw[key] = p.q(t[key], "time", f"transient.{key}")
    for key in ("points", "steps_per_doubling"):
        if key in t:
            kw[key] = p.integer(t[key], f"transient.{key}", 2)
    if "mass" in t:
        kw["mass"] = str(t["mass"])
    faces = t.get("faces", [])
    if not isinstance(faces, list) or not all(isinstance(x, str) for x in faces):
        raise InputError("transient.faces", faces, "a list of boundary names or faces such as \"base.top\"",
                         source=p.source)
    options = TransientOptions(**kw)
    try:
        options.check()
    except InputError as exc:
        raise InputError(exc.field, exc.value, exc.expected, problem=exc.problem, source=p.source) from None
    return options, tuple(faces)


def _bytes(value: Any, p: _P) -> float:
    """'4 GB', '512 MB' or a number of bytes."""
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return float(value)
    units = {"kb": 1e3, "mb": 1e6, "gb": 1e9, "kib": 1024.0, "mib": 1024.0**2, "gib": 1024.0**3, "b": 1.0}
    if isinstance(value, str):
        parts = value.strip().lower().split()
        if len(parts) == 2 and parts[1] in units:
            try:
                v = float(parts[0]) * units[parts[1]]
            except ValueError:
                v = -1.0
            if v > 0 and np.isfinite(v):
                return v
    raise InputError("solver.max_memory", value, "a size such as '4 GB' or '512 MB'", source=p.source)
