"""Several sources on one plate: superposition invariants, agreement with the single-source series."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tcrlab.errors import InputError
from tcrlab.spreading import RectSource, multiple_sources, rectangle_spreading

PLATE = (0.06, 0.04)
LAYERS = [(0.002, 390.0), (0.004, 170.0)]


def test_one_source_matches_the_single_source_series():
    r = multiple_sources([RectSource(0.02, 0.015, 0.012, 0.01, 30.0)], *PLATE, LAYERS, 2000.0)
    s = rectangle_spreading(0.012, 0.01, *PLATE, LAYERS, 2000.0, xc=0.02, yc=0.015, rtol=1e-6)
    assert r.mean_rise[0] == pytest.approx(30.0 * s.total, rel=1e-4)
    assert r.mean_error[0] < 1e-3 * r.mean_rise[0]
    assert r.max_rise[0] > r.mean_rise[0]


@settings(max_examples=15)
@given(st.floats(0.2, 0.8), st.floats(1.0, 50.0))
def test_splitting_a_source_changes_nothing(frac, q):
    # superposition: one source = its two halves with the same flux (mean = power-weighted mean of halves)
    x0, w, y0, b = 0.01, 0.02, 0.02, 0.012
    whole = multiple_sources([RectSource(x0 + w / 2, y0, w, b, q)], *PLATE, LAYERS, 800.0, modes=256)
    w1 = frac * w
    halves = multiple_sources(
        [RectSource(x0 + w1 / 2, y0, w1, b, q * frac), RectSource(x0 + w1 + (w - w1) / 2, y0, w - w1, b, q * (1 - frac))],
        *PLATE, LAYERS, 800.0, modes=256)
    assert np.dot([frac, 1 - frac], halves.mean_rise) == pytest.approx(whole.mean_rise[0], rel=1e-9)
    assert max(halves.max_rise) == pytest.approx(whole.max_rise[0], rel=2e-3)  # grids differ


def test_linear_in_power_and_reciprocal():
    srcs = [RectSource(0.015, 0.02, 0.01, 0.01, 10.0), RectSource(0.045, 0.02, 0.008, 0.014, 25.0)]
    r = multiple_sources(srcs, *PLATE, LAYERS, 1500.0)
    r2 = multiple_sources([RectSource(s.x, s.y, s.length, s.width, 2 * s.power) for s in srcs], *PLATE, LAYERS, 1500.0)
    np.testing.assert_allclose(r2.mean_rise, 2 * r.mean_rise, rtol=1e-12)
    np.testing.assert_allclose(r2.max_rise, 2 * r.max_rise, rtol=1e-12)
    np.testing.assert_allclose(r.influence, r.influence.T, rtol=1e-12)
    # a neighbour heats a source: its rise exceeds the one it has alone
    alone = multiple_sources(srcs[:1], *PLATE, LAYERS, 1500.0)
    assert r.mean_rise[0] > alone.mean_rise[0]


def test_overlapping_sources_are_refused():
    srcs = [RectSource(0.02, 0.02, 0.01, 0.01, 5.0), RectSource(0.025, 0.02, 0.01, 0.01, 5.0, "B")]
    with pytest.raises(InputError, match="overlaps") as exc:
        multiple_sources(srcs, *PLATE, LAYERS)
    assert exc.value.field == "sources[2]"


def test_touching_sources_are_fine_and_outside_ones_refused():
    multiple_sources([RectSource(0.015, 0.02, 0.01, 0.01, 5.0), RectSource(0.025, 0.02, 0.01, 0.01, 5.0)],
                     *PLATE, LAYERS)
    with pytest.raises(InputError, match="beyond the plate edge") as exc:
        multiple_sources([RectSource(0.058, 0.02, 0.01, 0.01, 5.0, "edge")], *PLATE, LAYERS)
    assert exc.value.field == "edge.x"
    with pytest.raises(InputError, match="larger than the plate"):
        multiple_sources([RectSource(0.03, 0.02, 0.07, 0.01, 5.0)], *PLATE, LAYERS)
