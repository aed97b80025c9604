"""Statistics of height maps against exact values.

Exact references: a single cosine h = A cos(2πx/λ) has Rq = A/√2, Ra = 2A/π, RMS slope (2π/λ)A/√2,
RMS mean curvature (2π/λ)²A/(2√2), skewness 0, kurtosis 3/2 (elementary integrals over a period; the
slope/curvature conventions are those of Jacobs, Junge & Pastewka, Surf. Topogr.: Metrol. Prop. 5,
013001 (2017)). Parseval's theorem fixes the PSD normalisation: (1/A) Σ C(q) = ⟨h²⟩.
"""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcrlab.errors import InputError
from tcrlab.surfaces import (
    Topography,
    arithmetic_mean_height,
    fit_hurst,
    kurtosis,
    mean_absolute_slope,
    power_spectrum,
    power_spectrum_2d,
    rms_curvature,
    rms_height,
    rms_slope,
    self_affine,
    skewness,
    surface_statistics,
)

A = 0.7e-6
L = 64e-6


def cosine(n: int = 256, periods: int = 4, ny: int = 16, axis: int = 0) -> Topography:
    x = np.arange(n) * L / n
    profile = A * np.cos(2 * np.pi * periods * x / L)
    heights = np.repeat(profile[:, None], ny, axis=1)
    size = (L, L * ny / n)
    if axis == 1:
        heights, size = heights.T, size[::-1]
    return Topography(heights, size, periodic=True)


def test_cosine_height_statistics_exact():
    t = cosine()
    k = 2 * np.pi * 4 / L
    assert rms_height(t) == pytest.approx(A / np.sqrt(2), rel=1e-12)
    # Ra = 2A/π for the continuous cosine; N = 64 samples per period (zeros included) give exactly
    # (1/N) Σ|cos(2πk/N)| = (2/N) cot(π/N), which tends to 2/π as N -> ∞ (0.08 % low here)
    n_per = 64
    assert arithmetic_mean_height(t) == pytest.approx(A * 2 / n_per / np.tan(np.pi / n_per), rel=1e-12)
    assert arithmetic_mean_height(t) == pytest.approx(2 * A / np.pi, rel=1e-3)
    assert skewness(t) == pytest.approx(0.0, abs=1e-10)
    assert kurtosis(t) == pytest.approx(1.5, rel=1e-12)
    # spectral slope and curvature are exact for a band-limited periodic map
    assert rms_slope(t, "spectral") == pytest.approx(k * A / np.sqrt(2), rel=1e-12)
    assert rms_curvature(t, "spectral") == pytest.approx(k**2 * A / (2 * np.sqrt(2)), rel=1e-12)
    assert rms_slope(t, "spectral", "y") == pytest.approx(0.0, abs=1e-12 * k * A)


def test_cosine_finite_difference_statistics_match_discrete_transfer_functions():
    t = cosine()
    k = 2 * np.pi * 4 / L
    dx = t.pixel_size[0]
    # forward difference of cos(kx): amplitude 2 sin(kΔ/2)/Δ; five-point Laplacian: 4 sin²(kΔ/2)/Δ²
    fd_k = 2 * np.sin(k * dx / 2) / dx
    assert rms_slope(t, "fd") == pytest.approx(fd_k * A / np.sqrt(2), rel=1e-12)
    assert rms_curvature(t, "fd") == pytest.approx(fd_k**2 * A / (2 * np.sqrt(2)), rel=1e-12)
    # and both tend to the exact value: 64 points per period -> 0.04 % low
    assert rms_slope(t, "fd") == pytest.approx(k * A / np.sqrt(2), rel=1e-3)
    # mean absolute slope of the cosine: (2/π)·kA (up to the same discretisation)
    assert mean_absolute_slope(t, "x") == pytest.approx(2 / np.pi * k * A, rel=2e-3)


def test_cosine_along_y_gives_the_same_slope():
    tx, ty = cosine(), cosine(axis=1)
    assert rms_slope(ty) == pytest.approx(rms_slope(tx), rel=1e-12)
    assert rms_slope(ty, "fd", "y") == pytest.approx(rms_slope(tx, "fd", "x"), rel=1e-12)


def test_parseval_two_dimensional_psd_is_exact():
    t = self_affine((128, 96), 0.7, rms_height=1e-6, physical_size=(50e-6, 40e-6), seed=3)
    _, _, c = power_spectrum_2d(t)
    assert c.sum() / t.area == pytest.approx(rms_height(t) ** 2, rel=1e-12)
    assert rms_height(t) == pytest.approx(1e-6, rel=1e-12)


