"""Acoustic mismatch model: elastic boundary conditions, scalar forms, R·T³ constants."""

from types import SimpleNamespace

import numpy as np
import pytest

from tcrlab.errors import InputError
from tcrlab.kapitza import (
    HELIUM_II,
    AcousticMedium,
    amm_conductance,
    amm_gammas,
    amm_rt3,
    amm_transmission,
    dmm_rt3,
    elastic_coefficients,
    khalatnikov_conductance,
    scalar_transmission,
)
from tcrlab.kapitza.phonons import HBAR, K_B

# Isotropic-average elastic data (CRC Handbook / Hall 1967) — the test does not depend on their precision.
SI = SimpleNamespace(name="Si", rho=2330.0, c_L=8948.0, c_T=5342.0, debye_temperature=645.0)
CU = SimpleNamespace(name="Cu", density=8933.0, sound_speed_longitudinal=4760.0,
                     sound_speed_transverse=2325.0, debye_temperature=343.0)
SAPPHIRE = AcousticMedium("sapphire", 3970.0, 10882.0, 6399.0, 1035.0)
AL = AcousticMedium("Al", 2702.0, 6420.0, 3040.0, 428.0)
AU = AcousticMedium("Au", 19300.0, 3240.0, 1200.0, 165.0)
DIAMOND = AcousticMedium("diamond", 3500.0, 18137.0, 12342.0, 2230.0)
PB = AcousticMedium("Pb", 11340.0, 2160.0, 700.0, 105.0)


@pytest.mark.parametrize("pair, incident", [
    *[(p, inc) for p in [(SI, CU), (CU, SI), (AU, DIAMOND), (CU, HELIUM_II)] for inc in ("L", "SV", "SH")],
    ((HELIUM_II, CU), "L"),  # a liquid carries longitudinal waves only
])
def test_energy_conservation_over_all_outgoing_modes(pair, incident):
    """R + T = 1 summed over reflected and transmitted L, SV (and SH) modes at every angle."""
    theta = np.linspace(0.0, np.pi / 2, 181)
    c = elastic_coefficients(*pair, theta, incident)
    np.testing.assert_allclose(c.reflection + c.transmission, 1.0, atol=1e-10)
    assert np.all(c.transmission >= 0) and np.all(c.transmission <= 1)


@pytest.mark.parametrize("incident", ["L", "SV", "SH"])
def test_normal_incidence_is_impedance_formula(incident):
    """Normal incidence: α = 4Z₁Z₂/(Z₁+Z₂)² with Z = ρc of the branch (Swartz & Pohl 1989."""
    branch = "L" if incident == "L" else "T"
    z1 = SI.rho * (SI.c_L if branch == "L" else SI.c_T)
    z2 = CU.density * (CU.sound_speed_longitudinal if branch == "L" else CU.sound_speed_transverse)
    got = elastic_coefficients(SI, CU, [0.0], incident).transmission[0]
    assert got == pytest.approx(4 * z1 * z2 / (z1 + z2) ** 2, rel=1e-9)


def test_fluid_fluid_full_model_equals_rayleigh_z_over_cos_form():
    """Two fluids: the exact result is Rayleigh's α = 4Z₁Z₂cosθ₁cosθ₂/(Z₁cosθ₂+Z₂cosθ₁)²
    (Brekhovskikh, Waves in Layered Media, 1960, §2) — the 'Z/cosθ' scalar form."""
    water = AcousticMedium("water", 1000.0, 1480.0, 0.0)
    oil = AcousticMedium("oil", 870.0, 1740.0, 0.0)
    theta = np.linspace(0, np.pi / 2, 91)
    full = elastic_coefficients(water, oil, theta).transmission
    scalar = scalar_transmission(theta, 1000 * 1480.0, 1480.0, 870 * 1740.0, 1740.0, "z_over_cos")
    np.testing.assert_allclose(full, scalar, atol=1e-12)
    # beyond the critical angle arcsin(1480/1740) nothing is transmitted
    assert np.all(full[theta > np.arcsin(1480 / 1740) + 1e-6] == 0)


