"""Bad case files given to `tcrlab run`: one-paragraph message naming file and field, exit code 2."""

import pytest

from tcrlab.cli.main import main

GOOD = """
[case]
name = "cpu"
area = "4 cm^2"
[boundary]
power = "120 W"
sink_temperature = "40 degC"
[[layer]]
name = "die"
kind = "conduction"
material = "Si"
thickness = "0.5 mm"
[[layer]]
name = "interface"
kind = "contact"
resistance = "1.2e-4 K m^2/W"
"""

# (name, text or None for a missing file, expected fragments of the message)
CASES = [
    ("missing_thickness", GOOD.replace('thickness = "0.5 mm"', ""), ["layer[1].thickness", "missing"]),
    ("wrong_units", GOOD.replace('"0.5 mm"', '"0.5 W"'), ["layer[1].thickness", "length"]),
    ("negative_thickness", GOOD.replace('"0.5 mm"', '"-0.5 mm"'), ["layer[1].thickness", "> 0"]),
    ("negative_conductivity", GOOD.replace('material = "Si"', 'conductivity = "-148 W/(m K)"'),
     ["layer[1].conductivity", "> 0"]),
    ("unknown_material", GOOD.replace('"Si"', '"unobtainium"'), ["layer[1].material", "unobtainium"]),
    ("malformed_toml", GOOD.replace("[boundary]", "[boundary"), ["not valid TOML"]),
    ("no_fixed_temperature", GOOD.replace('sink_temperature = "40 degC"', ""), ["sink_temperature",
                                                                              "fixed temperature"]),
    ("unknown_kind", GOOD.replace('kind = "contact"', 'kind = "glue"'), ["layer[2].kind", "glue", "contact"]),
    ("missing_file", None, ["case file not found"]),
    ("bare_number", GOOD.replace('"0.5 mm"', "0.5"), ["layer[1].thickness", "without a unit"]),
    ("zero_area", GOOD.replace('"4 cm^2"', '"0 cm^2"'), ["area", "> 0"]),
    ("negative_resistance", GOOD.replace('"1.2e-4 K m^2/W"', '"-1e-4 K m^2/W"'), ["layer[2].resistance", ">= 0"]),
    ("unknown_field", GOOD.replace('resistance = "1.2e-4 K m^2/W"', 'resistanse = "1.2e-4 K m^2/W"'),
     ["layer[2].resistanse", "unknown field"]),
    ("no_heat_input", GOOD.replace('power = "120 W"', ""), ["boundary", "power"]),
    ("over_specified", GOOD.replace('power = "120 W"', 'power = "120 W"\nheat_flux = "3 kW/m^2"'),
     ["boundary", "exactly one"]),
    ("no_layers", GOOD.split("[[layer]]")[0], ["no case kind recognised", "[[layer]]"]),
    ("not_a_quantity", GOOD.replace('"120 W"', '"lots of W"'), ["boundary.power", "not a quantity"]),
    ("missing_area", GOOD.replace('area = "4 cm^2"', ""), ["case.area", "missing"]),
    ("contact_without_resistance", GOOD.replace('resistance = "1.2e-4 K m^2/W"', ""),
     ["layer[2].resistance", "missing"]),
    ("bad_solver_mode", GOOD + '\n[solver]\nconductivity = "sometimes"\n', ["solver.conductivity"]),
    ("duplicate_names", GOOD.replace('name = "interface"', 'name = "die"'), ["die", "used twice"]),
    ("negative_h", GOOD + '\n[[layer]]\nname = "air"\nkind = "convection"\nh = "-10 W/(m^2 K)"\n',
     ["layer[3].h", "> 0"]),
]


@pytest.mark.parametrize("name, text, fragments", CASES, ids=[c[0] for c in CASES])
def test_bad_input_message_and_exit_code(tmp_path, capsys, name, text, fragments):
    path = tmp_path / f"{name}.toml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    plot = tmp_path / "out.png"
    with pytest.raises(SystemExit) as info:
        main(["run", str(path), "--plot", str(plot)])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert "Traceback" not in err
    flat = " ".join(err.split())
    assert str(path.name) in flat  # the file is named
    for fragment in fragments:
        assert fragment in flat, (fragment, flat)
    assert not plot.exists()  # nothing written on error
    assert list(tmp_path.glob(".out.png*")) == []


def test_bad_plot_format_writes_nothing(tmp_path, capsys):
    path = tmp_path / "good.toml"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["run", str(path), "--plot", str(tmp_path / "profile.xyz")])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "--plot" in err and ".png" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == [path]


