"""Conductance of interface paths: constriction, gap, radiation, layers, convection."""

from tcrlab.conductance.convection import convection_resistance
from tcrlab.conductance.cryogenic import cryogenic_joint_conductance
from tcrlab.conductance.layers import thin_layer_resistance
from tcrlab.conductance.paths import contact_resistance, temperature_jump
from tcrlab.conductance.spot import (
    asperity_contact_resistance,
    asperity_spots_resistance,
    spot_constriction_resistance,
)

__all__ = [
    "asperity_contact_resistance",
    "asperity_spots_resistance",
    "contact_resistance",
    "convection_resistance",
    "cryogenic_joint_conductance",
    "spot_constriction_resistance",
    "temperature_jump",
    "thin_layer_resistance",
]
