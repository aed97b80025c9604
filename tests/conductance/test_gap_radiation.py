"""Gap (Yovanovich integral / simple) and radiation conductance against exact values and asymptotes."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.integrate import quad
from scipy.special import erfcinv

import tcrlab
from tcrlab.conductance.gap import gap_integral, rarefaction_parameter
from tcrlab.conductance.radiation import STEFAN_BOLTZMANN, effective_emissivity
from tcrlab.errors import InputError


def _reference(y: float, mu: float) -> float:
    f = lambda u: np.exp(-0.5 * (y - u) ** 2) / (u + mu)  # noqa: E731
    return quad(f, 0.0, y + 10.0, points=[y], limit=400, epsabs=0.0, epsrel=1e-12)[0] / np.sqrt(2 * np.pi)


@pytest.mark.parametrize("y", [0.0, 1.0, 2.0, 3.5, 5.0])
@pytest.mark.parametrize("mu", [1e-5, 0.01, 0.3, 3.0, 100.0])
def test_integral_matches_adaptive_quadrature(y: float, mu: float) -> None:
    assert gap_integral(y, mu) == pytest.approx(_reference(y, mu), rel=2e-6)


def test_large_array_spline_path_matches_quadrature() -> None:
    rng = np.random.default_rng(1)
    y = rng.uniform(0.0, 12.0, 30_000)
    mu = np.exp(rng.uniform(np.log(1e-6), np.log(1e3), 30_000))
    fast = gap_integral(y, mu)  # > 20 000 values: spline table
    slow = np.array([gap_integral(a, b) for a, b in zip(y[:200], mu[:200], strict=True)])
    assert np.max(np.abs(fast[:200] / slow - 1)) < 1e-5


def test_asymptotes() -> None:
    # M >> σ: the Gaussian is narrow compared with the gap, h_g -> Φ(Y/σ) k_g/(Y + M) (Yovanovich 1982;
    # Φ(Y/σ) is the part of the Gaussian with u > 0, Φ(3) = 0.998650)
    k, s, y = 0.026, 1e-6, 3e-6
    big_m = 1e-3
    assert tcrlab.gap_conductance(k, s, y, big_m) == pytest.approx(0.998650 * k / (y + big_m), rel=1e-5)
    # Y >> σ: mean of 1/(Y - z + M) over Gaussian z: (1/d)(1 + (σ/d)² + 3(σ/d)⁴ + ...), d = Y + M
    d = 20.0
    assert gap_integral(19.0, 1.0) == pytest.approx((1 + d**-2 + 3 * d**-4 + 15 * d**-6) / d, rel=1e-7)


def test_simple_form_is_6_to_20_percent_lower() -> None:
    # Reference notes / Song, Yovanovich & Goodman (1993): k_g/(Y+M) lies 6-20 % below the integral over
    # the usual range. Checked for 1e-4 <= P/H_c <= 1e-3 and 0.01 <= M/σ <= 0.3.
    for r in (1e-4, 3e-4, 1e-3):
        y = np.sqrt(2) * erfcinv(2 * r)
        for mu in (0.01, 0.1, 0.3):
            ratio = tcrlab.gap_conductance(1.0, 1.0, y, mu, model="simple") / tcrlab.gap_conductance(1.0, 1.0, y, mu)
            assert 0.80 <= ratio <= 0.94


def test_vacuum_and_errors() -> None:
    assert tcrlab.gap_conductance(0.0, 1e-6, 3e-6, 1e-7) == 0.0
    assert tcrlab.gap_conductance(0.0, 1e-6, 3e-6, 1e-7, model="simple") == 0.0
    with pytest.raises(InputError, match="M"):
        tcrlab.gap_conductance(0.1, 1e-6, 3e-6, 0.0)  # integral diverges without rarefaction
    with pytest.raises(InputError, match="gap_model"):
        tcrlab.gap_conductance(0.1, 1e-6, 3e-6, 1e-7, model="exact")
    with pytest.raises(InputError, match="tac1"):
        rarefaction_parameter(1.2, 0.8, 1.4, 0.7, 6.7e-8)
    with pytest.raises(InputError, match="tac2"):
        rarefaction_parameter(0.8, 0.0, 1.4, 0.7, 6.7e-8)


def test_rarefaction_parameter_air() -> None:
    # α = 2(2-0.84)/0.84 = 2.762, β = 2·1.4/(2.4·0.707) = 1.650, Λ = 0.0673 µm -> M ≈ 0.307 µm
    assert rarefaction_parameter(0.84, 0.84, 1.4, 0.707, 6.73e-8) == pytest.approx(3.067e-7, rel=2e-3)


@settings(max_examples=40, deadline=None)
@given(y=st.floats(1.5, 5.0), mu=st.floats(1e-3, 50.0), f=st.floats(1.05, 3.0))
def test_hg_falls_as_rarefaction_grows(y: float, mu: float, f: float) -> None:
    # M ∝ Λ ∝ 1/P_gas: a falling gas pressure raises M and must lower h_g
    assert tcrlab.gap_conductance(0.03, 1e-6, y * 1e-6, mu * f * 1e-6) < tcrlab.gap_conductance(
        0.03, 1e-6, y * 1e-6, mu * 1e-6)


def test_radiation_blackbody_and_identity() -> None:
    # black parallel plates at 300 K: h_r = 4 σ_SB T³ = 6.124 W/(m² K)
    assert tcrlab.radiation_conductance(1.0, 1.0, 300.0) == pytest.approx(6.1240, rel=1e-4)
    # q = h_r (T1 - T2) = σ ε_eff (T1⁴ - T2⁴) (Incropera & DeWitt eq. 13.24 with F = 1)
    eps = effective_emissivity(0.3, 0.6)
    assert eps == pytest.approx(1 / (1 / 0.3 + 1 / 0.6 - 1))
    h = tcrlab.radiation_conductance(0.3, 0.6, 400.0, 350.0)
    assert h * 50.0 == pytest.approx(STEFAN_BOLTZMANN * eps * (400.0**4 - 350.0**4), rel=1e-12)
    with pytest.raises(InputError, match="emissivity1"):
        tcrlab.radiation_conductance(1.2, 0.5, 300.0)
