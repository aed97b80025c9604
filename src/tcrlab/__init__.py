"""tcrlab — predict, measure and explain thermal contact resistance at interfaces.

All functions take and return SI values (NumPy arrays broadcast). Names are loaded on first use so that
``import tcrlab`` stays fast (gas-property and FFT back-ends are only imported when needed).

Quick start::

    >>> import tcrlab
    >>> tcrlab.temperature_jump(3e5, 1.2e-4)   # 300 kW/m² across 1.2e-4 m²K/W
    36.0
"""

from __future__ import annotations

from tcrlab._lazy import lazy_exports

__version__ = "0.2.0"  # as in pyproject.toml (tests/test_version.py)

# public name -> module defining it
_API: dict[str, str] = {
    # resistance algebra and the single-spot / plastic-asperity models
    "series": "tcrlab.network.algebra",
    "parallel": "tcrlab.network.algebra",
    "temperature_jump": "tcrlab.conductance.paths",
    "contact_resistance": "tcrlab.conductance.paths",
    "thin_layer_resistance": "tcrlab.conductance.layers",
    "convection_resistance": "tcrlab.conductance.convection",
    "plastic_area_ratio": "tcrlab.mechanics.area",
    "spot_constriction_resistance": "tcrlab.conductance.spot",
    "asperity_contact_resistance": "tcrlab.conductance.spot",
    "asperity_spots_resistance": "tcrlab.conductance.spot",
    # units, materials, errors
    "parse_quantity": "tcrlab.units",
    "Material": "tcrlab.materials",
    "get_material": "tcrlab.materials",
    "list_materials": "tcrlab.materials",
    "InputError": "tcrlab.errors",
    "TcrlabError": "tcrlab.errors",
    "ValidityWarning": "tcrlab.errors",
    # heat paths (network/)
    "Stack": "tcrlab.network",
    "Boundary": "tcrlab.network",
    "Branch": "tcrlab.network",
    "ParallelGroup": "tcrlab.network",
    "ConductionLayer": "tcrlab.network",
    "ContactResistance": "tcrlab.network",
    "TIMLayer": "tcrlab.network",
    "Convection": "tcrlab.network",
    "FixedResistance": "tcrlab.network",
    "StackResult": "tcrlab.network",
    "solve_stack": "tcrlab.network",
    "KirchhoffTransform": "tcrlab.network",
    "load_case": "tcrlab.cases",
    # rough-contact joint models
    "cmy_conductance": "tcrlab.conductance.constriction",
    "cmy_correlation_conductance": "tcrlab.conductance.constriction",
    "mikic_elastic_conductance": "tcrlab.conductance.constriction",
    "gap_conductance": "tcrlab.conductance.gap",
    "radiation_conductance": "tcrlab.conductance.radiation",
    "relative_pressure": "tcrlab.mechanics.microhardness",
    "Joint": "tcrlab.joint",
    "JointResult": "tcrlab.joint",
    "constriction_conductance": "tcrlab.conductance.constriction",
    "elastoplastic_conductance": "tcrlab.conductance.constriction",
    "rarefaction_parameter": "tcrlab.conductance.gap",
    "gas_properties": "tcrlab.properties.gases",
    "accommodation_coefficient": "tcrlab.properties.accommodation",
    # Kapitza resistance (kapitza/)
    "amm_conductance": "tcrlab.kapitza",
    "dmm_conductance": "tcrlab.kapitza",
    "phonon_radiation_limit": "tcrlab.kapitza",
    "chain_transmission": "tcrlab.kapitza",
    "khalatnikov_conductance": "tcrlab.kapitza",
    # measurements and uncertainty (experiment/, uq/)
    "load_meterbar": "tcrlab.experiment.meterbar",
    "reduce_meterbar": "tcrlab.experiment.meterbar",
    "impedance_vs_thickness": "tcrlab.experiment.thickness_series",
    "fit_power_law": "tcrlab.experiment.fitting",
    "fit_cmy": "tcrlab.experiment.fitting",
    "fit_curve": "tcrlab.experiment.fitting",
    "run_monte_carlo": "tcrlab.uq.montecarlo",
    "run_sweep": "tcrlab.uq.sweep",
    "parse_distribution": "tcrlab.uq.distributions",
    "make_executor": "tcrlab.uq.executors",
    # rough surfaces (surfaces/)
    "Topography": "tcrlab.surfaces",
    "self_affine": "tcrlab.surfaces",
    "read_topography": "tcrlab.surfaces",
}

_SUBPACKAGES = {
    "materials", "properties", "surfaces", "contact", "conductance", "kapitza", "network",
    "experiment", "uq", "plotting", "units", "errors", "joint",
}

__all__ = sorted(_API)


# Public names and sub-packages are imported on first use (PEP 562).
__getattr__, __dir__ = lazy_exports(__name__, _API, globals(), _SUBPACKAGES)
