"""Argument checks: every bad value becomes an InputError naming the parameter; ranges warn."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcrlab.errors import InputError, ValidityWarning
from tcrlab.validation import (
    as_float_array,
    require_finite,
    require_in_range,
    require_nonnegative,
    require_positive,
    warn_outside,
)


def test_as_float_array_accepts_scalars_lists_arrays() -> None:
    assert as_float_array("x", 3).dtype == np.float64
    np.testing.assert_array_equal(as_float_array("x", [1, 2]), [1.0, 2.0])
    assert as_float_array("x", np.inf) == np.inf  # inf is a number; finiteness is a separate check


@pytest.mark.parametrize("bad", ["abc", [1, "a"], {"a": 1}, None, [[1, 2], [3]]])
def test_as_float_array_rejects_non_numbers(bad: object) -> None:
    with pytest.raises(InputError) as info:
        as_float_array("thickness", bad)
    assert info.value.field == "thickness"


def test_nan_rejected_everywhere() -> None:
    for check in (as_float_array, require_finite, require_positive, require_nonnegative):
        with pytest.raises(InputError, match="NaN"):
            check("k", np.array([1.0, np.nan]))
    with pytest.raises(InputError, match="NaN"):
        require_in_range("nu", np.nan, 0.0, 0.5)


def test_require_finite() -> None:
    with pytest.raises(InputError, match="finite") as info:
        require_finite("q_flux", [1.0, -np.inf])
    assert info.value.value == -np.inf


@pytest.mark.parametrize("bad", [0.0, -1.0, np.inf, [1.0, 0.0]])
def test_require_positive_rejects(bad: object) -> None:
    with pytest.raises(InputError) as info:
        require_positive("k", bad)
    assert str(info.value).startswith("k = ") and "> 0" in str(info.value)


def test_require_positive_reports_first_offending_value() -> None:
    with pytest.raises(InputError) as info:
        require_positive("k", np.array([[3.0, -2.0], [-5.0, 1.0]]))
    assert info.value.value == -2.0


def test_require_positive_allow_inf() -> None:
    assert require_positive("R", np.inf, allow_inf=True) == np.inf
    with pytest.raises(InputError, match="inf allowed"):
        require_positive("R", 0.0, allow_inf=True)


def test_require_nonnegative() -> None:
    assert require_nonnegative("d", 0.0) == 0.0
    with pytest.raises(InputError, match=">= 0"):
        require_nonnegative("d", -1e-12)
    with pytest.raises(InputError):
        require_nonnegative("d", np.inf)
    assert require_nonnegative("d", np.inf, allow_inf=True) == np.inf


def test_require_in_range_brackets() -> None:
    assert require_in_range("nu", 0.5, 0.0, 0.5) == 0.5
    with pytest.raises(InputError, match=r"\[0, 0\.5\)"):
        require_in_range("nu", 0.5, 0.0, 0.5, high_inclusive=False)
    with pytest.raises(InputError, match=r"\(0, 1\]"):
        require_in_range("eps", 0.0, 0.0, 1.0, low_inclusive=False)
    with pytest.raises(InputError, match="too stiff"):
        require_in_range("x", 5, 0, 1, why="too stiff")


def test_warn_outside() -> None:
    with pytest.warns(ValidityWarning, match=r"CMY: P/H = 0\.1 is outside the validated range"):
        assert warn_outside("P/H", np.array([1e-4, 0.1]), 1e-5, 0.03, model="CMY") is True
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert warn_outside("P/H", 1e-3, 1e-5, 0.03, model="CMY") is False


@given(st.lists(st.floats(min_value=1e-300, max_value=1e300), min_size=1, max_size=20))
def test_positive_arrays_pass_unchanged(values: list[float]) -> None:
    np.testing.assert_array_equal(require_positive("x", values), np.asarray(values))


@given(st.floats(max_value=0.0, allow_nan=False, allow_infinity=False))
def test_nonpositive_always_rejected(v: float) -> None:
    with pytest.raises(InputError):
        require_positive("x", v)
