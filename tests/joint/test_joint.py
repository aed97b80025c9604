"""tcrlab.Joint: published reference resistances, physical invariants, warnings and input errors."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tcrlab
from tcrlab.errors import InputError

BASE = tcrlab.Joint("SS304", "SS304", pressure=1e6, sigma=1.5e-6, slope=0.1, gas="air")


def _r(joint: tcrlab.Joint) -> tcrlab.joint.JointResult:
    return joint.evaluate(emit_warnings=False)


def _log_distance(value: float, lo: float, hi: float) -> float:
    """Decades between value and the range [lo, hi] (0 inside)."""
    if lo <= value <= hi:
        return 0.0
    return float(min(abs(np.log10(value / lo)), abs(np.log10(value / hi))))


@pytest.mark.parametrize(
    "solid,at_100kpa,at_10mpa,decades_10mpa",
    [("SS304", (6e-4, 25e-4), (0.7e-4, 4.0e-4), 0.35), ("Al6061-T6", (1.5e-4, 5.0e-4), (0.2e-4, 0.4e-4), 0.8)],
)
def test_incropera_vacuum_ranges_order_of_magnitude(solid: str, at_100kpa: tuple, at_10mpa: tuple,
                                                    decades_10mpa: float) -> None:
    # Bergman et al., Fundamentals of Heat and Mass Transfer, 7th ed. (2011), Table 3.1(a): R''_t,c of metallic
    # interfaces in vacuum at 100 kN/m² and 10 MN/m². Typical ground/bead-blasted surfaces σ = 0.5-4 µm.
    # Measured: tcrlab lies within or near the range at 10 MPa and 0.4-0.9 decades above it at 100 kPa (CMY is
    # known to under-predict h_c at light loads: Milanez, Yovanovich & Mantelli, JTHT 17 (2003)).
    # Al6061-T6 has no measured c1, c2 and its 95 HB lies below the Brinell correlation's range, so its bulk
    # Brinell hardness is used without a size effect (c2 = 0): R_c at 10 MPa then lies 0.45-0.75 decades BELOW
    # the table's range (the microhardness of a real Al surface is higher than its bulk hardness).
    for sigma, m in [(0.5e-6, 0.05), (1e-6, 0.08), (2e-6, 0.12), (4e-6, 0.2)]:
        r = _r(tcrlab.Joint(solid, pressure=np.array([1e5, 1e7]), sigma=sigma, slope=m, gas="vacuum"))
        assert r.h_g[0] == 0.0 and r.h_g[1] == 0.0
        assert _log_distance(r.R_c[0], *at_100kpa) < 1.0
        assert _log_distance(r.R_c[1], *at_10mpa) < decades_10mpa


def test_incropera_interfacial_fluids_aluminium() -> None:
    # Table 3.1(b) (Bergman et al. 2011): aluminium interface, "10 µm roughness", 1e5 N/m²:
    # R''_t,c = 2.75 (air), 1.05 (He), 0.720 (H2), 0.265 (glycerine) ×1e-4 m²K/W. The roughness measure is
    # not defined there; taken as a peak-to-valley ≈ 4σ, i.e. σ = 2.5 µm, slope from Antonetti's correlation.
    published = {"air": 2.75e-4, "He": 1.05e-4, "H2": 0.720e-4}
    with pytest.warns(tcrlab.ValidityWarning):
        m = tcrlab.surfaces.parameters.slope_from_roughness(2.5e-6)
    got = {}
    for gas, ref in published.items():
        got[gas] = _r(tcrlab.Joint("Al6061-T6", pressure=1e5, sigma=2.5e-6, slope=m, gas=gas)).R_c
        # 0.61-0.72 of the table with the bulk Brinell hardness (size effect not represented, see above)
        assert got[gas] == pytest.approx(ref, rel=0.45)
    assert got["air"] > got["He"] > got["H2"]
    gly = _r(tcrlab.Joint("Al6061-T6", pressure=1e5, sigma=2.5e-6, slope=m, liquid_conductivity=0.286)).R_c
    assert gly == pytest.approx(0.265e-4, rel=0.5)  # glycerine k = 0.286 W/(m K) (Incropera Table A.5)


def test_outputs_and_consistency() -> None:
    r = _r(BASE)
    assert r.h_j == pytest.approx(r.h_c + r.h_g)  # h_r ≈ 2 W/(m² K) < 1 % is reported, not added
    assert r.h_r > 0 and r.details["radiation_included"] is False
    assert r.R_c == pytest.approx(1 / r.h_j)
    assert r.area_ratio == pytest.approx(r.p_over_h)
    assert 2 < r.Y / 1.5e-6 < 4.5
    forced = _r(dataclasses.replace(BASE, radiation=True))
    assert forced.h_j == pytest.approx(r.h_c + r.h_g + r.h_r)
    assert set(r.outputs()) == {"h_c", "h_g", "h_r", "h_j", "R_c", "P_over_Hc", "Y", "area_ratio"}


def test_all_contact_models_run_and_are_close() -> None:
    values = {}
    for model in ("cmy", "cmy-correlation", "mikic", "elastoplastic", "asperity", "asperity-article"):
        values[model] = _r(dataclasses.replace(BASE, contact_model=model, poisson_ratio=0.29)).h_c
    assert values["cmy-correlation"] == pytest.approx(values["cmy"], rel=0.016)
    for v in values.values():
        assert 0.2 * values["cmy"] < v < 5 * values["cmy"]


def test_broadcast_monte_carlo_shape() -> None:
    rng = np.random.default_rng(0)
    n = 5000
    j = dataclasses.replace(BASE, pressure=rng.uniform(0.5e6, 5e6, n), sigma=rng.normal(1.5e-6, 1e-7, n))
    r = _r(j)
    assert np.shape(r.h_j) == (n,) and np.all(np.isfinite(r.h_j))


def test_warnings_are_recorded() -> None:
    r = _r(dataclasses.replace(BASE, pressure=1e3))  # P/H_c ≈ 1e-7: outside every fit
    assert any("P/H_c" in w for w in r.warnings)
    with pytest.warns(tcrlab.ValidityWarning):
        dataclasses.replace(BASE, pressure=1e3).evaluate()
    r2 = _r(dataclasses.replace(BASE, slope=None))
    assert any("slope m estimated" in w for w in r2.warnings)


@pytest.mark.parametrize(
    "change,field",
    [({"pressure": 5e10}, "pressure"), ({"sigma": -1e-6}, "sigma"), ({"tac": 1.3}, "tac"),
     ({"tac": (0.5, 0.0)}, "tac"), ({"gas": "xenonium"}, "gas"), ({"contact_model": "hertz"}, "contact_model"),
     ({"solid1": "unobtainium"}, "material"), ({"emissivity": 1.5}, "emissivity1")],
)
def test_impossible_inputs_name_the_field(change: dict, field: str) -> None:
    with pytest.raises(InputError) as info:
        _r(dataclasses.replace(BASE, **change))
    assert info.value.field.startswith(field)


@settings(max_examples=25, deadline=None)
@given(p=st.floats(2e5, 2e7), f=st.floats(1.1, 3.0))
def test_hc_rises_with_pressure(p: float, f: float) -> None:
    r = _r(dataclasses.replace(BASE, pressure=np.array([p, p * f])))
    assert r.h_c[1] > r.h_c[0]


@settings(max_examples=20, deadline=None)
@given(pg=st.floats(10.0, 1e5), f=st.floats(1.5, 10.0), gas=st.sampled_from(["air", "He", "Ar", "N2"]))
def test_hg_falls_as_gas_pressure_falls(pg: float, f: float, gas: str) -> None:
    r = _r(dataclasses.replace(BASE, gas=gas, gas_pressure=np.array([pg, pg / f])))
    assert r.h_g[1] < r.h_g[0]


@settings(max_examples=15, deadline=None)
@given(p=st.floats(2e5, 1e7), sigma=st.floats(0.5e-6, 5e-6), t=st.floats(250.0, 500.0))
def test_vacuum_zero_and_helium_beats_air(p: float, sigma: float, t: float) -> None:
    j = dataclasses.replace(BASE, pressure=p, sigma=sigma, temperature=t)
    assert _r(dataclasses.replace(j, gas="vacuum")).h_g == 0.0
    assert _r(dataclasses.replace(j, gas="He")).h_g > _r(j).h_g
