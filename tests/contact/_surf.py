"""Private helper: a seeded periodic self-affine surface from a power-law PSD (tests/benchmarks only)."""

from __future__ import annotations

import numpy as np

from tcrlab.surfaces import Topography


def self_affine_heights(n: int, hurst: float, rms_slope: float, size: float, seed: int = 0,
                        short_cutoff: float | None = None) -> np.ndarray:
    """Random phases, C(q) ∝ q^-(2+2H) between 2π/L and the cutoff, scaled to the RMS slope."""
    rng = np.random.default_rng(seed)
    qx = 2 * np.pi * np.fft.fftfreq(n, d=size / n)
    qy = 2 * np.pi * np.fft.rfftfreq(n, d=size / n)
    q = np.hypot(qx[:, None], qy[None, :])
    amp = np.zeros_like(q)
    mask = q > 0
    if short_cutoff is not None:
        mask &= q <= 2 * np.pi / short_cutoff
    amp[mask] = q[mask] ** (-(1 + hurst))
    spec = amp * np.exp(2j * np.pi * rng.random(q.shape))
    h = np.fft.irfft2(spec, s=(n, n))
    gx = np.fft.irfft2(1j * qx[:, None] * spec, s=(n, n))
    gy = np.fft.irfft2(1j * qy[None, :] * spec, s=(n, n))
    slope = np.sqrt(np.mean(gx**2 + gy**2))
    return h * (rms_slope / slope)


def self_affine(n: int, hurst: float = 0.8, rms_slope: float = 0.1, size: float = 1e-4,
                seed: int = 0, short_cutoff: float | None = None) -> Topography:
    return Topography(self_affine_heights(n, hurst, rms_slope, size, seed, short_cutoff),
                      (size, size), periodic=True)
