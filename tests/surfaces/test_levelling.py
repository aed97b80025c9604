"""Levelling removes known polynomial forms exactly (linear least squares reproduces any polynomial
of the fitted degree; on top of a zero-mean periodic cosine that is orthogonal to the form over full
periods, the residual is the cosine itself)."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcrlab.errors import InputError
from tcrlab.surfaces import Topography, level, rms_height

L = 50e-6


def grid(n=64, m=48):
    x = np.arange(n) * L / n
    y = np.arange(m) * (L * m / n) / m
    return np.meshgrid(x, y, indexing="ij"), (L, L * m / n)


def test_tilt_removal_removes_a_known_plane_exactly():
    (x, y), size = grid()
    plane = 3e-7 + 0.02 * x - 0.05 * y
    t = Topography(plane, size, periodic=False)
    out = level(t, "tilt")
    assert np.max(np.abs(out.heights)) < 1e-12 * np.max(np.abs(plane))
    assert out.info["levelling"]["slope_x"] == pytest.approx(0.02, rel=1e-10)
    assert out.info["levelling"]["slope_y"] == pytest.approx(-0.05, rel=1e-10)


def test_tilt_removal_keeps_an_orthogonal_roughness():
    (x, y), size = grid(64, 64)
    rough = 1e-7 * np.cos(2 * np.pi * 3 * x / L) * np.cos(2 * np.pi * 2 * y / L)
    t = Topography(rough + 1e-6 + 0.01 * x + 0.03 * y, size, periodic=False)
    out = t.level("tilt")
    # the plane fit picks up the small projection of the cosine on x and y; the residual keeps Rq
    assert rms_height(out) == pytest.approx(rms_height(Topography(rough, size)), rel=1e-3)


def test_curvature_removal_removes_a_known_quadratic_exactly():
    (x, y), size = grid()
    form = 1e-6 + 0.01 * x + 0.02 * y + 300.0 * x**2 - 150.0 * x * y + 80.0 * y**2
    t = Topography(form, size, periodic=False)
    out = level(t, "curvature")
    assert np.max(np.abs(out.heights)) < 1e-10 * np.ptp(form)
    # a plane alone does not remove the curvature
    assert rms_height(level(t, "tilt")) > 1e-3 * rms_height(t)


def test_mean_and_none():
    (x, _), size = grid()
    t = Topography(5e-6 + 1e-7 * np.sin(x / L * 2 * np.pi), size)
    assert level(t, "none") is t
    out = level(t, "mean")
    assert abs(out.heights.mean()) < 1e-20
    assert out.periodic is True
    with pytest.raises(InputError, match="level"):
        level(t, "cubic")


@given(
    st.floats(-1e-3, 1e-3), st.floats(-1.0, 1.0), st.floats(-1.0, 1.0), st.integers(4, 40),
    st.integers(4, 40),
)
def test_any_plane_is_removed(offset, sx, sy, nx, ny):
    x = np.arange(nx) * 1e-6
    y = np.arange(ny) * 2e-6
    xx, yy = np.meshgrid(x, y, indexing="ij")
    plane = offset + sx * xx + sy * yy
    out = level(Topography(plane, (nx * 1e-6, ny * 2e-6), periodic=False), "tilt")
    scale = max(abs(offset), abs(sx) * x[-1], abs(sy) * y[-1], 1e-30)
    assert np.max(np.abs(out.heights)) <= 1e-9 * scale
