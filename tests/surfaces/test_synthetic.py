"""Synthetic self-affine surfaces: the requested Hurst exponent and RMS slope, read back from the PSD.

Model PSD: C(q) = C0 (q/q_r)^(−2−2H) between the roll-off q_r and the short cutoff q_s (Persson et
al., J. Phys.: Condens. Matter 17, R1 (2005); Jacobs, Junge & Pastewka, Surf. Topogr.: Metrol. Prop.
5, 013001 (2017)). The issue's acceptance check: "the synthetic surface has the requested Hurst
exponent and RMS slope (from its PSD)".
"""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcrlab.errors import InputError
from tcrlab.surfaces import (
    fit_hurst,
    power_spectrum,
    power_spectrum_2d,
    rms_height,
    rms_slope,
    self_affine,
)

L = 100e-6


@pytest.mark.parametrize("n", [128, 256])
@pytest.mark.parametrize("hurst", [0.3, 0.5, 0.8])
def test_requested_hurst_exponent_recovered_from_psd_fit(n, hurst):
    # Random phases with amplitudes √C(q): the sampled PSD is the model PSD exactly, so the only error
    # of the log-log fit is the averaging of the curved q^(−2−2H) over each log-spaced ring and the
    # lattice of wavevectors (measured ≤ 0.004 at 128², ≤ 0.002 at 256²). Tolerance 0.01.
    t = self_affine(n, hurst, rms_slope=0.1, physical_size=L, seed=11)
    assert fit_hurst(t).hurst == pytest.approx(hurst, abs=0.01)


def test_hurst_with_rolloff_and_short_cutoff():
    t = self_affine(256, 0.6, rms_slope=0.1, physical_size=L, short_cutoff=L / 64,
                    long_cutoff=L / 4, seed=4)
    fit = fit_hurst(t)  # the default fit range stays inside the cutoffs recorded in t.info
    assert fit.q_min >= 2 * np.pi / (L / 4) and fit.q_max <= 2 * np.pi / (L / 64)
    assert fit.hurst == pytest.approx(0.6, abs=0.01)
    q, c = power_spectrum(t)
    assert np.all(c[q > 1.01 * 2 * np.pi / (L / 64)] < 1e-20 * c.max())  # only round-off above q_s
    flat = c[(q > 1.5 * 2 * np.pi / L) & (q < 0.8 * 2 * np.pi / (L / 4))]
    assert np.ptp(flat) <= 1e-9 * flat.max()  # the roll-off plateau is flat


def test_hurst_with_random_amplitudes_is_unbiased_over_seeds():
    # Gaussian Fourier coefficients make every PSD point exponentially distributed; the fitted H then
    # scatters with σ ≈ 0.027 at 256² (measured over 30 seeds). The mean of 8 seeds has σ ≈ 0.01:
    # tolerance 0.035 (3.5σ).
    values = [
        fit_hurst(self_affine(256, 0.8, rms_slope=0.1, seed=s, random_amplitudes=True)).hurst
        for s in range(8)
    ]
    assert np.mean(values) == pytest.approx(0.8, abs=0.035)


@pytest.mark.parametrize("hurst", [0.3, 0.8])
def test_requested_rms_slope_is_exact_from_the_psd(hurst):
    t = self_affine(128, hurst, rms_slope=0.37, physical_size=L, seed=2)
    qx, qy, c = power_spectrum_2d(t)
    q2 = qx[:, None] ** 2 + qy[None, :] ** 2
    assert np.sqrt(np.sum(q2 * c) / t.area) == pytest.approx(0.37, rel=1e-12)
    assert rms_slope(t) == pytest.approx(0.37, rel=1e-12)


def test_psd_prefactor_matches_the_continuum_model():
    # Independent of the generator's discrete normalisation: for C_iso = P q^(−2−2H) on [q_r, q_s]
    # plus the plateau C0 below q_r, h'² = (1/2π) ∫ q³ C dq gives
    # P = 2π h'² / [q_r^(2−2H)/4 + (q_s^(2−2H) − q_r^(2−2H))/(2 − 2H)]. Lattice sums vs the integral:
    # measured within 2 %; tolerance 4 %.
    hurst, slope, lr, ls = 0.5, 0.1, L / 8, 4 * L / 256
    t = self_affine(256, hurst, rms_slope=slope, physical_size=L, short_cutoff=ls,
                    long_cutoff=lr, seed=2)
    qs, qr = 2 * np.pi / ls, 2 * np.pi / lr
    p = 2 * np.pi * slope**2 / (qr ** (2 - 2 * hurst) / 4 + (qs ** (2 - 2 * hurst) - qr ** (2 - 2 * hurst)) / (2 - 2 * hurst))
    fit = fit_hurst(t)
    qm = np.sqrt(fit.q_min * fit.q_max)
    assert fit.psd(qm) == pytest.approx(p * qm ** (-2 - 2 * hurst), rel=0.04)


