"""Synthetic self-affine (fractal) surfaces by Fourier filtering of random phases.

The PSD model (Persson et al., "On the nature of surface roughness with application to contact
mechanics, sealing, rubber friction and adhesion", J. Phys.: Condens. Matter 17, R1 (2005); Jacobs,
Junge & Pastewka, Surf. Topogr.: Metrol. Prop. 5, 013001 (2017), eq. for the self-affine PSD with
roll-off) is isotropic:

    C(q) = C0                       for q < q_r        (roll-off, q_r = 2π/λ_r, the long cutoff)
    C(q) = C0 (q/q_r)^(−2−2H)       for q_r ≤ q ≤ q_s  (self-affine, Hurst exponent H)
    C(q) = 0                        for q > q_s        (q_s = 2π/λ_s, the short cutoff)

with C(0) = 0 (zero mean) and C0 fixed by the requested RMS slope or RMS height. Fourier amplitudes are
√C(q) with uniformly random phases (``random_amplitudes=True`` also draws Rayleigh-distributed
amplitudes, i.e. complex Gaussian coefficients). Heights are Gaussian by the central limit theorem.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.fft
from numpy.typing import NDArray

from tcrlab.errors import InputError
from tcrlab.surfaces.topography import Topography
from tcrlab.validation import require_in_range, require_positive

__all__ = ["self_affine"]


MAX_POINTS = 1 << 28  # 16384 × 16384; the generator works on a (2nx) × (2ny) complex grid


def _whole(value: object) -> int:
    """An integer value (int, integral float, numpy integer); bool and fractions raise TypeError."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError
    if not float(value).is_integer():
        raise TypeError
    return int(value)


def _grid(n: int | Sequence[int]) -> tuple[int, int]:
    try:
        nx, ny = (_whole(n), _whole(n)) if np.isscalar(n) else (_whole(n[0]), _whole(n[1]))  # type: ignore[index]
        if not np.isscalar(n) and len(n) != 2:  # type: ignore[arg-type]
            raise TypeError
    except (TypeError, ValueError, IndexError, OverflowError):
        raise InputError("n", n, "an integer or a pair (nx, ny) of integers >= 4") from None
    if min(nx, ny) < 4:
        raise InputError("n", n, "grid sizes >= 4 points")
    if nx * ny > MAX_POINTS:
        raise InputError("n", n, f"at most {MAX_POINTS:,} grid points (nx × ny)",
                         problem="too large to generate in memory")
    return nx, ny


def _rng(seed: object) -> np.random.Generator:
    if seed is not None:
        try:
            seed = _whole(seed)
        except TypeError:
            raise InputError("seed", seed, "an integer >= 0 or None") from None
        if seed < 0:
            raise InputError("seed", seed, "an integer >= 0 or None")
    return np.random.default_rng(seed)


def _size(physical_size: float | Sequence[float]) -> tuple[float, float]:
    size = (
        (physical_size, physical_size) if np.isscalar(physical_size) else tuple(physical_size)  # type: ignore[arg-type]
    )
    if len(size) != 2:
        raise InputError("physical_size", physical_size, "L or (Lx, Ly) in metres, > 0")
    lx = float(require_positive("physical_size", size[0]))
    ly = float(require_positive("physical_size", size[1]))
    return lx, ly


