"""Compiled double sum of the rectangular-source series (numba; one pass over the modes, no temporaries).

The NumPy form of the same sum (``rectangle._rect_sum_numpy``) is kept as the reference the tests compare
this kernel with.
"""

from __future__ import annotations

import math

import numba
import numpy as np

__all__ = ["rect_split", "rect_sums"]


@numba.njit(cache=True, nogil=True, parallel=True)
def rect_sums(a, b, c, d, x, y, thick, cond, zsink, m_modes, n_modes):  # pragma: no cover - compiled
    """Σ_{(m,n)≠(0,0), m≤M, n≤N} ε_m ε_n u_m² v_n² Z(β_mn)/(cd) for each geometry g (first axis).

    ``thick``, ``cond``: (G, L) layers from the heated face down; ``zsink``: 1/h (0: isothermal).
    Zero weights (a centred source's odd modes) are skipped.

    Parameters
    ----------
    a, b, c, d, x, y : ndarray
        Source size, plate size and source centre of each geometry [m], shape (G,).
    thick, cond : ndarray
        Layer thicknesses [m] and conductivities [W/(m K)], shape (G, L).
    zsink : ndarray
        1/h of the sink [m² K/W] (0: isothermal), shape (G,).
    m_modes, n_modes : int
        Modes M, N per direction.

    Returns
    -------
    ndarray
        The spreading sum R_s [K/W] of each geometry.
    """
    g_count = a.shape[0]
    layers = thick.shape[1]
    out = np.zeros(g_count)
    for g in numba.prange(g_count):
        uu = np.empty(m_modes + 1)
        lam = np.empty(m_modes + 1)
        for m in range(m_modes + 1):
            lam[m] = m * math.pi / c[g]
            half = 0.5 * lam[m] * a[g]
            s = 1.0 if half == 0.0 else math.sin(half) / half
            uu[m] = (math.cos(lam[m] * x[g]) * s) ** 2 * (2.0 if m > 0 else 1.0)
        total = 0.0
        for n in range(n_modes + 1):
            dn = n * math.pi / d[g]
            half = 0.5 * dn * b[g]
            s = 1.0 if half == 0.0 else math.sin(half) / half
            vv = (math.cos(dn * y[g]) * s) ** 2 * (2.0 if n > 0 else 1.0)
            if vv < 1e-24:
                continue
            row = 0.0
            for m in range(m_modes + 1):
                if (m == 0 and n == 0) or uu[m] < 1e-24:
                    continue
                beta = math.sqrt(lam[m] * lam[m] + dn * dn)
                z = zsink[g]
                for j in range(layers - 1, -1, -1):
                    kb = cond[g, j] * beta
                    th = math.tanh(beta * thick[g, j])
                    gz = kb * z
                    z = (gz + th) / (kb * (1.0 + gz * th))
                row += uu[m] * z
            total += vv * row
        out[g] = total / (c[g] * d[g])
    return out


@numba.njit(cache=True, nogil=True)
def _strip_factor(size, centre, plate, s):  # pragma: no cover - compiled
    """F(s) of :func:`tcrlab.spreading._rect_split.strip_factor` for one geometry and one s, skipping
    images whose ierfc argument exceeds 6.5 (ierfc < 1e-20)."""
    inv = 1.0 / (2.0 * s)
    cut = 13.0 * s
    acc = 0.0
    reach = math.floor((cut + size) / (2.0 * plate))
    for j in range(-reach, reach + 2):
        for k in range(2):
            z0 = 2.0 * j * plate if k == 0 else 2.0 * centre - 2.0 * j * plate
            for z, coef in ((z0 + size, 1.0), (z0, -2.0), (z0 - size, 1.0)):
                az = abs(z)
                if az < cut:
                    u = az * inv
                    acc += coef * (math.exp(-u * u) / math.sqrt(math.pi) - u * math.erfc(u))
    return plate / size + plate * s / (size * size) * acc


