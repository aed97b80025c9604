"""Statistics of a height map: Rq, Ra, RMS slope and curvature, skewness, kurtosis, PSD, Hurst exponent.

Conventions (those of Jacobs, Junge & Pastewka, "Quantitative characterization of surface topography
using spectral analysis", Surf. Topogr.: Metrol. Prop. 5, 013001 (2017), and of Persson's contact theory):

* Fourier coefficients h̃(q) = (A/N) Σ_x h(x) e^{-iq·x} on the N = nx·ny grid of area A = Lx·Ly, and the
  two-dimensional power spectral density C(q) = |h̃(q)|²/A (units m⁴). Parseval then reads
  ⟨h²⟩ = (1/A) Σ_q C(q) exactly, and in the continuum limit ⟨h²⟩ = (1/2π) ∫ q C_iso(q) dq.
* RMS slope h'_rms = ⟨|∇h|²⟩^½ (the gradient magnitude of the areal map, both directions), so a cosine
  h = A cos(2πx/λ) has h'_rms = (2π/λ)·A/√2. Spectral: h'_rms² = (1/A) Σ q² C(q). Finite-difference:
  forward differences (h[i+1] − h[i])/Δx, wrapped for periodic maps; these see q² through the discrete
  transfer function (2 sin(qΔ/2)/Δ)², so they underestimate the slope of content near the Nyquist
  wavevector. Profile slopes along x or y (``direction="x"``) are the ISO 4287 Rdq of each scan line.
* RMS curvature = RMS of the mean curvature ∇²h/2: spectral (1/4A) Σ q⁴ C(q); finite-difference with
  the five-point Laplacian.
* Non-periodic maps (measured patches) are detrended by their mean and multiplied by a Hann window
  (normalised to preserve ⟨h²⟩) before the FFT, so the edge discontinuity does not leak q⁻² power.
  ``method="auto"`` picks spectral slopes for periodic maps and finite differences otherwise.

One module on purpose, although it passes 600 lines: every statistic here follows the conventions
above, and they are shared rather than separable — the spectral RMS slope and curvature are moments of
the same C(q) (same normalisation, same window) as the PSD and the Hurst fit, the finite-difference
estimates are defined against that spectrum's transfer functions, and :func:`surface_statistics` reports
them side by side. Split apart, the conventions would sit in one module and their users in another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import scipy.fft
from numpy.typing import NDArray

from tcrlab.errors import InputError
from tcrlab.resources import require_memory
from tcrlab.surfaces.topography import Topography

__all__ = [
    "HurstFit",
    "arithmetic_mean_height",
    "fit_hurst",
    "kurtosis",
    "mean_absolute_slope",
    "peak_to_valley",
    "power_spectrum",
    "power_spectrum_2d",
    "rms_curvature",
    "rms_height",
    "rms_slope",
    "skewness",
    "surface_statistics",
]

Method = Literal["auto", "spectral", "fd"]


def _check(topography: Topography) -> Topography:
    if not isinstance(topography, Topography):
        raise InputError(
            "topography", type(topography).__name__, "a tcrlab.surfaces.Topography"
        )
    return topography


def _centred(topography: Topography) -> NDArray[np.float64]:
    h = _check(topography).heights
    return h - h.mean()


def _workers() -> int:
    return 2


# ---------------------------------------------------------------------------------- height moments


def rms_height(topography: Topography) -> float:
    """Rq (Sq, ISO 25178): root-mean-square height about the mean plane, ⟨(h − h̄)²⟩^½ (m).

    Parameters
    ----------
    topography : Topography
        The height map.

    Returns
    -------
    float
        Rq [m].

    Examples
    --------
    >>> from tcrlab.surfaces import Topography
    >>> cosine = 1e-6 * np.cos(2 * np.pi * np.arange(64) / 16)  # A = 1 µm, λ = 25 µm
    >>> t = Topography(np.repeat(cosine[:, None], 8, axis=1), (1e-4, 1.25e-5))
    >>> round(rms_height(t) * 1e6, 6)  # A/√2, in µm
    0.707107
    """
    return float(np.sqrt(np.mean(_centred(topography) ** 2)))


def arithmetic_mean_height(topography: Topography) -> float:
    """Ra (Sa, ISO 25178): mean absolute deviation from the mean height, ⟨|h − h̄|⟩ (m).

    For a Gaussian height distribution Ra = √(2/π)·Rq; for a cosine of amplitude A, Ra = 2A/π.

    Parameters
    ----------
    topography : Topography
        The height map.

    Returns
    -------
    float
        Ra [m].

    Examples
    --------
    >>> from tcrlab.surfaces import Topography
    >>> cosine = 1e-6 * np.cos(2 * np.pi * np.arange(64) / 16)  # A = 1 µm, λ = 25 µm
    >>> t = Topography(np.repeat(cosine[:, None], 8, axis=1), (1e-4, 1.25e-5))
    >>> round(arithmetic_mean_height(t) / 1e-6, 4), round(2 / np.pi, 4)  # 2A/π
    (0.6284, 0.6366)
    """
    return float(np.mean(np.abs(_centred(topography))))


def peak_to_valley(topography: Topography) -> float:
    """Sz: highest minus lowest height (m).

    Parameters
    ----------
    topography : Topography
        The height map.

    Returns
    -------
    float
        Sz [m].

    Examples
    --------
    >>> from tcrlab.surfaces import Topography
    >>> cosine = 1e-6 * np.cos(2 * np.pi * np.arange(64) / 16)  # A = 1 µm, λ = 25 µm
    >>> t = Topography(np.repeat(cosine[:, None], 8, axis=1), (1e-4, 1.25e-5))
    >>> peak_to_valley(t)
    2e-06
    """
    h = _check(topography).heights
    return float(h.max() - h.min())


def skewness(topography: Topography) -> float:
    """Ssk = ⟨(h − h̄)³⟩ / Rq³ (0 for a Gaussian or a cosine). A flat map raises InputError.

    Parameters
    ----------
    topography : Topography
        The height map.

    Returns
    -------
    float
        Ssk [-].

    Examples
    --------
    >>> from tcrlab.surfaces import Topography
    >>> cosine = 1e-6 * np.cos(2 * np.pi * np.arange(64) / 16)  # A = 1 µm, λ = 25 µm
    >>> t = Topography(np.repeat(cosine[:, None], 8, axis=1), (1e-4, 1.25e-5))
    >>> abs(round(skewness(t), 12))
    0.0
    """
    d = _centred(topography)
    rq = np.sqrt(np.mean(d**2))
    if rq == 0:
        raise InputError("topography", "a flat map", "a map with height variation", problem="Rq = 0")
    return float(np.mean(d**3) / rq**3)


def kurtosis(topography: Topography) -> float:
    """Sku = ⟨(h − h̄)⁴⟩ / Rq⁴ (3 for a Gaussian, 1.5 for a cosine; not the excess kurtosis).

    Parameters
    ----------
    topography : Topography
        The height map.

    Returns
    -------
    float
        Sku [-].

    Examples
    --------
    >>> from tcrlab.surfaces import Topography
    >>> cosine = 1e-6 * np.cos(2 * np.pi * np.arange(64) / 16)  # A = 1 µm, λ = 25 µm
    >>> t = Topography(np.repeat(cosine[:, None], 8, axis=1), (1e-4, 1.25e-5))
    >>> round(kurtosis(t), 12)
    1.5
    """
    d = _centred(topography)
    rq2 = np.mean(d**2)
    if rq2 == 0:
        raise InputError("topography", "a flat map", "a map with height variation", problem="Rq = 0")
    return float(np.mean(d**4) / rq2**2)


# ------------------------------------------------------------------------------------------ spectra


def _window(topography: Topography, window: str | None) -> str | None:
    if window == "auto":
        return None if topography.periodic else "hann"
    if window not in (None, "none", "hann"):
        raise InputError("window", window, "'auto', 'hann' or None")
    return None if window == "none" else window


def _windowed_heights(
    topography: Topography, window: str | None
) -> tuple[Topography, NDArray[np.float64]]:
    """The checked map and its centred heights, Hann-windowed (power-normalised) when chosen."""
    topography = _check(topography)
    h = _centred(topography)
    if _window(topography, window) == "hann":
        nx, ny = topography.nb_grid_pts
        w = np.outer(np.hanning(nx), np.hanning(ny))
        h = h * w / np.sqrt(np.mean(w**2))
    return topography, h


def _spectrum(
    topography: Topography, window: str | None = "auto"
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """C(q) on the rfft2 half-grid: (qx (nx,1), qy (1,ny//2+1), C, multiplicity of each entry)."""
    topography, h = _windowed_heights(topography, window)
    nx, ny = topography.nb_grid_pts
    lx, ly = topography.physical_size
    spectrum = scipy.fft.rfft2(h, workers=_workers())
    c = (lx * ly / (nx * ny) ** 2) * (spectrum.real**2 + spectrum.imag**2)
    qx = 2 * np.pi * np.fft.fftfreq(nx, d=lx / nx)[:, None]
    qy = 2 * np.pi * np.fft.rfftfreq(ny, d=ly / ny)[None, :]
    mult = np.full(qy.shape, 2.0)
    mult[0, 0] = 1.0
    if ny % 2 == 0:
        mult[0, -1] = 1.0
    return qx, qy, c, mult


def _spectral_moment(topography: Topography, power: int, window: str | None = "auto") -> float:
    """(1/A) Σ_q |q|^power C(q) over the full grid."""
    qx, qy, c, mult = _spectrum(topography, window)
    q2 = qx**2 + qy**2
    weight = mult * (q2 ** (power // 2) if power else 1.0)
    return float(np.sum(weight * c) / topography.area)


def power_spectrum_2d(
    topography: Topography, window: str | None = "auto"
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """The two-dimensional PSD on the full FFT grid, shifted so q = 0 is central.

    Returns ``(qx, qy, C)`` with qx (nx,), qy (ny,) in rad/m and C (nx, ny) in m⁴, normalised so that
    ``C.sum() / A`` equals the mean-square height (Parseval; the Hann window of non-periodic maps is
    power-normalised, so the equality is then approximate).

    Parameters
    ----------
    topography : Topography
        The height map.
    window : {"auto", "hann", None}
        Window of the FFT; "auto" windows non-periodic maps only.

    Returns
    -------
    qx, qy : ndarray
        Wavevectors [rad/m].
    C : ndarray
        2-D PSD [m⁴].

    Examples
    --------
    >>> from tcrlab.surfaces import Topography
    >>> cosine = 1e-6 * np.cos(2 * np.pi * np.arange(64) / 16)  # A = 1 µm, λ = 25 µm
    >>> t = Topography(np.repeat(cosine[:, None], 8, axis=1), (1e-4, 1.25e-5))
    >>> qx, qy, psd = power_spectrum_2d(t)
    >>> round(float(psd.sum() / (1e-4 * 1.25e-5)) / rms_height(t) ** 2, 12)  # Parseval
    1.0
    """
    topography, h = _windowed_heights(topography, window)
    nx, ny = topography.nb_grid_pts
    lx, ly = topography.physical_size
    spectrum = scipy.fft.fft2(h, workers=_workers())
    c = (lx * ly / (nx * ny) ** 2) * np.abs(spectrum) ** 2
    qx = 2 * np.pi * np.fft.fftfreq(nx, d=lx / nx)
    qy = 2 * np.pi * np.fft.fftfreq(ny, d=ly / ny)
    return np.fft.fftshift(qx), np.fft.fftshift(qy), np.fft.fftshift(c)


def _check_bins(nb_bins: object) -> None:
    if nb_bins is not None and (isinstance(nb_bins, bool) or not isinstance(nb_bins, int | np.integer)
                                or nb_bins < 1):
        raise InputError("nb_bins", nb_bins, "an integer >= 1 (or None for the default)")


def power_spectrum(
    topography: Topography,
    *,
    spacing: Literal["linear", "log"] = "linear",
    nb_bins: int | None = None,
    window: str | None = "auto",
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Isotropic (radially averaged) PSD C_iso(q): returns ``(q, C)``, q in rad/m, C in m⁴.

    The 2-D PSD (module docstring) is averaged over rings |q| ∈ bin, up to the largest full circle
    q_max = π / max(Δx, Δy). ``spacing="linear"`` uses rings of width Δq = 2π / min(Lx, Ly) (one per
    wavenumber; Parseval: ⟨h²⟩ ≈ (1/2π) Σ q C Δq); ``"log"`` uses ``nb_bins`` (default 8 per decade)
    log-spaced rings, the usual choice for power-law fits. Empty bins are dropped; q is the mean |q| of
    each ring's modes.

    Parameters
    ----------
    topography : Topography
        The height map.
    spacing : {"linear", "log"}
        Ring spacing.
    nb_bins : int, optional
        Number of log-spaced rings.
    window : {"auto", "hann", None}
        Window of the FFT.

    Returns
    -------
    q : ndarray
        Mean wavevector of each ring [rad/m].
    C : ndarray
        Isotropic PSD [m⁴].
    """
    topography = _check(topography)
    _check_bins(nb_bins)
    qx, qy, c, mult = _spectrum(topography, window)
    q = np.sqrt(qx**2 + qy**2)
    dq = 2 * np.pi / min(topography.physical_size)
    q_max = np.pi / max(topography.pixel_size)
    if spacing == "linear":
        count = int(np.floor(q_max / dq + 0.5)) if nb_bins is None else int(nb_bins)
        edges = (np.arange(count + 1) + 0.5) * (q_max / (count + 0.5) if nb_bins else dq)
    elif spacing == "log":
        decades = np.log10(q_max / dq)
        count = max(int(np.ceil(8 * decades)), 2) if nb_bins is None else int(nb_bins)
        edges = np.geomspace(dq * 0.999, q_max * 1.001, count + 1)
    else:
        raise InputError("spacing", spacing, "'linear' or 'log'")
    if count < 1:  # pragma: no cover - nb_bins is checked above, the defaults are >= 1
        raise InputError("nb_bins", nb_bins, "an integer >= 1")
    weights = np.broadcast_to(mult, q.shape).ravel()
    index = np.digitize(q.ravel(), edges) - 1
    inside = (index >= 0) & (index < count)
    index, weights = index[inside], weights[inside]
    n = np.bincount(index, weights=weights, minlength=count)
    sum_q = np.bincount(index, weights=weights * q.ravel()[inside], minlength=count)
    sum_c = np.bincount(index, weights=weights * c.ravel()[inside], minlength=count)
    keep = n > 0
    return sum_q[keep] / n[keep], sum_c[keep] / n[keep]


# ---------------------------------------------------------------------------- slopes and curvature


def _fd_slopes(topography: Topography) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    h = _check(topography).heights
    dx, dy = topography.pixel_size
    if topography.periodic:
        return (np.roll(h, -1, axis=0) - h) / dx, (np.roll(h, -1, axis=1) - h) / dy
    return np.diff(h, axis=0) / dx, np.diff(h, axis=1) / dy


def _method(topography: Topography, method: str) -> str:
    if method == "auto":
        return "spectral" if topography.periodic else "fd"
    if method not in ("spectral", "fd"):
        raise InputError("method", method, "'auto', 'spectral' or 'fd' (finite differences)")
    return method


def rms_slope(
    topography: Topography, method: Method = "auto", direction: Literal["x", "y"] | None = None
) -> float:
    """RMS slope h'_rms (dimensionless): ⟨|∇h|²⟩^½, or the profile slope along ``direction``.

    ``method``: "spectral" ((1/A) Σ q² C(q), exact for band-limited periodic maps), "fd" (forward
    differences, periodic wrap for periodic maps) or "auto" (spectral if periodic, else fd).
    A cosine A cos(2πx/λ) gives (2π/λ)·A/√2 spectrally and (2 sin(πΔ/λ)/Δ)·A/√2 by differences.

    Parameters
    ----------
    topography : Topography
        The height map.
    method : {"auto", "spectral", "fd"}
        How the derivative is taken.
    direction : {"x", "y"}, optional
        Profile slope along one direction instead of the areal gradient.

    Returns
    -------
    float
        RMS slope [-].

    Examples
    --------
    >>> from tcrlab.surfaces import Topography
    >>> cosine = 1e-6 * np.cos(2 * np.pi * np.arange(64) / 16)  # A = 1 µm, λ = 25 µm
    >>> t = Topography(np.repeat(cosine[:, None], 8, axis=1), (1e-4, 1.25e-5))
    >>> round(rms_slope(t), 6), round(2 * np.pi / 25e-6 * 1e-6 / 2**0.5, 6)  # (2π/λ)·A/√2
    (0.177715, 0.177715)
    """
    method = _method(_check(topography), method)
    if direction not in (None, "x", "y"):
        raise InputError("direction", direction, "None (gradient magnitude), 'x' or 'y'")
    if method == "fd":
        gx, gy = _fd_slopes(topography)
        parts = {"x": np.mean(gx**2), "y": np.mean(gy**2)}
    else:
        qx, qy, c, mult = _spectrum(topography)
        area = topography.area
        parts = {
            "x": np.sum(mult * qx**2 * c) / area,
            "y": np.sum(mult * qy**2 * c) / area,
        }
    value = parts["x"] + parts["y"] if direction is None else parts[direction]
    return float(np.sqrt(value))


def mean_absolute_slope(topography: Topography, direction: Literal["x", "y"] = "x") -> float:
    """Mean absolute profile slope ⟨|∂h/∂x|⟩ (forward differences), the slope "m" of the
    Cooper–Mikic–Yovanovich model when measured along one direction. For a Gaussian surface it equals
    √(2/π) times the RMS profile slope.

    Parameters
    ----------
    topography : Topography
        The height map.
    direction : {"x", "y"}
        Profile direction.

    Returns
    -------
    float
        Mean absolute slope [-].

    Examples
    --------
    >>> from tcrlab.surfaces import Topography
    >>> cosine = 1e-6 * np.cos(2 * np.pi * np.arange(64) / 16)  # A = 1 µm, λ = 25 µm
    >>> t = Topography(np.repeat(cosine[:, None], 8, axis=1), (1e-4, 1.25e-5))
    >>> round(mean_absolute_slope(t), 6)
    0.16
    """
    gx, gy = _fd_slopes(topography)
    if direction not in ("x", "y"):
        raise InputError("direction", direction, "'x' or 'y'")
    return float(np.mean(np.abs(gx if direction == "x" else gy)))


def rms_curvature(topography: Topography, method: Method = "auto") -> float:
    """RMS of the mean curvature ∇²h/2 (1/m).

    Spectral: [(1/4A) Σ q⁴ C(q)]^½; "fd": five-point Laplacian (wrapped if periodic, interior points
    otherwise). A cosine A cos(2πx/λ) gives (2π/λ)²·A/(2√2).

    Parameters
    ----------
    topography : Topography
        The height map.
    method : {"auto", "spectral", "fd"}
        How the Laplacian is taken.

    Returns
    -------
    float
        RMS mean curvature [1/m].

    Examples
    --------
    >>> from tcrlab.surfaces import Topography
    >>> cosine = 1e-6 * np.cos(2 * np.pi * np.arange(64) / 16)  # A = 1 µm, λ = 25 µm
    >>> t = Topography(np.repeat(cosine[:, None], 8, axis=1), (1e-4, 1.25e-5))
    >>> round(rms_curvature(t)), round((2 * np.pi / 25e-6) ** 2 * 1e-6 / (2 * 2**0.5))  # (2π/λ)²·A/(2√2)
    (22332, 22332)
    """
    method = _method(_check(topography), method)
    if method == "spectral":
        return float(np.sqrt(_spectral_moment(topography, 4) / 4))
    h = topography.heights
    dx, dy = topography.pixel_size
    if topography.periodic:
        lap = (np.roll(h, -1, 0) - 2 * h + np.roll(h, 1, 0)) / dx**2 + (
            np.roll(h, -1, 1) - 2 * h + np.roll(h, 1, 1)
        ) / dy**2
    else:
        if min(h.shape) < 3:
            raise InputError("topography", h.shape, "at least 3 × 3 points for a curvature")
        lap = (h[2:, 1:-1] - 2 * h[1:-1, 1:-1] + h[:-2, 1:-1]) / dx**2 + (
            h[1:-1, 2:] - 2 * h[1:-1, 1:-1] + h[1:-1, :-2]
        ) / dy**2
    return float(np.sqrt(np.mean((lap / 2) ** 2)))


# ------------------------------------------------------------------------------------- Hurst fit


@dataclass(frozen=True)
class HurstFit:
    """C_iso(q) ≈ prefactor · q^(−2−2H) fitted on q_min ≤ q ≤ q_max (log–log least squares).

    Attributes
    ----------
    hurst : float
        Hurst exponent H [-].
    prefactor : float
        Prefactor of the power law [m⁴ (rad/m)^(2+2H)].
    q_min, q_max : float
        Fitted wavevector range [rad/m].
    nb_points : int
        Rings in the fit.
    """

    hurst: float
    prefactor: float
    q_min: float
    q_max: float
    nb_points: int

    def psd(self, q: NDArray[np.float64]) -> NDArray[np.float64]:
        return self.prefactor * np.asarray(q, dtype=float) ** (-2 - 2 * self.hurst)


def _default_q_range(topography: Topography) -> tuple[float, float]:
    dq = 2 * np.pi / min(topography.physical_size)
    q_nyquist = np.pi / max(topography.pixel_size)
    q_min, q_max = 4 * dq, q_nyquist / 2
    long_cutoff = topography.info.get("long_cutoff")
    short_cutoff = topography.info.get("short_cutoff")
    if long_cutoff:
        q_min = max(q_min, 1.5 * 2 * np.pi / long_cutoff)
    if short_cutoff:
        q_max = min(q_max, 0.7 * 2 * np.pi / short_cutoff)
    return q_min, q_max


def fit_hurst(
    topography: Topography, q_range: tuple[float, float] | None = None, *, nb_bins: int | None = None
) -> HurstFit:
    """Hurst exponent H from a straight-line fit of log C_iso against log q: C ∝ q^(−2−2H).

    The isotropic PSD is averaged in log-spaced rings (equal weight per decade). Default range: from
    four times the lowest wavevector (or 1.5× the roll-off wavevector 2π/λ_r of a synthetic surface)
    to half the Nyquist wavevector (or 0.7× the short-cutoff wavevector 2π/λ_s), which keeps the few
    modes of the longest wavelengths and the interpolation artefacts of instruments out of the fit.

    Parameters
    ----------
    topography : Topography
        The height map.
    q_range : (float, float), optional
        Fitted wavevector range [rad/m].
    nb_bins : int, optional
        Number of log-spaced rings.

    Returns
    -------
    HurstFit
        The fit.

    Examples
    --------
    >>> from tcrlab.surfaces.synthetic import self_affine
    >>> surface = self_affine(256, 0.8, rms_slope=0.1, seed=1, physical_size=1e-4)
    >>> round(fit_hurst(surface).hurst, 2)
    0.8
    """
    topography = _check(topography)
    _check_bins(nb_bins)
    if q_range is not None and (isinstance(q_range, str) or np.size(q_range) != 2):
        raise InputError("q_range", q_range, "(q_min, q_max) in rad/m")
    q_min, q_max = q_range if q_range is not None else _default_q_range(topography)
    if not (0 < q_min < q_max):
        raise InputError("q_range", (q_min, q_max), "0 < q_min < q_max (rad/m)")
    q_nyquist = np.pi / max(topography.pixel_size)
    decades = np.log10(q_nyquist / (2 * np.pi / min(topography.physical_size)))
    q, c = power_spectrum(
        topography, spacing="log", nb_bins=nb_bins if nb_bins is not None else max(int(np.ceil(10 * decades)), 4)
    )
    sel = (q >= q_min) & (q <= q_max) & (c > 0)
    if sel.sum() < 3:
        raise InputError(
            "q_range",
            (q_min, q_max),
            "a wavevector range holding at least 3 PSD bins",
            problem=f"only {int(sel.sum())} bins in range (grid {topography.nb_grid_pts})",
        )
    slope, intercept = np.polyfit(np.log(q[sel]), np.log(c[sel]), 1)
    return HurstFit(
        hurst=float(-(slope + 2) / 2),
        prefactor=float(np.exp(intercept)),
        q_min=float(q[sel].min()),
        q_max=float(q[sel].max()),
        nb_points=int(sel.sum()),
    )


# ---------------------------------------------------------------------------------------- summary


# Working memory of surface_statistics beyond the map itself: peak RSS grew by ~30 B per point from
# 2048² to 4096² (spectra, slopes, levelled copies); 16384² took 8.5 GB in all.
_STATISTICS_BYTES_PER_POINT = 32


def surface_statistics(topography: Topography) -> dict[str, object]:
    """All statistics of a map in one dict (SI units; keys are stable and used by ``tcrlab surface``).

    Keys: nb_grid_pts, physical_size, pixel_size, periodic, rms_height (Rq), arithmetic_mean_height
    (Ra), peak_to_valley (Sz), skewness, kurtosis, rms_slope (method "auto"), rms_slope_spectral,
    rms_slope_fd, rms_slope_x, rms_slope_y (fd profile slopes), mean_absolute_slope_x,
    rms_curvature, hurst (None when the fit is impossible) with hurst_q_range.

    Parameters
    ----------
    topography : Topography
        The height map.

    Returns
    -------
    dict
        The statistics by name, SI units.
    """
    topography = _check(topography)
    nx, ny = topography.nb_grid_pts
    require_memory(
        _STATISTICS_BYTES_PER_POINT * nx * ny, f"the statistics of a {nx} × {ny} map ({nx * ny:,} points)",
        "topography", f"{nx} × {ny} grid", hint="a smaller map (crop, or resample)",
    )
    flat = float(np.ptp(topography.heights)) == 0.0
    stats: dict[str, object] = {
        "nb_grid_pts": tuple(int(n) for n in topography.nb_grid_pts),
        "physical_size": topography.physical_size,
        "pixel_size": topography.pixel_size,
        "periodic": topography.periodic,
        "rms_height": rms_height(topography),
        "arithmetic_mean_height": arithmetic_mean_height(topography),
        "peak_to_valley": peak_to_valley(topography),
        "skewness": None if flat else skewness(topography),
        "kurtosis": None if flat else kurtosis(topography),
        "rms_slope": rms_slope(topography),
        "rms_slope_spectral": rms_slope(topography, "spectral"),
        "rms_slope_fd": rms_slope(topography, "fd"),
        "rms_slope_x": rms_slope(topography, "fd", "x"),
        "rms_slope_y": rms_slope(topography, "fd", "y"),
        "mean_absolute_slope_x": mean_absolute_slope(topography, "x"),
        "rms_curvature": rms_curvature(topography) if min(topography.nb_grid_pts) >= 3 else None,
        "hurst": None,
        "hurst_q_range": None,
    }
    if not flat:
        try:
            fit = fit_hurst(topography)
        except InputError:
            pass
        else:
            stats["hurst"] = fit.hurst
            stats["hurst_q_range"] = (fit.q_min, fit.q_max)
    return stats
