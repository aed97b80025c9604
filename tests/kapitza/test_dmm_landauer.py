"""Diffuse mismatch model, Landauer integral, radiation limit, conventions, supplied spectra."""

import numpy as np
import pytest

from tcrlab.errors import InputError
from tcrlab.kapitza import (
    AcousticMedium,
    PhononSpectrum,
    amm_conductance,
    dmm_conductance,
    dmm_rt3,
    dmm_transmission,
    phonon_radiation_conductance,
    phonon_radiation_limit,
    rt3_constant,
)
from tcrlab.kapitza.landauer import landauer_integral
from tcrlab.kapitza.phonons import HBAR, K_B, acoustic_medium, debye_branches

SI = AcousticMedium("Si", 2330.0, 8948.0, 5342.0, 645.0)
CU = AcousticMedium("Cu", 8933.0, 4760.0, 2325.0, 343.0)
AU = AcousticMedium("Au", 19300.0, 3240.0, 1200.0, 165.0)
DIAMOND = AcousticMedium("diamond", 3500.0, 18137.0, 12342.0, 2230.0)


def test_identical_materials_give_one_half():
    """DMM of identical media: α = ½ at every frequency (Swartz & Pohl 1989, the known artefact)."""
    w = np.linspace(1e11, 5e13, 50)
    np.testing.assert_allclose(dmm_transmission(SI, SI, w), 0.5)
    t = np.array([0.3, 30.0, 300.0])
    np.testing.assert_allclose(dmm_conductance(SI, SI, t), 0.5 * phonon_radiation_conductance(SI, t), rtol=1e-10)


def test_debye_alpha_closed_form():
    """α₁₂ = Σc₂⁻²/(Σc₁⁻² + Σc₂⁻²) below all cutoffs (Swartz & Pohl 1989."""
    s1 = SI.c_L**-2 + 2 * SI.c_T**-2
    s2 = CU.c_L**-2 + 2 * CU.c_T**-2
    assert dmm_transmission(SI, CU, [1e12])[0] == pytest.approx(s2 / (s1 + s2), rel=1e-12)
    expected = 30 * HBAR**3 / (np.pi**2 * K_B**4 * s1 * s2 / (s1 + s2))
    assert dmm_rt3(SI, CU) == pytest.approx(expected, rel=1e-12)


def test_dmm_reciprocity_all_temperatures():
    t = np.geomspace(0.05, 1000, 30)
    for cutoff in ("branch", "common"):
        np.testing.assert_allclose(dmm_conductance(SI, CU, t, cutoff=cutoff),
                                   dmm_conductance(CU, SI, t, cutoff=cutoff), rtol=1e-12)


def test_low_t_debye_integral_is_exact():
    """∫₀^∞ x⁴eˣ/(eˣ−1)² dx = 4π⁴/15 ⇒ h_rad = π²k_B⁴T³Σc⁻²/(30ħ³) (Swartz & Pohl 1989."""
    t = np.array([0.01, 0.1, 1.0])
    expected = np.pi**2 * K_B**4 / (30 * HBAR**3) * (SI.c_L**-2 + 2 * SI.c_T**-2) * t**3
    np.testing.assert_allclose(phonon_radiation_conductance(SI, t), expected, rtol=1e-9)
    assert rt3_constant([1, 1, 1], [SI.c_L, SI.c_T, SI.c_T]) * expected[2] == pytest.approx(1.0)


def test_high_temperature_classical_limit():
    """T ≫ Θ_D: ħω∂n/∂T → k_B, h_rad → ¼ k_B Σ_j ω_c,j³/(6π²c_j²) (equipartition, Dulong–Petit flux)."""
    branches = debye_branches(SI, "branch")
    expected = 0.25 * K_B * sum(b.omega_cut**3 / (6 * np.pi**2 * b.c**2) for b in branches)
    assert phonon_radiation_conductance(SI, 1e5) == pytest.approx(expected, rel=1e-3)


