"""The rectangle's double series split into a short modal sum and a 1-D image integral (Ewald-type).

The spreading sum of :mod:`tcrlab.spreading.rectangle`,

    S = Σ'_{m,n} w_mn Z(β_mn),   w_mn = ε_m ε_n u_m² v_n²,   Σ' : (m, n) ≠ (0, 0),

converges slowly (terms ~ 1/M² once λ_M a ≫ 1) because Z(β) → 1/(k₁β) only algebraically. Write the
half-space part with Ewald's splitting of 1/β (P. P. Ewald, Ann. Phys. (Leipzig) 64 (1921) 253, doi:10.1002/andp.19213690304),

    1/β = erf(ηβ)/β + erfc(ηβ)/β,   erf(ηβ)/β = (2/√π) ∫_0^η exp(−β²s²) ds,

so that

    S = Σ'_{m,n} w_mn [Z(β_mn) − erf(ηβ_mn)/(k₁β_mn)]  +  (2/(k₁√π)) ∫_0^η (F_x(s) F_y(s) − 1) ds.

*The modal part* decays like ΔZ = Z − 1/(k₁β) (≈ e^{−2βt₁}) plus erfc(ηβ)/β, so a few modes with
β ≤ B ≈ 8/t₁ suffice. For any layers below the top one (and any h) the impedance of the top layer over
a lower impedance g/(k₁β) ≥ 0 is (g + T)/(k₁β(1 + gT)), T = tanh βt₁, hence
|Z − 1/(k₁β)| ≤ (1 − T)/(k₁βT): the omitted modes (β > B) are bounded by that value at B times their
weight; an omitted mode (β > B) has λ_m or δ_n > B/√2, so Σ_omitted w ≤ (d/b)·8c²/(π²a²M′) +
(c/a)·8d²/(π²b²N′), M′ = ⌊Bc/(√2π)⌋, N′ = ⌊Bd/(√2π)⌋ (ε_m u_m² ≤ 8/(λ_m a)², Σ_{m>M′} 1/m² ≤ 1/M′,
Σ_n ε_n v_n² = d/b by Parseval). This bound is the reported modal error.

*The image part* is separable: F_x(s) = Σ_m ε_m u_m² exp(−λ_m² s²) is the source's mean of the Neumann
heat kernel of the strip 0 < x < c at time s², which by the method of images (Carslaw & Jaeger,
Conduction of Heat in Solids, 2nd ed. 1959, §2.2 and Appendix II for ierfc) is, in closed form,

    F_x(s) = c/a + (c s/a²) Σ_j [ ierfc(|L+a|/2s) − 2 ierfc(|L|/2s) + ierfc(|L−a|/2s)
                                  + ierfc(|2x_c+a−L|/2s) − 2 ierfc(|2x_c−L|/2s) + ierfc(|2x_c−a−L|/2s) ],

L = 2jc over the image index j, ierfc(u) = e^{−u²}/√π − u erfc(u). The s-integral is smooth and is taken
by Gauss–Legendre quadrature; the change from half the nodes is the reported quadrature error.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray
from scipy import special

from tcrlab.spreading.layers import Layers, mode_impedance

__all__ = ["split_sums"]

_SQRT_PI = math.sqrt(math.pi)
_ERFC_CUT = 6.0  # ηB: erfc(6) = 2e-17, the Ewald far part is negligible beyond the modal cut-off
_U_CUT = 6.5  # ierfc(6.5) < 1e-20: images farther than 2·6.5·s do not contribute
_NODES = 24  # Gauss–Legendre nodes on [0, η] (the 12-node rule gives the error estimate)


def rule(nodes: int, power: float = 2.0) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Gauss–Legendre on [0, 1] after s = v**power (nodes gathered towards s = 0, where the source edges'
    images leave features as narrow as the smallest edge-to-wall gap)."""
    t, w = np.polynomial.legendre.leggauss(nodes)
    v = 0.5 * (t + 1.0)
    return v**power, 0.5 * w * power * v ** (power - 1.0)


