"""Holm's spot, Greenwood's cluster formula, films: exact limits and bad inputs.

Greenwood's own worked example (Br. J. Appl. Phys. 17 (1966) 1621) could not be obtained for this test;
the cluster formula is checked instead against exact limits of the model it approximates: far-apart
spots (independent parallel spots), symmetric rings (the exact point-source solution), and the continuum
limit of many small spots distributed like Holm's current density over a disc of radius α, which must
give Holm's single-disc resistance (ρ₁ + ρ₂)/(4α).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcrlab.electrical import cluster_resistance, film_resistance, spot_resistance
from tcrlab.errors import InputError


def test_single_spot_is_holm_exactly() -> None:
    """ρ/(4a) per side (Holm 1967 §4): identical solids give 2·ρ/(4a) = ρ/(2a)."""
    assert spot_resistance(1.7e-8, 1.7e-8, 1e-5) == 2 * 1.7e-8 / (4 * 1e-5)
    assert spot_resistance(1.7e-8, 7.2e-7, 2e-6) == pytest.approx((1.7e-8 + 7.2e-7) / (4 * 2e-6), rel=1e-15)
    np.testing.assert_allclose(spot_resistance(1e-7, 2e-7, np.array([1e-6, 2e-6])), 3e-7 / (4 * np.array([1e-6, 2e-6])))


@given(st.floats(1e-9, 1e-5), st.floats(1e-9, 1e-5), st.floats(1e-7, 1e-3))
def test_spot_symmetric_and_inverse_in_radius(r1: float, r2: float, a: float) -> None:
    assert spot_resistance(r1, r2, a) == pytest.approx(spot_resistance(r2, r1, a), rel=1e-14)
    assert spot_resistance(r1, r2, 2 * a) == pytest.approx(spot_resistance(r1, r2, a) / 2, rel=1e-14)


def test_cluster_far_apart_is_parallel_spots() -> None:
    a = np.array([1e-6, 2e-6, 3e-6])
    x = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])  # metres apart: no interaction
    r = cluster_resistance(1e-7, 1e-7, a, x)
    assert r == pytest.approx(2e-7 / (4 * a.sum()), rel=1e-5)
    assert cluster_resistance(1e-7, 1e-7, a, interaction=False) == 2e-7 / (4 * a.sum())
    assert cluster_resistance(1e-7, 1e-7, [1e-6]) == spot_resistance(1e-7, 1e-7, 1e-6)


def test_symmetric_ring_greenwood_equals_point_source_solution() -> None:
    """Equal spots on a ring carry equal currents by symmetry: Greenwood's I_i ∝ a_i is then exact and
    the closed form equals the solved point-source model."""
    n, radius = 12, 1e-4
    th = 2 * np.pi * np.arange(n) / n
    x = radius * np.c_[np.cos(th), np.sin(th)]
    a = np.full(n, 2e-6)
    g = cluster_resistance(1e-7, 3e-7, a, x)
    m = cluster_resistance(1e-7, 3e-7, a, x, method="matrix")
    assert g == pytest.approx(m, rel=1e-12)
    assert g > cluster_resistance(1e-7, 3e-7, a, interaction=False)  # interaction raises R


def test_holm_distributed_cluster_tends_to_one_disc() -> None:
    """Many small spots with Holm's density over a disc of radius α: the interaction term → (ρ₁+ρ₂)/(4α)
    (Greenwood 1966's argument; Holm's isoequipotential disc). The error of n spots falls as n^-½;
    Richardson extrapolation of n = 500 and 2000 lands within 1 %."""
    alpha, rho = 1e-3, 1e-7

    def interaction(n: int) -> float:
        k = np.arange(n) + 0.5
        r = alpha * np.sqrt(1 - (1 - k / n) ** 2)  # current within r: 1 − √(1 − r²/α²)
        th = k * np.pi * (3 - np.sqrt(5))
        a = np.full(n, 1e-9)
        total = cluster_resistance(rho, rho, a, np.c_[r * np.cos(th), r * np.sin(th)])
        return (total - 2 * rho / (4 * a.sum())) / (2 * rho / (4 * alpha))

    i1, i2 = interaction(500), interaction(2000)
    assert i1 < i2 < 1.0
    assert 2 * i2 - i1 == pytest.approx(1.0, abs=0.01)


def test_film_resistance() -> None:
    assert film_resistance(1e-10, specific_resistance=1e-12) == pytest.approx(1e-2)
    assert film_resistance(2e-10, resistivity=1e-3, thickness=5e-9) == pytest.approx(1e-3 * 5e-9 / 2e-10)


def test_bad_inputs_are_clear_errors() -> None:
    with pytest.raises(InputError, match="rho1"):
        spot_resistance(-1e-8, 1e-8, 1e-6)
    with pytest.raises(InputError, match="a "):
        spot_resistance(1e-8, 1e-8, 0.0)
    with pytest.raises(InputError, match="rho1/rho2"):
        spot_resistance(0.0, 0.0, 1e-6)
    with pytest.raises(InputError, match="resistivity"):
        film_resistance(1e-10, thickness=5e-9)
    with pytest.raises(InputError, match="thickness"):
        film_resistance(1e-10, resistivity=1e-3)
    with pytest.raises(InputError, match="specific_resistance"):
        film_resistance(1e-10, specific_resistance=1e-12, resistivity=1e-3, thickness=1e-9)
    with pytest.raises(InputError, match="positions"):
        cluster_resistance(1e-7, 1e-7, [1e-6, 1e-6])
    with pytest.raises(InputError, match="positions"):
        cluster_resistance(1e-7, 1e-7, [1e-6, 1e-6], [[0, 0], [0, 0]])
    with pytest.raises(InputError, match="method"):
        cluster_resistance(1e-7, 1e-7, [1e-6, 1e-6], [[0, 0], [1, 0]], method="exact")


def test_too_many_spots_refused_with_the_memory_figure() -> None:
    with pytest.raises(InputError, match="GB"):
        cluster_resistance(1e-7, 1e-7, np.full(9000, 1e-6), np.zeros((9000, 2)))


@given(st.integers(2, 12), st.integers(0, 10_000))
def test_interaction_only_raises_the_resistance(n: int, seed: int) -> None:
    """Spots sharing the current field constrict each other: with interaction R ≥ the parallel value,
    for Greenwood's form and the solved point-source model alike; the solved model is never above
    Greenwood's (a variational bound), and they agree within 10 % when the spots are 5 radii apart."""
    rng = np.random.default_rng(seed)
    a = rng.uniform(0.5e-6, 1.5e-6, n)
    x = rng.uniform(0, 1e-4, (n, 2))
    s = np.hypot(*(x[:, None, :] - x[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(s, np.inf)
    if s.min() < 5 * a.max():
        return
    parallel = cluster_resistance(1e-7, 2e-7, a, interaction=False)
    g = cluster_resistance(1e-7, 2e-7, a, x)
    m = cluster_resistance(1e-7, 2e-7, a, x, method="matrix")
    assert g >= parallel and m >= parallel * (1 - 1e-12)
    # Thomson's principle: Greenwood's R is the energy of the trial currents I ∝ a, the solved model's
    # R the minimum over all current splits — never above it
    assert m <= g * (1 + 1e-12)
    assert m == pytest.approx(g, rel=0.1)
