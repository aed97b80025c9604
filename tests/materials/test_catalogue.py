"""The breadth of the packaged registry: coverage, citations in the data file, and checks of the data
against independent published numbers and physical laws (not re-reading the file's own values)."""

from __future__ import annotations

import itertools
import tomllib
from importlib import resources

import numpy as np
import pytest

from tcrlab.materials import MaterialRegistry, default_registry, list_materials
from tcrlab.materials.material import PROPERTY_DIMENSIONS

# Electronics packaging, aerospace/vacuum and cryogenic materials an engineer asks for first.
COVERAGE = [
    "C110", "C194", "C172", "Al1100-O", "Al6063-T5", "Al5052-H32", "Al7075-T6", "Kovar", "Invar36",
    "CuW", "CuMo", "AlSiC", "InP", "Si3N4", "FR4", "Sn63Pb37", "AuSn", "SAC305", "SAC405", "SAC105",
    "sintered_silver", "Ti6Al4V", "Inconel718", "SS316", "AZ31B", "Be", "OFHC_RRR50", "OFHC_RRR100",
    "OFHC_RRR300", "phosphor_bronze", "G10", "PTFE", "brass", "In",
]


@pytest.fixture(scope="module")
def reg() -> MaterialRegistry:
    return default_registry()


@pytest.fixture(scope="module")
def raw() -> dict:
    text = resources.files("tcrlab.materials").joinpath("data/materials.toml").read_text("utf-8")
    return tomllib.loads(text)


def test_registry_is_broad(reg: MaterialRegistry) -> None:
    assert len(reg) >= 80
    missing = [k for k in COVERAGE if k not in list(reg)]
    assert not missing


@pytest.mark.parametrize(
    ("name", "key"),
    [("C11000", "C110"), ("ETP copper", "C110"), ("OFHC", "Cu"), ("C101", "Cu"), ("Ti-6Al-4V", "Ti6Al4V"),
     ("Inconel 718", "Inconel718"), ("AISI 316", "SS316"), ("G-10", "G10"), ("teflon", "PTFE"),
     ("FR-4", "FR4"), ("Au80Sn20", "AuSn"), ("Al 1100", "Al1100-O"), ("6063", "Al6063-T5"),
     ("beryllium copper", "C172"), ("CDA 510", "phosphor_bronze"), ("OFHC RRR100", "OFHC_RRR100")],
)
def test_common_names_resolve(reg: MaterialRegistry, name: str, key: str) -> None:
    assert reg[name].key == key


def test_every_value_in_the_data_file_names_a_source_entry(raw: dict) -> None:
    """Each property written in a [materials.X] table has a key in its `sources` table, and that key is
    an entry of [sources] or a full inline citation (no dangling keys in the packaged file)."""
    cited = raw["sources"]
    props = set(PROPERTY_DIMENSIONS) | {"conductivity_table"}
    for key, table in raw["materials"].items():
        refs = table.get("sources", {})
        for prop in props & set(table):
            ref = refs.get(prop, refs.get("*"))
            assert ref, f"materials.{key}.{prop} has no source"
            # a [sources] key, or (as the loader allows) a full citation written inline: authors/title and a year
            inline = len(ref) > 40 and any(ch.isdigit() for ch in ref)
            assert ref in cited or inline, f"materials.{key}.{prop} cites {ref!r}, not a [sources] entry"


def test_every_material_json_row_lists_its_resistivity_and_range(reg: MaterialRegistry) -> None:
    from tcrlab.cli.materials import material_detail, material_summary

    for mat in list_materials():
        row = material_summary(mat)
        assert row["electrical_resistivity"] == mat.electrical_resistivity
        if mat.has_conductivity_table:
            assert row["conductivity_table_range"] == [mat.conductivity_table[0][0], mat.conductivity_table[-1][0]]
        detail = material_detail(mat)
        for prop, entry in detail["properties"].items():
            assert entry["source"], (mat.key, prop)


def test_ofhc_rrr100_against_powell_1959(reg: MaterialRegistry) -> None:
    """R. L. Powell, H. M. Roder and W. J. Hall, Phys. Rev. 115, 314 (1959): measured k of cold-drawn
    copper with RRR 100.4 (W/(m K)); the registry's RRR-100 table comes from a different source (the
    Hust-Lankford-type NIST fit) and must agree within 7 %."""
    measured = {4: 637, 6: 945, 10: 1557, 20: 2441, 30: 2045, 40: 1388}
    mat = reg["OFHC_RRR100"]
    for t, k in measured.items():
        assert mat.thermal_conductivity(float(t)) == pytest.approx(k, rel=0.07), t


