"""Sweeps that fail in part exit 3 with the finished rows; blocks are saved as they finish and
``--resume`` continues an interrupted sweep to the same file; sizes are checked before the work."""

import numpy as np
import pandas as pd
import pytest

from tcrlab.cli.main import main
from tcrlab.errors import InputError
from tcrlab.uq.sweep import blocks_folder, run_sweep, write_table

BUILDER = "tcrlab.uq.synthetic:build_linear_case"
CASE = """[linear]
offset = 1.0
coefficients = { x1 = 2.0, x2 = -3.0 }
x1 = 0.5
x2 = 0.25
"""


def _run(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out, err = capsys.readouterr()
    return exc.value.code, out, err


@pytest.fixture
def case(tmp_path):
    path = tmp_path / "lin.toml"
    path.write_text(CASE)
    return path


def test_failed_tasks_exit_3_and_keep_the_finished_rows(case, tmp_path, capsys):
    out = tmp_path / "out.csv"
    code, _, err = _run(["sweep", str(case), "--vary", "linear.x1=0:1:6", "--vary", "linear.mode=single,triple",
                         "--batch", "4", "--workers", "1", "-o", str(out), "--builder", BUILDER, "--no-progress"],
                        capsys)
    assert code == 3
    assert "triple" in err and "task(s) failed" in err
    table = pd.read_csv(out)
    assert len(table) == 12
    good = table["linear.mode"] == "single"
    np.testing.assert_allclose(table.loc[good, "y"], 1 + 2 * table.loc[good, "linear.x1"] - 0.75)
    assert table.loc[~good, "y"].isna().all()
    assert not blocks_folder(out).exists()


def test_unknown_gas_in_a_real_joint_sweep_exits_3(tmp_path, capsys):
    case = tmp_path / "joint.toml"
    case.write_text('[joint]\nsolids = ["SS304", "SS304"]\nsigma = "1.5 um"\nslope = 0.1\npressure = "2 MPa"\n'
                    'temperature = "300 K"\ngas = "air"\ngas_pressure = "1 atm"\n')
    code, _, err = _run(["sweep", str(case), "--vary", "gas=air,xenon", "--workers", "1", "--no-progress"], capsys)
    assert code == 3 and "xenon" in err


@pytest.mark.parametrize("option, value", [("--workers", "0"), ("--workers", "-2"), ("--batch", "0")])
def test_worker_and_batch_counts_are_checked(case, capsys, option, value):
    code, _, err = _run(["sweep", str(case), "--vary", "linear.x1=0:1:3", option, value, "--builder", BUILDER],
                        capsys)
    assert code == 2 and option in err


def test_a_grid_that_cannot_fit_is_refused_before_any_work(case, capsys, monkeypatch):
    monkeypatch.setenv("TCRLAB_MEMORY_LIMIT", "1G")
    code, _, err = _run(["sweep", str(case), "--vary", "linear.x1=0:1:100000", "--vary", "linear.x2=0:1:100000",
                         "--builder", BUILDER, "--no-progress"], capsys)
    assert code == 2
    assert "10,000,000,000 points" in " ".join(err.split()) and "GB" in err


def test_interrupted_sweep_resumes_to_the_same_table(tmp_path):
    doc = {"linear": {"offset": 1.0, "coefficients": {"x1": 2.0, "x2": -3.0}, "x1": 0.5, "x2": 0.25}}
    varies = ["linear.x1=0:1:30", "linear.mode=single,double"]
    whole = run_sweep(doc, varies, builder=BUILDER, batch_size=7).table

    class Interrupt:
        """An executor that stops (as Ctrl-C would) after four finished tasks."""

        name = "serial"

        def map_unordered(self, fn, tasks):
            from tcrlab.uq.executors import _guarded

            for i, task in enumerate(tasks):
                if i == 4:
                    raise KeyboardInterrupt
                yield i, _guarded(fn, task)

    folder = tmp_path / ".out.csv.blocks"
    with pytest.raises(KeyboardInterrupt):
        run_sweep(doc, varies, builder=BUILDER, batch_size=7, blocks=folder, executor=Interrupt())
    assert len(list(folder.glob("block-*.pkl"))) == 4
    resumed = run_sweep(doc, varies, builder=BUILDER, batch_size=7, blocks=folder, resume=True)
    assert resumed.resumed_blocks == 4
    write_table(whole, tmp_path / "a.csv")
    write_table(resumed.table, tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    with pytest.raises(InputError, match="different sweep"):
        run_sweep(doc, ["linear.x1=0:1:31", "linear.mode=single,double"], builder=BUILDER, batch_size=7,
                  blocks=folder, resume=True)
