"""The nodal solve of a heat path: Kirchhoff's current law on the compiled netlist, Picard for T-dependence.

:func:`solve_stack` compiles a :class:`~tcrlab.network.stack.Stack` into nodes and two-terminal edges
(:mod:`tcrlab.network.netlist`) and solves it by nodal analysis — Kirchhoff's current law at every free
node, Σ_j (T_i − T_j)/R_ij = P_i, a small dense linear system (the electrical analogy; Bergman, Lavine,
Incropera & DeWitt, *Fundamentals of Heat and Mass Transfer*, 7th ed. 2011, §3.1.3, and §4.4 for the
nodal energy balance). Elements whose resistance depends on the face temperatures (k(T), joints,
Kapitza) are re-evaluated at the latest temperatures and the system re-solved (Picard iteration) until
the node temperatures change by less than the tolerance. Every number may be a NumPy array of samples
(Monte Carlo, sweeps): the linear systems are then solved as one batch.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from tcrlab._arrays import scalar_or_array as _out
from tcrlab.errors import ConvergenceError, InputError
from tcrlab.network.netlist import Netlist, compile_stack
from tcrlab.network.results import StackResult, stack_result
from tcrlab.network.stack import Stack
from tcrlab.validation import require_positive

__all__ = ["solve_stack"]


def _resistances(net: Netlist, temps: NDArray[np.float64]) -> list[NDArray[np.float64]]:
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
    net: Netlist,
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
    >>> from tcrlab.network.stack import Boundary
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
    net, hot, sink = compile_stack(stack)
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
    return stack_result(stack, net, hot, sink, temps, res, shape, iterations, profile_points)
