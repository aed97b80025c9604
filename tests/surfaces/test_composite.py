"""The composite (sum) surface of two rough surfaces (Johnson 1985 §13.1; Greenwood & Tripp 1970)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcrlab.errors import InputError
from tcrlab.surfaces import Topography, composite_topography, rms_height, self_affine


def test_composite_of_a_surface_and_a_flat_is_the_surface() -> None:
    a = self_affine(32, hurst=0.8, rms_slope=0.1, physical_size=1e-4, seed=1)
    flat = Topography(np.zeros((32, 32)), 1e-4)
    assert np.array_equal(composite_topography(a, flat).heights, a.heights)


@given(st.integers(0, 2**16), st.integers(0, 2**16))
def test_composite_variance_is_the_sum_plus_twice_the_covariance(s1: int, s2: int) -> None:
    """Exact identity var(h1 + h2) = var h1 + var h2 + 2 cov(h1, h2); for independent surfaces the
    covariance is small, giving the σ² = σ1² + σ2² of the composite-surface reduction."""
    a = self_affine(32, hurst=0.8, rms_slope=0.1, physical_size=1e-4, seed=s1)
    b = self_affine(32, hurst=0.5, rms_slope=0.2, physical_size=1e-4, seed=s2)
    c = composite_topography(a, b)
    cov = float(np.mean((a.heights - a.heights.mean()) * (b.heights - b.heights.mean())))
    assert rms_height(c) ** 2 == pytest.approx(rms_height(a) ** 2 + rms_height(b) ** 2 + 2 * cov, rel=1e-9)
    assert np.array_equal(c.heights, composite_topography(b, a).heights)  # symmetric


def test_composite_needs_the_same_grid_and_size() -> None:
    a = Topography(np.zeros((8, 8)), 1e-4)
    with pytest.raises(InputError, match="8 × 8"):
        composite_topography(a, Topography(np.zeros((16, 16)), 1e-4))
    with pytest.raises(InputError, match="size"):
        composite_topography(a, Topography(np.zeros((8, 8)), 2e-4))
    assert not composite_topography(a, Topography(np.zeros((8, 8)), 1e-4, periodic=False)).periodic
