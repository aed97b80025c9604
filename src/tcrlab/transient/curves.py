"""Checks and resampling of measured thermal-impedance curves Zth(t) before any evaluation.

A Zth curve from a thermal transient tester spans microseconds to minutes on a logarithmic time axis.
Network identification works on ln t (Székely 1997), so the curve is checked (strictly increasing positive
times, finite non-negative Zth, enough points per decade) and averaged into equal bins of ln t.

References
----------
V. Székely, "Identification of RC networks by deconvolution: chances and limits", IEEE Trans. Circuits
Syst. I 45, 244–258 (1998).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.errors import InputError

__all__ = ["MIN_POINTS_PER_DECADE", "ZthCurve", "check_zth_curve", "log_resample"]

Array = NDArray[np.float64]

NEGATIVE_NOISE_FACTOR = 4.0  # a normal sample falls below −4σ once in ~3e4
MIN_POINTS_PER_DECADE = 5  # fewer cannot resolve time constants a decade apart (the NID kernel is ~1 decade wide)


@dataclass(frozen=True)
class ZthCurve:
    """A checked curve: times [s] (strictly increasing, > 0) and Zth [K/W] (finite, ≥ 0).

    Attributes
    ----------
    t : ndarray
        Times [s].
    zth : ndarray
        Thermal impedance [K/W].
    """

    t: Array
    zth: Array

    @property
    def decades(self) -> float:
        return float(np.log10(self.t[-1] / self.t[0]))

    @property
    def points_per_decade(self) -> float:
        return (self.t.size - 1) / max(self.decades, 1e-300)


def check_zth_curve(t: ArrayLike, zth: ArrayLike, *, name: str = "zth",
                    min_points_per_decade: float = MIN_POINTS_PER_DECADE) -> ZthCurve:
    """Validate a measured Zth(t) curve; InputError naming the first offending sample otherwise.

    Parameters
    ----------
    t : array_like
        Times after the power step [s]: finite, > 0, strictly increasing.
    zth : array_like
        Thermal impedance [K/W] (or temperature rise [K]): finite, ≥ 0 (early samples may dip below zero
        by up to 4 × the noise estimated from the curve itself).
    name : str
        How the curve is called in messages (e.g. the file name).
    min_points_per_decade : float
        The sparsest sampling accepted, averaged over the span (and ≥ 2 points in every decade).

    Returns
    -------
    ZthCurve

    Examples
    --------
    >>> import numpy as np
    >>> t = np.logspace(-5, -3, 21)
    >>> c = check_zth_curve(t, np.sqrt(t))
    >>> round(c.decades, 6), round(c.points_per_decade, 6)
    (2.0, 10.0)
    """
    try:
        tt = np.asarray(t, dtype=float).ravel()
        zz = np.asarray(zth, dtype=float).ravel()
    except (TypeError, ValueError):
        raise InputError(f"{name}.t", t, "numbers (times in s and Zth in K/W)") from None
    if tt.size != zz.size:
        raise InputError(f"{name}.zth", f"{zz.size} values", f"one value per time ({tt.size} times)")
    if tt.size < 10:
        raise InputError(f"{name}.t", f"{tt.size} points", "at least 10 samples on a logarithmic time axis")
    for label, arr in (("t", tt), ("zth", zz)):
        bad = ~np.isfinite(arr)
        if bad.any():
            i = int(np.argmax(bad))
            raise InputError(f"{name}.{label}[{i + 1}]", arr[i], "a finite number", problem="NaN or infinite")
    if tt[0] <= 0:
        raise InputError(f"{name}.t[1]", tt[0], "a time > 0 s after the power step (a log time axis)")
    steps = np.diff(tt)
    if np.any(steps <= 0):
        i = int(np.argmax(steps <= 0)) + 1
        raise InputError(f"{name}.t[{i + 1}]", tt[i], f"a time > the previous one ({tt[i - 1]:.6g} s)",
                         problem="time is not strictly increasing")
    curve = ZthCurve(tt, zz)
    # early samples of a noisy heating curve may dip below zero by the noise; more than that is not a rise
    allowed = -NEGATIVE_NOISE_FACTOR * noise_estimate(curve)
    if np.any(zz < allowed):
        i = int(np.argmax(zz < allowed))
        raise InputError(f"{name}.zth[{i + 1}]", float(zz[i]),
                         "≥ 0 (a heating curve: a temperature rise" + (
                             f"; ≥ {allowed:.3g} within the noise)" if allowed < 0 else ")"),
                         problem="negative temperature rise")
    if curve.decades < 1.0:
        raise InputError(f"{name}.t", f"{tt[0]:.3g} … {tt[-1]:.3g} s",
                         "at least one decade of time (thermal transients span µs to minutes)")
    if curve.points_per_decade < min_points_per_decade:
        raise InputError(f"{name}.t", f"{curve.points_per_decade:.2g} points per decade",
                         f"≥ {min_points_per_decade:g} points per decade on a logarithmic time axis",
                         problem="too few points per decade")
    edges = np.arange(np.floor(np.log10(tt[0])), np.ceil(np.log10(tt[-1])) + 1)
    counts, _ = np.histogram(np.log10(tt), bins=edges)
    inner = counts[1:-1] if counts.size > 2 else counts[:0]
    if inner.size and inner.min() < 2:
        d = int(np.argmin(inner)) + 1
        raise InputError(f"{name}.t", f"{inner.min()} point(s) in 1e{edges[d]:g} … 1e{edges[d + 1]:g} s",
                         "≥ 2 points in every decade", problem="too few points per decade")
    return curve


def log_resample(curve: ZthCurve, per_decade: int = 20) -> tuple[Array, Array, Array]:
    """Average the curve into ``per_decade`` equal bins of log t.

    Returns the bin-mean times (geometric), the bin-mean Zth and the number of samples in each bin (bins
    without samples are dropped; sparse data thus keeps its own points).

    Parameters
    ----------
    curve : ZthCurve
        The checked curve.
    per_decade : int
        Bins per decade of t.

    Returns
    -------
    t : ndarray
        Geometric mean time of each bin [s].
    zth : ndarray
        Mean Zth of each bin [K/W].
    count : ndarray
        Samples in each bin.

    Examples
    --------
    >>> curve = ZthCurve(np.logspace(-3, 0, 31), np.linspace(0.0, 1.0, 31))
    >>> t, zth, count = log_resample(curve, per_decade=2)
    >>> t.round(4).tolist(), count.tolist()
    ([0.0016, 0.005, 0.0158, 0.0501, 0.1585, 0.5623], [5.0, 5.0, 5.0, 5.0, 5.0, 6.0])
    """
    logt = np.log(curve.t)
    n_bins = max(int(np.ceil(curve.decades * per_decade)), 1)
    edges = np.linspace(logt[0], logt[-1], n_bins + 1)
    idx = np.clip(np.searchsorted(edges, logt, side="right") - 1, 0, n_bins - 1)
    counts = np.bincount(idx, minlength=n_bins).astype(float)
    sum_lt = np.bincount(idx, weights=logt, minlength=n_bins)
    sum_z = np.bincount(idx, weights=curve.zth, minlength=n_bins)
    keep = counts > 0
    return np.exp(sum_lt[keep] / counts[keep]), sum_z[keep] / counts[keep], counts[keep]


def noise_estimate(curve: ZthCurve) -> float:
    """Robust RMS noise of Zth [K/W] from fourth differences of consecutive samples (MAD-based).

    For white noise of RMS σ the fourth difference z_{i−2} − 4z_{i−1} + 6z_i − 4z_{i+1} + z_{i+2} has RMS
    σ√70, while a smooth curve sampled densely contributes almost nothing; the median absolute deviation
    makes the estimate robust to the few samples where the curve bends sharply (factor 1.4826 for normal
    noise).
    """
    z = curve.zth
    if z.size < 7:
        return 0.0
    d4 = z[:-4] - 4.0 * z[1:-3] + 6.0 * z[2:-2] - 4.0 * z[3:-1] + z[4:]
    return float(1.4826 * np.median(np.abs(d4 - np.median(d4))) / np.sqrt(70.0))
