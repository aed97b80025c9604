"""Kapitza (thermal boundary) resistance of perfect interfaces: AMM, DMM, radiation limit, 1-D chain.

Public API (SI throughout; materials by registry name or any object with density/rho, c_L, c_T):

* :func:`amm_conductance`, :func:`dmm_conductance` — h(T) in W/(m² K);
* :func:`phonon_radiation_limit`, :func:`phonon_radiation_conductance`;
* :func:`amm_rt3`, :func:`dmm_rt3` — low-temperature R·T³ constants (K⁴ m²/W);
* :func:`amm_transmission`, :func:`elastic_coefficients`, :func:`scalar_transmission`,
  :func:`dmm_transmission` — transmission vs angle / frequency;
* :func:`khalatnikov_conductance` — solid | He II;
* :func:`chain_transmission`, :func:`chain_transmission_closed_form`, :func:`chain_conductance`,
  :func:`thermal_conductance_quantum` — the 1-D harmonic chain junction.

Conventions (factor ¼, emitted vs equilibrium phonon temperature, Debye cutoffs) are stated in
:mod:`tcrlab.kapitza.landauer` and :mod:`tcrlab.kapitza.phonons`.
"""

from tcrlab.kapitza.amm import (
    amm_conductance,
    amm_gammas,
    amm_rt3,
    amm_transmission,
    elastic_coefficients,
    khalatnikov_conductance,
    scalar_transmission,
)
from tcrlab.kapitza.chain import (
    chain_conductance,
    chain_transmission,
    chain_transmission_closed_form,
    chain_transmission_low_frequency,
    thermal_conductance_quantum,
)
from tcrlab.kapitza.dmm import dmm_conductance, dmm_rt3, dmm_transmission
from tcrlab.kapitza.landauer import (
    phonon_radiation_conductance,
    phonon_radiation_limit,
    rt3_constant,
)
from tcrlab.kapitza.measured import measured_conductances
from tcrlab.kapitza.phonons import HELIUM_II, AcousticMedium, PhononSpectrum, acoustic_medium

__all__ = [
    "HELIUM_II",
    "AcousticMedium",
    "PhononSpectrum",
    "acoustic_medium",
    "amm_conductance",
    "amm_gammas",
    "amm_rt3",
    "amm_transmission",
    "chain_conductance",
    "chain_transmission",
    "chain_transmission_closed_form",
    "chain_transmission_low_frequency",
    "dmm_conductance",
    "dmm_rt3",
    "dmm_transmission",
    "elastic_coefficients",
    "khalatnikov_conductance",
    "measured_conductances",
    "phonon_radiation_conductance",
    "phonon_radiation_limit",
    "rt3_constant",
    "scalar_transmission",
    "thermal_conductance_quantum",
]
