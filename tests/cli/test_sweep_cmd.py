"""``tcrlab sweep``: tidy CSV/Parquet written atomically, plot, errors."""

import numpy as np
import pandas as pd
import pytest

from tcrlab.cli.main import main

BUILDER = "tcrlab.uq.synthetic:build_linear_case"
LINEAR = "[linear]\noffset = 1.0\ncoefficients = { x1 = 2.0, x2 = -3.0 }\nx1 = 0.5\nx2 = 0.25\n"


def run(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    out = capsys.readouterr()
    return info.value.code, out.out, out.err


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_sweep_writes_tidy_table_and_plot(tmp_path, capsys, suffix):
    case = tmp_path / "lin.toml"
    case.write_text(LINEAR)
    out_file = tmp_path / f"out.{suffix}"
    png = tmp_path / "sweep.png"
    code, out, err = run(["sweep", str(case), "--vary", "linear.x1=0.1:10:log5", "--vary",
                          "linear.mode=single,double", "-o", str(out_file), "--plot", str(png),
                          "--builder", BUILDER], capsys)
    assert code == 0, err
    table = pd.read_csv(out_file) if suffix == "csv" else pd.read_parquet(out_file)
    assert len(table) == 10
    factor = np.where(table["linear.mode"] == "double", 2.0, 1.0)
    np.testing.assert_allclose(table["y"], factor * (1 + 2 * table["linear.x1"] - 0.75), rtol=1e-12)
    assert png.stat().st_size > 1000
    assert "linear.x1" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["lin.toml", out_file.name, "sweep.png"])


@pytest.mark.parametrize(
    ("vary", "words"),
    [("nonsense", "name=START:STOP:N"), ("linear.nothere.x=1:2:3", "not found"), ("x1=1:2:3", "ambiguous"),
     ("linear.x1=1:2:zero", "count")],
)
def test_sweep_bad_vary_exit_2(tmp_path, capsys, vary, words):
    case = tmp_path / "lin.toml"
    case.write_text(LINEAR)
    code, _, err = run(["sweep", str(case), "--vary", vary, "--builder", BUILDER], capsys)
    assert code == 2 and words in err


def test_sweep_bad_output_suffix(tmp_path, capsys):
    case = tmp_path / "lin.toml"
    case.write_text(LINEAR)
    code, _, err = run(["sweep", str(case), "--vary", "linear.x1=1,2", "-o", str(tmp_path / "t.xlsx"),
                        "--builder", BUILDER], capsys)
    assert code == 2 and ".parquet" in err


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--worker-timeout", "0"], ["--worker-timeout", "seconds > 0"]),
        (["--resume"], ["--resume", "-o file"]),
    ],
)
def test_sweep_refuses_bad_run_options_before_running(tmp_path, capsys, extra, words):
    case = tmp_path / "lin.toml"
    case.write_text(LINEAR)
    code, out, err = run(["sweep", str(case), "--vary", "linear.x1=0:1:3", "--builder", BUILDER, *extra], capsys)
    assert code == 2 and out == ""
    for w in words:
        assert w in err


def test_sweep_table_on_screen_is_thinned_to_20_rows(tmp_path, capsys):
    """A long sweep prints 20 evenly spaced rows, first and last included; the file holds all."""
    case = tmp_path / "lin.toml"
    case.write_text(LINEAR)
    out_file = tmp_path / "out.csv"
    code, out, err = run(["sweep", str(case), "--vary", "linear.x1=0:49:50", "-o", str(out_file),
                          "--builder", BUILDER, "--no-progress"], capsys)
    assert code == 0, err
    assert len(pd.read_csv(out_file)) == 50
    rows = [line for line in out.splitlines() if line.startswith("│")]  # the header is drawn with ┃
    assert len(rows) == 20
    assert rows[0].split("│")[1].strip() == "0" and rows[-1].split("│")[1].strip() == "49"
    assert "50 points" in out and f"table: {out_file}" in " ".join(out.split())
