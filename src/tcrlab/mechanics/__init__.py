"""Statistical contact mechanics of rough surfaces, as the conductance correlations use it.

Microhardness (Song–Yovanovich), mean-plane separation, real-area ratios, the elastoplastic hardness,
and the effective conductivity k_s and modulus E' of two solids. The numerical (FFT) contact solver is
:mod:`tcrlab.contact`.
"""

from __future__ import annotations

from tcrlab._lazy import lazy_exports

_API: dict[str, str] = {
    "effective_conductivity": "tcrlab.mechanics.effective",
    "effective_modulus": "tcrlab.mechanics.effective",
    "elastic_area_ratio": "tcrlab.mechanics.area",
    "elastoplastic_area_ratio": "tcrlab.mechanics.area",
    "plastic_area_ratio": "tcrlab.mechanics.area",
    "elastic_hardness": "tcrlab.mechanics.separation",
    "elastic_separation": "tcrlab.mechanics.separation",
    "elastoplastic_separation": "tcrlab.mechanics.separation",
    "plastic_separation": "tcrlab.mechanics.separation",
    "plastic_separation_antonetti": "tcrlab.mechanics.separation",
    "elastoplastic_hardness": "tcrlab.mechanics.elastoplastic",
    "elastoplastic_weight": "tcrlab.mechanics.elastoplastic",
    "Hardness": "tcrlab.mechanics.microhardness",
    "MICROHARDNESS_MODELS": "tcrlab.mechanics.microhardness",
    "hardness_of": "tcrlab.mechanics.microhardness",
    "microhardness": "tcrlab.mechanics.microhardness",
    "registry_microhardness": "tcrlab.mechanics.microhardness",
    "relative_pressure": "tcrlab.mechanics.microhardness",
    "relative_pressure_from_hardness": "tcrlab.mechanics.microhardness",
    "relative_pressure_of": "tcrlab.mechanics.microhardness",
    "vickers_coefficients_from_brinell": "tcrlab.mechanics.microhardness",
}

__all__ = sorted(_API)

__getattr__, __dir__ = lazy_exports(__name__, _API, globals())