def _filtered_spectrum(
    nx: int,
    ny: int,
    lx: float,
    ly: float,
    hurst: float,
    q_s: float,
    q_r: float,
    rng: np.random.Generator,
    random_amplitudes: bool,
) -> tuple[NDArray[np.complex128], float, float]:
    """rfft2 coefficients of the surface (before scaling) and their mean-square height and slope.

    Coefficients are drawn directly on the rfft2 half-plane (unit modulus with uniform phases, or
    complex Gaussian), then the qy = 0 column is made Hermitian, c(−qx, 0) = c*(qx, 0), so the inverse
    real transform returns exactly the field whose spectrum is normalised here.
    """
    shape = (nx, ny // 2 + 1)
    spectrum = np.empty(shape, dtype=np.complex128)
    if random_amplitudes:
        spectrum.real = rng.standard_normal(shape)
        spectrum.imag = rng.standard_normal(shape)
    else:
        phase = rng.random(shape)
        phase *= 2 * np.pi
        spectrum.real = np.cos(phase)
        np.sin(phase, out=phase)
        spectrum.imag = phase
        del phase
    half = (nx - 1) // 2  # rows 1..half mirror onto nx-1..nx-half
    spectrum[nx - half :, 0] = np.conj(spectrum[1 : half + 1, 0][::-1])
    qx2 = (2 * np.pi * np.fft.fftfreq(nx, d=lx / nx))[:, None] ** 2
    qy2 = (2 * np.pi * np.fft.rfftfreq(ny, d=ly / ny))[None, :] ** 2
    q2 = qx2 + qy2
    # amplitude √C(q) up to a constant: (max(q, q_r)/q_r)^(−1−H), zero above q_s and at q = 0
    amplitude = np.maximum(q2, q_r**2)
    amplitude /= q_r**2
    amplitude **= -(1 + hurst) / 2
    amplitude[q2 > q_s**2 * (1 + 1e-12)] = 0.0
    amplitude[0, 0] = 0.0
    if nx % 2 == 0:  # Nyquist modes: their derivative is not defined on the grid; leave them out
        amplitude[nx // 2, :] = 0.0
    if ny % 2 == 0:
        amplitude[:, -1] = 0.0
    spectrum *= amplitude
    del amplitude
    mult = np.full(ny // 2 + 1, 2.0)
    mult[0] = 1.0
    if ny % 2 == 0:
        mult[-1] = 1.0
    power = spectrum.real**2 + spectrum.imag**2
    power *= mult
    n2 = float(nx * ny) ** 2
    mean_square_height = float(power.sum()) / n2
    power *= q2
    mean_square_slope = float(power.sum()) / n2
    return spectrum, mean_square_height, mean_square_slope


def self_affine(
    n: int | Sequence[int],
    hurst: float,
    rms_slope: float | None = None,
    rms_height: float | None = None,
    seed: int | None = 0,
    physical_size: float | Sequence[float] = 1.0,
    short_cutoff: float | None = None,
    long_cutoff: float | None = None,
    periodic: bool = True,
    *,
    random_amplitudes: bool = False,
) -> Topography:
    """A random self-affine surface with a power-law PSD C(q) ∝ q^(−2−2H) between cutoffs.

    Parameters
    ----------
    n : int or (nx, ny)
        Grid points (>= 4 each; powers of two and 2^a 3^b 5^c are fastest).
    hurst : float
        Hurst exponent H in (0, 1]; fractal dimension D = 3 − H.
    rms_slope, rms_height : float
        Exactly one: the RMS gradient ⟨|∇h|²⟩^½ (dimensionless) or RMS height (m) of the result. For a
        periodic surface the normalisation is spectral, (1/A) Σ q² C(q) (see
        :mod:`tcrlab.surfaces.statistics`), and exact; the finite-difference slope of the same map is
        lower by the discrete transfer function (2 sin(qΔ/2)/Δ)²/q² (a few % for λ_s ≥ 4 pixels).
    seed : int or None
        Seed of NumPy's default generator (PCG64): same seed, same surface on every platform.
    physical_size : float or (Lx, Ly)
        Lateral size in metres (a scalar means a square Lx = Ly).
    short_cutoff : float, optional
        Shortest wavelength λ_s (m); default two pixels of the coarser direction (the Nyquist circle).
    long_cutoff : float, optional
        Roll-off wavelength λ_r (m): C is flat for wavelengths longer than λ_r. Default: no roll-off.
    periodic : bool
        True: one period of a periodic surface. False: the lower-left quarter of a periodic surface
        twice as large in each direction, detrended by its mean and rescaled so that its
        finite-difference RMS slope (or its RMS height) is the requested value.
    random_amplitudes : bool
        Draw the Fourier amplitudes from a Rayleigh distribution as well (Gaussian coefficients); the
        default keeps them at √C(q), so the PSD is the model PSD exactly (random phases only).

    Returns
    -------
    Topography
        ``info`` records the generator parameters (hurst, cutoffs, seed, normalisation).
    """
    nx, ny = _grid(n)
    lx, ly = _size(physical_size)
    hurst = float(require_in_range("hurst", hurst, 0.0, 1.0, low_inclusive=False))
    if (rms_slope is None) == (rms_height is None):
        raise InputError(
            "rms_slope/rms_height",
            (rms_slope, rms_height),
            "exactly one of rms_slope (dimensionless) or rms_height (m)",
        )
    target = float(require_positive("rms_slope" if rms_height is None else "rms_height",
                                    rms_slope if rms_height is None else rms_height))
    coarse = max(lx / nx, ly / ny)
    if short_cutoff is None:
        short_cutoff = 2 * coarse
    short_cutoff = float(require_positive("short_cutoff", short_cutoff))
    if short_cutoff < 2 * coarse * (1 - 1e-9):
        raise InputError(
            "short_cutoff", short_cutoff, f">= two pixels ({2 * coarse:.4g} m)",
            problem="shorter than the grid resolves",
        )
    if long_cutoff is not None:
        long_cutoff = float(require_positive("long_cutoff", long_cutoff))
        if long_cutoff <= short_cutoff:
            raise InputError("long_cutoff", long_cutoff, f"> short_cutoff = {short_cutoff:.4g} m")
    q_s = 2 * np.pi / short_cutoff
    q_r = 2 * np.pi / long_cutoff if long_cutoff is not None else 2 * np.pi / max(lx, ly)

    gx, gy, glx, gly = (nx, ny, lx, ly) if periodic else (2 * nx, 2 * ny, 2 * lx, 2 * ly)
    rng = _rng(seed)
    try:
        spectrum, ms_height, ms_slope = _filtered_spectrum(
            gx, gy, glx, gly, hurst, q_s, q_r, rng, random_amplitudes
        )
    except MemoryError:
        raise InputError("n", n, "a grid that fits in memory", problem="out of memory") from None
    if ms_height == 0:
        raise InputError("short_cutoff", short_cutoff, "a cutoff that leaves at least one mode")
    current = np.sqrt(ms_slope if rms_height is None else ms_height)
    spectrum *= target / current
    heights = scipy.fft.irfft2(spectrum, s=(gx, gy), workers=2)
    del spectrum
    info: dict[str, object] = {
        "generator": "self_affine",
        "hurst": hurst,
        "short_cutoff": short_cutoff,
        "long_cutoff": long_cutoff,
        "seed": seed,
        "random_amplitudes": random_amplitudes,
    }
    if periodic:
        info["normalisation"] = "spectral " + ("rms_slope" if rms_height is None else "rms_height")
        return Topography(heights, (lx, ly), periodic=True, info=info, copy=False)

    patch = np.array(heights[:nx, :ny])
    del heights
    patch -= patch.mean()
    if rms_height is None:
        gxd = np.diff(patch, axis=0) / (lx / nx)
        gyd = np.diff(patch, axis=1) / (ly / ny)
        value = np.sqrt(np.mean(gxd**2) + np.mean(gyd**2))
    else:
        value = np.sqrt(np.mean(patch**2))
    patch *= target / value
    info["normalisation"] = (
        "finite-difference rms_slope" if rms_height is None else "rms_height"
    ) + " of the non-periodic patch"
    return Topography(patch, (lx, ly), periodic=False, info=info, copy=False)
