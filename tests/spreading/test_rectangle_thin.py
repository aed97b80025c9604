"""Thin top layers on the rectangle: the depth-response split against the direct double sum, the older
Ewald split, exact limits and an independent 3-D finite-volume solution, for t₁/plate from 10⁻⁴ to 1."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tcrlab.errors import ValidityWarning
from tcrlab.spreading import _rect_thin as thin
from tcrlab.spreading import rectangle_spreading
from tcrlab.spreading._rect_split import mode_counts, split_sums
from tcrlab.spreading.layers import check_layers
from tcrlab.spreading.rectangle import _rectangle_spreading

# an eccentric, oblong source on an oblong plate (1 × 0.8), so no symmetry hides an error
A, B, C, D, X, Y = 0.35, 0.25, 1.0, 0.8, 0.4, 0.3
RATIOS = (1e-4, 1e-3, 1e-2, 0.1, 1.0)


def _thin(layers, h, a=A, b=B, c=C, d=D, x=X, y=Y):
    """The thin-layer path called directly (whatever t₁), with its default rule."""
    lay = check_layers(layers, h).flat(slice(None), (1,))
    one = [np.array([v], dtype=float) for v in (a, b, c, d, x, y)]
    big_m, big_n = mode_counts(40.0 / min(c, d), one[2], one[3], ladder=True)
    value, err = thin.thin_sums(*one, lay, big_m, big_n)
    return float(value[0]), float(err[0])


@pytest.mark.parametrize("ratio", RATIOS)
@pytest.mark.parametrize(("k1", "below", "h"), [
    (380.0, [(0.1, 200.0)], 1500.0),           # copper on aluminium, convective sink
    (3.0, [(0.1, 200.0)], np.inf),              # a thermal interface material on aluminium
    (50.0, [(0.02, 380.0), (0.1, 20.0)], 300.0),  # solder on copper on a poor conductor
])
def test_thin_path_equals_the_direct_sum(ratio, k1, below, h):
    layers = [(ratio * C, k1), *below]
    value, err = _thin(layers, h)
    with warnings.catch_warnings():  # the TIM at t₁/c = 10⁻⁴ stops at 4096 modes, 1.4e-5 short of 1e-6
        warnings.simplefilter("ignore", ValidityWarning)
        ref = _rectangle_spreading(A, B, C, D, layers, h, X, Y, 1e-6, 4096, split=False)
    assert ref.truncation_error <= 2e-5 * ref.spreading
    assert err <= 1e-4 * value  # the default rule meets the default tolerance in one round
    assert abs(value - ref.spreading) <= err + ref.truncation_error
    assert abs(value - ref.spreading) <= 2e-6 * ref.spreading + ref.truncation_error


@pytest.mark.parametrize("ratio", (0.02, 0.1, 1.0))
def test_thin_path_equals_the_ewald_split_where_both_apply(ratio):
    # two implementations sharing only the image sums: agree within their reported errors
    layers, h = [(ratio * C, 120.0), (0.3, 20.0)], 700.0
    value, err = _thin(layers, h)
    lay = check_layers(layers, h).flat(slice(None), (1,))
    one = [np.array([v]) for v in (A, B, C, D, X, Y)]
    big_m, big_n = mode_counts(np.array([max(8.0 / (ratio * C), 40.0 / D)]), one[2], one[3], ladder=True)
    old, old_err = split_sums(*one, lay, big_m, big_n)
    assert abs(value - old[0]) <= err + old_err[0] + 1e-12 * value


def test_default_path_takes_the_thin_layer_evaluation_with_few_modes():
    # t₁/c = 10⁻³ needs > 2¹⁶ Ewald-split modes: the thin-layer path sums a few hundred instead
    args = (0.02, 0.02, 0.06, 0.06, [(6e-5, 380.0), (0.006, 200.0)], 1500.0, None, None, 1e-4, 4096)
    auto = _rectangle_spreading(*args, split=True)
    direct = _rectangle_spreading(*args[:-2], 1e-6, 4096, split=False)
    assert auto.terms < 1000 < direct.terms
    assert auto.truncation_error <= 1e-4 * auto.spreading
    assert abs(auto.spreading - direct.spreading) <= auto.truncation_error + direct.truncation_error


@pytest.mark.parametrize("k", (20.0, 400.0))
def test_thin_layer_of_the_plate_material_is_the_plate(k):
    # exact: a layer of the same k is no layer; the thin path (t₁/c = 10⁻⁴, 10⁻²) against the Ewald
    # split of the one-layer plate (which sees no thin layer)
    plate = rectangle_spreading(A, B, C, D, [(0.15, k)], 900.0, xc=X, yc=Y, rtol=1e-7)
    for ratio in (1e-4, 1e-2):
        value, err = _thin([(ratio, k), (0.15 - ratio, k)], 900.0)
        assert abs(value - plate.spreading) <= err + plate.truncation_error


def test_thin_plate_on_an_isothermal_sink_conducts_straight_down():
    # exact limit t → 0: R_s → (t/k)(1/(ab) − 1/(cd)); the lateral correction is O(t/a), so the
    # deviation shrinks tenfold from t/c = 10⁻³ to 10⁻⁴
    k = 50.0
    dev = []
    for t in (1e-3, 1e-4):
        r = rectangle_spreading(A, B, C, D, [(t, k)], xc=X, yc=Y)
        limit = t / k * (1 / (A * B) - 1 / (C * D))
        dev.append(abs(r.spreading - limit) / limit)
    assert dev[1] < 2e-3
    assert 7.0 < dev[0] / dev[1] < 13.0


@pytest.mark.parametrize(("layers", "h", "n", "tol"), [
    ([(6e-5, 380.0), (1.5e-3, 0.3)], 1000.0, 15, 1.2e-2),  # 60 µm copper on a 1.5 mm laminate
    ([(6e-5, 3.0), (6e-3, 237.0)], 1500.0, 30, 2.5e-3),    # 60 µm interface material on 6 mm aluminium
])
def test_matches_an_independent_finite_volume_solution(fv_rect_solver, layers, h, n, tol):
    # 2 cm die on a 6 cm × 6 cm plate (t₁/c = 10⁻³), 3-D finite volumes on a quarter: measured high by
    # 0.88 %, 0.22 %, 0.055 % (copper, 15/30/60 cells per half side) and 0.49 %, 0.18 %, 0.080 % (TIM)
    fv = fv_rect_solver(0.02, 0.02, 0.06, 0.06, layers, h, n, 4 * n // 5)
    r = rectangle_spreading(0.02, 0.02, 0.06, 0.06, layers, h, rtol=1e-6)
    assert r.total < fv < r.total * (1 + tol)


@pytest.mark.slow
def test_matches_finite_volumes_richardson(fv_rect_solver):
    layers, h = [(6e-5, 380.0), (1.5e-3, 0.3)], 1000.0
    f1 = fv_rect_solver(0.02, 0.02, 0.06, 0.06, layers, h, 30, 24)
    f2 = fv_rect_solver(0.02, 0.02, 0.06, 0.06, layers, h, 60, 48)
    r = rectangle_spreading(0.02, 0.02, 0.06, 0.06, layers, h, rtol=1e-6)
    assert r.total == pytest.approx(f2 + (f2 - f1) / 3.0, rel=1e-4)


@settings(max_examples=10, deadline=None)
@given(st.floats(-4.0, -2.0), st.floats(1.0, 400.0), st.floats(0.5, 2.0))
def test_a_better_conducting_top_layer_never_runs_hotter(log_ratio, k1, factor):
    # Thomson's principle: raising any conductivity cannot raise the mean source temperature
    t1 = 10.0**log_ratio
    lo = rectangle_spreading(A, B, C, D, [(t1, k1), (0.1, 150.0)], 500.0, xc=X, yc=Y)
    hi = rectangle_spreading(A, B, C, D, [(t1, k1 * (1 + factor)), (0.1, 150.0)], 500.0, xc=X, yc=Y)
    assert hi.total <= lo.total + lo.truncation_error + hi.truncation_error


def test_layer_response_limits():
    # G_c → 0 before the pulse reaches the interface; a slab on an isothermal sink ends with G → 0
    lay = check_layers([(np.array([1.0, 1e-3]), 2.0)]).flat(slice(None), (2,))
    gc = thin.layer_response(np.array([[1e-3, 1e-2], [10.0, 100.0]]), lay)
    assert np.all(np.abs(gc[0]) < 1e-12)
    np.testing.assert_allclose(gc[1] * 2.0 * np.sqrt(np.pi * np.array([10.0, 100.0])), -1.0, rtol=1e-9)


def test_sampled_residual_bound_covers_a_sixteen_times_finer_sampling():
    # the reported sup |r| is twice the largest of 64 samples per decade of β; sampled 16× finer, the
    # largest |r| must stay below it (measured: at most 0.55 of it over 1 800 random geometries)
    rng = np.random.default_rng(5)
    n = 40
    c, d = np.ones(n), rng.uniform(0.5, 2.0, n)
    lay = check_layers([(10.0 ** rng.uniform(-4, -1.3, n), 10.0 ** rng.uniform(0, 2.6, n)),
                        (rng.uniform(0.02, 0.2, n), rng.uniform(20, 400, n))],
                       np.where(np.arange(n) % 3, rng.uniform(1, 1e4, n), np.inf)).flat(slice(None), (n,))
    big_m, big_n = mode_counts(40.0 / np.minimum(c, d), c, d, ladder=True)
    b_eff = np.minimum(big_m * np.pi / c, big_n * np.pi / d)
    eta = 6.0 / b_eff
    tau, wq = thin._tau_rule(lay.thickness[0], eta, 9)
    gw = wq * thin.layer_response(tau, lay)
    coarse = thin.residual_sup(lay, eta, b_eff, tau, gw)
    fine = thin.residual_sup(lay, eta, b_eff, tau, gw, per_decade=1024) / 2.0
    assert np.all(fine <= 0.7 * coarse)
