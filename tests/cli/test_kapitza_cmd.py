"""`tcrlab kapitza` command."""

import json

import pytest

from tcrlab.cli.main import main
from tcrlab.kapitza import amm_conductance


def run(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main(args)
    out = capsys.readouterr()
    return exc.value.code, out.out, out.err


def test_table(capsys):
    code, out, _ = run(["kapitza", "Si", "Cu", "--T", "0.1K:300K:log4"], capsys)
    assert code == 0
    assert "R_K AMM" in out and "h DMM" in out and "limit" in out and "R·T³" in out


def test_json_and_plot(tmp_path, capsys):
    png = tmp_path / "rk.png"
    code, out, _ = run(["kapitza", "Al", "sapphire", "--T", "1K:300K", "--json", "--plot", str(png)], capsys)
    assert code == 0
    data = json.loads(out)
    assert len(data["T_K"]) == 25
    assert data["h_amm_W_m2K"][-1] == pytest.approx(amm_conductance("Al", "sapphire", 300.0), rel=1e-9)
    assert data["measured"] and png.stat().st_size > 10_000


def test_model_option_and_user_materials(tmp_path, capsys):
    f = tmp_path / "mats.toml"
    f.write_text('[materials.foo]\ndensity = "5000 kg/m^3"\nsound_speed_longitudinal = "5000 m/s"\n'
                 'sound_speed_transverse = "2500 m/s"\n')
    code, out, _ = run(["kapitza", "foo", "Cu", "--T", "2 K", "--model", "dmm", "--materials", str(f),
                        "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert "h_dmm_W_m2K" in data and "h_amm_W_m2K" not in data


@pytest.mark.parametrize("args, needle", [
    (["kapitza", "Si", "Cu", "--T", "0K:10K"], "--T"),
    (["kapitza", "Si", "unobtainium"], "unknown material"),
    (["kapitza", "Si", "paste"], "sound_speed_transverse"),
])
def test_errors(args, needle, capsys, tmp_path):
    f = tmp_path / "m.toml"
    f.write_text('[materials.paste]\ndensity = "2000 kg/m^3"\nsound_speed_longitudinal = "1500 m/s"\n')
    code, _, err = run([*args, "--materials", str(f)], capsys)
    assert code == 2 and err.startswith("error:") and needle in err
