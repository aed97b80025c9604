"""`tcrlab joint` and `tcrlab contact` share one gas/accommodation/rarefaction function (gap_gas)."""

from __future__ import annotations

import json

import pytest

from tcrlab.cli.main import main

SPEC64 = "self-affine:n=64,H=0.8,slope=0.1,size=100um,seed=1"
GAS = ["--gas", "He", "--gas-pressure", "10kPa", "--temperature", "320K"]


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out = capsys.readouterr()
    return exc.value.code or 0, out.out, out.err


@pytest.mark.parametrize("tac", [[], ["--tac", "0.7,0.9"]])
def test_same_gas_input_same_gas_numbers_and_h_g(tac: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from tcrlab.contact import conductance, solve
    from tcrlab.materials import get_material
    from tcrlab.mechanics.effective import effective_conductivity, effective_modulus_of
    from tcrlab.surfaces import load_surface

    code, out, err = _run(["contact", SPEC64, "--pressure", "10MPa", "--solids", "SS304,Ni200", *GAS, *tac,
                           "--json"], capsys)
    assert code == 0, err
    c = json.loads(out)
    code, out, err = _run(["joint", "--solids", "SS304,Ni200", "--sigma", f"{c['sigma']}m", "--slope",
                           str(c["slope"]), "--pressure", "10MPa", *GAS, *tac, "--json"], capsys)
    assert code == 0, err
    j = json.loads(out)["result"]["details"]
    assert c["k_gas"] == j["k_gas"]
    assert c["M"] == j["M"]
    assert c["tac"] == [j["tac1"], j["tac2"]]
    if tac:
        assert c["tac"] == [0.7, 0.9]
    # the contact's h_g is the gap field of its solve with exactly the joint's gas (k_g, M): the two commands
    # differ only in the gap geometry (numerical gaps vs the Gaussian integral), not in the gas
    s1, s2 = get_material("SS304"), get_material("Ni200")
    res = solve(load_surface(SPEC64), float(effective_modulus_of(s1, s2)), pressure=10e6,
                hardness=c["microhardness"][0], tol=1e-8)
    k_s = float(effective_conductivity(s1.thermal_conductivity(320.0), s2.thermal_conductivity(320.0)))
    h_g = conductance(res, k_s, k_gas=j["k_gas"], M=j["M"], temperature=320.0).h_g
    assert c["rows"][0]["h_g"] == pytest.approx(h_g, rel=1e-9)


@pytest.mark.parametrize(("extra", "needle"), [
    (["--gas", "He", "--tac", "1.5"], "tac = 1.5"),
    (["--gas", "plasma"], "gas = 'plasma'"),
    (["--gas", "air", "--gas-pressure", "-3Pa"], "gas_pressure"),
])
def test_a_bad_gas_input_is_the_same_error_in_both(extra: list[str], needle: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code_c, _, err_c = _run(["contact", SPEC64, "--pressure", "10MPa", "--solids", "SS304", *extra], capsys)
    code_j, _, err_j = _run(["joint", "--solids", "SS304", "--sigma", "1um", "--slope", "0.1", "--pressure",
                             "10MPa", *extra], capsys)
    assert code_c == code_j == 2
    assert needle in err_c and needle in err_j
    assert " ".join(err_c.split()) == " ".join(err_j.split())
    assert "Traceback" not in err_c + err_j


def test_no_molar_mass_is_an_error_not_a_silent_full_accommodation(capsys: pytest.CaptureFixture[str]) -> None:
    """Before, `tcrlab contact` fell back to TAC = 1 on any exception while `tcrlab joint` raised."""
    from tcrlab.materials import get_material

    solid = next(k for k in ("C110", "Al2024-T3", "Al6063-T5")
                 if get_material(k).molar_mass is None and get_material(k).youngs_modulus is not None)
    code_c, _, err_c = _run(["contact", SPEC64, "--pressure", "1MPa", "--solids", solid, "--gas", "air",
                             "--hardness", "1GPa"], capsys)
    code_j, _, err_j = _run(["joint", "--solids", solid, "--sigma", "1um", "--slope", "0.1", "--pressure", "1MPa",
                             "--gas", "air", "--microhardness", "1GPa"], capsys)
    assert code_c == code_j == 2
    assert "molar mass" in err_c and "molar mass" in err_j
    assert " ".join(err_c.split()) == " ".join(err_j.split())
