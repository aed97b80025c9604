"""The registry of spreading solutions: one entry per function, each with a source and a validity."""

import pytest

import tcrlab.spreading as sp
from tcrlab.errors import InputError


def test_every_entry_names_a_public_function_its_source_and_range():
    for name, entry in sp.SOLUTIONS.items():
        assert entry.name == name
        assert getattr(sp, entry.function.__name__) is entry.function
        assert entry.source and entry.validity and entry.inputs
        assert "References" in (entry.function.__doc__ or "") or "see :func:" in (entry.function.__doc__ or "")


def test_lookup():
    assert sp.get_solution("Rectangle_Compound").function is sp.rectangle_resistance_compound
    with pytest.raises(InputError, match="one of"):
        sp.get_solution("ellipse")
