"""`tcrlab surface`: table, JSON, figure and clear errors (through main(), as a user runs it)."""

import json
from pathlib import Path

import pytest

from tcrlab.cli.main import main

DATA = Path(__file__).parents[1] / "data" / "surfaces"
SPEC = "self-affine:n=128,H=0.8,slope=0.1,size=100um,seed=1"


def run(args, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def test_table_for_a_synthetic_spec(capsys):
    code, out, err = run(["surface", SPEC], capsys)
    assert code == 0, err
    assert "Rq (RMS height)" in out and "Hurst exponent" in out
    assert "0.1" in out  # the requested RMS slope


def test_json_for_a_file_with_levelling(capsys, tmp_path):
    code, out, _ = run(["surface", str(DATA / "sample.x3p"), "--json", "--level", "none"], capsys)
    assert code == 0
    doc = json.loads(out)
    assert doc["nb_grid_pts"] == [32, 24]
    assert doc["rms_height"] == pytest.approx(0.380789e-6, rel=1e-5)  # √((A² + B²)/2), exact map
    assert doc["levelling"] == "none" and doc["periodic"] is False
    code, out, _ = run(["surface", str(DATA / "sample.x3p"), "--json"], capsys)
    assert json.loads(out)["levelling"] == "tilt"  # auto for a measured (non-periodic) map


def test_unitless_file_with_size_and_unit_and_plot(capsys, tmp_path):
    png = tmp_path / "fig" / "surface.png"
    code, out, err = run(
        ["surface", str(DATA / "sample.npy"), "--size", "40 um x 30 um", "--unit", "um",
         "--plot", str(png)],
        capsys,
    )
    assert code == 0, err
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert "figure written" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["surface", str(DATA / "sample.npy")], "does not store its height unit"),
        (["surface", "no-such-file.sur"], "no such file"),
        (["surface", "self-affine:n=64,H=0.8,size=5um"], "exactly one of slope"),
        (["surface", str(DATA / "make_samples.py")], "unknown or unsupported surface file format"),
        (["surface", str(DATA / "sample.gwy"), "--channel", "3"], "channel 3 does not exist"),
    ],
)
def test_errors_are_one_line_messages_with_exit_code_2(capsys, args, message):
    code, _, err = run(args, capsys)
    assert code == 2
    assert err.startswith("error:") and message in " ".join(err.split())
    assert "Traceback" not in err
