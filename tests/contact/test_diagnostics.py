"""Physics warnings of solved contacts: one solve, and a load series said once per kind."""

from __future__ import annotations

import numpy as np
import pytest

from tcrlab.contact import solve
from tcrlab.contact.diagnostics import contact_warnings, pressure_series_warnings
from tcrlab.errors import InputError
from tcrlab.surfaces import Topography

# A paraboloidal summit, 2 µm deep over a 0.1 mm window: a light load touches a few pixels only.
_X = np.linspace(-1, 1, 32)
BUMP = Topography(-1e-6 * (_X[:, None] ** 2 + _X[None, :] ** 2), 1e-4, periodic=False)


@pytest.fixture(scope="module")
def series():
    pressures = [1e3, 3e3, 1e8]
    return pressures, [solve(BUMP, 1e11, pressure=p) for p in pressures]


def test_a_series_says_each_kind_once_with_its_pressures(series) -> None:
    pressures, results = series
    single = [contact_warnings(r) for r in results]
    unresolved_at = [p for p, w in zip(pressures, single, strict=True) if any("unresolved" in x for x in w)]
    assert unresolved_at and len(unresolved_at) < len(pressures)  # the heavy load resolves its contact
    lines = pressure_series_warnings(pressures, results)
    assert len(lines) == 1
    assert lines[0].startswith(f"contact spots are unresolved at {len(unresolved_at)} of 3 pressures")
    pixels = [int(r.contact.sum()) for p, r in zip(pressures, results, strict=True) if p in unresolved_at]
    assert f"{min(pixels)}–{max(pixels)} contact pixels" in lines[0] or f"{pixels[0]} contact pixels" in lines[0]


def test_elastic_pressures_above_the_hardness_are_said_with_the_ratio(series) -> None:
    pressures, results = series
    hardness = 0.5 * float(np.max(results[-1].pressure))
    lines = pressure_series_warnings(pressures[-1:], results[-1:], hardness)
    hot = [w for w in lines if w.startswith("elastic solve at 100 MPa")]
    assert hot and "2× the microhardness" in hot[0]


def test_no_findings_no_lines_and_lengths_must_match(series) -> None:
    pressures, results = series
    assert pressure_series_warnings([], []) == []
    with pytest.raises(InputError, match="results"):
        pressure_series_warnings(pressures, results[:1])
