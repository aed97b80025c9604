"""Network identification: an exact lumped ladder recovered, a distributed path's structure function."""

import numpy as np
import pytest

from tcrlab.errors import InputError
from tcrlab.transient import (
    LayeredPath,
    Resistance,
    Slab,
    cauer_zth,
    fit_foster,
    foster_to_cauer,
    identify_network,
    layered_structure_function,
    time_constant_spectrum,
)

AREA = 1e-4


def test_cauer_ladder_recovered_through_spectrum_foster_cauer():
    # a hand-built 3-stage ladder → Zth on a fine grid → spectrum → compact Foster fit → Cauer
    R = np.array([0.2, 0.5, 1.0])
    C = np.array([1e-3, 2e-2, 1.0])
    t = np.logspace(-6, 3, 901)
    z = cauer_zth(R, C, t)
    spectrum = time_constant_spectrum(t, z)
    assert spectrum.R.sum() == pytest.approx(R.sum(), rel=1e-3)
    foster = fit_foster(t, z, spectrum=spectrum)
    assert foster.R.size == 3
    r2, c2 = foster_to_cauer(foster.R, foster.tau)
    assert r2 == pytest.approx(R, rel=1e-6)
    assert c2 == pytest.approx(C, rel=1e-6)


def test_regularisation_grows_with_noise():
    R = np.array([0.2, 0.5, 1.0])
    C = np.array([1e-3, 2e-2, 1.0])
    t = np.logspace(-5, 2, 2000)
    z = cauer_zth(R, C, t)
    clean = time_constant_spectrum(t, z)
    noisy = time_constant_spectrum(t, z + np.random.default_rng(1).normal(0, 0.005, t.size))
    assert noisy.noise == pytest.approx(0.005, rel=0.1)  # the estimate from the data itself
    assert noisy.regularization > 100 * clean.regularization
    # discrepancy principle: the fit is as close as the noise allows, not closer
    assert noisy.residual_rms < 0.005


def test_distributed_path_structure_function():
    # a die, an attach, a Cu spreader, a TIM, an Al base: the identified structure function follows the
    # exact distributed one (ρck A² slopes and interface steps) at mid-slab capacitances within 10 % when the
    # deconvolution is regularised for a tester-like noise of 3e-4 K/W (measured: −0.02 %, −2.8 %, −3.6 %;
    # unregularised spectra of noise-free data are sparse and miss by up to 23 %)
    die = Slab("die", 0.4e-3, 130.0, 1.66e6, AREA)
    cu = Slab("Cu", 2e-3, 398.0, 3.44e6, AREA)
    al = Slab("Al", 5e-3, 237.0, 2.44e6, AREA)
    path = LayeredPath((die, Resistance("attach", 0.2), cu, Resistance("TIM", 1.0), al, Resistance("coolant", 0.5)))
    t = np.logspace(-6, 2.5, 800)
    ident = identify_network(t, path.zth(t), per_decade=20, noise=3e-4)
    exact = layered_structure_function(path)
    c_mid = np.array([die.capacitance / 2, die.capacitance + cu.capacitance / 2,
                      die.capacitance + cu.capacitance + al.capacitance / 2])
    assert ident.structure.resistance_at(c_mid) == pytest.approx(exact.resistance_at(c_mid), rel=0.1)
    assert ident.structure.R_cum[-1] == pytest.approx(float(path.steady_resistance), rel=1e-3)


def test_bad_curves():
    t = np.logspace(-5, 1, 60)
    z = 1 - np.exp(-t)
    with pytest.raises(InputError, match="not strictly increasing"):
        time_constant_spectrum(t[::-1], z)
    bad = z.copy()
    bad[10] = np.nan
    with pytest.raises(InputError, match="NaN"):
        time_constant_spectrum(t, bad)
    with pytest.raises(InputError, match="negative temperature rise"):
        time_constant_spectrum(t, z - 0.5)
    with pytest.raises(InputError, match="too few points per decade"):
        time_constant_spectrum(np.logspace(-5, 5, 20), 1 - np.exp(-np.logspace(-5, 5, 20)))


def test_unsettled_curve_warns():
    from tcrlab.errors import ValidityWarning

    t = np.logspace(-5, 0, 100)
    with pytest.warns(ValidityWarning, match="not reached steady state"):
        time_constant_spectrum(t, 1 - np.exp(-t / 10.0))
