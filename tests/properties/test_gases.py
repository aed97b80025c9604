"""Gas properties (CoolProp) against textbook tables, mean free path and accommodation coefficients."""

from __future__ import annotations

import pytest

from tcrlab.errors import InputError
from tcrlab.properties.accommodation import accommodation_coefficient
from tcrlab.properties.gases import gas_properties, mean_free_path

# Bergman, Lavine, Incropera & DeWitt, Fundamentals of Heat and Mass Transfer, 7th ed. (2011), Table A.4,
# 300 K and 1 atm: k [W/(m K)], μ [Pa s], Pr
TABLE_A4 = {
    "air": (0.0263, 184.6e-7, 0.707),
    "N2": (0.0259, 178.2e-7, 0.716),
    "He": (0.152, 199.0e-7, 0.680),
    "H2": (0.183, 89.6e-7, 0.701),
    "CO2": (0.01655, 149.0e-7, 0.766),
}


@pytest.mark.parametrize("gas", sorted(TABLE_A4))
def test_properties_match_incropera_table_a4(gas: str) -> None:
    k, mu, pr = TABLE_A4[gas]
    g = gas_properties(gas, 300.0, 101325.0)
    assert g.thermal_conductivity == pytest.approx(k, rel=0.03)
    assert g.viscosity == pytest.approx(mu, rel=0.03)
    assert g.prandtl == pytest.approx(pr, rel=0.03)


def test_gamma_monatomic_and_diatomic() -> None:
    assert gas_properties("Ar", 300.0, 1e3).gamma == pytest.approx(5 / 3, rel=1e-3)
    assert gas_properties("N2", 300.0, 1e3).gamma == pytest.approx(1.4, rel=2e-3)


def test_mean_free_path_of_air() -> None:
    # Jennings, J. Aerosol Sci. 19 (1988) 159-166: λ = 0.0665 µm for air at 101.325 kPa and 23 °C
    g = gas_properties("air", 296.15, 101325.0)
    assert g.mean_free_path == pytest.approx(0.0665e-6, rel=0.03)
    # Λ ∝ 1/P at fixed T
    assert gas_properties("air", 296.15, 1013.25).mean_free_path == pytest.approx(100 * g.mean_free_path, rel=1e-3)
    assert mean_free_path(g.viscosity, g.pressure, g.temperature, g.molar_mass) == pytest.approx(g.mean_free_path)


def test_accommodation_song_yovanovich_ranges() -> None:
    # Song & Yovanovich (1987) correlation; measured engineering-surface values: He on metals 0.2-0.5,
    # N2/Ar/air 0.8-0.9 (reference notes; Song, Yovanovich & Goodman 1993)
    fe = 0.0553  # SS304 mean molar mass, kg/mol
    he = accommodation_coefficient(0.004003, fe, 300.0, monatomic=True)
    n2 = accommodation_coefficient(0.028013, fe, 300.0, monatomic=False)
    ar = accommodation_coefficient(0.039948, fe, 300.0, monatomic=True)
    assert 0.2 < he < 0.5
    assert 0.78 < n2 < 0.9
    assert 0.78 < ar < 0.92


def test_errors() -> None:
    with pytest.raises(InputError, match="gas"):
        gas_properties("xenon-ish", 300.0, 1e5)
    with pytest.raises(InputError, match="gas_pressure"):
        gas_properties("air", 300.0, -1.0)
    with pytest.raises(InputError, match="temperature"):
        gas_properties("air", 0.0, 1e5)


def test_disk_cache_answers_a_repeated_state_without_loading_coolprop(tmp_path) -> None:
    """A joint in air used to pay CoolProp's ~1.8 s fluid-library load on every run; a repeated state now
    comes from the disk cache, bit for bit the same, and CoolProp is never imported."""
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "from tcrlab.properties.gases import gas_properties\n"
        "g = gas_properties('air', 300.0, 101325.0)\n"
        "print(json.dumps([g.thermal_conductivity, g.viscosity, g.prandtl, g.mean_free_path,"
        " 'CoolProp' in sys.modules]))\n"
    )
    env = {**os.environ, "TCRLAB_CACHE_DIR": str(tmp_path)}
    env.pop("TCRLAB_NO_CACHE", None)
    runs = [json.loads(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                      check=True, timeout=300).stdout) for _ in range(2)]
    assert runs[0][-1] is True and runs[1][-1] is False  # computed once, then read back
    assert runs[0][:-1] == runs[1][:-1]
    assert list(tmp_path.glob("gas_states-CoolProp-*.json"))
