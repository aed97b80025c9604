"""A :class:`~tcrlab.network.stack.Stack` compiled into a netlist: nodes, two-terminal edges, fixed temperatures.

The nodal solve (:mod:`tcrlab.network.solver`) and the results (:mod:`tcrlab.network.results`) work on
this flat form; the edges keep which top-level item and branch they came from, so results can be told
per branch and along the main path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tcrlab._arrays import scalar_or_array as _out
from tcrlab.errors import InputError
from tcrlab.network.stack import Number, ParallelGroup, Stack

__all__ = ["Edge", "Netlist", "compile_stack"]


@dataclass
class Edge:
    """One element between two nodes of a netlist.

    Attributes
    ----------
    element : Element
        The heat-path element.
    a, b : int
        Its upstream and downstream nodes.
    area : float or ndarray
        Cross-section the element sees [m²].
    path : str
        ``""`` on the main path, else ``"group/branch"``.
    group : int
        Index of the top-level item the edge belongs to (-1 before it is known).
    branch : int
        Index of the branch within that group (-1 on the main path).
    """

    element: Any
    a: int
    b: int
    area: Number
    path: str  # "" for the main path, else "group/branch"
    group: int = -1  # index of the top-level item the edge belongs to
    branch: int = -1


@dataclass
class Netlist:
    """Nodes, edges and fixed node temperatures of a compiled stack.

    Attributes
    ----------
    node_names : list of str
        Node names, by index.
    edges : list of Edge
        The elements between nodes.
    fixed : dict of int to float or ndarray
        Fixed node temperatures [K].
    """

    node_names: list[str] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    fixed: dict[int, Number] = field(default_factory=dict)

    def node(self, name: str) -> int:
        """Add a node and return its index.

        Parameters
        ----------
        name : str
            Node name.

        Returns
        -------
        int
            The new node's index.
        """
        self.node_names.append(name)
        return len(self.node_names) - 1


def compile_stack(stack: Stack) -> tuple[Netlist, int, int | None]:
    """Compile a :class:`~tcrlab.network.stack.Stack` into nodes and two-terminal edges.

    Elements in series share a node between them; a :class:`~tcrlab.network.stack.ParallelGroup`'s
    branches start at the same node and end at a common join node, at the main sink, or at their own
    fixed temperature. Raises :class:`~tcrlab.errors.InputError` when the circuit has no fixed
    temperature, when the cold end of the main path has none, or when a group followed by more layers has
    no branch that rejoins the path.

    Parameters
    ----------
    stack : Stack
        The heat path.

    Returns
    -------
    netlist : Netlist
        Nodes, edges and fixed temperatures.
    hot : int
        Index of the hot-end node.
    sink : int or None
        Index of the main sink node (None when every branch ends at its own sink).
    """
    net = Netlist()
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
                net.edges.append(Edge(item, current, nxt, area, path, top if path else i, br))
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
