"""Compiled double sum of the rectangular-source series (numba; one pass over the modes, no temporaries).

The NumPy form of the same sum (``rectangle._rect_sum_numpy``) is kept as the reference the tests compare
this kernel with.
"""

from __future__ import annotations

import math

import numba
import numpy as np

__all__ = ["rect_sums"]


@numba.njit(cache=True, nogil=True, parallel=True)
def rect_sums(a, b, c, d, x, y, thick, cond, zsink, m_modes, n_modes):  # pragma: no cover - compiled
    """Σ_{(m,n)≠(0,0), m≤M, n≤N} ε_m ε_n u_m² v_n² Z(β_mn)/(cd) for each geometry g (first axis).

    ``thick``, ``cond``: (G, L) layers from the heated face down; ``zsink``: 1/h (0: isothermal).
    Zero weights (a centred source's odd modes) are skipped.
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
