"""Every picture the README and docs show is in git (a too-wide .gitignore once kept the README's first
image, docs/img/cpu_profile.png, out of the repository)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def _images() -> list[Path]:
    out = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for ref in IMAGE.findall(page.read_text("utf-8")):
            if "://" not in ref:
                out.append((page.parent / ref).resolve())
    return out


def test_every_documented_image_exists_and_is_not_ignored() -> None:
    images = _images()
    assert ROOT / "docs/img/cpu_profile.png" in images
    missing = [str(p.relative_to(ROOT)) for p in images if not p.is_file()]
    assert not missing
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    rel = [str(p.relative_to(ROOT)) for p in images]
    ignored = subprocess.run(["git", "check-ignore", "--no-index", *rel], cwd=ROOT, capture_output=True, text=True)
    assert ignored.stdout.strip() == ""
    tracked = subprocess.run(["git", "ls-files", "--", *rel], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert sorted(set(rel) - set(tracked)) == []
