"""Steady conduction in a layered assembly: ∇·(k∇T) + q''' = 0 in every body, an interface jump
q = h_j (T₁ − T₂) between touching bodies, flux / power / convective / isothermal faces.

Weak form (Galerkin, Q1 elements on the tensor grids of :mod:`tcrlab.fem.mesh`)::

    Σ_bodies ∫ k ∇T·∇v dV + Σ_interfaces ∫ h_j (T₁ − T₂)(v₁ − v₂) dA + Σ_conv ∫ h T v dA
        = ∫ q''' v dV + Σ_flux ∫ q v dA + Σ_conv ∫ h T∞ v dA,     T = T_w on isothermal faces.

When k depends on T (a material with a conductivity table) or h_j does (a table h(T) or a joint model),
the system is solved by Picard iteration: k per cell at its mean temperature and h_j per interface cell at
its mean interface temperature from the previous iterate, until the largest nodal change is below
``SolverOptions.picard_tolerance`` [K].

The module is longer than most (a good part of it docstrings): the steady solve, its
options and its result types are read together, and splitting them would scatter one algorithm.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp

from tcrlab.errors import ConvergenceError, InputError, ValidityWarning
from tcrlab.fem.assembly import (
    FaceCells,
    body_load,
    body_stiffness,
    element_nodes,
    face_cells,
    tensor_cells,
)
from tcrlab.fem.geometry import SIDES, LayeredAssembly
from tcrlab.fem.interface import interface_model
from tcrlab.fem.linear import LinearSolver, available_memory, choose_method, estimate_memory
from tcrlab.fem.mesh import LayeredMesh, build_mesh

__all__ = ["BoundarySystem", "FieldResult", "InterfaceResult", "SolverOptions", "boundary_system", "solve"]


@dataclass(frozen=True)
class SolverOptions:
    """Linear-solver and Picard-iteration settings of :func:`solve` (and the memory limit).

    Attributes
    ----------
    method : str
        ``"auto"`` (direct up to 2·10⁵ unknowns in 2-D / 6·10³ in 3-D, else AMG-CG), ``"direct"`` or
        ``"amg"``.
    tolerance : float
        CG relative residual, in (0, 1).
    picard_tolerance : float
        Largest nodal change [K] between Picard iterates at convergence, > 0.
    max_iterations : int
        Picard iterations before a :class:`~tcrlab.errors.ConvergenceError` (≥ 1).
    max_memory : float or None
        Memory allowed [bytes] (None: 80 % of the available memory); larger models are refused before
        anything is built.
    """

    method: str = "auto"
    tolerance: float = 1e-10
    picard_tolerance: float = 1e-6
    max_iterations: int = 60
    max_memory: float | None = None

    def check(self) -> None:
        """Raise InputError naming the first setting out of its range."""
        if not (0 < self.tolerance < 1):
            raise InputError("solver.tolerance", self.tolerance, "(0, 1)")
        if not (self.picard_tolerance > 0):
            raise InputError("solver.picard_tolerance", self.picard_tolerance, "> 0 [K]")
        if not (isinstance(self.max_iterations, int) and self.max_iterations >= 1):
            raise InputError("solver.max_iterations", self.max_iterations, "an integer >= 1")


@dataclass(frozen=True)
class InterfaceResult:
    """One interface after the solve.

    Attributes
    ----------
    name : str
        The interface's name.
    bodies : tuple of str
        The two bodies, as named in the :class:`~tcrlab.fem.Interface`.
    heat : float
        Heat [W] flowing from the first body named to the second.
    area : float
        Contact area [m²] (per ``depth`` in a planar model).
    mean_jump : float
        Area-mean temperature jump T₁ − T₂ [K].
    max_jump : float
        Largest nodal |T₁ − T₂| [K].
    mean_h : float
        Area-mean h_j [W/(m² K)].
    centres : ndarray
        (n, lateral dims) cell centres [m].
    areas : ndarray
        (n,) cell areas [m²].
    h : ndarray
        (n,) h_j per cell [W/(m² K)].
    jump : ndarray
        (n,) mean jump T₁ − T₂ per cell [K].
    grid : tuple of ndarray
        The lateral grid lines of the overlap [m] (for maps).
    """

    name: str
    bodies: tuple[str, str]
    heat: float
    area: float
    mean_jump: float
    max_jump: float
    mean_h: float
    centres: np.ndarray
    areas: np.ndarray
    h: np.ndarray
    jump: np.ndarray
    grid: tuple[np.ndarray, ...]

    @property
    def resistance(self) -> float:
        """Mean jump over heat [K/W]."""
        return self.mean_jump / self.heat if self.heat else float("inf")


@dataclass
class FieldResult:
    """The solved temperature field with its derived quantities (SI).

    Attributes
    ----------
    assembly : LayeredAssembly
        The solved model.
    mesh : LayeredMesh
        Its mesh.
    temperature : ndarray
        Nodal temperatures [K], bodies in order (see :meth:`body_temperature`).
    interfaces : list of InterfaceResult
        One per interface.
    boundary_heat : dict of str to float
        Heat entering through each boundary [W] (negative where it leaves).
    source_heat : dict of str to float
        Power of each volume source [W].
    iterations : int
        Picard iterations (1 for a linear model).
    linear_iterations : int
        CG iterations, all Picard steps together (0 with the direct solver).
    method : str
        The linear solver used, ``"direct"`` or ``"amg"``.
    memory_estimate : float
        Estimated peak memory [bytes] that was checked against the limit.
    _faces : dict
        Cache of whole-face cells by ``"body.side"``.
    _bc_cells : dict
        The cells of every boundary by name.
    warnings : tuple of str
        The messages of the :class:`~tcrlab.errors.ValidityWarning` raised while solving.
    """

    assembly: LayeredAssembly
    mesh: LayeredMesh
    temperature: np.ndarray
    interfaces: list[InterfaceResult]
    boundary_heat: dict[str, float]
    source_heat: dict[str, float]
    iterations: int
    linear_iterations: int
    method: str
    memory_estimate: float
    _faces: dict[str, FaceCells] = field(repr=False, default_factory=dict)
    _bc_cells: dict[str, FaceCells] = field(repr=False, default_factory=dict)
    warnings: tuple[str, ...] = ()

    # ---------------------------------------------------------------- fields
    def body_temperature(self, name: str) -> tuple[tuple[np.ndarray, ...], np.ndarray]:
        """(axes, T) of one body: node coordinates per axis (lateral..., z) and T shaped (n_z, ..., n_0)."""
        bm = self.mesh.bodies[self.assembly.body(name).name]
        t = self.temperature[bm.offset:bm.offset + bm.n_nodes].reshape(tuple(reversed(bm.shape)))
        return bm.axes, t

    @property
    def heat_input(self) -> float:
        """Heat entering through power/flux faces and volume sources [W]."""
        q = sum(v for k, v in self.boundary_heat.items() if self._kind(k) in ("power", "heat_flux") and v > 0)
        return float(q + sum(v for v in self.source_heat.values() if v > 0))

    @property
    def energy_balance_error(self) -> float:
        """(Σ heat in − Σ heat out) / heat in (0 to the solver tolerance)."""
        total = sum(self.boundary_heat.values()) + sum(self.source_heat.values())
        scale = max(self.heat_input, max((abs(v) for v in self.boundary_heat.values()), default=0.0), 1e-300)
        return float(total / scale)

    def _kind(self, boundary: str) -> str:
        for b in self.assembly.boundaries:
            if b.name == boundary:
                return b.kind
        return ""

    def _cells(self, where: str) -> FaceCells:
        if where in self._bc_cells:
            return self._bc_cells[where]
        body, side = self.assembly.face_parts(where, "face")
        key = f"{body.name}.{side}"
        if key not in self._faces:
            self._faces[key] = _face(self.mesh, self.assembly, body.name, side)
        return self._faces[key]

    def face_temperature(self, where: str) -> tuple[float, float]:
        """(area-mean, max) temperature [K] of a boundary (its cells) or a face ``"body.side"`` (all of it)."""
        cells = self._cells(where)
        tn = self.temperature[cells.nodes]
        mean = float(np.sum(cells.L * tn) / np.sum(cells.L))
        return mean, float(tn.max())

    def sink_temperature(self) -> float:
        """The common temperature of the isothermal / convective sinks [K] (InputError when they differ)."""
        temps = {float(b.value) if b.kind == "temperature" else float(b.ambient)  # type: ignore[arg-type]
                 for b in self.assembly.boundaries if b.kind in ("temperature", "convection")}
        if len(temps) != 1:
            raise InputError("resistance.cold", None, "a face or boundary name (the sinks are at "
                             f"{sorted(temps)} K, so there is no one sink temperature)")
        return temps.pop()

    def resistance(self, hot: str, cold: str | None = None) -> float:
        """(mean T of ``hot`` − mean T of ``cold``, or the sink temperature) / heat input [K/W]."""
        t_hot = self.face_temperature(hot)[0]
        t_cold = self.sink_temperature() if cold is None else self.face_temperature(cold)[0]
        q = self.heat_input
        if q <= 0:
            raise InputError("resistance", hot, "a model with a heat input (power, heat flux or source)")
        return (t_hot - t_cold) / q

    def outputs(self) -> dict[str, Any]:
        """Named SI results (the case-file contract)."""
        out: dict[str, Any] = {
            "T_max": float(self.temperature.max()), "T_min": float(self.temperature.min()),
            "heat_input": self.heat_input, "energy_balance_error": self.energy_balance_error,
            "unknowns": int(self.temperature.size), "picard_iterations": self.iterations,
        }
        sources = [b for b in self.assembly.boundaries if b.kind in ("power", "heat_flux")]
        for b in sources:
            mean, tmax = self.face_temperature(b.name)
            out[f"T_mean[{b.name}]"] = mean
            out[f"T_max[{b.name}]"] = tmax
        try:
            sink = self.sink_temperature()
        except InputError:
            sink = None
        if sink is not None and self.heat_input > 0:
            for b in sources:
                out[f"R[{b.name}]"] = (self.face_temperature(b.name)[0] - sink) / self.heat_input
        for itf in self.interfaces:
            out[f"Q[{itf.name}]"] = itf.heat
            out[f"dT_mean[{itf.name}]"] = itf.mean_jump
            out[f"dT_max[{itf.name}]"] = itf.max_jump
            out[f"h_mean[{itf.name}]"] = itf.mean_h
        for name, q in self.boundary_heat.items():
            out[f"Q[{name}]"] = q
        return out


def _face(mesh: LayeredMesh, assembly: LayeredAssembly, body: str, side: str) -> FaceCells:
    return face_cells(mesh.bodies[body], side, lateral_dims=assembly.lateral_dims, radial=assembly.radial,
                      scale=assembly.depth if assembly.geometry == "planar" else 1.0,
                      sides=SIDES[assembly.geometry])


def _inside(centres: np.ndarray, box: Any) -> np.ndarray:
    ok = np.ones(len(centres), dtype=bool)
    for d, (lo, hi) in enumerate(box):
        ok &= (centres[:, d] > lo) & (centres[:, d] < hi)
    return ok


def _order(cells: FaceCells) -> np.ndarray:
    return np.lexsort(cells.cell_index.T)


@dataclass
class _Pair:
    name: str
    bodies: tuple[str, str]
    lower: FaceCells
    upper: FaceCells
    model: Any
    first_is_lower: bool


def _interface_pairs(assembly: LayeredAssembly, mesh: LayeredMesh, faces: dict[str, FaceCells]) -> list[_Pair]:
    contacts = {(lo, up): ov for lo, up, ov in assembly.contacts()}
    pairs = []
    for itf in assembly.interfaces:
        a, b = itf.bodies
        first_is_lower = (a, b) in contacts
        lo, up = (a, b) if first_is_lower else (b, a)
        ov = contacts[(lo, up)]
        fl, fu = faces[f"{lo}.top"], faces[f"{up}.bottom"]
        cl = fl.take(_inside(fl.centres, ov))
        cu = fu.take(_inside(fu.centres, ov))
        cl, cu = cl.take(_order(cl)), cu.take(_order(cu))
        if cl.cell_index.shape != cu.cell_index.shape or np.any(cl.cell_index != cu.cell_index):  # pragma: no cover
            raise AssertionError("interface cells do not match")
        pairs.append(_Pair(itf.name, (a, b), cl, cu, interface_model(itf.conductance), first_is_lower))
    return pairs


def _coo(nodes: np.ndarray, mats: np.ndarray, n: int) -> sp.csr_matrix:
    m = nodes.shape[1]
    rows = np.repeat(nodes, m, axis=1).ravel()
    cols = np.tile(nodes, (1, m)).ravel()
    return sp.csr_matrix((mats.ravel(), (rows, cols)), shape=(n, n))


def _interface_matrix(pair: _Pair, h: np.ndarray, n: int) -> sp.csr_matrix:
    M = pair.lower.M * h[:, None, None]
    block = np.concatenate([np.concatenate([M, -M], axis=2), np.concatenate([-M, M], axis=2)], axis=1)
    return _coo(np.concatenate([pair.lower.nodes, pair.upper.nodes], axis=1), block, n)


def _cell_mean(t: np.ndarray, cells: FaceCells) -> np.ndarray:
    return np.sum(cells.L * t[cells.nodes], axis=1) / cells.areas


@dataclass
class BoundarySystem:
    """The parts of the FE system that do not depend on the bodies' conductivity.

    Attributes
    ----------
    faces : dict of str to FaceCells
        The top and bottom face of every body, by ``"body.side"``.
    pairs : list
        The interfaces' matched cell pairs (lower and upper face cells, conductance model).
    bc_cells : dict of str to FaceCells
        The cells of every boundary by name (without the parts covered by an interface).
    K_boundary : scipy.sparse.csr_matrix
        The convective matrix ∫ h u v dA [W/K].
    f : ndarray
        Load vector of the heat inputs: power, flux, convection ambient and volume sources [W].
    fixed : ndarray
        Fixed (isothermal) nodal temperatures [K], NaN where free.
    """

    faces: dict[str, FaceCells]
    pairs: list[_Pair]
    bc_cells: dict[str, FaceCells]
    K_boundary: sp.csr_matrix
    f: np.ndarray
    fixed: np.ndarray


def boundary_system(assembly: LayeredAssembly, mesh: LayeredMesh) -> BoundarySystem:
    """Assemble the :class:`BoundarySystem` of ``assembly`` on ``mesh`` (shared by the steady and the
    transient solver).

    Parameters
    ----------
    assembly : LayeredAssembly
        The model (checked).
    mesh : LayeredMesh
        Its mesh, from :func:`~tcrlab.fem.build_mesh`.

    Returns
    -------
    BoundarySystem
        Faces, interface pairs, boundary cells, convective matrix, load vector and fixed temperatures.

    Raises
    ------
    InputError
        When a boundary's face (or region) lies entirely under an interface.

    Examples
    --------
    A 1 W heater on a 2-D bar of two lateral cells: the load vector carries the whole heat input, and
    the sink fixes the three nodes of its face.

    >>> import numpy as np
    >>> from tcrlab.fem import Body, Boundary, LayeredAssembly, MeshOptions, build_mesh
    >>> a = LayeredAssembly("planar", [Body("bar", ((0, 0.01),), 0.02, conductivity=100.0)],
    ...     boundaries=[Boundary("heater", "bar.top", "power", 1.0),
    ...                 Boundary("sink", "bar.bottom", "temperature", 300.0)],
    ...     mesh=MeshOptions(cell_size=0.005, min_cells=2, layer_cells=2))
    >>> s = boundary_system(a, build_mesh(a))
    >>> round(float(s.f.sum()), 12), int(np.count_nonzero(~np.isnan(s.fixed)))
    (1.0, 3)
    """
    n = mesh.n_nodes
    scale = assembly.depth if assembly.geometry == "planar" else 1.0
    K_boundary = sp.csr_matrix((n, n))
    faces: dict[str, FaceCells] = {}
    for b in assembly.bodies:
        for side in ("top", "bottom"):
            faces[f"{b.name}.{side}"] = _face(mesh, assembly, b.name, side)
    pairs = _interface_pairs(assembly, mesh, faces)
    # parts of top/bottom faces covered by an interface are interior
    covered: dict[str, np.ndarray] = {k: np.zeros(len(v.nodes), dtype=bool) for k, v in faces.items()}
    for p in pairs:
        lo, up = (p.bodies if p.first_is_lower else p.bodies[::-1])
        ov = dict(((a, b), o) for a, b, o in assembly.contacts())[(lo, up)]
        covered[f"{lo}.top"] |= _inside(faces[f"{lo}.top"].centres, ov)
        covered[f"{up}.bottom"] |= _inside(faces[f"{up}.bottom"].centres, ov)

    f = np.zeros(n)
    fixed = np.full(n, np.nan)
    bc_cells: dict[str, FaceCells] = {}
    for i, bc in enumerate(assembly.boundaries):
        body, side = assembly.face_parts(bc.face)
        key = f"{body.name}.{side}"
        if key in faces:
            cells = faces[key].take(~covered[key])
        else:
            cells = _face(mesh, assembly, body.name, side)
        if bc.region is not None:
            cells = cells.take(_inside(cells.centres, bc.region))
        if len(cells.nodes) == 0:
            raise InputError(f"boundary[{i + 1}]({bc.name}).face", bc.face,
                             "a face (or region) not entirely covered by an interface", problem="nothing left of it")
        bc_cells[bc.name] = cells
        if bc.kind == "temperature":
            fixed[cells.nodes.ravel()] = bc.value
        elif bc.kind == "convection":
            K_boundary = K_boundary + _coo(cells.nodes, cells.M * bc.value, n)
            np.add.at(f, cells.nodes.ravel(), (cells.L * bc.value * bc.ambient).ravel())
        else:
            q = bc.value / cells.areas.sum() if bc.kind == "power" else bc.value
            np.add.at(f, cells.nodes.ravel(), (cells.L * q).ravel())
    for s in assembly.sources:
        bm = mesh.bodies[s.body]
        unit = body_load(bm, n, radial=assembly.radial, scale=scale, density=1.0)
        f += unit * (s.power / unit.sum())
    return BoundarySystem(faces, pairs, bc_cells, K_boundary.tocsr(), f, fixed)


def solve(assembly: LayeredAssembly, options: SolverOptions | None = None,
          progress: Callable[[str, float], None] | None = None) -> FieldResult:
    """Mesh, assemble and solve ``assembly`` (the weak form of the module docstring).

    Parameters
    ----------
    assembly : LayeredAssembly
        The model: bodies, interfaces, boundaries, sources and mesh options.
    options : SolverOptions, optional
        Linear solver, tolerances, Picard iteration limit and memory limit (default
        :class:`SolverOptions`).
    progress : callable, optional
        ``progress(stage, fraction)``, called during assembly, AMG setup, CG and the Picard iteration.

    Returns
    -------
    FieldResult
        The nodal temperatures, interface and boundary heats, and the derived resistances.

    Raises
    ------
    InputError
        An inconsistent model, or one whose estimated memory exceeds the limit (the message gives the
        estimate).
    ConvergenceError
        When CG or the Picard iteration does not converge.

    Examples
    --------
    Two 1 cm × 1 cm strips (k = 100 W/(m K), 1 cm deep) joined by a contact of h_j = 10⁴ W/(m² K): the
    2-D model recovers the 1-D series resistance L/(kA) + 1/(h_j A) + L/(kA) = 1 + 1 + 1 K/W, and the
    jump across the contact is Q/(h_j A) = 1 K at 1 W.

    >>> from tcrlab.fem import Body, Boundary, Interface, LayeredAssembly, MeshOptions, solve
    >>> a = LayeredAssembly("planar", [Body("a", ((0, 0.01),), 0.01, conductivity=100.0),
    ...                               Body("b", ((0, 0.01),), 0.01, conductivity=100.0)],
    ...     interfaces=[Interface("contact", ("b", "a"), 1e4)],
    ...     boundaries=[Boundary("heater", "b.top", "power", 1.0),
    ...                 Boundary("sink", "a.bottom", "temperature", 300.0)],
    ...     mesh=MeshOptions(min_cells=2, layer_cells=2), depth=0.01)
    >>> r = solve(a)
    >>> round(r.resistance("heater"), 6), round(r.interfaces[0].mean_jump, 6)
    (3.0, 1.0)
    """
    options = options or SolverOptions()
    options.check()
    report = progress or (lambda stage, fraction: None)
    mesh = build_mesh(assembly)
    n = mesh.n_nodes
    method = choose_method(options.method, n, mesh.dim)
    kt_bodies = [b for b in assembly.bodies if b.k_constant() is None]
    need = estimate_memory(n, mesh.n_elements, mesh.dim, method, cell_assembly=bool(kt_bodies))
    _refuse_oversized(n, need, options.max_memory)
    report("assembly", 0.0)
    system = boundary_system(assembly, mesh)
    # constant parts: volume (constant k) and convection
    K_const = _volume_matrix(assembly, mesh, lambda b: b.k_constant()) + system.K_boundary
    report("assembly", 0.5)
    report("assembly", 1.0)
    solver = LinearSolver(method, tolerance=options.tolerance, progress=progress)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always", ValidityWarning)
        state = _picard(assembly, mesh, system, K_const, kt_bodies, solver, options, report)
        caught = list(dict.fromkeys(str(w.message) for w in record if issubclass(w.category, ValidityWarning)))
    for msg in caught:
        warnings.warn(msg, ValidityWarning, stacklevel=2)

    t = state.t
    residual = state.K @ t - system.f  # at fixed nodes: the heat entering there
    boundary_heat = _boundary_heat(assembly, system.bc_cells, residual, t)
    # the iterative solver's leftover residual on free nodes is the balance error, as it should be
    source_heat = {s.name: float(s.power) for s in assembly.sources}
    interfaces = [_interface_result(p, h, t, mesh, assembly) for p, h in zip(system.pairs, state.hs, strict=True)]
    return FieldResult(assembly, mesh, t, interfaces, boundary_heat, source_heat, state.iterations,
                       state.linear_iterations, method, need, {}, system.bc_cells, tuple(caught))


def _refuse_oversized(n: int, need: float, max_memory: float | None) -> None:
    """Refuse a model whose estimated peak memory exceeds the limit, before anything sizeable is built.

    Parameters
    ----------
    n : int
        Number of unknowns (nodes) of the model.
    need : float
        Estimated peak memory of assembling and solving it [bytes].
    max_memory : float or None
        Bytes allowed; None allows 80 % of the memory the operating system reports as available.

    Raises
    ------
    InputError
        Naming ``mesh``, the number of unknowns, the estimate and the limit [GB].
    """
    limit = max_memory if max_memory is not None else 0.8 * available_memory()
    if need > limit:
        raise InputError("mesh", f"{n:,} unknowns", f"a model whose estimated {need / 1e9:.2f} GB fits in the "
                         f"{limit / 1e9:.2f} GB allowed (coarser mesh.cell_size or fewer layer_cells)",
                         problem=f"needs about {need / 1e9:.2f} GB")


def _volume_matrix(assembly: LayeredAssembly, mesh: LayeredMesh,
                   k_of_body: Callable[[Any], Any]) -> sp.csr_matrix:
    """The bodies' conduction matrix, block-diagonal; ``k_of_body(body)`` gives a constant k, one k per
    cell, or None for a body that contributes nothing (an all-zero block)."""
    scale = assembly.depth if assembly.geometry == "planar" else 1.0
    blocks = []
    for b in assembly.bodies:
        bm = mesh.bodies[b.name]
        k = k_of_body(b)
        blocks.append(sp.csr_matrix((bm.n_nodes, bm.n_nodes)) if k is None else
                      body_stiffness(bm, radial=assembly.radial, scale=scale, k=k))
    return sp.block_diag(blocks, format="csr")


def _checked_conductance(pair: _Pair, h: Any) -> np.ndarray:
    """h_j [W/(m² K)] of an interface model's ``evaluate``, as floats, refused unless one finite value
    > 0 per interface cell (InputError naming the interface)."""
    h = np.asarray(h, dtype=float)
    if h.shape != (len(pair.lower.nodes),) or not np.all(np.isfinite(h) & (h > 0)):
        raise InputError(f"interface {pair.name}.conductance", h, "finite values > 0 at every cell")
    return h


@dataclass
class _PicardState:
    """The converged iterate: nodal T [K], the last system matrix, h_j per interface cell, the Picard and
    the accumulated linear-solver iteration counts."""

    t: np.ndarray
    K: sp.csr_matrix
    hs: list[np.ndarray]
    iterations: int
    linear_iterations: int


def _initial_temperature(assembly: LayeredAssembly, fixed: np.ndarray) -> np.ndarray:
    """The first iterate: the mean sink temperature everywhere, the isothermal faces at their values."""
    sink_temps = [bc.value if bc.kind == "temperature" else bc.ambient for bc in assembly.boundaries
                  if bc.kind in ("temperature", "convection")]
    t = np.full(len(fixed), float(np.mean(sink_temps)))
    is_fixed = ~np.isnan(fixed)
    t[is_fixed] = fixed[is_fixed]
    return t


def _system_matrix(assembly: LayeredAssembly, mesh: LayeredMesh, system: BoundarySystem, K_const: sp.csr_matrix,
                   kt_cells: dict[str, np.ndarray], t: np.ndarray) -> tuple[sp.csr_matrix, list[np.ndarray]]:
    """K at the iterate ``t``: the constant part, the k(T) bodies per cell at the cells' mean temperature
    and every interface with h_j at its cells' mean interface temperature; also the h_j per pair."""
    K = K_const
    if kt_cells:
        K = K + _volume_matrix(assembly, mesh, lambda b: None if b.k_constant() is not None else
                               b.k_of(t[element_nodes(mesh.bodies[b.name], kt_cells[b.name])].mean(axis=1)))
    hs = []
    for p in system.pairs:
        t_int = 0.5 * (_cell_mean(t, p.lower) + _cell_mean(t, p.upper))
        h = _checked_conductance(p, p.model.evaluate(t_int, p.lower.centres))
        hs.append(h)
        K = K + _interface_matrix(p, h, mesh.n_nodes)
    return K.tocsr(), hs


