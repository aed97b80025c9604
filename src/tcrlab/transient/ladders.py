"""Cauer and Foster RC ladders: step response Zth(t) and the exact conversions between them.

A **Cauer** ladder (the physical chain) has nodes 0…n−1: node 0 takes the power, ``C[i]`` joins node ``i``
to the thermal reference (ground), ``R[i]`` joins node ``i`` to node ``i+1`` and ``R[-1]`` ends at the
isothermal sink. A **Foster** network is a series chain of parallel RC cells,
Zth(t) = Σ_k R_k (1 − exp(−t/τ_k)) with τ_k = R_k C_k; it describes the same driving-point impedance
but its nodes are not physical.

* Cauer → Foster: the ladder's nodal equations C dT/dt = −G T + P e₀ are symmetrised
  (M = C^{-1/2} G C^{-1/2}) and diagonalised; with M = V Λ Vᵀ the junction response is
  Zth(t) = Σ_k v_{0k}²/(C₀ λ_k) (1 − e^{−λ_k t}), i.e. R_k = v_{0k}²/(C₀ λ_k), τ_k = 1/λ_k.
* Foster → Cauer: the impedance Z(s) = Σ R_k/(1 + s τ_k) = N(s)/D(s) is expanded in a continued fraction
  Y = sC₀ + 1/(R₀ + 1/(sC₁ + …)) by repeated polynomial long division (Cauer's first form). This is
  ill-conditioned in floating point beyond a few stages, so it runs in ``mpmath`` with the working
  precision raised with the number of stages.

References
----------
W. Cauer, *Synthesis of Linear Communication Networks*, McGraw-Hill (1958), ch. 3–4 (RC ladder synthesis
by continued fractions). V. Székely, "On the representation of infinite-length distributed RC one-ports",
IEEE Trans. Circuits Syst. 38, 711–719 (1991). Y. C. Gerstenmaier, W. Kiffe and G. Wachutka, "Combination
of thermal subsystems modeled by rapid circuit transformation", THERMINIC 2007, pp. 115–120 (the
eigen-decomposition route Cauer → Foster and the need for high precision in Foster → Cauer).
"""

from __future__ import annotations

import mpmath
import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.errors import InputError
from tcrlab.validation import require_nonnegative, require_positive

__all__ = ["cauer_to_foster", "cauer_zth", "foster_to_cauer", "foster_zth"]

Array = NDArray[np.float64]

MAX_CAUER_STAGES = 250  # 150 stages take ~4 s in mpmath; the cost grows ~n³ with the digits needed


def _ladder(R: ArrayLike, C: ArrayLike) -> tuple[Array, Array]:
    r = np.atleast_1d(require_positive("R", R)).astype(float)
    c = np.atleast_1d(require_positive("C", C)).astype(float)
    if r.ndim != 1 or r.shape != c.shape:
        raise InputError("C", f"{c.size} values", f"one capacitance per resistance ({r.size} given)",
                         problem="R and C differ in length")
    return r, c


def cauer_to_foster(R: ArrayLike, C: ArrayLike) -> tuple[Array, Array]:
    """Foster network (R_k [K/W], τ_k [s]) with the same Zth(t) as a Cauer ladder.

    Parameters
    ----------
    R : array_like
        Cauer resistances [K/W]; ``R[i]`` joins node i to node i+1, ``R[-1]`` ends at the sink.
    C : array_like
        Cauer capacitances [J/K]; ``C[i]`` joins node i to the reference.

    Returns
    -------
    R_foster, tau : ndarray
        Foster resistances [K/W] and time constants [s], sorted by increasing τ. Σ R_foster = Σ R.

    References
    ----------
    Gerstenmaier, Kiffe & Wachutka, THERMINIC 2007 (eigen-decomposition of the nodal equations).

    Examples
    --------
    >>> rf, tau = cauer_to_foster([1.0], [2.0])
    >>> float(rf[0]), float(tau[0])
    (1.0, 2.0)
    """
    r, c = _ladder(R, C)
    n = r.size
    g = 1.0 / r
    diag = g.copy()
    diag[1:] += g[:-1]
    off = -g[:-1]
    s = 1.0 / np.sqrt(c)
    m = np.diag(diag * s * s) + np.diag(off * s[:-1] * s[1:], 1) + np.diag(off * s[:-1] * s[1:], -1)
    lam, v = np.linalg.eigh(m) if n > 1 else (np.array([diag[0] / c[0]]), np.ones((1, 1)))
    rf = v[0, :] ** 2 / (c[0] * lam)
    tau = 1.0 / lam
    order = np.argsort(tau)
    return rf[order], tau[order]


