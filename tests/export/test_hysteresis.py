"""Loading–unloading memory on a self-affine surface (64², elastic–perfectly-plastic FFT contact)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from tcrlab.contact import solve
from tcrlab.contact.thermal import constriction_bvp
from tcrlab.errors import InputError
from tcrlab.export import build_table
from tcrlab.export.hysteresis import loading_unloading, residual_topography
from tcrlab.surfaces.synthetic import self_affine

E_EFF, HARD, K_S = 1.1e11, 2e9, 16.0
PRESSURES = np.geomspace(3e7, 6e8, 3)


@cache
def _cycle():
    topo = self_affine(64, 0.8, rms_slope=0.2, physical_size=1e-4, seed=3)
    return topo, loading_unloading(topo, E_EFF, HARD, K_S, PRESSURES)


def test_unloading_branch_above_loading_and_joins_at_pmax() -> None:
    _, r = _cycle()
    assert np.all(r.h_unloading[:-1] > 1.2 * r.h_loading[:-1])  # plastic flattening: more contact
    assert np.all(r.area_unloading[:-1] > r.area_loading[:-1])
    assert r.h_unloading[-1] == pytest.approx(r.h_loading[-1], rel=1e-3)  # the branches meet at P_max
    assert np.all(np.diff(r.h_unloading) > 0) and np.all(np.diff(r.h_loading) > 0)


def test_reloading_retraces_unloading() -> None:
    """Reloading the residual surface with the cap: no point exceeds H below P_max, so no new plastic
    flow and the branch coincides with unloading (the memory is elastic)."""
    _, r = _cycle()
    np.testing.assert_allclose(r.h_reloading, r.h_unloading, rtol=1e-3)
    assert r.max_unloading_pressure <= HARD * (1 + 1e-4)


def test_residual_topography_resolve_reproduces_the_loaded_state() -> None:
    """The residual surface h − w, solved *elastically* at P_max, gives the capped pressure field of the
    first loading (elastic contact is unique; the capped state satisfies its complementarity)."""
    topo, r = _cycle()
    loaded = solve(topo, E_EFF, pressure=float(PRESSURES[-1]), hardness=HARD)
    res, w = residual_topography(loaded)
    again = solve(res, E_EFF, pressure=float(PRESSURES[-1]))
    assert np.array_equal(again.contact, loaded.contact)
    np.testing.assert_allclose(again.pressure, loaded.pressure, atol=1e-3 * HARD)
    assert constriction_bvp(again, K_S)[0] == pytest.approx(r.h_unloading[-1], rel=1e-3)
    assert w.max() > 0 and np.all(w[~(loaded.pressure >= HARD * (1 - 1e-9))] == 0)


def test_two_exported_tables() -> None:
    _, r = _cycle()
    load_model, unload_model = r.models()
    t_load = build_table(load_model, pressures=PRESSURES, clearances=[1e-7, 1e-6])
    t_unload = build_table(unload_model, pressures=PRESSURES, clearances=[1e-7, 1e-6])
    p = np.sqrt(PRESSURES[0] * PRESSURES[1])
    assert t_unload.gapcon(p).h > t_load.gapcon(p).h
    np.testing.assert_allclose(t_load.h_pressure[0, 1:], r.h_loading)
    assert t_unload.description["branch"] == "unloading"


def test_bad_inputs() -> None:
    topo, _ = _cycle()
    with pytest.raises(InputError, match="hardness"):
        loading_unloading(topo, E_EFF, HARD, K_S, [1e8, 3e9])
    with pytest.raises(InputError, match="increasing"):
        loading_unloading(topo, E_EFF, HARD, K_S, [3e8, 1e8])
    with pytest.raises(InputError, match="elastic–plastic"):
        residual_topography(solve(topo, E_EFF, pressure=1e8))
