"""The packaged materials registry: completeness, citations, physical ranges, look-up, user files."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np
import pytest

from tcrlab.errors import CaseFileError, InputError, MaterialNotFoundError, ValidityWarning
from tcrlab.materials import (
    Material,
    MaterialRegistry,
    default_registry,
    get_material,
    list_materials,
    load_user_materials,
)
from tcrlab.materials.material import PROPERTY_DIMENSIONS

REQUIRED = [
    "Cu", "Al", "Al6061-T6", "SS304", "Ni200", "Zircaloy-4", "Zr-2.5Nb", "Si", "Ge", "diamond",
    "sapphire", "Au", "Pb", "Ti", "brass", "In", "Ag", "Ni", "W", "AlN", "Al2O3",
    "grease", "gap_pad", "indium_foil", "pcm", "SAC305", "graphite_sheet",
]
# Materials used in Kapitza (phonon boundary) work: need rho, c_L, c_T and a Debye temperature.
ACOUSTIC = ["Si", "Ge", "diamond", "sapphire", "Cu", "Au", "Al", "Pb", "In", "Ag", "Ni", "W", "Ti", "AlN"]
MICROHARDNESS = ["SS304", "Ni200", "Zircaloy-4", "Zr-2.5Nb"]

# property -> (low, high) physically plausible bounds in SI for the solids of this registry
PLAUSIBLE = {
    "conductivity": (0.1, 3000.0),
    "density": (900.0, 22_700.0),  # iridium 22 650 kg/m³ (WebElements)
    "specific_heat": (100.0, 2500.0),
    "youngs_modulus": (1e9, 1.3e12),
    "poisson_ratio": (0.0, 0.5),
    "hardness_brinell": (5e6, 1e10),
    "hardness_vickers": (5e6, 1.2e11),
    "microhardness_c1": (0.5e9, 15e9),
    "microhardness_c2": (-0.6, 0.0),
    "emissivity_min": (0.0, 1.0),
    "emissivity_max": (0.0, 1.0),
    "sound_speed_longitudinal": (1000.0, 20_000.0),
    "sound_speed_transverse": (500.0, 14_000.0),
    "debye_temperature": (50.0, 2500.0),
    "molar_mass": (0.010, 0.250),
}


@pytest.fixture(scope="module")
def reg() -> MaterialRegistry:
    return default_registry()


def test_required_materials_present(reg: MaterialRegistry) -> None:
    missing = [k for k in REQUIRED if k not in list(reg)]
    assert not missing


def test_every_material_has_k_density_and_a_source_for_each_property(reg: MaterialRegistry) -> None:
    for mat in list_materials():
        assert mat.conductivity is not None and mat.conductivity > 0, mat.key
        assert mat.density is not None and mat.density > 0, mat.key
        given = [p for p in PROPERTY_DIMENSIONS if getattr(mat, p) is not None]
        if mat.has_conductivity_table:
            given.append("conductivity_table")
        for prop in given:
            citation = mat.sources.get(prop)
            assert citation, f"{mat.key}.{prop} has no source"
            # resolved to a full citation (author/title and a year), not a dangling key
            assert len(citation) > 40 and any(ch.isdigit() for ch in citation), (mat.key, prop)


def test_sources_table_keys_all_used_and_resolved(reg: MaterialRegistry) -> None:
    used = {c for m in list_materials() for c in m.sources.values()}
    for key, citation in reg.sources.items():
        assert citation in used, f"source {key} is never used"


def test_values_in_physical_ranges(reg: MaterialRegistry) -> None:
    for mat in list_materials():
        for prop, (lo, hi) in PLAUSIBLE.items():
            v = getattr(mat, prop)
            if v is not None:
                assert lo <= v <= hi, f"{mat.key}.{prop} = {v}"
        if mat.emissivity_min is not None and mat.emissivity_max is not None:
            assert mat.emissivity_min <= mat.emissivity_max
        if mat.sound_speed_transverse is not None:
            # elastic stability of an isotropic solid: c_L > (2/sqrt 3) c_T
            assert mat.sound_speed_longitudinal > 2 / math.sqrt(3) * mat.sound_speed_transverse
        for t, k in mat.conductivity_table:
            # polymers conduct a few 0.01 W/(m K) at 4 K (PTFE: 0.046)
            assert 1.0 <= t <= 3000.0 and 0.01 <= k <= 20_000.0


def test_acoustic_data_for_kapitza_materials(reg: MaterialRegistry) -> None:
    for key in ACOUSTIC:
        m = reg[key]
        for prop in ("density", "sound_speed_longitudinal", "sound_speed_transverse", "debye_temperature"):
            assert m.require(prop) > 0, (key, prop)


def test_microhardness_coefficients(reg: MaterialRegistry) -> None:
    for key in MICROHARDNESS:
        m = reg[key]
        assert m.microhardness_c1 is not None and 5e9 < m.microhardness_c1 < 7e9  # Pa
        assert m.microhardness_c2 is not None and -0.3 < m.microhardness_c2 < -0.2
    # Hegazy (1985) via Sridhar & Yovanovich (1996): SS304 c1 = 6.271 GPa, c2 = -0.229
    assert reg["SS304"].microhardness_c1 == pytest.approx(6.271e9)
    assert reg["SS304"].microhardness_c2 == pytest.approx(-0.229)


@pytest.mark.parametrize(
    ("key", "prop", "value"),
    [
        # Bergman, Lavine, Incropera & DeWitt (2011) Table A.1 / A.2, 300 K
        ("Cu", "conductivity", 401.0),
        ("Al", "conductivity", 237.0),  # the foundation demo's aluminium
        ("Si", "conductivity", 148.0),  # the foundation demo's silicon die
        ("SS304", "conductivity", 14.9),
        ("Au", "conductivity", 317.0),
        ("Cu", "density", 8933.0),
        ("sapphire", "conductivity", 46.0),
        ("diamond", "conductivity", 2300.0),
        # CRC Handbook, speed of sound in solids
        ("Cu", "sound_speed_longitudinal", 4760.0),
        ("Cu", "sound_speed_transverse", 2325.0),
        ("Au", "sound_speed_transverse", 1200.0),
        # Kittel (2005) ch. 5 Table 1
        ("Si", "debye_temperature", 645.0),
        ("Cu", "debye_temperature", 343.0),
        ("diamond", "debye_temperature", 2230.0),
        # ASM Handbook Vol. 2: 6061-T6
        ("Al6061-T6", "conductivity", 167.0),
        ("Al6061-T6", "hardness_brinell", 95 * 9.80665e6),
        # IUPAC 2021
        ("Cu", "molar_mass", 63.546e-3),
    ],
)
def test_spot_check_against_sources(reg: MaterialRegistry, key: str, prop: str, value: float) -> None:
    assert getattr(reg[key], prop) == pytest.approx(value, rel=1e-9)


def test_kittel_debye_temperature_matches_elastic_debye_temperature(reg: MaterialRegistry) -> None:
    """Independent consistency check of the acoustic data: the elastic Debye temperature computed from
    the stored rho, c_L, c_T (Anderson 1963) agrees with the calorimetric theta_D (Kittel) within ~10 %
    for the cubic crystals and good Debye solids."""
    hbar, kb, na = 1.054571817e-34, 1.380649e-23, 6.02214076e23
    for key in ("Si", "Ge", "diamond", "Cu", "Ni", "Ag", "Al"):
        m = reg[key]
        n = m.density / m.molar_mass * na
        vm = ((2 / m.sound_speed_transverse**3 + 1 / m.sound_speed_longitudinal**3) / 3) ** (-1 / 3)
        theta = hbar / kb * (6 * np.pi**2 * n) ** (1 / 3) * vm
        assert theta == pytest.approx(m.debye_temperature, rel=0.10), key


def test_youngs_modulus_consistent_with_sound_speeds(reg: MaterialRegistry) -> None:
    """For isotropic entries E and nu were derived from (rho, c_L, c_T): check the identity."""
    for key in ("Cu", "Al", "Au", "W", "Ti"):
        m = reg[key]
        vl2, vt2 = m.sound_speed_longitudinal**2, m.sound_speed_transverse**2
        e = m.density * vt2 * (3 * vl2 - 4 * vt2) / (vl2 - vt2)
        nu = (vl2 - 2 * vt2) / (2 * (vl2 - vt2))
        assert m.youngs_modulus == pytest.approx(e, rel=0.01), key
        assert m.poisson_ratio == pytest.approx(nu, abs=0.002), key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("copper", "Cu"), ("COPPER", "Cu"), ("OFHC", "Cu"), ("c10100", "Cu"), ("cu", "Cu"),
        ("aluminum", "Al"), ("Aluminium", "Al"), ("6061", "Al6061-T6"), ("Al 6061-T6", "Al6061-T6"),
        ("al6061_t6", "Al6061-T6"), ("stainless steel 304", "SS304"), ("AISI 304", "SS304"),
        ("304", "SS304"), ("nickel 200", "Ni200"), ("Zr-4", "Zircaloy-4"), ("zircaloy", "Zircaloy-4"),
        ("zr-2.5nb", "Zr-2.5Nb"), ("silicon", "Si"), ("sapphire", "sapphire"), ("Al2O3", "Al2O3"),
        ("alumina", "Al2O3"), ("indium", "In"), ("grease", "grease"), ("thermal paste", "grease"),
        ("  Gold ", "Au"), ("indium foil", "indium_foil"), ("solder", "SAC305"), ("gap pad", "gap_pad"),
    ],
)
def test_lookup_case_insensitive_and_aliases(name: str, key: str) -> None:
    assert get_material(name).key == key


def test_aliases_are_unambiguous(reg: MaterialRegistry) -> None:
    from tcrlab.materials.registry import _normal

    owner: dict[str, str] = {}
    for mat in list_materials():
        for alias in (mat.key, mat.name, *mat.aliases):
            n = _normal(alias)
            assert owner.setdefault(n, mat.key) == mat.key, f"{alias!r} names {owner[n]} and {mat.key}"


def test_lookup_passes_material_through() -> None:
    cu = get_material("Cu")
    assert get_material(cu) is cu


def test_unknown_name_lists_closest() -> None:
    with pytest.raises(MaterialNotFoundError) as info:
        get_material("coper")
    text = str(info.value)
    assert "coper" in text and "Cu" in text and "closest" in text
    assert isinstance(info.value, InputError) and isinstance(info.value, KeyError)


def test_unknown_name_without_close_match() -> None:
    with pytest.raises(MaterialNotFoundError, match="tcrlab materials"):
        get_material("qqqqqqqqqqqq")


def test_non_string_name_is_input_error() -> None:
    with pytest.raises(InputError, match="material"):
        get_material(42)  # type: ignore[arg-type]


def test_require_missing_property_names_material_and_property() -> None:
    with pytest.raises(InputError, match=r"grease\.sound_speed_longitudinal"):
        get_material("grease").require("sound_speed_longitudinal")


def test_conductivity_table_interpolation() -> None:
    cu = get_material("Cu")
    # Incropera Table A.1: 413 at 200 K, 401 at 300 K -> linear midpoint 407 at 250 K
    assert cu.thermal_conductivity(250.0) == pytest.approx(407.0)
    assert cu.thermal_conductivity(300.0) == pytest.approx(401.0)
    out = cu.thermal_conductivity(np.array([100.0, 200.0, 400.0]))
    assert isinstance(out, np.ndarray)
    np.testing.assert_allclose(out, [482.0, 413.0, 393.0])
    assert cu.thermal_conductivity() == 401.0


def test_conductivity_outside_table_warns_and_holds_end_value() -> None:
    si = get_material("Si")
    with pytest.warns(ValidityWarning, match="Si"):
        k = si.thermal_conductivity(50.0)
    assert k == pytest.approx(884.0)
    with pytest.warns(ValidityWarning):
        si.thermal_conductivity(np.array([300.0, 1200.0]))


def test_no_warning_inside_table() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        get_material("Al").thermal_conductivity(np.linspace(100, 800, 9))


def test_constant_conductivity_broadcasts_without_table() -> None:
    g = get_material("grease")
    assert g.thermal_conductivity(300.0) == pytest.approx(0.67)
    np.testing.assert_allclose(g.thermal_conductivity(np.array([280.0, 350.0])), [0.67, 0.67])


def test_bad_temperature_rejected() -> None:
    with pytest.raises(InputError, match="temperature"):
        get_material("Cu").thermal_conductivity(-5.0)
    with pytest.raises(InputError, match="temperature"):
        get_material("Cu").thermal_conductivity(float("nan"))


USER_FILE = """
[sources]
mylab = "Our lab, meter-bar measurement report TR-12 (2024)"