def test_sh_is_the_z_cos_form():
    """SH waves: α = 4Z₁Z₂cosθ₁cosθ₂/(Z₁cosθ₁+Z₂cosθ₂)² (Auld 1973), the 'Z cosθ' scalar form."""
    theta = np.linspace(0, np.pi / 2, 91)
    full = elastic_coefficients(SI, CU, theta, "SH").transmission
    scalar = scalar_transmission(theta, SI.rho * SI.c_T, SI.c_T, 8933.0 * 2325.0, 2325.0, "z_cos")
    np.testing.assert_allclose(full, scalar, atol=1e-12)


def test_total_internal_reflection_beyond_critical_angle():
    """L from Cu into Si: past sinθ = c_L,Cu / c_T,Si every transmitted mode is evanescent."""
    theta = np.linspace(0, np.pi / 2, 200)
    t = amm_transmission(CU, SI, theta, "L")
    beyond = np.sin(theta) > 4760.0 / 5342.0 + 1e-9
    assert np.all(t[beyond] == 0.0) and np.all(t[~beyond][:-1] > 0.0)


def test_identical_media_transmit_fully():
    g = amm_gammas(SI, SI)
    assert g == pytest.approx({"L": 1.0, "SV": 1.0, "SH": 1.0}, abs=1e-12)
    # and h equals the phonon radiation conductance π²k⁴T³Σc⁻²/(30ħ³) at low T (Swartz & Pohl 1989)
    expected = np.pi**2 * K_B**4 / (30 * HBAR**3) * (SI.c_L**-2 + 2 * SI.c_T**-2) * 1.0**3
    assert amm_conductance(SI, SI, 1.0) == pytest.approx(expected, rel=1e-8)


@pytest.mark.parametrize("pair", [(SI, CU), (AL, SAPPHIRE), (AU, DIAMOND), (PB, DIAMOND), (AL, SI)])
def test_low_temperature_reciprocity(pair):
    """Detailed balance: Σ_j Γ₁j/c₁j² = Σ_j Γ₂j/c₂j², so h₁₂ computed from either side agrees (T ≪ Θ_D)."""
    a, b = pair
    assert amm_rt3(a, b) == pytest.approx(amm_rt3(b, a), rel=1e-6)
    t = np.array([0.05, 0.5, 2.0])
    np.testing.assert_allclose(amm_conductance(a, b, t, side=1), amm_conductance(a, b, t, side=2),
                               rtol=1e-6)


def test_t_cubed_law_and_rt3_constant():
    t = np.array([0.01, 0.1, 1.0])
    h = amm_conductance(SI, CU, t)
    np.testing.assert_allclose(h * amm_rt3(SI, CU) / t**3, 1.0, rtol=1e-8)


@pytest.mark.parametrize("pair", [(SI, CU), (AL, SAPPHIRE), (AU, SAPPHIRE), (AL, SI),
                                  (AU, DIAMOND), (AL, CU)])
def test_solid_solid_amm_and_dmm_differ_little(pair):
    """Swartz & Pohl (1989), abstract: for typical solid-solid interfaces the AMM and DMM boundary
    resistances 'differ by very little (≈30%)'."""
    ratio = amm_rt3(*pair) / dmm_rt3(*pair)
    assert 0.7 < ratio < 1.35


def test_helium_diffuse_scattering_reduces_resistance_by_two_orders():
    """Swartz & Pohl (1989), abstract: for helium on a solid, diffuse mismatch reduces the boundary
    resistance, 'typically over 2 orders of magnitude'."""
    for solid in (CU, SI, SAPPHIRE):
        assert amm_rt3(HELIUM_II, solid) / dmm_rt3(HELIUM_II, solid) > 100


def test_khalatnikov_cu_he_below_measured():
    """Khalatnikov AMM for Cu|He II is far below the measured ≈ 900 T³ W/m²K (Van Sciver, Helium
    Cryogenics 2012) — the 'Kapitza anomaly' (Swartz & Pohl 1989)."""
    h1 = khalatnikov_conductance(CU, 1.0)
    assert 1.0 < h1 < 900.0 / 20
    assert khalatnikov_conductance(CU, 2.0) == pytest.approx(8 * h1, rel=1e-9)


