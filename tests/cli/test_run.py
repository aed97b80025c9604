"""`tcrlab run`: table, JSON, plot, overrides."""

import json
from pathlib import Path

import pytest

from tcrlab.cli.main import main

CASE = """
[case]
name = "cpu"
width = "2 cm"
length = "2 cm"
[boundary]
power = "120 W"
sink_temperature = "40 degC"
[solver]
conductivity = "reference"
[[layer]]
name = "silicon die"
material = "Si"
thickness = "0.5 mm"
[[layer]]
name = "interface"
kind = "contact"
resistance = "1.2e-4 K m^2/W"
[[layer]]
name = "aluminium base"
material = "Al"
thickness = "6 mm"
"""


@pytest.fixture
def case_file(tmp_path):
    p = tmp_path / "cpu.toml"
    p.write_text(CASE, encoding="utf-8")
    return p


def _run(args, capsys):
    with pytest.raises(SystemExit) as info:
        main(args)
    out = capsys.readouterr()
    assert info.value.code == 0, out.err
    return out.out


def test_table_names_bottleneck(case_file, capsys):
    out = _run(["run", str(case_file)], capsys)
    assert "Bottleneck: interface" in out
    assert "36.000" in out and "1.014" in out and "7.595" in out


def test_json_parses(case_file, capsys):
    data = json.loads(_run(["run", str(case_file), "--json"], capsys))
    drops = {e["name"]: e["dT_K"] for e in data["elements"]}
    assert drops["interface"] == pytest.approx(36.0)
    assert data["bottleneck"] == "interface"
    assert data["energy_balance"]["relative_error"] < 1e-12
    assert set(data["nodes"]) >= {"hot end", "sink"}


def test_plot_writes_png(case_file, tmp_path, capsys):
    png = tmp_path / "profile.png"
    _run(["run", str(case_file), "--plot", str(png)], capsys)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_set_override(case_file, capsys):
    data = json.loads(_run(["run", str(case_file), "--json", "--set", "layer[2].resistance=5e-6 K m^2/W"], capsys))
    drops = {e["name"]: e["dT_K"] for e in data["elements"]}
    assert drops["interface"] == pytest.approx(1.5)


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("name, bottleneck", [("cpu_heatsink.toml", "die / heat-sink interface"),
                                              ("power_module.toml", "module cell: sink side (h)")])
def test_repo_examples_run(name, bottleneck, capsys):
    data = json.loads(_run(["run", str(EXAMPLES / name), "--json"], capsys))
    assert data["bottleneck"] == bottleneck
    assert data["energy_balance"]["relative_error"] < 1e-12
    # every element carries the input heat in these single-path stacks
    for e in data["elements"]:
        assert e["heat_W"] == pytest.approx(data["heat_input_W"])
    assert sum(e["dT_K"] for e in data["elements"]) == pytest.approx(data["T_hot_K"] - data["T_end_K"])


def test_textbook_chip_example(capsys):
    # Bergman, Lavine, Incropera & DeWitt (2011), ch. 3 worked example (chip on an Al substrate with an
    # epoxy joint, two parallel exits to 25 °C air): published T_c = 75.3 °C
    data = json.loads(_run(["run", str(EXAMPLES / "chip_on_substrate.toml"), "--json"], capsys))
    assert data["T_hot_K"] - 273.15 == pytest.approx(75.3, abs=0.05)
    assert data["heat_input_W"] == pytest.approx(1.0)


JOINT_STACK = """
[case]
name = "plate on a joint"
area = "1 cm^2"
[boundary]
power = "10 W"
sink_temperature = "300 K"
[[layer]]
name = "plate"
material = "Al6061-T6"
thickness = "5 mm"
[[layer]]
name = "bolted joint"
kind = "joint"
solids = ["Al6061-T6", "Al6061-T6"]
sigma = "1 um"
pressure = "1 MPa"
gas = "vacuum"
"""


def test_run_reports_the_joint_layers_warnings(tmp_path, capsys) -> None:
    """The joint's estimated slope must reach the user: on stderr and in the JSON's top-level warnings."""
    path = tmp_path / "joint_stack.toml"
    path.write_text(JOINT_STACK, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["run", str(path), "--json"])
    assert exc.value.code == 0
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    slope = [w for w in doc["warnings"] if "slope m estimated" in w]
    assert slope and slope[0].startswith("bolted joint: ")
    assert "bolted joint: slope m estimated" in captured.err
    with pytest.raises(SystemExit):
        main(["run", str(path)])
    assert "warning: bolted joint: slope m estimated" in capsys.readouterr().err


def test_run_states_a_negative_heat_input(tmp_path, capsys) -> None:
    path = tmp_path / "neg.toml"
    path.write_text(CASE.replace('power = "120 W"', 'power = "-120 W"'), encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["run", str(path)])
    assert exc.value.code == 0
    assert "boundary.power < 0: heat flows from the sink into the hot end" in capsys.readouterr().err


def test_parallel_case_reports_both_paths_and_plots_them(tmp_path, capsys) -> None:
    """Bergman et al. (2011) ch. 3 chip: two parallel exits. The top face used to be 'the bottleneck with
    100 %' and the profile a single line at x = 0; both paths, their heat split and their own largest
    drops must be shown, and the figure must draw both."""
    from tcrlab.cases import load_case

    case = Path(__file__).resolve().parents[2] / "examples" / "chip_on_substrate.toml"
    result = load_case(case).solve()
    flows = {f.branch: f for f in result.branches}
    assert set(flows) == {"top face", "through the substrate"}
    assert float(sum(f.heat for f in flows.values())) == pytest.approx(float(result.heat_input), rel=1e-9)
    assert float(flows["top face"].heat_share) == pytest.approx(0.5031, abs=1e-4)
    assert flows["through the substrate"].bottleneck == "air under the substrate"
    [(name, prof)] = result.branch_profiles
    assert name == "chip cooling/through the substrate" and prof.x[-1] == pytest.approx(8e-3)

    png = tmp_path / "chip.png"
    with pytest.raises(SystemExit):
        main(["run", str(case), "--plot", str(png)])
    out = " ".join(capsys.readouterr().out.split())
    assert "Parallel paths in chip cooling: top face carries 50.3 % of the heat" in out
    assert "through the substrate carries 49.7 %" in out
    assert "↳ air over the chip (top face)" in out
    from tcrlab.plotting.profile import plot_profile

    fig = plot_profile(result)
    lines = fig.axes[0].get_lines()
    assert len(lines) == 2 and max(lines[1].get_xdata()) == pytest.approx(8.0)
    assert png.stat().st_size > 10000
