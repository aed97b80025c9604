"""Rectangular source on a rectangular channel: exact identities, an independent 3-D finite-volume
solution, invariants, bad input."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tcrlab.errors import InputError
from tcrlab.spreading import (
    disk_resistance,
    rectangle_resistance,
    rectangle_resistance_compound,
    rectangle_spreading,
)


def test_source_covering_the_plate_leaves_only_the_1d_path():
    r = rectangle_spreading(0.04, 0.03, 0.04, 0.03, [(0.005, 200.0)], 1000.0)
    assert r.spreading == 0.0
    assert r.total == pytest.approx((0.005 / 200.0 + 1 / 1000.0) / (0.04 * 0.03))


@settings(max_examples=12)
@given(st.floats(0.2, 0.9), st.floats(0.2, 0.9), st.floats(0.05, 1.0), st.floats(0.1, 100.0))
def test_corner_source_is_a_quarter_of_the_mirrored_centred_source(ea, eb, tau, bi):
    # mirror symmetry of the adiabatic walls (exact): a corner source a×b on c×d is the centred source
    # 2a×2b on 2c×2d carrying 4 Q, so R_s(corner) = 4·R_s(2a, 2b, 2c, 2d)
    c, d = 1.0, 0.7
    a, b = ea * c, eb * d
    h = bi  # k = 1, c = 1
    corner = rectangle_resistance(a, b, c, d, tau, 1.0, h, xc=a / 2, yc=b / 2, rtol=1e-5)
    centred = rectangle_resistance(2 * a, 2 * b, 2 * c, 2 * d, tau, 1.0, h, rtol=1e-5)
    assert corner == pytest.approx(4.0 * centred, rel=2e-4)


@settings(max_examples=12)
@given(st.floats(0.2, 0.8), st.floats(0.05, 0.5), st.floats(0.0, 1.0))
def test_mirror_positions_and_swapped_axes_agree(ea, tau, shift):
    c, d, a, b = 1.0, 0.6, ea, 0.3
    xc = a / 2 + shift * (c - a)
    r1 = rectangle_resistance(a, b, c, d, tau, 1.0, 50.0, xc=xc, yc=0.3, rtol=1e-5)
    r2 = rectangle_resistance(a, b, c, d, tau, 1.0, 50.0, xc=c - xc, yc=0.3, rtol=1e-5)
    r3 = rectangle_resistance(b, a, d, c, tau, 1.0, 50.0, xc=0.3, yc=xc, rtol=1e-5)
    assert r2 == pytest.approx(r1, rel=2e-4)
    assert r3 == pytest.approx(r1, rel=2e-4)


def test_moving_the_source_towards_a_corner_raises_its_temperature():
    xs = np.array([0.5, 0.4, 0.3, 0.2, 0.1])
    r = rectangle_resistance(0.2, 0.2, 1.0, 1.0, 0.1, 1.0, 10.0, xc=xs, yc=xs)
    assert np.all(np.diff(r) > 0)


def test_full_width_strip_is_two_dimensional():
    # a source spanning the plate's width: the field is 2-D, so R_s·d does not depend on d (exact)
    r1 = rectangle_resistance(0.01, 0.02, 0.05, 0.02, 0.004, 200.0, 500.0, rtol=1e-6)
    r2 = rectangle_resistance(0.01, 0.05, 0.05, 0.05, 0.004, 200.0, 500.0, rtol=1e-6)
    assert r1 * 0.02 == pytest.approx(r2 * 0.05, rel=1e-5)


def test_square_source_is_close_to_the_equivalent_disk():
    # same areas: square-on-square and disk-on-disk differ by a few per cent only (shape effect)
    sq = rectangle_resistance(0.02, 0.02, 0.06, 0.06, 0.006, 237.0, 1500.0)
    disk = disk_resistance(0.02 / math.sqrt(math.pi), 0.06 / math.sqrt(math.pi), 0.006, 237.0, 1500.0)
    assert sq == pytest.approx(disk, rel=0.03)


@pytest.mark.parametrize(
    ("a", "b", "c", "d", "layers", "h"),
    [
        (0.02, 0.02, 0.06, 0.06, [(0.006, 237.0)], 1500.0),                  # the demo's CPU base
        (0.01, 0.02, 0.04, 0.06, [(0.001, 400.0), (0.004, 20.0)], 300.0),     # compound, oblong
    ],
)
def test_matches_an_independent_finite_volume_solution(fv_rect_solver, a, b, c, d, layers, h):
    # 3-D finite volumes on a quarter (30 cells per half side): measured 0.50 % high for the first case,
    # converging at second order (1.7 %, 0.50 %, 0.14 % at 15, 30, 60 cells)
    fv = fv_rect_solver(a, b, c, d, layers, h, 30, 24)
    r = rectangle_spreading(a, b, c, d, layers, h, rtol=1e-5)
    assert r.total == pytest.approx(fv, rel=8e-3)
    assert r.total < fv  # the scheme approaches from above on these grids


@pytest.mark.slow
def test_matches_finite_volumes_richardson(fv_rect_solver):
    a, b, c, d, layers, h = 0.02, 0.02, 0.06, 0.06, [(0.006, 237.0)], 1500.0
    f1 = fv_rect_solver(a, b, c, d, layers, h, 30, 24)
    f2 = fv_rect_solver(a, b, c, d, layers, h, 60, 48)
    r = rectangle_spreading(a, b, c, d, layers, h, rtol=1e-6)
    assert r.total == pytest.approx(f2 + (f2 - f1) / 3.0, rel=5e-4)


def test_compound_of_equal_layers_is_one_layer():
    one = rectangle_resistance(0.01, 0.02, 0.05, 0.05, 0.006, 150.0, 800.0)
    two = rectangle_resistance_compound(0.01, 0.02, 0.05, 0.05, 0.002, 150.0, 0.004, 150.0, 800.0)
    assert two == pytest.approx(one, rel=1e-9)


def test_truncation_error_is_honest():
    loose = rectangle_spreading(0.1, 0.2, 1.0, 1.0, [(0.2, 1.0)], 5.0, xc=0.3, rtol=1e-3)
    tight = rectangle_spreading(0.1, 0.2, 1.0, 1.0, [(0.2, 1.0)], 5.0, xc=0.3, rtol=1e-5)
    assert loose.converged and tight.converged
    assert loose.truncation_error <= 1e-3 * loose.spreading
    assert abs(tight.spreading - loose.spreading) <= loose.truncation_error


def test_compiled_sum_equals_the_numpy_sum():
    from tcrlab.spreading.layers import check_layers
    from tcrlab.spreading.rectangle import _rect_sum, _rect_sum_numpy

    lay = check_layers([(np.array([0.1, 0.3]), np.array([2.0, 1.0])), (0.2, 5.0)], np.array([10.0, np.inf]))
    lay = lay.flat(slice(None), (2,))
    args = (np.array([0.2, 0.3]), np.array([0.3, 0.45]), np.array([1.0, 1.2]), np.array([0.8, 0.96]),
            np.array([0.3, 0.6]), np.array([0.2, 0.4]), lay, 40, 30)
    from tcrlab.spreading._kernels import rect_sums

    thick = np.array([[0.1, 0.2], [0.3, 0.2]])
    cond = np.array([[2.0, 5.0], [1.0, 5.0]])
    compiled = rect_sums(*args[:6], thick, cond, np.array([0.1, 0.0]), 40, 30)
    np.testing.assert_allclose(compiled, _rect_sum_numpy(*args), rtol=1e-12)
    np.testing.assert_allclose(_rect_sum(*args), compiled, rtol=1e-12)


def test_broadcasts_like_a_loop():
    a = np.array([0.005, 0.01, 0.02])
    batch = rectangle_resistance(a, 0.01, 0.04, 0.04, 0.003, 200.0, np.array([[100.0], [math.inf]]))
    assert batch.shape == (2, 3)
    assert batch[1, 2] == pytest.approx(rectangle_resistance(0.02, 0.01, 0.04, 0.04, 0.003, 200.0), rel=1e-12)


@pytest.mark.parametrize(
    ("args", "kwargs", "field", "text"),
    [
        ((0.05, 0.01, 0.04, 0.04, 0.003, 200.0), {}, "source_length", "larger than the plate"),
        ((0.01, 0.05, 0.04, 0.04, 0.003, 200.0), {}, "source_width", "larger than the plate"),
        ((0.01, 0.01, 0.04, 0.04, 0.0, 200.0), {}, "t", "> 0"),
        ((0.01, 0.01, 0.04, 0.04, 0.003, 200.0), {"xc": 0.001}, "xc", "beyond the plate edge"),
        ((0.01, 0.01, 0.04, 0.04, 0.003, 200.0), {"yc": 0.039}, "yc", "beyond the plate edge"),
    ],
)
def test_bad_input_names_the_field(args, kwargs, field, text):
    with pytest.raises(InputError, match=text) as exc:
        rectangle_resistance(*args, **kwargs)
    assert exc.value.field == field
