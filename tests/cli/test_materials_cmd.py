"""`tcrlab materials`: the registry table, one material in full, JSON, filters and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tcrlab.cli.main import cli, main


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(args)
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err


def test_list_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_main(["materials"], capsys)
    assert code == 0, err
    for key in ("Cu", "SS304", "Zircaloy-4", "sapphire", "grease"):
        assert key in out
    assert "401" in out and "8933" in out  # Cu: Incropera k and rho
    assert "c1,c2" in out and "sources" in out


def test_list_json_is_complete_and_si() -> None:
    result = CliRunner().invoke(cli, ["materials", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    rows = {r["key"]: r for r in doc["materials"]}
    assert rows["Si"]["conductivity"] == 148.0
    assert rows["Al"]["conductivity"] == 237.0
    assert rows["SS304"]["has_microhardness_coefficients"] is True
    assert rows["Cu"]["has_acoustic_data"] is True
    assert rows["Al6061-T6"]["youngs_modulus"] == pytest.approx(68.9e9)
    assert all(r["n_sources"] >= 1 for r in rows.values())
    assert "incropera2011" in doc["sources"]


def test_category_filter() -> None:
    result = CliRunner().invoke(cli, ["materials", "--category", "tim", "--json"])
    assert result.exit_code == 0
    cats = {r["category"] for r in json.loads(result.output)["materials"]}
    assert cats == {"tim"}
    result = CliRunner().invoke(cli, ["materials", "--category", "Metal"])
    assert result.exit_code == 0 and "SS304" in result.output and "grease" not in result.output


def test_show_one_with_citations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(["materials", "copper"], capsys)
    assert code == 0
    assert "Copper, pure" in out and "key Cu" in out
    assert "Incropera" in out and "Kittel" in out and "CRC" in out
    assert "k(T)" in out and "482" in out  # k(100 K) from Table A.1
    assert "sound_speed_longitudinal" in out


def test_show_one_json() -> None:
    result = CliRunner().invoke(cli, ["materials", "AISI 304", "--json"])
    assert result.exit_code == 0
    doc = json.loads(result.output)
    assert doc["key"] == "SS304"
    c1 = doc["properties"]["microhardness_c1"]
    assert c1["value"] == pytest.approx(6.271e9) and c1["unit"] == "Pa"
    assert "Hegazy" in c1["source"]
    assert doc["conductivity_table"]["rows"][0] == [100.0, 9.2]
    assert doc["conductivity_table"]["units"] == ["K", "W/(m K)"]


def test_unknown_material_exit_2_with_closest(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_main(["materials", "coper"], capsys)
    assert code == 2
    assert err.startswith("error:") and "coper" in err and "Cu" in err and "closest" in err
    assert "Traceback" not in err


def test_unknown_category_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_main(["materials", "--category", "plastics"], capsys)
    assert code == 2
    assert "--category" in err and "metal" in err and "tim" in err


def test_user_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[materials.Kovar]\naliases = ["kovar"]\nconductivity = "17.3 W/(m K)"\n'
        'density = "8.36 g/cm^3"\nsources = { conductivity = "Carpenter Kovar datasheet (2013)", '
        'density = "Carpenter Kovar datasheet (2013)" }\n',
        encoding="utf-8",
    )
    code, out, _ = run_main(["materials", "kovar", "--user-file", str(path)], capsys)
    assert code == 0 and "17.3" in out and "Carpenter" in out


def test_bad_user_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[materials.X]\nconductivity = "12 kg"\n', encoding="utf-8")
    code, _, err = run_main(["materials", "--user-file", str(path)], capsys)
    assert code == 2 and "materials.X.conductivity" in err and str(path) in err


def test_list_json_lists_the_whole_registry_with_resistivity_and_ranges() -> None:
    result = CliRunner().invoke(cli, ["materials", "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["key"]: r for r in json.loads(result.output)["materials"]}
    assert len(rows) >= 75
    assert rows["C110"]["electrical_resistivity"] == pytest.approx(1.724e-8)  # 1.724 uOhm cm
    assert rows["C110"]["reference_temperature"] == pytest.approx(293.15)
    assert rows["OFHC_RRR100"]["conductivity_table_range"] == [4.0, 300.0]
    assert rows["grease"]["conductivity_table_range"] is None
    solders = CliRunner().invoke(cli, ["materials", "--category", "solder", "--json"])
    assert {r["category"] for r in json.loads(solders.output)["materials"]} == {"solder"}


def test_show_one_prints_resistivity_and_reference_temperature(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(["materials", "Inconel 718"], capsys)
    assert code == 0
    assert "electrical_resistivity" in out and "µΩ·cm" in out and "121" in out  # 1210 uOhm mm
    assert "values at 294.3 K" in out
