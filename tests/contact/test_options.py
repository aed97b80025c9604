"""The contact solver's tuning options: checked on construction, passed to solve, same answer."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from tcrlab.contact import SolverOptions, solve
from tcrlab.errors import InputError

_spec = importlib.util.spec_from_file_location("_contact_surf", Path(__file__).with_name("_surf.py"))
_surf = importlib.util.module_from_spec(_spec)
sys.modules["_contact_surf"] = _surf
_spec.loader.exec_module(_surf)


def test_options_are_frozen_and_checked() -> None:
    opts = SolverOptions()
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.lazy_refresh = 3  # type: ignore[misc]
    for bad in ({"lazy_refresh": 0}, {"mixed_tol": -1e-4}, {"beta_restart": float("inf")},
                {"active_set_rounds": 2.5}, {"max_projections": -1}, {"stall_below": True}):
        with pytest.raises(InputError, match=f"options.{next(iter(bad))}"):
            SolverOptions(**bad)
    assert SolverOptions(max_projections=0).max_projections == 0
    assert SolverOptions().lazy_refresh_for("fourier") == 4
    assert SolverOptions().lazy_refresh_for(None) == 10


def test_solve_refuses_what_is_not_options() -> None:
    topo = _surf.self_affine(32, rms_slope=1.0, size=1.0, seed=2)
    with pytest.raises(InputError, match="options"):
        solve(topo, 1.0, pressure=0.03, options={"lazy_refresh": 3})


def test_other_refresh_intervals_change_the_path_not_the_answer() -> None:
    """The options steer the iteration only: refreshing the displacement exactly every iteration
    instead of every 10 (plain CG) meets the same stopping rule on the same contact set."""
    topo = _surf.self_affine(64, rms_slope=1.0, size=1.0, seed=5)
    ref = solve(topo, 1.0, pressure=0.03, precondition=False)
    eager = solve(topo, 1.0, pressure=0.03, precondition=False,
                  options=SolverOptions(lazy_refresh=1, full_refresh=1))
    assert ref.converged and eager.converged
    assert np.array_equal(ref.contact, eager.contact)
    assert eager.mean_gap == pytest.approx(ref.mean_gap, rel=1e-6)
