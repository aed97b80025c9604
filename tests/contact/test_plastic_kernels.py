"""The fused passes of the box-constrained (elastic–plastic) iteration against plain NumPy, on grids
below and above the size at which they are split over threads (tcrlab.contact._threads.SPLIT_MIN)."""

from __future__ import annotations

import numpy as np
import pytest

from tcrlab.contact import _plastic_kernels as pk
from tcrlab.contact import _threads

C, CAP, BETA, TAU, THR = 0.1, 0.8, 0.5, 1e-2, 1e-3


@pytest.fixture(params=[(64, np.float64), (512, np.float32), (512, np.float64)], ids=["64-f64", "512-f32", "512-f64"])
def state(request) -> tuple:
    n, dtype = request.param
    assert (n * n >= _threads.SPLIT_MIN) == (n == 512)  # both the serial and the threaded path run
    rng = np.random.default_rng(n)
    h, u, t, r = (rng.standard_normal((n, n)).astype(dtype) for _ in range(4))
    kind = rng.random((n, n))  # ~40 % out of contact, ~20 % at the cap, the rest free
    p = np.where(kind < 0.4, 0.0, np.where(kind < 0.6, CAP, CAP * rng.random((n, n)))).astype(dtype)
    return h, p, u, t, r


def _classes(p: np.ndarray) -> tuple:
    cap = p.dtype.type(CAP)  # the passes compare with the cap as the array's dtype holds it
    return p <= 0, p >= cap, (p > 0) & (p < cap)


def _rtol(a: np.ndarray) -> float:
    return 1e-5 if a.dtype == np.float32 else 1e-12


def test_stats_pass_matches_numpy(state) -> None:
    h, p, u, *_ = state
    g = u.astype(float) - h + C
    out, plastic, free = _classes(p)
    stats = pk.box_stats_pass(p, u, h, C, CAP, THR)
    assert stats[1:] == (
        int(free.sum()), pytest.approx((g[free] ** 2).sum(), rel=1e-5),
        int((out & (g < -THR)).sum()), int((plastic & (g > THR)).sum()),
        pytest.approx(g[free].sum(), rel=1e-4), pytest.approx(p.astype(float).sum(), rel=1e-6),
    )


def test_direction_pass_matches_numpy(state) -> None:
    h, p, u, t, *_ = state
    g = u.astype(float) - h + C
    free = _classes(p)[2]
    t1, buf = t.copy(), np.full_like(u, 7.0)
    sgt = pk.box_direction_pass(u, h, p, t1, buf, C, CAP, BETA)
    ref = np.where(free, g + BETA * t.astype(float), 0.0)
    np.testing.assert_allclose(t1, ref, rtol=_rtol(u), atol=_rtol(u))
    np.testing.assert_array_equal(buf, t1)
    assert sgt == pytest.approx((g * ref).sum(), rel=1e-5)


def test_preconditioned_direction_pass_matches_numpy(state) -> None:
    """With a preconditioned residual z: t = (z − z̄) + β t on the free set (z̄ its mean there)."""
    h, p, u, t, r = state
    g = u.astype(float) - h + C
    free = _classes(p)[2]
    z_mean = float(r[free].astype(float).mean())
    t1, buf = t.copy(), np.full_like(u, 7.0)
    sgt = pk.box_direction_pass(u, h, p, t1, buf, C, CAP, BETA, r, z_mean)
    ref = np.where(free, r.astype(float) - z_mean + BETA * t.astype(float), 0.0)
    np.testing.assert_allclose(t1, ref, rtol=_rtol(u), atol=_rtol(u))
    np.testing.assert_array_equal(buf, t1)
    assert sgt == pytest.approx((g * ref).sum(), rel=1e-5)


