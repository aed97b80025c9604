"""Joint case files, the joint as a stack layer, and the `tcrlab joint` command."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import numpy as np
import pytest

from tcrlab.cases import build_case
from tcrlab.cases.joint import element_from_table
from tcrlab.cli.main import main
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


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(args)
    cap = capsys.readouterr()
    return int(info.value.code or 0), cap.out, cap.err


FLAGS = ["joint", "--solids", "SS304,SS304", "--sigma", "1.5um", "--slope", "0.1", "--pressure", "1MPa",
         "--gas", "air", "--gas-pressure", "1atm", "--temperature", "300K"]


def test_cli_table_json_plot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(FLAGS, capsys)
    assert code == 0 and "h_j" in out and "R_c" in out
    code, out, _ = _run([*FLAGS, "--json"], capsys)
    data = json.loads(out)
    assert data["result"]["h_j"] == pytest.approx(data["result"]["h_c"] + data["result"]["h_g"])
    png = tmp_path / "joint.png"
    code, _, _ = _run([*FLAGS, "--plot", str(png), "--plot-range", "0.1MPa:10MPa:log8"], capsys)
    assert code == 0 and png.stat().st_size > 1000


def test_cli_case_file_and_sweep_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "j.toml"
    case.write_text(CASE)
    csv = tmp_path / "curve.csv"
    code, _, _ = _run(["joint", str(case), "--gas", "He", "--sweep", "pressure=0.1MPa:10MPa:log6",
                       "--out", str(csv)], capsys)
    assert code == 0
    lines = csv.read_text().strip().splitlines()
    assert lines[0].startswith("pressure [Pa],h_c") and len(lines) == 7
    h_c = [float(line.split(",")[1]) for line in lines[1:]]
    assert all(np.diff(h_c) > 0)


@pytest.mark.parametrize(
    "extra,needle",
    [(["--sigma", "-1um"], "sigma"), (["--tac", "1.5"], "tac"), (["--gas", "neon-ish"], "gas"),
     (["--pressure", "50GPa"], "pressure"), (["--sigma", "2 kg"], "sigma"), (["--sweep", "colour=1:2:3"], "sweep")],
)
def test_cli_errors(extra: list[str], needle: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run([*FLAGS, *extra], capsys)
    assert code == 2 and err.startswith("error:") and needle in err


def test_sampled_dimensionless_slope_array() -> None:
    doc = tomllib.loads(CASE)
    doc["joint"]["slope"] = np.array([0.08, 0.1, 0.12])
    out = build_case(doc, source="mc").outputs()
    assert np.shape(out["h_c"]) == (3,) and np.all(np.diff(out["h_c"]) > 0)  # h_c ∝ m (and H_c(m))
