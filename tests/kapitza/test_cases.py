"""Kapitza case files and the Kapitza element in stacks."""

import numpy as np
import pytest

from tcrlab.cases import build_case
from tcrlab.cases.kapitza import element_from_table, from_document, parse_temperatures
from tcrlab.errors import CaseFileError, InputError
from tcrlab.kapitza import amm_conductance, amm_rt3, dmm_conductance
from tcrlab.materials.registry import default_registry
from tcrlab.network.elements import Element

INLINE = {
    "materials": {
        "softium": {"density": "10000 kg/m^3", "sound_speed_longitudinal": "3000 m/s",
                    "sound_speed_transverse": "1500 m/s", "debye_temperature": "200 K"},
        "hardium": {"density": "3000 kg/m^3", "sound_speed_longitudinal": "9000 m/s",
                    "sound_speed_transverse": "5000 m/s", "debye_temperature": "800 K"},
    }
}


def test_kapitza_case_outputs():
    doc = {**INLINE, "kapitza": {"material1": "softium", "material2": "hardium",
                                 "temperature": "1 K:300 K:log5", "convention": "emitted"}}
    case = build_case(doc, source="test.toml")
    out = case.outputs()
    assert case.kind == "kapitza"
    np.testing.assert_allclose(out["T"], np.geomspace(1, 300, 5))
    np.testing.assert_allclose(out["R_amm"] * out["h_amm"], 1.0)
    assert np.all(out["h_radiation"] >= out["h_dmm"])
    assert out["h_amm"][0] == pytest.approx(1.0 / (out["R_amm"][0]))


def test_temperature_parsing_defaults_to_log_spacing():
    t = parse_temperatures("0.1K:300K", "T")
    assert t.size == 25 and t[0] == pytest.approx(0.1) and t[-1] == pytest.approx(300)
    assert np.allclose(np.diff(np.log(t)), np.log(3000) / 24)
    assert parse_temperatures(["4 K", "10 K"], "T").tolist() == [4.0, 10.0]
    with pytest.raises(InputError, match="T"):
        parse_temperatures("0 K", "T")
    with pytest.raises(InputError):
        parse_temperatures("4", "T")  # no unit


def test_case_errors():
    with pytest.raises(CaseFileError, match="material2"):
        from_document({"kapitza": {"material1": "Si", "temperature": "1 K"}}, source="x.toml",
                      registry=default_registry())
    with pytest.raises(InputError, match=r"kapitza\.colour"):
        from_document({"kapitza": {"material1": "Si", "material2": "Cu", "temperature": "1 K",
                                   "colour": 1}}, source="x.toml", registry=default_registry())
    with pytest.raises(InputError, match="models"):
        from_document({"kapitza": {"material1": "Si", "material2": "Cu", "temperature": "1 K",
                                   "models": ["xmm"]}}, source="x.toml", registry=default_registry())


def test_element_protocol_and_values():
    reg = default_registry()
    el = element_from_table({"kind": "kapitza", "materials": ["Si", "Cu"], "model": "dmm"},
                            field="layer[2]", source="s.toml", registry=reg)
    assert isinstance(el, Element)
    assert el.is_interface and el.temperature_dependent and el.kind == "kapitza"
    area = 1e-4
    for t in (0.05, 2.0, 77.0, 300.0):
        expected = 1.0 / dmm_conductance("Si", "Cu", t) / area
        assert el.resistance(area, t, t) == pytest.approx(expected, rel=2e-4)
    # below the table: T⁻³ law; mean of face temperatures
    assert el.resistance(area, 1e-4, 1e-4) == pytest.approx(
        1.0 / dmm_conductance("Si", "Cu", 1e-4) / area, rel=1e-6)
    el2 = element_from_table({"kind": "kapitza", "material1": "Si", "material2": "Cu"},
                             field="layer[1]", source="s.toml", registry=reg)
    assert el2.describe()["R_T3_low_T"] == pytest.approx(amm_rt3("Si", "Cu"), rel=1e-6)
    assert el2.resistance(1.0, 1.1, 0.9) == pytest.approx(1 / amm_conductance("Si", "Cu", 1.0), rel=1e-4)


def test_element_errors():
    reg = default_registry()
    with pytest.raises(InputError, match=r"layer\[3\]\.pressure"):
        element_from_table({"kind": "kapitza", "materials": ["Si", "Cu"], "pressure": "1 MPa"},
                           field="layer[3]", source="s.toml", registry=reg)
    from tcrlab.materials.registry import registry_from_toml

    paste = registry_from_toml({"materials": {"paste": {"density": "2000 kg/m^3"}}}, origin="t")
    with pytest.raises(InputError, match="sound_speed"):
        element_from_table({"kind": "kapitza", "materials": ["Si", "paste"]}, field="layer[3]",
                           source="s.toml", registry=reg.extended(dict(paste.items())))


def test_cryogenic_stack_solves_self_consistently():
    """Si die on a Cu stage at 0.1 K: the Kapitza boundary dominates and its R is evaluated at the
    solved interface temperatures (self-consistency of the T⁻³ law)."""
    pytest.importorskip("tcrlab.cases.stack")
    doc = {
        "case": {"name": "detector", "area": "1 cm^2"},
        "boundary": {"power": "1 uW", "sink_temperature": "0.1 K"},
        "layer": [
            {"name": "Si", "kind": "conduction", "conductivity": "100 W/(m K)", "thickness": "0.5 mm"},
            {"name": "Si/Cu", "kind": "kapitza", "material1": "Si", "material2": "Cu"},
            {"name": "Cu", "kind": "conduction", "conductivity": "400 W/(m K)", "thickness": "1 mm"},
        ],
    }
    out = build_case(doc, source="stack.toml").outputs()
    t_hot = out["T_in[Si/Cu]"]
    t_cold = out["T_in[Cu]"]
    r_expected = 1.0 / amm_conductance("Si", "Cu", 0.5 * (t_hot + t_cold)) / 1e-4
    assert out["R[Si/Cu]"] == pytest.approx(r_expected, rel=1e-3)
    assert out["bottleneck"] == "Si/Cu"


def test_measured_data_file_is_complete():
    from tcrlab.kapitza import measured_conductances

    rows = measured_conductances()
    assert len(rows) >= 5
    for r in rows:
        assert r["source"] and isinstance(r["verified"], bool) and len(r["materials"]) == 2
        assert ("h" in r and r["temperature"] > 0) or ("h_over_T3" in r and r["temperature_range"])
    assert measured_conductances("sapphire", "aluminium")[0]["h"] > 0  # either order, aliases
