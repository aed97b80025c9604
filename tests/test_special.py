"""erfc⁻¹ (tcrlab._special): the standard-library path for few values and SciPy's for many agree with a
50-digit root of erfc(y) = x (mpmath) — an exact-solution check — and with each other."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.special import erfcinv as scipy_erfcinv

from tcrlab._special import SMALL, erfcinv


def _reference(x: float) -> float:
    # ln erfc(y) = ln x (relative, so 1e-300 is as well resolved as 0.5), from a start 0.1 % off
    with mpmath.workdps(50):
        start = float(scipy_erfcinv(x)) * 1.001 + 1e-3
        return float(mpmath.findroot(lambda y: mpmath.log(mpmath.erfc(y)) - mpmath.log(mpmath.mpf(x)), start))


XS = [1e-300, 1e-100, 1e-20, 2e-10, 5.8e-4, 1e-3, 0.1, 0.5, 0.999, 1.0 - 1e-12, 1.5, 1.999999, 2.0 - 1e-15]


@pytest.mark.parametrize("x", XS)
def test_both_paths_match_the_50_digit_root(x):
    ref = _reference(x)
    small = float(erfcinv(x))
    large = erfcinv(np.full(SMALL + 1, x))
    assert small == pytest.approx(ref, rel=2e-15, abs=1e-300)
    assert large.shape == (SMALL + 1,)
    assert float(large[0]) == pytest.approx(ref, rel=2e-15, abs=1e-300)


def test_x_equal_one_is_zero_and_limits_and_outside():
    assert float(erfcinv(1.0)) == 0.0
    assert erfcinv([0.0, 2.0]).tolist() == [math.inf, -math.inf]
    assert np.isnan(erfcinv([-0.1, 2.1, math.nan])).all()
    many = erfcinv(np.r_[0.0, 2.0, -0.1, 2.1, math.nan, np.full(SMALL, 0.5)])
    assert many[:2].tolist() == [math.inf, -math.inf] and np.isnan(many[2:5]).all()


def test_shape_is_kept():
    x = np.linspace(0.1, 1.9, 12).reshape(3, 4)
    assert erfcinv(x).shape == (3, 4)
    assert erfcinv(0.5).shape == ()


@given(st.lists(st.floats(1e-300, 1.999999, allow_nan=False), min_size=2, max_size=20))
def test_decreasing_and_odd_about_one(values):
    x = np.sort(np.asarray(values))
    y = erfcinv(x)
    assert np.all(np.diff(y) <= 0)  # erfc is decreasing, so is its inverse
    mid = x[(x > 1e-3) & (x < 2 - 1e-3)]
    assert np.allclose(erfcinv(2.0 - mid), -erfcinv(mid), rtol=1e-12, atol=1e-15)  # erfc(−y) = 2 − erfc(y)


@given(st.lists(st.floats(1e-12, 1.999, allow_nan=False), min_size=1, max_size=8))
def test_few_and_many_values_agree(values):
    x = np.asarray(values)
    padded = np.concatenate([x, np.full(SMALL, 0.5)])
    np.testing.assert_allclose(erfcinv(x), erfcinv(padded)[: x.size], rtol=3e-15, atol=0)
