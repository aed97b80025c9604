"""A grid of joints over every contact and gap model, evaluated through the public :class:`tcrlab.Joint` API.

``record()`` writes the grid's results to ``tests/data/joint_models_grid.json``; the file in the repository
was written by running it on the code before the model registry replaced ``Joint``'s if/elif chain, and
tests/conductance/test_registry.py checks that every model still gives those numbers.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from tcrlab.errors import InputError
from tcrlab.joint import Joint

GRID_FILE = Path(__file__).resolve().parents[1] / "data" / "joint_models_grid.json"
CONTACT = ("cmy", "cmy-correlation", "mikic", "elastoplastic", "asperity", "asperity-article")
GAP = ("integral", "simple")
MEDIA: dict[str, dict[str, Any]] = {
    "air": {"gas": "air", "gas_pressure": 101325.0},
    "He-10kPa": {"gas": "He", "gas_pressure": 1e4},
    "Ar-tac": {"gas": "Ar", "gas_pressure": 5e3, "tac": (0.8, 0.9)},
    "vacuum": {"gas": "vacuum"},
    "grease": {"liquid_conductivity": 0.2},
}
SOLIDS = {
    "SS304/SS304": {"solid1": "SS304", "solid2": "SS304"},
    "SS304/Ni200": {"solid1": "SS304", "solid2": "Ni200", "flow_stress": 4e8},
    "Si/Al6061-T6": {"solid1": "Si", "solid2": "Al6061-T6"},
    "c1c2": {"solid1": "SS304", "c1": 6.0e9, "c2": -0.25, "flow_stress": 6e8},
    "plainH": {"solid1": "SS304", "microhardness": 3e9},
}
OUTPUTS = ("h_c", "h_g", "h_r", "h_j", "R_c", "p_over_h", "Y", "area_ratio")


def cases() -> list[tuple[str, dict[str, Any]]]:
    """(label, Joint keyword arguments) of every grid point; pressures and σ are arrays."""
    out = []
    pressure = np.geomspace(2e5, 8e6, 4)[:, None]
    sigma = np.array([0.6e-6, 2.5e-6])
    for c in CONTACT:
        for g in GAP:
            for medium, mkw in MEDIA.items():
                for solids, skw in SOLIDS.items():
                    kw = {**skw, **mkw, "contact_model": c, "gap_model": g, "pressure": pressure,
                          "sigma": sigma, "slope": 0.12, "temperature": 320.0}
                    out.append((f"{c}|{g}|{medium}|{solids}", kw))
    return out


def evaluate(kw: dict[str, Any]) -> dict[str, Any]:
    """The outputs (lists) or the InputError's field of one grid point."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            r = Joint(**kw).evaluate(emit_warnings=False)
        except InputError as exc:
            return {"error": exc.field}
    return {k: np.broadcast_to(np.asarray(getattr(r, k), dtype=float), (4, 2)).tolist() for k in OUTPUTS}


def record() -> None:
    GRID_FILE.write_text(json.dumps({label: evaluate(kw) for label, kw in cases()}, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    record()
