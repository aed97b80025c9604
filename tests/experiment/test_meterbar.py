"""Meter-bar reduction: exact 1-D conduction, coverage of the stated uncertainty, MC vs GUM, warnings,
file formats and bad input.

No published, fully worked ASTM D5470 reduction with its raw thermocouple readings was found with the
search tools (the standard itself is not openly available), so the reference is the exact solution of
steady 1-D conduction: in a bar of constant k the profile is linear, T = T_face ± (q/k)·x, and a bare
interface drops q·R_c.
"""

import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcrlab.errors import InputError
from tcrlab.experiment.meterbar import (
    HeatLossWarning,
    MeterBarRun,
    ReferenceBar,
    fit_line,
    load_meterbar,
    reduce_meterbar,
    reduce_run,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "meterbar"
X = np.array([5.0, 15.0, 25.0, 35.0]) * 1e-3


def synthetic_run(rng, *, k=200.0, q=5e4, r_c=1e-4, u_t=0.1, t_face=330.0, loss=0.0, noise=True):
    """Exact linear profiles (1-D conduction) plus Gaussian reading noise; ``loss`` removes that fraction
    of the heat between the bars (cold-bar flux q(1 - loss))."""
    e_h = rng.normal(0, u_t, X.size) if noise else 0.0
    e_c = rng.normal(0, u_t, X.size) if noise else 0.0
    t_hot = t_face + q / k * X + e_h
    t_cold = t_face - q * r_c - q * (1 - loss) / k * X + e_c
    return MeterBarRun("r", X, t_hot, X, t_cold, np.full(X.size, u_t), np.full(X.size, u_t))


def test_exact_profiles_give_exact_rc_and_faces():
    run = synthetic_run(np.random.default_rng(0), noise=False)
    bar = ReferenceBar("bar", 200.0)
    res = reduce_run(run, bar, bar, mc_samples=0, area=6.45e-4)
    assert res.impedance == pytest.approx(1e-4, rel=1e-12)
    assert res.q == pytest.approx(5e4, rel=1e-12)
    assert res.t_hot_face == pytest.approx(330.0, rel=1e-14)
    assert res.delta_t == pytest.approx(5.0, rel=1e-10)
    assert res.resistance == pytest.approx(1e-4 / 6.45e-4)
    assert res.quantity == "R_c"


def test_line_fit_covariance_is_the_textbook_one():
    # OLS slope variance sigma²/Σ(x - x̄)² and intercept variance sigma²Σx²/(nΣ(x - x̄)²) (e.g. Taylor,
    # An Introduction to Error Analysis, 2nd ed., §8.4)
    fit = fit_line(X, 300 + 250 * X, 0.1)
    sxx = np.sum((X - X.mean()) ** 2)
    assert fit.cov[1, 1] == pytest.approx(0.01 / sxx)
    assert fit.cov[0, 0] == pytest.approx(0.01 * np.sum(X**2) / (X.size * sxx))


def test_coverage_of_the_95_percent_interval_over_200_seeded_trials():
    rng = np.random.default_rng(2024)
    hot = ReferenceBar("hot", 200.0, rel_u_conductivity=0.01)
    cold = ReferenceBar("cold", 200.0, rel_u_conductivity=0.01)
    hits = 0
    trials = 200
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", HeatLossWarning)
        for _ in range(trials):
            # the true k also scatters within its stated uncertainty (the rig's k is only known to 1 %)
            k_true = 200.0 * (1 + 0.01 * rng.normal())
            res = reduce_run(synthetic_run(rng, k=k_true), hot, cold, u_position=0.0, mc_samples=0)
            hits += abs(res.impedance - 1e-4) <= res.expanded_uncertainty
    assert hits / trials >= 0.90
    assert hits / trials <= 1.0


def test_coverage_with_type_a_uncertainty_from_residuals():
    # no stated reading uncertainty: s from the residuals with n - 2 = 4 dof, t-based coverage factor
    rng = np.random.default_rng(99)
    bar = ReferenceBar("bar", 200.0)
    x = np.linspace(5e-3, 35e-3, 6)
    hits = 0
    for _ in range(200):
        t_hot = 330 + 250 * x + rng.normal(0, 0.1, x.size)
        t_cold = 325 - 250 * x + rng.normal(0, 0.1, x.size)
        run = MeterBarRun("r", x, t_hot, x, t_cold)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", HeatLossWarning)
            res = reduce_run(run, bar, bar, mc_samples=0, mismatch_in_uncertainty=False)
        assert res.coverage_factor > 1.96
        hits += abs(res.impedance - 1e-4) <= res.expanded_uncertainty
    assert hits / 200 >= 0.90


def test_monte_carlo_check_agrees_with_gum():
    run = synthetic_run(np.random.default_rng(5))
    bar = ReferenceBar("bar", 200.0, rel_u_conductivity=0.02)
    res = reduce_run(run, bar, bar, u_position=5e-5, mc_samples=40000, seed=1)
    assert res.u_impedance_mc == pytest.approx(res.u_impedance, rel=0.1)
    assert res.impedance_mc == pytest.approx(res.impedance, rel=0.02)
    lo, hi = res.interval_mc
    assert lo < res.impedance < hi


def test_heat_loss_warning_and_wrong_direction():
    bar = ReferenceBar("bar", 200.0)
    with pytest.warns(HeatLossWarning, match="differ by"):
        res = reduce_run(synthetic_run(np.random.default_rng(1), loss=0.15, noise=False), bar, bar, mc_samples=0)
    assert res.heat_loss_warning and res.mismatch == pytest.approx(0.15 / 0.925, rel=1e-9)
    run = synthetic_run(np.random.default_rng(1), noise=False)
    swapped = MeterBarRun("swapped", X, run.t_cold, X, run.t_hot)
    with pytest.raises(InputError, match="wrong way"):
        reduce_run(swapped, bar, bar, mc_samples=0)


def test_example_files_reduce_to_their_generating_truth():
    with warnings.catch_warnings():
        warnings.simplefilter("error", HeatLossWarning)
        bare = reduce_meterbar(load_meterbar(EXAMPLES / "bare_interface.csv"), mc_samples=0)
    truth = [8e-4, 4e-4, 2.5e-4, 1.5e-4]
    assert [r.pressure for r in bare] == [1e6, 2e6, 4e6, 8e6]
    for r, rc in zip(bare, truth, strict=True):
        assert abs(r.impedance - rc) <= r.expanded_uncertainty
    tim = load_meterbar(EXAMPLES / "tim_thickness_series.toml")
    assert tim.area == pytest.approx(np.pi / 4 * 0.0254**2)
    assert [r.thickness for r in tim.runs] == pytest.approx([1e-4, 2e-4, 3e-4])
    assert tim.runs[0].t_hot[0] > 273.15 + 50  # degC numbers converted to K


@given(shift=st.floats(-50, 200), scale=st.floats(0.2, 5.0), seed=st.integers(0, 1000))
def test_invariants_offset_and_flux_scaling(shift, scale, seed):
    """Adding a constant to every reading leaves Z unchanged; scaling every temperature difference (a
    stronger heat flux through the same rig) scales q and leaves Z unchanged — linear 1-D conduction."""
    run = synthetic_run(np.random.default_rng(seed))
    bar = ReferenceBar("bar", 200.0)
    shifted = MeterBarRun("s", X, run.t_hot + shift, X, run.t_cold + shift, run.u_hot, run.u_cold)
    ref = 300.0
    scaled = MeterBarRun("k", X, ref + scale * (run.t_hot - ref), X, ref + scale * (run.t_cold - ref),
                         run.u_hot * scale, run.u_cold * scale)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", HeatLossWarning)
        base = reduce_run(run, bar, bar, mc_samples=0)
        a = reduce_run(shifted, bar, bar, mc_samples=0)
        b = reduce_run(scaled, bar, bar, mc_samples=0)
    assert a.impedance == pytest.approx(base.impedance, rel=1e-9)
    assert b.impedance == pytest.approx(base.impedance, rel=1e-9)
    assert b.q == pytest.approx(scale * base.q, rel=1e-9)
    assert b.u_impedance == pytest.approx(base.u_impedance, rel=1e-6)
