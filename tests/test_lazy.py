"""Lazily exported names: every name a package lists resolves to the object of the module it names,
is kept once loaded, and an unknown name is an AttributeError naming the package."""

from __future__ import annotations

import importlib

import pytest

PACKAGES = ["tcrlab", "tcrlab.conductance", "tcrlab.contact", "tcrlab.electrical", "tcrlab.export",
            "tcrlab.mechanics", "tcrlab.surfaces"]


@pytest.mark.parametrize("name", PACKAGES)
def test_every_listed_name_resolves_and_is_listed_by_dir(name: str) -> None:
    package = importlib.import_module(name)
    for public in package.__all__:
        value = getattr(package, public)
        assert value is getattr(package, public)  # kept: imported once
        assert public in dir(package)
    with pytest.raises(AttributeError, match=rf"module '{name}' has no attribute 'no_such_name'"):
        _ = package.no_such_name


def test_subpackages_of_the_root_load_on_first_use() -> None:
    import tcrlab

    assert tcrlab.network.__name__ == "tcrlab.network"
    assert "network" in dir(tcrlab)
