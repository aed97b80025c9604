"""The Topography container: validation and conveniences (its core API is used by the contact solver)."""

import numpy as np
import pytest

from tcrlab.errors import InputError
from tcrlab.surfaces import Topography


def test_core_api_and_conveniences():
    h = np.arange(12.0).reshape(4, 3) * 1e-7
    t = Topography(h, (8e-6, 3e-6))
    assert t.nb_grid_pts == (4, 3)
    assert t.pixel_size == pytest.approx((2e-6, 1e-6))
    assert t.area == pytest.approx(24e-12)
    assert t.periodic is True
    x, y = t.coordinates()
    assert np.allclose(x, [0, 2e-6, 4e-6, 6e-6]) and np.allclose(y, [0, 1e-6, 2e-6])
    with pytest.raises(ValueError):
        t.heights[0, 0] = 1.0  # read-only
    u = t.with_heights(2 * h, note="doubled")
    assert u.physical_size == t.physical_size and u.info["note"] == "doubled"
    assert "4×3 points" in repr(t)
    s = t.statistics()
    assert s["nb_grid_pts"] == (4, 3)


@pytest.mark.parametrize(
    ("heights", "size", "field"),
    [
        (np.zeros(8), 1.0, "heights"),
        (np.zeros((1, 8)), 1.0, "heights"),
        (np.array([[0.0, np.nan], [1.0, 2.0]]), 1.0, "heights"),
        (np.array([[0.0, np.inf], [1.0, 2.0]]), 1.0, "heights"),
        (np.zeros((4, 4)), (1.0, -1.0), "physical_size"),
        (np.zeros((4, 4)), (1.0, 2.0, 3.0), "physical_size"),
    ],
)
def test_bad_maps_raise_input_error(heights, size, field):
    with pytest.raises(InputError) as info:
        Topography(heights, size)
    assert info.value.field == field
