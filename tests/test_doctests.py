"""The Examples sections of the documented modules run and print what they show.

Each module's docstring examples are run with :mod:`doctest` (``ELLIPSIS`` and
``NORMALIZE_WHITESPACE``), so an example whose output drifts from the code fails the default test run.
The rest of the package joins the list as its modules settle; then ``--doctest-modules`` replaces it.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import tcrlab

# Packages and modules whose examples are run (a package brings all its submodules).
DOCTESTED: tuple[str, ...] = (
    "tcrlab._arrays",
    "tcrlab.errors",
    "tcrlab.fileio",
    "tcrlab.units",
    "tcrlab.validation",
    "tcrlab.cases",  # the package itself only
    "tcrlab.cases.kapitza",
    "tcrlab.cases.stack",
    "tcrlab.cases.transient",
    "tcrlab.conductance",
    "tcrlab.electrical",
    "tcrlab.experiment",
    "tcrlab.export",
    "tcrlab.kapitza",
    "tcrlab.materials",
    "tcrlab.mechanics",
    "tcrlab.network",
    "tcrlab.properties",
    "tcrlab.spreading",
    "tcrlab.surfaces",
    "tcrlab.transient",
    "tcrlab.uq",
    "tcrlab.web",
)
# Not this list's to run yet: modules still being reworked.
EXCLUDED: frozenset[str] = frozenset({"tcrlab.spreading.rectangle", "tcrlab.surfaces.parameters"})


def _modules() -> list[str]:
    names: list[str] = []
    for name in DOCTESTED:
        names.append(name)
        module = importlib.import_module(name)
        if hasattr(module, "__path__") and name != "tcrlab.cases":
            names += [m.name for m in pkgutil.walk_packages(module.__path__, prefix=name + ".")]
    return [n for n in names if n not in EXCLUDED]


MODULES = _modules()


def test_the_list_covers_the_documented_packages() -> None:
    assert "tcrlab.kapitza.amm" in MODULES
    assert tcrlab.__name__ == "tcrlab"


@pytest.mark.parametrize("name", MODULES)
def test_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(
        module,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        report=True,
        verbose=False,
    )
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"