def test_non_convergence_is_reported(tmp_path, capsys):
    path = tmp_path / "stiff.toml"
    path.write_text(GOOD.replace('material = "Si"', 'material = "Si"\n') + '\n[solver]\nmax_iterations = 1\n'
                    'tolerance = "1e-14 K"\n', encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["run", str(path)])
    assert info.value.code == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "stiff.toml" in err and "max_iterations" in err


def test_bad_override(tmp_path, capsys):
    path = tmp_path / "good.toml"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["run", str(path), "--set", "layer[7].resistance=1e-5 K m^2/W"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "good.toml" in err and "--set" in err


# --- output paths that cannot be written (regression: these ended in a FileNotFoundError traceback) ---
def _blocked(tmp_path):
    """A path whose parent 'folder' is a regular file, so nothing can be written there (even as root)."""
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x", encoding="utf-8")
    return blocker / "out.png"


JOINT_FLAGS = ["joint", "--solids", "SS304", "--sigma", "1um", "--slope", "0.1", "--pressure", "1MPa"]


@pytest.mark.parametrize("args, option", [
    (["demo", "--plot", "{p}"], "--plot"),
    (["demo", "--compare-plot", "{p}"], "--compare-plot"),
    ([*JOINT_FLAGS, "--plot", "{p}"], "--plot"),
    ([*JOINT_FLAGS, "--sweep", "pressure=1MPa:2MPa:3", "--out", "{p}"], "--out"),
    (["surface", "self-affine:n=32,H=0.8,slope=0.1,size=100um,seed=1", "--plot", "{p}"], "--plot"),
], ids=["demo-plot", "demo-compare", "joint-plot", "joint-sweep-out", "surface-plot"])
def test_unwritable_output_path_is_an_input_error(tmp_path, capsys, args, option):
    target = _blocked(tmp_path)
    with pytest.raises(SystemExit) as info:
        main([a.replace("{p}", str(target)) for a in args])
    assert info.value.code == 2
    err = " ".join(capsys.readouterr().err.split())
    assert err.startswith("error: ") and "Traceback" not in err
    assert option in err and "writable folder" in err


def test_run_unwritable_plot_path(tmp_path, capsys):
    path = tmp_path / "good.toml"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["run", str(path), "--plot", str(_blocked(tmp_path))])
    assert info.value.code == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "--plot" in err and "writable folder" in err and "Traceback" not in err


def test_plot_path_that_is_a_directory(tmp_path, capsys):
    path = tmp_path / "good.toml"
    path.write_text(GOOD, encoding="utf-8")
    folder = tmp_path / "figs.png"
    folder.mkdir()
    with pytest.raises(SystemExit) as info:
        main(["run", str(path), "--plot", str(folder)])
    assert info.value.code == 2
    assert "directory" in capsys.readouterr().err


@pytest.mark.parametrize("power", ["0 W", "0 kW"])
def test_zero_heat_input_is_rejected(tmp_path, capsys, power):
    # regression: power = 0 printed R_total = inf and a meaningless bottleneck
    path = tmp_path / "good.toml"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["run", str(path), "--set", f"boundary.power={power}"])
    assert info.value.code == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "boundary.power" in err and "non-zero" in err


def test_absurd_thickness_is_reported_not_printed(tmp_path, capsys):
    # regression: a 1e300 m layer printed temperatures of 1e303 K with a 1e293 energy-balance error
    path = tmp_path / "good.toml"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["run", str(path), "--set", "layer[1].thickness=1e300 m"])
    assert info.value.code == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "energy" in err and "unit mistakes" in err


@pytest.mark.parametrize("extra, option", [
    (["--sweep", "pressure=1MPa:2MPa:3", "--plot", "p.png"], "--plot"),
    (["--out", "curve.csv"], "--out"),
])
def test_joint_options_that_would_be_ignored(tmp_path, capsys, extra, option):
    # regression: --plot with --sweep, and --out without --sweep, were silently ignored
    args = [a if not a.endswith((".png", ".csv")) else str(tmp_path / a) for a in extra]
    with pytest.raises(SystemExit) as info:
        main([*JOINT_FLAGS, *args])
    assert info.value.code == 2
    assert option in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_joint_plot_range_without_plot(capsys):
    # regression: --plot-range without --plot was silently ignored
    with pytest.raises(SystemExit) as info:
        main([*JOINT_FLAGS, "--plot-range", "1MPa:2MPa:5"])
    assert info.value.code == 2
    assert "--plot-range" in capsys.readouterr().err


def test_surface_channel_for_a_synthetic_surface(capsys):
    # regression: --channel was silently ignored for a synthetic specification
    with pytest.raises(SystemExit) as info:
        main(["surface", "self-affine:n=32,H=0.8,slope=0.1,size=100um,seed=1", "--channel", "1"])
    assert info.value.code == 2
    assert "channel" in capsys.readouterr().err
