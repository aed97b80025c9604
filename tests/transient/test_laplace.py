"""Layered Laplace solution: exact conduction solutions, an independent inversion, a discretised ladder."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.special import erfc

from tcrlab.errors import InputError
from tcrlab.transient import LayeredPath, Resistance, Slab, cauer_zth, layered_zth

SI_K, SI_RC = 148.0, 2330.0 * 712.0  # silicon-like numbers (any positive values would do)
AREA = 1e-4


def ierfc(x):
    return np.exp(-x * x) / np.sqrt(np.pi) - x * erfc(x)


def test_semi_infinite_sqrt_t_law():
    # constant flux into a half-space: T_s = 2 q √(t/π)/√(kρc) (Carslaw & Jaeger 1959, §2.9)
    path = LayeredPath((Slab("half-space", np.inf, SI_K, SI_RC, AREA),))
    t = np.logspace(-7, 3, 60)
    exact = 2.0 * np.sqrt(t / np.pi) / (np.sqrt(SI_K * SI_RC) * AREA)
    assert path.zth(t) == pytest.approx(exact, rel=1e-4)


def test_two_layer_image_series():
    """Layer (k1, α1, L) on a half-space (k2, α2), flux q at the surface: the method-of-images solution
    T_s = (2q√(α1 t)/k1) [ierfc(0) + 2 Σ γⁿ ierfc(nL/√(α1 t))], γ = (e1 − e2)/(e1 + e2), e = √(kρc)
    (Carslaw & Jaeger 1959, ch. 12, composite solids). Its limits γ = 0 (one half-space) and γ = −1
    (isothermal back face, T_s → qL/k1) are checked too."""
    k1, rc1, k2, rc2, L = 1.5, 1.6e6, 400.0, 3.4e6, 50e-6  # a poor conductor on a good one
    a1 = k1 / rc1
    e1, e2 = np.sqrt(k1 * rc1), np.sqrt(k2 * rc2)
    gamma = (e1 - e2) / (e1 + e2)
    t = np.logspace(-6, 1, 40)
    u = np.sqrt(a1 * t)
    n = np.arange(1, 4000)[:, None]
    series = 1 / np.sqrt(np.pi) + 2 * np.sum(gamma**n * ierfc(n * L / u), axis=0)
    exact = 2 * u / k1 * series / AREA
    path = LayeredPath((Slab("film", L, k1, rc1, AREA), Slab("substrate", np.inf, k2, rc2, AREA)))
    assert path.zth(t) == pytest.approx(exact, rel=1e-4)
    # the isothermal limit of the same series: the steady film resistance
    assert 2 * np.sqrt(a1 * 1e3) / k1 * (1 / np.sqrt(np.pi) + 2 * np.sum((-1.0) ** n * ierfc(n * L / np.sqrt(a1 * 1e3)), axis=0)) \
        == pytest.approx(L / k1, rel=1e-4)


def test_talbot_matches_de_hoog():
    path = LayeredPath((Slab("die", 0.4e-3, 130.0, 1.66e6, AREA), Resistance("attach", 0.2),
                        Slab("Cu", 2e-3, 398.0, 3.44e6, AREA), Resistance("sink", 0.5)))
    t = np.logspace(-5, 2, 6)
    assert path.zth(t) == pytest.approx(layered_zth(path, t, method="dehoog"), rel=1e-9)


def test_layered_vs_discretised_cauer_ladder():
    # each slab cut into 40 cells (half-cell capacitances at both ends): the discretised Cauer ladder must
    # agree with the exact layered solution to 1 % once t exceeds a few cell time constants
    path = LayeredPath((Slab("die", 0.4e-3, 130.0, 1.66e6, AREA), Resistance("attach", 0.2),
                        Slab("Cu", 2e-3, 398.0, 3.44e6, AREA), Resistance("TIM", 1.0),
                        Slab("Al", 5e-3, 237.0, 2.44e6, AREA), Resistance("coolant", 0.5)))
    R, C = path.cauer_ladder(40)
    assert R.sum() == pytest.approx(float(path.steady_resistance), rel=1e-12)
    assert C.sum() == pytest.approx(sum(float(e.capacitance) for e in path.elements if isinstance(e, Slab)), rel=1e-12)
    t = np.logspace(-4, 2.5, 40)
    assert cauer_zth(R, C, t) == pytest.approx(path.zth(t), rel=1e-2)
    with pytest.raises(InputError, match="slab at the heated face"):
        LayeredPath((Resistance("r", 1.0), Slab("s", 1e-3, 1.0, 1e6, AREA))).cauer_ladder()


def test_steady_state_and_batches():
    path = LayeredPath((Slab("a", 1e-3, 100.0, 2e6, AREA), Resistance("c", np.array([0.1, 0.2, 0.3]).reshape(3, 1, 1))))
    z = path.zth([1e-4, 1e4])
    assert z.shape == (3, 2)
    assert z[:, 1] == pytest.approx(0.1 + np.array([0.1, 0.2, 0.3]), rel=1e-9)
    assert path.zth([0.0])[0, 0] == 0.0


def test_bad_input():
    with pytest.raises(InputError, match="thickness"):
        Slab("x", -1e-3, 1.0, 1e6, AREA)
    with pytest.raises(InputError, match="nodes"):
        LayeredPath((Resistance("r", 1.0),)).zth([1.0], nodes=100)


def test_chunked_evaluation_is_identical(monkeypatch):
    import tcrlab.transient.laplace as laplace

    path = LayeredPath((Slab("a", 1e-3, 100.0, 2e6, AREA), Resistance("c", 0.3)))
    t = np.logspace(-5, 2, 97)
    whole = path.zth(t)
    monkeypatch.setattr(laplace, "CHUNK_ELEMENTS", 24 * 10)  # ten times per chunk
    assert path.zth(t) == pytest.approx(whole, rel=1e-14)


@given(st.floats(1e-5, 1e-2), st.floats(1.0, 500.0), st.floats(1e5, 5e6), st.floats(0.0, 2.0))
def test_heating_is_monotone_and_bounded(thickness, k, rc, r_contact):
    # a power step only heats (Zth rises), never beyond the steady resistance, and the early response is
    # the half-space √t law of the first layer (the heat has not yet seen the layer's back face)
    path = LayeredPath((Slab("s", thickness, k, rc, AREA), Resistance("c", r_contact)))
    t = np.logspace(-8, 4, 80)
    z = path.zth(t)
    steady = float(path.steady_resistance)
    assert np.all(np.diff(z) >= -1e-9 * steady)
    assert np.all(z <= steady * (1 + 1e-9))
    t_early = 1e-3 * thickness**2 * rc / k
    assert path.zth([t_early])[0] == pytest.approx(2 * np.sqrt(t_early / np.pi) / (np.sqrt(k * rc) * AREA), rel=1e-6)