[materials.MyAlloy]
name = "My alloy"
aliases = ["house alloy"]
conductivity = "45 W/(m K)"
density = "7.8 g/cm^3"
hardness_vickers = "2.1 GPa"
sources = { conductivity = "mylab", density = "mylab", hardness_vickers = "mylab" }

[materials.Cu]
name = "Copper as delivered by our supplier"
conductivity = "390 W/(m K)"
density = "8.9 g/cm^3"
sources = { conductivity = "mylab", density = "mylab" }
"""


def test_user_materials_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    reg = load_user_materials(path)
    mine = reg["house alloy"]
    assert mine.key == "MyAlloy" and mine.density == pytest.approx(7800.0)
    assert mine.hardness_vickers == pytest.approx(2.1e9)
    assert "TR-12" in mine.sources["conductivity"]
    # the user's Cu replaces the packaged one; other packaged entries are still there
    assert reg["copper"].conductivity == pytest.approx(390.0)  # packaged alias kept
    assert reg["Cu"].conductivity == pytest.approx(390.0)
    assert reg["Si"].conductivity == 148.0
    # the packaged registry itself is unchanged
    assert get_material("Cu").conductivity == 401.0


def test_extended_replaces_entry() -> None:
    base = default_registry()
    new = Material(key="Cu", name="Cu test", conductivity=1.0, density=1.0)
    reg = base.extended({"Cu": new})
    assert reg["Cu"] is new and len(reg) == len(base)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("[materials.X\nconductivity = 1", "not valid TOML"),
        ('[materials.X]\nconductivity = "5 m"\ndensity = "1 kg/m^3"', r"materials\.X\.conductivity"),
        ('[materials.X]\nconductivity = 5\n', r"materials\.X\.conductivity.*without a unit"),
        ('[materials.X]\nconductivity = "-5 W/(m K)"\n', r"materials\.X\.conductivity.*> 0"),
        ('[materials.X]\npoisson_ratio = 0.7\n', r"poisson_ratio.*0\.5"),
        ('[materials.X]\nmicrohardness_c2 = 0.3\n', r"microhardness_c2"),
        ('[materials.X]\nemissivity_max = 1.5\n', r"emissivity_max"),
        ('[materials.X]\nconductivty = "5 W/(m K)"\n', r"conductivty.*unknown property"),
        ('[materials.X]\nconductivity_table = [[300, 5], [200, 6]]\n', "strictly increasing"),
        ('[materials.X]\nconductivity_table = [[300]]\n', r"conductivity_table"),
        ('[materials.X]\nsources = "mine"\n', r"materials\.X\.sources"),
        ('[materials.X]\naliases = [1, 2]\n', r"materials\.X\.aliases"),
        ("materials = 3\n", r"\[materials\] must be a table"),
        ("[materials]\nX = 3\n", "must be a table of properties"),
        ("sources = 3\n", r"\[sources\]"),
        ('[materials.X]\nreference_temperature = "-300 degC"\n', r"reference_temperature.*> 0"),
        # regressions: an empty file or a misspelt [material.X] table silently added nothing
        ("", "no materials in the file"),
        ('[material.X]\nconductivity = "5 W/(m K)"\n', r"unknown top-level table \[material\]"),
    ],
)
def test_malformed_user_file(tmp_path: Path, text: str, match: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises((InputError, CaseFileError), match=match) as info:
        load_user_materials(path)
    assert str(path) in str(info.value)


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match="not found"):
        load_user_materials(tmp_path / "nope.toml")


def test_user_file_is_a_directory(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match="cannot read"):
        load_user_materials(tmp_path)


def test_material_is_frozen() -> None:
    cu = get_material("Cu")
    with pytest.raises(AttributeError):
        cu.conductivity = 1.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        cu.sources["x"] = "y"  # type: ignore[index]


def test_user_alias_overrides_packaged_alias(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[materials.MyPaste]\naliases = ["paste"]\nconductivity = "8.5 W/(m K)"\n'
        'density = "2.6 g/cm^3"\nsources = { conductivity = "vendor datasheet X (2023)" }\n',
        encoding="utf-8",
    )
    reg = load_user_materials(path)
    assert reg["paste"].key == "MyPaste"
    assert reg["grease"].key == "grease"
    assert reg["MyPaste"].sources["conductivity"] == "vendor datasheet X (2023)"


def test_case_file_inline_materials_extend_registry() -> None:
    """A case document's [materials.<key>] tables join the registry for that case (docs/materials.md)."""
    import tomllib

    from tcrlab.cases import case_registry

    doc = tomllib.loads(
        '[sources]\nds = "Acme TG-7 thermal grease datasheet rev. C (2024)"\n'
        '[materials.TG7]\naliases = ["tg-7"]\ncategory = "tim"\nconductivity = "6.5 W/(m K)"\n'
        'density = "2.9 g/cm^3"\nsources = { conductivity = "ds", density = "ds" }\n'
    )
    reg = case_registry(doc, source="case.toml")
    assert reg["tg-7"].conductivity == pytest.approx(6.5)
    assert "Acme" in reg["TG7"].sources["conductivity"]
    assert reg["Si"].conductivity == 148.0


