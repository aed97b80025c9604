"""Network identification (NID): time-constant spectrum of a Zth(t) curve, Foster fit, Cauer ladder.

A thermal impedance is a sum of exponential relaxations, Zth(t) = ∫ R(ζ) (1 − exp(−t/e^ζ)) dζ over
ζ = ln τ; R(ζ) is the time-constant spectrum (Székely 1997). On a grid of ln τ this is a linear, badly
conditioned problem A r = Zth with A_ij = 1 − exp(−t_i/τ_j) and r ≥ 0. It is solved as a regularised
non-negative least-squares problem (Tikhonov; Hansen 2010, ch. 4),

    min_r ‖W(A r − z)‖² + λ² ‖L r‖²,  r ≥ 0,

with L the second difference on the ln τ grid (smooth spectra) and λ picked by Morozov's discrepancy
principle: the largest λ whose weighted residual does not exceed the noise (χ²/N ≤ τ², τ = 1.1; Hansen 2010 §5.2),
the noise being estimated from the data. λ is reported with the result. For noise-free data λ falls to
the bottom of its range and the spectrum sharpens to the discrete time constants.

The spectrum is a Foster network (R_j, τ_j) of many terms; its Cauer equivalent (Foster → Cauer in
mpmath) gives the structure function. A compact Foster fit (one term per spectral peak, refined by
non-linear least squares in ln R, ln τ) recovers a lumped ladder exactly from noise-free data.

References
----------
V. Székely and T. Van Bien, "Fine structure of heat flow path in semiconductor devices: a measurement and
identification method", Solid-State Electronics 31, 1363–1368 (1988). V. Székely, "On the
representation of infinite-length distributed RC one-ports", IEEE Trans. Circuits Syst. 38, 711 (1991);
"Identification of RC networks by deconvolution: chances and limits", IEEE Trans. Circuits Syst. I 45,
244–258 (1998). P. C. Hansen, *Discrete Inverse Problems: Insight and Algorithms*, SIAM (2010).
V. A. Morozov, "On the solution of functional equations by the method of regularization", Soviet Math.
Dokl. 7, 414–417 (1966).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import least_squares, nnls

from tcrlab.errors import InputError, ValidityWarning
from tcrlab.transient.curves import ZthCurve, check_zth_curve, log_resample, noise_estimate
from tcrlab.transient.ladders import foster_to_cauer, foster_zth
from tcrlab.transient.structure import StructureFunction, structure_function

__all__ = ["FosterFit", "NetworkIdentification", "Spectrum", "fit_foster", "identify_network",
           "time_constant_spectrum"]

Array = NDArray[np.float64]

UNSETTLED = 0.01  # a rise of more than 1 % of Zth over the last decade: not yet at steady state
MAX_LADDER = 160  # Foster terms turned into a Cauer ladder (mpmath cost ~n³; 150 terms ≈ 4 s)
DISCREPANCY_FACTOR = 1.1  # τ of the discrepancy principle, ‖residual‖ = τ·‖noise‖ (Hansen 2010 §5.2: τ ≳ 1)


@dataclass(frozen=True)
class Spectrum:
    """Discrete time-constant spectrum: R_j [K/W] at τ_j [s] (a Foster network), with its regularisation.

    Attributes
    ----------
    tau : ndarray
        Time constants τ_j [s].
    R : ndarray
        Resistance R_j at each time constant [K/W].
    regularization : float
        λ, relative to the Frobenius norm of the weighted kernel [-].
    noise : float
        RMS noise of Zth used for the discrepancy principle [K/W].
    residual_rms : float
        RMS of Zth − model on the resampled curve [K/W].
    t : ndarray
        Resampled times [s].
    zth : ndarray
        Resampled Zth [K/W].
    """

    tau: Array
    R: Array
    regularization: float  # λ, relative to the Frobenius norm of the weighted kernel
    noise: float  # RMS noise of Zth used for the discrepancy principle [K/W]
    residual_rms: float  # RMS of Zth − model on the resampled curve [K/W]
    t: Array  # resampled times [s]
    zth: Array  # resampled Zth [K/W]

    @property
    def density(self) -> Array:
        """R(ζ) = dR/d ln τ [K/W per unit ln τ]."""
        return self.R / np.gradient(np.log(self.tau))

    def model(self, t: ArrayLike) -> Array:
        return foster_zth(self.R, self.tau, t)


def _second_difference(n: int) -> Array:
    d = np.zeros((max(n - 2, 0), n))
    for i in range(n - 2):
        d[i, i:i + 3] = (1.0, -2.0, 1.0)
    return d


def time_constant_spectrum(t: ArrayLike, zth: ArrayLike, *, per_decade: int = 10, resample: int = 20,
                           noise: float | None = None, regularization: float | None = None,
                           tau_range: tuple[float, float] | None = None, name: str = "zth") -> Spectrum:
    """Time-constant spectrum of a Zth curve by regularised non-negative deconvolution on a log time axis.

    Parameters
    ----------
    t, zth : array_like
        Times [s] (> 0, strictly increasing) and thermal impedance [K/W] (≥ 0).
    per_decade : int
        Time constants per decade in the spectrum (also the length of the Foster network).
    resample : int
        The curve is first averaged into this many bins per decade of t.
    noise : float, optional
        RMS noise of Zth [K/W]; estimated from the data by default.
    regularization : float, optional
        Fix λ (relative to the weighted kernel's Frobenius norm) instead of the discrepancy principle.
    tau_range : (float, float), optional
        Spectrum range [s]; default from t_min/3 to t_max.

    name : str
        How the curve is called in error messages.

    Returns
    -------
    Spectrum

    References
    ----------
    Székely (1998); Hansen (2010) §4.2 (Tikhonov), §5.2 (discrepancy principle).

    Examples
    --------
    >>> import numpy as np
    >>> t = np.logspace(-5, 2, 141)
    >>> s = time_constant_spectrum(t, 2.0 * (1 - np.exp(-t / 1e-2)))
    >>> round(float(s.R.sum()), 3)
    2.0
    """
    curve = check_zth_curve(t, zth, name=name)
    last_decade = curve.zth[curve.t >= curve.t[-1] / 10.0]
    if curve.zth[-1] > 0 and last_decade[-1] - last_decade[0] > UNSETTLED * curve.zth[-1]:
        warnings.warn(ValidityWarning(
            f"{name}: Zth still rises by {100 * (last_decade[-1] - last_decade[0]) / curve.zth[-1]:.1f} % over "
            f"the last decade (to {curve.t[-1]:.3g} s): the curve has not reached steady state, so R_total and "
            "the sink end of the structure function come out too low"), stacklevel=2)
    tr, zr, counts = log_resample(curve, resample)
    sigma = noise_estimate(curve) if noise is None else float(noise)
    if sigma < 0 or not np.isfinite(sigma):
        raise InputError("noise", noise, "an RMS noise ≥ 0 in K/W")
    lo, hi = tau_range if tau_range is not None else (curve.t[0] / 3.0, curve.t[-1])
    if not (0 < lo < hi):
        raise InputError("tau_range", tau_range, "(low, high) with 0 < low < high [s]")
    n_tau = max(int(np.ceil(np.log10(hi / lo) * per_decade)) + 1, 3)
    tau = np.logspace(np.log10(lo), np.log10(hi), n_tau)
    kernel = -np.expm1(-tr[:, None] / tau[None, :])
    # each bin mean carries noise σ/√count; a floor keeps noise-free data well posed in float64
    floor = 1e-9 * float(np.max(zr)) if np.max(zr) > 0 else 1e-12
    sd = np.sqrt(sigma**2 / counts + floor**2)
    w_kernel = kernel / sd[:, None]
    w_z = zr / sd
    smax = float(np.linalg.norm(w_kernel))  # Frobenius: a scale for λ without an SVD
    lmat = _second_difference(n_tau)

    def solve(lam_rel: float) -> tuple[Array, float]:
        lam = lam_rel * smax
        a = np.vstack([w_kernel, lam * lmat])
        b = np.concatenate([w_z, np.zeros(lmat.shape[0])])
        r, _ = nnls(a, b, maxiter=50 * n_tau)
        chi2 = float(np.sum((w_kernel @ r - w_z) ** 2)) / w_z.size
        return r, chi2

    if regularization is not None:
        lam_rel = float(regularization)
        if not (lam_rel >= 0 and np.isfinite(lam_rel)):
            raise InputError("regularization", regularization, "λ ≥ 0 (relative to the kernel norm)")
        r, _ = solve(lam_rel)
    else:
        # discrepancy principle: the largest λ with χ²/N ≤ τ², by bisection on log λ
        lo_l, hi_l = -12.0, 0.0
        r, chi2 = solve(10**lo_l)
        target = DISCREPANCY_FACTOR**2
        if chi2 <= target:
            for _ in range(24):
                mid = 0.5 * (lo_l + hi_l)
                r_mid, chi_mid = solve(10**mid)
                if chi_mid <= target:
                    lo_l, r = mid, r_mid
                else:
                    hi_l = mid
        lam_rel = 10**lo_l
    resid = float(np.sqrt(np.mean((kernel @ r - zr) ** 2)))
    return Spectrum(tau, r, lam_rel, sigma, resid, tr, zr)


@dataclass(frozen=True)
class FosterFit:
    """A compact Foster network fitted to the curve: R [K/W], τ [s], and the fit's RMS residual [K/W].

    Attributes
    ----------
    R : ndarray
        Foster resistances [K/W].
    tau : ndarray
        Foster time constants [s].
    residual_rms : float
        RMS residual of the fit [K/W].
    """

    R: Array
    tau: Array
    residual_rms: float

    def model(self, t: ArrayLike) -> Array:
        return foster_zth(self.R, self.tau, t)


def _peaks(spectrum: Spectrum) -> list[tuple[float, float]]:
    """(R, τ) per spectral peak: runs of the spectrum split at zeros and at local minima."""
    r = spectrum.R
    cut = 1e-9 * max(float(r.sum()), 1e-300)
    groups: list[list[int]] = []
    current: list[int] = []
    for j in range(r.size):
        if r[j] <= cut:
            if current:
                groups.append(current)
                current = []
            continue
        if current and 0 < j < r.size - 1 and r[j] < r[j - 1] and r[j] <= r[j + 1]:
            current.append(j)  # a valley: it closes the run
            groups.append(current)
            current = []
            continue
        current.append(j)
    if current:
        groups.append(current)
    out = []
    for g in groups:
        rg = r[g]
        out.append((float(rg.sum()), float(np.exp(np.sum(rg * np.log(spectrum.tau[g])) / rg.sum()))))
    return out


def fit_foster(t: ArrayLike, zth: ArrayLike, *, n_terms: int | None = None, spectrum: Spectrum | None = None,
               name: str = "zth") -> FosterFit:
    """Compact Foster network fitted to a Zth curve by non-linear least squares in (ln R, ln τ).

    The start is one term per peak of the time-constant spectrum (or the ``n_terms`` largest peaks); the fit
    runs on all samples with relative weights (every decade counts alike).

    Parameters
    ----------
    t, zth : array_like
        Times [s] and Zth [K/W].
    n_terms : int, optional
        Number of Foster terms (default: the number of spectral peaks).
    spectrum : Spectrum, optional
        A spectrum already computed for this curve.

    name : str
        How the curve is called in error messages.

    Returns
    -------
    FosterFit

    Examples
    --------
    >>> import numpy as np
    >>> t = np.logspace(-4, 2, 121)
    >>> f = fit_foster(t, 1.0 - np.exp(-t / 0.01) + 2.0 * (1.0 - np.exp(-t / 1.0)))
    >>> np.round(f.tau, 6).tolist()
    [0.01, 1.0]
    """
    curve = check_zth_curve(t, zth, name=name)
    spec = spectrum or time_constant_spectrum(curve.t, curve.zth, name=name)
    peaks = sorted(_peaks(spec), key=lambda p: -p[0])
    if not peaks:
        raise InputError(f"{name}.zth", "all zero", "a heating curve with a temperature rise")
    if n_terms is not None:
        if n_terms < 1:
            raise InputError("n_terms", n_terms, "an integer ≥ 1")
        while len(peaks) < n_terms:  # split the largest peak in two
            r0, t0 = peaks.pop(0)
            peaks += [(r0 / 2, t0 / 2), (r0 / 2, t0 * 2)]
            peaks.sort(key=lambda p: -p[0])
        peaks = peaks[:n_terms]
    peaks.sort(key=lambda p: p[1])
    x0 = np.log(np.array([[p[0], p[1]] for p in peaks])).ravel()
    scale = np.maximum(curve.zth, 1e-3 * float(curve.zth.max()))

    def residual(x: Array) -> Array:
        rr, tt = np.exp(x[0::2]), np.exp(x[1::2])
        return (foster_zth(rr, tt, curve.t) - curve.zth) / scale

    for _ in range(3):
        sol = least_squares(residual, x0, method="lm", xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=20000)
        rr = np.exp(sol.x[0::2])
        # a term carrying less than 1e-6 of the total is a spectral ripple: drop it and refit
        keep = rr >= 1e-6 * rr.sum() if n_terms is None else np.ones(rr.size, bool)
        if keep.all():
            break
        x0 = np.column_stack([sol.x[0::2][keep], sol.x[1::2][keep]]).ravel()
    rr, tt = np.exp(sol.x[0::2]), np.exp(sol.x[1::2])
    order = np.argsort(tt)
    rms = float(np.sqrt(np.mean((foster_zth(rr, tt, curve.t) - curve.zth) ** 2)))
    return FosterFit(rr[order], tt[order], rms)


@dataclass(frozen=True)
class NetworkIdentification:
    """Everything read from one Zth curve (SI).

    Attributes
    ----------
    curve : ZthCurve
        The checked input curve (t [s], Zth [K/W]).
    spectrum : Spectrum
        Its time-constant spectrum.
    foster_R, foster_tau : ndarray
        Foster network used for the Cauer ladder (the spectrum's non-zero terms) [K/W], [s].
    cauer_R, cauer_C : ndarray
        The equivalent Cauer ladder, junction first [K/W], [J/K].
    structure : StructureFunction
        Its cumulative structure function.
    info : dict
        Diagnostics of the identification.
    """

    curve: ZthCurve
    spectrum: Spectrum
    foster_R: Array  # Foster network used for the Cauer ladder (the spectrum's non-zero terms)
    foster_tau: Array
    cauer_R: Array
    cauer_C: Array
    structure: StructureFunction
    info: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        s = self.spectrum
        return {
            "points": int(self.curve.t.size), "decades": self.curve.decades,
            "regularization_lambda": s.regularization, "noise_rms_K_per_W": s.noise,
            "residual_rms_K_per_W": s.residual_rms, "R_total_K_per_W": float(np.sum(s.R)),
            "spectrum": {"tau_s": s.tau, "R_K_per_W": s.R},
            "cauer": {"R_K_per_W": self.cauer_R, "C_J_per_K": self.cauer_C},
            "structure_function": self.structure.to_dict(),
        }


def identify_network(t: ArrayLike, zth: ArrayLike, *, per_decade: int = 10, noise: float | None = None,
                     regularization: float | None = None, name: str = "zth") -> NetworkIdentification:
    """Spectrum → Foster → Cauer → structure function of a measured or computed Zth curve.

    Parameters
    ----------
    t, zth : array_like
        Times [s] and Zth [K/W] (see :func:`time_constant_spectrum`).
    per_decade : int
        Spectrum (and ladder) resolution, time constants per decade.
    noise, regularization : float, optional
        See :func:`time_constant_spectrum`.

    name : str
        How the curve is called in error messages.

    Returns
    -------
    NetworkIdentification

    References
    ----------
    Székely (1998); Cauer (1958) (see :mod:`tcrlab.transient.ladders`).

    Examples
    --------
    >>> import numpy as np
    >>> t = np.logspace(-5, 2, 141)
    >>> ident = identify_network(t, 2.0 * (1 - np.exp(-t / 1e-2)))
    >>> round(float(ident.structure.R_cum[-1]), 3)
    2.0
    """
    curve = check_zth_curve(t, zth, name=name)
    spec = time_constant_spectrum(curve.t, curve.zth, per_decade=per_decade, noise=noise,
                                  regularization=regularization, name=name)
    keep = spec.R > 1e-9 * max(float(spec.R.sum()), 1e-300)
    if not keep.any():
        raise InputError(f"{name}.zth", "no rise", "a heating curve with a temperature rise")
    rf, tf = spec.R[keep], spec.tau[keep]
    while rf.size > MAX_LADDER:  # merge neighbours (R added, τ their R-weighted geometric mean)
        pairs = rf.size // 2
        r2 = rf[: 2 * pairs].reshape(pairs, 2)
        lt = np.log(tf[: 2 * pairs]).reshape(pairs, 2)
        merged_r = r2.sum(axis=1)
        merged_t = np.exp(np.sum(r2 * lt, axis=1) / merged_r)
        rf = np.concatenate([merged_r, rf[2 * pairs:]])
        tf = np.concatenate([merged_t, tf[2 * pairs:]])
    rc, cc = foster_to_cauer(rf, tf)
    return NetworkIdentification(curve, spec, rf, tf, rc, cc, structure_function(rc, cc))
