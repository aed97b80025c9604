"""``tcrlab mc``: table, JSON, histogram, reproducibility, errors (through main() for exit codes)."""

import json

import pytest

from tcrlab.cli.main import main

LINEAR = """
[linear]
offset = 1.0
coefficients = { x1 = 2.0, x2 = -3.0 }
x1 = { dist = "normal", mean = 1.0, std = 0.1 }
x2 = { dist = "uniform", low = 0.0, high = 1.0 }
"""
BUILDER = "tcrlab.uq.synthetic:build_linear_case"


def run(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    out = capsys.readouterr()
    return info.value.code, out.out, out.err


def test_mc_json_and_plot(tmp_path, capsys):
    case = tmp_path / "lin.toml"
    case.write_text(LINEAR)
    png = tmp_path / "hist.png"
    code, out, _ = run(["mc", str(case), "-n", "20000", "--seed", "3", "--json", "--plot", str(png),
                        "--builder", BUILDER], capsys)
    assert code == 0
    data = json.loads(out)
    y = data["summary"]["y"]
    assert y["std"] ** 2 == pytest.approx(0.79, rel=0.05)  # analytic: 4(0.1²) + 9/12
    assert data["sensitivity_spearman"]["y"]["linear.x2"] < -0.9
    assert png.stat().st_size > 1000
    code, out2, _ = run(["mc", str(case), "-n", "20000", "--seed", "3", "--json", "--builder", BUILDER,
                         "--workers", "2", "--batch", "4096"], capsys)
    assert json.loads(out2)["summary"] == data["summary"]  # local processes, other batching: identical


def test_mc_table_output(tmp_path, capsys):
    case = tmp_path / "lin.toml"
    case.write_text(LINEAR)
    code, out, _ = run(["mc", str(case), "-n", "1000", "--builder", BUILDER], capsys)
    assert code == 0
    assert "P95" in out and "Spearman" in out and "linear.x2" in out


def test_mc_on_a_stack_case_matches_series_resistance(tmp_path, capsys):
    pytest.importorskip("tcrlab.cases.stack")
    # 120 W through 4 cm²: T_hot is linear in the interface's R'' with slope q'' = 3e5 W/m², so its
    # standard deviation is exactly q''·σ(R'') = 3e5 × 2e-5 = 6 K (resistances in series).
    case = tmp_path / "stack.toml"
    case.write_text("""
[case]
width = "2 cm"
length = "2 cm"
[boundary]
power = "120 W"
sink_temperature = "40 degC"
[solver]
conductivity = "reference"
[[layer]]
name = "die"
kind = "conduction"
material = "Si"
thickness = "0.5 mm"
[[layer]]
name = "interface"
kind = "contact"
resistance = { dist = "normal", mean = "1.2e-4 K m^2/W", std = "0.2e-4 K m^2/W" }
""")
    code, out, err = run(["mc", str(case), "-n", "4000", "--seed", "1", "--json"], capsys)
    assert code == 0, err
    s = json.loads(out)["summary"]["T_hot"]
    assert s["std"] == pytest.approx(6.0, rel=0.05)
    # mean: sink + q"(R"_die + R"_interface) with k_Si(300 K) = 148 W/(m K) from the registry
    assert s["mean"] == pytest.approx(313.15 + 3e5 * (0.5e-3 / 148 + 1.2e-4), abs=0.5)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[linear]\ncoefficients = { x1 = 1.0 }\nx1 = { dist = "cauchy", mean = 1.0 }\n', "unknown distribution"),
        ('[linear]\ncoefficients = { x1 = 1.0 }\nx1 = { dist = "normal", mean = 1.0, std = -1.0 }\n', "negative"),
        ("[linear]\ncoefficients = { x1 = 1.0 }\nx1 = 1.0\n", "no uncertain inputs"),
        ("[linear\n", "not valid TOML"),
    ],
)
def test_mc_bad_inputs_exit_2_with_message(tmp_path, capsys, text, words):
    case = tmp_path / "bad.toml"
    case.write_text(text)
    code, _, err = run(["mc", str(case), "-n", "100", "--builder", BUILDER], capsys)
    assert code == 2
    assert err.startswith("error:") and words in " ".join(err.split())


def test_mc_with_failed_tasks_prints_the_rest_and_exits_3(tmp_path, capsys, monkeypatch):
    """Some tasks fail: the statistics of the evaluated samples are printed, the failures listed on
    stderr, and the exit code is 3 (as for a sweep), so a script cannot mistake the run for complete."""
    import numpy as np

    import tcrlab.uq.montecarlo as montecarlo
    from tcrlab.errors import InputError
    from tcrlab.uq.executors import SerialExecutor
    from tcrlab.uq.synthetic import build_linear_case

    def refuses_large(doc, source="<case>", registry=None):
        case = build_linear_case(doc, source=source)
        if np.max(case.outputs()["y"]) > 10:
            raise InputError("y", float(np.max(case.outputs()["y"])), "<= 10")
        return case

    real = montecarlo.run_monte_carlo

    def run_with_refusals(doc, n, **kwargs):
        return real(doc, n, **{**kwargs, "builder": refuses_large, "executor": SerialExecutor()})

    monkeypatch.setattr(montecarlo, "run_monte_carlo", run_with_refusals)
    case = tmp_path / "lin.toml"
    case.write_text(LINEAR.replace("std = 0.1", "std = 1.2"))  # y > 10 in a few batches
    for extra in ([], ["--json"]):
        code, out, err = run(["mc", str(case), "-n", "8192", "--batch", "1024", "--no-progress", *extra],
                             capsys)
        assert code == 3
        assert "task(s) failed" in err and "<= 10" in err
        failed = int(err.split("task(s) failed (")[1].split(" of 8192")[0])
        assert failed % 1024 == 0 and 0 < failed < 8192
        if extra:
            data = json.loads(out)
            assert data["summary"]["y"]["n"] == 8192 - failed
        else:
            assert "Monte Carlo" in out
