"""The numerical (FFT) rough-contact solver and the conductance of a solved contact.

The statistical contact mechanics of the correlations (microhardness, separation, area ratios, E', k_s)
is :mod:`tcrlab.mechanics`; its names stay importable from here.
"""

from __future__ import annotations

from tcrlab._lazy import lazy_exports

_API: dict[str, str] = {
    "plastic_area_ratio": "tcrlab.mechanics.area",
    "relative_pressure": "tcrlab.mechanics.microhardness",
    "solve": "tcrlab.contact.solver",
    "ContactResult": "tcrlab.contact.solver",
    "solve_sweep": "tcrlab.contact.solver",
    "SolverOptions": "tcrlab.contact.solver",
    "conductance": "tcrlab.contact.thermal",
    "ConductanceResult": "tcrlab.contact.thermal",
    "contact_spots": "tcrlab.contact.spots",
    "microhardness": "tcrlab.mechanics.microhardness",
    "vickers_coefficients_from_brinell": "tcrlab.mechanics.microhardness",
}

__all__ = sorted(_API)

__getattr__, __dir__ = lazy_exports(__name__, _API, globals())