def test_ofhc_residual_resistance_ordering(reg: MaterialRegistry) -> None:
    """Purer copper (higher RRR) conducts more at low T (impurity scattering limits k at low T) and the
    grades converge at room temperature, where phonon scattering dominates."""
    t = np.array([4.0, 10.0, 20.0])
    k50, k100, k300 = (reg[f"OFHC_RRR{r}"].thermal_conductivity(t) for r in (50, 100, 300))
    assert np.all(k50 < k100) and np.all(k100 < k300)
    # at 4 K the conductivity is nearly proportional to RRR - 1 (Wiedemann-Franz with rho0 ∝ 1/(RRR-1))
    assert k100[0] / k50[0] == pytest.approx(99 / 49, rel=0.05)
    room = [reg[f"OFHC_RRR{r}"].thermal_conductivity(300.0) for r in (50, 100, 300)]
    assert max(room) / min(room) < 1.03
    assert reg["Cu"].thermal_conductivity(300.0) == pytest.approx(room[1], rel=0.03)  # Incropera pure Cu


@pytest.mark.parametrize("key", ["phosphor_bronze", "SS316", "Ti6Al4V", "G10", "G10_warp", "PTFE", "Inconel718"])
def test_disordered_solids_conduct_more_as_they_warm(reg: MaterialRegistry, key: str) -> None:
    """Alloys, glass-epoxy and polymers have no low-T conductivity peak: k(T) rises monotonically."""
    ks = [k for _, k in reg[key].conductivity_table]
    assert all(b > a for a, b in itertools.pairwise(ks))


def test_wiedemann_franz_between_independent_k_and_resistivity(reg: MaterialRegistry) -> None:
    """Metals carry heat mostly by electrons, so L = k rho_e / T lies near the Sommerfeld value
    L0 = 2.44e-8 W Ohm/K^2; alloys add a phonon share. k and rho_e here come from different tables or
    sources, so this catches unit slips (e.g. uOhm cm entered as uOhm m) between them."""
    l0 = 2.44e-8
    checked = 0
    for mat in list_materials():
        if mat.electrical_resistivity is None or mat.conductivity is None:
            continue
        lorenz = mat.conductivity * mat.electrical_resistivity / mat.reference_temperature
        assert 0.8 * l0 < lorenz < 2.0 * l0, (mat.key, lorenz)
        checked += 1
    assert checked >= 30


def test_g10_table_is_the_published_nist_fit(reg: MaterialRegistry) -> None:
    """NIST G-10 CR normal-direction coefficients (trc.nist.gov/cryogenics/materials), evaluated
    independently here: log10 k = sum a_n (log10 T)^n."""
    a = [-4.1236, 13.788, -26.068, 26.272, -14.663, 4.4954, -0.6905, 0.0397, 0.0]
    for t, k in reg["G10"].conductivity_table:
        assert k == pytest.approx(10 ** np.polyval(a[::-1], np.log10(t)), rel=0.01)


@pytest.mark.parametrize(
    ("key", "prop", "value"),
    [
        ("C110", "electrical_resistivity", 1.724e-8),       # producer data sheet, 1.724 uOhm cm
        ("Ti6Al4V", "density", 4430.0),                      # ASM/MatWeb 4.43 g/cc
        ("AuSn", "conductivity", 57.3),                      # Mitsubishi Materials table
        ("SS316", "electrical_resistivity", 7.4e-7),         # ASM/MatWeb 7.4e-5 ohm cm
        ("FR4", "conductivity", 0.343),                      # Sarvar et al. (1990), through-plane
        ("Si3N4", "youngs_modulus", 310e9),                  # MARUWA SN-90
        ("Sn63Pb37", "density", 8400.0),                     # 8.40 g/cm^3
        ("Al1100-O", "conductivity", 128 * 1.730735),        # 128 Btu/(ft h F)
        ("Inconel718", "youngs_modulus", 29.6e6 * 6894.757),  # 29.6e6 psi
        ("Invar36", "electrical_resistivity", 82.92e-8),     # 82.92 uOhm cm
    ],
)
def test_spot_check_new_entries_against_sources(reg: MaterialRegistry, key: str, prop: str, value: float) -> None:
    assert getattr(reg[key], prop) == pytest.approx(value, rel=1e-4)