def test_cutoff_sensitivity_at_room_temperature():
    """Room-temperature Debye DMM depends strongly on the cutoff convention (reference notes)."""
    a = dmm_conductance(AU, DIAMOND, 300.0, cutoff="branch")
    b = dmm_conductance(AU, DIAMOND, 300.0, cutoff="common")
    assert a / b > 3
    # without a cutoff the T³ law continues
    c = dmm_conductance(AU, DIAMOND, 300.0, cutoff="none")
    assert c == pytest.approx(300.0**3 / dmm_rt3(AU, DIAMOND), rel=1e-8)


def test_radiation_limit_bounds_the_models():
    t = np.geomspace(0.1, 1000, 25)
    lim = phonon_radiation_limit(SI, CU, t)
    assert np.all(dmm_conductance(SI, CU, t) <= lim * (1 + 1e-9))
    assert np.all(amm_conductance(SI, CU, t) <= lim * (1 + 1e-9))


def test_supplied_spectrum_reproduces_debye():
    """A tabulated Debye spectrum passed as a supplied DOS gives the Debye DMM."""
    s1 = PhononSpectrum.debye(SI, n=4000)
    s2 = PhononSpectrum.debye(CU, n=4000)
    t = np.array([5.0, 50.0, 300.0])
    ref = dmm_conductance(SI, CU, t)
    got = dmm_conductance(None, None, t, spectrum1=s1, spectrum2=s2)
    np.testing.assert_allclose(got, ref, rtol=2e-3)


def test_equilibrium_convention_is_larger():
    t = np.array([1.0, 300.0])
    assert np.all(dmm_conductance(SI, CU, t, convention="equilibrium") > dmm_conductance(SI, CU, t))


def test_landauer_integral_rejects_bad_temperatures():
    for bad in (0.0, -1.0, np.inf, [1.0, np.nan]):
        with pytest.raises(InputError, match="T"):
            landauer_integral(bad, lambda w: w)
    with pytest.raises(InputError):
        dmm_conductance(SI, CU, 0.0)


def test_registry_materials_and_name_lookup():
    m = acoustic_medium("Si")
    assert m.rho > 0 and m.c_L > m.c_T > 0
    assert dmm_conductance("Si", "Cu", 1.0) == pytest.approx(dmm_conductance(CU, m, 1.0), rel=1e-2)


def test_spectrum_validation():
    with pytest.raises(InputError):
        PhononSpectrum.from_arrays([0, 1, 1], [[1, 1, 1]], [[1, 1, 1]])
    with pytest.raises(InputError):
        PhononSpectrum.from_arrays([0, 1, 2], [[1, -1, 1]], [[1, 1, 1]])


def test_radiation_limit_low_t_and_per_frequency_bound():
    """Low T: h_max = π²k_B⁴T³ min(Σc₁⁻², Σc₂⁻²)/(30ħ³) (Stoner & Maris 1993); never below the DMM,
    never above either side's own radiation conductance."""
    t = np.array([0.05, 0.5])
    s1 = SI.c_L**-2 + 2 * SI.c_T**-2
    s2 = DIAMOND.c_L**-2 + 2 * DIAMOND.c_T**-2
    expected = np.pi**2 * K_B**4 / (30 * HBAR**3) * min(s1, s2) * t**3
    np.testing.assert_allclose(phonon_radiation_limit(SI, DIAMOND, t), expected, rtol=1e-9)
    t = np.geomspace(1, 1000, 20)
    for a, b in ((AU, DIAMOND), (SI, CU)):
        lim = phonon_radiation_limit(a, b, t)
        assert np.all(lim >= dmm_conductance(a, b, t))
        assert np.all(lim <= np.minimum(phonon_radiation_conductance(a, t),
                                        phonon_radiation_conductance(b, t)) * (1 + 1e-9))
        assert np.all(amm_conductance(a, b, t) <= lim * (1 + 1e-9))  # default side: the softer one


def test_missing_debye_temperature_warns_above_10k():
    from tcrlab.errors import ValidityWarning

    no_theta = AcousticMedium("x", 3000.0, 6000.0, 3000.0)
    with pytest.warns(ValidityWarning, match="debye_temperature"):
        dmm_conductance(no_theta, CU, 300.0)
    with pytest.warns(ValidityWarning, match="debye_temperature"):
        amm_conductance(no_theta, CU, 300.0)
