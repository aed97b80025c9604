"""Heat paths: resistance algebra, thermal circuits, 1-D conduction through layered stacks."""

from tcrlab.network.algebra import parallel, series
from tcrlab.network.circuit import (
    Boundary,
    Branch,
    BranchFlow,
    ElementResult,
    ParallelGroup,
    Profile,
    ProfileSegment,
    Stack,
    StackResult,
    solve_stack,
)
from tcrlab.network.elements import (
    ConductionLayer,
    ContactResistance,
    Convection,
    Element,
    FixedResistance,
    KirchhoffTransform,
    TIMLayer,
)

__all__ = [
    "Boundary",
    "Branch",
    "BranchFlow",
    "ConductionLayer",
    "ContactResistance",
    "Convection",
    "Element",
    "ElementResult",
    "FixedResistance",
    "KirchhoffTransform",
    "ParallelGroup",
    "Profile",
    "ProfileSegment",
    "Stack",
    "StackResult",
    "TIMLayer",
    "parallel",
    "series",
    "solve_stack",
]
