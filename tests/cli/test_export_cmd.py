"""`tcrlab export`: a case file to each FE format; bad options end in one message and exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tcrlab.cli.main import main

CASE = """
[joint]
solids = ["SS304", "SS304"]
sigma = "1.5 um"
slope = 0.1
pressure = "1 MPa"
temperature = "300 K"
gas = "vacuum"
emissivity = 0.3
"""


def _run(args: list[str]) -> int:
    with pytest.raises(SystemExit) as exc:
        main(args)
    return int(exc.value.code)


@pytest.fixture
def case(tmp_path: Path) -> Path:
    path = tmp_path / "joint.toml"
    path.write_text(CASE)
    return path


@pytest.mark.parametrize("fmt", ["abaqus", "calculix", "ansys", "comsol", "csv", "json"])
def test_every_format_writes_a_file(case: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"table.{fmt}"
    assert _run(["export", str(case), "--format", fmt, "--pressure-range", "0.1MPa:10MPa",
                 "--out", str(out)]) == 0
    text = out.read_text()
    assert "tcrlab" in text or fmt in ("csv", "json")
    if fmt == "json":
        data = json.loads(text)
        assert data["pressure"][0] == 0 and data["pressure"][1] == pytest.approx(1e5)
        assert np.all(np.diff(np.asarray(data["h_pressure"])[0]) > 0)


def test_stdout_user_grid_and_temperatures(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["export", str(case), "--format", "calculix", "--pressures", "0.1MPa,1MPa,10MPa",
                 "--clearances", "1um", "--temperatures", "300K,400K"]) == 0
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln and not ln.startswith("**")]
    assert lines[0] == "*GAP CONDUCTANCE" and len(lines) == 1 + 4 * 2  # (0 + 3 pressures) × 2 T


@pytest.mark.parametrize("args", [
    ["--format", "nastran"],
    ["--format", "calculix", "--form", "clearance"],
    ["--format", "abaqus", "--pressure-range", "1MPa"],
    ["--format", "abaqus", "--temperatures", "300K", "--temperature-range", "300K:400K"],
    ["--format", "abaqus", "--tol", "0.9"],
    ["--format", "abaqus", "--pressures", "-1MPa,1MPa"],
])
def test_bad_options_exit_2(case: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["export", str(case), *args]) == 2
    assert "Traceback" not in capsys.readouterr().err
