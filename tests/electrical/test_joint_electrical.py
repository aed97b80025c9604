"""`joint_electrical` and `tcrlab joint --electrical`: the joint's constriction model in electrical form."""

from __future__ import annotations

import json

import pytest

from tcrlab.cli.main import main
from tcrlab.conductance.constriction import cmy_conductance
from tcrlab.electrical import LORENZ_NUMBER
from tcrlab.errors import InputError
from tcrlab.joint import Joint
from tcrlab.joint_electrical import joint_electrical


def test_joint_electrical_is_the_cmy_form_with_sigma_s() -> None:
    j = Joint("SS304", sigma=1.5e-6, slope=0.1, pressure=1e6, gas="vacuum")
    r = j.evaluate(emit_warnings=False)
    e = joint_electrical(j)
    rho = 6.9e-7  # registry value of SS304
    assert e.h_el == pytest.approx(cmy_conductance(2 / (2 * rho), 1.5e-6, 0.1, r.p_over_h), rel=1e-12)
    assert e.specific_resistance == pytest.approx(1 / e.h_el)
    # the Wiedemann–Franz ratio is the ratio of the two conductivities (same constriction factor)
    assert e.lorenz_ratio == pytest.approx(r.details["k_s"] * rho / (LORENZ_NUMBER * 300.0), rel=1e-9)


def test_missing_resistivity_is_a_clear_error() -> None:
    from tcrlab.materials import default_registry

    reg = default_registry()
    solid = next(k for k in ("Zircaloy-4", "Zr-2.5Nb", "In", "Mo") if reg.get_material(k).electrical_resistivity is None)
    j = Joint(solid, sigma=1.5e-6, slope=0.1, pressure=1e6, gas="vacuum", microhardness=2e9)
    with pytest.raises(InputError, match="rho1"):
        joint_electrical(j)
    with pytest.raises(InputError, match="rho1"):
        joint_electrical(j, rho1=-1e-8, rho2=1e-8)
    assert joint_electrical(j, rho1=5e-8, rho2=5e-8).h_el > 0


def test_cli_electrical_flag(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["joint", "--solids", "SS304", "--sigma", "1.5um", "--slope", "0.1", "--pressure", "1MPa",
            "--gas", "vacuum", "--electrical", "--json"]
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["electrical"]["h_el"] > 0 and out["electrical"]["rho1"] == pytest.approx(6.9e-7)
    with pytest.raises(SystemExit) as exc:
        main(["joint", "--solids", "SS304", "--sigma", "1.5um", "--slope", "0.1", "--pressure", "1MPa",
              "--resistivity", "1e-7ohm*m"])
    assert exc.value.code == 2
