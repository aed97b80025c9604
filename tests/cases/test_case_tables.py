"""Unknown top-level tables of a case file are errors naming the closest valid table."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcrlab.cases import build_case, load_document
from tcrlab.cli.main import main
from tcrlab.errors import CaseFileError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _typo(tmp_path: Path, old: str, new: str, extra: str = "") -> Path:
    text = (EXAMPLES / "cpu_heatsink.toml").read_text()
    assert old in text or not old
    path = tmp_path / "case.toml"
    path.write_text((text.replace(old, new) if old else text) + extra)
    return path


def test_misspelt_solver_table_is_an_error_not_a_silent_default(tmp_path) -> None:
    """[solvr] used to drop conductivity = 'reference' without a word and change the answer."""
    path = _typo(tmp_path, "", "", '\n[solvr]\nconductivity = "reference"\n')
    with pytest.raises(CaseFileError, match=r"\[solvr\].*did you mean \[solver\]"):
        build_case(load_document(path), source=str(path))


def test_misspelt_boundary_table_names_the_typo(tmp_path, capsys) -> None:
    path = _typo(tmp_path, "[boundary]", "[boundry]")
    with pytest.raises(SystemExit) as exc:
        main(["run", str(path)])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "[boundry]" in err and "[boundary]" in err
    assert "no heat input" not in err


def test_every_packaged_case_passes_the_table_check() -> None:
    for path in EXAMPLES.glob("*.toml"):
        build_case(load_document(path), source=str(path))
