"""Transient FE (tcrlab.fem.transient) against exact solutions: a 1-D stack solved in r–z and in 3-D
against the layered Laplace (thermal quadrupole) solution of tcrlab.transient.laplace (Maillet et al. 2000,
inverted by the Talbot contour); the late-time limit against the steady FE solution; the early-time √t law
of a small heated disk on a large body, Zth = 2√t/(A√(π kρc)) (Carslaw & Jaeger 1959 §2.9, constant flux
into a half-space); and the invariants: Zth non-decreasing, energy in = stored + out."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tcrlab.errors import InputError
from tcrlab.fem import Body, Boundary, Interface, LayeredAssembly, MeshOptions, SolverOptions, solve
from tcrlab.fem.transient import TransientOptions, heat_capacity_matrix, solve_transient
from tcrlab.transient.laplace import LayeredPath, Resistance, Slab

# a silicon die on a copper base joined by a 2e4 W/(m² K) contact (property values are inputs of the
# comparison, not data being validated)
K_SI, RC_SI, L_SI = 150.0, 1.64e6, 0.5e-3
K_CU, RC_CU, L_CU = 390.0, 3.45e6, 2e-3
H = 2e4
FOOT = {"box": ((0.0, 0.004), (0.0, 0.004)), "axisymmetric": ((0.0, 0.003),)}
AREA = {"box": 0.004**2, "axisymmetric": math.pi * 0.003**2}


def _stack(geometry: str, layer_cells: int = 16, grading: float = 4.0, h: float = H, sink: str = "temperature",
           **bodies) -> LayeredAssembly:
    fp = FOOT[geometry]
    kw = dict(bodies)
    cu = Body("cu", fp, L_CU, conductivity=kw.get("k_cu", K_CU), density=kw.get("rc_cu", RC_CU), specific_heat=1.0)
    si = Body("si", fp, L_SI, conductivity=kw.get("k_si", K_SI), density=kw.get("rc_si", RC_SI), specific_heat=1.0)
    sinkbc = (Boundary("sink", "cu.bottom", "temperature", 300.0) if sink == "temperature" else
              Boundary("sink", "cu.bottom", "convection", 5e3, ambient=300.0))
    return LayeredAssembly(geometry, [cu, si], interfaces=[Interface("joint", ("si", "cu"), h)],
                           boundaries=[Boundary("heater", "si.top", "power", 2.0), sinkbc],
                           mesh=MeshOptions(min_cells=2, layer_cells=layer_cells, grading=grading))


def _exact(geometry: str, t: np.ndarray) -> np.ndarray:
    a = AREA[geometry]
    path = LayeredPath((Slab("si", L_SI, K_SI, RC_SI, a), Resistance("joint", 1.0 / (H * a)),
                        Slab("cu", L_CU, K_CU, RC_CU, a)))
    return path.zth(t)


@pytest.mark.parametrize("geometry", ["axisymmetric", "box"])
def test_1d_stack_matches_layered_laplace_within_1_percent(geometry: str) -> None:
    # mesh: 16 cells per layer graded 4:1 toward the faces, 8 lateral cells per axis (306 unknowns in r–z,
    # 2754 in 3-D); 4 steps per doubling of Δt
    # (≈ 13 per decade, 96 TR-BDF2 steps from 0.6 µs to 10 s); outputs 10 µs … 10 s (6 decades)
    r = solve_transient(_stack(geometry), TransientOptions(t_min=1e-5, t_max=10.0, points=61))
    exact = _exact(geometry, r.t)
    err = r.zth["heater"] / exact - 1.0
    assert np.max(np.abs(err)) < 0.01, (np.max(np.abs(err)), r.t[np.argmax(np.abs(err))])
    assert r.steps < 110


@pytest.mark.parametrize("geometry", ["axisymmetric", "box"])
def test_late_time_limit_is_the_steady_fe_resistance(geometry: str) -> None:
    a = _stack(geometry, layer_cells=6, grading=1.0, sink="convection")
    steady = solve(a, SolverOptions(method="direct")).resistance("heater")
    r = solve_transient(a, TransientOptions(t_min=1e-4, t_max=100.0, points=20))
    assert r.steady["heater"] == pytest.approx(steady, rel=1e-9)
    assert r.zth["heater"][-1] == pytest.approx(steady, rel=1e-6)


def test_amg_and_direct_agree() -> None:
    a = _stack("box", layer_cells=6, grading=2.0)
    opts = TransientOptions(t_min=1e-4, t_max=1.0, points=9)
    d = solve_transient(a, opts, SolverOptions(method="direct"))
    g = solve_transient(a, opts, SolverOptions(method="amg", tolerance=1e-12))
    np.testing.assert_allclose(g.zth["heater"], d.zth["heater"], rtol=1e-7)


def test_early_time_sqrt_law_of_a_small_disk_on_a_large_body() -> None:
    # a 2 mm radius disk heated on a copper cylinder of 20 mm radius and height: while √(αt) ≪ 2 mm the
    # disk's mean rise follows the half-space law 2√t/(A√(π kρc)) (Carslaw & Jaeger 1959 §2.9)
    k, rc, a_src = 390.0, 3.45e6, 2e-3
    body = Body("block", ((0.0, 0.02),), 0.02, conductivity=k, density=rc, specific_heat=1.0, cells=80)
    asm = LayeredAssembly("axisymmetric", [body],
                          boundaries=[Boundary("disk", "block.top", "power", 1.0, region=((0.0, a_src),)),
                                      Boundary("sink", "block.bottom", "temperature", 300.0)],
                          mesh=MeshOptions(min_cells=8, cell_size=a_src / 8, grading=100.0))
    alpha = k / rc
    # √(αt) from 30 µm (six surface cells) to 60 µm (3 % of the radius)
    t = np.geomspace(30e-6**2 / alpha, 60e-6**2 / alpha, 5)
    r = solve_transient(asm, TransientOptions(times=tuple(t)))
    law = 2.0 * np.sqrt(t) / (math.pi * a_src**2 * math.sqrt(math.pi * k * rc))
    np.testing.assert_allclose(r.zth["disk"], law, rtol=0.03)


def test_heat_capacity_matrix_sums_to_rho_c_v() -> None:
    for geometry in ("axisymmetric", "box"):
        a = _stack(geometry, layer_cells=3)
        want = AREA[geometry] * (RC_CU * L_CU + RC_SI * L_SI)
        assert float(heat_capacity_matrix(a).sum()) == pytest.approx(want, rel=1e-12)
        assert float(heat_capacity_matrix(a, lumped=False).sum()) == pytest.approx(want, rel=1e-12)


@settings(max_examples=8, deadline=None)
@given(k_si=st.floats(5.0, 500.0), rc_si=st.floats(5e5, 4e6), h=st.floats(1e3, 1e6),
       mass=st.sampled_from(["consistent", "lumped"]), sink=st.sampled_from(["temperature", "convection"]))
def test_zth_monotone_and_energy_conserved(k_si: float, rc_si: float, h: float, mass: str, sink: str) -> None:
    a = _stack("axisymmetric", layer_cells=5, grading=2.0, h=h, sink=sink, k_si=k_si, rc_si=rc_si)
    r = solve_transient(a, TransientOptions(t_min=1e-6, t_max=100.0, points=30, mass=mass), faces=["cu.top"])
    # the heated face's mean is a positive sum of decaying modes (its functional ∝ the load): non-decreasing
    # up to 1e-6 of Zth(∞) (TR-BDF2's amplification factor is slightly negative for λΔt > 2.4; the dips
    # measured are ≤ 3e-8 of Zth(∞))
    z = r.step_zth["heater"]
    assert z[0] > 0
    assert np.all(np.diff(z) >= -1e-6 * r.steady["heater"])
    # per watt: ∫ P dt = t = energy stored (Σ C θ) + energy out through the sink (the scheme's quadrature)
    assert r.energy_balance_error < 1e-8
    assert 0 < r.energy_stored[-1] < r.heat_capacity * r.steady["heater"]  # every node below the heater
    assert r.zth["cu.top"][-1] < r.zth["heater"][-1]


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"t_min": 0.0}, "transient.t_min"), ({"t_min": 1.0, "t_max": 0.5}, "transient.t_max"),
    ({"points": 1}, "transient.points"), ({"times": (1.0, 0.5)}, "transient.times"),
    ({"steps_per_doubling": 1}, "transient.steps_per_doubling"), ({"mass": "diagonal"}, "transient.mass")])
def test_bad_time_grid_names_the_field(kwargs: dict, field: str) -> None:
    with pytest.raises(InputError) as exc:
        solve_transient(_stack("axisymmetric", layer_cells=2), TransientOptions(**kwargs))
    assert exc.value.field == field


def test_missing_density_names_the_body() -> None:
    fp = FOOT["axisymmetric"]
    a = LayeredAssembly("axisymmetric", [Body("cu", fp, L_CU, conductivity=K_CU, specific_heat=385.0)],
                        boundaries=[Boundary("heater", "cu.top", "power", 1.0),
                                    Boundary("sink", "cu.bottom", "temperature", 300.0)])
    with pytest.raises(InputError) as exc:
        solve_transient(a)
    assert exc.value.field == "body[1](cu).density"


def test_memory_limit_refuses_with_the_estimate() -> None:
    with pytest.raises(InputError, match="GB"):
        solve_transient(_stack("box", layer_cells=4), TransientOptions(), SolverOptions(max_memory=1e6))


def test_power_profile_by_superposition() -> None:
    r = solve_transient(_stack("axisymmetric", layer_cells=6), TransientOptions(t_min=1e-5, t_max=100.0, points=40))
    t = np.array([1e-3, 1e-2, 50.0])
    # on for 5 ms then off: after a long time nothing is left; during the pulse it is the step response
    rise = r.profile_response(t, [0.0, 5e-3], [3.0, 0.0])
    assert rise[0] == pytest.approx(3.0 * r.zth_at([1e-3])[0], rel=1e-12)
    assert rise[1] == pytest.approx(3.0 * (r.zth_at([1e-2])[0] - r.zth_at([5e-3])[0]), rel=1e-12)
    assert abs(rise[2]) < 1e-6
