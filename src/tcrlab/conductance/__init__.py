"""Conductance of interface paths: constriction, gap, radiation, layers, convection."""

from __future__ import annotations

from tcrlab._lazy import lazy_exports

# public name -> module, loaded on first use: a joint evaluation needs none of the heat-path helpers
# (paths imports the whole network/ package) and the correlations modules import what they use themselves
_API: dict[str, str] = {
    "asperity_contact_resistance": "tcrlab.conductance.spot",
    "asperity_spots_resistance": "tcrlab.conductance.spot",
    "contact_resistance": "tcrlab.conductance.paths",
    "convection_resistance": "tcrlab.conductance.convection",
    "cryogenic_joint_conductance": "tcrlab.conductance.cryogenic",
    "spot_constriction_resistance": "tcrlab.conductance.spot",
    "temperature_jump": "tcrlab.conductance.paths",
    "thin_layer_resistance": "tcrlab.conductance.layers",
}

__all__ = sorted(_API)

__getattr__, __dir__ = lazy_exports(__name__, _API, globals())
