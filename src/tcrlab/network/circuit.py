"""Thermal circuits: elements in series and parallel, solved by nodal analysis.

A :class:`Stack` is the 1-D heat path of an electronic package or a test column: elements in series from
the hot end (where the heat enters, or a fixed hot temperature) to a sink at a fixed temperature, with
:class:`ParallelGroup` s of series :class:`Branch` es (a die attach with voids; heat leaving both through
the heat sink and through the board, each branch possibly ending at its own fixed temperature).

The stack is compiled into nodes and two-terminal edges and solved by nodal analysis — Kirchhoff's current
law at every free node, Σ_j (T_i − T_j)/R_ij = P_i, a small dense linear system (the electrical analogy;
Bergman, Lavine, Incropera & DeWitt, *Fundamentals of Heat and Mass Transfer*, 7th ed. 2011, §3.1.3, and
§4.4 for the nodal energy balance). Elements whose resistance depends on the face temperatures (k(T), joints,
Kapitza) are re-evaluated at the latest temperatures and the system re-solved (Picard iteration) until
the node temperatures change by less than the tolerance.

Every number may be a NumPy array of samples (Monte Carlo, sweeps): the linear systems are then solved as
one batch.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
from numpy.typing import NDArray

from tcrlab._arrays import scalar_or_array as _out
from tcrlab.errors import ConvergenceError, InputError, ValidityWarning
from tcrlab.network.elements import ConductionLayer, Element, KirchhoffTransform
from tcrlab.validation import require_in_range, require_positive, warn_unit_slip

BALANCE_LIMIT = 1e-3  # relative energy-balance error above which a solution is rejected (round-off)

__all__ = [
    "Boundary",
    "Branch",
    "BranchFlow",
    "ElementResult",
    "ParallelGroup",
    "Profile",
    "ProfileSegment",
    "Stack",
    "StackResult",
    "solve_stack",
]

Number = float | NDArray[np.float64]


@dataclass(frozen=True)
class Branch:
    """A series branch of a :class:`ParallelGroup`.

    Its cross-section is ``area`` (m²), or ``area_fraction`` × the path's area, or (default) the whole
    path area. With ``sink_temperature`` (K) the branch ends at its own fixed temperature instead of
    rejoining the main path.

    Attributes
    ----------
    items : tuple
        Elements (or nested groups) in series along the branch.
    name : str
        Label.
    area : float, optional
        Cross-section [m²].
    area_fraction : float, optional
        Cross-section as a fraction of the path's area [-].
    sink_temperature : float, optional
        Fixed end temperature [K].
    """

    items: tuple[Any, ...]
    name: str = ""
    area: Number | None = None
    area_fraction: Number | None = None
    sink_temperature: Number | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))
        label = self.name or "branch"
        if not self.items:
            raise InputError(f"{label}.layer", [], "at least one element in every branch")
        if self.area is not None and self.area_fraction is not None:
            raise InputError(f"{label}.area", self.area, "either area or area_fraction, not both")
        if self.area is not None:
            object.__setattr__(self, "area", _out(require_positive(f"{label}.area", self.area)))
        if self.area_fraction is not None:
            frac = require_in_range(
                f"{label}.area_fraction", self.area_fraction, 0.0, 1.0, low_inclusive=False
            )
            object.__setattr__(self, "area_fraction", _out(frac))
        if self.sink_temperature is not None:
            t = require_positive(f"{label}.sink_temperature", self.sink_temperature)
            object.__setattr__(self, "sink_temperature", _out(t))


@dataclass(frozen=True)
class ParallelGroup:
    """Series branches side by side between the same upstream node and (unless they end at their own
    sinks) the same downstream node: 1/R = Σ 1/R_branch for rejoining branches.

    Attributes
    ----------
    name : str
        Label.
    branches : tuple of Branch
        The branches.
    """

    name: str
    branches: tuple[Branch, ...]

    kind: ClassVar[str] = "parallel"

    def __post_init__(self) -> None:
        object.__setattr__(self, "branches", tuple(self.branches))
        if len(self.branches) < 1:
            raise InputError(f"{self.name}.branch", [], "at least one branch")


@dataclass(frozen=True)
class Boundary:
    """Boundary conditions of a stack.

    Give the heat input as ``power`` (W, over the stack's area) or ``heat_flux`` (W/m²), or fix the hot
    end at ``hot_temperature`` (K). ``sink_temperature`` (K) fixes the cold end of the main path (ambient,
    coolant); branches may add their own fixed temperatures. All values are SI: temperatures in kelvin
    (25 °C is 298.15 K; ``tcrlab.units.parse_quantity("25 degC", "temperature")`` converts).

    A negative heat input, or a hot end colder than the sink, is solved as given (heat then flows from
    the sink towards the hot end) with a ValidityWarning. With ``unit_checks`` (default) a temperature
    below 200 K or above 5000 K warns as a likely unit slip (°C given as K); cryogenic paths built in
    Python pass ``unit_checks=False``; case files, whose values carry units, do so.

    Attributes
    ----------
    power : float, optional
        Heat input over the stack's area [W].
    heat_flux : float, optional
        Heat input per area [W/m²].
    hot_temperature : float, optional
        Fixed hot-end temperature [K].
    sink_temperature : float, optional
        Fixed cold-end temperature of the main path [K].
    unit_checks : bool
        Warn on temperatures below 200 K or above 5000 K (a likely °C/K slip).
    """

    power: Number | None = None
    heat_flux: Number | None = None
    hot_temperature: Number | None = None
    sink_temperature: Number | None = None
    unit_checks: bool = field(default=True, compare=False, repr=False)

    def __post_init__(self) -> None:
        given = [n for n in ("power", "heat_flux", "hot_temperature") if getattr(self, n) is not None]
        if len(given) != 1:
            raise InputError(
                "boundary",
                ", ".join(given) or "nothing",
                "exactly one of power, heat_flux or hot_temperature at the hot end",
                problem="over-specified" if given else "no heat input or hot temperature",
            )
        for name in ("power", "heat_flux"):
            value = getattr(self, name)
            if value is not None:
                arr = np.asarray(value, dtype=float)
                if not np.all(np.isfinite(arr)):
                    raise InputError(f"boundary.{name}", value, "a finite number")
                object.__setattr__(self, name, _out(arr))
        for name in ("hot_temperature", "sink_temperature"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, _out(require_positive(f"boundary.{name}", value)))
                if self.unit_checks:
                    warn_unit_slip(f"boundary.{name}", value, 200.0, 5000.0, unit="K",
                                   hint="25 °C is 298.15 K (a cryogenic path: pass unit_checks=False)",
                                   stacklevel=4)
        for name in ("power", "heat_flux"):
            value = getattr(self, name)
            if value is not None and np.any(np.asarray(value) < 0):
                warnings.warn(f"boundary.{name} < 0: heat flows from the sink into the hot end (a heat load "
                              "is positive)", ValidityWarning, stacklevel=4)
        if self.hot_temperature is not None and self.sink_temperature is not None and np.any(
                np.asarray(self.hot_temperature) < np.asarray(self.sink_temperature)):
            warnings.warn("boundary.hot_temperature is below boundary.sink_temperature: heat flows from the "
                          "sink into the hot end", ValidityWarning, stacklevel=4)


# --------------------------------------------------------------------------------------------------
# compiled network
# --------------------------------------------------------------------------------------------------
@dataclass
class _Edge:
    element: Any
    a: int
    b: int
    area: Number
    path: str  # "" for the main path, else "group/branch"
    group: int = -1  # index of the top-level item the edge belongs to
    branch: int = -1


@dataclass
class _Net:
    node_names: list[str] = field(default_factory=list)
    edges: list[_Edge] = field(default_factory=list)
    fixed: dict[int, Number] = field(default_factory=dict)

    def node(self, name: str) -> int:
        self.node_names.append(name)
        return len(self.node_names) - 1


def _compile(stack: Stack) -> tuple[_Net, int, int | None]:
    net = _Net()
    hot = net.node("hot end")
    b = stack.boundary
    if b.hot_temperature is not None:
        net.fixed[hot] = b.hot_temperature
    sink: list[int] = []  # lazily created main sink node

    def main_sink() -> int:
        if not sink:
            sink.append(net.node("sink"))
            if b.sink_temperature is not None:
                net.fixed[sink[0]] = b.sink_temperature
        return sink[0]

    def run(items: Sequence[Any], start: int, area: Number, end: int | None, path: str, top: int, br: int) -> int:
        current = start
        for i, item in enumerate(items):
            last = i == len(items) - 1
            if isinstance(item, ParallelGroup):
                target = end if last else None
                join: list[int] = []

                def join_node(item: ParallelGroup = item, join: list[int] = join, target: int | None = target) -> int:
                    if not join:
                        join.append(target if target is not None else net.node(f"after {item.name}"))
                    return join[0]

                for j, branch in enumerate(item.branches):
                    if branch.area is not None:
                        b_area: Number = branch.area
                    elif branch.area_fraction is not None:
                        b_area = _out(np.asarray(branch.area_fraction) * np.asarray(area))
                    else:
                        b_area = area
                    if branch.sink_temperature is not None:
                        b_end = net.node(f"{item.name}/{branch.name or j + 1} sink")
                        net.fixed[b_end] = branch.sink_temperature
                    elif last and end is None:
                        b_end = main_sink()
                    else:
                        b_end = join_node()
                    b_path = f"{item.name}/{branch.name or f'branch {j + 1}'}"
                    run(branch.items, current, b_area, b_end, b_path, top if path else i, br if path else j)
                if join:
                    current = join[0]
                elif not last:
                    raise InputError(
                        f"{item.name}", "parallel group",
                        "a parallel group followed by more layers needs at least one branch without "
                        "its own sink_temperature (the heat must go on)",
                    )
                else:
                    current = -1
            else:
                if last:
                    nxt = end if end is not None else main_sink()
                else:
                    nxt = net.node(f"after {item.name}")
                net.edges.append(_Edge(item, current, nxt, area, path, top if path else i, br))
                current = nxt
        return current

    run(stack.items, hot, stack.area, None, "", -1, -1)
    if not net.fixed:
        raise InputError(
            "boundary.sink_temperature", None,
            "at least one fixed temperature (boundary.sink_temperature, or a branch sink_temperature): "
            "a circuit with only a heat input has no steady state",
            problem="no fixed temperature",
        )
    if sink and sink[0] not in net.fixed:
        raise InputError(
            "boundary.sink_temperature", None,
            "a fixed temperature at the cold end of the stack (ambient or coolant), e.g. '25 degC'",
            problem="missing",
        )
    return net, hot, (sink[0] if sink else None)


# --------------------------------------------------------------------------------------------------
# results
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ElementResult:
    """One element's share of the heat path (SI; arrays for batches).

    Attributes
    ----------
    name, kind : str
        Element name and kind.
    is_interface : bool
        Whether the element is an interface (contact, TIM boundary).
    path : str
        Main path or ``group/branch``.
    on_main_path : bool
        Whether it carries the main path's heat.
    node_in, node_out : str
        Its nodes.
    area : float or ndarray
        Cross-section the element is referred to [m²].
    resistance : float or ndarray
        Resistance [K/W].
    resistance_area : float or ndarray
        resistance × area [m² K/W].
    heat : float or ndarray
        Heat from node_in to node_out [W].
    heat_flux : float or ndarray
        Heat flux over ``area`` [W/m²].
    dT : float or ndarray
        T_in − T_out [K].
    share : float or ndarray
        dT over the main path's T_hot − T_end [-].
    T_in, T_out : float or ndarray
        Node temperatures [K].
    describe : dict
        The element's own description (model, inputs).
    """

    name: str
    kind: str
    is_interface: bool
    path: str
    on_main_path: bool
    node_in: str
    node_out: str
    area: Number  # cross-section the element is referred to (m²)
    resistance: Number  # K/W
    resistance_area: Number  # m²K/W, = resistance × area
    heat: Number  # W, from node_in to node_out
    heat_flux: Number  # W/m² over ``area``
    dT: Number  # K, T_in − T_out
    share: Number  # dT / (T_hot − T_end of the main path)
    T_in: Number
    T_out: Number
    describe: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "kind": self.kind, "is_interface": self.is_interface, "path": self.path or "main",
            "on_main_path": self.on_main_path, "node_in": self.node_in, "node_out": self.node_out,
            "area_m2": self.area, "R_K_per_W": self.resistance, "R_m2K_per_W": self.resistance_area,
            "heat_W": self.heat, "heat_flux_W_per_m2": self.heat_flux, "dT_K": self.dT, "share": self.share,
            "T_in_K": self.T_in, "T_out_K": self.T_out, "inputs": self.describe,
        }


@dataclass(frozen=True)
class ProfileSegment:
    """One element's piece of a temperature profile.

    Attributes
    ----------
    name, kind : str
        Element name and kind.
    is_interface : bool
        Whether the element is an interface (a jump at one x).
    x_start, x_end : float
        Position along the path from the hot end [m].
    T_start, T_end : float
        Temperatures at both ends [K].
    """
    name: str
    kind: str
    is_interface: bool
    x_start: float
    x_end: float
    T_start: float
    T_end: float

    @property
    def dT(self) -> float:
        return self.T_start - self.T_end


@dataclass(frozen=True)
class Profile:
    """T(x) along the main path: x in m from the hot end, duplicated x at every interface (the jump).

    Attributes
    ----------
    x : ndarray
        Position from the hot end [m].
    T : ndarray
        Temperature [K].
    segments : tuple of ProfileSegment
        The elements' pieces.
    """

    x: NDArray[np.float64]
    T: NDArray[np.float64]
    segments: tuple[ProfileSegment, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "x_m": self.x, "T_K": self.T,
            "segments": [
                {"name": s.name, "kind": s.kind, "is_interface": s.is_interface, "x_start_m": s.x_start,
                 "x_end_m": s.x_end, "T_start_K": s.T_start, "T_end_K": s.T_end}
                for s in self.segments
            ],
        }


@dataclass(frozen=True)
class BranchFlow:
    """One branch of a parallel group on the main path: the heat it carries and its own bottleneck.

    ``heat_share`` is its part of the heat entering the group (the branches of a group share it);
    ``bottleneck`` is the element with the largest temperature drop along the branch and
    ``bottleneck_share`` that drop over the branch's whole drop (each branch spans its own ΔT).

    Attributes
    ----------
    group, branch : str
        Names of the group and the branch.
    heat : float or ndarray
        Heat carried [W].
    heat_share : float or ndarray
        Part of the heat entering the group [-].
    on_main_path : bool
        Whether the branch rejoins the main path.
    bottleneck : str
        Element with the largest temperature drop along the branch.
    bottleneck_share : float or ndarray
        That drop over the branch's whole drop [-].
    """

    group: str
    branch: str
    heat: Number
    heat_share: Number
    on_main_path: bool
    bottleneck: str
    bottleneck_share: Number

    def to_dict(self) -> dict[str, Any]:
        return {"group": self.group, "branch": self.branch, "heat_W": self.heat, "heat_share": self.heat_share,
                "on_main_path": self.on_main_path, "bottleneck": self.bottleneck,
                "bottleneck_share": self.bottleneck_share}


@dataclass(frozen=True)
class StackResult:
    """Solution of a stack: node temperatures, per-element results, the bottleneck, the energy balance.

    Attributes
    ----------
    name : str
        Stack name.
    area : float
        Cross-section of the path [m²].
    node_names : tuple of str
        Node names.
    node_temperatures : ndarray
        Node temperatures, shape (..., n_nodes) [K].
    elements : tuple of ElementResult
        Per-element results.
    heat_input : float or ndarray
        Heat entering at the hot end [W].
    T_hot, T_end : float or ndarray
        Temperatures of the hot end and of the cold end of the main path [K].
    total_resistance : float or ndarray
        (T_hot − T_end)/heat_input [K/W].
    bottleneck : str
        Element with the largest share of the temperature drop.
    energy_in, energy_out : float or ndarray
        Heat entering and leaving [W].
    energy_balance_error : float or ndarray
        |out − in| / in [-].
    iterations : int
        Picard iterations.
    warnings : tuple of str
        Validity warnings met while solving.
    profile : Profile or None
        T(x) along the main path.
    branches : tuple of BranchFlow
        Heat through each branch of the parallel groups.
    branch_profiles : tuple of (str, Profile)
        T(x) along each other branch.
    """

    name: str
    area: Number
    node_names: tuple[str, ...]
    node_temperatures: NDArray[np.float64]  # shape (..., n_nodes)
    elements: tuple[ElementResult, ...]
    heat_input: Number  # W entering at the hot end
    T_hot: Number
    T_end: Number  # temperature at the cold end of the main path
    total_resistance: Number  # (T_hot − T_end)/heat_input, K/W
    bottleneck: str
    energy_in: Number
    energy_out: Number
    energy_balance_error: Number  # |out − in| / in
    iterations: int
    warnings: tuple[str, ...] = ()
    profile: Profile | None = None
    branches: tuple[BranchFlow, ...] = ()
    # T(x) along each other branch of the parallel groups: (group/branch, profile) — the main path's
    # start, the branch, and (when it rejoins) the rest of the main path
    branch_profiles: tuple[tuple[str, Profile], ...] = ()

    @property
    def T_max(self) -> Number:
        return _out(np.max(self.node_temperatures, axis=-1))

    @property
    def total_resistance_area(self) -> Number:
        return _out(np.asarray(self.total_resistance) * np.asarray(self.area))

    def element(self, name: str) -> ElementResult:
        for e in self.elements:
            if e.name == name:
                return e
        raise KeyError(name)

    def main_path(self) -> list[ElementResult]:
        return [e for e in self.elements if e.on_main_path]

    def to_dict(self) -> dict[str, Any]:
        temps = np.asarray(self.node_temperatures)
        return {
            "name": self.name,
            "area_m2": self.area,
            "heat_input_W": self.heat_input,
            "T_hot_K": self.T_hot,
            "T_max_K": self.T_max,
            "T_end_K": self.T_end,
            "R_total_K_per_W": self.total_resistance,
            "R_total_m2K_per_W": self.total_resistance_area,
            "bottleneck": self.bottleneck,
            "nodes": {n: temps[..., i] for i, n in enumerate(self.node_names)},
            "elements": [e.to_dict() for e in self.elements],
            "energy_balance": {
                "heat_in_W": self.energy_in, "heat_out_W": self.energy_out,
                "relative_error": self.energy_balance_error,
            },
            "iterations": self.iterations,
            "warnings": list(self.warnings),
            "profile": self.profile.to_dict() if self.profile is not None else None,
            "branches": [b.to_dict() for b in self.branches],
            "branch_profiles": {name: prof.to_dict() for name, prof in self.branch_profiles},
        }


# --------------------------------------------------------------------------------------------------
# the stack and its solver
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Stack:
    """A 1-D heat path: ``items`` (elements or :class:`ParallelGroup`) in series from the hot end.

    ``area`` (m²) is the cross-section the heat input and the per-area resistances refer to.

    Attributes
    ----------
    items : tuple
        Elements or :class:`ParallelGroup` in series from the hot end.
    area : float
        Cross-section [m²].
    boundary : Boundary
        Boundary conditions.
    name : str
        Label.
    """

    items: tuple[Any, ...]
    area: Number
    boundary: Boundary
    name: str = "stack"

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))
        object.__setattr__(self, "area", _out(require_positive("area", self.area)))
        if not self.items:
            raise InputError("layer", [], "at least one layer in the stack")
        names: set[str] = set()

        def check(items: Sequence[Any]) -> None:
            for item in items:
                if isinstance(item, ParallelGroup):
                    check_name(item.name)
                    for br in item.branches:
                        check(br.items)
                else:
                    if not isinstance(item, Element):
                        raise InputError("layer", repr(item), "a heat-path element (see tcrlab.network)")
                    check_name(item.name)

        def check_name(name: str) -> None:
            if name in names:
                raise InputError("name", name, "a unique name for every layer", problem="used twice")
            names.add(name)

        check(self.items)

    def solve(self, *, tolerance: float = 1e-6, max_iterations: int = 100, profile_points: int = 41) -> StackResult:
        return solve_stack(self, tolerance=tolerance, max_iterations=max_iterations, profile_points=profile_points)


def _resistances(net: _Net, temps: NDArray[np.float64]) -> list[NDArray[np.float64]]:
    out = []
    for e in net.edges:
        t_a = _out(temps[..., e.a])  # Python floats for a scalar solve, arrays for a batch
        t_b = _out(temps[..., e.b])
        r = np.asarray(e.element.resistance(e.area, t_a, t_b), dtype=float)
        if np.any(np.isnan(r)) or np.any(r < 0):
            raise InputError(f"{e.element.name}.resistance", r, "a resistance >= 0", problem="element returned an invalid value")
        out.append(r)
    return out


def _solve_linear(
    net: _Net,
    res: list[NDArray[np.float64]],
    source: dict[int, NDArray[np.float64]],
    fixed: dict[int, NDArray[np.float64]],
    shape: tuple[int, ...],
) -> NDArray[np.float64]:
    """Nodal analysis: G·T = P on the free nodes. Edges of zero resistance in every sample merge their
    two nodes exactly; a zero in only some samples of a batch becomes 1e-9 of the largest resistance."""
    n = len(net.node_names)
    r_stack = np.stack([np.broadcast_to(r, shape) for r in res], axis=-1)  # (..., m)
    # merge nodes joined by an exactly-zero resistance (perfect contact) in every sample
    rep = list(range(n))

    def find(i: int) -> int:
        while rep[i] != i:
            i = rep[i]
        return i

    for idx, e in enumerate(net.edges):
        if np.all(r_stack[..., idx] == 0):
            ra, rb = find(e.a), find(e.b)
            if ra == rb:
                continue
            if rb in fixed and ra in fixed:
                raise InputError(
                    f"{e.element.name}.resistance", 0.0,
                    "a resistance > 0 between two fixed temperatures",
                    problem="zero resistance joins two fixed-temperature nodes",
                )
            if rb in fixed or (ra not in fixed and rb in source):
                ra, rb = rb, ra
            rep[rb] = ra
    roots = [find(i) for i in range(n)]
    ref = np.mean(np.stack(list(fixed.values()), axis=-1), axis=-1)  # solve for T − T_ref
    finite = np.where(np.isfinite(r_stack), r_stack, 0.0)
    scale = np.max(finite, axis=-1, keepdims=True)
    scale = np.where(scale > 0, scale, 1.0)
    r_eff = np.maximum(r_stack, 1e-9 * scale)
    g = np.where(np.isfinite(r_eff), 1.0 / r_eff, 0.0)
    big = np.zeros((*shape, n, n))
    for idx, e in enumerate(net.edges):
        a, b = roots[e.a], roots[e.b]
        if a == b:
            continue
        gi = g[..., idx]
        big[..., a, a] += gi
        big[..., b, b] += gi
        big[..., a, b] -= gi
        big[..., b, a] -= gi
    fixed_idx = sorted(fixed)
    free_idx = [i for i in range(n) if i not in fixed and roots[i] == i]
    temps = np.zeros((*shape, n))
    for i in fixed_idx:
        temps[..., i] = fixed[i] - ref
    if free_idx:
        rhs = np.zeros((*shape, len(free_idx)))
        for k, i in enumerate(free_idx):
            for s_node, p in source.items():
                if roots[s_node] == i:
                    rhs[..., k] += p
            for j in fixed_idx:
                rhs[..., k] -= big[..., i, j] * temps[..., j]
        a_mat = big[..., free_idx, :][..., :, free_idx]
        try:
            with np.errstate(all="raise"):
                sol = np.linalg.solve(a_mat, rhs[..., None])[..., 0]
        except (np.linalg.LinAlgError, FloatingPointError):
            sol = np.full(rhs.shape, np.nan)
        if not np.all(np.isfinite(sol)):
            raise InputError(
                "layer", "circuit",
                "every node connected to a fixed temperature through finite resistances",
                problem="the circuit is singular (a part is cut off, e.g. every path through it "
                "has an infinite resistance)",
            )
        temps[..., free_idx] = sol
    for i in range(n):
        if roots[i] != i:
            temps[..., i] = temps[..., roots[i]]
    return temps + ref[..., None]


def _integer(name: str, value: Any, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < low:
        raise InputError(name, value, f"an integer >= {low}")
    return int(value)


def solve_stack(
    stack: Stack, *, tolerance: float = 1e-6, max_iterations: int = 100, profile_points: int = 41
) -> StackResult:
    """Solve a :class:`Stack` by nodal analysis (Picard iteration when an element depends on T).

    Raises :class:`ConvergenceError` when the node temperatures still change by more than ``tolerance``
    (K) after ``max_iterations`` iterations. The Picard step is halved whenever the update grows.

    Parameters
    ----------
    stack : Stack
        The heat path.
    tolerance : float
        Convergence tolerance on the node temperatures [K].
    max_iterations : int
        Picard iteration cap.
    profile_points : int
        Points per conduction layer in the temperature profile.

    Returns
    -------
    StackResult
        Temperatures, per-element results, bottleneck and energy balance.

    Examples
    --------
    >>> from tcrlab.network.elements import ConductionLayer, ContactResistance, Convection
    >>> stack = Stack((ConductionLayer("plate", 0.005, 200.0), ContactResistance("tim", 1e-5),
    ...                Convection("fins", 1000.0)), area=1e-3,
    ...               boundary=Boundary(power=10.0, sink_temperature=300.0))
    >>> r = solve_stack(stack)
    >>> round(r.T_hot, 2), round(r.total_resistance, 4), r.bottleneck
    (310.35, 1.035, 'fins')
    """
    if not isinstance(stack, Stack):
        raise InputError("stack", stack, "a tcrlab.network.Stack (layers, area, boundary)")
    require_positive("tolerance", tolerance)
    max_iterations = _integer("max_iterations", max_iterations, 1)
    profile_points = _integer("profile_points", profile_points, 2)
    net, hot, sink = _compile(stack)
    b = stack.boundary
    n = len(net.node_names)

    # batch shape from every array input
    fixed_vals = {i: np.asarray(v, dtype=float) for i, v in net.fixed.items()}
    t_ref = np.mean(np.broadcast_arrays(*fixed_vals.values()), axis=0)
    temps0 = np.broadcast_to(np.asarray(t_ref)[..., None], (*np.shape(t_ref), n)).copy()
    res = _resistances(net, temps0)
    power: NDArray[np.float64] | None = None
    if b.power is not None:
        power = np.asarray(b.power, dtype=float)
    elif b.heat_flux is not None:
        power = np.asarray(b.heat_flux, dtype=float) * np.asarray(stack.area, dtype=float)
    shapes = [np.shape(r) for r in res] + [np.shape(v) for v in fixed_vals.values()]
    shapes += [np.shape(e.area) for e in net.edges]
    if power is not None:
        shapes.append(np.shape(power))
        if len(net.fixed) == 1 and np.any(power == 0):  # one fixed temperature: nothing else drives heat
            name = "power" if b.power is not None else "heat_flux"
            raise InputError(f"boundary.{name}", _out(getattr(b, name)), "a finite non-zero number",
                             problem="no heat flows, so temperature drops and shares are undefined")
    try:
        shape = np.broadcast_shapes(*shapes)
    except ValueError:
        raise InputError("stack", ", ".join(str(list(sh)) for sh in dict.fromkeys(shapes) if sh),
                         "sampled inputs (area, power, temperatures, element properties) of one common "
                         "length or broadcast-compatible shapes", problem="array shapes do not match") from None
    fixed = {i: np.broadcast_to(v, shape) for i, v in fixed_vals.items()}
    source = {hot: np.broadcast_to(power, shape)} if power is not None and hot not in fixed else {}

    dependent = any(bool(getattr(e.element, "temperature_dependent", False)) for e in net.edges)
    temps = _solve_linear(net, res, source, fixed, shape)
    iterations = 1
    if dependent:
        converged = False
        change = previous = np.inf
        relax = 1.0  # Picard step; halved whenever the update grows (damps oscillating iterations)
        for _ in range(int(max_iterations)):
            res = _resistances(net, temps)
            new = _solve_linear(net, res, source, fixed, shape)
            iterations += 1
            change = float(np.max(np.abs(new - temps)))
            if change > previous:
                relax = max(0.5 * relax, 0.05)
            previous = change
            temps = temps + relax * (new - temps)
            if change < tolerance:
                temps = new
                converged = True
                break
        if not converged:
            raise ConvergenceError(
                f"{stack.name}: node temperatures still change by {change:.3g} K after {max_iterations} "
                f"iterations (tolerance {tolerance:g} K); check temperature-dependent elements or raise "
                "solver.max_iterations"
            )
        res = _resistances(net, temps)
    return _results(stack, net, hot, sink, temps, res, shape, iterations, profile_points)


def _results(
    stack: Stack, net: _Net, hot: int, sink: int | None, temps: NDArray[np.float64],
    res: list[NDArray[np.float64]], shape: tuple[int, ...], iterations: int, profile_points: int,
) -> StackResult:
    heats = []
    for e, r in zip(net.edges, res, strict=True):
        dt = temps[..., e.a] - temps[..., e.b]
        with np.errstate(divide="ignore", invalid="ignore"):
            q = np.where(np.isinf(r), 0.0, dt / np.where(r > 0, r, 1.0))
        # a zero resistance carries whatever the rest of the circuit sends; recover it from the balance
        heats.append(np.where(r > 0, q, np.nan))
    heats = _fill_zero_resistance_heat(net, heats, temps, shape)

    # energy balance
    net_in = np.zeros((*shape, len(net.node_names)))
    for e, q in zip(net.edges, heats, strict=True):
        net_in[..., e.b] += q
        net_in[..., e.a] -= q
    fixed_cold = [i for i in net.fixed if i != hot]
    if hot in net.fixed:
        heat_input = -net_in[..., hot]
    else:
        b = stack.boundary
        heat_input = np.broadcast_to(
            np.asarray(b.power) if b.power is not None else np.asarray(b.heat_flux) * np.asarray(stack.area), shape
        )
    energy_out = sum((net_in[..., i] for i in fixed_cold), np.zeros(shape))
    with np.errstate(divide="ignore", invalid="ignore"):
        denom = np.where(np.abs(heat_input) > 0, np.abs(heat_input), 1.0)
        balance = np.abs(energy_out - heat_input) / denom
    if hot not in net.fixed and (not np.all(np.isfinite(temps)) or np.any(balance > BALANCE_LIMIT)):
        raise ConvergenceError(
            f"{stack.name}: the solution loses energy (relative balance error "
            f"{float(np.nanmax(np.where(np.isfinite(balance), balance, np.inf))):.2g} > {BALANCE_LIMIT:g}): "
            "the element resistances span too many orders of magnitude for double precision; "
            "check thicknesses and resistances for unit mistakes"
        )

    # main path: top-level edges, and in each parallel group the branch carrying the most heat
    main = _main_path(stack, net, heats)
    main_edges = [net.edges[i] for i in main]
    t_hot = temps[..., hot]
    t_end = temps[..., main_edges[-1].b] if main_edges else t_hot
    total_dt = t_hot - t_end
    elements = []
    for idx, (e, r, q) in enumerate(zip(net.edges, res, heats, strict=True)):
        dt = temps[..., e.a] - temps[..., e.b]
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(np.abs(total_dt) > 0, dt / np.where(total_dt != 0, total_dt, 1.0), 0.0)
        own = getattr(e.element, "area", None)  # e.g. a heat sink's wetted area
        area_b = np.broadcast_to(np.asarray(own if own is not None else e.area, dtype=float), shape)
        r_b = np.broadcast_to(r, shape)
        elements.append(
            ElementResult(
                name=e.element.name, kind=e.element.kind, is_interface=bool(e.element.is_interface),
                path=e.path, on_main_path=idx in main, node_in=net.node_names[e.a], node_out=net.node_names[e.b],
                area=_out(area_b), resistance=_out(r_b), resistance_area=_out(r_b * area_b),
                heat=_out(q), heat_flux=_out(q / area_b), dT=_out(dt), share=_out(share),
                T_in=_out(temps[..., e.a]), T_out=_out(temps[..., e.b]), describe=_describe(e.element),
            )
        )
    main_results = [elements[i] for i in main]
    drops = np.stack([np.broadcast_to(np.asarray(m.dT), shape) for m in main_results], axis=-1)
    winner = np.argmax(np.abs(drops), axis=-1)  # |ΔT|: a negative heat input reverses every drop
    counts = np.bincount(np.ravel(winner), minlength=len(main_results))
    bottleneck = main_results[int(np.argmax(counts))].name

    with np.errstate(divide="ignore", invalid="ignore"):
        r_total = np.where(heat_input != 0, total_dt / np.where(heat_input != 0, heat_input, 1.0), np.inf)
    notes = _range_warnings(net, temps) + _element_warnings(elements)
    profile = _profile(main_edges, main_results, temps, profile_points) if not shape else None
    flows, branch_profiles = _branches(stack, net, main, elements, temps, shape, profile_points)
    return StackResult(
        name=stack.name, area=stack.area, node_names=tuple(net.node_names), node_temperatures=temps,
        elements=tuple(elements), heat_input=_out(heat_input), T_hot=_out(t_hot), T_end=_out(t_end),
        total_resistance=_out(r_total), bottleneck=bottleneck, energy_in=_out(heat_input),
        energy_out=_out(energy_out), energy_balance_error=_out(balance), iterations=iterations,
        warnings=tuple(notes), profile=profile, branches=flows, branch_profiles=branch_profiles,
    )


def _branches(
    stack: Stack, net: _Net, main: list[int], elements: list[ElementResult], temps: Any,
    shape: tuple[int, ...], points: int,
) -> tuple[tuple[BranchFlow, ...], tuple[tuple[str, Profile], ...]]:
    """Heat split, per-branch bottleneck and T(x) of the other branches of top-level parallel groups."""
    flows: list[BranchFlow] = []
    profiles: list[tuple[str, Profile]] = []
    for top, item in enumerate(stack.items):
        if not isinstance(item, ParallelGroup) or len(item.branches) < 2:  # one branch: a layer of its own area
            continue
        per_branch = [[i for i, e in enumerate(net.edges) if e.group == top and e.branch == j]
                      for j in range(len(item.branches))]
        heats = [np.asarray(elements[idx[0]].heat) if idx else np.zeros(shape) for idx in per_branch]
        total = sum(heats, np.zeros(shape))
        for j, idx in enumerate(per_branch):
            if not idx:
                continue
            branch_name = net.edges[idx[0]].path.rsplit("/", 1)[-1]
            drops = np.stack([np.broadcast_to(np.asarray(elements[i].dT), shape) for i in idx], axis=-1)
            span = drops.sum(axis=-1)
            worst = np.argmax(np.abs(drops), axis=-1)
            k = int(np.bincount(np.ravel(worst), minlength=len(idx)).argmax())
            with np.errstate(divide="ignore", invalid="ignore"):
                heat_share = np.where(total != 0, heats[j] / np.where(total != 0, total, 1.0), 0.0)
                b_share = np.where(span != 0, drops[..., k] / np.where(span != 0, span, 1.0), 0.0)
            on_main = idx[0] in main
            flows.append(BranchFlow(item.name, branch_name, _out(heats[j]), _out(heat_share), on_main,
                                    elements[idx[k]].name, _out(b_share)))
            if on_main or shape:
                continue
            before = [i for i in main if net.edges[i].group < top]
            after = [] if item.branches[j].sink_temperature is not None else [
                i for i in main if net.edges[i].group > top]
            path = before + idx + after
            profiles.append((f"{item.name}/{branch_name}",
                             _profile([net.edges[i] for i in path], [elements[i] for i in path], temps, points)))
    return tuple(flows), tuple(profiles)


def _describe(element: Any) -> dict[str, Any]:
    try:
        return dict(element.describe())
    except Exception:  # a foreign element's describe() must not break the solution
        return {"kind": getattr(element, "kind", "?"), "name": getattr(element, "name", "?")}


def _fill_zero_resistance_heat(net: _Net, heats: list[Any], temps: Any, shape: tuple[int, ...]) -> list[Any]:
    """Heat through zero-resistance edges from the node balance of their free end (iteratively)."""
    heats = [np.broadcast_to(h, shape).copy() for h in heats]
    for _ in range(len(net.edges)):
        unknown = [i for i, h in enumerate(heats) if np.any(np.isnan(h))]
        if not unknown:
            break
        for i in unknown:
            e = net.edges[i]
            for node, sign in ((e.b, 1.0), (e.a, -1.0)):
                if node in net.fixed or node == 0:
                    continue
                others = [j for j, f in enumerate(net.edges) if j != i and node in (f.a, f.b)]
                vals = [heats[j] if net.edges[j].a == node else -heats[j] for j in others]
                if any(np.any(np.isnan(v)) for v in vals):
                    continue
                out_flow = sum(vals, np.zeros(shape))
                mask = np.isnan(heats[i])
                heats[i][mask] = (sign * out_flow)[mask]
                break
    return [np.nan_to_num(h) for h in heats]


def _main_path(stack: Stack, net: _Net, heats: list[Any]) -> list[int]:
    main: list[int] = []
    for top, item in enumerate(stack.items):
        if isinstance(item, ParallelGroup):
            best, best_q = 0, -np.inf
            for j in range(len(item.branches)):
                idx = [i for i, e in enumerate(net.edges) if e.group == top and e.branch == j]
                if not idx:
                    continue
                q = float(np.mean(np.abs(heats[idx[0]])))
                if q > best_q:
                    best, best_q = j, q
            main += [i for i, e in enumerate(net.edges) if e.group == top and e.branch == best]
            branch = item.branches[best]
            if branch.sink_temperature is not None:
                break  # the main heat leaves through this branch's own sink
        else:
            main += [i for i, e in enumerate(net.edges) if e.group == top and e.path == ""]
    return main


def _element_warnings(elements: Sequence[ElementResult]) -> list[str]:
    """The elements' own warnings (a joint's estimated slope, skipped radiation, ...), named by element,
    re-issued as ValidityWarnings so that a heat path never hides what its parts warned about."""
    notes: list[str] = []
    for e in elements:
        for w in e.describe.get("warnings", ()) or ():
            msg = f"{e.name}: {w}"
            if msg not in notes:
                notes.append(msg)
                warnings.warn(msg, ValidityWarning, stacklevel=5)
    return notes


def _range_warnings(net: _Net, temps: Any) -> list[str]:
    notes = []
    for e in net.edges:
        el = e.element
        t = np.concatenate([np.ravel(temps[..., e.a]), np.ravel(temps[..., e.b])])
        kt = getattr(el, "kirchhoff", None) if isinstance(el, ConductionLayer) else None
        if kt is not None:
            lo, hi = kt.t_range
            what = f"leave the k(T) table of {el.material.key} ({lo:g}–{hi:g} K); k is held at the end value outside it"
        elif isinstance(getattr(el, "t_range", None), tuple):  # elements built on measured data
            lo, hi = el.t_range
            what = f"leave the measured range of this {el.kind} ({lo:g}–{hi:g} K); its data are extrapolated"
        else:
            continue
        if np.any(t < lo - 1e-9) or np.any(t > hi + 1e-9):
            msg = f"{el.name}: face temperatures {t.min():.4g}–{t.max():.4g} K {what}"
            notes.append(msg)
            warnings.warn(msg, ValidityWarning, stacklevel=4)
    return notes


def _profile(edges: list[_Edge], results: list[ElementResult], temps: Any, points: int) -> Profile:
    xs: list[float] = []
    ts: list[float] = []
    segments = []
    x = 0.0
    for e, _r in zip(edges, results, strict=True):
        el = e.element
        t_in, t_out = float(temps[e.a]), float(temps[e.b])
        if el.is_interface or (not isinstance(el, ConductionLayer) and getattr(el, "thickness", None) is None):
            xs += [x, x]
            ts += [t_in, t_out]
            segments.append(ProfileSegment(el.name, el.kind, True, x, x, t_in, t_out))
            continue
        length = float(el.thickness)
        local = np.linspace(0.0, length, max(int(points), 2))
        kt: KirchhoffTransform | None = getattr(el, "kirchhoff", None) if isinstance(el, ConductionLayer) else None
        if kt is None:
            t_local = t_in + (t_out - t_in) * local / length
        else:  # θ(T(x)) falls linearly from θ(T_in) to θ(T_out)
            th_in, th_out = float(kt.theta(t_in)), float(kt.theta(t_out))
            t_local = np.asarray(kt.inverse(th_in + (th_out - th_in) * local / length))
        xs += list(x + local)
        ts += list(t_local)
        segments.append(ProfileSegment(el.name, el.kind, False, x, x + length, t_in, t_out))
        x += length
    return Profile(np.array(xs), np.array(ts), tuple(segments))
