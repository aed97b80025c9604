"""Interfaces whose h_j depends on the solution (tables h(T), tcrlab joints with local T and pressure) and
bodies with k(T), solved by Picard iteration; checked against the 1-D thermal circuit (which evaluates
the same Joint at the mean face temperature and integrates k(T) exactly by the Kirchhoff transform) and a
scalar root of the 1-D fixed point."""

import math

import numpy as np
import pytest
from scipy.optimize import brentq

from tcrlab.cases import build_case
from tcrlab.errors import ConvergenceError, InputError
from tcrlab.fem import (
    Body,
    BoltPressure,
    Boundary,
    Interface,
    JointConductance,
    LayeredAssembly,
    MeshOptions,
    SolverOptions,
    TableConductance,
    solve,
)
from tcrlab.joint import Joint
from tcrlab.materials import default_registry

FP = ((0.0, 0.01), (0.0, 0.01))
AREA = 1e-4
Q = 5e4


def _pair(conductance: object, k: float = 16.0, *, material: object = None, cells: int = 4) -> LayeredAssembly:
    return LayeredAssembly(
        "box",
        [Body("lower", FP, 4e-3, conductivity=None if material else k, material=material, cells=cells),
         Body("upper", FP, 4e-3, conductivity=None if material else k, material=material, cells=cells)],
        interfaces=[Interface("joint", ("upper", "lower"), conductance)],
        boundaries=[Boundary("heater", "upper.top", "heat_flux", Q),
                    Boundary("sink", "lower.bottom", "temperature", 320.0)],
        mesh=MeshOptions(min_cells=2))


def test_table_h_of_temperature_matches_the_scalar_fixed_point() -> None:
    table = TableConductance("temperature", (300.0, 400.0), (5e3, 2.5e4))
    r = solve(_pair(table), SolverOptions(picard_tolerance=1e-9))
    t_low = 320.0 + Q * 4e-3 / 16.0  # top of the lower block

    def residual(jump: float) -> float:
        h = np.interp(t_low + jump / 2, (300.0, 400.0), (5e3, 2.5e4))
        return jump - Q / h

    jump = brentq(residual, 0.1, 100.0, xtol=1e-12)
    assert r.interfaces[0].mean_jump == pytest.approx(jump, abs=1e-6)
    assert r.iterations > 2


def test_joint_interface_matches_the_circuit_joint_layer() -> None:
    """A uniform-pressure SS304 joint in air: the FE jump equals the stack circuit's joint layer."""
    joint_table = {"solids": ["SS304", "SS304"], "sigma": "1.5 um", "slope": 0.1, "pressure": "2 MPa",
                   "gas": "air"}
    doc = {
        "case": {"name": "1-D", "area": f"{AREA} m^2"},
        "boundary": {"heat_flux": f"{Q} W/m^2", "sink_temperature": "320 K"},
        "layer": [
            {"name": "lower", "kind": "conduction", "conductivity": "16 W/(m K)", "thickness": "4 mm"},
            {"name": "joint", "kind": "joint", **joint_table},
            {"name": "upper", "kind": "conduction", "conductivity": "16 W/(m K)", "thickness": "4 mm"},
        ],
        "solver": {"tolerance": "1e-9 K"},
    }
    stack = build_case(doc, source="stack").solve()
    from tcrlab.cases.joint import joint_from_table

    joint = joint_from_table(joint_table, field="joint", source="t")
    r = solve(_pair(JointConductance(joint)), SolverOptions(picard_tolerance=1e-9))
    assert r.face_temperature("heater")[0] == pytest.approx(float(stack.T_hot), abs=1e-6)
    itf = r.interfaces[0]
    t_mean = 320.0 + Q * 4e-3 / 16.0 + itf.mean_jump / 2
    h = float(Joint(**{**joint.__dict__, "temperature": t_mean}).evaluate(emit_warnings=False).h_j)
    assert itf.mean_h == pytest.approx(h, rel=1e-8)


def test_bolt_pressure_carries_the_bolt_forces() -> None:
    p = BoltPressure(1e5, ((0.0, 0.0), (0.03, 0.01)), 4000.0, 4e-3)
    x, y = np.meshgrid(np.linspace(-0.05, 0.08, 651), np.linspace(-0.05, 0.06, 551), indexing="ij")
    dx, dy = 0.13 / 650, 0.11 / 550
    excess = float(np.sum(p(x, y) - 1e5) * dx * dy)
    assert excess == pytest.approx(8000.0, rel=1e-6)
    assert p(np.array([0.0]), np.array([0.0]))[0] == pytest.approx(1e5 + 4000 / (2 * math.pi * 16e-6), rel=1e-3)
    with pytest.raises(InputError):
        BoltPressure(-1.0, ((0.0, 0.0),), 1.0, 1.0)


def test_pressure_field_raises_conductance_under_the_bolts() -> None:
    reg = default_registry()
    joint = Joint("SS304", "SS304", pressure=1e6, sigma=1.5e-6, slope=0.1, gas="vacuum", registry=reg)
    field = BoltPressure(2e5, ((0.002, 0.002),), 300.0, 1.5e-3)
    r = solve(_pair(JointConductance(joint, field)), SolverOptions(picard_tolerance=1e-8))
    itf = r.interfaces[0]
    near = np.argmin(np.hypot(itf.centres[:, 0] - 0.002, itf.centres[:, 1] - 0.002))
    far = np.argmax(np.hypot(itf.centres[:, 0] - 0.002, itf.centres[:, 1] - 0.002))
    assert itf.h[near] > 5 * itf.h[far]
    assert itf.jump[near] < itf.jump[far]
    assert abs(r.energy_balance_error) < 1e-8


def test_k_of_t_matches_the_circuits_kirchhoff_solution() -> None:
    si = default_registry().get_material("Si")
    doc = {
        "case": {"name": "1-D", "area": f"{AREA} m^2"},
        "boundary": {"heat_flux": f"{Q * 4} W/m^2", "sink_temperature": "320 K"},
        "layer": [
            {"name": "lower", "kind": "conduction", "material": "Si", "thickness": "4 mm"},
            {"name": "joint", "kind": "contact", "conductance": "3e4 W/(m^2 K)"},
            {"name": "upper", "kind": "conduction", "material": "Si", "thickness": "4 mm"},
        ],
    }
    stack = build_case(doc, source="stack").solve()
    a = _pair(3e4, material=si, cells=4)
    a.boundaries[0] = Boundary("heater", "upper.top", "heat_flux", Q * 4)
    r = solve(a, SolverOptions(picard_tolerance=1e-9))
    # k at a cell's mean temperature is the Kirchhoff mean of k over the cell's range when k is linear in T
    # there (the registry's table interpolates linearly), so the 1-D nodal values are exact
    assert r.face_temperature("heater")[0] == pytest.approx(float(stack.T_hot), abs=1e-6)
    assert r.iterations > 2


def test_picard_that_cannot_converge_is_a_convergence_error() -> None:
    table = TableConductance("temperature", (300.0, 400.0), (5e3, 2.5e4))
    with pytest.raises(ConvergenceError, match="Picard"):
        solve(_pair(table), SolverOptions(picard_tolerance=1e-12, max_iterations=2))
