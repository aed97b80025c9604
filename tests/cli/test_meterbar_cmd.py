"""``tcrlab meterbar`` and ``tcrlab fit`` on the example data files."""

import json
from pathlib import Path

import pytest

from tcrlab.cli.main import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "meterbar"


def run(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    out = capsys.readouterr()
    return info.value.code, out.out, out.err


def test_meterbar_thickness_series_json_and_plot(tmp_path, capsys):
    png = tmp_path / "mb.png"
    code, out, err = run(["meterbar", str(EXAMPLES / "tim_thickness_series.toml"), "--json", "--plot", str(png),
                          "--mc", "2000"], capsys)
    assert code == 0, err
    data = json.loads(out)
    series = data["thickness_series"]
    # generated with k = 3.0 W/(m K) and 2.0e-5 K m²/W of contact resistance
    k, uk = series["apparent_conductivity"], series["u_apparent_conductivity"]
    r, ur = series["contact_resistance"], series["u_contact_resistance"]
    assert abs(k - 3.0) <= 2 * uk and abs(r - 2e-5) <= 2 * ur
    assert len(data["runs"]) == 3 and data["runs"][0]["quantity"] == "Z"
    assert png.stat().st_size > 1000


def test_meterbar_table(capsys):
    code, out, _ = run(["meterbar", str(EXAMPLES / "bare_interface.csv"), "--mc", "0"], capsys)
    assert code == 0
    assert "R_c" in out and "P8" in out


def test_meterbar_bad_file_exit_2(tmp_path, capsys):
    bad = tmp_path / "rig.csv"
    bad.write_text("bar,position [mm],temperature [degC]\nhot,5\n")
    code, _, err = run(["meterbar", str(bad)], capsys)
    assert code == 2 and "fields" in err
    code, _, err = run(["meterbar", str(tmp_path / "none.toml")], capsys)
    assert code == 2 and "not found" in err


def test_fit_power_and_cmy(tmp_path, capsys):
    data = EXAMPLES / "h_vs_pressure.csv"
    code, out, _ = run(["fit", str(data), "--model", "power", "--json", "--plot", str(tmp_path / "f.png")], capsys)
    assert code == 0
    n = json.loads(out)["parameters"]["n"]
    assert n["ci95"][0] < 0.95 < n["ci95"][1]  # CMY ~ (P/H)^0.95 (Yovanovich 1982 correlation)
    pytest.importorskip("tcrlab.conductance.constriction")
    code, out, err = run(["fit", str(data), "--model", "cmy", "--ks", "16.2 W/(m K)", "--sigma", "1.5 um",
                          "--hardness", "4 GPa", "--json"], capsys)
    assert code == 0, err
    m = json.loads(out)["parameters"]["m"]
    assert m["ci95"][0] < 0.1 < m["ci95"][1]  # generated with m = 0.1
    code, _, err = run(["fit", str(data), "--model", "cmy"], capsys)
    assert code == 2 and "--ks" in err
