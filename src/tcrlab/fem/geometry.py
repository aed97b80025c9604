"""Layered assemblies: bodies stacked on one another, their interfaces and boundary conditions.

Three geometries share one description:

* ``"box"`` — 3-D rectangular blocks; a footprint is ``((x0, x1), (y0, y1))`` [m];
* ``"axisymmetric"`` — coaxial cylinders in r–z; a footprint is ``((0, R),)`` [m];
* ``"planar"`` — 2-D x–z strips of depth ``depth`` [m] (default 1 m); a footprint is ``((x0, x1),)``.

Bodies are stacked along z: a body sits on the body named by ``on`` (default the body before it; the first
one stands at z = 0). Touching bodies are joined only through an :class:`Interface` (a temperature jump
with conductance h_j); a pair that touches without one is an error, so no contact is assumed silently.
Side faces of bodies never exchange heat with a neighbour.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tcrlab.errors import InputError
from tcrlab.materials.material import Material
from tcrlab.validation import require_positive

__all__ = [
    "GEOMETRIES",
    "SIDES",
    "Body",
    "Boundary",
    "HeatSource",
    "Interface",
    "LayeredAssembly",
    "MeshOptions",
]

GEOMETRIES = ("box", "axisymmetric", "planar")
# the side faces of a body by geometry (top and bottom always exist); (lateral axis, end)
SIDES: dict[str, dict[str, tuple[int, int]]] = {
    "box": {"xmin": (0, 0), "xmax": (0, 1), "ymin": (1, 0), "ymax": (1, 1)},
    "axisymmetric": {"rim": (0, 1)},
    "planar": {"xmin": (0, 0), "xmax": (0, 1)},
}
BOUNDARY_KINDS = ("power", "heat_flux", "temperature", "convection")
_EPS = 1e-12


@dataclass(frozen=True)
class Body:
    """One solid block / cylinder / strip.

    Parameters
    ----------
    name : unique name (faces are ``name.top``, ``name.bottom``, ``name.xmin`` ...).
    footprint : per lateral axis an interval (lo, hi) [m] (axisymmetric: ``((0, R),)``).
    thickness : extent along z [m], > 0.
    material : a registry :class:`Material` (k(T) from its table) or None with ``conductivity``.
    conductivity : constant k [W/(m K)] when no material is given (or to override it).
    on : the body this one sits on (None: the previous body; the first stands at z = 0).
    cells : cells through the thickness (None: from :class:`MeshOptions`).
    density, specific_heat : ρ [kg/m³] and c [J/(kg K)] for a transient (None: the material's).
    """

    name: str
    footprint: tuple[tuple[float, float], ...]
    thickness: float
    material: Material | None = None
    conductivity: float | None = None
    on: str | None = None
    cells: int | None = None
    density: float | None = None
    specific_heat: float | None = None

    def volumetric_heat_capacity(self, where: str = "body") -> float:
        """ρ·c [J/(m³ K)] from ``density`` / ``specific_heat`` or else the material's registry values;
        InputError naming ``where.density`` / ``where.specific_heat`` when one is missing (only a transient
        needs them)."""
        rho = self.density if self.density is not None else (self.material.density if self.material else None)
        cp = (self.specific_heat if self.specific_heat is not None else
              (self.material.specific_heat if self.material else None))
        for prop, value in (("density", rho), ("specific_heat", cp)):
            if value is None:
                origin = f"material {self.material.key!r} has none" if self.material else "no material is given"
                raise InputError(f"{where}({self.name}).{prop}", None,
                                 f"a {prop.replace('_', ' ')} for a transient ({origin}; give {prop} = ... in "
                                 "the [[body]] table)", problem="missing")
            require_positive(f"{where}({self.name}).{prop}", value)
        return float(rho) * float(cp)  # type: ignore[arg-type]

    def k_constant(self) -> float | None:
        """k when it does not depend on temperature, else None."""
        if self.conductivity is not None:
            return float(self.conductivity)
        if self.material is not None and not self.material.has_conductivity_table:
            return float(self.material.thermal_conductivity())
        return None

    def k_of(self, temperature: np.ndarray) -> np.ndarray:
        """k(T) [W/(m K)] at the given temperatures [K]."""
        k = self.k_constant()
        if k is not None:
            return np.full(np.shape(temperature), k)
        assert self.material is not None
        return np.asarray(self.material.thermal_conductivity(np.asarray(temperature)), dtype=float)


@dataclass(frozen=True)
class Interface:
    """A contact between two touching bodies: q = h_j (T₁ − T₂) on their overlap.

    Attributes
    ----------
    name : str
        Name of the interface (in results and messages).
    bodies : tuple of str
        The two bodies it joins, in any order; heat is reported from the first to the second.
    conductance : float or object
        h_j [W/(m² K)]: a number, or an object with ``evaluate(temperature, position) -> h`` and a
        ``nonlinear`` flag (see :mod:`tcrlab.fem.interface`).
    """

    name: str
    bodies: tuple[str, str]
    conductance: Any


@dataclass(frozen=True)
class Boundary:
    """A condition on a face (``"body.top"``, ``"body.bottom"``, ``"body.xmin"``, ``"body.rim"`` ...).

    Attributes
    ----------
    name : str
        Name of the boundary (in results and messages).
    face : str
        The face, ``"body.side"``.
    kind : str
        ``"power"`` spread uniformly (isoflux) over the face, ``"heat_flux"``, ``"temperature"``
        (isothermal) or ``"convection"``.
    value : float
        Power [W], heat flux [W/m²], temperature [K] or, for convection, h [W/(m² K)].
    ambient : float or None
        Fluid temperature [K] of a convective boundary.
    region : tuple of (float, float) or None
        On a top/bottom face, the part it covers (same form as a footprint [m]; None: the whole face);
        parts of a face covered by an interface are never a boundary.
    """

    name: str
    face: str
    kind: str
    value: float
    ambient: float | None = None
    region: tuple[tuple[float, float], ...] | None = None


@dataclass(frozen=True)
class HeatSource:
    """Heat generated uniformly in a body's volume.

    Attributes
    ----------
    name : str
        Name of the source (in results).
    body : str
        The body that generates the heat.
    power : float
        Total power [W].
    """

    name: str
    body: str
    power: float


@dataclass(frozen=True)
class MeshOptions:
    """Structured-mesh controls.

    Parameters
    ----------
    cell_size : float or None
        Target lateral cell size [m] (None: the shortest footprint segment / 8).
    min_cells : int
        At least this many cells between two neighbouring grid lines (footprint or region edges).
    layer_cells : int
        Cells through each body's thickness unless the body sets ``cells``.
    grading : float
        Ratio of the middle cell to the cells at both ends of every segment (1 = uniform; > 1
        refines toward footprint edges and interfaces geometrically).
    max_nodes : int
        Refuse larger meshes (with the count) before building them.
    """

    cell_size: float | None = None
    min_cells: int = 4
    layer_cells: int = 8
    grading: float = 1.0
    max_nodes: int = 20_000_000

    def check(self) -> None:
        if self.cell_size is not None:
            require_positive("mesh.cell_size", self.cell_size)
        for name in ("min_cells", "layer_cells"):
            v = getattr(self, name)
            if not isinstance(v, int | np.integer) or v < 1:
                raise InputError(f"mesh.{name}", v, "an integer >= 1")
        if not (self.grading >= 1.0 and math.isfinite(self.grading)):
            raise InputError("mesh.grading", self.grading, "a finite number >= 1 (1 = uniform)")


def _interval_overlap(a: Sequence[tuple[float, float]], b: Sequence[tuple[float, float]]) -> list[tuple[float, float]] | None:
    """The intersection of two footprints, or None when it has no area."""
    out = []
    for (a0, a1), (b0, b1) in zip(a, b, strict=True):
        lo, hi = max(a0, b0), min(a1, b1)
        if hi - lo <= _EPS * max(1.0, abs(a1 - a0), abs(b1 - b0)):
            return None
        out.append((lo, hi))
    return out


def _inside(inner: Sequence[tuple[float, float]], outer: Sequence[tuple[float, float]], tol: float) -> bool:
    return all(i0 >= o0 - tol and i1 <= o1 + tol for (i0, i1), (o0, o1) in zip(inner, outer, strict=True))


@dataclass
class LayeredAssembly:
    """A layered assembly: geometry, bodies, interfaces, boundaries, volume sources and mesh options.

    ``check()`` (called by the mesher and the solver) raises :class:`~tcrlab.errors.InputError` naming the
    offending entry: an interface naming a body that does not exist, bodies that overlap, a touching pair
    without an interface, a region outside its face, zero or negative sizes, no sink at all.

    Attributes
    ----------
    geometry : str
        ``"box"`` (3-D), ``"axisymmetric"`` (r–z) or ``"planar"`` (2-D x–z).
    bodies : list of Body
        The bodies, stacked along z in order (see :attr:`Body.on`).
    interfaces : list of Interface
        One per touching pair.
    boundaries : list of Boundary
        Heat inputs and sinks; at least one isothermal or convective boundary.
    sources : list of HeatSource
        Volume heat sources.
    mesh : MeshOptions
        Structured-mesh controls.
    depth : float
        Depth [m] of a planar model (results are per this depth); ignored otherwise.
    name : str
        Name of the model (in reports).

    Examples
    --------
    >>> from tcrlab.fem import Body, Boundary, Interface, LayeredAssembly, ConstantConductance
    >>> a = LayeredAssembly("axisymmetric", [Body("base", ((0, 0.01),), 0.005, conductivity=200.0),
    ...                                    Body("die", ((0, 0.005),), 0.001, conductivity=150.0)],
    ...     interfaces=[Interface("tim", ("base", "die"), ConstantConductance(1e4))],
    ...     boundaries=[Boundary("chip", "die.top", "power", 10.0),
    ...                 Boundary("sink", "base.bottom", "temperature", 300.0)])
    >>> a.z_ranges()["die"]
    (0.005, 0.006)
    """

    geometry: str
    bodies: list[Body]
    interfaces: list[Interface] = field(default_factory=list)
    boundaries: list[Boundary] = field(default_factory=list)
    sources: list[HeatSource] = field(default_factory=list)
    mesh: MeshOptions = field(default_factory=MeshOptions)
    depth: float = 1.0
    name: str = "assembly"

    # ------------------------------------------------------------------ geometry queries
    @property
    def lateral_dims(self) -> int:
        """Number of lateral axes: 2 for a box, 1 otherwise."""
        return 2 if self.geometry == "box" else 1

    @property
    def radial(self) -> bool:
        """True for an axisymmetric (r–z) model."""
        return self.geometry == "axisymmetric"

    def body(self, name: str, field_name: str = "body") -> Body:
        """The body called ``name``; InputError naming ``field_name`` and the bodies otherwise."""
        for b in self.bodies:
            if b.name == name:
                return b
        raise InputError(field_name, name, "one of the bodies: " + ", ".join(b.name for b in self.bodies),
                         problem="no such body")

    def z_ranges(self) -> dict[str, tuple[float, float]]:
        """(z bottom, z top) [m] of every body."""
        out: dict[str, tuple[float, float]] = {}
        previous = None
        for i, b in enumerate(self.bodies):
            base = b.on if b.on is not None else previous
            if base is None:
                z0 = 0.0
            else:
                if base not in out:
                    known = ", ".join(out) or "none (a body can only sit on one listed before it)"
                    raise InputError(f"body[{i + 1}].on", base, "a body listed before it: " + known,
                                     problem="no such body before this one")
                z0 = out[base][1]
            out[b.name] = (z0, z0 + float(b.thickness))
            previous = b.name
        return out

    def face_parts(self, face: str, field_name: str = "face") -> tuple[Body, str]:
        """(body, side) of ``"body.side"``; InputError naming the valid faces otherwise."""
        sides = ("top", "bottom", *SIDES[self.geometry])
        if not isinstance(face, str) or "." not in face:
            raise InputError(field_name, face, "body.side with side one of " + ", ".join(sides))
        name, side = face.rsplit(".", 1)
        body = self.body(name, field_name)
        if side not in sides:
            raise InputError(field_name, face, "body.side with side one of " + ", ".join(sides),
                             problem="unknown side")
        return body, side

    def contacts(self) -> list[tuple[str, str, list[tuple[float, float]]]]:
        """Touching pairs (lower, upper, overlap footprint)."""
        z = self.z_ranges()
        out = []
        for lower in self.bodies:
            for upper in self.bodies:
                if lower is upper:
                    continue
                scale = max(abs(z[lower.name][1]), abs(z[upper.name][0]), 1e-300)
                if abs(z[lower.name][1] - z[upper.name][0]) <= 1e-9 * scale:
                    ov = _interval_overlap(lower.footprint, upper.footprint)
                    if ov is not None:
                        out.append((lower.name, upper.name, ov))
        return out

    # ------------------------------------------------------------------ validation
    def check(self) -> None:
        """Raise :class:`~tcrlab.errors.InputError` naming the first inconsistent entry (see the class
        docstring); the checks run in the order geometry, bodies, overlaps, interfaces, boundaries,
        sources, sink."""
        if self.geometry not in GEOMETRIES:
            raise InputError("geometry", self.geometry, "one of " + ", ".join(GEOMETRIES))
        if not self.bodies:
            raise InputError("body", [], "at least one body")
        self.mesh.check()
        require_positive("depth", self.depth)
        names = [b.name for b in self.bodies]
        for i, b in enumerate(self.bodies):
            self._check_body(f"body[{i + 1}]", b, names)
        self._check_overlaps()
        self._check_interfaces()
        has_sink = False
        for i, bc in enumerate(self.boundaries):
            has_sink = self._check_boundary(f"boundary[{i + 1}]({bc.name})", bc) or has_sink
        for i, s in enumerate(self.sources):
            self.body(s.body, f"heat_source[{i + 1}]({s.name}).body")
            if not math.isfinite(s.power):
                raise InputError(f"heat_source[{i + 1}]({s.name}).power", s.power, "a finite number")
        if not has_sink:
            raise InputError("boundary", [b.face for b in self.boundaries],
                             "at least one isothermal or convective boundary (a sink)",
                             problem="no sink: the steady temperature is undefined")

    def _check_body(self, where: str, b: Body, names: list[str]) -> None:
        """One body: a unique name without '.', a positive thickness, a footprint of the geometry's form
        (a disk on the axis in r–z), a material or conductivity, a valid cell count."""
        if names.count(b.name) > 1:
            raise InputError(f"{where}.name", b.name, "a name used by one body only", problem="duplicate name")
        if "." in b.name or not b.name:
            raise InputError(f"{where}.name", b.name, "a non-empty name without '.'")
        require_positive(f"{where}({b.name}).thickness", b.thickness)
        self._check_footprint(f"{where}({b.name}).footprint", b.footprint)
        if b.material is None and b.conductivity is None:
            raise InputError(f"{where}({b.name}).material", None, "a material or a conductivity",
                             problem="missing")
        if b.conductivity is not None:
            require_positive(f"{where}({b.name}).conductivity", b.conductivity)
        if b.cells is not None and (not isinstance(b.cells, int | np.integer) or b.cells < 1):
            raise InputError(f"{where}({b.name}).cells", b.cells, "an integer >= 1")

    def _check_footprint(self, where: str, footprint: tuple[tuple[float, float], ...]) -> None:
        """One interval (lo < hi, finite) per lateral axis; in r–z a disk (0, R)."""
        if len(footprint) != self.lateral_dims:
            raise InputError(where, footprint, f"{self.lateral_dims} interval(s) for a {self.geometry} geometry")
        for d, (lo, hi) in enumerate(footprint):
            if not (math.isfinite(lo) and math.isfinite(hi) and hi > lo):
                raise InputError(where, footprint, "intervals (lo, hi) with hi > lo, finite [m]",
                                 problem=f"axis {d} empty")
        if self.radial and abs(footprint[0][0]) > 0:
            raise InputError(where, footprint, "a disk (0, R) on the axis (annular bodies are not supported)")

    def _check_overlaps(self) -> None:
        """No two bodies share volume (overlapping heights and overlapping footprints)."""
        z = self.z_ranges()
        for i, a in enumerate(self.bodies):
            for b in self.bodies[i + 1:]:
                za, zb = z[a.name], z[b.name]
                if min(za[1], zb[1]) - max(za[0], zb[0]) > 1e-9 * max(za[1] - za[0], zb[1] - zb[0]):
                    if _interval_overlap(a.footprint, b.footprint) is not None:
                        raise InputError(f"body {b.name}.footprint", b.footprint,
                                         f"a footprint beside that of {a.name} {a.footprint} (bodies at the "
                                         "same height must not overlap)", problem="overlapping footprints")

    def _check_interfaces(self) -> None:
        """Every interface joins two touching bodies, once; every touching pair has an interface."""
        contacts = {(lo, up) for lo, up, _ in self.contacts()}
        joined: set[tuple[str, str]] = set()
        for i, itf in enumerate(self.interfaces):
            where = f"interface[{i + 1}]({itf.name})"
            if len(itf.bodies) != 2:
                raise InputError(f"{where}.bodies", itf.bodies, "two body names")
            for n in itf.bodies:
                self.body(n, f"{where}.bodies")
            pair = tuple(itf.bodies)
            key = pair if pair in contacts else (pair[1], pair[0])
            if key not in contacts:
                raise InputError(f"{where}.bodies", list(itf.bodies),
                                 "two bodies that touch (one's top on the other's bottom, overlapping footprints)",
                                 problem="these bodies do not touch")
            if key in joined:
                raise InputError(f"{where}.bodies", list(itf.bodies), "one interface per touching pair",
                                 problem="a second interface for the same pair")
            joined.add(key)
        missing = contacts - joined
        if missing:
            lo, up = sorted(missing)[0]
            raise InputError("interface", f"{lo}/{up}", f"an [[interface]] joining {lo} and {up}",
                             problem="these bodies touch but no interface joins them")

    def _check_boundary(self, where: str, bc: Boundary) -> bool:
        """One boundary: a known face and kind, valid values and region; True when it is a sink
        (isothermal or convective)."""
        body, side = self.face_parts(bc.face, f"{where}.face")
        if bc.kind not in BOUNDARY_KINDS:
            raise InputError(f"{where}.kind", bc.kind, "one of " + ", ".join(BOUNDARY_KINDS))
        if bc.kind == "temperature":
            require_positive(f"{where}.temperature", bc.value)
        elif bc.kind == "convection":
            require_positive(f"{where}.h", bc.value)
            if bc.ambient is None:
                raise InputError(f"{where}.ambient", None, "an ambient temperature", problem="missing")
            require_positive(f"{where}.ambient", bc.ambient)
        elif not math.isfinite(bc.value):
            raise InputError(f"{where}.{bc.kind}", bc.value, "a finite number")
        if bc.region is not None:
            self._check_region(where, bc, body, side)
        return bc.kind in ("temperature", "convection")

    def _check_region(self, where: str, bc: Boundary, body: Body, side: str) -> None:
        """A boundary's region: on a top or bottom face, of the footprint's form, inside the face."""
        assert bc.region is not None
        if side not in ("top", "bottom"):
            raise InputError(f"{where}.region", bc.region, "a region on a top or bottom face only")
        if len(bc.region) != self.lateral_dims or any(not (hi > lo) for lo, hi in bc.region):
            raise InputError(f"{where}.region", bc.region,
                             f"{self.lateral_dims} interval(s) (lo, hi) with hi > lo")
        tol = 1e-9 * max(hi - lo for lo, hi in body.footprint)
        if not _inside(bc.region, body.footprint, tol):
            raise InputError(f"{where}.region", bc.region,
                             f"a region inside the face {bc.face} {body.footprint}",
                             problem="the region is larger than its face (oversized)")
