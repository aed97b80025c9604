"""Joint case files (``[joint]``) and the joint as a stack layer."""

from __future__ import annotations

import tomllib

import numpy as np
import pytest

from tcrlab.cases import build_case
from tcrlab.cases.joint import element_from_table
from tcrlab.errors import InputError
from tcrlab.units import ureg

CASE = """
[case]
name = "SS304 pair in air"
[joint]
solids = ["SS304", "SS304"]
sigma = "1.5 um"
slope = 0.1
pressure = "1 MPa"
temperature = "300 K"
gas = "air"
gas_pressure = "1 atm"
"""


def test_joint_case_outputs() -> None:
    case = build_case(tomllib.loads(CASE), source="case.toml")
    assert case.kind == "joint"
    out = case.outputs()
    assert set(out) == {"h_c", "h_g", "h_r", "h_j", "R_c", "P_over_Hc", "Y", "area_ratio"}
    assert out["R_c"] == pytest.approx(1 / out["h_j"])


def test_joint_case_with_sampled_quantities() -> None:
    doc = tomllib.loads(CASE)
    doc["joint"]["pressure"] = ureg.Quantity(np.array([0.5, 1.0, 2.0]), "MPa")
    out = build_case(doc, source="mc").outputs()
    assert np.shape(out["h_c"]) == (3,) and np.all(np.diff(out["h_c"]) > 0)


def test_case_errors_name_file_and_field() -> None:
    doc = tomllib.loads(CASE)
    doc["joint"]["sigma"] = "1.5"  # no unit
    with pytest.raises(InputError, match=r"case.toml: joint.sigma"):
        build_case(doc, source="case.toml")
    doc = tomllib.loads(CASE)
    doc["joint"]["colour"] = "red"
    with pytest.raises(InputError, match=r"joint\.colour"):
        build_case(doc, source="case.toml")


def test_element_is_temperature_dependent_interface() -> None:
    table = {"name": "die/sink joint", "kind": "joint", "solids": ["Si", "Al6061-T6"], "sigma": "1 um",
             "slope": 0.08, "pressure": "0.3 MPa", "gas": "air", "gas_pressure": "1 atm",
             "microhardness": "2 GPa"}
    el = element_from_table(table, field="layer[2]", source="cpu.toml", registry=None)
    assert el.kind == "joint" and el.is_interface and el.temperature_dependent
    r_cold = el.resistance(4e-4, 310.0, 300.0)
    r_hot = el.resistance(4e-4, 410.0, 400.0)
    assert r_cold > 0 and r_hot != r_cold  # gas k and solid k change with temperature
    assert "h_j_at_input_T" in el.describe()


def test_stack_with_joint_layer_if_available() -> None:
    pytest.importorskip("tcrlab.cases.stack")
    doc = {
        "case": {"name": "CPU with a modelled joint", "width": "2 cm", "length": "2 cm"},
        "boundary": {"power": "120 W", "sink_temperature": "40 degC"},
        "layer": [
            {"name": "die", "kind": "conduction", "material": "Si", "thickness": "0.5 mm"},
            {"name": "joint", "kind": "joint", "solids": ["Si", "Al6061-T6"], "sigma": "1 um", "slope": 0.08,
             "pressure": "0.3 MPa", "gas": "air", "gas_pressure": "1 atm", "microhardness": "2 GPa"},
            {"name": "base", "kind": "conduction", "material": "Al", "thickness": "6 mm"},
        ],
    }
    out = build_case(doc, source="cpu.toml").outputs()
    assert out["dT[joint]"] > 1.0


def test_sampled_dimensionless_slope_array() -> None:
    doc = tomllib.loads(CASE)
    doc["joint"]["slope"] = np.array([0.08, 0.1, 0.12])
    out = build_case(doc, source="mc").outputs()
    assert np.shape(out["h_c"]) == (3,) and np.all(np.diff(out["h_c"]) > 0)  # h_c ∝ m (and H_c(m))