_GL = {q: rule(q) for q in (_NODES // 2, _NODES, 2 * _NODES, 4 * _NODES, 8 * _NODES)}  # 48–192: thin layers
MODE_LADDER = np.unique(np.round(2.0 ** np.arange(0, 11.01, 0.5)).astype(np.int64))  # modes per direction


def _ierfc(u: NDArray[np.float64]) -> NDArray[np.float64]:
    """ierfc(u) = ∫_u^∞ erfc = e^{−u²}/√π − u·erfc(u) (u ≥ 0)."""
    return np.exp(-u * u) / _SQRT_PI - u * special.erfc(u)


def strip_factor(size, centre, plate, s) -> NDArray[np.float64]:  # type: ignore[no-untyped-def]
    """F(s) = Σ_m ε_m u_m² exp(−λ_m² s²) by images; ``size``, ``centre``, ``plate`` (G, 1), ``s`` (G, Q)."""
    reach = float(np.max((2.0 * _U_CUT * s.max(axis=1, keepdims=True) + size) / (2.0 * plate)))
    acc = np.zeros(s.shape)
    inv = 1.0 / (2.0 * s)
    for j in range(-math.floor(reach), math.floor(reach) + 1):  # direct images, |2jc ± a| < 2·6.5·s
        L = 2.0 * j * plate
        acc += _ierfc(np.abs(L + size) * inv) - 2.0 * _ierfc(np.abs(L) * inv) + _ierfc(np.abs(L - size) * inv)
    for j in range(-math.floor(reach), math.floor(reach) + 2):  # mirrored images, 2x_c ± a ∈ [0, 2c]
        z = 2.0 * centre - 2.0 * j * plate
        acc += _ierfc(np.abs(z + size) * inv) - 2.0 * _ierfc(np.abs(z) * inv) + _ierfc(np.abs(z - size) * inv)
    return plate / size + plate * s / size**2 * acc


def _image_integral(a, b, c, d, x, y, eta, nodes: int) -> NDArray[np.float64]:  # type: ignore[no-untyped-def]
    """∫_0^η (F_x F_y − 1) ds by ``nodes``-point Gauss–Legendre, for a batch (1-D arrays)."""
    t, w = _GL[nodes]
    s = eta[:, None] * t[None, :]
    fx = strip_factor(a[:, None], x[:, None], c[:, None], s)
    fy = strip_factor(b[:, None], y[:, None], d[:, None], s)
    return eta * np.sum(w[None, :] * (fx * fy - 1.0), axis=1)


def mode_counts(cutoff, c, d, ladder: bool) -> tuple[NDArray[np.int64], NDArray[np.int64]]:  # type: ignore[no-untyped-def]
    """M = ⌈Bc/π⌉, N = ⌈Bd/π⌉; with ``ladder`` rounded up on a √2 ladder so that geometries share one
    NumPy mode block."""
    big_m = np.maximum(np.ceil(cutoff * c / np.pi), 1).astype(np.int64)
    big_n = np.maximum(np.ceil(cutoff * d / np.pi), 1).astype(np.int64)
    if ladder:
        big_m = MODE_LADDER[np.minimum(np.searchsorted(MODE_LADDER, big_m), MODE_LADDER.size - 1)]
        big_n = MODE_LADDER[np.minimum(np.searchsorted(MODE_LADDER, big_n), MODE_LADDER.size - 1)]
    return big_m, big_n


def _parts_numpy(a, b, c, d, x, y, lay: Layers, big_m, big_n, bcut, eta):  # type: ignore[no-untyped-def]
    """(modal sum, image integral with 24 nodes, with 12 nodes) in NumPy (the compiled kernel's reference)."""
    k1 = lay.conductivity[0]
    modal = np.zeros(a.size)
    for mm, nn in np.unique(np.stack([big_m, big_n], axis=1), axis=0):
        idx = np.flatnonzero((big_m == mm) & (big_n == nn))
        step = max(1, (1 << 21) // int((mm + 1) * (nn + 1)))
        for i0 in range(0, idx.size, step):
            part = idx[i0:i0 + step]

            def sel(v, part=part):  # type: ignore[no-untyped-def]
                return v[part][:, None, None]
            m = np.arange(mm + 1)[None, :, None]
            n = np.arange(nn + 1)[None, None, :]
            lam = m * np.pi / sel(c)
            dlt = n * np.pi / sel(d)
            u2 = (np.cos(lam * sel(x)) * np.sinc(0.5 * lam * sel(a) / np.pi)) ** 2 * np.where(m > 0, 2.0, 1.0)
            v2 = (np.cos(dlt * sel(y)) * np.sinc(0.5 * dlt * sel(b) / np.pi)) ** 2 * np.where(n > 0, 2.0, 1.0)
            beta = np.sqrt(lam**2 + dlt**2)
            beta[:, 0, 0] = 1.0
            sub = Layers(tuple(sel(t) for t in lay.thickness), tuple(sel(k) for k in lay.conductivity),
                         sel(lay.h))
            z = mode_impedance(beta, sub) - special.erf(sel(eta) * beta) / (sel(k1) * beta)
            z[:, 0, 0] = 0.0
            z[beta > sel(bcut)] = 0.0
            modal[part] = np.einsum("gm,gmn,gn->g", u2[:, :, 0], z, v2[:, 0, :])
    fine = _image_integral(a, b, c, d, x, y, eta, _NODES)
    coarse = _image_integral(a, b, c, d, x, y, eta, _NODES // 2)
    return modal, fine, coarse


def _parts_compiled(a, b, c, d, x, y, lay: Layers, big_m, big_n, bcut, eta):  # type: ignore[no-untyped-def]
    from tcrlab.spreading._kernels import rect_split  # imports numba only when needed

    g = a.size
    thick = np.ascontiguousarray(np.stack([np.broadcast_to(t, (g,)) for t in lay.thickness], axis=1))
    cond = np.ascontiguousarray(np.stack([np.broadcast_to(k, (g,)) for k in lay.conductivity], axis=1))
    h = np.broadcast_to(lay.h, (g,))
    with np.errstate(divide="ignore"):
        zsink = np.ascontiguousarray(np.where(np.isinf(h), 0.0, 1.0 / h))
    args = [np.ascontiguousarray(v, dtype=float) for v in (a, b, c, d, x, y)]
    return rect_split(*args, thick, cond, zsink, np.ascontiguousarray(big_m), np.ascontiguousarray(big_n),
                      np.ascontiguousarray(bcut, dtype=float), np.ascontiguousarray(eta, dtype=float), *_GL[_NODES], *_GL[_NODES // 2])


def split_sums(a, b, c, d, x, y, lay: Layers, big_m, big_n, *, compiled: bool = False):  # type: ignore[no-untyped-def]
    """(R_s = S/(cd) [K/W], its error bound [K/W]) for a batch (1-D arrays) with M, N modes per direction.

    The modes with β ≤ B_eff = min(Mπ/c, Nπ/d) are summed; η = 6/B_eff, so that erfc(ηβ) < 2e-17 beyond.

    Parameters
    ----------
    a, b : ndarray
        Source size along x and y [m].
    c, d : ndarray
        Plate size along x and y [m].
    x, y : ndarray
        Source centre from the plate corner [m].
    lay : Layers
        The layers (thickness [m], conductivity [W/(m K)], sink h [W/(m² K)]) of each geometry.
    big_m, big_n : ndarray of int
        Modes M, N per direction.
    compiled : bool
        Use the numba kernel (:func:`tcrlab.spreading._kernels.rect_split`) instead of NumPy.

    Returns
    -------
    spreading : ndarray
        R_s [K/W].
    error : ndarray
        Bound on its error [K/W] (omitted modes plus quadrature change).

    References
    ----------
    P. P. Ewald, Ann. Phys. (Leipzig) 64 (1921) 253 (the splitting); Carslaw & Jaeger, *Conduction of
    Heat in Solids*, 2nd ed. 1959, §2.2 (the images).
    """
    t1, k1 = lay.thickness[0], lay.conductivity[0]
    b_eff = np.minimum(big_m * np.pi / c, big_n * np.pi / d)
    eta = _ERFC_CUT / b_eff
    parts = _parts_compiled if compiled else _parts_numpy
    bcut = b_eff * (1.0 + 1e-9)  # modes on the ellipse itself count as summed in both kernels
    modal, fine, coarse = parts(a, b, c, d, x, y, lay, big_m, big_n, bcut, eta)
    image = 2.0 / (k1 * _SQRT_PI) * fine
    quad_err = 2.0 / (k1 * _SQRT_PI) * np.abs(fine - coarse)
    # omitted modes (β > B_eff, so λ_m or δ_n > B_eff/√2), bounded as in the module docstring
    m_half = np.maximum(np.floor(b_eff * c / (math.sqrt(2.0) * np.pi)), 1.0)
    n_half = np.maximum(np.floor(b_eff * d / (math.sqrt(2.0) * np.pi)), 1.0)
    weight = (d / b) * 8.0 * c**2 / (np.pi**2 * a**2 * m_half) + (c / a) * 8.0 * d**2 / (np.pi**2 * b**2 * n_half)
    th = np.tanh(b_eff * t1)
    zmax = (1.0 - th) / (k1 * b_eff * th) + special.erfc(eta * b_eff) / (k1 * b_eff)
    return (modal + image) / (c * d), (weight * zmax + quad_err) / (c * d)