@pytest.mark.parametrize(
    ("kw", "match"),
    [
        ({"conductivity": -1.0}, r"materials\.x\.conductivity"),
        ({"conductivity": float("nan")}, r"materials\.x\.conductivity"),
        ({"poisson_ratio": 0.7}, "poisson_ratio"),
        ({"conductivity_table": ((300.0, 1.0), (200.0, 2.0))}, "strictly increasing"),
        ({"conductivity_table": ((300.0, "a"),)}, "conductivity_table"),
        ({"key": None}, "materials.key"),
    ],
)
def test_material_constructed_directly_is_checked(kw: dict, match: str) -> None:
    # regression: only materials read from TOML were checked; Material(conductivity=-1) was accepted
    with pytest.raises(InputError, match=match):
        Material(**{"key": "x", "name": "x", **kw})


def test_extended_rejects_non_materials() -> None:
    # regression: AttributeError: 'int' object has no attribute 'name'
    with pytest.raises(InputError, match="Material"):
        default_registry().extended({"x": 3})  # type: ignore[dict-item]


def test_silicon_conductivity_800k_incropera() -> None:
    # Bergman et al., Fundamentals of Heat and Mass Transfer, 7th ed. (2011), Table A.1: Si, k(800 K) = 42.2
    si = default_registry().get_material("Si")
    assert si.thermal_conductivity(800.0) == pytest.approx(42.2, rel=1e-9)


