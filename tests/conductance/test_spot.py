"""Constriction through circular spots: Holm's isolated spot and the plastic-asperity interface."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tcrlab
from tcrlab.conductance.spot import (
    asperity_contact_resistance,
    asperity_spots_resistance,
    spot_constriction_resistance,
)
from tcrlab.errors import InputError
from tcrlab.network.algebra import parallel

# A realistic metal-on-metal contact: H = 1 GPa, p = 1 MPa, 1e8 spots/m² (10 µm apart), k = 200.
H, P, ETA, K = 1e9, 1e6, 1e8, 200.0


def test_holm_isothermal_disc() -> None:
    """Carslaw & Jaeger (1959) §8.2 / Holm (1967): an isothermal disc of radius a on a half-space of
    conductivity k passes Q = 4 k a ΔT, so R = 1/(4ka) per side. For a = 1 mm, k = 100 W/(m K):
    2.5 K/W per side, 5 K/W for the pair."""
    assert spot_constriction_resistance(1e-3, 100.0, 100.0) == pytest.approx(5.0, rel=1e-14)
    assert tcrlab.spot_constriction_resistance(1e-3, 100.0, 1e12) == pytest.approx(2.5, rel=1e-9)


def test_maxwell_orifice_identical_materials() -> None:
    """Maxwell (1873), Treatise on Electricity and Magnetism §309 / Holm (1967): the constriction
    resistance of a circular orifice of radius a between two half-spaces of resistivity ρ is ρ/(2a);
    with ρ = 1/k: 1/(2ka)."""
    a, k = 2.5e-5, 16.0
    assert spot_constriction_resistance(a, k, k) == pytest.approx(1 / (2 * k * a), rel=1e-14)


def test_spot_dissimilar_uses_harmonic_mean() -> None:
    """Two different solids act like one of k_s = 2k1k2/(k1+k2) (Yovanovich's effective conductivity)."""
    k1, k2, a = 401.0, 14.9, 1e-5
    ks = 2 * k1 * k2 / (k1 + k2)
    assert spot_constriction_resistance(a, k1, k2) == pytest.approx(1 / (2 * ks * a), rel=1e-12)


@given(
    st.floats(min_value=1e-9, max_value=1e-2),
    st.floats(min_value=0.1, max_value=3000.0),
    st.floats(min_value=0.1, max_value=3000.0),
)
def test_spot_inverse_in_radius_and_symmetric(a: float, k1: float, k2: float) -> None:
    r = spot_constriction_resistance(a, k1, k2)
    assert spot_constriction_resistance(2 * a, k1, k2) == pytest.approx(r / 2, rel=1e-12)
    assert spot_constriction_resistance(a, k2, k1) == pytest.approx(r, rel=1e-12)


def test_spots_equal_eta_holm_spots_in_parallel() -> None:
    """Build the interface from its parts: over an area holding N spots (A = N/η) each spot of radius
    a = sqrt(p/(π H η)) is Holm's spot; N of them in parallel, times the area, is R''."""
    n = 40
    area = n / ETA
    a = np.sqrt(P / (np.pi * H * ETA))
    r_one = spot_constriction_resistance(a, K, K)
    r_area = parallel(*[r_one] * n) * area
    assert asperity_spots_resistance(P, H, ETA, K, K) == pytest.approx(r_area, rel=1e-12)


def test_spots_closed_form_quarter_prefactor() -> None:
    """R'' = ¼·sqrt(πH/(pη))·(1/k1 + 1/k2). Numbers: sqrt(π·1e9/(1e6·1e8)) = 5.604991e-3 m;
    (1/200 + 1/200) = 0.01 m K/W; ¼ of the product = 1.401248e-5 m²K/W."""
    assert asperity_spots_resistance(P, H, ETA, K, K) == pytest.approx(1.401248e-5, rel=1e-6)


def test_article_formula_half_prefactor() -> None:
    """The published ½ form: R_c = ½·sqrt(πH/(p0 η))·(1/k1 + 1/k2) = 2.802496e-5 m²K/W here."""
    assert asperity_contact_resistance(P, H, ETA, K, K) == pytest.approx(2.802496e-5, rel=1e-6)
    assert tcrlab.asperity_contact_resistance(P, H, ETA, K, K) == pytest.approx(2.802496e-5, rel=1e-6)


@given(
    st.floats(min_value=1e3, max_value=5e7),
    st.floats(min_value=1e8, max_value=1e10),
    st.floats(min_value=1e4, max_value=1e12),
    st.floats(min_value=1.0, max_value=500.0),
    st.floats(min_value=1.0, max_value=500.0),
)
def test_article_is_twice_the_spot_sum(p: float, h: float, eta: float, k1: float, k2: float) -> None:
    """Documented in spot.py: the published ½ prefactor is exactly twice the ¼ that follows from the
    single-spot resistance 1/(4k1a) + 1/(4k2a)."""
    if p >= h:
        return
    assert asperity_contact_resistance(p, h, eta, k1, k2) == pytest.approx(
        2 * asperity_spots_resistance(p, h, eta, k1, k2), rel=1e-12
    )


@given(st.floats(min_value=1e3, max_value=1e7), st.floats(min_value=1.01, max_value=50.0))
def test_resistance_scales_as_p_to_minus_half(p: float, factor: float) -> None:
    """R_c ∝ 1/sqrt(p0); raising the pressure always lowers R_c."""
    r1 = asperity_contact_resistance(p, H, ETA, K, K)
    r2 = asperity_contact_resistance(p * factor, H, ETA, K, K)
    assert r2 < r1
    assert r2 / r1 == pytest.approx(factor**-0.5, rel=1e-10)


def test_scaling_with_hardness_density_and_conductivity() -> None:
    base = asperity_spots_resistance(P, H, ETA, K, K)
    assert asperity_spots_resistance(P, 4 * H, ETA, K, K) == pytest.approx(2 * base)  # ∝ sqrt(H)
    assert asperity_spots_resistance(P, H, 4 * ETA, K, K) == pytest.approx(base / 2)  # ∝ η^-1/2
    assert asperity_spots_resistance(P, H, ETA, 2 * K, 2 * K) == pytest.approx(base / 2)  # ∝ 1/k


def test_broadcast_over_pressure() -> None:
    p = np.geomspace(1e5, 1e7, 5)
    out = asperity_contact_resistance(p, H, ETA, K, np.array([[K], [2 * K]]))
    assert out.shape == (2, 5)
    assert np.all(np.diff(out, axis=1) < 0)


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ((-1.0, H, ETA, K, K), "pressure"),
        ((0.0, H, ETA, K, K), "pressure"),  # no load, no contact spots: infinite resistance
        ((H, H, ETA, K, K), "pressure"),  # p >= H: full contact, outside the model
        ((2 * H, H, ETA, K, K), "pressure"),
        ((np.nan, H, ETA, K, K), "pressure"),
        ((P, 0.0, ETA, K, K), "hardness"),
        ((P, H, 0.0, K, K), "spot_density"),
        ((P, H, ETA, 0.0, K), "k1"),
        ((P, H, ETA, K, -3.0), "k2"),
        ((P, H, ETA, K, np.nan), "k2"),
    ],
)
@pytest.mark.parametrize("func", [asperity_spots_resistance, asperity_contact_resistance])
def test_bad_inputs(func, args, field: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as info:
        func(*args)
    assert info.value.field == field


@pytest.mark.parametrize(
    ("args", "field"),
    [((0.0, K, K), "a"), ((-1e-6, K, K), "a"), ((1e-6, 0.0, K), "k1"), ((1e-6, K, np.inf), "k2")],
)
def test_spot_bad_inputs(args: tuple[float, float, float], field: str) -> None:
    with pytest.raises(InputError) as info:
        spot_constriction_resistance(*args)
    assert info.value.field == field
