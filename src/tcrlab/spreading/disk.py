"""Circular isoflux source centred on a finite disk (single layer or bonded layers).

The source of radius a heats the top face of a disk of radius b with a uniform flux; the rim and the rest
of the top face are adiabatic; the bottom face loses heat to a sink through a heat-transfer coefficient h
(``inf``: isothermal). The separation-of-variables solution (Yovanovich, Culham & Teertstra 1998; Muzychka,
Yovanovich & Culham 2004 for the general layered case) splits the mean source temperature rise into the
1-D part Q·(Σ t_i/k_i + 1/h)/(πb²) and the spreading part

    R_s = 4/(π k_1 a ε) · Σ_n J1²(δ_n ε) φ_n / (δ_n³ J0²(δ_n)),   ε = a/b,  J1(δ_n) = 0,

φ_n = k_1 β_n Z(β_n), β_n = δ_n/b, with Z the layered modal impedance (:mod:`tcrlab.spreading.layers`).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

from tcrlab._arrays import require_broadcastable
from tcrlab.errors import InputError
from tcrlab.spreading._series import MAX_TERMS_DISK, chunks, j1_zeros, warn_unconverged
from tcrlab.spreading.layers import Layers, LayerSpec, check_layers, mode_impedance
from tcrlab.spreading.result import SpreadingResult, out
from tcrlab.validation import require_positive

__all__ = [
    "disk_resistance",
    "disk_resistance_compound",
    "disk_spreading",
    "song_lee_au_resistance",
]

DEFAULT_RTOL = 1e-4
_ASYMPTOTIC = 10.0  # δ_N·min(ε, 1−ε) beyond which the omitted terms follow their asymptotic mean


def _check_geometry(a: ArrayLike, b: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    aa = require_positive("a", a)
    bb = require_positive("b", b)
    require_broadcastable(a=aa, b=bb)
    big = aa > bb * (1.0 + 1e-12)
    if np.any(big):
        i = np.flatnonzero(np.broadcast_to(big, np.broadcast_shapes(aa.shape, bb.shape)))[0]
        av = float(np.broadcast_to(aa, big.shape).flat[i])
        bv = float(np.broadcast_to(bb, big.shape).flat[i])
        raise InputError("a", av, f"a source radius <= the plate radius b = {bv:g} m",
                         problem="the source is larger than the plate")
    return aa, bb


def disk_spreading(
    a: ArrayLike, b: ArrayLike, layers: LayerSpec, h: ArrayLike = math.inf, *,
    rtol: float = DEFAULT_RTOL, max_terms: int = MAX_TERMS_DISK,
) -> SpreadingResult:
    """Spreading resistance of a circular isoflux source centred on a layered disk, with its error.

    Parameters
    ----------
    a : source radius [m], 0 < a <= b.
    b : disk radius [m].
    layers : ``[(t1, k1), (t2, k2), ...]`` thickness [m] and conductivity [W/(m K)] of each perfectly bonded
        layer, the heated face first.
    h : heat-transfer coefficient on the opposite face [W/(m² K)]; ``inf`` (default) is an isothermal sink.
    rtol : relative tolerance on R_s; Bessel modes are added (doubling their number) until the estimated
        truncation error is below ``rtol``·R_s.
    max_terms : cap on the modes per geometry (a ValidityWarning names the unconverged geometries).

    Returns
    -------
    SpreadingResult
        ``spreading`` R_s [K/W] on the mean source temperature, ``one_d`` [K/W], ``truncation_error``
        [K/W], ``terms``, ``converged``; ``total`` = spreading + one_d.

    Notes
    -----
    All terms are ≥ 0, so the partial sum is a lower bound. The truncation error is the asymptotic mean of
    the omitted terms, J1²(δε) → (1 − sin 2δε)/(πδε), J0²(δ_n) → 2/(πδ_n), δ_n → π(n + 1/4), i.e.
    4/(π k_1 a ε) · max(φ_N, 1) · ζ(3, N + 5/4)/(π³ ε), counted only once δ_N·min(ε, 1 − ε) ≥ 10.
    Validity: exact for the stated boundary conditions (isoflux source, adiabatic rim and top, uniform h).

    References
    ----------
    M. M. Yovanovich, J. R. Culham, P. Teertstra, "Analytical modeling of spreading resistance in flux
    tubes, half spaces, and compound disks", IEEE Trans. CPMT-A 21(1) (1998) 168–176.
    Y. S. Muzychka, M. M. Yovanovich, J. R. Culham, "Thermal spreading resistance in compound and
    orthotropic systems", J. Thermophysics Heat Transfer 18(1) (2004) 45–51.

    Examples
    --------
    >>> r = disk_spreading(0.01, 0.03, [(0.006, 237.0)], h=1500.0)
    >>> round(r.spreading, 4), r.converged
    (0.0902, True)
    """
    aa, bb = _check_geometry(a, b)
    lay = check_layers(layers, h)
    rtol = float(require_positive("rtol", rtol))
    if isinstance(max_terms, bool) or not isinstance(max_terms, int) or max_terms < 16:
        raise InputError("max_terms", max_terms, "an integer >= 16")
    shape = np.broadcast_shapes(aa.shape, bb.shape, lay.h.shape,
                                *(t.shape for t in lay.thickness), *(k.shape for k in lay.conductivity))
    a_f = np.broadcast_to(aa, shape).reshape(-1)
    b_f = np.broadcast_to(bb, shape).reshape(-1)
    eps = np.minimum(a_f / b_f, 1.0)
    flat = lay.flat(slice(None), shape)
    k1 = flat.top_conductivity
    g = eps.size
    total = np.zeros(g)
    err = np.zeros(g)
    terms = np.zeros(g, dtype=np.int64)
    conv = np.ones(g, dtype=bool)
    prefactor = 4.0 / (np.pi * k1 * a_f * eps)
    active = np.flatnonzero(eps < 1.0)  # ε = 1: the source covers the disk, R_s = 0 exactly
    done_n = 0
    n = 64
    phi_last = np.ones(g)
    while active.size:
        n = min(n, max_terms)
        delta, j0sq = j1_zeros(n)
        d, jq = delta[done_n:], j0sq[done_n:]
        for part in chunks(active, d.size):
            sub = flat.flat(part, (g,))
            sub = Layers(tuple(t[:, None] for t in sub.thickness), tuple(k[:, None] for k in sub.conductivity),
                         sub.h[:, None])
            beta = d[None, :] / b_f[part, None]
            phi = mode_impedance(beta, sub) * k1[part, None] * beta
            values = special.j1(d[None, :] * eps[part, None]) ** 2 * phi / (d[None, :] ** 3 * jq[None, :])
            total[part] += values.sum(axis=1)
            phi_last[part] = phi[:, -1]
        done_n = n
        e = eps[active]
        tail = special.zeta(3.0, n + 1.25) / (np.pi**3 * e) * np.maximum(phi_last[active], 1.0)
        err[active] = prefactor[active] * tail
        terms[active] = n
        asymptotic = delta[-1] * np.minimum(e, 1.0 - e) >= _ASYMPTOTIC
        ok = asymptotic & (err[active] <= rtol * prefactor[active] * total[active])
        if n >= max_terms:
            conv[active[~ok]] = False
            break
        active = active[~ok]
        n *= 2
    warn_unconverged("disk_spreading", conv, max_terms,
                     "Very small sources (a/b < ~1e-4) are half-space problems: see circle_halfspace_resistance.")
    spreading = prefactor * total
    spreading[eps >= 1.0] = 0.0
    one_d = np.asarray(flat.one_d_area_resistance()) / (np.pi * b_f**2)
    return SpreadingResult(out(spreading, shape), out(one_d, shape), out(err, shape), out(terms, shape),
                           out(conv, shape), solution="disk")


def disk_resistance(
    a: ArrayLike, b: ArrayLike, t: ArrayLike, k: ArrayLike, h: ArrayLike = math.inf, *,
    rtol: float = DEFAULT_RTOL,
) -> NDArray[np.float64] | float:
    """Spreading part R_s of an isoflux circular source of radius ``a`` centred on a disk.

    The disk has an adiabatic rim and a heat-transfer coefficient ``h`` on the opposite face (``inf``:
    isothermal). R_s refers to the mean source temperature, so the total source-to-sink resistance is
    R_s + t/(kπb²) + 1/(hπb²). All arguments broadcast. See :func:`disk_spreading` for the method and
    the truncation error.

    Parameters
    ----------
    a : array_like
        Source radius [m], 0 < a <= b.
    b : array_like
        Disk radius [m].
    t : array_like
        Disk thickness [m].
    k : array_like
        Thermal conductivity [W/(m K)].
    h : array_like
        Heat-transfer coefficient on the opposite face [W/(m² K)]; ``inf`` (default) is an isothermal sink.
    rtol : float
        Relative tolerance on R_s [-].

    Returns
    -------
    float or ndarray
        Spreading resistance R_s [K/W]; a float for scalar inputs.

    References
    ----------
    M. M. Yovanovich, J. R. Culham, P. Teertstra, "Analytical modeling of spreading resistance in flux
    tubes, half spaces, and compound disks", IEEE Trans. CPMT-A 21(1) (1998) 168–176.

    Examples
    --------
    >>> round(disk_resistance(0.005, 0.02, 0.01, 200.0), 5)
    0.17871
    """
    return disk_spreading(a, b, [(require_positive("t", t), require_positive("k", k))], h, rtol=rtol).spreading


def disk_resistance_compound(
    a: ArrayLike, b: ArrayLike, t1: ArrayLike, k1: ArrayLike, t2: ArrayLike, k2: ArrayLike,
    h: ArrayLike = math.inf, *, rtol: float = DEFAULT_RTOL,
) -> NDArray[np.float64] | float:
    """Spreading part R_s of an isoflux circular source on a two-layer (compound) disk.

    Layer 1 carries the source, layer 2 sits on the sink; total = R_s + (t1/k1 + t2/k2 + 1/h)/(πb²).
    See :func:`disk_spreading` for the method and the truncation error.

    Parameters
    ----------
    a : array_like
        Source radius [m], 0 < a <= b.
    b : array_like
        Disk radius [m].
    t1, k1 : array_like
        Thickness [m] and conductivity [W/(m K)] of the heated layer.
    t2, k2 : array_like
        Thickness [m] and conductivity [W/(m K)] of the layer on the sink.
    h : array_like
        Heat-transfer coefficient on the opposite face [W/(m² K)]; ``inf`` (default) is an isothermal sink.
    rtol : float
        Relative tolerance on R_s [-].

    Returns
    -------
    float or ndarray
        Spreading resistance R_s [K/W]; a float for scalar inputs.

    References
    ----------
    M. M. Yovanovich, J. R. Culham, P. Teertstra, IEEE Trans. CPMT-A 21(1) (1998) 168–176 (compound disk).

    Examples
    --------
    >>> round(disk_resistance_compound(0.005, 0.02, 0.001, 400.0, 0.01, 200.0), 5)
    0.13293
    """
    layers = [(require_positive("t1", t1), require_positive("k1", k1)),
              (require_positive("t2", t2), require_positive("k2", k2))]
    return disk_spreading(a, b, layers, h, rtol=rtol).spreading


def song_lee_au_resistance(
    a: ArrayLike, b: ArrayLike, t: ArrayLike, k: ArrayLike, h: ArrayLike = math.inf,
) -> NDArray[np.float64] | float:
    """Song–Lee–Au closed-form spreading resistance on the *maximum* (centre) source temperature.

    ε = a/b, τ = t/b, Bi = hb/k, λ_c = π + 1/(√π ε),
    Φ_c = (tanh λ_cτ + λ_c/Bi)/(1 + (λ_c/Bi) tanh λ_cτ), ψ_max = ετ/√π + (1 − ε)Φ_c/√π and
    R = ψ_max/(√π k a). The first term of ψ_max is the 1-D conduction t/(kπb²); this function returns the
    rest, (1 − ε)Φ_c/(π k a), whose half-space limit is the exact centre value 1/(πka). For a rectangle use
    equivalent radii a = √(A_source/π), b = √(A_plate/π) as the authors do.

    Parameters
    ----------
    a, b : array_like
        Source and plate radius [m], 0 < a <= b.
    t : array_like
        Plate thickness [m].
    k : array_like
        Thermal conductivity [W/(m K)].
    h : array_like
        Sink heat-transfer coefficient [W/(m² K)]; ``inf`` (default) is isothermal.

    Returns
    -------
    float or ndarray
        Spreading resistance on the centre temperature, without the 1-D part [K/W].

    Notes
    -----
    A fitted approximation (one eigenvalue λ_c in place of the series). Its accuracy is measured against
    the exact series and a finite-volume solution in the tests (docs/spreading.md); the authors' own error
    statement was not available to check.

    References
    ----------
    S. Song, S. Lee, V. Au, "Closed-form equation for thermal constriction/spreading resistances with
    variable resistance boundary condition", Proc. IEPS Conference (1994) 111–121; S. Lee, S. Song, V. Au,
    K. P. Moran, "Constriction/spreading resistance model for electronics packaging", Proc. ASME/JSME
    Thermal Engineering Joint Conference, Vol. 4 (1995) 199–206.

    Examples
    --------
    >>> round(song_lee_au_resistance(0.01, 0.03, 0.006, 237.0, 1500.0), 4)
    0.1172
    """
    aa, bb = _check_geometry(a, b)
    tt = require_positive("t", t)
    kk = require_positive("k", k)
    hh = require_positive("h", h, allow_inf=True)
    require_broadcastable(a=aa, b=bb, t=tt, k=kk, h=hh)
    eps = np.minimum(aa / bb, 1.0)
    tau = tt / bb
    lam = np.pi + 1.0 / (np.sqrt(np.pi) * eps)
    with np.errstate(divide="ignore"):
        x = np.where(np.isinf(hh), 0.0, lam * kk / (np.where(np.isinf(hh), 1.0, hh) * bb))  # λ_c/Bi
    th = np.tanh(lam * tau)
    phi = (th + x) / (1.0 + x * th)
    r = (1.0 - eps) * phi / (np.pi * kk * aa)
    return out(r, r.shape)
