"""Convection written as a resistance, 1/h."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tcrlab
from tcrlab.conductance.convection import convection_resistance
from tcrlab.errors import InputError


def test_newton_cooling_example() -> None:
    """Newton's law of cooling, q'' = h (T_s - T_inf) (Bergman et al. 2011, eq. 1.3a): h = 100 W/(m²K)
    and q'' = 1e4 W/m² need a wall-to-air difference of exactly 100 K."""
    assert 1e4 * convection_resistance(100.0) == pytest.approx(100.0)


def test_typical_ranges_order() -> None:
    """Bergman et al. (2011) Table 1.1 typical h: free convection of gases 2-25, forced convection of
    liquids 100-20 000, boiling/condensation 2500-100 000 W/(m²K): R = 1/h spans 0.5 to 1e-5 m²K/W."""
    r = tcrlab.convection_resistance(np.array([2.0, 25.0, 20_000.0, 100_000.0]))
    np.testing.assert_allclose(r, [0.5, 0.04, 5e-5, 1e-5])
    assert np.all(np.diff(r) < 0)


@given(st.floats(min_value=1e-3, max_value=1e7), st.floats(min_value=1e-3, max_value=1e7))
def test_parallel_coefficients_add(h1: float, h2: float) -> None:
    from tcrlab.network.algebra import parallel

    assert parallel(convection_resistance(h1), convection_resistance(h2)) == pytest.approx(
        convection_resistance(h1 + h2), rel=1e-12
    )


@pytest.mark.parametrize("h", [0.0, -10.0, np.nan, np.inf, "5000 W/(m^2 K)", [1e3, -1.0]])
def test_bad_h(h: object) -> None:
    with pytest.raises(InputError) as info:
        convection_resistance(h)
    assert info.value.field == "h"
