"""gap_gas: one gas/accommodation/rarefaction function for joints, case files and the numerical contact."""

from __future__ import annotations

import numpy as np
import pytest

from tcrlab.conductance.gap_gas import MAX_GAS_STATES, gap_gas, is_vacuum
from tcrlab.errors import InputError
from tcrlab.materials import get_material

SS = [get_material("SS304")] * 2


def test_rarefaction_scales_as_one_over_gas_pressure() -> None:
    """M = αβΛ and Λ ∝ 1/p for a dilute gas (kinetic theory), so M·p is constant at fixed T."""
    p = np.array([1e2, 1e3, 1e4])
    g = gap_gas("He", 300.0, p, SS)
    mp = np.asarray(g.M) * p
    np.testing.assert_allclose(mp, mp[0], rtol=1e-2)
    assert np.all(np.diff(np.asarray(g.k_gas)) >= 0)  # k_g barely depends on p in the dilute limit
    np.testing.assert_allclose(g.k_gas, g.k_gas[0], rtol=1e-2)


def test_arrays_match_scalar_calls_and_tac_pairs() -> None:
    t = np.array([[280.0], [350.0]])
    g = gap_gas("air", t, np.array([1e3, 1e5]), SS, tac=(0.7, 0.9))
    one = gap_gas("air", 350.0, 1e3, SS, tac=(0.7, 0.9))
    assert np.shape(g.M) == (2, 2)
    assert g.M[1, 0] == one.M and g.k_gas[1, 0] == one.k_gas
    assert (one.tac1, one.tac2, one.tac_source) == (0.7, 0.9, "given")
    corr = gap_gas("Ar", 300.0, 1e5, SS)
    assert corr.tac_source.startswith("Song") and 0.0 < corr.tac1 <= 1.0 and corr.tac1 == corr.tac2


@pytest.mark.parametrize(("kw", "field"), [
    ({"tac": 1.5}, "tac"), ({"tac": 0.0}, "tac"), ({"tac": [0.5, 0.6, 0.7]}, "tac"),
    ({"gas": "plasma"}, "gas"), ({"gas_pressure": -1.0}, "gas_pressure"),
    ({"gas_pressure": np.linspace(1.0, 1e5, MAX_GAS_STATES + 1)}, "temperature/gas_pressure"),
])
def test_bad_gas_inputs_name_the_field(kw: dict, field: str) -> None:
    args = {"gas": "air", "temperature": 300.0, "gas_pressure": 1e5, "solids": SS, **kw}
    with pytest.raises(InputError) as exc:
        gap_gas(**args)
    assert exc.value.field == field


def test_no_molar_mass_without_tac_is_an_error() -> None:
    from tcrlab.materials import default_registry

    reg = default_registry()
    solid = next(reg.get_material(k) for k in reg.keys() if reg.get_material(k).molar_mass is None)
    with pytest.raises(InputError, match="molar mass") as exc:
        gap_gas("air", 300.0, 1e5, [SS[0], solid])
    assert exc.value.field == "tac"
    assert gap_gas("air", 300.0, 1e5, [SS[0], solid], tac=0.8).tac2 == 0.8


def test_vacuum_names() -> None:
    assert all(is_vacuum(v) for v in (None, "", "vacuum", " None "))
    assert not is_vacuum("He")
