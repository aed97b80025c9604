"""What a new user hits first: every command here once crashed, accepted a mistake silently or
answered with a misleading message. Each asserts exit code 2 and a message naming the field, or the
corrected output."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tcrlab.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SPEC = "self-affine:n=32,H=0.8,slope=0.1,size=100um,seed=1"


def _run(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out = capsys.readouterr()
    return exc.value.code or 0, out.out, out.err


def test_meterbar_negative_monte_carlo_count_is_an_option_error(capsys) -> None:
    code, _, err = _run(["meterbar", str(EXAMPLES / "meterbar/tim_thickness_series.toml"), "--mc", "-5"], capsys)
    assert code == 2 and "--mc" in err and "Traceback" not in err


def test_meterbar_api_rejects_a_negative_sample_count() -> None:
    from tcrlab.errors import InputError
    from tcrlab.experiment.meterbar import load_meterbar, reduce_meterbar

    data = load_meterbar(EXAMPLES / "meterbar/tim_thickness_series.toml")
    with pytest.raises(InputError, match="mc_samples"):
        reduce_meterbar(data, mc_samples=-5)


def test_meterbar_help_does_not_promise_an_unwritten_default_figure(capsys) -> None:
    code, out, _ = _run(["meterbar", "--help"], capsys)
    text = " ".join(out.split())
    assert code == 0 and "No figure without --plot" in text and "[meterbar.png]" not in text


def test_kapitza_at_a_million_kelvin_is_refused(capsys) -> None:
    code, _, err = _run(["kapitza", "Si", "Cu", "--T", "1e6K"], capsys)
    assert code == 2 and "--T" in err and "5000 K" in err and "no solid" in err


def test_float32_with_an_unreachable_tolerance_is_refused(capsys) -> None:
    code, _, err = _run(["contact", SPEC, "--pressure", "1MPa", "--solids", "SS304", "--float32",
                         "--tol", "1e-8"], capsys)
    assert code == 2 and "tol" in err and "1e-6" in err


def test_temperature_below_absolute_zero_is_reported_as_written(tmp_path, capsys) -> None:
    code, _, err = _run(["run", str(EXAMPLES / "cpu_heatsink.toml"), "--set",
                         "boundary.sink_temperature=-300 degC"], capsys)
    err = " ".join(err.split())
    assert code == 2 and "'-300 degC'" in err and "-26.85 K" in err and "000000" not in err


def test_distribution_dimension_mismatch_names_the_mean_too(tmp_path, capsys) -> None:
    text = (EXAMPLES / "meterbar/joint_mc.toml").read_text()
    path = tmp_path / "mc.toml"
    path.write_text(text.replace('pressure = { dist = "normal", mean = "2 MPa"',
                                 'pressure = { dist = "normal", mean = "2 mm"'))
    code, _, err = _run(["mc", str(path), "-n", "10"], capsys)
    err = " ".join(err.split())
    assert code == 2 and "joint.pressure.mean" in err and "'2 mm'" in err


def test_two_by_two_matrix_is_not_called_a_line_scan(tmp_path, capsys) -> None:
    path = tmp_path / "m.txt"
    path.write_text("1 2\n3 4\n")
    code, _, err = _run(["surface", str(path), "--size", "10um", "--unit", "um"], capsys)
    err = " ".join(err.split())
    assert code == 2 and "line scan" not in err and "3 or fewer columns" in err and "4 × 4" in err


def test_flat_surface_says_flat_not_too_small(tmp_path, capsys) -> None:
    path = tmp_path / "flat.txt"
    np.savetxt(path, np.zeros((32, 32)))
    code, out, _ = _run(["surface", str(path), "--size", "10um", "--unit", "um"], capsys)
    assert code == 0 and "flat surface" in out and "too small" not in out


def test_nan_meterbar_reading_is_named_from_one(tmp_path, capsys) -> None:
    text = (EXAMPLES / "meterbar/tim_thickness_series.toml").read_text()
    path = tmp_path / "nan.toml"
    path.write_text(text.replace("hot = [60.560", "hot = [nan", 1))
    code, _, err = _run(["meterbar", str(path)], capsys)
    assert code == 2 and "run[1].hot[1] = nan" in err and "Quantity" not in err


def test_kapitza_case_table_has_units(capsys) -> None:
    code, out, _ = _run(["run", str(EXAMPLES / "kapitza_si_cu.toml")], capsys)
    assert code == 0 and "T [K]" in out and "h_amm [W/(m²K)]" in out and "R_amm [m²K/W]" in out


@pytest.mark.parametrize("command", [["materials"], ["kapitza", "Si", "Cu", "--T", "1K"]])
@pytest.mark.parametrize("option", ["--materials", "--user-file"])
def test_user_materials_option_has_one_name_everywhere(tmp_path, capsys, command, option) -> None:
    path = tmp_path / "none.toml"
    code, _, err = _run([*command, option, str(path)], capsys)
    assert code == 2 and "none.toml" in err  # the same option, read the same way, by both commands