def test_parseval_isotropic_psd_integral():
    # ⟨h²⟩ = (1/2π) ∫ q C_iso(q) dq; the ring sum replaces the integral, and the lattice-point count
    # of each ring differs from 2πq·Δq/(2π/L)² by O(√q) points: a 2-3 % error at the few lowest rings,
    # which dominate for H = 0.8 (C ∝ q^-3.6). Self-affine between 2π/L and the Nyquist circle.
    for hurst in (0.3, 0.8):
        t = self_affine(256, hurst, rms_slope=0.1, physical_size=L, seed=1)
        q, c = power_spectrum(t)
        dq = 2 * np.pi / L
        integral = np.sum(q * c) * dq / (2 * np.pi)
        assert integral == pytest.approx(rms_height(t) ** 2, rel=0.03)


def test_spectral_rms_slope_from_the_psd_moment():
    t = self_affine(128, 0.8, rms_slope=0.2, seed=5, physical_size=L)
    qx, qy, c = power_spectrum_2d(t)
    q2 = qx[:, None] ** 2 + qy[None, :] ** 2
    assert np.sqrt(np.sum(q2 * c) / t.area) == pytest.approx(0.2, rel=1e-12)


def test_nonperiodic_map_uses_a_window_and_finite_differences():
    t = cosine(ny=256)
    # 193 points = exactly three periods of differences; the map does not repeat (h[0] != h[-1]+step)
    patch = Topography(t.heights[:193, :193], L * 193 / 256, periodic=False)
    # auto method for non-periodic maps is finite differences (no wrap-around jump)
    assert rms_slope(patch) == pytest.approx(rms_slope(patch, "fd"))
    k = 2 * np.pi * 4 / L
    dx = patch.pixel_size[0]
    fd_k = 2 * np.sin(k * dx / 2) / dx
    assert rms_slope(patch) == pytest.approx(fd_k * A / np.sqrt(2), rel=1e-12)
    q, c = power_spectrum(patch)
    assert q[np.argmax(c)] == pytest.approx(k, rel=0.15)


def test_surface_statistics_summary_keys_and_values():
    t = cosine()
    s = surface_statistics(t)
    assert s["rms_height"] == pytest.approx(A / np.sqrt(2))
    assert s["rms_slope"] == s["rms_slope_spectral"]
    assert s["periodic"] is True
    assert s["nb_grid_pts"] == (256, 16)
    flat = surface_statistics(Topography(np.zeros((8, 8)), 1e-3))
    assert flat["rms_height"] == 0 and flat["skewness"] is None and flat["hurst"] is None


def test_bad_arguments_are_named():
    t = cosine()
    with pytest.raises(InputError, match="method"):
        rms_slope(t, "central")
    with pytest.raises(InputError, match="direction"):
        rms_slope(t, "fd", "z")
    with pytest.raises(InputError, match="topography"):
        rms_height(np.zeros((4, 4)))
    with pytest.raises(InputError, match="q_range"):
        fit_hurst(t, q_range=(10.0, 1.0))
    with pytest.raises(InputError, match="Rq = 0"):
        skewness(Topography(np.ones((4, 4)), 1.0))


heights_2d = st.integers(4, 24).flatmap(
    lambda n: st.lists(
        st.floats(-1e-5, 1e-5, allow_nan=False), min_size=n * n, max_size=n * n
    ).map(lambda v, n=n: np.array(v).reshape(n, n))
)


@given(heights_2d, st.floats(0.1, 10.0), st.floats(-1e-3, 1e-3), st.booleans())
def test_invariants_scaling_offset_and_ordering(h, scale, offset, periodic):
    t = Topography(h, 1e-4, periodic=periodic)
    scaled = Topography(scale * h + offset, 1e-4, periodic=periodic)
    atol = 1e-18
    assert rms_height(scaled) == pytest.approx(scale * rms_height(t), rel=1e-8, abs=atol)
    assert rms_slope(scaled, "fd") == pytest.approx(scale * rms_slope(t, "fd"), rel=1e-8, abs=1e-12)
    assert rms_slope(scaled, "spectral") == pytest.approx(
        scale * rms_slope(t, "spectral"), rel=1e-8, abs=1e-12
    )
    # Ra ≤ Rq (Cauchy–Schwarz); |∇h|² = ∂x² + ∂y²; Parseval holds for any map
    assert arithmetic_mean_height(t) <= rms_height(t) * (1 + 1e-12) + atol
    total = rms_slope(t, "fd") ** 2
    parts = rms_slope(t, "fd", "x") ** 2 + rms_slope(t, "fd", "y") ** 2
    assert total == pytest.approx(parts, rel=1e-10, abs=1e-24)
    if periodic:
        _, _, c = power_spectrum_2d(t)
        assert c.sum() / t.area == pytest.approx(rms_height(t) ** 2, rel=1e-9, abs=1e-24)