def cauer_zth(R: ArrayLike, C: ArrayLike, t: ArrayLike) -> Array:
    """Thermal impedance Zth(t) [K/W] of a Cauer ladder at times t (response to a unit power step).

    Parameters
    ----------
    R : array_like
        Cauer resistances [K/W]; node 0 takes the power, ``R[i]`` joins node i to node i+1 and
        ``R[-1]`` ends at the isothermal sink.
    C : array_like
        Capacitances [J/K]; ``C[i]`` joins node i to the reference (ground).
    t : array_like
        Times after the power step [s], ≥ 0.

    Returns
    -------
    ndarray
        Zth(t) [K/W], the shape of ``t``; Zth(0) = 0 and Zth(∞) = Σ R.

    References
    ----------
    Exact solution of the ladder's linear ODEs by eigen-decomposition (see :func:`cauer_to_foster`).

    Examples
    --------
    >>> z = cauer_zth([1.0], [1.0], [0.0, 1.0])
    >>> round(float(z[1]), 6)   # 1 − e^{−1}
    0.632121
    """
    rf, tau = cauer_to_foster(R, C)
    return foster_zth(rf, tau, t)


def foster_zth(R: ArrayLike, tau: ArrayLike, t: ArrayLike) -> Array:
    """Zth(t) = Σ R_k (1 − exp(−t/τ_k)) [K/W] of a Foster network (R [K/W], τ [s]) at times t [s].

    Parameters
    ----------
    R : array_like
        Foster resistances [K/W].
    tau : array_like
        Foster time constants [s].
    t : array_like
        Times [s].

    Returns
    -------
    ndarray
        Zth(t) [K/W].

    Examples
    --------
    >>> float(foster_zth([2.0], [1.0], 1e9))
    2.0
    """
    r = np.atleast_1d(require_nonnegative("R", R)).astype(float)
    tau_ = np.atleast_1d(require_positive("tau", tau)).astype(float)
    tt = require_nonnegative("t", t)
    if r.shape != tau_.shape:
        raise InputError("tau", f"{tau_.size} values", f"one time constant per resistance ({r.size} given)")
    return np.sum(r * -np.expm1(-tt[..., None] / tau_), axis=-1)


def _poly_mul(a: list, b: list) -> list:
    out = [mpmath.mpf(0)] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[i + j] += x * y
    return out


def _poly_add(a: list, b: list) -> list:
    n = max(len(a), len(b))
    a = a + [mpmath.mpf(0)] * (n - len(a))
    b = b + [mpmath.mpf(0)] * (n - len(b))
    return [x + y for x, y in zip(a, b, strict=True)]


