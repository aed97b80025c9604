"""Joint conductance for finite-element programs: tables h_j(P, clearance, T), their C1 interpolant
(``gapcon``), writers in each program's syntax, and loading–unloading (hysteresis) tables."""

from __future__ import annotations

from tcrlab._lazy import lazy_exports

_API: dict[str, str] = {
    "ConductanceTable": "tcrlab.export.table",
    "GapConductance": "tcrlab.export.table",
    "build_table": "tcrlab.export.table",
    "JointModel": "tcrlab.export.model",
    "SampledModel": "tcrlab.export.model",
    "topography_model": "tcrlab.export.model",
    "FORMATS": "tcrlab.export.writers",
    "format_table": "tcrlab.export.writers",
    "write_table": "tcrlab.export.writers",
    "gapcon": "tcrlab.export.gapcon",
    "HysteresisResult": "tcrlab.export.hysteresis",
    "loading_unloading": "tcrlab.export.hysteresis",
}

__all__ = sorted(_API)

__getattr__, __dir__ = lazy_exports(__name__, _API, globals())