def _picard(assembly: LayeredAssembly, mesh: LayeredMesh, system: BoundarySystem, K_const: sp.csr_matrix,
            kt_bodies: list[Any], solver: LinearSolver, options: SolverOptions,
            report: Callable[[str, float], None]) -> _PicardState:
    """Solve K(T) T = f with the isothermal nodes fixed, by Picard iteration when k or h_j depend on T
    (one linear solve otherwise); ConvergenceError after ``options.max_iterations``."""
    n, f, fixed = mesh.n_nodes, system.f, system.fixed
    is_fixed = ~np.isnan(fixed)
    free = np.flatnonzero(~is_fixed)
    nonlinear = bool(kt_bodies) or any(getattr(p.model, "nonlinear", False) for p in system.pairs)
    t = _initial_temperature(assembly, fixed)
    kt_cells = {b.name: tensor_cells(mesh.bodies[b.name]) for b in kt_bodies}
    linear_iterations = 0
    for iterations in range(1, options.max_iterations + 1):
        K, hs = _system_matrix(assembly, mesh, system, K_const, kt_cells, t)
        if len(free) == n:
            A, b = K, f
        else:
            A = K[free][:, free]
            b = f[free] - K[free][:, is_fixed] @ fixed[is_fixed]
        t_new = t.copy()
        t_new[free] = solver.solve(A, b, t[free])
        linear_iterations += solver.iterations
        change = float(np.max(np.abs(t_new - t))) if nonlinear else 0.0
        t = t_new
        report("Picard", iterations / options.max_iterations if nonlinear else 1.0)
        if not nonlinear or change < options.picard_tolerance:
            return _PicardState(t, K, hs, iterations, linear_iterations)
    raise ConvergenceError(f"Picard iteration for k(T) / h_j(T) did not converge in {options.max_iterations} "
                           f"iterations (last change {change:.3g} K > {options.picard_tolerance:g} K)")


