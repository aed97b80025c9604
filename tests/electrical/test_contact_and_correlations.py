"""The FFT contact's electrical resistance (flat punch = Holm), the correlations' electrical form and
the Wiedemann–Franz link."""

from __future__ import annotations

import numpy as np
import pytest

from tcrlab.conductance.constriction import cmy_conductance, mikic_elastic_conductance
from tcrlab.contact import conductance, solve
from tcrlab.electrical import (
    LORENZ_NUMBER,
    contact_resistance,
    electrical_contact_conductance,
    spot_resistance,
    wiedemann_franz_thermal_conductance,
)
from tcrlab.errors import InputError
from tcrlab.materials import default_registry
from tcrlab.surfaces import Topography


def _punch(n: int = 64, radius: float = 0.3) -> tuple[object, float]:
    x = (np.arange(n) - n / 2 + 0.5) / n
    X, Y = np.meshgrid(x, x, indexing="ij")
    inside = X**2 + Y**2 < radius**2
    res = solve(Topography(np.where(inside, 0.0, -1.0), (1.0, 1.0), periodic=False), 1.0,
                displacement=1e-3, periodic=False)
    return res, float(np.sqrt(inside.sum() / n**2 / np.pi))


def test_flat_punch_gives_holm_within_two_percent() -> None:
    """A rigid flat circular punch pressed into the half-space: its contact is the whole face, and the
    constriction BVP gives Holm's (ρ₁ + ρ₂)/(4a) (Holm 1967 §4) within 2 %."""
    res, a_eff = _punch()
    assert res.contact.sum() > 1000
    r = contact_resistance(res, 1.7e-8, 7.2e-7)
    assert r.resistance == pytest.approx(spot_resistance(1.7e-8, 7.2e-7, a_eff), rel=0.02)
    assert r.specific_resistance == pytest.approx(1 / r.h_el)


def test_wiedemann_franz_links_fft_thermal_and_electrical() -> None:
    """Metals obeying k = L₀Tσ on both sides: the thermal and electrical conductances of the same spots
    satisfy h_c = L₀ T h_el (same contact set, same constriction problem)."""
    res, _ = _punch(48)
    rho1, rho2, t = 1.7e-8, 2.4e-8, 300.0
    k1, k2 = LORENZ_NUMBER * t / rho1, LORENZ_NUMBER * t / rho2
    h_c = conductance(res, 2 * k1 * k2 / (k1 + k2), check_stiffness=False).h_c
    h_el = contact_resistance(res, rho1, rho2).h_el
    assert h_c == pytest.approx(wiedemann_franz_thermal_conductance(h_el, t), rel=1e-9)


def test_registry_metals_obey_wiedemann_franz_roughly() -> None:
    """The registry's k and ρ of pure copper, silver, gold and aluminium (independent sources) give
    k ρ / T within 10 % of the Sommerfeld Lorenz number at room temperature — a check of the data."""
    reg = default_registry()
    for key in ("Cu", "Ag", "Au", "Al"):
        m = reg.get_material(key)
        ratio = float(m.thermal_conductivity(293.0)) * m.electrical_resistivity / 293.0 / LORENZ_NUMBER
        assert ratio == pytest.approx(1.0, abs=0.1), key


def test_correlations_electrical_form() -> None:
    """COMSOL's Electrical Contact form: the thermal correlation with σ_s = 2/(ρ₁+ρ₂) for k_s."""
    rho1, rho2 = 7.2e-7, 1.7e-8
    s_el = 2 / (rho1 + rho2)
    h = electrical_contact_conductance("cmy", rho1, rho2, sigma=1.5e-6, m=0.1, p_over_h=1e-3)
    assert h == pytest.approx(cmy_conductance(s_el, 1.5e-6, 0.1, 1e-3), rel=1e-14)
    h = electrical_contact_conductance("mikic", rho1, rho2, sigma=1.5e-6, m=0.1, pressure=1e6, E_eff=1.1e11)
    assert h == pytest.approx(mikic_elastic_conductance(s_el, 1.5e-6, 0.1, 1e6, 1.1e11), rel=1e-14)
    with pytest.raises(InputError, match="rho1"):
        electrical_contact_conductance("cmy", -1.0, rho2, sigma=1.5e-6, m=0.1, p_over_h=1e-3)
