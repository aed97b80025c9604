"""Warm starts of the elastic contact solver (``solve(..., initial=previous)``, as load sweeps use them):
from a one- or few-point contact they cost about what a cold start costs and give the same answer;
very light loads, whose contact is a single point, solve cold without overflowing the stored field."""

from __future__ import annotations

import numpy as np
import pytest

from tcrlab.contact import solve
from tcrlab.contact.solver import solve_sweep
from tcrlab.surfaces import Topography, self_affine

E_EFF = 100e9


def _rough(n: int = 256, seed: int = 1) -> Topography:
    return self_affine(n, hurst=0.8, rms_slope=0.1, physical_size=100e-6, seed=seed)


def _bump(n: int = 256) -> Topography:
    x = np.arange(n) / n
    return Topography(1e-6 * np.cos(2 * np.pi * x)[:, None] * np.cos(2 * np.pi * x)[None, :], (1e-3, 1e-3))


def _same_answer(warm, cold) -> None:
    assert warm.converged and cold.converged
    assert np.array_equal(warm.contact, cold.contact)
    assert warm.load == pytest.approx(cold.load, rel=1e-12)
    # both meet the stopping rule (RMS gap on the set ≤ tol · h_rms): their mean gaps agree to it
    h_rms = float(np.std(cold.heights))
    assert abs(warm.mean_gap - cold.mean_gap) <= 10 * cold.tol * h_rms
    assert abs(warm.displacement - cold.displacement) <= 10 * cold.tol * h_rms


@pytest.mark.parametrize("mixed_precision", [False, True])
def test_warm_start_from_a_one_point_contact(mixed_precision: bool) -> None:
    """At 1 kPa the rough surface touches on one point. Started from it, the solve at 10 kPa (two
    points) used to stop moving: load control closes the single point's gap exactly, so the CG step
    is zero and the overlapping neighbour, which joins with a pressure proportional to that step,
    never joined (5000 iterations without float32's stage; the float32 stage stalled). Now it
    joins by a Jacobi step, and the warm start costs no more than a cold one."""
    topo = _rough()
    first = solve(topo, E_EFF, pressure=1e3, mixed_precision=mixed_precision)
    assert np.count_nonzero(first.contact) == 1
    cold = solve(topo, E_EFF, pressure=1e4, mixed_precision=mixed_precision)
    warm = solve(topo, E_EFF, pressure=1e4, initial=first, mixed_precision=mixed_precision,
                 max_iter=400, raise_on_failure=False)
    _same_answer(warm, cold)
    assert np.count_nonzero(warm.contact) > 1
    assert warm.iterations <= 2 * cold.iterations + 5


@pytest.mark.parametrize(("topo", "pressures"), [
    (_rough(seed=1), np.logspace(3, 7, 9)),   # 1 point → ~200 points
    (_rough(seed=5), [1e3, 1e7]),              # one jump of four decades from a single point
    (_bump(), np.logspace(2, 6, 5)),           # a smooth bump: 2 points → ~900 points
], ids=["rough-half-decades", "rough-one-jump", "bump-decades"])
def test_warm_started_sweep_costs_about_a_cold_start(topo: Topography, pressures) -> None:
    """Every step of a load sweep that starts from the previous (few-point) solution takes at most
    twice the iterations of a cold start (plus a few) and gives the cold start's contact set, load
    and mean gap. Before, a step from a few-point start ran 4–24× the cold start's iterations: the
    points that joined in its first steps left the recursively updated displacement stale, and
    once the set held still no refresh was due until the iteration seemed converged."""
    sweep = solve_sweep(topo, E_EFF, pressures, mixed_precision=False, max_iter=600, raise_on_failure=False)
    for p, warm in zip(pressures[1:], sweep[1:], strict=True):
        cold = solve(topo, E_EFF, pressure=float(p), mixed_precision=False)
        _same_answer(warm, cold)
        assert warm.iterations <= 2 * cold.iterations + 5, (p, warm.iterations, cold.iterations)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_light_load_single_point_cold_start(dtype) -> None:
    """At 10 Pa (p̄/E' = 1e-10) the contact is one point carrying the whole load. The cold start
    begins with a uniform field; each step grew the stored (unnormalised) pressure ~10⁴-fold while
    its scale σ shrank alike, until float32 overflowed (a ZeroDivisionError from the coarse levels
    of every default solve below ~10 kPa here). The stored field is now kept near a mean of 1."""
    topo = _rough()
    tol = 1e-6 if dtype == np.float32 else 1e-8
    res = solve(topo, E_EFF, pressure=10.0, dtype=dtype, tol=tol)
    assert res.converged
    assert np.count_nonzero(res.contact) == 1
    # the one point is the highest one, and it carries the whole load
    assert res.contact.ravel()[np.argmax(topo.heights)]
    assert res.pressure.max() == pytest.approx(10.0 * res.pressure.size, rel=1e-5)
    assert np.all(np.isfinite(res.gap)) and res.gap.min() >= 0
