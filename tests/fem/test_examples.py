"""The FE example cases run, balance their energy, and the bolted joint's local-pressure answer differs
from the uniform-pressure one in the physically expected direction (the heat must reach the bolts)."""

import runpy
from pathlib import Path

import pytest

from tcrlab.cases import load_case

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("name", ["die_on_base.toml", "bolted_joint.toml"])
def test_example_cases_balance(name: str) -> None:
    out = load_case(EXAMPLES / "fem" / name).outputs()
    assert abs(out["energy_balance_error"]) < 1e-8
    assert out["T_max"] > out["T_min"]


def test_bolted_example_resistance_exceeds_the_uniform_pressure_answer(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    png = tmp_path / "bolt.png"
    argv = sys.argv
    sys.argv = ["bolted_joint.py", str(png)]
    try:
        runpy.run_path(str(EXAMPLES / "bolted_joint.py"), run_name="__main__")
    finally:
        sys.argv = argv
    text = capsys.readouterr().out
    ratio = float(text.split("resistance is ")[1].split(" ×")[0])
    assert ratio > 1.2
    assert png.stat().st_size > 10_000
