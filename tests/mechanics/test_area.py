"""Plastic real-contact area: A_r/A_0 = p/H (Bowden & Tabor)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tcrlab
from tcrlab.errors import InputError
from tcrlab.materials import get_material
from tcrlab.mechanics.area import plastic_area_ratio


def test_force_balance_example() -> None:
    """Bowden & Tabor (1950): the load is carried at the hardness, p A_0 = H A_r. 1 MPa on a 1 GPa
    surface touches on 0.1 % of the apparent area."""
    assert plastic_area_ratio(1e6, 1e9) == pytest.approx(1e-3, rel=1e-15)
    assert tcrlab.plastic_area_ratio(0.0, 1e9) == 0.0


def test_registry_hardness_example() -> None:
    """Al 6061-T6 (95 HB = 0.932 GPa, ASM Handbook Vol. 2) under 1 MPa: A_r/A_0 = 1.07e-3."""
    h = get_material("Al6061-T6").require("hardness_brinell")
    assert plastic_area_ratio(1e6, h) == pytest.approx(1e6 / (95 * 9.80665e6), rel=1e-12)
    assert plastic_area_ratio(1e6, h) == pytest.approx(1.0734e-3, rel=1e-4)


def test_broadcast() -> None:
    out = plastic_area_ratio(np.array([1e5, 1e6, 1e7]), np.array([[1e9], [2e9]]))
    assert out.shape == (2, 3)
    np.testing.assert_allclose(out[1], [5e-5, 5e-4, 5e-3])


@given(st.floats(min_value=0.0, max_value=1e9), st.floats(min_value=1e7, max_value=1e10))
def test_ratio_in_unit_interval_and_linear(p: float, h: float) -> None:
    if p >= h:
        return
    r = plastic_area_ratio(p, h)
    assert 0.0 <= r < 1.0
    assert r == pytest.approx(p / h, rel=1e-15)


@given(st.floats(min_value=1e3, max_value=1e8), st.floats(min_value=1.01, max_value=5.0))
def test_monotone_in_pressure(p: float, f: float) -> None:
    assert plastic_area_ratio(p * f, 1e9) > plastic_area_ratio(p, 1e9)


@pytest.mark.parametrize(
    ("p", "h", "field", "match"),
    [
        (-1.0, 1e9, "pressure", ">= 0"),
        (1e9, 1e9, "pressure", "hardness"),  # p = H: full contact
        (2e9, 1e9, "pressure", "full contact"),
        (np.array([1e6, 3e9]), 1e9, "pressure", "hardness"),
        (np.nan, 1e9, "pressure", "NaN"),
        (1e6, 0.0, "hardness", "> 0"),
        (1e6, -1e9, "hardness", "> 0"),
        (1e6, np.inf, "hardness", "finite"),
    ],
)
def test_bad_inputs(p: object, h: object, field: str, match: str) -> None:
    with pytest.raises(InputError, match=match) as info:
        plastic_area_ratio(p, h)
    assert info.value.field == field


def test_error_reports_the_offending_element() -> None:
    with pytest.raises(InputError) as info:
        plastic_area_ratio(np.array([1e6, 3e9, 5e9]), 1e9)
    assert info.value.value == 3e9


def test_registry_microhardness_takes_the_softer_solid_with_coefficients() -> None:
    """The solver's default cap is the Song–Yovanovich H_c (J. Thermophys. Heat Transfer 2 (1988) 43–47)
    of the softer solid with Vickers c1, c2 in the registry; none without coefficients."""
    from tcrlab.materials import get_material
    from tcrlab.mechanics.microhardness import microhardness, registry_microhardness

    ss, ni, cu = (get_material(k) for k in ("SS304", "Ni200", "Cu"))
    h = registry_microhardness((ni, ss), 1e6, 1e-6, 0.1)
    expected = min(float(microhardness(1e6, 1e-6, 0.1, m.microhardness_c1, m.microhardness_c2)) for m in (ss, ni))
    assert h.value == expected and h.solid in ("SS304", "Ni200")
    assert registry_microhardness((cu, ss), 1e6, 1e-6, 0.1).solid == "SS304"
    assert registry_microhardness((cu, cu), 1e6, 1e-6, 0.1) is None
