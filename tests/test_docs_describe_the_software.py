"""README, docs, benchmarks/README.md and the package describe the software, its validation and its
measurements (with dates) — never how it was made: no numbered rounds of work, issue numbers, search
look-ups or machine paths. These are the checks `grep -riE` would make, kept as a test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEXT_SUFFIXES = {".md", ".py", ".toml", ".txt", ".json", ".cfg", ".ini", ".yaml", ".yml", ".rst", ".csv"}

PROCESS_WORDS = re.compile(r"issue [0-9]|\bcorpus\b|\bcorpora\b|look-ups|task brief|shared/", re.IGNORECASE)  # "incorporate" is fine
ROUNDS_AND_PATHS = re.compile(
    r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[0-9]+(st|nd|rd|th)) session"
    r"|/work/|\.\./shared|CEO",
    re.IGNORECASE,
)


def _text_files(*paths: str) -> list[Path]:
    files: list[Path] = []
    for rel in paths:
        p = ROOT / rel
        if p.is_file():
            files.append(p)
        elif p.is_dir():
            files += [f for f in sorted(p.rglob("*"))
                      if f.is_file() and f.suffix in TEXT_SUFFIXES and "__pycache__" not in f.parts]
    return files


def _hits(pattern: re.Pattern[str], files: list[Path]) -> list[str]:
    hits = []
    for f in files:
        for n, line in enumerate(f.read_text("utf-8", errors="replace").splitlines(), 1):
            if pattern.search(line):
                hits.append(f"{f.relative_to(ROOT)}:{n}: {line.strip()[:120]}")
    return hits


def test_the_scanned_files_exist() -> None:
    assert (ROOT / "README.md").is_file() and (ROOT / "benchmarks" / "README.md").is_file()
    assert len(_text_files("docs")) >= 5 and len(_text_files("src")) >= 50


@pytest.mark.parametrize("pattern", [PROCESS_WORDS], ids=["process-words"])
def test_readme_docs_and_benchmarks_name_no_process(pattern: re.Pattern[str]) -> None:
    assert not _hits(pattern, _text_files("README.md", "docs", "benchmarks"))


def test_no_numbered_rounds_of_work_or_machine_paths() -> None:
    assert not _hits(ROUNDS_AND_PATHS, _text_files("README.md", "docs", "benchmarks/README.md", "src"))


def test_the_patterns_do_catch_what_they_are_for() -> None:
    for bad in ("see issue 18", "the tenth session's run", "measured in the 4th session", "notes in /work/x",
                "the task brief", "65 look-ups in the pages corpus", "../shared/background"):
        assert PROCESS_WORDS.search(bad) or ROUNDS_AND_PATHS.search(bad), bad
    for fine in ("measured 2026-12-02 on a 2-core x86-64 machine", "a shared 2-core machine", "issues a warning"):
        assert not (PROCESS_WORDS.search(fine) or ROUNDS_AND_PATHS.search(fine)), fine
