"""Meter-bar CSV cells: empty or disguised numbers end in a message naming row and column."""

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
