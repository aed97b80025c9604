"""Contact-spot labelling: counts, areas, perimeters, periodic wrap-around (hand-countable masks)."""

from __future__ import annotations

import numpy as np
import pytest

from tcrlab.contact.spots import contact_spots


def test_square_and_single_pixel() -> None:
    m = np.zeros((10, 10), bool)
    m[2:5, 2:5] = True  # 3×3 block
    m[7, 7] = True
    s = contact_spots(m, (10.0, 10.0), periodic=False)
    assert s.count == 2
    assert sorted(s.areas) == [1.0, 9.0]
    assert sorted(s.perimeters) == [4.0, 12.0]
    assert s.total_area == 10.0
    assert s.equivalent_radii.max() == pytest.approx(np.sqrt(9 / np.pi))


def test_periodic_wrap_merges_across_edges() -> None:
    m = np.zeros((8, 8), bool)
    m[0, 3] = m[7, 3] = True  # touch through the top/bottom edge
    m[4, 0] = m[4, 7] = True  # touch through the left/right edge
    per = contact_spots(m, (8.0, 8.0), periodic=True)
    flat = contact_spots(m, (8.0, 8.0), periodic=False)
    assert per.count == 2 and flat.count == 4
    assert sorted(per.perimeters) == [6.0, 6.0]
    assert per.labels[0, 3] == per.labels[7, 3] != 0


def test_pixel_size_scaling_and_empty() -> None:
    m = np.zeros((4, 8), bool)
    m[1, 1:3] = True
    s = contact_spots(m, (4e-6, 16e-6), periodic=False)  # pixels 1 µm × 2 µm
    assert s.areas[0] == pytest.approx(2 * 2e-12)
    assert s.perimeters[0] == pytest.approx(2 * 4e-6 + 2 * 1e-6)  # 1 µm × 4 µm rectangle
    assert contact_spots(np.zeros((4, 4), bool), (1.0, 1.0)).count == 0
