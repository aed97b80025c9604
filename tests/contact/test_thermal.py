"""Constriction, gap and radiation conductance from solved contacts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from tcrlab.contact import conductance, solve
from tcrlab.errors import InputError
from tcrlab.surfaces import Topography

_spec = importlib.util.spec_from_file_location("_contact_surf", Path(__file__).with_name("_surf.py"))
_surf = importlib.util.module_from_spec(_spec)
sys.modules["_contact_surf"] = _surf
_spec.loader.exec_module(_surf)
self_affine = _surf.self_affine


def _grid(n: int, L: float) -> tuple[np.ndarray, np.ndarray]:
    x = (np.arange(n) - n / 2 + 0.5) * L / n
    return np.meshgrid(x, x, indexing="ij")


def test_single_spot_constriction_one_over_4ka_per_side() -> None:
    """Isothermal circular spot on a half-space: R = 1/(4ka) per side (Holm, Electric Contacts, 1967;
    Carslaw & Jaeger 1959), so two solids in series conduct 2 k_s a with k_s = 2k1k2/(k1+k2)."""
    n, L, a = 64, 1.0, 0.25
    X, Y = _grid(n, L)
    inside = X**2 + Y**2 < a**2
    res = solve(Topography(np.where(inside, 0.0, -1.0), (L, L), periodic=False), 1.0,
                displacement=1e-3, periodic=False)
    a_eff = np.sqrt(inside.sum() * (L / n) ** 2 / np.pi)
    k1, k2 = 16.0, 400.0
    k_s = 2 * k1 * k2 / (k1 + k2)
    c = conductance(res, k_s)
    R_total = 1 / (c.h_c * L**2)
    assert R_total == pytest.approx(1 / (4 * k1 * a_eff) + 1 / (4 * k2 * a_eff), rel=0.015)
    assert c.routes_agree < 0.01


def test_hertz_contact_conductance_barber() -> None:
    """Hertz contact: dP/dδ = 2aE' (Johnson 1985 §4.2), so Barber's analogy (Proc. R. Soc. A 459,
    53, 2003) gives C = 2 k_s a — both routes, within 2 % of the closed form."""
    n, L, R, P = 96, 1.0, 10.0, 1e-4
    X, Y = _grid(n, L)
    res = solve(Topography(-(X**2 + Y**2) / (2 * R), (L, L), periodic=False), 1.0,
                pressure=P / L**2, periodic=False)
    a = (3 * P * R / 4) ** (1 / 3)
    c = conductance(res, 50.0)
    assert c.h_c * L**2 == pytest.approx(2 * 50.0 * a, rel=0.03)
    assert c.h_c_stiffness * L**2 == pytest.approx(2 * 50.0 * a, rel=0.03)


def test_two_routes_agree_on_rough_contact() -> None:
    """Barber's stiffness route and the direct thermal BVP agree within 1 % (issue requirement)."""
    topo = self_affine(64, rms_slope=0.2, size=1e-4, seed=7)
    res = solve(topo, 100e9, pressure=2e9 * 0.2 * 0.05)
    c = conductance(res, 16.0)
    assert c.h_c > 0
    assert c.routes_agree < 0.01


def test_gap_and_radiation_and_joint() -> None:
    """h_g bounded by the contact-free parallel-plate value k/M·(1 − A/A0); more gas conductivity or
    a smaller M raise it. Black-body radiation at 300 K: 4σT³ = 6.12 W/m²K (Incropera, 6th ed.)."""
    topo = self_affine(64, rms_slope=0.2, size=1e-4, seed=7)
    res = solve(topo, 100e9, pressure=1e8)
    k_gas, M = 0.026, 0.3e-6
    c = conductance(res, 16.0, k_gas=k_gas, M=M, emissivity=(1.0, 1.0), temperature=300.0,
                    check_stiffness=False)
    assert 0 < c.h_g < k_gas / M * (1 - res.area_fraction)
    assert conductance(res, 16.0, k_gas=k_gas, M=M / 2, check_stiffness=False).h_g > c.h_g
    assert c.h_r == pytest.approx(6.12, rel=2e-3)
    assert c.h_j == pytest.approx(c.h_c + c.h_g + c.h_r)
    assert conductance(res, 16.0, check_stiffness=False).h_g == 0.0


def test_conductance_bad_inputs() -> None:
    res = solve(self_affine(32, seed=0), 1.0, pressure=0.05)
    with pytest.raises(InputError):
        conductance(res, -1.0)
    with pytest.raises(InputError):
        conductance(res, 1.0, k_gas=-0.1)
    with pytest.raises(InputError):
        conductance(res, 1.0, emissivity=(0.0, 1.0), temperature=300.0)
    with pytest.raises(InputError):
        conductance("not a result", 1.0)


def test_complete_contact_has_no_constriction() -> None:
    """Every point of a periodic cell in contact: no constriction, h_c = ∞ (R_c = 0) — the exact limit
    of the periodic BVP, whose kernel has no uniform mode — instead of a division by zero."""
    from tcrlab.surfaces import load_surface

    topo = load_surface("self-affine:n=32,H=0.8,slope=0.1,size=100um,seed=1")
    res = solve(topo, 1.054e11, pressure=2e10)
    assert res.contact.all()
    c = conductance(res, 14.9)
    assert c.h_c == np.inf and c.h_j == np.inf and c.h_g == 0.0
    assert c.routes_agree == 0.0
    # just below complete contact h_c is finite and rises with load towards the limit
    hs = [conductance(solve(topo, 1.054e11, pressure=p), 14.9, check_stiffness=False).h_c
          for p in (1e9, 1e10)]
    assert np.isfinite(hs).all() and 0 < hs[0] < hs[1]