@numba.njit(cache=True, nogil=True, parallel=True)
def rect_split(a, b, c, d, x, y, thick, cond, zsink, big_m, big_n, bcut, eta, nodes, weights, nodes2, weights2):  # pragma: no cover - compiled
    """The two parts of :func:`tcrlab.spreading._rect_split.split_sums` for each geometry g: the modal sum
    Σ'_{β≤B} w_mn [Z(β) − erf(ηβ)/(k₁β)] (B = ``bcut``, m ≤ M, n ≤ N) and ∫_0^η (F_x F_y − 1) ds on two Gauss–Legendre rules
    (``nodes``/``weights``: s/η and weights on [0, 1]). Returns (modal, integral, integral with the second rule).

    Parameters
    ----------
    a, b, c, d, x, y : ndarray
        Source size, plate size and source centre of each geometry [m], shape (G,).
    thick, cond : ndarray
        Layer thicknesses [m] and conductivities [W/(m K)], shape (G, L).
    zsink : ndarray
        1/h of the sink [m² K/W] (0: isothermal), shape (G,).
    big_m, big_n : ndarray of int
        Modes M, N per direction of each geometry.
    bcut : ndarray
        Modal cut-off B [rad/m].
    eta : ndarray
        Ewald split parameter η [m].
    nodes, weights : ndarray
        The fine Gauss–Legendre rule on [0, 1].
    nodes2, weights2 : ndarray
        The coarse rule (the error estimate).

    Returns
    -------
    modal : ndarray
        The modal sum S_modal [m² K/W] (R_s takes it divided by cd).
    integral : ndarray
        ∫_0^η (F_x F_y − 1) ds with the fine rule [m].
    integral2 : ndarray
        The same with the coarse rule [m].
    """
    g_count = a.shape[0]
    layers = thick.shape[1]
    modal = np.zeros(g_count)
    fine = np.zeros(g_count)
    coarse = np.zeros(g_count)
    for g in numba.prange(g_count):
        mm = big_m[g]
        nn = big_n[g]
        k1 = cond[g, 0]
        uu = np.empty(mm + 1)
        lam = np.empty(mm + 1)
        for m in range(mm + 1):
            lam[m] = m * math.pi / c[g]
            half = 0.5 * lam[m] * a[g]
            s = 1.0 if half == 0.0 else math.sin(half) / half
            uu[m] = (math.cos(lam[m] * x[g]) * s) ** 2 * (2.0 if m > 0 else 1.0)
        total = 0.0
        for n in range(nn + 1):
            dn = n * math.pi / d[g]
            half = 0.5 * dn * b[g]
            s = 1.0 if half == 0.0 else math.sin(half) / half
            vv = (math.cos(dn * y[g]) * s) ** 2 * (2.0 if n > 0 else 1.0)
            if vv < 1e-30:
                continue
            row = 0.0
            for m in range(mm + 1):
                if (m == 0 and n == 0) or uu[m] < 1e-30:
                    continue
                beta = math.sqrt(lam[m] * lam[m] + dn * dn)
                if beta > bcut[g]:
                    break
                z = zsink[g]
                for j in range(layers - 1, -1, -1):
                    kb = cond[g, j] * beta
                    th = math.tanh(beta * thick[g, j])
                    gz = kb * z
                    z = (gz + th) / (kb * (1.0 + gz * th))
                row += uu[m] * (z - math.erf(eta[g] * beta) / (k1 * beta))
            total += vv * row
        modal[g] = total
        for rule in range(2):
            tt = nodes if rule == 0 else nodes2
            ww = weights if rule == 0 else weights2
            acc = 0.0
            for q in range(tt.shape[0]):
                s = eta[g] * tt[q]
                acc += ww[q] * (_strip_factor(a[g], x[g], c[g], s) * _strip_factor(b[g], y[g], d[g], s) - 1.0)
            if rule == 0:
                fine[g] = eta[g] * acc
            else:
                coarse[g] = eta[g] * acc
    return modal, fine, coarse
