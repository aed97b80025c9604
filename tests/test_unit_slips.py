"""Unit slips through the SI Python API warn, naming the SI unit expected (a bare 1.5 for σ is 1.5 m)."""

from __future__ import annotations

import warnings

import pytest

from tcrlab.errors import UnitWarning, ValidityWarning
from tcrlab.joint import Joint
from tcrlab.network import Boundary
from tcrlab.validation import warn_unit_slip


def test_sigma_in_metres_by_mistake_warns_and_names_the_unit() -> None:
    with pytest.warns(UnitWarning, match=r"sigma = 1\.5 m .*SI units \(m\)"):
        r = Joint("SS304", "SS304", pressure=1e6, sigma=1.5, slope=0.1).evaluate()
    assert any("sigma" in w for w in r.warnings)


def test_pressure_in_mpa_by_mistake_warns() -> None:
    with pytest.warns(UnitWarning, match=r"pressure = 1 Pa .*1 MPa is 1e6 Pa"):
        Joint("SS304", "SS304", pressure=1.0, sigma=1.5e-6, slope=0.1).evaluate()


def test_celsius_temperature_by_mistake_warns() -> None:
    with pytest.warns(UnitWarning, match=r"boundary\.sink_temperature = 25 K .*298\.15 K"):
        Boundary(power=10.0, sink_temperature=25.0)
    with pytest.warns(UnitWarning, match=r"temperature = 25 K"):
        Joint("SS304", pressure=1e6, sigma=1.5e-6, slope=0.1, temperature=25.0, gas="vacuum").evaluate()


def test_physical_si_values_and_switched_off_checks_are_silent() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnitWarning)
        Boundary(power=10.0, sink_temperature=298.15)
        Boundary(power=1.0, sink_temperature=4.2, unit_checks=False)
        Joint("SS304", pressure=1e6, sigma=1.5e-6, slope=0.1).evaluate()
        Joint("SS304", pressure=1e6, sigma=1.5e-6, slope=0.1, temperature=20.0, gas="vacuum",
              unit_checks=False).evaluate()


def test_unit_warning_is_a_validity_warning() -> None:
    assert issubclass(UnitWarning, ValidityWarning)
    with pytest.warns(UnitWarning, match=r"x = 2 m"):
        assert warn_unit_slip("x", [0.5, 2.0], 0.0, 1.0, unit="m", hint="h")
    assert not warn_unit_slip("x", [0.5, float("nan")], 0.0, 1.0, unit="m", hint="h")


def test_negative_heat_input_and_inverted_temperatures_are_stated() -> None:
    with pytest.warns(ValidityWarning, match=r"power < 0"):
        Boundary(power=-5.0, sink_temperature=300.0)
    with pytest.warns(ValidityWarning, match=r"hot_temperature is below boundary.sink_temperature"):
        Boundary(hot_temperature=290.0, sink_temperature=300.0)
