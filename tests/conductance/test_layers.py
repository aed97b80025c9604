"""The thin-layer resistance δ/k against the 120 W CPU example's numbers and Incropera's tables."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tcrlab
from tcrlab.conductance.layers import thin_layer_resistance
from tcrlab.errors import InputError
from tcrlab.materials import get_material

Q_CPU = 120.0 / 0.02**2  # the 120 W CPU example: 300 kW/m²


def test_article_silicon_die_drop_1K() -> None:
    """0.5 mm silicon (k = 148 W/(m K), Incropera Table A.1) at 300 kW/m²: 'about 1.0 K'."""
    k_si = get_material("Si").thermal_conductivity(300.0)
    dt = Q_CPU * thin_layer_resistance(0.5e-3, k_si)
    assert dt == pytest.approx(1.0135, abs=1e-4)
    assert round(dt, 1) == 1.0


def test_article_aluminium_base_drop_7_6K() -> None:
    """First 6 mm of the aluminium base (k = 237 W/(m K)) at 300 kW/m²: 'about 7.6 K'."""
    dt = Q_CPU * thin_layer_resistance(6e-3, get_material("Al").conductivity)
    assert dt == pytest.approx(7.5949, abs=1e-4)
    assert round(dt, 1) == 7.6


def test_article_interface_is_the_bottleneck() -> None:
    drops = Q_CPU * np.array(
        [thin_layer_resistance(0.5e-3, 148.0), 1.2e-4, thin_layer_resistance(6e-3, 237.0)]
    )
    assert int(np.argmax(drops)) == 1
    assert drops[1] / drops.sum() == pytest.approx(36.0 / 44.61, abs=1e-3)  # ≈ 81 % of the total


def test_incropera_table_3_2_equivalent_layers() -> None:
    """Bergman et al. (2011) Table 3.2: silicon chip/aluminium with a 0.02 mm epoxy joint,
    R''_tc = 0.2–0.9e-4 m²K/W. As an equivalent layer δ/k, the effective joint conductivity is
    0.02e-3/0.9e-4 ≈ 0.22 to 0.02e-3/0.2e-4 = 1.0 W/(m K) -- the range of filled epoxies."""
    k_eff = 0.02e-3 / np.array([0.9e-4, 0.2e-4])
    np.testing.assert_allclose(thin_layer_resistance(0.02e-3, k_eff), [0.9e-4, 0.2e-4])
    assert 0.2 < k_eff[0] < k_eff[1] <= 1.0


def test_zero_thickness_and_broadcast() -> None:
    assert thin_layer_resistance(0.0, 1.0) == 0.0
    out = tcrlab.thin_layer_resistance(np.array([1e-3, 2e-3]), np.array([[1.0], [2.0]]))
    np.testing.assert_allclose(out, [[1e-3, 2e-3], [5e-4, 1e-3]])


@given(
    st.floats(min_value=1e-9, max_value=1.0),
    st.floats(min_value=1e-9, max_value=1.0),
    st.floats(min_value=1e-3, max_value=3000.0),
)
def test_layers_of_one_material_add(d1: float, d2: float, k: float) -> None:
    assert thin_layer_resistance(d1 + d2, k) == pytest.approx(
        thin_layer_resistance(d1, k) + thin_layer_resistance(d2, k), rel=1e-12
    )


@given(st.floats(min_value=1e-6, max_value=1.0), st.floats(min_value=1e-3, max_value=1000.0))
def test_resistance_falls_with_k(d: float, k: float) -> None:
    assert thin_layer_resistance(d, 2 * k) == pytest.approx(thin_layer_resistance(d, k) / 2)


@pytest.mark.parametrize(
    ("d", "k", "field"),
    [
        (-1e-3, 1.0, "thickness"),
        (np.nan, 1.0, "thickness"),
        (np.inf, 1.0, "thickness"),
        (1e-3, 0.0, "k"),
        (1e-3, -5.0, "k"),
        (1e-3, np.nan, "k"),
        (1e-3, np.array([1.0, -1.0]), "k"),
    ],
)
def test_bad_inputs(d: object, k: object, field: str) -> None:
    with pytest.raises(InputError) as info:
        thin_layer_resistance(d, k)
    assert info.value.field == field