def test_scalar_forms_bracket_and_differ():
    """The two scalar oblique forms agree at normal incidence but differ in Γ (reference notes)."""
    zc = amm_rt3(AU, DIAMOND, model="scalar_z_cos")
    zoc = amm_rt3(AU, DIAMOND, model="scalar_z_over_cos")
    assert zc != pytest.approx(zoc, rel=0.05)
    a = scalar_transmission([0.0], 1e7, 3000.0, 4e7, 9000.0, "z_cos")[0]
    b = scalar_transmission([0.0], 1e7, 3000.0, 4e7, 9000.0, "z_over_cos")[0]
    assert a == pytest.approx(b) == pytest.approx(0.64)


def test_room_temperature_side_choice_and_cutoffs_documented():
    """At 300 K the continuum AMM is not reciprocal with Debye cutoffs (documented limitation)."""
    h1 = amm_conductance(SI, CU, 300.0, side=1)
    h2 = amm_conductance(SI, CU, 300.0, side=2)
    assert h1 > 0 and h2 > 0 and h1 != pytest.approx(h2, rel=0.01)
    # the default counts the softer side's (Cu) phonons, whatever the order of the materials
    assert amm_conductance(SI, CU, 300.0) == amm_conductance(CU, SI, 300.0) == h2


def test_equilibrium_convention_identical_media_no_resistance():
    """Equilibrium-temperature convention (Simons 1974; Zeng & Chen 2001): a fully transmitting
    interface between identical media has zero resistance."""
    assert np.isinf(amm_conductance(SI, SI, 10.0, convention="equilibrium"))
    he = amm_conductance(SI, CU, 10.0, convention="equilibrium")
    assert he > amm_conductance(SI, CU, 10.0)


@pytest.mark.parametrize("bad, match", [
    (dict(T=0.0), "T"), (dict(T=-3.0), "T"), (dict(T=np.nan), "T"),
    (dict(model="foo"), "model"), (dict(cutoff="x"), "cutoff"), (dict(convention="x"), "convention"),
    (dict(side=3), "side"),
])
def test_bad_inputs(bad, match):
    kwargs = {"T": 1.0, **bad}
    t = kwargs.pop("T")
    with pytest.raises(InputError, match=match):
        amm_conductance(SI, CU, t, **kwargs)


def test_bad_materials():
    with pytest.raises(InputError, match="sound_speed_transverse"):
        amm_conductance(SimpleNamespace(name="x", rho=1000.0, c_L=3000.0), CU, 1.0)
    with pytest.raises(InputError, match="density"):
        amm_conductance(SimpleNamespace(name="neg", rho=-1.0, c_L=3000.0, c_T=1000.0), CU, 1.0)
    with pytest.raises(InputError, match="unstable"):
        amm_conductance(SimpleNamespace(name="u", rho=1.0, c_L=1000.0, c_T=1000.0), CU, 1.0)
    with pytest.raises(InputError, match="theta"):
        elastic_coefficients(SI, CU, [2.0])


@pytest.mark.parametrize("a, b", [("L", "L"), ("L", "SV"), ("SV", "L"), ("SV", "SV"), ("SH", "SH")])
def test_mode_by_mode_reciprocity_at_equal_slowness(a, b):
    """Reciprocity of elastic scattering (Auld, Acoustic Fields and Waves in Solids, 1973, Ch. 10):
    the energy transmission a(1) → b(2) equals b(2) → a(1) at the same horizontal slowness p."""
    si = AcousticMedium("Si", 2330.0, 8948.0, 5342.0)
    cu = AcousticMedium("Cu", 8933.0, 4760.0, 2325.0)
    speed = {"L": "c_L", "SV": "c_T", "SH": "c_T"}
    p = np.linspace(0.0, 0.999 / max(getattr(si, speed[a]), getattr(cu, speed[b])), 25)
    t12 = elastic_coefficients(si, cu, np.arcsin(p * getattr(si, speed[a])), a).transmitted[b]
    t21 = elastic_coefficients(cu, si, np.arcsin(p * getattr(cu, speed[b])), b).transmitted[a]
    np.testing.assert_allclose(t12, t21, atol=1e-12)