def test_update_pass_matches_numpy(state) -> None:
    h, p, u, t, r = state
    g = u.astype(float) - h + C
    out, plastic, free = _classes(p)
    t = np.where(free, t, 0.0).astype(u.dtype)  # the direction is zero off the free set
    step = np.where(free, p - TAU * t, p)
    step = np.where(out & (g < -0.1 * THR), -TAU * g, step)  # joins
    step = np.where(plastic & (g > 0.1 * THR), CAP - TAU * g, step)  # releases
    p_new = np.clip(step, 0.0, CAP)
    inexact = ~np.where(free, (step > 0) & (step < CAP), step == p)
    u_new = u - TAU * r.astype(float)
    g_new = u_new - h + C
    out_n, plastic_n, free_n = _classes(p_new)

    p1, u1 = p.copy(), u.copy()
    stats = pk.box_update_pass(p1, u1, r, t, h, C, CAP, TAU, THR)
    np.testing.assert_allclose(p1, p_new, rtol=_rtol(u), atol=_rtol(u))
    np.testing.assert_allclose(u1, u_new, rtol=_rtol(u), atol=_rtol(u))
    # counts may differ by the odd point within round-off of a class boundary in float32
    slack = 0 if u.dtype == np.float64 else 0.001 * p.size
    expected = (inexact.sum(), free_n.sum(), (out_n & (g_new < -THR)).sum(), (plastic_n & (g_new > THR)).sum())
    for got, want in zip((stats[0], stats[1], stats[3], stats[4]), expected, strict=True):
        assert abs(got - int(want)) <= slack
    assert stats[2] == pytest.approx((g_new[free_n] ** 2).sum(), rel=1e-4)
    assert stats[5] == pytest.approx(g_new[free_n].sum(), rel=1e-3)
    assert stats[6] == pytest.approx(p_new.sum(), rel=1e-5)
    assert stats[0] > 0 and stats[3] >= 0  # the state has joins, releases and clips: all counted


def test_box_active_set_matches_numpy(state) -> None:
    """The polish's list: free points, overlapping points at 0 and opening points at the cap, in
    order, with the rigid shift and RMS gap over the free set."""
    h, p, u, *_ = state
    p, u, h = (a.astype(np.float64) for a in (p, u, h))  # the polish works on float64 fields
    move, big = 0.3, 1.2
    out, plastic, free = _classes(p)
    w = u - h
    c = -w[free].mean()
    g = w + c
    moving = (out & (g < -move)) | (plastic & (g > move))
    from tcrlab.contact import _kernels as kern

    idx, wl, c_k, err, nmove, nbig = kern.active_set(p, u, h, move, big, CAP)
    expect = np.flatnonzero(free | moving)
    assert np.array_equal(idx, expect)
    np.testing.assert_allclose(wl, w.reshape(-1)[expect], rtol=1e-12)
    assert c_k == pytest.approx(c, rel=1e-10)
    assert err == pytest.approx(np.sqrt(np.mean(g[free] ** 2)), rel=1e-10)
    assert nmove == moving.sum() > 0
    assert nbig == (moving & (np.abs(g) > big)).sum() > 0


def test_shift_free_and_add_on_set_with_cap_match_numpy(state) -> None:
    from tcrlab.contact import _kernels as kern

    p = state[1].astype(np.float64)
    out, _, free = _classes(p)
    for shift in (0.05, -0.3):
        q = p.copy()
        total, nfree = pk.shift_free(q, CAP, shift)
        ref = np.where(free, np.clip(p + shift, 0.0, CAP), p)
        np.testing.assert_allclose(q, ref, rtol=1e-12, atol=0)
        assert total == pytest.approx(ref.sum(), rel=1e-12)
        assert nfree == np.count_nonzero((ref > 0) & (ref < CAP))
    idx = np.flatnonzero(~out)
    d = np.random.default_rng(1).normal(scale=0.5, size=idx.size)
    q = p.copy()
    bound = kern.add_on_set(q, idx, d, CAP)
    new = p.reshape(-1)[idx] + d
    np.testing.assert_allclose(q.reshape(-1)[idx], np.clip(new, 0.0, CAP), rtol=1e-12)
    assert bound == np.count_nonzero((new <= 0) | (new >= CAP))


def test_projected_step_matches_numpy(state) -> None:
    """clip(p − τg, 0, cap) on every point, its sum and the range of g, without and with writing."""
    h, p, u, *_ = state
    g = u.astype(float) - h + C
    ref = np.clip(p - TAU * g, 0.0, CAP)
    q = p.copy()
    total, lo, hi = pk.projected_step(q, u, h, C, CAP, TAU, False)
    np.testing.assert_array_equal(q, p)
    assert total == pytest.approx(ref.sum(), rel=1e-5)
    assert (lo, hi) == (pytest.approx(g.min(), rel=1e-5), pytest.approx(g.max(), rel=1e-5))
    pk.projected_step(q, u, h, C, CAP, TAU, True)
    np.testing.assert_allclose(q, ref, rtol=_rtol(u), atol=_rtol(u))
