"""Steady 2-D, axisymmetric and 3-D conduction through layered assemblies with contact interfaces.

Bodies (blocks, cylinders or strips of different footprints) stack along z; each touching pair is joined
by an interface whose conductance h_j is a constant, a table h(T) / h(P) or a tcrlab joint model evaluated
with the local temperature and contact pressure. Meshes are structured tensor grids built here (no
external mesher); Q1 elements; SuperLU or pyamg-preconditioned CG; fields written with meshio.

See docs/fem.md for the formulation, the validation and the mesh-convergence study.
"""

from tcrlab.fem.geometry import Body, Boundary, HeatSource, Interface, LayeredAssembly, MeshOptions
from tcrlab.fem.interface import (
    BoltPressure,
    ConstantConductance,
    JointConductance,
    TableConductance,
)
from tcrlab.fem.mesh import LayeredMesh, build_mesh
from tcrlab.fem.solve import FieldResult, InterfaceResult, SolverOptions, solve
from tcrlab.fem.transient import (
    TransientOptions,
    TransientResult,
    heat_capacity_matrix,
    solve_transient,
)

__all__ = [
    "Body",
    "BoltPressure",
    "Boundary",
    "ConstantConductance",
    "FieldResult",
    "HeatSource",
    "Interface",
    "InterfaceResult",
    "JointConductance",
    "LayeredAssembly",
    "LayeredMesh",
    "MeshOptions",
    "SolverOptions",
    "TableConductance",
    "TransientOptions",
    "TransientResult",
    "build_mesh",
    "heat_capacity_matrix",
    "solve",
    "solve_transient",
]
