"""Temperature jump and the parallel-path contact resistance."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tcrlab
from tcrlab.conductance.paths import contact_resistance, temperature_jump
from tcrlab.errors import InputError

# The 120 W CPU example from the contact-resistance literature: 120 W over a 2 cm × 2 cm die.
Q_CPU = 120.0 / (0.02 * 0.02)


def test_article_cpu_heat_flux() -> None:
    assert Q_CPU == pytest.approx(300_000.0)  # "a staggering 300,000 W/m²"


def test_article_interface_jump_36K() -> None:
    """The CPU example: 300 kW/m² across R_c = 1.2e-4 m²K/W gives a 36 K jump."""
    assert temperature_jump(Q_CPU, 1.2e-4) == pytest.approx(36.0, rel=1e-12)
    assert tcrlab.temperature_jump(3e5, 1.2e-4) == pytest.approx(36.0)


def test_incropera_table_3_1_contact_resistances() -> None:
    """Bergman et al. (2011) Table 3.1(b): aluminium interface (10 µm roughness, 1e5 N/m²) with air
    R''_tc = 2.75e-4, helium 1.05e-4, silicone oil 0.525e-4 m²K/W. At 1e4 W/m² the jumps are 2.75 K,
    1.05 K and 0.525 K, and filling the gap always reduces the jump."""
    jumps = temperature_jump(1e4, np.array([2.75e-4, 1.05e-4, 0.525e-4]))
    np.testing.assert_allclose(jumps, [2.75, 1.05, 0.525])
    assert np.all(np.diff(jumps) < 0)


def test_sign_follows_flux_and_zero_resistance() -> None:
    assert temperature_jump(-3e5, 1.2e-4) == pytest.approx(-36.0)
    assert temperature_jump(3e5, 0.0) == 0.0


def test_broadcast() -> None:
    out = temperature_jump(np.array([[1e4], [2e4]]), np.array([1e-4, 2e-4, 3e-4]))
    assert out.shape == (2, 3)
    np.testing.assert_allclose(out[1], [2.0, 4.0, 6.0])


@given(
    st.floats(min_value=-1e7, max_value=1e7, allow_nan=False),
    st.floats(min_value=-1e7, max_value=1e7, allow_nan=False),
    st.floats(min_value=0.0, max_value=1.0, allow_nan=False),
)
def test_jump_linear_in_flux(q1: float, q2: float, r: float) -> None:
    assert temperature_jump(q1 + q2, r) == pytest.approx(
        temperature_jump(q1, r) + temperature_jump(q2, r), rel=1e-9, abs=1e-9
    )
    assert temperature_jump(2.5 * q1, r) == pytest.approx(2.5 * temperature_jump(q1, r), rel=1e-12, abs=1e-12)


@pytest.mark.parametrize(
    ("q", "r", "field"),
    [
        (3e5, -1e-4, "R_c"),
        (3e5, np.nan, "R_c"),
        (np.nan, 1e-4, "q_flux"),
        ("hot", 1e-4, "q_flux"),
        (3e5, np.inf, "R_c"),
    ],
)
def test_bad_inputs(q: object, r: object, field: str) -> None:
    with pytest.raises(InputError) as info:
        temperature_jump(q, r)
    assert info.value.field == field


def test_infinite_flux_rejected() -> None:
    with pytest.raises(InputError, match="q_flux"):
        temperature_jump(np.inf, 0.0)


# ---- contact_resistance: constriction, film (gap) and radiation paths in parallel --------------


def test_vacuum_leaves_only_constriction() -> None:
    """In vacuum the gap path closes and R_c becomes R_const."""
    assert contact_resistance(3e-4, np.inf) == pytest.approx(3e-4)
    assert tcrlab.contact_resistance(3e-4, np.inf, np.inf) == pytest.approx(3e-4)


def test_gas_path_lowers_resistance() -> None:
    """Gas in the gap adds a parallel path: 1/R_c = 1/R_const + 1/R_film."""
    r_const, r_film = 3e-4, 6e-4
    r_c = contact_resistance(r_const, r_film)
    assert r_c == pytest.approx(2e-4)
    assert r_c < min(r_const, r_film)


def test_radiation_path() -> None:
    # three equal paths in parallel: a third of one
    assert contact_resistance(3e-3, 3e-3, 3e-3) == pytest.approx(1e-3)


@given(
    st.floats(min_value=1e-6, max_value=1e-1),
    st.floats(min_value=1e-6, max_value=1e-1),
    st.floats(min_value=1e-6, max_value=10.0),
)
def test_contact_resistance_below_each_path(rc: float, rf: float, rr: float) -> None:
    total = contact_resistance(rc, rf, rr)
    assert total <= min(rc, rf, rr) * (1 + 1e-12)
    assert 1 / total == pytest.approx(1 / rc + 1 / rf + 1 / rr, rel=1e-10)


def test_contact_resistance_bad_input_names_path() -> None:
    with pytest.raises(InputError) as info:
        contact_resistance(1e-4, -1e-4)
    assert info.value.field == "R[1]"


def test_package_names_load_on_first_use():
    """tcrlab.conductance exposes its names lazily (a joint evaluation needs none of the heat-path
    helpers); every name in __all__ still resolves, also through ``from ... import``."""
    import importlib

    package = importlib.import_module("tcrlab.conductance")
    for name in package.__all__:
        assert callable(getattr(package, name)), name
        assert name in dir(package)
    from tcrlab.conductance import temperature_jump as tj

    assert tj is package.temperature_jump
    with pytest.raises(AttributeError):
        _ = package.no_such_name
