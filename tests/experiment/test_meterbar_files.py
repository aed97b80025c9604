"""Reading meter-bar data files: malformed CSV and TOML end in a message naming the file and the place."""

import pytest

from tcrlab.errors import CaseFileError
from tcrlab.experiment.meterbar import load_meterbar

HEADER = "run,bar,position [mm],temperature [degC]\n"
ROWS = ["1,hot,10,60.0", "1,hot,20,55.0", "1,hot,30,50.0", "1,cold,10,30.0", "1,cold,20,25.0", "1,cold,30,20.0"]


def _write(tmp_path, rows):
    path = tmp_path / "bar.csv"
    path.write_text("# area = 6.45 cm^2\n# hot.material = \"SS304\"\n# cold.material = \"SS304\"\n"
                    + HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("cell, fragment", [
    ("", "column 'temperature' is empty"), ("\u0665\u0665.0", "non-ASCII digit"), ("\u202e55.0", r"U\+202E"),
    ("nan", "not finite"),
])
def test_bad_temperature_cell(tmp_path, cell, fragment):
    rows = list(ROWS)
    rows[1] = f"1,hot,20,{cell}"
    with pytest.raises(CaseFileError, match=fragment) as exc:
        load_meterbar(_write(tmp_path, rows))
    assert "row 3" in str(exc.value)


def test_good_file_reads(tmp_path):
    assert len(load_meterbar(_write(tmp_path, ROWS)).runs) == 1


CSV_HEAD = "# hot.conductivity = 16 W/(m K)\n# cold.conductivity = 16 W/(m K)\n# u_temperature = 0.1 K\n"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("bar,position [mm],temperature [degC]\nhot,5,60,1\n", "fields"),
        ("bar,position [mm]\nhot,5\n", "temperature"),
        ("bar,position [mm],temperature [degC],colour\n", "unknown column"),
        ("bar,position [mm],temperature [degC]\nmiddle,5,60\n", "hot/cold"),
        ("bar,position [mm],temperature [degC]\nhot,5,sixty\n", "not a number"),
        ("bar,position,temperature [degC]\nhot,5,60\n", "needs a unit"),
        ("bar,position [mm],temperature [degC]\nhot,5,60\nhot,15,61\ncold,5,50\n", ">= 2 readings"),
    ],
)
def test_malformed_csv_is_a_clear_error(tmp_path, body, words):
    path = tmp_path / "rig.csv"
    path.write_text(CSV_HEAD + body)
    with pytest.raises(CaseFileError, match=words) as info:
        load_meterbar(path)
    assert str(path) in str(info.value)


def test_malformed_toml_and_missing_file(tmp_path):
    with pytest.raises(CaseFileError, match="not found"):
        load_meterbar(tmp_path / "nope.csv")
    bad = tmp_path / "rig.toml"
    bad.write_text("[rig\n")
    with pytest.raises(CaseFileError, match="not valid TOML"):
        load_meterbar(bad)
    bad.write_text('[rig]\narea = "1 cm^2"\n[rig.hot]\nconductivity = "16 W/(m K)"\npositions = ["5 mm", "15 mm"]\n'
                   '[rig.cold]\nconductivity = "16 W/(m K)"\npositions = ["5 mm", "15 mm"]\n'
                   '[[run]]\nhot = ["60 degC", "61 degC", "62 degC"]\ncold = ["50 degC", "49 degC"]\n')
    with pytest.raises(CaseFileError, match="3 hot readings for 2 positions"):
        load_meterbar(bad)
    bad.write_text(bad.read_text().replace('area = "1 cm^2"', 'aera = "1 cm^2"'))
    with pytest.raises(CaseFileError, match="unknown key"):
        load_meterbar(bad)


@pytest.mark.parametrize(
    ("rows", "words"),
    [
        (["1,hot,10,60.0,,", "1,,20,55.0,,"], "row 3, column 'bar' is empty"),
        (["a,hot,10,60.0,1,", "a,hot,20,55.0,2,"], "run 'a' has two different pressure values"),
        (["1,hot,10,60.0,,0.1", "1,hot,20,55.0,,"], "u_temperature given for only some readings"),
    ],
)
def test_malformed_rows(tmp_path, rows, words):
    path = tmp_path / "rig.csv"
    path.write_text(CSV_HEAD + "run,bar,position [mm],temperature [degC],pressure [MPa],u_temperature [K]\n"
                    + "\n".join(rows) + "\n")
    with pytest.raises(CaseFileError, match=words):
        load_meterbar(path)


def test_metadata_nests_only_hot_and_cold(tmp_path):
    path = tmp_path / "rig.csv"
    path.write_text("# middle.conductivity = 16 W/(m K)\n" + HEADER + "\n".join(ROWS) + "\n")
    with pytest.raises(CaseFileError, match=r"only hot.\* and cold.\* are nested"):
        load_meterbar(path)


def test_comments_only_is_no_data(tmp_path):
    path = tmp_path / "rig.csv"
    path.write_text(CSV_HEAD + "# a comment\n\n")
    with pytest.raises(CaseFileError, match="no data rows"):
        load_meterbar(path)


def test_upper_lower_bars_pressure_and_uncertainties_are_read(tmp_path):
    path = tmp_path / "rig.csv"
    rows = ["a,upper,10,60.0,1,0.2", "a,upper,20,55.0,1,0.2", "a,lower,10,30.0,,0.3",
            "a,lower,20,25.0,,0.3", "b,hot,10,61.0,2,", "b,hot,20,56.0,,", "b,cold,10,31.0,,",
            "b,cold,20,26.0,,"]
    path.write_text(CSV_HEAD + "run,bar,position [mm],temperature [degC],pressure [MPa],u_temperature [K]\n"
                    + "\n".join(rows) + "\n")
    data = load_meterbar(path)
    a, b = data.runs
    assert (a.label, b.label) == ("a", "b")
    assert a.pressure == pytest.approx(1e6) and b.pressure == pytest.approx(2e6)
    assert a.t_hot == pytest.approx([333.15, 328.15]) and a.x_cold == pytest.approx([0.01, 0.02])
    assert a.u_hot == pytest.approx([0.2, 0.2]) and a.u_cold == pytest.approx([0.3, 0.3])
    assert b.u_hot == pytest.approx([0.1, 0.1])  # the rig's u_temperature where a run gives none
    assert data.hot.conductivity == pytest.approx(16.0)
