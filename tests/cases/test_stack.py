"""Stack case files: parsing, outputs, variants, overrides."""

import tomllib
from importlib import resources

import numpy as np
import pytest

from tcrlab.cases import build_case
from tcrlab.cases.stack import apply_override, variant_document
from tcrlab.errors import CaseFileError, InputError
from tcrlab.units import ureg

CPU = """
[case]
name = "cpu"
area = "4 cm^2"
[boundary]
heat_flux = "300 kW/m^2"
sink_temperature = "40 degC"
[solver]
conductivity = "reference"
[[layer]]
name = "die"
material = "Si"
thickness = "0.5 mm"
[[layer]]
name = "interface"
kind = "contact"
resistance = "1.2e-4 K m^2/W"
[[layer]]
name = "base"
kind = "conduction"
conductivity = "237 W/(m K)"
thickness = "6 mm"
"""


def test_cpu_case_outputs():
    out = build_case(tomllib.loads(CPU), source="cpu.toml").outputs()
    assert out["dT[interface]"] == pytest.approx(36.0)
    assert out["dT[die]"] == pytest.approx(1.0, abs=0.05)
    assert out["dT[base]"] == pytest.approx(7.6, abs=0.05)
    assert out["bottleneck"] == "interface"
    assert out["R_total_area"] == pytest.approx(0.5e-3 / 148 + 1.2e-4 + 6e-3 / 237, rel=1e-6)
    assert out["T_hot"] == pytest.approx(313.15 + 300e3 * out["R_total_area"])


def test_packaged_cpu_case_and_variants():
    text = resources.files("tcrlab").joinpath("examples", "cpu_heatsink.toml").read_text("utf-8")
    doc = tomllib.loads(text)
    case = build_case(doc, source="cpu_heatsink.toml")
    assert case.outputs()["dT[die / heat-sink interface]"] == pytest.approx(36.0)
    names = [v["name"] for v in case.variants()]
    assert any("vacuum" in n for n in names) and any("paste" in n for n in names)
    air = next(v for v in case.variants() if v["name"].startswith("Al/Al in air"))
    res = build_case(variant_document(doc, air), source="x").outputs()
    # Bergman et al. (2011) Table 3.1(b): Al/Al in air 2.75e-4 m²K/W -> 300 kW/m² × 2.75e-4 = 82.5 K
    assert res["dT[die / heat-sink interface]"] == pytest.approx(82.5)


def test_kinds_tim_convection_resistor_parallel():
    doc = tomllib.loads("""
[case]
width = "1 cm"
length = "1 cm"
[boundary]
power = "1 W"
sink_temperature = "300 K"
[[layer]]
name = "tim"
kind = "tim"
thickness = "50 um"
conductivity = "5 W/(m K)"
[[layer]]
name = "split"
kind = "parallel"
[[layer.branch]]
name = "a"
area_fraction = 0.5
[[layer.branch.layer]]
name = "ra"
kind = "resistor"
resistance = "2 K/W"
[[layer.branch]]
name = "b"
area_fraction = 0.5
[[layer.branch.layer]]
name = "rb"
kind = "resistor"
resistance = "1e-4 K m^2/W"
[[layer]]
name = "air"
kind = "convection"
h = "1000 W/(m^2 K)"
area = "10 cm^2"
""")
    out = build_case(doc, source="k.toml").outputs()
    assert out["R[tim]"] == pytest.approx(50e-6 / 5 / 1e-4)
    assert out["R[rb]"] == pytest.approx(1e-4 / 0.5e-4)
    assert out["R[air]"] == pytest.approx(1.0)
    assert out["R_total"] == pytest.approx(0.1 + 1.0 + 1.0)


def test_array_inputs_broadcast_for_monte_carlo():
    doc = tomllib.loads(CPU)
    doc["layer"][1]["resistance"] = ureg.Quantity(np.array([1e-5, 1.2e-4]), "K m^2/W")
    out = build_case(doc, source="mc").outputs()
    np.testing.assert_allclose(out["dT[interface]"], [3.0, 36.0])


