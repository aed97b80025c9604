"""Interface resistance fitted to a noisy synthetic Zth: accuracy and Monte Carlo coverage."""

import numpy as np
import pytest

from tcrlab.errors import InputError
from tcrlab.transient import LayeredPath, Resistance, Slab, fit_interface_resistance
from tcrlab.uq.distributions import parse_distribution

AREA = 1e-4
POWER = 20.0  # W: 0.05 K RMS temperature noise is 0.0025 K/W on Zth
TRUTH = 1.0  # K/W


def _path(r_tim):
    return LayeredPath((Slab("die", 0.4e-3, 130.0, 1.66e6, AREA), Resistance("attach", 0.2),
                        Slab("Cu", 2e-3, 398.0, 3.44e6, AREA), Resistance("TIM", r_tim),
                        Slab("Al", 5e-3, 237.0, 2.44e6, AREA), Resistance("coolant", 0.5)))


def _trials(n, samples):
    t = np.logspace(-5, 2.5, 300)
    clean = _path(TRUTH).zth(t)
    fits = []
    for seed in range(n):
        noisy = clean + np.random.default_rng(1000 + seed).normal(0.0, 0.05 / POWER, t.size)
        fits.append(fit_interface_resistance(_path(0.3), "TIM", t, noisy, samples=samples, seed=seed))
    return fits


def test_interface_fit_small():
    fits = _trials(10, 100)
    assert all(abs(f.value / TRUTH - 1) < 0.05 for f in fits)
    assert sum(f.covers(TRUTH) for f in fits) >= 8
    assert fits[0].residual_rms == pytest.approx(0.05 / POWER, rel=0.15)


@pytest.mark.slow
def test_interface_fit_coverage_100_trials():
    fits = _trials(100, 200)
    assert all(abs(f.value / TRUTH - 1) < 0.05 for f in fits)
    assert sum(f.covers(TRUTH) for f in fits) >= 90


def test_uncertain_inputs_widen_the_interval():
    t = np.logspace(-5, 2.5, 200)
    z = _path(TRUTH).zth(t)
    plain = fit_interface_resistance(_path(0.3), "TIM", t, z + 1e-4, samples=50, seed=1)
    spread = parse_distribution({"dist": "normal", "mean": "2 mm", "rel_std": 0.05}, "Cu.thickness")
    wider = fit_interface_resistance(_path(0.3), "TIM", t, z + 1e-4, samples=50, seed=1,
                                     uncertain={("Cu", "thickness"): spread})
    assert wider.std > 3 * plain.std


def test_bad_interface():
    t = np.logspace(-5, 2, 100)
    z = _path(TRUTH).zth(t)
    with pytest.raises(InputError, match="massless"):
        fit_interface_resistance(_path(0.3), "Cu", t, z)
    with pytest.raises(InputError, match="element name"):
        fit_interface_resistance(_path(0.3), "nope", t, z)
