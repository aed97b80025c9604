"""The rectangle's double series for thin top layers: the layers' correction as a depth-response integral.

The split of :mod:`tcrlab.spreading._rect_split` subtracts the top material's half-space impedance
1/(k₁β) from every mode; what is left, Z − 1/(k₁β), decays only over the top layer's thickness t₁, so the
modal sum must reach β ≈ 8/t₁ — (c/t₁)² modes, too many once t₁ ≪ c. Here the whole layered impedance
is written as a Laplace transform in β² (a time integral of the stack's 1-D surface response),

    Z(β) = ∫_0^∞ e^{−β²τ} G(τ) dτ,   G(τ) = 1/(k₁√(πτ)) + G_c(τ),

where G(τ) is the surface temperature, at "time" τ [m²], of the stack of layers (conductivity k_i,
volumetric heat capacity k_i, i.e. unit diffusivity; the sink below) after a unit heat pulse at its face:
Z(√p) is its Laplace transform (Carslaw & Jaeger, *Conduction of Heat in Solids*, 2nd ed. 1959, §12.1).
The half-space part 1/(k₁√(πτ)) is the top material's, handled exactly as before (erf(ηβ)/β Ewald
split and closed-form images, :mod:`tcrlab.spreading._rect_split`). The correction G_c is found by
numerical Laplace inversion of Z(√p) − 1/(k₁√p) (fixed Talbot contour, Abate & Valkó, Int. J. Numer.
Meth. Eng. 60 (2004) 979, doi:10.1002/nme.995) at nodes τ_q of a log-spaced Gauss–Legendre rule on
[t₁²/64, η²], weights w_q. With Q_c(β) = Σ_q w_q G_c(τ_q) e^{−β²τ_q}, the identity

    Σ' w_mn Z(β_mn) = Σ'_{m≤M, n≤N} w_mn [Z − erf(ηβ)/(k₁β) − Q_c(β)]                          (modal)
                    + (2/(k₁√π)) ∫_0^η (F_x F_y − 1) ds                                        (top material)
                    + Σ_q w_q G_c(τ_q) [F_x F_y − F_x^{(M)} F_y^{(N)}](√τ_q)                    (layers)
                    + Σ'_{m>M or n>N} w_mn r(β_mn),   r(β) = Z(β) − erf(ηβ)/(k₁β) − Q_c(β),    (omitted)

holds for *any* nodes and values G_c(τ_q): the inversion's and the τ-rule's accuracy only decide how small
r is. F_x(s) = Σ_m ε_m u_m² e^{−λ_m²s²} is the closed-form image sum of :mod:`tcrlab.spreading._rect_split`,
F_x^{(M)} its first M + 1 modes. Because r(β) → 0 for β ≫ 1/η wherever the rule resolves G_c, the modal
cut-off is set by the plate (β ≤ ≈ 40/min(c, d), η = 6/β_cut), not by t₁: a few hundred modes whatever t₁.

The omitted modes (β ≥ B = min(Mπ/c, Nπ/d)) are bounded by sup_{β≥B} |r(β)| times their exact total
weight cd/(ab) − F_x^{(M)}(0) F_y^{(N)}(0). That supremum is taken over 64 points per decade of β from B to
β_hi = 24/t₁ (times 2 for what lies between the points: r is smooth on that scale, the τ-rule's error
oscillates over about a decade of β per node spacing) and, beyond β_hi, by the analytic bound
(1 − tanh βt₁)/(k₁β tanh βt₁) + erfc(ηβ)/(k₁β) + Σ_q |w_q G_c(τ_q)| e^{−β²τ_q}, each term decreasing in β.
The top material's s-integral takes 48 Gauss–Legendre nodes and reports the change from 24 as its error
(a poorly conducting top layer makes that integral many times R_s, cancelled by the layers' part).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray
from scipy import special

from tcrlab.spreading._rect_split import _ERFC_CUT, _NODES, _image_integral, strip_factor
from tcrlab.spreading.layers import Layers, mode_impedance

__all__ = ["layer_response", "residual_sup", "thin_sums"]

_SQRT_PI = math.sqrt(math.pi)
_TALBOT = 16  # fixed-Talbot nodes: truncation ~10^(−0.6·16), round-off ~e^(0.4·16)·1e-16 ≈ 1e-13
_PANEL = 8  # Gauss–Legendre nodes per panel of the ln τ rule
_TAU_LO = 1.0 / 64.0  # τ_lo = t₁²/64: G_c(τ) ~ e^{−t₁²/τ} < e^{−64} below
_BETA_PER_DECADE = 64  # sampling of r(β) for its supremum
_BETA_HI = 24.0  # β_hi·t₁: (1 − tanh)/tanh < 4e-21 beyond
_CHUNK = 256  # geometries per block (the largest blocks hold ~(chunk, β points, τ nodes) floats)


def _impedance_complex(beta: NDArray[np.complex128], thick, cond, zsink) -> NDArray[np.complex128]:  # type: ignore[no-untyped-def]
    """Z(β) of :func:`tcrlab.spreading.layers.mode_impedance` for complex β (same recursion)."""
    z = zsink.astype(complex)
    for t, k in zip(reversed(thick), reversed(cond), strict=True):
        kb = k * beta
        th = np.tanh(beta * t)
        g = kb * z
        z = (g + th) / (kb * (1.0 + g * th))
    return z


def layer_response(tau: NDArray[np.float64], lay: Layers) -> NDArray[np.float64]:
    """G_c(τ) = G(τ) − 1/(k₁√(πτ)) [K m / W · 1/m]: the layers' correction to the top material's surface
    response, by fixed-Talbot inversion of Z(√p) − 1/(k₁√p).

    Parameters
    ----------
    tau : ndarray
        "Times" τ [m²], shape (G, Q) for G geometries.
    lay : Layers
        One-dimensional layers of the G geometries.

    Returns
    -------
    ndarray
        G_c(τ) [K/(W m)] (so that ∫ G_c dτ has the units of Z, m² K/W), shape (G, Q).

    References
    ----------
    J. Abate, P. P. Valkó, "Multi-precision Laplace transform inversion", Int. J. Numer. Meth. Eng. 60
    (2004) 979–993 (the fixed Talbot contour).

    Examples
    --------
    A thick slab (t₁ ≫ √τ) has no correction yet; a thin slab on an isothermal sink loses the whole
    half-space response (G → 0, G_c → −1/(k√(πτ))):

    >>> from tcrlab.spreading.layers import check_layers
    >>> lay = check_layers([(np.array([1.0, 1e-3]), 2.0)]).flat(slice(None), (2,))
    >>> gc = layer_response(np.array([[1e-4], [1.0]]), lay)[:, 0]
    >>> round(abs(float(gc[0])), 12), round(float(gc[1] * 2.0 * np.sqrt(np.pi)), 9)
    (0.0, -1.0)
    """
    m = _TALBOT
    theta = np.arange(1, m) * np.pi / m
    cot = 1.0 / np.tan(theta)
    sig = theta + (theta * cot - 1.0) * cot
    nodes = np.concatenate([[1.0 + 0j], theta * (cot + 1j)])  # s_k / r
    fac = np.concatenate([[0.5 + 0j], 1.0 + 1j * sig])
    r = 2.0 * m / (5.0 * tau)  # (G, Q)
    p = r[..., None] * nodes  # (G, Q, K)
    beta = np.sqrt(p)
    idx = (slice(None), None, None)
    thick = [t[idx] for t in lay.thickness]
    cond = [k[idx] for k in lay.conductivity]
    with np.errstate(divide="ignore"):
        zsink = np.where(np.isinf(lay.h), 0.0, 1.0 / np.where(np.isinf(lay.h), 1.0, lay.h))[idx]
    with np.errstate(under="ignore", over="ignore"):
        zc = _impedance_complex(beta, thick, cond, zsink) - 1.0 / (cond[0] * beta)
        terms = np.exp(p * tau[..., None]) * zc * fac
    return np.asarray(r / m * np.sum(terms.real, axis=-1))


def _tau_rule(t1, eta, panels: int) -> tuple[NDArray[np.float64], NDArray[np.float64]]:  # type: ignore[no-untyped-def]
    """Nodes τ_q and weights (dτ) of a ``panels``-panel Gauss–Legendre rule in ln τ on [t₁²/64, η²]."""
    x, w = np.polynomial.legendre.leggauss(_PANEL)
    lo = np.log(_TAU_LO * t1**2)
    hi = np.log(eta**2)
    width = (hi - lo) / panels  # (G,)
    start = lo[:, None] + width[:, None] * np.arange(panels)[None, :]
    u = (start[:, :, None] + 0.5 * width[:, None, None] * (x + 1.0)).reshape(t1.size, -1)
    tau = np.exp(u)
    weight = tau * (0.5 * width[:, None] * np.tile(w, panels)[None, :])
    return tau, weight


def _partial_factor(size, centre, plate, modes: int, tau) -> tuple[NDArray[np.float64], NDArray[np.float64]]:  # type: ignore[no-untyped-def]
    """(F^{(M)}(√τ), F^{(M)}(0)): the first ``modes`` + 1 terms of Σ ε_m u_m² e^{−λ_m²τ}; 1-D inputs (G,)."""
    m = np.arange(modes + 1)[None, :]
    lam = m * np.pi / plate[:, None]
    u2 = (np.cos(lam * centre[:, None]) * np.sinc(0.5 * lam * size[:, None] / np.pi)) ** 2 * np.where(m > 0, 2.0, 1.0)
    return np.einsum("gm,gmq->gq", u2, np.exp(-lam[:, :, None] ** 2 * tau[:, None, :])), u2.sum(axis=1)


def residual_sup(lay: Layers, eta, b_eff, tau, gw, per_decade: int = _BETA_PER_DECADE):  # type: ignore[no-untyped-def]
    """sup_{β ≥ B} |r(β)|, r = Z − erf(ηβ)/(k₁β) − Σ_q gw_q e^{−β²τ_q}: twice the largest of ``per_decade``
    log-spaced samples per decade from B to β_hi = 24/t₁, or the analytic bound at β_hi if larger.

    Parameters
    ----------
    lay : Layers
        One-dimensional layers of G geometries (thickness [m], conductivity [W/(m K)], sink h [W/(m² K)]).
    eta : ndarray
        Ewald parameter η [m], shape (G,).
    b_eff : ndarray
        Modal cut-off B [1/m], shape (G,).
    tau, gw : ndarray
        τ-rule nodes [m²] and weights times G_c, w_q G_c(τ_q) [m² K/W], shape (G, Q).
    per_decade : int
        Samples of r per decade of β.

    Returns
    -------
    ndarray
        The bound on |r(β)| for β ≥ B [m² K/W], shape (G,).

    Examples
    --------
    Without the layers' correction (gw = 0), r is negligible on a thick plate (the erfc tail,
    erfc(6)/(k₁B) ≈ 5e-21) but not on a thin one, whose modes beyond B still feel the sink:

    >>> from tcrlab.spreading.layers import check_layers
    >>> args = np.array([0.15]), np.array([40.0]), np.ones((1, 1)), np.zeros((1, 1))
    >>> thick = check_layers([(1.0, 100.0)]).flat(slice(None), (1,))
    >>> thin = check_layers([(0.01, 100.0)]).flat(slice(None), (1,))
    >>> bool(residual_sup(thick, *args)[0] < 1e-20), bool(residual_sup(thin, *args)[0] > 1e-4)
    (True, True)
    """
    k1, t1 = lay.conductivity[0], lay.thickness[0]
    decades = np.log10(_BETA_HI / (t1 * b_eff))
    npts = max(2, math.ceil(float(np.max(decades)) * per_decade) + 1)
    grid = b_eff[:, None] * (np.maximum(_BETA_HI / (t1 * b_eff), 1.0)[:, None]
                             ** (np.arange(npts) / (npts - 1))[None, :])  # (G, P)
    zg = mode_impedance(grid, Layers(tuple(t[:, None] for t in lay.thickness),
                                     tuple(k[:, None] for k in lay.conductivity), lay.h[:, None]))
    qc = np.einsum("gq,gpq->gp", gw, np.exp(-grid[:, :, None] ** 2 * tau[:, None, :]))
    r = zg - special.erf(eta[:, None] * grid) / (k1[:, None] * grid) - qc
    hi = grid[:, -1]
    th = np.tanh(hi * t1)
    tail = ((1.0 - th) / (k1 * hi * th) + special.erfc(eta * hi) / (k1 * hi)
            + np.sum(np.abs(gw) * np.exp(-hi[:, None] ** 2 * tau), axis=1))
    return np.maximum(2.0 * np.max(np.abs(r), axis=1), tail)


def _block(a, b, c, d, x, y, lay: Layers, big_m: int, big_n: int, panels: int, nodes: int):  # type: ignore[no-untyped-def]
    """(S/(cd) [K/W], error bound [K/W]) for a block of geometries sharing M, N."""
    k1, t1 = lay.conductivity[0], lay.thickness[0]
    b_eff = np.minimum(big_m * np.pi / c, big_n * np.pi / d)
    eta = _ERFC_CUT / b_eff
    tau, wq = _tau_rule(t1, eta, panels)
    gw = wq * layer_response(tau, lay)  # w_q G_c(τ_q)

    # modal part over the rectangle m ≤ M, n ≤ N
    m = np.arange(big_m + 1)[None, :, None]
    n = np.arange(big_n + 1)[None, None, :]
    sel = (slice(None), None, None)
    lam = m * np.pi / c[sel]
    dlt = n * np.pi / d[sel]
    u2 = (np.cos(lam * x[sel]) * np.sinc(0.5 * lam * a[sel] / np.pi)) ** 2 * np.where(m > 0, 2.0, 1.0)
    v2 = (np.cos(dlt * y[sel]) * np.sinc(0.5 * dlt * b[sel] / np.pi)) ** 2 * np.where(n > 0, 2.0, 1.0)
    beta = np.sqrt(lam**2 + dlt**2)
    beta[:, 0, 0] = 1.0
    sub = Layers(tuple(t[sel] for t in lay.thickness), tuple(k[sel] for k in lay.conductivity), lay.h[sel])
    z = mode_impedance(beta, sub) - special.erf(eta[sel] * beta) / (k1[sel] * beta)
    z[:, 0, 0] = 0.0
    modal = np.einsum("gm,gmn,gn->g", u2[:, :, 0], z, v2[:, 0, :])
    # − Σ_rect w Q_c(β) + Σ' w Q_c(β) = Σ_q w_q G_c(τ_q)[F_x F_y − F_x^(M) F_y^(N)]
    s = np.sqrt(tau)
    fx = strip_factor(a[:, None], x[:, None], c[:, None], s)
    fy = strip_factor(b[:, None], y[:, None], d[:, None], s)
    fxm, fxm0 = _partial_factor(a, x, c, big_m, tau)
    fyn, fyn0 = _partial_factor(b, y, d, big_n, tau)
    layer_part = np.sum(gw * (fx * fy - fxm * fyn), axis=1)
    fine = _image_integral(a, b, c, d, x, y, eta, nodes)
    coarse = _image_integral(a, b, c, d, x, y, eta, nodes // 2)
    top = 2.0 / (k1 * _SQRT_PI) * fine
    quad_err = 2.0 / (k1 * _SQRT_PI) * np.abs(fine - coarse)

    sup = residual_sup(lay, eta, b_eff, tau, gw)
    omitted = np.maximum(c * d / (a * b) - fxm0 * fyn0, 0.0) + 1e-14 * c * d / (a * b)
    value = (modal + top + layer_part) / (c * d)
    return value, (omitted * sup + quad_err) / (c * d)


def thin_sums(a, b, c, d, x, y, lay: Layers, big_m, big_n, *, panels_per_decade: float = 1.0, nodes: int = 2 * _NODES):  # type: ignore[no-untyped-def]
    """(R_s = S/(cd) [K/W], its error bound [K/W]) by the depth-response split, for a batch (1-D arrays).

    Parameters
    ----------
    a, b : ndarray
        Source size along x and y [m].
    c, d : ndarray
        Plate size along x and y [m].
    x, y : ndarray
        Source centre from the plate corner [m].
    lay : Layers
        One-dimensional layers of each geometry (thickness [m], conductivity [W/(m K)], sink h [W/(m² K)]).
    big_m, big_n : ndarray of int
        Modes M, N per direction summed in the modal part.
    panels_per_decade : float
        Gauss–Legendre panels (of 8 nodes) per decade of τ in the G_c rule.
    nodes : int
        Gauss–Legendre nodes of the top material's s-integral (48, 96 or 192; half of them give its error:
        a low-conductivity top layer multiplies that integral's share of R_s, so 24 is too few).

    Returns
    -------
    spreading : ndarray
        R_s [K/W].
    error : ndarray
        Bound on its error [K/W] (omitted modes, sampled as in the module docstring, plus the top
        material's quadrature change).

    References
    ----------
    Y. S. Muzychka, J. R. Culham, M. M. Yovanovich, J. Electronic Packaging 125(2) (2003) 178–185 (the
    series); P. P. Ewald, Ann. Phys. (Leipzig) 64 (1921) 253 (the splitting); J. Abate, P. P. Valkó,
    Int. J. Numer. Meth. Eng. 60 (2004) 979 (the inversion).

    Examples
    --------
    >>> from tcrlab.spreading.layers import check_layers
    >>> one = np.array([0.02]), np.array([0.02]), np.array([0.06]), np.array([0.06])
    >>> lay = check_layers([(6e-5, 380.0), (0.006, 200.0)], 1500.0).flat(slice(None), (1,))
    >>> r, e = thin_sums(*one, np.array([0.03]), np.array([0.03]), lay, np.array([128]), np.array([128]))
    >>> bool(e[0] < 1e-4 * r[0])
    True
    """
    value = np.zeros(a.size)
    error = np.zeros(a.size)
    t1 = lay.thickness[0]
    b_eff = np.minimum(big_m * np.pi / c, big_n * np.pi / d)
    decades = np.log10((_ERFC_CUT / b_eff) ** 2 / (_TAU_LO * t1**2))
    panels = np.maximum(2, np.ceil(decades * panels_per_decade)).astype(np.int64)
    keys = np.stack([big_m, big_n, panels], axis=1)
    for mm, nn, pp in np.unique(keys, axis=0):
        idx = np.flatnonzero(np.all(keys == (mm, nn, pp), axis=1))
        for i0 in range(0, idx.size, _CHUNK):
            part = idx[i0:i0 + _CHUNK]
            sub = Layers(tuple(t[part] for t in lay.thickness), tuple(k[part] for k in lay.conductivity),
                         lay.h[part])
            value[part], error[part] = _block(a[part], b[part], c[part], d[part], x[part], y[part], sub,
                                              int(mm), int(nn), int(pp), nodes)
    return value, error
