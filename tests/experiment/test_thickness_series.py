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