def test_override_by_index_and_name():
    doc = tomllib.loads(CPU)
    d2 = apply_override(doc, "layer[2].resistance=5e-6 K m^2/W")
    assert d2["layer"][1]["resistance"] == "5e-6 K m^2/W"
    d3 = apply_override(doc, "layer[interface].resistance='1e-5 K m^2/W'")
    assert build_case(d3, source="x").outputs()["dT[interface]"] == pytest.approx(3.0)
    assert doc["layer"][1]["resistance"] == "1.2e-4 K m^2/W"  # original untouched
    with pytest.raises(InputError):
        apply_override(doc, "layer[9].thickness=1 mm")


def test_errors_name_file_and_field():
    doc = tomllib.loads(CPU)
    doc["layer"][0]["thickness"] = "-0.5 mm"
    with pytest.raises(InputError) as info:
        build_case(doc, source="bad.toml")
    assert "bad.toml" in str(info.value) and "layer[1].thickness" in str(info.value)
    doc = tomllib.loads(CPU)
    del doc["case"]["area"]
    with pytest.raises(CaseFileError, match=r"bad.toml: case.area is missing"):
        build_case(doc, source="bad.toml")


def test_joint_layer_in_a_stack_when_available():
    joint = pytest.importorskip("tcrlab.cases.joint")
    if not hasattr(joint, "element_from_table"):
        pytest.skip("tcrlab.cases.joint.element_from_table not available")
    doc = tomllib.loads(CPU)
    air = {"kind": "joint", "solids": ["Si", "Al"], "sigma": "1 um", "pressure": "0.1 MPa",
           "gas": "air", "microhardness": "0.4 GPa"}
    vac = dict(air, gas="vacuum")
    results = {}
    for label, table in (("air", air), ("vacuum", vac)):
        d = variant_document(doc, {"name": label, "replace": "interface", "layer": table})
        case = build_case(d, source="j.toml")
        res = case.solve()
        el = res.element("interface")
        # the circuit is self-consistent: the jump equals q''·R'' at the converged face temperatures
        assert el.dT == pytest.approx(3e5 * el.resistance_area, rel=1e-6)
        results[label] = el.resistance_area
    # closing the gas path raises the resistance (constriction and gas gap are parallel paths)
    assert results["vacuum"] > results["air"]


def test_branch_sink_and_own_area_layers():
    doc = tomllib.loads("""
[case]
area = "1 cm^2"
[boundary]
power = "10 W"
sink_temperature = "300 K"
[[layer]]
name = "spread layer"
kind = "conduction"
conductivity = "100 W/(m K)"
thickness = "1 mm"
area = "4 cm^2"
[[layer]]
name = "exits"
kind = "parallel"
[[layer.branch]]
name = "board"
sink_temperature = "350 K"
[[layer.branch.layer]]
name = "board path"
kind = "resistor"
resistance = "20 K/W"
[[layer.branch]]
name = "heat sink"
[[layer.branch.layer]]
name = "sink"
kind = "resistor"
resistance = "1 K/W"
""")
    out = build_case(doc, source="b.toml").outputs()
    assert out["R[spread layer]"] == pytest.approx(1e-3 / (100 * 4e-4))
    # node after the spread layer: (T−300)/1 + (T−350)/20 = 10
    t = (10 + 300 + 350 / 20) / (1 + 1 / 20)
    assert out["T_in[sink]"] == pytest.approx(t)
    assert out["T_hot"] == pytest.approx(t + 10 * 0.025)
    assert out["bottleneck"] == "sink"


def test_convection_reports_its_own_area():
    doc = tomllib.loads(CPU)
    doc["layer"].append({"name": "fins", "kind": "convection", "h": "40 W/(m^2 K)", "area": "0.15 m^2"})
    case = build_case(doc, source="c.toml")
    fins = case.solve().element("fins")
    assert fins.resistance == pytest.approx(1 / (40 * 0.15))
    assert fins.resistance_area == pytest.approx(1 / 40)


def test_branch_errors_name_the_file_position():
    # regression: a bad area_fraction was reported as "a.area_fraction" (the branch's name), not its place
    doc = tomllib.loads(CPU)
    doc["layer"].append({"name": "split", "kind": "parallel", "branch": [
        {"name": "a", "area_fraction": 2.0, "layer": [{"name": "r", "kind": "resistor", "resistance": "2 K/W"}]},
    ]})
    with pytest.raises(InputError, match=r"layer\[4\]\.branch\[1\]\.area_fraction = 2\.0") as info:
        build_case(doc, source="split.toml")
    assert "split.toml" in str(info.value)
