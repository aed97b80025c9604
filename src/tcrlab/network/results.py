"""Results of a solved heat path: per-element heats and drops, the bottleneck, energy balance, T(x).

:func:`stack_result` turns the node temperatures of a solved :class:`~tcrlab.network.netlist.Netlist`
into a :class:`StackResult`: the heat through every element, each drop's share of the main path's
T_hot − T_end, the bottleneck (the element with the largest drop), the heat split between parallel
branches, the temperature profile T(x) along the main path and along each other branch (the Kirchhoff
transform for k(T) layers), and the validity warnings met. The energy balance (heat in = heat out at the
fixed temperatures) is checked on every solution.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tcrlab._arrays import scalar_or_array as _out
from tcrlab.errors import ConvergenceError, ValidityWarning
from tcrlab.network.elements import ConductionLayer, KirchhoffTransform
from tcrlab.network.netlist import Edge, Netlist
from tcrlab.network.stack import Number, ParallelGroup, Stack

__all__ = [
    "BALANCE_LIMIT",
    "BranchFlow",
    "ElementResult",
    "Profile",
    "ProfileSegment",
    "StackResult",
    "stack_result",
]

BALANCE_LIMIT = 1e-3  # relative energy-balance error above which a solution is rejected (round-off)


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


def stack_result(
    stack: Stack, net: Netlist, hot: int, sink: int | None, temps: NDArray[np.float64],
    res: list[NDArray[np.float64]], shape: tuple[int, ...], iterations: int, profile_points: int,
) -> StackResult:
    """The results of a solved stack from its node temperatures and edge resistances.

    Heats through the edges (zero-resistance edges from the node balance), the energy balance (a
    solution with a free hot end whose relative balance error exceeds :data:`BALANCE_LIMIT` raises
    :class:`~tcrlab.errors.ConvergenceError`: round-off dominates it), the main path (in each parallel
    group the branch carrying the most heat), the bottleneck (the largest temperature drop along it),
    the branches' heat split and the temperature profiles; validity warnings of the elements and of
    faces outside their data ranges are issued as :class:`~tcrlab.errors.ValidityWarning`.

    Parameters
    ----------
    stack : Stack
        The heat path.
    net : Netlist
        Its compiled netlist.
    hot : int
        Index of the hot-end node.
    sink : int or None
        Index of the main sink node.
    temps : ndarray
        Node temperatures, shape (..., n_nodes) [K].
    res : list of ndarray
        Edge resistances at those temperatures [K/W].
    shape : tuple of int
        Batch shape (``()`` for one solution).
    iterations : int
        Picard iterations used.
    profile_points : int
        Points per conduction layer in the temperature profiles.

    Returns
    -------
    StackResult
        Temperatures, per-element results, bottleneck and energy balance.
    """
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
    stack: Stack, net: Netlist, main: list[int], elements: list[ElementResult], temps: Any,
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


def _fill_zero_resistance_heat(net: Netlist, heats: list[Any], temps: Any, shape: tuple[int, ...]) -> list[Any]:
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


def _main_path(stack: Stack, net: Netlist, heats: list[Any]) -> list[int]:
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


def _range_warnings(net: Netlist, temps: Any) -> list[str]:
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


def _profile(edges: list[Edge], results: list[ElementResult], temps: Any, points: int) -> Profile:
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
