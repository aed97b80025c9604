"""The fused element-wise passes of the contact solver against plain NumPy, on grids below and above
the size at which they are split over threads (tcrlab.contact._threads.SPLIT_MIN)."""

from __future__ import annotations

import numpy as np
import pytest

from tcrlab.contact import _fft, _threads
from tcrlab.contact import _kernels as kern

SIGMA, C, BETA, TAU, THR = 1.1, 0.1, 0.5, 1e-2, 1e-3


def _state(n: int, dtype: type) -> tuple:
    rng = np.random.default_rng(n)
    h, u, t, z, r = (rng.standard_normal((n, n)).astype(dtype) for _ in range(5))
    p = np.where(rng.random((n, n)) < 0.3, rng.random((n, n)), 0.0).astype(dtype)
    return h, p, u, t, z, r


@pytest.fixture(params=[(64, np.float64), (512, np.float32), (512, np.float64)], ids=["64-f64", "512-f32", "512-f64"])
def state(request) -> tuple:
    n, dtype = request.param
    assert (n * n >= _threads.SPLIT_MIN) == (n == 512)  # both the serial and the threaded path run
    return _state(n, dtype)


def test_residual_and_direction_passes_match_numpy(state) -> None:
    h, p, u, t, z, _ = state
    on = p > 0
    g = SIGMA * u.astype(float) - h + C
    rtol = 1e-6 if u.dtype == np.float32 else 1e-12

    buf = np.full_like(u, 7.0)
    kern.residual_pass(u, h, p, buf, SIGMA, C)
    np.testing.assert_allclose(buf, np.where(on, g, 0.0), rtol=rtol, atol=rtol)

    t1, buf = t.copy(), np.full_like(u, 7.0)
    sgt = kern.direction_pass(u, h, p, t1, buf, SIGMA, C, BETA)
    ref = np.where(on, g + BETA * t, 0.0)
    np.testing.assert_allclose(t1, ref, rtol=rtol, atol=rtol)
    np.testing.assert_array_equal(buf, t1)
    assert sgt == pytest.approx((g * ref).sum(), rel=1e-5)

    t1, buf = t.copy(), np.full_like(u, 7.0)
    sgt = kern.direction_pass(u, h, p, t1, buf, SIGMA, C, BETA, z)
    ref = np.where(on, z + BETA * t.astype(float), 0.0)
    np.testing.assert_allclose(t1, ref, rtol=rtol, atol=rtol)
    np.testing.assert_array_equal(buf, t1)
    assert sgt == pytest.approx((g * ref).sum(), rel=1e-5)

    t1 = t.copy()  # z, t and buf may all be the same array
    kern.direction_pass(u, h, p, t1, t1, SIGMA, C, BETA, t1)
    np.testing.assert_allclose(t1, np.where(on, (1 + BETA) * t, 0.0), rtol=rtol)


def test_update_and_stats_passes_match_numpy(state) -> None:
    h, p, u, t, _, r = state
    p1, u1 = p.copy(), u.copy()
    out = kern.update_pass(p1, u1, r, t, h, SIGMA, TAU, C, THR)
    a = TAU / SIGMA
    un = u - a * r.astype(float)
    g = SIGMA * un - h + C
    on = p > 0
    cand = np.where(on, p - a * t.astype(float), np.where(g < -0.1 * THR, -a * g, 0.0))
    pn = np.maximum(cand, 0.0)
    rtol = 1e-6 if u.dtype == np.float32 else 1e-12
    np.testing.assert_allclose(u1, un, rtol=rtol, atol=rtol)
    np.testing.assert_allclose(p1, pn, rtol=rtol, atol=rtol)
    new = pn > 0
    assert out[:3] == ((on & (cand <= 0)).sum(), (~on & (g < -0.1 * THR)).sum(), (~on & (g < -THR)).sum())
    assert out[4] == new.sum()
    expected = (pn.sum(), g[new].sum(), (g[new] ** 2).sum(), (g * un)[new].sum(), un[new].sum(), (un[new] ** 2).sum())
    np.testing.assert_allclose((out[3], *out[5:]), expected, rtol=1e-5, atol=1e-6 * pn.size)

    stats = kern.stats_pass(p, u, h, SIGMA, C, THR)
    g0 = SIGMA * u.astype(float) - h + C
    assert stats[2] == (~on & (g0 < -THR)).sum() and stats[4] == on.sum()
    np.testing.assert_allclose(
        (stats[3], stats[5], stats[6]), (p.sum(dtype=float), g0[on].sum(), (g0[on] ** 2).sum()), rtol=1e-5
    )


@pytest.mark.parametrize("n", [64, 1024])
def test_spectral_multiply_matches_numpy(n: int) -> None:
    rng = np.random.default_rng(1)
    shape = (n, n // 2 + 1)
    spec = (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(np.complex64)
    k = rng.random(shape).astype(np.float32)
    out = spec.copy()
    total = _fft._multiply_parseval(out, k, n)
    w = np.full(shape[1], 2.0)
    w[[0, -1]] = 1.0  # n even: the Nyquist column appears once in the full spectrum
    np.testing.assert_allclose(out, spec * k, rtol=1e-6)
    assert total == pytest.approx((w * k * np.abs(spec.astype(complex)) ** 2).sum(), rel=1e-5)


@pytest.mark.parametrize("raw", ["two", "0", "-1", "1.5"])
def test_thread_counts_from_the_environment_are_checked(monkeypatch, raw: str) -> None:
    monkeypatch.setenv("TCRLAB_THREADS", raw)
    with pytest.raises(ValueError, match=r"TCRLAB_THREADS=.*whole number of threads ≥ 1"):
        _threads.env_threads("TCRLAB_THREADS", "2")
    monkeypatch.setenv("TCRLAB_THREADS", "3")
    assert _threads.env_threads("TCRLAB_THREADS", "2") == 3
