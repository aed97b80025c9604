"""The `tcrlab joint` command: table, JSON, plot, case file, sweep CSV and errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tcrlab.cli.main import main

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