def _boundary_heat(assembly: LayeredAssembly, bc_cells: dict[str, FaceCells], residual: np.ndarray,
                   t: np.ndarray) -> dict[str, float]:
    """Heat [W] entering through every boundary: the nodal residual on isothermal faces (a node shared by
    two of them counted once, for the first), h (T∞ − T) on convective ones, the given power or flux."""
    boundary_heat: dict[str, float] = {}
    claimed = np.zeros(len(t), dtype=bool)
    for bc in assembly.boundaries:
        cells = bc_cells[bc.name]
        if bc.kind == "temperature":
            nodes = np.unique(cells.nodes)
            nodes = nodes[~claimed[nodes]]
            claimed[nodes] = True
            boundary_heat[bc.name] = float(residual[nodes].sum())
        elif bc.kind == "convection":
            boundary_heat[bc.name] = -float(np.sum(cells.L * (t[cells.nodes] - bc.ambient)) * bc.value)
        else:
            boundary_heat[bc.name] = float(bc.value if bc.kind == "power" else bc.value * cells.areas.sum())
    return boundary_heat


def _interface_result(p: _Pair, h: np.ndarray, t: np.ndarray, mesh: LayeredMesh,
                      assembly: LayeredAssembly) -> InterfaceResult:
    """Heat, jumps and mean h_j of one interface from the solved nodal temperatures ``t``."""
    sign = 1.0 if p.first_is_lower else -1.0
    jump_nodes = sign * (t[p.lower.nodes] - t[p.upper.nodes])
    cell_jump = np.sum(p.lower.L * jump_nodes, axis=1) / p.lower.areas
    area = float(p.lower.areas.sum())
    heat = float(np.sum(h * np.einsum("cij,cj->c", p.lower.M, jump_nodes)))
    grid = tuple(np.unique(np.concatenate([mesh.lateral[d][p.lower.cell_index[:, d]],
                                           mesh.lateral[d][p.lower.cell_index[:, d] + 1]]))
                 for d in range(assembly.lateral_dims))
    return InterfaceResult(
        p.name, p.bodies, heat, area, float(np.sum(cell_jump * p.lower.areas) / area),
        float(np.max(np.abs(jump_nodes))),
        float(np.sum(h * p.lower.areas) / area), p.lower.centres, p.lower.areas, h, cell_jump, grid)
