"""`tcrlab transient` and `tcrlab zth`: outputs, files, and bad input ending in one message with exit 2."""

import json
from pathlib import Path

import numpy as np
import pytest

from tcrlab.cli.main import main
from tcrlab.transient import LayeredPath, Resistance, Slab

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "transient_die_attach.toml"
AREA = 1e-4


def _run(args, capsys, code=0):
    with pytest.raises(SystemExit) as info:
        main(args)
    out = capsys.readouterr()
    assert info.value.code == code, out.err
    return out


def _path(r_tim):
    return LayeredPath((Slab("die", 0.4e-3, 130.0, 1.66e6, AREA), Resistance("attach", 0.2),
                        Slab("Cu", 2e-3, 398.0, 3.44e6, AREA), Resistance("TIM", r_tim),
                        Slab("Al", 5e-3, 237.0, 2.44e6, AREA), Resistance("coolant", 0.5)))


def _curve(tmp_path, name, r_tim, *, power=None, noise=0.0, t=None):
    t = np.logspace(-6, 2.5, 400) if t is None else t
    z = _path(r_tim).zth(t) + np.random.default_rng(7).normal(0.0, noise, t.size)
    f = tmp_path / name
    if power is None:
        np.savetxt(f, np.c_[t, z], delimiter=",", header="t [s], Zth [K/W]", comments="")
    else:
        np.savetxt(f, np.c_[t, z * power], delimiter=",", header="t [s], dT [K]", comments="")
    return f


def test_transient_json_steady_state(capsys, tmp_path):
    out = _run(["transient", str(EXAMPLE), "--json", "--no-identify"], capsys)
    data = json.loads(out.out)
    assert data["steady_resistance_K_per_W"] == pytest.approx(data["R_total_K_per_W"], rel=1e-9)
    assert data["Zth_K_per_W"][-1] == pytest.approx(data["R_total_K_per_W"], rel=1e-6)
    assert [i["name"] for i in data["interfaces"]] == ["die attach", "TIM", "coolant"]


def test_transient_table_plot_csv(capsys, tmp_path):
    png, csv = tmp_path / "t.png", tmp_path / "t.csv"
    out = _run(["transient", str(EXAMPLE), "--plot", str(png), "--csv", str(csv)], capsys)
    assert "Steady state Zth(∞) = 1.99179 K/W" in out.out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    rows = np.loadtxt(csv, delimiter=",", skiprows=1)
    assert rows.shape == (200, 3)


def test_zth_dual_and_interface_fit(capsys, tmp_path):
    dry = _curve(tmp_path, "dry.csv", 1.0, power=20.0, noise=0.0025)
    paste = _curve(tmp_path, "paste.csv", 0.3, power=20.0, noise=0.0025)
    out = _run(["zth", str(dry), "--power", "20 W", "--dual", str(paste), "--json"], capsys)
    data = json.loads(out.out)
    jesd = data["jesd51_14"]
    assert jesd["interface_difference_final_K_per_W"] == pytest.approx(0.7, rel=0.02)
    assert 0.25 < jesd["R_thJC_structure_function_method_K_per_W"] < 0.35
    assert data["identification"]["regularization_lambda"] > 0


def test_zth_plot_with_case_marks(capsys, tmp_path):
    curve = _curve(tmp_path, "z.csv", 1.0)
    png = tmp_path / "z.png"
    out = _run(["zth", str(curve), "--case", str(EXAMPLE), "--plot", str(png)], capsys)
    assert "TIM" in out.out and png.exists()


@pytest.mark.parametrize("rows, message", [
    ("t,zth\n" + "\n".join(f"{10 ** (-i / 10)},{0.1}" for i in range(60)), "not strictly increasing"),
    ("t,zth\n" + "\n".join(f"{10 ** (i / 10 - 5)},{'nan' if i == 7 else 0.1}" for i in range(60)), "NaN"),
    ("t,zth\n" + "\n".join(f"{10 ** (i / 10 - 5)},{-1.0 - i}" for i in range(60)), "negative temperature"),
    ("t,zth\n" + "\n".join(f"{10 ** (i / 2 - 5)},{0.1 * i}" for i in range(20)), "too few points per decade"),
])
def test_zth_bad_curves_exit_2(rows, message, capsys, tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text(rows + "\n", encoding="utf-8")
    out = _run(["zth", str(f)], capsys, code=2)
    err = " ".join(out.err.split())
    assert message in err and "Traceback" not in err


def test_zth_pair_never_separates_exit_2(capsys, tmp_path):
    a = _curve(tmp_path, "a.csv", 1.0)
    b = _curve(tmp_path, "b.csv", 1.0)
    out = _run(["zth", str(a), "--dual", str(b)], capsys, code=2)
    assert "never separate" in " ".join(out.err.split())


def test_zth_temperature_needs_power(capsys, tmp_path):
    f = _curve(tmp_path, "dt.csv", 1.0, power=20.0)
    out = _run(["zth", str(f)], capsys, code=2)
    assert "--power" in " ".join(out.err.split())


def test_transient_power_profile(capsys, tmp_path):
    prof = tmp_path / "p.csv"
    prof.write_text("t [s], P [W]\n0, 20\n1, 0\n", encoding="utf-8")
    data = json.loads(_run(["transient", str(EXAMPLE), "--no-identify", "--json", "--profile", str(prof)], capsys).out)
    t = np.array(data["t_s"])
    z = np.array(data["Zth_K_per_W"])
    rise = np.array(data["profile_temperature_rise_K"])
    before = t <= 1.0
    assert rise[before] == pytest.approx(20.0 * z[before], rel=1e-12)  # only the first step so far
    assert abs(rise[-1]) < 1e-6  # switched off long ago: back to the sink temperature
    prof.write_text("t,P\n1,20\n0.5,0\n", encoding="utf-8")
    out = _run(["transient", str(EXAMPLE), "--no-identify", "--profile", str(prof)], capsys, code=2)
    assert "--profile" in out.err


def test_transient_csv_columns_follow_the_case(capsys, tmp_path):
    """With a power and a sink temperature the CSV holds T_junction = T_sink + P·Zth; a --profile adds its
    rise; a case without a power has t and Zth only."""
    prof = tmp_path / "p.csv"
    prof.write_text("t [s], P [W]\n0, 20\n1, 0\n", encoding="utf-8")
    csv = tmp_path / "zth.csv"
    _run(["transient", str(EXAMPLE), "--no-identify", "--csv", str(csv), "--profile", str(prof)], capsys)
    head = csv.read_text(encoding="utf-8").splitlines()[0]
    assert head == "t_s,Zth_K_per_W,T_junction_K,dT_profile_K"
    data = np.loadtxt(csv, delimiter=",", skiprows=1)
    # the example: 20 W into a sink at 25 °C
    assert data[:, 2] == pytest.approx(298.15 + 20.0 * data[:, 1], rel=1e-8)
    no_power = tmp_path / "no_power.toml"
    no_power.write_text(EXAMPLE.read_text(encoding="utf-8").replace('power = "20 W"\n', 'hot_temperature = "80 degC"\n'),
                        encoding="utf-8")
    _run(["transient", str(no_power), "--no-identify", "--csv", str(csv)], capsys)
    assert csv.read_text(encoding="utf-8").splitlines()[0] == "t_s,Zth_K_per_W"


def test_transient_refuses_a_case_without_a_heat_path(capsys):
    case = Path(__file__).resolve().parents[2] / "examples" / "kapitza_si_cu.toml"
    out = _run(["transient", str(case)], capsys, code=2)
    assert "CASE" in out.err and "[[layer]]" in out.err and "[[body]]" in out.err
