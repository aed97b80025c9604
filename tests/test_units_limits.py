"""Unit text from files and forms is parsed with bounded time and plain ASCII digits."""

import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tcrlab.errors import InputError
from tcrlab.units import MAX_TEXT_LENGTH, parse_number, parse_quantity, quantity_from_text


@pytest.mark.parametrize("text", [
    "9**9**9 um", "10**10**10 mm", "(((9^99)^99)^99)^99 m", "9**99999999 m", "2^2^2^2^2^2^2 m",
    "1" * (MAX_TEXT_LENGTH + 1) + " m",
])
def test_exponent_bombs_and_long_text_are_refused_quickly(text):
    start = time.perf_counter()
    with pytest.raises(InputError, match="sigma"):
        parse_quantity(text, "length", "sigma")
    with pytest.raises(InputError):
        quantity_from_text(text)
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize("text, dimension, si", [
    ("1e-6 m", "length", 1e-6), ("1E+6 Pa", "pressure", 1e6), ("2 m^2", "area", 2.0), ("2 m²", "area", 2.0),
    ("10^3 Pa", "pressure", 1e3), ("3 m^-1 * m^2", "length", 3.0), ("1 m^(1/2)*m^(1/2)", "length", 1.0),
    ("25 degC", "temperature", 298.15), ("5 W/(m^2*K)", "heat_transfer_coefficient", 5.0),
    ("0.5 µm", "length", 5e-7),
])
def test_ordinary_quantities_still_parse(text, dimension, si):
    assert parse_quantity(text, dimension, "x") == pytest.approx(si, rel=1e-12)


@pytest.mark.parametrize("text, problem", [
    ("\u0661\u0662 mm", "non-ASCII digit"), ("1\u0662 mm", "non-ASCII digit"),
    ("\u202e12 mm", r"U\+202E"), ("12\x00 mm", "control character"), ("1\u200b2 mm", r"U\+200B"),
])
def test_control_characters_and_foreign_digits_are_refused(text, problem):
    with pytest.raises(InputError, match=problem):
        parse_quantity(text, "length", "thickness")


@pytest.mark.parametrize("cell", ["\u0661\u0662", "\u202e12", "nan", "inf", "", "1,5", "12\x07"])
def test_parse_number_refuses_what_float_would_take_or_misread(cell):
    with pytest.raises(InputError, match="cell"):
        parse_number(cell, "cell")


def test_parse_number_plain():
    assert parse_number(" -21.5e1 ", "cell") == -215.0


def test_a_range_count_is_bounded_before_the_values_are_built():
    from tcrlab.units import parse_range

    start = time.perf_counter()
    with pytest.raises(InputError, match="1,000,000,000,000 values"):
        parse_range("1MPa:2MPa:1000000000000", "pressure", "pressure")
    assert time.perf_counter() - start < 0.5
    assert len(parse_range("1MPa:2MPa:1000", "pressure", "pressure")) == 1000


TOKENS = [*"0123456789.eE+-*/^() ", "**", " m", " mm", " K", " Pa", "\u0663", "99", "9999"]
EXPRESSION = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(EXPRESSION)
def test_any_expression_is_a_finite_value_or_an_input_error_at_once(text):
    start = time.perf_counter()
    try:
        value = parse_quantity(text, "length", "x", bare_numbers_are_si=True)
    except InputError:
        pass
    else:
        assert np.isfinite(value)
    assert time.perf_counter() - start < 0.5
