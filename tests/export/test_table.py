"""Conductance tables: accuracy against the direct model, C1 continuity, derivatives, the open path."""

from __future__ import annotations

import warnings
from dataclasses import replace
from functools import cache

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcrlab.conductance.gap import gap_conductance
from tcrlab.errors import InputError, ValidityWarning
from tcrlab.export import ConductanceTable, JointModel, build_table, gapcon
from tcrlab.joint import Joint

JOINT = Joint("SS304", sigma=1.5e-6, slope=0.1, gas="air", gas_pressure=101325.0)
P_RANGE = (1e4, 3e7)
T_RANGE = (300.0, 500.0)


@cache
def _table() -> ConductanceTable:
    return build_table(JointModel(JOINT, touch_pressure=P_RANGE[0]), pressure_range=P_RANGE,
                       clearance_max=1e-3, temperature_range=T_RANGE)


def _direct(p: np.ndarray, t: np.ndarray) -> np.ndarray:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValidityWarning)
        return np.asarray(replace(JOINT, pressure=p, temperature=t, radiation=True).evaluate(
            emit_warnings=False).h_j)


def test_interpolated_h_within_half_percent_at_random_points() -> None:
    """The requirement: h from the table at random (P, T) within 0.5 % of the joint model itself."""
    table = _table()
    rng = np.random.default_rng(3)
    p = np.exp(rng.uniform(np.log(P_RANGE[0]), np.log(P_RANGE[1]), 300))
    t = rng.uniform(*T_RANGE, 300)
    h = table.gapcon(p, 0.0, t).h
    assert np.max(np.abs(h / _direct(p, t) - 1)) < 5e-3
    assert table.error_pchip <= table.tolerance and table.error_linear <= table.tolerance


def test_open_path_within_half_percent_and_gap_asymptote() -> None:
    """Open path at random clearances against the gap model at Y_t + d (plus radiation); far from
    contact it tends to k_g/(Y + M) (Yovanovich's integral → the simple form, Song et al. 1993)."""
    table = _table()
    model = JointModel(JOINT, touch_pressure=P_RANGE[0])
    rng = np.random.default_rng(5)
    d = np.exp(rng.uniform(np.log(1e-8), np.log(1e-3), 200))
    t = table.temperature[0]
    h = table.gapcon(0.0, d, t).h
    direct = model.open(d, np.array([t]))[0]
    assert np.max(np.abs(h / direct - 1)) < 5e-3
    # asymptote at d = 1 mm: integral and simple gap forms agree within 0.1 %
    r = replace(JOINT, pressure=P_RANGE[0], temperature=t, radiation=True).evaluate(emit_warnings=False)
    y = float(r.Y) + 1e-3
    simple = gap_conductance(r.details["k_gas"], 1.5e-6, y, r.details["M"], model="simple") + r.h_r
    far = model.open(np.array([1e-3]), np.array([t]))[0, 0]
    assert float(far) == pytest.approx(float(simple), rel=1e-3)


def test_paths_meet_at_contact_onset() -> None:
    """P = 0 (onset) and d = 0 give the same h; the first contact node adds h_c(P_t) only."""
    table = _table()
    for t in table.temperature:
        closed = table.gapcon(0.0, 0.0, t).h
        opened = table.gapcon(0.0, 1e-15, t).h
        assert closed == pytest.approx(opened, rel=1e-9)


def test_c1_continuity_numerically() -> None:
    """Left and right difference quotients agree at every interior node (C1) of both paths, and the
    derivative is continuous there; a piecewise-linear table fails the same check."""
    table = _table()
    t = table.temperature[1]
    for axis, kw in ((table.pressure, "pressure"), (table.clearance, "clearance")):
        nodes = axis[2:-1]
        eps = 1e-7 * nodes
        def f(x: np.ndarray, kw: str = kw) -> np.ndarray:
            return table.gapcon(**{kw: x}, temperature=t).h if kw == "pressure" else \
                table.gapcon(0.0, x, t).h
        left = (f(nodes) - f(nodes - eps)) / eps
        right = (f(nodes + eps) - f(nodes)) / eps
        scale = np.abs(left) + np.abs(right) + 1e-30
        assert np.max(np.abs(left - right) / scale) < 1e-4
    # the same check sees a kink in linear interpolation
    x = table.pressure
    h = table.h_pressure[1]
    node, eps = x[5], 1e-7 * x[5]
    lin = lambda q: np.interp(q, x, h)  # noqa: E731
    kink = abs((lin(node) - lin(node - eps)) - (lin(node + eps) - lin(node))) / eps
    assert kink > 0


