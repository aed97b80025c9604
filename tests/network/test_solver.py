"""The nodal solve of heat paths against published numbers and exact solutions."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcrlab.errors import ConvergenceError, InputError
from tcrlab.materials import Material
from tcrlab.network import (
    Boundary,
    Branch,
    ConductionLayer,
    ContactResistance,
    Convection,
    FixedResistance,
    ParallelGroup,
    Stack,
)


def cpu_stack(r_c=1.2e-4, sink=313.15):
    items = (
        ConductionLayer("Si", 0.5e-3, 148.0),
        ContactResistance("interface", r_c),
        ConductionLayer("Al", 6e-3, 237.0),
    )
    return Stack(items, 0.02 * 0.02, Boundary(power=120.0, sink_temperature=sink))


def test_article_cpu_drops():
    # the 120 W CPU example from the contact-resistance literature: q'' = 300 kW/m², drops ≈ 1.0 K, 36 K, 7.6 K
    r = cpu_stack().solve()
    assert r.element("Si").heat_flux == pytest.approx(3e5)
    assert r.element("Si").dT == pytest.approx(1.0, abs=0.05)
    assert r.element("interface").dT == pytest.approx(36.0, rel=1e-9)
    assert r.element("Al").dT == pytest.approx(7.6, abs=0.05)
    assert r.bottleneck == "interface"
    assert r.energy_balance_error < 1e-12
    assert sum(e.share for e in r.main_path()) == pytest.approx(1.0)
    # the profile jumps by 36 K at x = 0.5 mm
    jump = next(s for s in r.profile.segments if s.is_interface)
    assert jump.x_start == pytest.approx(0.5e-3) and jump.dT == pytest.approx(36.0)


def test_incropera_chip_on_epoxy_substrate():
    # Bergman, Lavine, Incropera & DeWitt, Fundamentals of Heat and Mass Transfer, 7th ed. (2011), Ch. 3
    # worked example "thin silicon chip and 8-mm-thick aluminium substrate separated by a 0.02-mm epoxy
    # joint" (the worked example after §3.1.4; its number differs between editions): q''_c = 1e4 W/m²,
    # h = 100 W/m²K on both faces, T∞ = 25 °C,
    # R''_t,c = 0.9e-4 m²K/W, k_Al = 239 W/mK  ->  published T_c = 75.3 °C.
    paths = ParallelGroup("chip cooling", (
        Branch((Convection("top air", 100.0),), "top"),
        Branch((ContactResistance("epoxy joint", 0.9e-4), ConductionLayer("Al substrate", 8e-3, 239.0),
                Convection("bottom air", 100.0)), "substrate"),
    ))
    r = Stack((paths,), 1e-4, Boundary(heat_flux=1e4, sink_temperature=298.15)).solve()
    assert r.T_hot - 273.15 == pytest.approx(75.3, abs=0.05)
    assert r.energy_balance_error < 1e-12
    # two branches carry the heat; their sum is the input
    assert r.element("top air").heat + r.element("bottom air").heat == pytest.approx(1.0)


def test_linear_k_kirchhoff_exact():
    # k = k0 (1 + β (T − T0)) between two fixed temperatures: q'' L = k0[(T1−T2) + β/2((T1−T0)²−(T2−T0)²)]
    # and T(x) = T0 − 1/β + sqrt((T1 − T0 + 1/β)² − 2 q'' x/(k0 β))  (Bergman et al. 2011, §3.2/Problem 3.x)
    k0, beta, t0 = 50.0, 2e-3, 300.0
    t1, t2, length = 700.0, 350.0, 0.04
    mat = Material(key="lin", name="linear k", conductivity_table=((250.0, k0 * (1 + beta * (250 - t0))),
                                                                    (800.0, k0 * (1 + beta * (800 - t0)))))
    layer = ConductionLayer("slab", length, material=mat)
    r = Stack((layer,), 1.0, Boundary(hot_temperature=t1, sink_temperature=t2)).solve(profile_points=101)
    q_exact = k0 * ((t1 - t2) + beta / 2 * ((t1 - t0) ** 2 - (t2 - t0) ** 2)) / length
    assert r.heat_input == pytest.approx(q_exact, rel=1e-10)
    x, temp = r.profile.x, r.profile.T
    exact = t0 - 1 / beta + np.sqrt((t1 - t0 + 1 / beta) ** 2 - 2 * q_exact * x / (k0 * beta))
    np.testing.assert_allclose(temp, exact, rtol=1e-10)
    assert r.energy_balance_error < 1e-12


def test_k_of_T_iterates_and_differs_from_reference():
    si = Material(key="Si", name="Si", conductivity=148.0,
                  conductivity_table=((200.0, 264.0), (300.0, 148.0), (400.0, 98.9), (600.0, 61.9)))
    hot = ConductionLayer("Si", 2e-3, material=si)
    ref = ConductionLayer("Si", 2e-3, material=si, use_reference_conductivity=True)
    b = Boundary(heat_flux=3e5, sink_temperature=350.0)
    r_t = Stack((hot,), 1e-4, b).solve()
    r_0 = Stack((ref,), 1e-4, b).solve()
    assert r_t.iterations > 2
    assert r_0.element("Si").dT == pytest.approx(3e5 * 2e-3 / 148.0)
    assert r_t.element("Si").dT > r_0.element("Si").dT  # k falls with T above 300 K
    # exact: θ(T_hot) − θ(T_sink) = q'' L
    kt = hot.kirchhoff
    assert kt.theta(r_t.T_hot) - kt.theta(350.0) == pytest.approx(3e5 * 2e-3, rel=1e-6)


def test_parallel_branches_with_area_fractions():
    # die attach with voids: 90 % solder, 10 % void (air) in parallel: R = 1/Σ(A_i k_i/L)
    attach = ParallelGroup("die attach", (
        Branch((ConductionLayer("solder", 50e-6, 50.0),), "solder", area_fraction=0.9),
        Branch((ConductionLayer("void", 50e-6, 0.026),), "void", area_fraction=0.1),
    ))
    area = 1e-4
    r = Stack((attach, FixedResistance("sink", resistance_abs=1.0)), area,
              Boundary(power=10.0, sink_temperature=300.0)).solve()
    g = 0.9 * area * 50.0 / 50e-6 + 0.1 * area * 0.026 / 50e-6
    assert r.T_hot - 300.0 == pytest.approx(10.0 * (1 / g + 1.0), rel=1e-10)
    assert r.element("solder").heat + r.element("void").heat == pytest.approx(10.0)


def test_branch_to_its_own_sink():
    # heat leaves both up through the heat sink (to 40 °C) and down through the board (to 60 °C)
    group = ParallelGroup("exits", (
        Branch((FixedResistance("heat sink", resistance_abs=0.5),), "up", sink_temperature=313.15),
        Branch((FixedResistance("board", resistance_abs=10.0),), "down", sink_temperature=333.15),
    ))
    r = Stack((group,), 1e-4, Boundary(power=50.0)).solve()
    # T: (T−313.15)/0.5 + (T−333.15)/10 = 50
    t = (50.0 + 313.15 / 0.5 + 333.15 / 10.0) / (1 / 0.5 + 1 / 10.0)
    assert r.T_hot == pytest.approx(t)
    assert r.energy_out == pytest.approx(50.0)
    assert r.bottleneck == "heat sink"


def test_batch_matches_scalar():
    rc = np.array([1e-5, 1.2e-4, 5e-4])
    r = cpu_stack(rc).solve()
    for i, v in enumerate(rc):
        assert r.T_hot[i] == pytest.approx(cpu_stack(float(v)).solve().T_hot)
    assert r.profile is None


def test_zero_and_infinite_resistance():
    r = cpu_stack(0.0).solve()
    assert r.element("interface").dT == pytest.approx(0.0, abs=1e-12)
    assert r.element("interface").heat == pytest.approx(120.0)
    with pytest.raises(InputError, match="singular"):
        cpu_stack(np.inf).solve()


def test_convergence_error():
    mat = Material(key="m", name="m", conductivity_table=((100.0, 1.0), (1000.0, 500.0)))
    stack = Stack((ConductionLayer("m", 1e-2, material=mat),), 1e-4, Boundary(heat_flux=1e6, sink_temperature=300))
    with pytest.raises(ConvergenceError):
        stack.solve(max_iterations=1, tolerance=1e-12)


resistances = st.lists(st.floats(1e-6, 1e-2), min_size=1, max_size=6)


@given(resistances, st.floats(1.0, 500.0))
def test_series_adds_and_conserves_heat(rs, power):
    area = 1e-4
    items = tuple(ContactResistance(f"c{i}", r) for i, r in enumerate(rs))
    r = Stack(items, area, Boundary(power=power, sink_temperature=300.0)).solve()
    assert r.total_resistance_area == pytest.approx(sum(rs), rel=1e-9)
    for e in r.elements:  # the same heat crosses every element
        assert e.heat == pytest.approx(power, rel=1e-9)
    assert r.energy_balance_error < 1e-9


@given(resistances, st.integers(0, 5), st.floats(1.01, 10.0))
def test_raising_any_resistance_raises_hot_side(rs, which, factor):
    which %= len(rs)
    base = Stack(tuple(ContactResistance(f"c{i}", r) for i, r in enumerate(rs)), 1e-4,
                 Boundary(power=10.0, sink_temperature=300.0)).solve()
    rs2 = [r * factor if i == which else r for i, r in enumerate(rs)]
    more = Stack(tuple(ContactResistance(f"c{i}", r) for i, r in enumerate(rs2)), 1e-4,
                 Boundary(power=10.0, sink_temperature=300.0)).solve()
    assert more.T_hot > base.T_hot


@given(st.lists(st.floats(1e-3, 10.0), min_size=2, max_size=5), st.floats(1.0, 100.0))
def test_parallel_branches_conserve_heat_at_every_node(rs, power):
    group = ParallelGroup("p", tuple(Branch((FixedResistance(f"r{i}", resistance_abs=r),
                                             FixedResistance(f"s{i}", resistance_abs=r / 2)), f"b{i}")
                                     for i, r in enumerate(rs)))
    r = Stack((group,), 1e-4, Boundary(power=power, sink_temperature=300.0)).solve()
    assert sum(r.element(f"r{i}").heat for i in range(len(rs))) == pytest.approx(power, rel=1e-9)
    for i in range(len(rs)):  # KCL at each branch's middle node
        assert r.element(f"r{i}").heat == pytest.approx(r.element(f"s{i}").heat, rel=1e-9)
    g = sum(1 / (1.5 * x) for x in rs)
    assert r.T_hot - 300.0 == pytest.approx(power / g, rel=1e-9)


@pytest.mark.parametrize("kw", [dict(power=0.0), dict(heat_flux=0.0), dict(power=[120.0, 0.0])])
def test_zero_heat_input_rejected(kw):
    # regression: power = 0 gave R_total = inf and an arbitrary bottleneck
    with pytest.raises(InputError, match="non-zero"):
        Stack(cpu_stack().items, 4e-4, Boundary(sink_temperature=300.0, **kw)).solve()


@pytest.mark.parametrize("kw", [dict(max_iterations="a"), dict(max_iterations=1.5), dict(max_iterations=float("inf")),
                                dict(profile_points=0), dict(profile_points="x"), dict(max_iterations=True)])
def test_solver_settings_must_be_integers(kw):
    # regression: "a" / inf raised a bare ValueError / OverflowError; 1.5 and profile_points=0 were accepted
    with pytest.raises(InputError):
        cpu_stack().solve(**kw)


def test_solve_stack_argument_checks():
    from tcrlab.network import solve_stack

    with pytest.raises(InputError, match="Stack"):
        solve_stack("not a stack")  # regression: AttributeError
    items = cpu_stack().items
    with pytest.raises(InputError, match="array shapes do not match"):  # regression: NumPy ValueError
        Stack(items, [4e-4, 5e-4, 6e-4], Boundary(power=[1.0, 2.0], sink_temperature=300.0)).solve()
