"""The package version is one semantic version, the same in pyproject.toml, tcrlab.__version__ and the
newest CHANGELOG.md heading."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import tcrlab

ROOT = Path(__file__).resolve().parent.parent


def test_version_is_semantic_and_consistent() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", declared)  # MAJOR.MINOR.PATCH (semver.org)
    assert tcrlab.__version__ == declared
    headings = re.findall(r"^## \[?(\d+\.\d+\.\d+)\]?", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"),
                          flags=re.MULTILINE)
    assert headings and headings[0] == declared
