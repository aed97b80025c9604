"""Series/parallel resistance algebra: exact identities, a textbook example, invariants, bad inputs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tcrlab
from tcrlab.conductance.convection import convection_resistance
from tcrlab.conductance.layers import thin_layer_resistance
from tcrlab.errors import InputError
from tcrlab.network.algebra import parallel, series

pos = st.floats(min_value=1e-6, max_value=1e6, allow_nan=False, allow_infinity=False)
resistances = st.lists(pos, min_size=1, max_size=8)


def test_public_api_names() -> None:
    assert tcrlab.series is series and tcrlab.parallel is parallel


def test_returns_float_for_scalars_and_array_for_arrays() -> None:
    assert isinstance(series(1.0, 2.0), float)
    assert isinstance(parallel(1.0, 2.0), float)
    assert isinstance(series(np.array([1.0]), 2.0), np.ndarray)


@pytest.mark.parametrize("n", [1, 2, 3, 7, 50])
def test_n_equal_in_series_and_parallel(n: int) -> None:
    r = 0.37
    assert series(*[r] * n) == pytest.approx(n * r, rel=1e-14)
    assert parallel(*[r] * n) == pytest.approx(r / n, rel=1e-14)


def test_two_resistor_product_over_sum() -> None:
    assert parallel(2.0, 3.0) == pytest.approx(6.0 / 5.0)
    assert parallel(1.0, 1.0, 2.0) == pytest.approx(0.4)


def test_inf_branch() -> None:
    assert parallel(4.0, np.inf) == 4.0  # an open path drops out (gap in vacuum)
    assert parallel(np.inf, np.inf) == np.inf  # everything open: no heat path
    assert series(1.0, np.inf) == np.inf


def test_zero_shorts_parallel() -> None:
    assert parallel(0.0, 5.0) == 0.0
    assert parallel(0.0, np.inf) == 0.0
    assert series(0.0, 5.0) == 5.0


def test_broadcasting() -> None:
    a = np.array([1.0, 2.0, np.inf])
    b = np.array([[1.0], [3.0]])
    s = series(a, b)
    p = parallel(a, b)
    assert s.shape == p.shape == (2, 3)
    np.testing.assert_allclose(s, a + b)
    np.testing.assert_allclose(p, [[0.5, 2 / 3, 1.0], [0.75, 1.2, 3.0]])


def test_incropera_chip_on_substrate_example() -> None:
    """Bergman, Lavine, Incropera & DeWitt, Fundamentals of Heat and Mass Transfer, 7th ed. (2011),
    §3.1.4 worked example: a silicon chip bonded to an 8 mm aluminium substrate (k = 239 W/(m K)) by a
    0.02 mm epoxy joint, R''_tc = 0.9e-4 m²K/W (Table 3.2 upper bound); both exposed faces cooled by
    air at 25 °C, h = 100 W/(m²K); q''_c = 1e4 W/m². Published answer: T_c = 75.3 °C.
    The chip's heat leaves through two parallel paths: straight to the air, and through the joint,
    substrate and the substrate's air side in series."""
    front = convection_resistance(100.0)
    back = series(0.9e-4, thin_layer_resistance(0.008, 239.0), convection_resistance(100.0))
    t_chip = 25.0 + 1e4 * parallel(front, back)
    assert t_chip == pytest.approx(75.3, abs=0.05)


def test_article_cpu_stack_total() -> None:
    """The 120 W CPU example from the contact-resistance literature: 120 W over 2 cm × 2 cm through 0.5 mm Si, the
    interface (1.2e-4 m²K/W) and 6 mm Al: drops ≈ 1.0 K, 36 K and 7.6 K, about 44.6 K in total."""
    q = 120.0 / 0.02**2
    total = series(thin_layer_resistance(0.5e-3, 148.0), 1.2e-4, thin_layer_resistance(6e-3, 237.0))
    assert q * total == pytest.approx(1.0135 + 36.0 + 7.5949, abs=1e-3)


@given(resistances)
def test_series_adds_and_dominates(rs: list[float]) -> None:
    total = series(*rs)
    assert total == pytest.approx(sum(rs), rel=1e-12)
    assert total >= max(rs) * (1 - 1e-15)


@given(resistances)
def test_parallel_below_smallest_branch(rs: list[float]) -> None:
    total = parallel(*rs)
    assert total <= min(rs) * (1 + 1e-12)
    assert total >= min(rs) / len(rs) * (1 - 1e-12)  # at best n equal paths
    assert 1 / total == pytest.approx(sum(1 / r for r in rs), rel=1e-10)


@given(resistances, st.randoms(use_true_random=False))
def test_commutative(rs: list[float], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(rs)
    rnd.shuffle(shuffled)
    assert series(*rs) == pytest.approx(series(*shuffled), rel=1e-12)
    assert parallel(*rs) == pytest.approx(parallel(*shuffled), rel=1e-12)


@given(pos, pos, pos)
def test_associative(a: float, b: float, c: float) -> None:
    assert parallel(parallel(a, b), c) == pytest.approx(parallel(a, b, c), rel=1e-12)
    assert series(series(a, b), c) == pytest.approx(series(a, b, c), rel=1e-12)


@given(st.lists(pos, min_size=2, max_size=10), pos)
def test_array_broadcast_matches_elementwise(column: list[float], r: float) -> None:
    arr = np.array(column)
    np.testing.assert_allclose(parallel(arr, r), [parallel(x, r) for x in column], rtol=1e-12)
    np.testing.assert_allclose(series(arr, r), arr + r, rtol=1e-12)


@given(pos, pos)
def test_adding_a_parallel_path_never_increases_resistance(a: float, b: float) -> None:
    assert parallel(a, b) <= a


@pytest.mark.parametrize("func", [series, parallel])
@pytest.mark.parametrize(
    ("args", "field", "match"),
    [
        ((1.0, -2.0), "R[1]", ">= 0"),
        ((np.nan,), "R[0]", "NaN"),
        ((1.0, np.array([1.0, np.nan])), "R[1]", "NaN"),
        ((1.0, -np.inf), "R[1]", ">= 0"),
        (("1 K/W",), "R[0]", "real number"),
        ((), "R", "at least one"),
    ],
)
def test_bad_inputs(func, args, field: str, match: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=match) as info:
        func(*args)
    assert info.value.field == field


@pytest.mark.parametrize("combine", [series, parallel])
def test_mismatched_lengths_are_an_input_error(combine):
    # regression: NumPy's broadcast ValueError escaped
    with pytest.raises(InputError, match="array shapes do not match"):
        combine([1.0, 2.0], [1.0, 2.0, 3.0])
