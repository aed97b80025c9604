"""Thermal transients of heat paths and their evaluation.

* :mod:`~tcrlab.transient.laplace` — exact 1-D layered solution (thermal quadrupoles, Talbot inversion).
* :mod:`~tcrlab.transient.ladders` — Cauer/Foster ladders, Zth(t), conversions both ways.
* :mod:`~tcrlab.transient.curves` — checks and log-time resampling of measured Zth curves.
* :mod:`~tcrlab.transient.identification` — time-constant spectrum (NID), Foster fit, Cauer ladder.
* :mod:`~tcrlab.transient.structure` — cumulative and differential structure functions.
* :mod:`~tcrlab.transient.jesd51_14` — transient dual interface evaluation of R_thJC.
* :mod:`~tcrlab.transient.inverse` — interface resistance fitted to a measured Zth, with MC uncertainty.
* (the transient path of a heat-path case file is built in :mod:`tcrlab.cases.transient`)
* :mod:`~tcrlab.transient.response` — response to an arbitrary power profile (superposition).
"""

from tcrlab.transient.curves import ZthCurve, check_zth_curve
from tcrlab.transient.identification import (
    FosterFit,
    NetworkIdentification,
    Spectrum,
    fit_foster,
    identify_network,
    time_constant_spectrum,
)
from tcrlab.transient.inverse import InterfaceFit, fit_interface_resistance
from tcrlab.transient.jesd51_14 import (
    DualInterfaceResult,
    SqrtTFit,
    dual_interface,
    sqrt_t_correction,
)
from tcrlab.transient.ladders import cauer_to_foster, cauer_zth, foster_to_cauer, foster_zth
from tcrlab.transient.laplace import (
    LayeredPath,
    Resistance,
    Slab,
    layered_impedance,
    layered_zth,
    talbot_invert,
)
from tcrlab.transient.response import power_profile_response
from tcrlab.transient.structure import (
    StructureFunction,
    interface_marks,
    layered_structure_function,
    structure_function,
)

__all__ = [
    "DualInterfaceResult",
    "FosterFit",
    "InterfaceFit",
    "LayeredPath",
    "NetworkIdentification",
    "Resistance",
    "Slab",
    "Spectrum",
    "SqrtTFit",
    "StructureFunction",
    "ZthCurve",
    "cauer_to_foster",
    "cauer_zth",
    "check_zth_curve",
    "dual_interface",
    "fit_foster",
    "fit_interface_resistance",
    "foster_to_cauer",
    "foster_zth",
    "identify_network",
    "interface_marks",
    "layered_impedance",
    "layered_structure_function",
    "layered_zth",
    "power_profile_response",
    "sqrt_t_correction",
    "structure_function",
    "talbot_invert",
    "time_constant_spectrum",
]