def test_finite_difference_slope_is_close_and_obeys_the_discrete_transfer_function():
    t = self_affine(256, 0.8, rms_slope=0.1, physical_size=L, short_cutoff=4 * L / 256, seed=3)
    # exact (Parseval) relation between forward differences and the PSD: weight 4 sin²(qΔ/2)/Δ²
    qx, qy, c = power_spectrum_2d(t)
    dx, dy = t.pixel_size
    w = (2 * np.sin(qx[:, None] * dx / 2) / dx) ** 2 + (2 * np.sin(qy[None, :] * dy / 2) / dy) ** 2
    assert rms_slope(t, "fd") == pytest.approx(np.sqrt(np.sum(w * c) / t.area), rel=1e-10)
    # with λ_s = 4 pixels the differences lose less than 3 % of the slope (sinc(π/4) = 0.90 at q_s)
    assert 0.97 * 0.1 < rms_slope(t, "fd") < 0.1


def test_rms_height_normalisation_and_zero_mean():
    t = self_affine((128, 64), 0.7, rms_height=2e-6, physical_size=(L, L / 2), seed=8)
    assert t.nb_grid_pts == (128, 64)
    assert t.physical_size == (L, L / 2)
    assert rms_height(t) == pytest.approx(2e-6, rel=1e-12)
    assert abs(t.heights.mean()) < 1e-12 * 2e-6 * 128


def test_reproducible_with_seed():
    a = self_affine(64, 0.8, rms_slope=0.1, seed=42)
    b = self_affine(64, 0.8, rms_slope=0.1, seed=42)
    c = self_affine(64, 0.8, rms_slope=0.1, seed=43)
    assert np.array_equal(a.heights, b.heights)
    assert not np.allclose(a.heights, c.heights)
    assert a.info["seed"] == 42 and a.info["hurst"] == 0.8


def test_non_periodic_patch():
    t = self_affine(128, 0.8, rms_slope=0.2, physical_size=L, seed=1, periodic=False)
    assert t.periodic is False
    assert t.nb_grid_pts == (128, 128)
    assert rms_slope(t, "fd") == pytest.approx(0.2, rel=1e-12)
    assert abs(t.heights.mean()) < 1e-9 * rms_height(t)
    # a quarter of a periodic surface does not repeat: the wrap-around jump is large
    jump = np.abs(t.heights[0] - t.heights[-1]).mean()
    step = np.abs(np.diff(t.heights, axis=0)).mean()
    assert jump > 3 * step


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"rms_slope": 0.1, "rms_height": 1e-6}, "rms_slope/rms_height"),
        ({}, "rms_slope/rms_height"),
        ({"rms_slope": -0.1}, "rms_slope"),
        ({"rms_slope": 0.1, "hurst": 1.2}, "hurst"),
        ({"rms_slope": 0.1, "hurst": 0.0}, "hurst"),
        ({"rms_slope": 0.1, "n": 2}, "n"),
        ({"rms_slope": 0.1, "n": "big"}, "n"),
        ({"rms_slope": 0.1, "short_cutoff": L / 256}, "short_cutoff"),
        ({"rms_slope": 0.1, "short_cutoff": L / 8, "long_cutoff": L / 16}, "long_cutoff"),
        ({"rms_slope": 0.1, "physical_size": -1.0}, "physical_size"),
        ({"rms_slope": 0.1, "physical_size": float("nan")}, "physical_size"),
    ],
)
def test_bad_parameters_raise_input_error(kwargs, field):
    args = {"n": 64, "hurst": 0.8, "physical_size": L, **kwargs}
    with pytest.raises(InputError) as info:
        self_affine(**args)
    assert info.value.field == field


@given(
    st.integers(4, 40), st.integers(4, 40), st.floats(0.05, 1.0), st.floats(1e-3, 10.0),
    st.integers(0, 2**32), st.booleans(),
)
def test_normalisation_holds_for_any_grid(nx, ny, hurst, slope, seed, periodic):
    t = self_affine((nx, ny), hurst, rms_slope=slope, seed=seed, physical_size=(1e-4, 2e-4),
                    periodic=periodic)
    assert t.nb_grid_pts == (nx, ny) and np.isfinite(t.heights).all()
    assert rms_slope(t) == pytest.approx(slope, rel=1e-9)  # spectral if periodic, else fd
