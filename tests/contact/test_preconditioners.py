"""The contact solver's preconditioners: the 3 × 3 stencil against the exact Fourier operator
E'|q|/2 (its core) and against plain NumPy (full-grid and on-the-set application), on grids below
and above the size at which the passes are split over threads (tcrlab.contact._threads.SPLIT_MIN)."""

from __future__ import annotations

import numpy as np
import pytest

from tcrlab.contact import _cache, _threads
from tcrlab.contact._preconditioners import StencilPreconditioner, stencil_coefficients

SIGMA, C = 1.1, 0.1


def _apply(coef: tuple, x: np.ndarray) -> np.ndarray:
    """The periodic 3 × 3 stencil by np.roll (axis 0: x neighbours, axis 1: y neighbours)."""
    s0, sx, sy, sd = coef
    ax = np.roll(x, 1, 0) + np.roll(x, -1, 0)
    return (s0 * x + sx * ax + sy * (np.roll(x, 1, 1) + np.roll(x, -1, 1))
            + sd * (np.roll(ax, 1, 1) + np.roll(ax, -1, 1)))


@pytest.mark.parametrize(("shape", "size"), [((64, 64), (1.0, 1.0)), ((96, 48), (1.0, 2.0)), ((32, 64), (3.0, 1.0))])
def test_stencil_is_the_core_of_the_fourier_operator(shape, size) -> None:
    """Applied to a unit impulse, the exact preconditioner (E'|q|/2 by FFT) gives its real-space kernel:
    the stencil's 3 × 3 entries are that kernel's core (up to the one constant factor, which a CG
    preconditioner ignores). The kernel of |q| falls off as 1/r³ (the fractional Laplacian
    (−Δ)^½), so the core holds the largest entries; the truncated stencil stays positive definite."""
    pixel = (size[0] / shape[0], size[1] / shape[1])
    s0, sx, sy, sd = stencil_coefficients(shape, size)
    m = 64  # the coefficients come from a 64² grid of the same pixels
    fourier = _cache.preconditioner((m, m), (m * pixel[0], m * pixel[1]), np.float64, "scipy", "fourier")
    delta = np.zeros((m, m))
    delta[0, 0] = 1.0
    zin = fourier.conv.input_buffer()
    zin[...] = delta
    kernel = np.array(fourier.conv.apply(zin)[0])
    scale = kernel[1, 0] / sx
    assert kernel[0, 1] == pytest.approx(scale * sy, rel=1e-9)
    assert kernel[1, 1] == pytest.approx(scale * sd, rel=1e-9)
    assert kernel[-1, -1] == pytest.approx(scale * sd, rel=1e-9)
    assert s0 * scale >= kernel[0, 0] * (1 - 1e-12)  # the centre is raised only if needed
    assert s0 > 0 and sx < 0 and sy < 0 and sd < 0
    far = np.abs(kernel[3:-3, 3:-3]).max()
    assert far < 0.2 * min(abs(kernel[1, 0]), abs(kernel[0, 1]))
    theta = np.linspace(0, np.pi, 201)
    cx, cy = np.cos(theta)[:, None], np.cos(theta)[None, :]
    assert (s0 + 2 * sx * cx + 2 * sy * cy + 4 * sd * cx * cy).min() > 0
    if pixel[0] == pixel[1]:
        assert sx == pytest.approx(sy, rel=1e-12)
    else:  # the finer spacing couples more strongly
        assert (abs(sx) > abs(sy)) == (pixel[0] < pixel[1])


@pytest.mark.parametrize(("shape", "dtype"), [((5, 7), np.float64), ((64, 40), np.float64), ((512, 512), np.float32),
                                              ((512, 384), np.float64)])
def test_stencil_residual_matches_numpy(shape, dtype) -> None:
    """z = S(mask g) with g = σu − h + c on the contact set p > 0, and Σ (mask g)·z, periodic."""
    assert (shape[0] * shape[1] >= _threads.SPLIT_MIN) == (shape[0] == 512)
    rng = np.random.default_rng(shape[0])
    u, h = (rng.standard_normal(shape).astype(dtype) for _ in range(2))
    p = np.where(rng.random(shape) < 0.3, rng.random(shape), 0.0).astype(dtype)
    pre = StencilPreconditioner(shape, (1.0, 2.0), dtype)
    z, sgz = pre.residual(u, h, p, SIGMA, C)
    g = np.where(p > 0, SIGMA * u.astype(float) - h + C, 0.0)
    ref = _apply(pre.coefficients, g)
    rtol = 1e-5 if dtype == np.float32 else 1e-12
    on = p > 0
    assert np.allclose(z[on], ref[on], rtol=rtol, atol=rtol * np.abs(ref).max())
    assert sgz == pytest.approx(float((g * ref).sum()), rel=1e-4 if dtype == np.float32 else 1e-10)


@pytest.mark.parametrize(("n", "dtype"), [(24, np.float64), (512, np.float32)])
def test_stencil_on_the_free_set_of_the_box_iteration_matches_numpy(n, dtype) -> None:
    """box_residual: the mask is the free set 0 < p < cap; also returns Σ z over it (the direction is
    made zero-sum there)."""
    rng = np.random.default_rng(n + 1)
    u, h = (rng.standard_normal((n, n)).astype(dtype) for _ in range(2))
    kind = rng.random((n, n))
    cap = dtype(0.8)
    p = np.where(kind < 0.4, 0.0, np.where(kind < 0.6, cap, cap * rng.random((n, n)))).astype(dtype)
    pre = StencilPreconditioner((n, n), (1.0, 1.0), dtype)
    z, sgz, sz = pre.box_residual(u, h, p, 1.0, C, float(cap))
    free = (p > 0) & (p < cap)
    g = np.where(free, u.astype(float) - h + C, 0.0)
    ref = _apply(pre.coefficients, g)
    rtol = 1e-5 if dtype == np.float32 else 1e-12
    assert np.allclose(z[free], ref[free], rtol=rtol, atol=rtol * np.abs(ref).max())
    assert sgz == pytest.approx(float((g * ref).sum()), rel=1e-4 if dtype == np.float32 else 1e-10)
    assert sz == pytest.approx(float(ref[free].sum()), rel=1e-3, abs=1e-4 * np.abs(ref[free]).sum())


@pytest.mark.parametrize("n", [24, 512])
def test_stencil_on_the_set_matches_numpy_and_forgets_an_old_support(n) -> None:
    """apply_sparse: out = (S x) at idx for x zero off idx; (Σ x·Sx, Σ out). A new support must not
    see the values of the previous one."""
    rng = np.random.default_rng(n)
    pre = StencilPreconditioner((n, n), (1.0, 1.0), np.float32)
    for _ in range(2):  # two different supports in turn
        mask = rng.random((n, n)) < 0.3
        idx = np.flatnonzero(mask).astype(np.intp)
        values = rng.standard_normal(idx.size).astype(np.float32)
        out = np.empty_like(values)
        rz, total = pre.apply_sparse(idx, values, out)
        x = np.zeros(n * n)
        x[idx] = values
        ref = _apply(pre.coefficients, x.reshape(n, n)).reshape(-1)[idx]
        assert np.allclose(out, ref, rtol=1e-5, atol=1e-5 * np.abs(ref).max())
        assert rz == pytest.approx(float(values @ ref), rel=1e-4)
        assert total == pytest.approx(float(ref.sum()), rel=1e-4, abs=1e-4 * np.abs(ref).sum())
