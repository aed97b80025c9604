"""The docstrings' Examples sections are part of the default test run.

pytest collects them with ``--doctest-modules`` over ``src/tcrlab`` (see ``[tool.pytest.ini_options]``
in ``pyproject.toml``), with ``ELLIPSIS`` and ``NORMALIZE_WHITESPACE``. These tests keep that
configuration from being switched off unnoticed, and check that the examples are really there.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import tomllib
from pathlib import Path

import tcrlab

ROOT = Path(__file__).resolve().parents[1]


def _pytest_options() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["tool"]["pytest"]["ini_options"]


def test_the_default_run_collects_the_docstring_examples() -> None:
    options = _pytest_options()
    assert "--doctest-modules" in options["addopts"]
    assert "src/tcrlab" in options["testpaths"]
    assert {"ELLIPSIS", "NORMALIZE_WHITESPACE"} <= set(options["doctest_optionflags"])


def test_the_package_carries_examples() -> None:
    finder = doctest.DocTestFinder()
    names = [m.name for m in pkgutil.walk_packages(tcrlab.__path__, prefix="tcrlab.")]
    examples = 0
    for name in names:
        tests = finder.find(importlib.import_module(name))
        examples += sum(len(t.examples) for t in tests)
    # Hundreds of example lines across the package; an empty count means the finder sees nothing.
    assert examples > 300
