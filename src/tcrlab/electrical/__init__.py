"""Electrical contact resistance: Holm's spot, Greenwood's clusters, films, the correlations' electrical
form and the FFT contact solution; Wiedemann–Franz link to the thermal contact conductance."""

from __future__ import annotations

from tcrlab._lazy import lazy_exports

_API: dict[str, str] = {
    "spot_resistance": "tcrlab.electrical.constriction",
    "cluster_resistance": "tcrlab.electrical.constriction",
    "film_resistance": "tcrlab.electrical.constriction",
    "LORENZ_NUMBER": "tcrlab.electrical.correlations",
    "effective_electrical_conductivity": "tcrlab.electrical.correlations",
    "electrical_contact_conductance": "tcrlab.electrical.correlations",
    "wiedemann_franz_thermal_conductance": "tcrlab.electrical.correlations",
    "contact_resistance": "tcrlab.electrical.contact",
    "ElectricalContactResult": "tcrlab.electrical.contact",
}

__all__ = sorted(_API)

__getattr__, __dir__ = lazy_exports(__name__, _API, globals())
