"""1-D harmonic chain junction: AGF vs closed form, ω→0 limit, the thermal conductance quantum."""

import numpy as np
import pytest

from tcrlab.errors import InputError
from tcrlab.kapitza import (
    chain_conductance,
    chain_transmission,
    chain_transmission_closed_form,
    chain_transmission_low_frequency,
    thermal_conductance_quantum,
)

M_SI, M_GE = 4.664e-26, 1.206e-25  # kg (28.09 u, 72.63 u)
K = 30.0  # N/m


def band(m, k):
    return 2 * np.sqrt(k / m)


@pytest.mark.parametrize("params", [
    (M_SI, K, M_GE, K, K), (M_SI, K, M_GE, 20.0, 12.0), (M_GE, 15.0, M_SI, 40.0, 60.0),
    (M_SI, K, M_SI, K, 5.0),
])
def test_agf_matches_closed_form(params):
    w = np.linspace(0, 1.05 * band(*params[:2]), 400)
    agf = chain_transmission(w, *params)
    closed = chain_transmission_closed_form(w, *params)
    np.testing.assert_allclose(agf, closed, atol=1e-10)
    # the AGF result does not depend on the size of the device region
    np.testing.assert_allclose(chain_transmission(w, *params, n_device=6), agf, atol=1e-10)


def test_low_frequency_limit_equal_springs():
    """ω → 0: τ → 4√(m₁m₂)/(√m₁+√m₂)² for equal springs (1-D acoustic mismatch; Zhang, Fisher &
    Mingo, Numer. Heat Transfer B 51, 333 (2007))."""
    expected = 4 * np.sqrt(M_SI * M_GE) / (np.sqrt(M_SI) + np.sqrt(M_GE)) ** 2
    w = 1e-4 * band(M_GE, K)
    for kc in (K, 10.0, 100.0):  # independent of the coupling spring
        assert chain_transmission([w], M_SI, K, M_GE, K, kc)[0] == pytest.approx(expected, rel=1e-6)
    assert chain_transmission_low_frequency(M_SI, K, M_GE, K) == pytest.approx(expected, rel=1e-14)


def test_low_frequency_limit_general_springs():
    """General form: Z_i = √(m_i k_i), τ → 4Z₁Z₂/(Z₁+Z₂)²."""
    k1, k2 = 40.0, 12.0
    z1, z2 = np.sqrt(M_SI * k1), np.sqrt(M_GE * k2)
    w = 1e-4 * min(band(M_SI, k1), band(M_GE, k2))
    assert chain_transmission([w], M_SI, k1, M_GE, k2, 7.0)[0] == pytest.approx(
        4 * z1 * z2 / (z1 + z2) ** 2, rel=1e-6)


def test_perfect_chain_transmits_fully_and_nothing_outside_band():
    w = np.linspace(0, 1.2 * band(M_SI, K), 300)
    tau = chain_transmission(w, M_SI, K, M_SI, K, K)
    inside = (w > 0) & (w < band(M_SI, K) * (1 - 1e-9))
    np.testing.assert_allclose(tau[inside], 1.0, atol=1e-9)
    assert np.all(tau[w > band(M_SI, K)] == 0)


def test_quantum_of_thermal_conductance():
    """A perfect chain at T ≪ Θ carries G₀ = π²k_B²T/(3h) ≈ 9.456e-13 W/K² · T (Rego & Kirczenow,
    PRL 81, 232 (1998); measured by Schwab et al., Nature 404, 974 (2000))."""
    assert thermal_conductance_quantum(1.0) == pytest.approx(9.456e-13, rel=1e-3)
    t = np.array([0.01, 0.1, 1.0])
    np.testing.assert_allclose(chain_conductance(t, M_SI, K, M_SI, K, K) / thermal_conductance_quantum(t),
                               1.0, rtol=1e-6)
    # a mismatched junction at low T: G/G₀ → the ω→0 transmission
    tau0 = chain_transmission_low_frequency(M_SI, K, M_GE, K)
    assert chain_conductance(0.01, M_SI, K, M_GE, K, K) / thermal_conductance_quantum(0.01) == pytest.approx(
        tau0, rel=1e-3)


def test_closed_form_conductance_matches_agf():
    t = np.array([10.0, 100.0, 500.0])
    np.testing.assert_allclose(chain_conductance(t, M_SI, K, M_GE, 20.0, 15.0),
                               chain_conductance(t, M_SI, K, M_GE, 20.0, 15.0, method="closed_form"),
                               rtol=1e-8)


def test_bad_chain_inputs():
    with pytest.raises(InputError, match="m1"):
        chain_transmission([1e12], -1.0, K, M_GE, K, K)
    with pytest.raises(InputError, match="omega"):
        chain_transmission([-1.0], M_SI, K, M_GE, K, K)
    with pytest.raises(InputError, match="T"):
        chain_conductance(0.0, M_SI, K, M_GE, K, K)
