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

The circuit is built from four modules, re-exported here under their long-standing names:

- :mod:`tcrlab.network.stack` — the description of the path (:class:`Stack`, :class:`ParallelGroup`,
  :class:`Branch`, :class:`Boundary`) and its input checks;
- :mod:`tcrlab.network.netlist` — the stack compiled into nodes, edges and fixed temperatures;
- :mod:`tcrlab.network.solver` — the nodal solve and the Picard iteration (:func:`solve_stack`);
- :mod:`tcrlab.network.results` — heats, energy balance, bottleneck, branch split and T(x)
  (:class:`StackResult` and its parts).
"""

from __future__ import annotations

from tcrlab.network.results import (
    BALANCE_LIMIT,
    BranchFlow,
    ElementResult,
    Profile,
    ProfileSegment,
    StackResult,
)
from tcrlab.network.solver import solve_stack
from tcrlab.network.stack import Boundary, Branch, Number, ParallelGroup, Stack

__all__ = [
    "BALANCE_LIMIT",
    "Boundary",
    "Branch",
    "BranchFlow",
    "ElementResult",
    "Number",
    "ParallelGroup",
    "Profile",
    "ProfileSegment",
    "Stack",
    "StackResult",
    "solve_stack",
]
