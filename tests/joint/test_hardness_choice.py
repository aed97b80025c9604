"""Which solid's hardness a joint uses: the lower contact microhardness H_c, and no extrapolated Brinell
correlation.

Published inputs: Vickers coefficients of SS304 (c₁ = 6.271 GPa, c₂ = −0.229) and Ni200 (c₁ = 6.304 GPa,
c₂ = −0.264) from Hegazy (1985) as tabulated by Sridhar & Yovanovich, J. Thermophys. Heat Transfer 10 (1996)
582–590; the Song & Yovanovich (1988) relation; the Brinell range 1300–7600 MPa of Sridhar & Yovanovich,
Wear 193 (1996) 91–102; 6061-T6 at 95 HB (ASM Handbook Vol. 2).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from tcrlab.errors import InputError, ValidityWarning
from tcrlab.joint import Joint
from tcrlab.materials import default_registry
from tcrlab.mechanics.microhardness import (
    hardness_of,
    microhardness,
    vickers_coefficients_from_brinell,
)

SS304 = (6.271e9, -0.229)
NI200 = (6.304e9, -0.264)


def _joint(a: str, b: str, **kw: object) -> Joint:
    return Joint(a, b, pressure=1e6, sigma=1.5e-6, slope=0.1, gas="vacuum", **kw)


def test_softer_solid_is_the_lower_microhardness_not_the_lower_c1() -> None:
    # at σ/m = 15 µm, Ni200 (higher c₁, steeper c₂) has the lower H_c: 3.16 vs 3.45 GPa
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValidityWarning)
        h_ss = microhardness(1e6, 1.5e-6, 0.1, *SS304)
        h_ni = microhardness(1e6, 1.5e-6, 0.1, *NI200)
        assert h_ni == pytest.approx(3.158e9, rel=1e-3)
        assert h_ss == pytest.approx(3.448e9, rel=1e-3)
        for a, b in (("SS304", "Ni200"), ("Ni200", "SS304")):
            r = _joint(a, b).evaluate(emit_warnings=False)
            ref = _joint(a, b, c1=NI200[0], c2=NI200[1]).evaluate(emit_warnings=False)
            assert r.details["softer_solid"] == "Ni200"
            assert r.h_c == pytest.approx(ref.h_c, rel=1e-12)
            old = _joint(a, b, c1=SS304[0], c2=SS304[1]).evaluate(emit_warnings=False)
            assert r.h_c / old.h_c == pytest.approx(1.086, abs=0.005)  # the lower-c₁ choice was 8 % low


def test_softer_solid_chosen_element_by_element() -> None:
    # at σ/m = 1 µm the c₂ difference matters less; each element compares its own H_c
    r = Joint("SS304", "Ni200", pressure=[1e6, 1e6], sigma=[1.5e-6, 0.1e-6], slope=[0.1, 0.1],
              gas="vacuum").evaluate(emit_warnings=False)
    h = [[microhardness(1e6, s, 0.1, *c) for c in (SS304, NI200)] for s in (1.5e-6, 0.1e-6)]
    for i in range(2):
        assert 1e6 / r.p_over_h[i] == pytest.approx(min(h[i]), rel=1e-9)


def test_brinell_correlation_refuses_to_extrapolate() -> None:
    with pytest.raises(InputError, match="1300-7600"):
        vickers_coefficients_from_brinell(932e6)
    c1, c2 = vickers_coefficients_from_brinell(2.0e9)  # inside: the published cubic
    assert c1 == pytest.approx(5.723e9, rel=1e-3) and c2 == pytest.approx(-0.2155, abs=1e-3)


def test_al6061_uses_its_bulk_hardness_with_a_warning() -> None:
    al = default_registry().get_material("Al6061-T6")
    h = hardness_of(al)
    assert h is not None and h.kind == "plain" and h.c1 == pytest.approx(95 * 9.80665e6)
    assert "not extrapolated" in h.note
    with pytest.warns(ValidityWarning, match="outside the 1300-7600 MPa"):
        r = Joint("Al6061-T6", "Al6061-T6", pressure=1e6, sigma=1.5e-6, slope=0.1, gas="vacuum").evaluate()
    assert 1e6 / r.p_over_h == pytest.approx(931.6e6, rel=1e-3)
    assert "bulk Brinell" in r.details["hardness_source"]
    # before: the extrapolated cubic gave H_c ≈ 3.6 GPa, i.e. h_c about 3.6x lower
    assert r.h_c > 3.0 * Joint("Al6061-T6", pressure=1e6, sigma=1.5e-6, slope=0.1, gas="vacuum",
                               c1=8.38e9, c2=-0.321).evaluate(emit_warnings=False).h_c


def test_radiation_uses_both_surface_temperatures() -> None:
    # mean 300 K, surface 2 at 350 K -> surface 1 at 250 K; Incropera & DeWitt eq. 13.24
    sb = 5.670374419e-8
    r = Joint("Cu", pressure=1e6, sigma=1e-6, slope=0.1, gas="vacuum", microhardness=1e9, temperature=300.0, temperature2=350.0,
              emissivity=0.5, radiation=True).evaluate(emit_warnings=False)
    eps = 1.0 / (1 / 0.5 + 1 / 0.5 - 1)
    assert r.h_r == pytest.approx(sb * eps * (250.0**2 + 350.0**2) * 600.0, rel=1e-12)
    with pytest.raises(InputError, match="temperature2"):
        Joint("Cu", pressure=1e6, sigma=1e-6, slope=0.1, gas="vacuum", microhardness=1e9, temperature=300.0, temperature2=700.0,
              emissivity=0.5).evaluate()
    np.testing.assert_allclose(
        Joint("Cu", pressure=1e6, sigma=1e-6, slope=0.1, gas="vacuum", microhardness=1e9, temperature=300.0, temperature2=300.0,
              emissivity=0.5, radiation=True).evaluate(emit_warnings=False).h_r, 4 * sb * eps * 300.0**3)
