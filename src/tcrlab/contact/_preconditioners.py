"""Preconditioners of the contact solver's conjugate-gradient iterations on the contact set.

Both approximate the inverse of the periodic half-space compliance, E'|q|/2, restricted to the
contact set (the Fourier preconditioning of rough-contact FFT solvers; cf. Bugnicourt, Sainsot,
Dureisseix, Gauthier & Lubrecht, Tribol. Lett. 66 (2018) 29):

* :class:`FourierPreconditioner` applies E'|q|/2 exactly, one FFT pair per application;
* :class:`StencilPreconditioner` applies only the 3 × 3 core of its real-space kernel (the kernel
  of E'|q|/2 falls off as 1/r³, so the core carries most of it). No transform: about as many
  iterations as the exact operator, each one FFT pair cheaper (benchmarks/README.md).

The stencil also preconditions the load-controlled elastic–plastic iteration on its free set
(0 < p < H; :meth:`StencilPreconditioner.box_residual`): fewer iterations, and under a low hardness
the free set no longer empties, so there is no fallback to the root search (benchmarks/README.md).

A preconditioner only changes the path of the iteration, never its fixed point: both give the same
contact solution as the plain conjugate gradient.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numba
import numpy as np
from numpy.typing import NDArray

from tcrlab.contact import _kernels as kern
from tcrlab.contact._fft import Convolver, _scatter, _zero_at
from tcrlab.contact._threads import add_parts, run_rows, run_split

__all__ = ["FourierPreconditioner", "StencilPreconditioner", "stencil_coefficients"]

_CORE_GRID = 64  # the core is taken from E'|q|/2 on a 64² grid of the same pixel size
_MIN_SYMBOL = 0.01  # lowest Fourier symbol kept, as a fraction of the centre (positive definite)


@lru_cache(maxsize=64)
def stencil_coefficients(shape: tuple[int, int], size: tuple[float, float]) -> tuple[float, float, float, float]:
    """(centre, ±x neighbours, ±y neighbours, diagonals) of the real-space 3 × 3 core of E'|q|/2
    (E' = 1, up to a constant factor, which a CG preconditioner ignores) for pixels of ``size``/``shape``.

    The truncated stencil's symbol s0 + 2sx cos θx + 2sy cos θy + 4sd cos θx cos θy must stay
    positive (a positive-definite preconditioner); the centre is raised where it would not.

    Parameters
    ----------
    shape : tuple of int
        Grid points (nx, ny).
    size : tuple of float
        Physical size (Lx, Ly) [m].

    Returns
    -------
    tuple of float
        (s0, sx, sy, sd) [1/m up to the common factor].
    """
    m = _CORE_GRID
    dx, dy = size[0] / shape[0], size[1] / shape[1]
    multiplier = kern.preconditioner_kernel((m, m), (m * dx, m * dy), 1.0) * (m * m)
    core = np.fft.irfft2(multiplier, s=(m, m))
    s0, sx, sy, sd = (float(core[0, 0]), float(core[1, 0]), float(core[0, 1]), float(core[1, 1]))
    cos = np.cos(np.linspace(0.0, np.pi, 65))
    symbol = s0 + 2 * sx * cos[:, None] + 2 * sy * cos[None, :] + 4 * sd * cos[:, None] * cos[None, :]
    low = float(symbol.min())
    if low < _MIN_SYMBOL * s0:
        s0 += _MIN_SYMBOL * s0 - low
    return s0, sx, sy, sd


@numba.njit(cache=True, fastmath=True, nogil=True)
def _masked_gap_row(out: Any, ui: Any, hi: Any, pi: Any, sigma: Any, c: Any, cap: Any) -> None:
    zero = sigma - sigma
    for j in range(out.size):
        g = sigma * ui[j] - hi[j] + c
        out[j] = g if (pi[j] > zero and pi[j] < cap) else zero


@numba.njit(cache=True, fastmath=True, nogil=True)
def _stencil_residual_rows(u: Any, h: Any, p: Any, z: Any, k: Any, r0: int, r1: int) -> tuple:
    """z ← S(mask g) on rows [r0, r1), mask 0 < p < cap, g = σu − h + c; return (Σ (mask g)·z,
    Σ mask·z) there.

    ``k`` = (σ, c, cap, s0, sx, sy, sd) in the arrays' dtype: the arithmetic stays in that dtype, so
    the loops vectorise. The masked gap of each row is computed once into three rolling rows (no
    branch on the neighbours); z off the mask is written but meaningless.
    """
    nx, ny = u.shape
    sigma, c, cap, s0, sx, sy, sd = k[0], k[1], k[2], k[3], k[4], k[5], k[6]
    zero = sigma - sigma
    prev = np.empty(ny, z.dtype)
    cur = np.empty(ny, z.dtype)
    nxt = np.empty(ny, z.dtype)
    im = r0 - 1 if r0 > 0 else nx - 1
    _masked_gap_row(prev, u[im], h[im], p[im], sigma, c, cap)
    _masked_gap_row(cur, u[r0], h[r0], p[r0], sigma, c, cap)
    last = ny - 1
    gz = 0.0
    zs = 0.0
    for i in range(r0, r1):
        ip = i + 1 if i < nx - 1 else 0
        _masked_gap_row(nxt, u[ip], h[ip], p[ip], sigma, c, cap)
        zi = z[i]
        for j in range(1, last):
            zi[j] = (s0 * cur[j] + sx * (prev[j] + nxt[j]) + sy * (cur[j - 1] + cur[j + 1])
                     + sd * (prev[j - 1] + prev[j + 1] + nxt[j - 1] + nxt[j + 1]))
        for j in (0, last):  # periodic ends (with ny = 1 both neighbours are the point itself)
            jm = j - 1 if j > 0 else last
            jp = j + 1 if j < last else 0
            zi[j] = (s0 * cur[j] + sx * (prev[j] + nxt[j]) + sy * (cur[jm] + cur[jp])
                     + sd * (prev[jm] + prev[jp] + nxt[jm] + nxt[jp]))
        # the sums in separate loops, accumulated per row in the dtype: they vectorise too
        row_gz = zero
        row_z = zero
        pi = p[i]
        for j in range(ny):
            row_gz += cur[j] * zi[j]
            row_z += zi[j] if (pi[j] > zero and pi[j] < cap) else zero
        gz += row_gz
        zs += row_z
        prev, cur, nxt = cur, nxt, prev
    return gz, zs


@numba.njit(cache=True, fastmath=True, nogil=True)
def _stencil_gather_part(out: Any, idx: Any, values: Any, flat: Any, nx: int, ny: int, s0: float, sx: float,
                         sy: float, sd: float) -> tuple:
    """out ← S x at the points ``idx`` (x: ``flat``, zero off the support); return (Σ x·out, Σ out)."""
    rz = 0.0
    total = 0.0
    for k in range(idx.size):
        f = idx[k]
        i = f // ny
        j = f - i * ny
        im = (i - 1 if i > 0 else nx - 1) * ny
        ip = (i + 1 if i < nx - 1 else 0) * ny
        jm = j - 1 if j > 0 else ny - 1
        jp = j + 1 if j < ny - 1 else 0
        row = i * ny
        v = (s0 * values[k]
             + sx * (flat[im + j] + flat[ip + j])
             + sy * (flat[row + jm] + flat[row + jp])
             + sd * (flat[im + jm] + flat[im + jp] + flat[ip + jm] + flat[ip + jp]))
        out[k] = v
        rz += values[k] * v
        total += v
    return rz, total


class StencilPreconditioner:
    """The 3 × 3 real-space core of E'|q|/2 on a periodic grid (see the module docstring).

    :meth:`residual` (constrained CG, full grid) and :meth:`apply_sparse` (vectors on a contact
    set) take the same arguments and return the same sums as :class:`FourierPreconditioner`.

    Parameters
    ----------
    shape : tuple of int
        Grid points (nx, ny).
    size : tuple of float
        Physical size (Lx, Ly) [m].
    dtype : numpy dtype
        float64 or float32 (of the work arrays).
    """

    def __init__(self, shape: tuple[int, int], size: tuple[float, float], dtype: Any) -> None:
        self.shape = (int(shape[0]), int(shape[1]))
        self.dtype = np.dtype(dtype)
        self.coefficients = stencil_coefficients(self.shape, (float(size[0]), float(size[1])))
        self._z: NDArray | None = None
        self._flat: NDArray | None = None  # x on the support, zeros elsewhere (apply_sparse)
        self._support: NDArray | None = None

    def residual(self, u: NDArray, h: NDArray, p: NDArray, sigma: float, c: float) -> tuple[NDArray, float]:
        """z ← M⁻¹ (mask g) on the contact set p > 0 (g = σu − h + c; z is not defined off the set,
        where no caller reads it); return (z, Σ (mask g)·z)."""
        z, gz, _ = self.box_residual(u, h, p, sigma, c, np.inf)
        return z, gz

    def box_residual(self, u: NDArray, h: NDArray, p: NDArray, sigma: float, c: float,
                     cap: float) -> tuple[NDArray, float, float]:
        """As :meth:`residual` on the free set 0 < p < ``cap`` (the elastic–plastic iteration; pass
        the cap as p's dtype holds it); return (z, Σ (mask g)·z, Σ mask·z)."""
        if self._z is None:
            self._z = np.empty(self.shape, self.dtype)
        k = np.array((sigma, c, cap, *self.coefficients), self.dtype)
        parts = run_rows(_stencil_residual_rows, self.shape[0], u.size, (u, h, p, self._z, k))
        gz, zs = add_parts(parts)
        return self._z, float(gz), float(zs)

    def apply_sparse(self, idx: NDArray[np.intp], values: NDArray, out: NDArray) -> tuple[float, float]:
        """out ← (M⁻¹ x) at ``idx`` for x equal to ``values`` at the flat indices ``idx`` and 0
        elsewhere; return (Σ x·M⁻¹x, Σ out). Pass the same ``idx`` object while the support holds."""
        if self._flat is None:
            self._flat = np.zeros(self.shape[0] * self.shape[1], self.dtype)
        if self._support is not idx:
            if self._support is not None:
                _zero_at(self._flat, self._support)
            self._support = idx
        _scatter(self._flat, idx, values)
        parts = run_split(_stencil_gather_part, (out, idx, values), (self._flat, *self.shape, *self.coefficients))
        rz, total = add_parts(parts)
        return float(rz), float(total)


class FourierPreconditioner:
    """E'|q|/2 applied exactly by the FFT convolver ``conv`` (one transform pair per application).

    Parameters
    ----------
    conv : Convolver
        The convolver of the multiplier E'|q|/2 (E' = 1) on the unpadded grid.
    """

    def __init__(self, conv: Convolver) -> None:
        self.conv = conv

    def residual(self, u: NDArray, h: NDArray, p: NDArray, sigma: float, c: float) -> tuple[NDArray, float]:
        """As :meth:`StencilPreconditioner.residual` (Σ by Parseval, in the spectral pass)."""
        zin = self.conv.input_buffer()
        kern.residual_pass(u, h, p, zin, sigma, c)
        return self.conv.apply(zin)

    def apply_sparse(self, idx: NDArray[np.intp], values: NDArray, out: NDArray) -> tuple[float, float]:
        """As :meth:`StencilPreconditioner.apply_sparse`."""
        return self.conv.apply_sparse(idx, values, out)
