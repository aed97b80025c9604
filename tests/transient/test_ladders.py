"""Cauer/Foster ladders: Zth against an independent ODE integration, exact conversions both ways."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.integrate import solve_ivp

from tcrlab.errors import InputError
from tcrlab.transient import cauer_to_foster, cauer_zth, foster_to_cauer, foster_zth


def _ode_zth(R, C, t):
    """Node 0 temperature of the ladder's nodal ODEs C dT/dt = P e0 − G T, by a stiff ODE solver
    (an independent numerical method: no eigen-decomposition)."""
    n = len(R)
    g = np.zeros((n, n))
    for i, r in enumerate(R):
        g[i, i] += 1 / r
        if i + 1 < n:
            g[i + 1, i + 1] += 1 / r
            g[i, i + 1] -= 1 / r
            g[i + 1, i] -= 1 / r
    p = np.zeros(n)
    p[0] = 1.0
    sol = solve_ivp(lambda _, T: (p - g @ T) / C, (0, t[-1]), np.zeros(n), t_eval=t, method="Radau",
                    rtol=1e-10, atol=1e-14)
    return sol.y[0]


def test_single_cell_is_exponential():
    # one RC cell: Zth = R (1 − e^{−t/RC}) exactly
    t = np.array([0.0, 0.5, 2.0, 10.0])
    assert cauer_zth([2.0], [0.25], t) == pytest.approx(2.0 * (1 - np.exp(-t / 0.5)), rel=1e-14, abs=1e-15)


def test_ladder_matches_ode_integration():
    R = np.array([0.3, 1.2, 0.5, 2.0])
    C = np.array([0.01, 0.2, 1.0, 5.0])
    t = np.logspace(-4, 2, 40)
    assert cauer_zth(R, C, t) == pytest.approx(_ode_zth(R, C, t), rel=1e-6)


def test_round_trip_cauer_foster_cauer():
    R = np.array([0.1, 0.5, 0.2, 1.0, 0.3])
    C = np.array([1e-3, 2e-2, 0.05, 0.5, 3.0])
    rf, tau = cauer_to_foster(R, C)
    assert rf.sum() == pytest.approx(R.sum(), rel=1e-13)
    r2, c2 = foster_to_cauer(rf, tau)
    assert r2 == pytest.approx(R, rel=1e-10)
    assert c2 == pytest.approx(C, rel=1e-10)


def test_foster_to_cauer_many_terms_keeps_zth():
    # 60 time constants over 8 decades: the continued fraction needs high precision (mpmath)
    rng = np.random.default_rng(3)
    tau = np.logspace(-6, 2, 60)
    rf = rng.uniform(0.01, 0.1, tau.size)
    r, c = foster_to_cauer(rf, tau)
    t = np.logspace(-7, 3, 50)
    assert cauer_zth(r, c, t) == pytest.approx(foster_zth(rf, tau, t), rel=1e-9)


@given(st.lists(st.floats(0.01, 10.0), min_size=1, max_size=6),
       st.lists(st.floats(1e-3, 10.0), min_size=6, max_size=6))
def test_zth_monotone_and_tends_to_total(rs, cs):
    R = np.array(rs)
    C = np.array(cs[: len(rs)])
    t = np.logspace(-5, 6, 60)
    z = cauer_zth(R, C, t)
    assert np.all(np.diff(z) >= -1e-12 * R.sum())  # heating never cools the junction
    assert z[-1] == pytest.approx(R.sum(), rel=1e-6)  # steady state: the series resistance
    # early times: the first capacitor alone takes the power, Zth ≈ t/C0
    assert cauer_zth(R, C, [1e-9 * min(C) * min(R)])[0] == pytest.approx(1e-9 * min(C) * min(R) / C[0], rel=1e-3)


def test_bad_ladders():
    with pytest.raises(InputError, match="C"):
        cauer_zth([1.0, 2.0], [1.0], [1.0])
    with pytest.raises(InputError, match="R"):
        cauer_zth([-1.0], [1.0], [1.0])
    with pytest.raises(InputError, match="repeated time constant"):
        foster_to_cauer([1.0, 1.0], [2.0, 2.0])
