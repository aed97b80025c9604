"""Units at the boundary: parse_quantity and parse_range (pint)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcrlab.errors import InputError
from tcrlab.units import DIMENSIONS, format_si, parse_quantity, parse_range, ureg


@pytest.mark.parametrize(
    ("text", "dimension", "si"),
    [
        # the foundation issue's examples
        ("0.5 mm", "length", 5e-4),
        ("120 W", "power", 120.0),
        ("1.2e-4 K m^2/W", "area_resistance", 1.2e-4),
        ("2 MPa", "pressure", 2e6),
        ("300 K", "temperature", 300.0),
        ("25 degC", "temperature", 298.15),  # ITS-90 offset: 0 degC = 273.15 K exactly
        # more realistic inputs
        ("300 kW/m^2", "heat_flux", 3e5),
        ("2 cm^2", "area", 2e-4),
        ("150 W/(m K)", "conductivity", 150.0),
        ("5000 W/(m^2 K)", "heat_transfer_coefficient", 5000.0),
        ("0.3 K/W", "resistance", 0.3),
        ("8.933 g/cm^3", "density", 8933.0),
        ("6.42 km/s", "speed", 6420.0),
        ("63.546 g/mol", "molar_mass", 0.063546),
        ("1 atm", "pressure", 101325.0),
        ("77 degF", "temperature", 298.15),  # (77 - 32)·5/9 + 273.15
        ("1 psi", "pressure", 6894.757293168361),  # NIST SP 811: 1 psi = 6.894 757 kPa
        # NIST SP 811 (2008) App. B: Btu_IT/(h ft degF) = 1.730 735 W/(m K)
        ("1 Btu/(hour foot delta_degF)", "conductivity", 1.730735),
        ("0.3", "dimensionless", 0.3),
    ],
)
def test_parse_quantity_examples(text: str, dimension: str, si: float) -> None:
    assert parse_quantity(text, dimension, "f") == pytest.approx(si, rel=1e-6)


def test_quantity_object_and_numbers() -> None:
    assert parse_quantity(ureg.Quantity(3.0, "mm"), "length", "t") == pytest.approx(3e-3)
    assert parse_quantity(0.25, "dimensionless", "nu") == 0.25
    assert parse_quantity(np.float64(0.5), "length", "t", bare_numbers_are_si=True) == 0.5


def test_array_quantity_gives_si_array() -> None:
    out = parse_quantity(ureg.Quantity(np.array([1.0, 2.0, 3.0]), "mm"), "length", "t")
    assert isinstance(out, np.ndarray)
    np.testing.assert_allclose(out, [1e-3, 2e-3, 3e-3])
    temps = parse_quantity(ureg.Quantity(np.array([0.0, 100.0]), "degC"), "temperature", "T")
    np.testing.assert_allclose(temps, [273.15, 373.15])


def test_wrong_dimension_names_field_and_expected_dimension() -> None:
    with pytest.raises(InputError) as info:
        parse_quantity("5 m", "conductivity", "layer[1].k", source="case.toml")
    text = str(info.value)
    assert text.startswith("case.toml: layer[1].k = '5 m'")
    assert "conductivity" in text and "W/(m*K)" in text and "[length]" in text
    assert info.value.field == "layer[1].k" and info.value.source == "case.toml"


def test_wrong_dimension_for_array_quantity() -> None:
    with pytest.raises(InputError, match="wrong dimension"):
        parse_quantity(ureg.Quantity(np.ones(3), "s"), "length", "t")


@pytest.mark.parametrize("value", [5, 5.0, np.float64(2.0)])
def test_bare_number_rejected_for_dimensional_field(value: float) -> None:
    with pytest.raises(InputError, match="without a unit"):
        parse_quantity(value, "length", "thickness")


def test_bare_number_text_rejected_for_dimensional_field() -> None:
    with pytest.raises(InputError, match="thickness"):
        parse_quantity("5", "length", "thickness")


def test_bare_number_text_message_says_without_unit() -> None:
    with pytest.raises(InputError, match="without a unit"):
        parse_quantity("5", "length", "thickness")


def test_bare_number_text_accepted_when_si_allowed() -> None:
    assert parse_quantity("5", "length", "t", bare_numbers_are_si=True) == 5.0


@pytest.mark.parametrize(
    ("value", "match"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("3 bananas", "not a quantity"),
        (True, "thickness"),
        (None, "thickness"),
        ([1, 2], "thickness"),
        ("nan mm", "finite"),
        ("inf mm", "finite"),
    ],
)
def test_unparseable_values(value: object, match: str) -> None:
    with pytest.raises(InputError, match=match):
        parse_quantity(value, "length", "thickness")


@pytest.mark.parametrize("text", ["5 mm +", "(5 mm"])
def test_malformed_expression_is_input_error(text: str) -> None:
    with pytest.raises(InputError, match="thickness"):
        parse_quantity(text, "length", "thickness")


@pytest.mark.parametrize(
    ("text", "dimension", "si"),
    [("150 W/(m degC)", "conductivity", 150.0), ("5000 W/(m^2 degC)", "heat_transfer_coefficient", 5000.0)],
)
def test_degc_in_compound_unit_is_an_interval(text: str, dimension: str, si: float) -> None:
    try:
        value = parse_quantity(text, dimension, "f")
    except InputError:
        return  # rejecting the ambiguous unit would be acceptable too
    assert value == pytest.approx(si)


def test_unknown_dimension() -> None:
    with pytest.raises(InputError, match="dimension"):
        parse_quantity("5 mm", "lengthiness", "t")


def test_temperature_difference_in_kelvin() -> None:
    assert parse_quantity("5 K", "temperature_difference", "dT") == pytest.approx(5.0)
    assert parse_quantity("5 delta_degC", "temperature_difference", "dT") == pytest.approx(5.0)


def test_temperature_difference_in_degc_is_a_difference() -> None:
    try:
        value = parse_quantity("5 degC", "temperature_difference", "dT")
    except InputError:
        return  # rejecting the ambiguous unit is acceptable too
    assert value == pytest.approx(5.0)


def test_array_quantity_with_nan_rejected() -> None:
    with pytest.raises(InputError):
        parse_quantity(ureg.Quantity(np.array([1.0, np.nan]), "mm"), "length", "t")


def test_nonfinite_message_grammar() -> None:
    with pytest.raises(InputError) as info:
        parse_quantity("inf mm", "length", "t")
    assert "finite a " not in str(info.value)


def test_every_dimension_round_trips_its_si_unit() -> None:
    for dimension, unit in DIMENSIONS.items():
        assert parse_quantity(f"2.5 {unit}", dimension, "x") == pytest.approx(2.5), dimension


@given(st.floats(min_value=1e-9, max_value=1e9, allow_nan=False))
def test_mm_to_m_linear(x: float) -> None:
    assert parse_quantity(f"{x!r} mm", "length", "t") == pytest.approx(x * 1e-3, rel=1e-12)


@given(st.floats(min_value=-200.0, max_value=2000.0, allow_nan=False))
def test_celsius_offset(t: float) -> None:
    assert parse_quantity(f"{t!r} degC", "temperature", "T") == pytest.approx(t + 273.15, abs=1e-9)


# ---- parse_range -------------------------------------------------------------------------------


def test_range_log() -> None:
    p = parse_range("0.1MPa:10MPa:log40", "pressure", "pressure")
    assert p.shape == (40,)
    assert p[0] == pytest.approx(1e5) and p[-1] == pytest.approx(1e7)
    ratios = p[1:] / p[:-1]
    np.testing.assert_allclose(ratios, ratios[0])  # geometric
    assert ratios[0] == pytest.approx(100 ** (1 / 39))


def test_range_linear() -> None:
    t = parse_range("20 degC:30 degC:3", "temperature", "T")
    np.testing.assert_allclose(t, [293.15, 298.15, 303.15])
    x = parse_range("0 mm:1 mm:5", "length", "x")
    np.testing.assert_allclose(np.diff(x), 2.5e-4)


def test_range_list_and_single() -> None:
    np.testing.assert_allclose(parse_range("1 mm, 2 mm,5 mm", "length", "x"), [1e-3, 2e-3, 5e-3])
    single = parse_range("300 K", "temperature", "T")
    assert single.shape == (1,) and single[0] == 300.0
    np.testing.assert_allclose(parse_range(ureg.Quantity(2.0, "MPa"), "pressure", "p"), [2e6])
    assert parse_range("1 MPa:2 MPa:1", "pressure", "p").tolist() == [1e6]


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("1 MPa:2 MPa", "START:STOP:N"),
        ("1 MPa:2 MPa:3:4", "START:STOP:N"),
        ("1 MPa:2 MPa:x", "not an integer"),
        ("1 MPa:2 MPa:logx", "not an integer"),
        ("1 MPa:2 MPa:0", ">= 1"),
        ("1 MPa:2 MPa:-3", ">= 1"),
        ("0 MPa:1 MPa:log5", "positive ends"),
        ("1 MPa:2 m:5", r"pressure"),
        ("1 MPa, 3", "without a unit|dimension"),
    ],
)
def test_range_errors(text: str, match: str) -> None:
    with pytest.raises(InputError, match=match) as info:
        parse_range(text, "pressure", "pressure", source="sweep.toml")
    assert "pressure" in str(info.value) and "sweep.toml" in str(info.value)


def test_format_si() -> None:
    assert format_si(3e5, "kW/m^2") == "300 kW/m²"
    assert format_si(2e6, "MPa") == "2 MPa"
