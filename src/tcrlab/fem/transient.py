"""Transient conduction in a layered assembly after a power step: Zth(t) of 2-D, r–z and 3-D models.

The semi-discrete system of the steady model (:mod:`tcrlab.fem.solve`) gains a heat-capacity matrix::

    C dθ/dt + K θ = f H(t),     θ = T − T_sink,  θ(0) = 0,

where K is the conduction + interface + convection matrix, f the load of the heat inputs (power and flux
faces, volume sources) and C = Σ_bodies ρc ∫ u v dV. Like K, C is built from the 1-D linear-element
factors: the consistent body matrix is ρc · M_z ⊗ … ⊗ M_0 (the radial factor with its 2πr weight). The
default is this *consistent* matrix: on a 1-D stack solved in r–z it tracks the exact Zth about three times
more closely than the lumped one on the same mesh (0.8 % against 2.3 % at the first output time, 16 graded
cells per layer; docs/fem.md). The response of the heated face's mean temperature stays monotone with it
(that functional is proportional to the load, so every mode enters with a positive weight), while single
nodes next to the face may undershoot at steps far shorter than a cell's diffusion time (Thomée 2006,
ch. 15); ``mass="lumped"`` (row sums, a positive diagonal) avoids that. Interfaces carry no
heat capacity (a contact or a thin TIM is a massless conductance h_j).

Time stepping is TR-BDF2 (Bank, Coughran, Fichtner, Grosse, Rose & Smith 1985; Hosea & Shampine 1996):
a trapezoidal stage to t + γΔt and a BDF2 stage to t + Δt with γ = 2 − √2, which is L-stable and second
order, and with this γ both stages solve with the *same* matrix C + (1 − 1/√2) Δt K — one factorisation
(or one AMG hierarchy) per step size. Step sizes double every ``steps_per_doubling`` steps, a logarithmic
grid from far below ``t_min`` to ``t_max``; the first step is taken as two backward-Euler half steps
(Rannacher 1984), which damps the stiffest modes the power step excites and so keeps the response of
the heated face from overshooting. Zth at the requested times is the monotone (PCHIP) interpolation in
ln t of the values at the step times; Zth(∞) is the steady solution K θ = f.

Validity: linear — constant properties. A body whose conductivity depends on T, and an interface h_j(T),
are evaluated once at the sink temperature (the initial state), so the transient's steady state is the
steady FE solution with those constant values (equal to :func:`tcrlab.fem.solve` for constant k and h_j).
All sinks (isothermal and convective) must share one temperature.

References
----------
R. E. Bank, W. M. Coughran, W. Fichtner, E. H. Grosse, D. J. Rose and R. K. Smith, "Transient simulation
of silicon devices and circuits", IEEE Trans. Electron Devices 32, 1992–2007 (1985). M. E. Hosea and
L. F. Shampine, "Analysis and implementation of TR-BDF2", Appl. Numer. Math. 20, 21–37 (1996).
R. Rannacher, "Finite element solution of diffusion problems with irregular data", Numer. Math. 43,
309–327 (1984). V. Thomée, *Galerkin Finite Element Methods for Parabolic Problems*, 2nd ed., Springer
(2006).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla
from numpy.typing import ArrayLike, NDArray
from scipy.interpolate import PchipInterpolator

from tcrlab.errors import InputError
from tcrlab.fem.assembly import FaceCells, _global_1d, axis_matrices, body_stiffness
from tcrlab.fem.geometry import Boundary, LayeredAssembly
from tcrlab.fem.linear import LinearSolver, choose_method, estimate_memory
from tcrlab.fem.mesh import LayeredMesh, build_mesh
from tcrlab.fem.solve import (
    BoundarySystem,
    SolverOptions,
    _checked_conductance,
    _face,
    _interface_matrix,
    _refuse_oversized,
    boundary_system,
)
from tcrlab.transient.response import power_profile_response

__all__ = ["TransientOptions", "TransientResult", "heat_capacity_matrix", "solve_transient"]

Array = NDArray[np.float64]
GAMMA = 2.0 - math.sqrt(2.0)
STAGE = 1.0 - 1.0 / math.sqrt(2.0)  # γ/2 = (1 − γ)/(2 − γ): the coefficient of Δt K in both stages
WARMUP_DOUBLINGS = 4  # step sizes below t_min, so that the first output time is well resolved


@dataclass(frozen=True)
class TransientOptions:
    """Time grid and discretisation of :func:`solve_transient`.

    Attributes
    ----------
    t_min, t_max : float
        First and last output time [s] (0 < t_min < t_max, at most 15 decades apart).
    points : int
        Number of log-spaced output times (2 … 100000).
    times : tuple of float or None
        The output times [s] given explicitly (> 0, increasing); then ``t_min``, ``t_max`` and
        ``points`` are not used.
    steps_per_doubling : int
        Time steps per doubling of the step size (2 … 200; 4 ≈ 13 steps per decade).
    mass : str
        ``"consistent"`` (default) or ``"lumped"`` heat-capacity matrix.
    """

    t_min: float = 1e-6
    t_max: float = 100.0
    points: int = 200
    times: tuple[float, ...] | None = None
    steps_per_doubling: int = 4
    mass: str = "consistent"

    def output_times(self) -> Array:
        """The output times [s], checked (InputError naming the field)."""
        if self.times is not None:
            t = np.asarray(self.times, dtype=float)
            if t.ndim != 1 or t.size < 1 or not np.all(np.isfinite(t)) or np.any(t <= 0) or np.any(np.diff(t) <= 0):
                raise InputError("transient.times", list(np.atleast_1d(self.times))[:5],
                                 "finite times > 0 [s], strictly increasing")
            return t
        if not (math.isfinite(self.t_min) and self.t_min > 0):
            raise InputError("transient.t_min", self.t_min, "a time > 0 [s]")
        if not (math.isfinite(self.t_max) and self.t_max > self.t_min):
            raise InputError("transient.t_max", self.t_max, f"a finite time > t_min = {self.t_min:g} s")
        if self.t_max / self.t_min > 1e15:
            raise InputError("transient.t_max", self.t_max, f"at most 15 decades above t_min = {self.t_min:g} s")
        if isinstance(self.points, bool) or not isinstance(self.points, int | np.integer) or not 2 <= self.points <= 100_000:
            raise InputError("transient.points", self.points, "an integer 2 … 100000")
        return np.logspace(math.log10(self.t_min), math.log10(self.t_max), int(self.points))

    def check(self) -> None:
        """Raise InputError naming the first setting out of its range."""
        self.output_times()
        s = self.steps_per_doubling
        if isinstance(s, bool) or not isinstance(s, int | np.integer) or not 2 <= s <= 200:
            raise InputError("transient.steps_per_doubling", s, "an integer 2 … 200")
        if self.mass not in ("lumped", "consistent"):
            raise InputError("transient.mass", self.mass, "lumped or consistent")


@dataclass(frozen=True)
class TransientResult:
    """Zth(t) of an assembly after a power step (SI).

    Attributes
    ----------
    t : ndarray
        Output times [s].
    zth : dict of str to ndarray
        Per face or boundary name, Zth [K/W] = mean temperature rise / heat input at ``t``.
    steady : dict of str to float
        Per name, Zth(∞) [K/W] from the steady solution of the same linear model.
    source : str
        The heated boundary (the default curve).
    power : float
        Heat input [W] of the step (used only to report temperatures; Zth is per watt).
    step_t : ndarray
        The time steps themselves [s].
    step_zth : dict of str to ndarray
        Zth [K/W] at ``step_t``, per name.
    energy_in, energy_stored, energy_out : ndarray
        Energy [J] per watt of input at ``step_t``: supplied, stored in the heat capacity, and left
        through the sinks (in = stored + out to the solver tolerance).
    unknowns : int
        Number of nodes.
    steps : int
        Number of time steps.
    factorizations : int
        Factorisations (or AMG hierarchies) built, one per step size.
    method : str
        The linear solver, ``"direct"`` or ``"amg"``.
    mass : str
        ``"consistent"`` or ``"lumped"``.
    memory_estimate : float
        Estimated peak memory [bytes] that was checked against the limit.
    sink_temperature : float
        The sinks' temperature [K], the initial state.
    heat_capacity : float
        Total heat capacity of the bodies ρcV [J/K].
    _interp : dict
        Cache of the interpolants of ``step_zth`` in ln t.
    """

    t: Array
    zth: dict[str, Array]
    steady: dict[str, float]
    source: str
    power: float
    step_t: Array
    step_zth: dict[str, Array]
    energy_in: Array
    energy_stored: Array
    energy_out: Array
    unknowns: int
    steps: int
    factorizations: int
    method: str
    mass: str
    memory_estimate: float
    sink_temperature: float
    heat_capacity: float = 0.0
    _interp: dict[str, Callable[[Array], Array]] = field(default_factory=dict, repr=False)

    def zth_at(self, t: ArrayLike, name: str | None = None) -> Array:
        """Zth [K/W] at any times t ≥ 0 [s] (interpolated between the time steps; Zth(0) = 0; beyond the
        last step the last value)."""
        name = name or self.source
        if name not in self.step_zth:
            raise InputError("face", name, "one of: " + ", ".join(self.step_zth))
        tt = np.asarray(t, dtype=float)
        ts, zs = self.step_t, self.step_zth[name]
        out = np.interp(tt, [0.0, ts[0]], [0.0, zs[0]])  # below the first step (never asked in practice)
        inside = tt >= ts[0]
        if np.any(inside):
            if name not in self._interp:
                self._interp[name] = PchipInterpolator(np.log(ts), zs, extrapolate=False)
            val = self._interp[name](np.log(np.minimum(tt[inside], ts[-1])))
            out = np.where(inside, 0.0, out)
            out[inside] = val
        return out

    def profile_response(self, t: ArrayLike, step_times: ArrayLike, powers: ArrayLike,
                         name: str | None = None) -> Array:
        """Temperature rise [K] at ``t`` under a piecewise-constant power profile (superposition of
        steps, :func:`tcrlab.transient.power_profile_response`)."""
        return power_profile_response(lambda x: self.zth_at(x, name), t, step_times, powers)

    @property
    def energy_balance_error(self) -> float:
        """max |in − stored − out| / in over the steps."""
        return float(np.max(np.abs(self.energy_in - self.energy_stored - self.energy_out) / self.energy_in))


def heat_capacity_matrix(assembly: LayeredAssembly, mesh: LayeredMesh | None = None, *, lumped: bool = True) -> sp.spmatrix | Array:
    """The heat-capacity matrix C = Σ ρc ∫ u v dV of the assembly's Q1 mesh.

    Parameters
    ----------
    assembly : LayeredAssembly
        The model; ρc per body from :meth:`Body.volumetric_heat_capacity`
        (InputError naming the body's density / specific_heat when missing).
    mesh : LayeredMesh, optional
        Its mesh (default: built here).
    lumped : bool
        Return the lumped diagonal (row sums) instead of the consistent matrix.

    Returns
    -------
    ndarray or scipy.sparse.csr_matrix
        The lumped diagonal [J/K] per node, or the consistent (n, n) matrix [J/K]; either sums to the
        bodies' ρcV.

    Examples
    --------
    >>> from tcrlab.fem import Body, Boundary, LayeredAssembly, MeshOptions
    >>> a = LayeredAssembly("box", [Body("cu", ((0, 0.01), (0, 0.01)), 0.002, conductivity=400.0,
    ...                                   density=8900.0, specific_heat=385.0)],
    ...     boundaries=[Boundary("sink", "cu.bottom", "temperature", 300.0)], mesh=MeshOptions(min_cells=3))
    >>> round(float(heat_capacity_matrix(a).sum()), 6)  # ρ c V = 8900 × 385 × 2e-7
    0.6853
    """
    mesh = mesh if mesh is not None else build_mesh(assembly)
    scale = assembly.depth if assembly.geometry == "planar" else 1.0
    parts = []
    for i, b in enumerate(assembly.bodies):
        rc = b.volumetric_heat_capacity(f"body[{i + 1}]") * scale
        bm = mesh.bodies[b.name]
        mats = [_global_1d(axis_matrices(a, assembly.radial and d == 0)[1]) for d, a in enumerate(bm.axes)]
        if lumped:
            v = np.asarray(mats[0].sum(axis=1)).ravel()
            for m in mats[1:]:
                v = np.kron(np.asarray(m.sum(axis=1)).ravel(), v)
            parts.append(rc * v)
        else:
            c = mats[0]
            for m in mats[1:]:
                c = sp.kron(m, c, format="csr")
            parts.append(rc * c)
    return np.concatenate(parts) if lumped else sp.block_diag(parts, format="csr")


class _StepSolver:
    """Solves (C + a K) x = b on the free nodes for one step size, reusing the factor / AMG hierarchy."""

    def __init__(self, A: sp.csr_matrix, method: str, tolerance: float) -> None:
        self.method = method
        if method == "direct":
            self._lu = spla.splu(A.tocsc(), permc_spec="COLAMD")
        else:
            self._A = A
            self._amg = LinearSolver("amg", tolerance=tolerance)

    def solve(self, b: Array, x0: Array) -> Array:
        if self.method == "direct":
            return self._lu.solve(b)
        return self._amg.solve(self._A, b, x0)


def _step_sizes(t_min: float, t_max: float, per_doubling: int) -> list[tuple[float, int]]:
    """(Δt, number of steps) blocks: Δt doubles every block; the grid reaches t_min after
    WARMUP_DOUBLINGS blocks and ends at or just beyond t_max."""
    # after j full blocks t = (2^j − 1) m Δt0; choose Δt0 so that t_min is reached after the warm-up
    dt0 = t_min / ((2**WARMUP_DOUBLINGS - 1) * per_doubling)
    blocks, t, dt = [], 0.0, dt0
    while t < t_max * (1 - 1e-12):
        n = min(per_doubling, max(1, math.ceil((t_max - t) / dt - 1e-9)))
        blocks.append((dt, n))
        t += n * dt
        dt *= 2.0
    return blocks


def solve_transient(assembly: LayeredAssembly, options: TransientOptions | None = None,
                    solver: SolverOptions | None = None, *, faces: Sequence[str] = (),
                    progress: Callable[[str, float], None] | None = None) -> TransientResult:
    """Zth(t) of ``assembly`` after its heat inputs (power / flux faces, volume sources) are switched on.

    Parameters
    ----------
    assembly : LayeredAssembly
        The model, with ρ and c for every body (``Body.density``/``specific_heat`` or its material's).
    options : TransientOptions
        Output times, steps per doubling of Δt, lumped or consistent heat capacity.
    solver : SolverOptions
        Linear solver (direct / AMG-CG), tolerance and the memory limit.
    faces : sequence of str
        Names of boundaries or faces (``"body.side"``) whose mean temperature rise per watt to report
        besides the heated boundary's.
    progress : callable, optional
        ``progress(stage, fraction)``, called during assembly and the time steps.

    Returns
    -------
    TransientResult
        Zth(t) of the heated boundary and of ``faces``, Zth(∞) and the energy balance.

    Raises
    ------
    InputError
        No heat input, sinks at different temperatures, a missing density / specific heat, a bad time
        grid, or a model whose estimated memory exceeds the limit (with the estimate).

    References
    ----------
    Bank et al. (1985); Hosea & Shampine (1996); Rannacher (1984) — see the module docstring.

    Examples
    --------
    >>> from tcrlab.fem import Body, Boundary, LayeredAssembly, MeshOptions
    >>> a = LayeredAssembly("axisymmetric", [Body("cu", ((0, 0.005),), 0.002, conductivity=400.0,
    ...                                            density=8900.0, specific_heat=385.0)],
    ...     boundaries=[Boundary("heater", "cu.top", "power", 1.0),
    ...                 Boundary("sink", "cu.bottom", "temperature", 300.0)],
    ...     mesh=MeshOptions(min_cells=2, layer_cells=8))
    >>> r = solve_transient(a, TransientOptions(t_min=1e-4, t_max=10.0, points=20))
    >>> round(float(r.zth["heater"][-1]), 4), round(r.steady["heater"], 4)  # L/(kA) = 0.0637 K/W
    (0.0637, 0.0637)
    """
    options = options or TransientOptions()
    options.check()
    solver = solver or SolverOptions()
    solver.check()
    report = progress or (lambda stage, fraction: None)
    t_out = options.output_times()
    sources = [b for b in assembly.boundaries if b.kind in ("power", "heat_flux")]
    mesh = build_mesh(assembly)
    n = mesh.n_nodes
    for i, b in enumerate(assembly.bodies):  # missing ρ or c: refuse before building anything
        b.volumetric_heat_capacity(f"body[{i + 1}]")
    t_sink = _common_sink_temperature(assembly)
    method = choose_method(solver.method, n, mesh.dim)
    # the steady model's estimate (matrix, hierarchy or factor) plus C, a second matrix (C + aK) and the
    # stage vectors
    need = estimate_memory(n, mesh.n_elements, mesh.dim, method, cell_assembly=False)
    need += 12.0 * n * 3**mesh.dim + 24 * 8.0 * n
    _refuse_oversized(n, need, solver.max_memory)
    report("assembly", 0.0)
    system = boundary_system(assembly, mesh)
    K = _conduction_matrix(assembly, mesh, system, t_sink)
    # θ = T − T_sink: the ambient part of the convective load vanishes (its row sums equal the load)
    f = system.f - system.K_boundary @ np.full(n, t_sink)
    power = _step_power(assembly, sources, system)
    free = np.flatnonzero(np.isnan(system.fixed))
    lumped = options.mass == "lumped"
    C = heat_capacity_matrix(assembly, mesh, lumped=lumped)
    Cf = sp.diags(C[free]) if lumped else C[free][:, free]
    Kf = K[free][:, free].tocsr()
    ff = f[free] / power
    report("assembly", 1.0)

    probes = _probes(assembly, mesh, system, sources, faces, free)
    names = list(probes)
    # Zth(∞): the steady state of the same linear model
    steady_solver = _StepSolver(Kf, method, solver.tolerance)
    theta_inf = steady_solver.solve(ff, np.zeros(len(free)))
    steady = {name: float(w @ theta_inf) for name, w in probes.items()}

    plan = _step_sizes(float(t_out[0]), float(t_out[-1]), int(options.steps_per_doubling))
    march = _March(Cf, Kf, ff, method, solver.tolerance).run(plan, probes, report)
    step_t = np.asarray(march.times)
    step_zth = {k: np.asarray(v) for k, v in march.values.items()}
    heat_in = float(ff.sum()) * step_t
    result = TransientResult(
        t=t_out, zth={}, steady=steady, source=names[0], power=power, step_t=step_t, step_zth=step_zth,
        energy_in=heat_in, energy_stored=np.asarray(march.stored), energy_out=np.asarray(march.out),
        unknowns=n, steps=len(march.times), factorizations=march.factorizations, method=method, mass=options.mass,
        memory_estimate=need, sink_temperature=t_sink, heat_capacity=float(np.sum(C) if lumped else C.sum()))
    for name in names:
        result.zth[name] = result.zth_at(t_out, name)
    return result


def _common_sink_temperature(assembly: LayeredAssembly) -> float:
    """The one temperature [K] of all isothermal and convective sinks (the initial state); InputError
    when they differ."""
    sinks = {float(b.value) if b.kind == "temperature" else float(b.ambient)  # type: ignore[arg-type]
             for b in assembly.boundaries if b.kind in ("temperature", "convection")}
    if len(sinks) != 1:
        raise InputError("boundary", sorted(sinks), "isothermal and convective sinks at one temperature (the "
                         "initial state of the transient)", problem="sinks at different temperatures")
    return sinks.pop()


def _conduction_matrix(assembly: LayeredAssembly, mesh: LayeredMesh, system: BoundarySystem,
                       t_sink: float) -> sp.csr_matrix:
    """K of the linear model: every body's k and every interface's h_j at the sink temperature, plus
    the convective faces."""
    n = mesh.n_nodes
    scale = assembly.depth if assembly.geometry == "planar" else 1.0
    blocks = []
    for b in assembly.bodies:
        k = float(np.asarray(b.k_of(np.array([t_sink])))[0])
        blocks.append(body_stiffness(mesh.bodies[b.name], radial=assembly.radial, scale=scale, k=k))
    K = sp.block_diag(blocks, format="csr") + system.K_boundary
    for p in system.pairs:
        h = _checked_conductance(p, p.model.evaluate(np.full(len(p.lower.nodes), t_sink), p.lower.centres))
        K = K + _interface_matrix(p, h, n)
    return K.tocsr()


def _step_power(assembly: LayeredAssembly, sources: list[Boundary], system: BoundarySystem) -> float:
    """Heat input [W] of the step: power and flux faces and volume sources; InputError unless > 0."""
    power = float(sum(b.value if b.kind == "power" else b.value * system.bc_cells[b.name].areas.sum()
                      for b in sources) + sum(s.power for s in assembly.sources))
    if not power > 0:
        raise InputError("boundary", [b.name for b in sources], "a positive heat input (power, heat_flux or "
                         "heat_source) to step on", problem="no heat input")
    return power


def _probes(assembly: LayeredAssembly, mesh: LayeredMesh, system: BoundarySystem, sources: list[Boundary],
            faces: Sequence[str], free: np.ndarray) -> dict[str, Array]:
    """Output functionals by name, the heated boundary first: the area-mean over a face's cells as a row
    vector on the free nodes."""
    names = [sources[0].name] if sources else []
    names += [x for x in faces if x not in names]
    if not names:
        raise InputError("faces", list(faces), "a power / heat_flux boundary or a named face to report")
    probes: dict[str, Array] = {}
    for name in names:
        cells = system.bc_cells.get(name)
        if cells is None:
            body, side = assembly.face_parts(name, "faces")
            cells = _face(mesh, assembly, body.name, side)
        probes[name] = _mean_functional(cells, mesh.n_nodes)[free]
    return probes


@dataclass
class _March:
    """TR-BDF2 time marching of C dθ/dt + K θ = f on the free nodes (per watt of input), from θ = 0,
    recording the probes, the stored energy and the energy that left through the sinks after every step."""

    Cf: sp.spmatrix
    Kf: sp.csr_matrix
    ff: Array
    method: str
    tolerance: float
    times: list[float] = field(default_factory=list)
    values: dict[str, list[float]] = field(default_factory=dict)
    stored: list[float] = field(default_factory=list)
    out: list[float] = field(default_factory=list)
    factorizations: int = 0

    def q_out(self, x: Array) -> float:
        """Heat per watt leaving through the sinks at state x."""
        return float(np.sum(self.Kf @ x))

    def _solver(self, coefficient: float) -> _StepSolver:
        self.factorizations += 1
        return _StepSolver((self.Cf + coefficient * self.Kf).tocsr(), self.method, self.tolerance)

    def start(self, theta: Array, dt: float) -> tuple[Array, float]:
        """Two backward-Euler half steps (Rannacher start-up): the new state and the energy out [J/W]."""
        Cf, ff = self.Cf, self.ff
        be = self._solver(0.5 * dt)
        x1 = be.solve(Cf @ theta + 0.5 * dt * ff, theta)
        q1 = self.q_out(x1)
        x2 = be.solve(Cf @ x1 + 0.5 * dt * ff, x1)
        q2 = self.q_out(x2)
        return x2, 0.5 * dt * (q1 + q2)

    def step(self, step: _StepSolver, theta: Array, dt: float) -> tuple[Array, float]:
        """One TR-BDF2 step: TR stage to t + γΔt, BDF2 stage to t + Δt, both with C + (1 − 1/√2)Δt K;
        the new state and the energy out [J/W]."""
        Cf, Kf, ff = self.Cf, self.Kf, self.ff
        w_tr, c_bdf = GAMMA / 2.0, (1.0 - GAMMA) / (2.0 - GAMMA)
        a_coef, b_coef = 1.0 / (GAMMA * (2.0 - GAMMA)), (1.0 - GAMMA) ** 2 / (GAMMA * (2.0 - GAMMA))
        q_n = self.q_out(theta)
        rhs = Cf @ theta + (GAMMA * dt) * ff - (w_tr * dt) * (Kf @ theta)
        x_g = step.solve(rhs, theta)
        rhs = a_coef * (Cf @ x_g) - b_coef * (Cf @ theta) + (c_bdf * dt) * ff
        x_n = step.solve(rhs, x_g)
        q_g, q_new = self.q_out(x_g), self.q_out(x_n)
        return x_n, dt * (0.5 / (2.0 - GAMMA) * (q_n + q_g) + c_bdf * q_new)

    def run(self, plan: list[tuple[float, int]], probes: dict[str, Array],
            report: Callable[[str, float], None]) -> _March:
        """March through the (Δt, steps) blocks of ``plan``; returns itself with the records filled."""
        total = sum(m for _, m in plan)
        self.values = {k: [] for k in probes}
        theta = np.zeros(len(self.ff))
        t, e_out = 0.0, 0.0
        for j, (dt, m) in enumerate(plan):
            step = self._solver(STAGE * dt)
            for i in range(m):
                theta, de = self.start(theta, dt) if j == 0 and i == 0 else self.step(step, theta, dt)
                e_out += de
                t += dt
                self.times.append(t)
                for name, w in probes.items():
                    self.values[name].append(float(w @ theta))
                self.stored.append(float(np.sum(self.Cf @ theta)))
                self.out.append(e_out)
                report("time steps", len(self.times) / total)
        return self


def _mean_functional(cells: FaceCells, n: int) -> Array:
    """w with w·T = the area-mean of T over ``cells``."""
    w = np.zeros(n)
    np.add.at(w, cells.nodes.ravel(), cells.L.ravel())
    return w / float(cells.L.sum())