def test_packaged_registry_parsed_on_demand_equals_the_eager_parse() -> None:
    """The packaged registry parses each material on its first look-up; it must give exactly what
    parsing the whole file at once gives, with the same look-up index (names and aliases)."""
    import tomllib
    from importlib import resources

    from tcrlab.materials.registry import registry_from_toml

    text = resources.files("tcrlab.materials").joinpath("data/materials.toml").read_text("utf-8")
    eager = registry_from_toml(tomllib.loads(text), origin="materials.toml")
    lazy = registry_from_toml(tomllib.loads(text), origin="materials.toml", lazy=True)
    assert lazy._index == eager._index
    assert list(lazy) == list(eager) and len(lazy) == len(eager)
    assert lazy.get_material("stainless steel 304") is lazy.get_material("SS304")  # built once
    assert all(lazy[key] == eager[key] for key in eager)
    extended = lazy.extended({"myal": Material(key="myal", name="My Al", conductivity=160.0)})
    assert extended["ss304"] == eager["SS304"] and extended["my al"].conductivity == 160.0


def test_a_malformed_lazy_entry_is_reported_when_used() -> None:
    from tcrlab.materials.registry import registry_from_toml

    reg = registry_from_toml({"materials": {"ok": {"conductivity": "10 W/(m K)"},
                                            "bad": {"conductivity": "10 kg", "aliases": ["worse"]}}},
                             origin="my.toml", lazy=True)
    assert reg["ok"].conductivity == 10.0
    with pytest.raises(InputError, match=r"materials\.bad\.conductivity"):
        reg.get_material("worse")
    with pytest.raises(InputError):  # a user's file is checked when it is read
        registry_from_toml({"materials": {"bad": {"conductivity": "10 kg"}}}, origin="my.toml")