def test_derivatives_within_one_percent_of_finite_differences() -> None:
    table = _table()
    rng = np.random.default_rng(11)
    p = np.exp(rng.uniform(np.log(2e4), np.log(2e7), 50))
    t = rng.uniform(*T_RANGE, 50)
    r = table.gapcon(p, 0.0, t)
    dp = 1e-6 * p
    fd = (table.gapcon(p + dp, 0.0, t).h - table.gapcon(p - dp, 0.0, t).h) / (2 * dp)
    np.testing.assert_allclose(r.dh_dpressure, fd, rtol=1e-2)
    d = np.exp(rng.uniform(np.log(1e-7), np.log(5e-4), 50))
    r = table.gapcon(0.0, d, t)
    dd = 1e-6 * d
    fd = (table.gapcon(0.0, d + dd, t).h - table.gapcon(0.0, d - dd, t).h) / (2 * dd)
    np.testing.assert_allclose(r.dh_dclearance, fd, rtol=1e-2)
    assert np.all(r.dh_dclearance < 0) and np.all(r.dh_dpressure == 0)


@given(st.floats(1e4, 3e7), st.floats(1e4, 3e7), st.floats(300, 500))
def test_monotone_in_pressure(p1: float, p2: float, t: float) -> None:
    """More pressure never lowers h; more clearance never raises it (PCHIP keeps monotone data)."""
    table = _table()
    lo, hi = sorted((p1, p2))
    assert table.gapcon(lo, 0.0, t).h <= table.gapcon(hi, 0.0, t).h
    d_lo, d_hi = sorted((lo * 1e-11, hi * 1e-11))
    assert table.gapcon(0.0, d_lo, t).h >= table.gapcon(0.0, d_hi, t).h


def test_outside_the_table_holds_end_values_with_a_warning() -> None:
    table = _table()
    with pytest.warns(ValidityWarning, match="pressure above"):
        r = table.gapcon(1e9, 0.0, 400.0)
    assert r.h == pytest.approx(table.gapcon(P_RANGE[1], 0.0, 400.0).h) and r.dh_dpressure == 0


def test_user_grid_vacuum_and_gapcon_callable() -> None:
    """A user grid is used as given; in vacuum the open path is radiation only (constant in d)."""
    j = Joint("SS304", sigma=1.5e-6, slope=0.1, gas="vacuum", emissivity=0.3)
    f = gapcon(j, pressures=[1e5, 1e6, 1e7], clearances=[1e-6, 1e-4])
    r = f([1e5, 1e6, 1e7], 0.0, 300.0)
    direct = replace(j, pressure=np.array([1e5, 1e6, 1e7]), radiation=True).evaluate(emit_warnings=False).h_j
    np.testing.assert_allclose(r.h, direct, rtol=1e-12)  # at the nodes: the samples themselves
    opened = f(0.0, [1e-6, 1e-5, 1e-4], 300.0).h
    h_r = float(replace(j, radiation=True).evaluate(emit_warnings=False).h_r)
    np.testing.assert_allclose(opened, h_r, rtol=1e-12)


def test_bad_inputs() -> None:
    model = JointModel(JOINT, touch_pressure=1e5)
    with pytest.raises(InputError, match="touch pressure"):
        build_table(model, pressures=[2e5, 1e6])
    with pytest.raises(InputError, match="pressures/pressure_range"):
        build_table(model)
    with pytest.raises(InputError, match="tol"):
        build_table(model, pressure_range=(1e5, 1e6), tol=0.5)
    with pytest.raises(InputError, match="pressure"):
        _table().gapcon(-1.0, 0.0, 300.0)
    with pytest.raises(InputError, match="touch_pressure"):
        JointModel(JOINT, touch_pressure=-1.0)
    with pytest.raises(InputError, match="increasing"):
        ConductanceTable(np.array([0.0, 2.0, 1.0]), np.array([0.0, 1.0]), np.array([300.0]),
                         np.ones((1, 3)), np.ones((1, 2)))


def test_topography_model_table() -> None:
    """A table from the FFT contact: closed path through the solved points, open path from the gap
    field at first touch (⟨k_g/(g₀ + d + M)⟩), meeting at onset."""
    from tcrlab.export import topography_model
    from tcrlab.surfaces.synthetic import self_affine

    topo = self_affine(32, 0.8, rms_slope=0.1, physical_size=1e-4, seed=1)
    model = topography_model(topo, 1e11, 16.0, [1e6, 1e7, 1e8], k_gas=0.026, M=1e-7)
    table = build_table(model, pressures=model.pressure, clearances=[1e-7, 1e-6, 1e-5])
    assert np.all(np.diff(table.h_pressure[0]) > 0) and np.all(np.diff(table.h_clearance[0]) < 0)
    g0 = topo.heights.max() - topo.heights
    assert table.gapcon(0.0, 1e-6).h == pytest.approx(np.mean(0.026 / (g0 + 1e-6 + 1e-7)), rel=1e-9)
    assert table.gapcon(0.0, 0.0).h == pytest.approx(table.gapcon(0.0, 1e-15).h, rel=1e-6)
