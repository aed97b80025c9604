"""Building a stack: its inputs are checked when it is made."""

import pytest

from tcrlab.errors import InputError
from tcrlab.network import Boundary, Branch, ContactResistance, ParallelGroup, Stack


def test_bad_area_names_the_field():
    with pytest.raises(InputError) as info:
        Stack((ContactResistance("c", 1e-4),), 0.0, Boundary(power=1.0, sink_temperature=300))
    assert info.value.field == "area"


def test_names_must_be_unique_across_groups():
    group = ParallelGroup("p", (Branch((ContactResistance("c", 1e-4),), "b1"),))
    with pytest.raises(InputError, match="used twice"):
        Stack((ContactResistance("c", 1e-4), group), 1e-4, Boundary(power=1.0, sink_temperature=300))


def test_branch_takes_area_or_fraction_not_both():
    with pytest.raises(InputError) as info:
        Branch((ContactResistance("c", 1e-4),), "b", area=1e-4, area_fraction=0.5)
    assert info.value.field == "b.area"
