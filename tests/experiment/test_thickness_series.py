"""Impedance vs thickness (ASTM D5470 §10): slope 1/k_app, intercept = contact resistances."""

import numpy as np
import pytest

from tcrlab.errors import InputError
from tcrlab.experiment.thickness_series import impedance_vs_thickness


def test_exact_line_recovers_k_and_contact_resistance():
    # Z = R + t/k exactly (series resistances of 1-D conduction): k = 3 W/(m K), R = 2e-5 K m²/W
    t = np.array([0.1e-3, 0.2e-3, 0.3e-3, 0.5e-3])
    fit = impedance_vs_thickness(t, 2e-5 + t / 3.0)
    assert fit.conductivity == pytest.approx(3.0, rel=1e-10)
    assert fit.intercept == pytest.approx(2e-5, rel=1e-8)


def test_weighted_fit_coverage_over_seeded_trials():
    rng = np.random.default_rng(8)
    t = np.array([0.1e-3, 0.2e-3, 0.3e-3])
    u = np.full(3, 1.5e-6)
    hits_k = hits_r = 0
    for _ in range(300):
        z = 2e-5 + t / 3.0 + rng.normal(0, 1.5e-6, 3)
        fit = impedance_vs_thickness(t, z, u)
        hits_k += abs(fit.conductivity - 3.0) <= fit.coverage_factor * fit.u_conductivity
        hits_r += abs(fit.intercept - 2e-5) <= fit.coverage_factor * fit.u_intercept
    assert hits_k / 300 >= 0.90 and hits_r / 300 >= 0.90


def test_bad_series():
    with pytest.raises(InputError, match="two different"):
        impedance_vs_thickness([1e-4, 1e-4], [1e-4, 1.1e-4], [1e-6, 1e-6])
    with pytest.raises(InputError, match="grow with thickness"):
        impedance_vs_thickness([1e-4, 2e-4, 3e-4], [3e-4, 2e-4, 1e-4])
    with pytest.raises(InputError, match="one value per thickness"):
        impedance_vs_thickness([1e-4, 2e-4, 3e-4], [3e-4, 2e-4])
    with pytest.warns(UserWarning, match="two thicknesses"):
        impedance_vs_thickness([1e-4, 2e-4], [1e-4, 2e-4], [1e-6, 1e-6])


def _rig_series(rng, ut, loss):
    """One seeded synthetic rig: exact 1-D profiles in two 200 W/(m K) bars whose true conductivities scatter
    by their stated 2 % (common to all four runs), a common heat loss ``loss``·U(-1, 1), reading noise ``ut``."""
    import warnings

    from tcrlab.experiment.meterbar import HeatLossWarning, MeterBarRun, ReferenceBar, reduce_run

    x = np.array([5.0, 15.0, 25.0, 35.0]) * 1e-3
    hot = ReferenceBar("hot", 200.0, rel_u_conductivity=0.02)
    cold = ReferenceBar("cold", 200.0, rel_u_conductivity=0.02)
    kh, kc = 200 * (1 + 0.02 * rng.normal()), 200 * (1 + 0.02 * rng.normal())
    lost = loss * rng.uniform(-1, 1)
    runs = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", HeatLossWarning)
        for th in THICK:
            z, q = R_TRUE + th / K_TRUE, 5e4
            t_hot = 330 + q / kh * x + rng.normal(0, ut, x.size)
            t_cold = 330 - q * z - q * (1 - lost) / kc * x + rng.normal(0, ut, x.size)
            run = MeterBarRun("r", x, t_hot, x, t_cold, np.full(4, ut), np.full(4, ut), thickness=th)
            runs.append(reduce_run(run, hot, cold, mc_samples=0))
    return runs


THICK = np.array([0.1e-3, 0.2e-3, 0.3e-3, 0.4e-3])
R_TRUE, K_TRUE = 2e-5, 3.0


@pytest.mark.parametrize("ut,loss,seed", [(0.01, 0.0, 1), (0.01, 0.02, 2)])
def test_common_bar_terms_are_propagated_as_correlated(ut, loss, seed):
    # Reference: the exact 1-D solution generates the rigs; GUM (JCGM 100:2008 §5.2) for correlated inputs.
    # With the bar-k terms dominant, independent weights overstated u(intercept) 2.4-2.6x (coverage 100 %);
    # the correlated propagation matches the spread of the intercepts over the rigs and covers >= 90 %.
    from tcrlab.experiment.thickness_series import thickness_series_from_runs

    rng = np.random.default_rng(seed)
    fits = [thickness_series_from_runs(_rig_series(rng, ut, loss)) for _ in range(150)]
    r = np.array([f.intercept for f in fits])
    u = np.array([f.u_intercept for f in fits])
    k = np.array([f.coverage_factor for f in fits])
    s = np.array([f.slope for f in fits])
    us = np.array([f.u_slope for f in fits])
    assert np.mean(np.abs(r - R_TRUE) <= k * u) >= 0.90
    assert np.mean(np.abs(s - 1 / K_TRUE) <= k * us) >= 0.90
    assert 0.8 <= np.mean(u) / np.std(r) <= 1.25
    assert set(fits[0].budget) == {"independent", "k_hot", "k_cold", "flux mismatch"}
    old = [impedance_vs_thickness(THICK, f.impedance, f.u_impedance) for f in fits[:20]]
    assert np.mean([o.u_intercept for o in old]) / np.std(r) > 1.8  # the independent-weights answer


def test_u_common_must_be_part_of_u_impedance():
    with pytest.raises(InputError, match="u_common"):
        impedance_vs_thickness([1e-4, 2e-4, 3e-4], [5e-5, 8e-5, 1.1e-4], [1e-6] * 3, u_common={"k": [2e-6] * 3})
    with pytest.raises(InputError, match="u_common"):
        impedance_vs_thickness([1e-4, 2e-4, 3e-4], [5e-5, 8e-5, 1.1e-4], u_common={"k": [2e-6] * 3})