def foster_to_cauer(R: ArrayLike, tau: ArrayLike, *, digits: int | None = None) -> tuple[Array, Array]:
    """Cauer ladder (R [K/W], C [J/K]) with the same Zth(t) as a Foster network (R [K/W], τ [s]).

    Z(s) = Σ R_k/(1 + sτ_k) = N(s)/D(s) (polynomials in s, ascending coefficients) is expanded as the
    continued fraction Y(s) = 1/Z = sC₀ + 1/(R₀ + 1/(sC₁ + 1/(R₁ + …))): each step takes the leading
    coefficient ratio of the two highest-degree terms and keeps the remainder. Everything runs in mpmath at
    ``digits`` significant digits (default 30 + 10·n, doubled up to three times when a stage comes out
    non-positive: the expansion loses a fixed number of digits per stage, ~8 for 12 τ per decade).

    Parameters
    ----------
    R : array_like
        Foster resistances [K/W], > 0.
    tau : array_like
        Foster time constants [s], > 0 and distinct.
    digits : int, optional
        mpmath working precision in decimal digits.

    Returns
    -------
    R_cauer, C_cauer : ndarray
        Cauer resistances [K/W] (node i to i+1, the last to the sink) and capacitances [J/K].

    References
    ----------
    Cauer (1958), ch. 3 (first Cauer form by continued fraction). Gerstenmaier et al., THERMINIC 2007
    (precision requirement of the transformation).

    Examples
    --------
    >>> r, c = foster_to_cauer([1.0], [2.0])
    >>> float(r[0]), float(c[0])
    (1.0, 2.0)
    """
    r = np.atleast_1d(require_positive("R", R)).astype(float)
    t = np.atleast_1d(require_positive("tau", tau)).astype(float)
    if r.shape != t.shape or r.ndim != 1:
        raise InputError("tau", f"{t.size} values", f"one time constant per resistance ({r.size} given)")
    n = r.size
    if n > MAX_CAUER_STAGES:
        raise InputError("R", f"{n} Foster terms", f"at most {MAX_CAUER_STAGES} terms (merge neighbouring time "
                         "constants first)", problem=f"the continued fraction would need ~{30 + 10 * n} digits "
                         "and minutes of mpmath arithmetic")
    if np.unique(t).size != n:
        raise InputError("tau", t.tolist(), "distinct time constants (merge equal ones by adding their R)",
                         problem="repeated time constant")
    start = digits or 30 + 10 * n
    for attempt in range(4):
        result = _continued_fraction(r, t, start * 2**attempt)
        if result is not None:
            return result
        if digits is not None:
            break
    raise InputError("tau", f"{n} time constants from {t.min():.3g} to {t.max():.3g} s",
                     "fewer or better separated time constants (merge close ones)",
                     problem=f"the continued fraction lost all precision even at {start * 2**attempt} digits")


def _continued_fraction(r: Array, t: Array, digits: int) -> tuple[Array, Array] | None:
    """One expansion at ``digits``; None when precision ran out (a stage broke down or came out ≤ 0)."""
    n = r.size
    with mpmath.workdps(digits):
        # scale time so the τ are O(1): the polynomials then hold numbers of moderate size
        scale = mpmath.mpf(float(np.exp(np.mean(np.log(t)))))
        rs = [mpmath.mpf(float(x)) for x in r]
        ts = [mpmath.mpf(float(x)) / scale for x in t]
        # D(s) = Π (1 + s τ_k); N(s) = Σ R_k Π_{j≠k} (1 + s τ_j)   (ascending powers of s)
        den = [mpmath.mpf(1)]
        for tk in ts:
            den = _poly_mul(den, [mpmath.mpf(1), tk])
        num = [mpmath.mpf(0)] * n
        for k in range(n):
            # D(s)/(1 + s τ_k) by synthetic division from the top coefficient down
            quotient = [mpmath.mpf(0)] * (n + 1)
            for p in range(n, 0, -1):
                quotient[p - 1] = (den[p] - quotient[p]) / ts[k]
            for p in range(n):
                num[p] += rs[k] * quotient[p]
        # Y = den/num: deg den = n, deg num = n − 1
        a, b = den, num[:n]
        caps, ress = [], []
        for _ in range(n):
            c_i = a[-1] / b[-1]  # Y − sC: remove the s^deg term
            rem = _poly_add(a, [-c_i * x for x in [mpmath.mpf(0), *b]])[: len(b)]
            caps.append(c_i)
            if all(x == 0 for x in rem) or len(rem) == 0:
                break
            # Z' = b/rem, both of degree len(b) − 1: its constant-at-infinity part is the series R
            r_i = b[-1] / rem[-1]
            ress.append(r_i)
            b_new = _poly_add(b, [-r_i * x for x in rem])[: len(rem) - 1]
            a, b = rem, b_new
            if not b:
                break
        if len(caps) != n or len(ress) != n:
            return None
        out_r = np.array([float(x) for x in ress])
        out_c = np.array([float(x * scale) for x in caps])
    if np.any(out_r <= 0) or np.any(out_c <= 0) or not (np.all(np.isfinite(out_r)) and np.all(np.isfinite(out_c))):
        return None
    return out_r, out_c
