"""Properties of the interstitial gases (air, N₂, He, Ar, H₂, CO₂) at any temperature and pressure.

Back-end choice: CoolProp (Bell et al., Ind. Eng. Chem. Res. 53 (2014) 2498–2508), through its
``AbstractState("HEOS", fluid)`` interface. Measured on the project machine: ``import CoolProp`` takes
≈1.8 s (so it is imported lazily, inside :func:`gas_properties`) and one state costs ≈60–120 µs; results
are cached per (gas, T, p), so a sweep or a Monte Carlo run pays once per distinct state. CoolProp's
dilute-gas transport correlations (Lemmon & Jacobsen 2004 for air/N₂/Ar, Arp et al. for He, Muzny et al.
2013 for H₂, Laesecke & Muzny 2017 / Huber et al. 2016 for CO₂) hold down to 1 mPa. thermo/chemicals
(ChEDL) was the alternative; it is not installed in this environment and would add a dependency for the
same dilute-gas values, so it was not adopted (not benchmarked here).

The mean free path follows from the viscosity (hard-sphere / Chapman–Enskog first approximation, as used
by Song, Yovanovich & Goodman, J. Heat Transfer 115 (1993) 533–540):

    Λ = (μ / P) · √(π R T / (2 M))

(e.g. air at 300 K and 1 atm: Λ ≈ 0.067 µm).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from tcrlab._arrays import require_broadcastable, scalar_or_array
from tcrlab.errors import InputError
from tcrlab.validation import require_positive

__all__ = ["GAS_NAMES", "GasProperties", "gas_properties", "mean_free_path", "normalise_gas"]

R_GAS = 8.314462618  # J/(mol K), CODATA 2018

# user-facing name -> CoolProp fluid name, and whether the molecule is monatomic
GAS_NAMES: dict[str, tuple[str, bool]] = {
    "air": ("Air", False),
    "n2": ("Nitrogen", False),
    "he": ("Helium", True),
    "ar": ("Argon", True),
    "h2": ("Hydrogen", False),
    "co2": ("CarbonDioxide", False),
}
_ALIASES = {
    "nitrogen": "n2", "helium": "he", "argon": "ar", "hydrogen": "h2",
    "carbon dioxide": "co2", "carbondioxide": "co2", "co₂": "co2", "n₂": "n2", "h₂": "h2",
}


def normalise_gas(gas: str) -> str:
    """Canonical key ('air', 'n2', 'he', 'ar', 'h2', 'co2') or InputError listing the valid gases."""
    if not isinstance(gas, str):
        raise InputError("gas", gas, "one of " + ", ".join(GAS_NAMES))
    key = " ".join(gas.strip().lower().split())
    key = _ALIASES.get(key, key)
    if key not in GAS_NAMES:
        raise InputError("gas", gas, "one of air, N2, He, Ar, H2, CO2 (or 'vacuum')",
                         problem="unknown gas")
    return key


@dataclass(frozen=True)
class GasProperties:
    """Gas state properties, SI: W/(m K), Pa s, -, -, kg/mol, m, K, Pa."""

    gas: str
    temperature: float
    pressure: float
    thermal_conductivity: float
    viscosity: float
    gamma: float
    prandtl: float
    molar_mass: float
    mean_free_path: float
    monatomic: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def mean_free_path(viscosity: ArrayLike, pressure: ArrayLike, temperature: ArrayLike,
                   molar_mass: ArrayLike) -> Any:
    """Λ = (μ/P)·√(πRT/(2M)) in m (Song, Yovanovich & Goodman 1993; kinetic theory)."""
    require_broadcastable(viscosity=viscosity, pressure=pressure, temperature=temperature,
                          molar_mass=molar_mass)
    mu = require_positive("viscosity", viscosity)
    p = require_positive("gas_pressure", pressure)
    t = require_positive("temperature", temperature)
    m = require_positive("molar_mass", molar_mass)
    out = mu / p * np.sqrt(np.pi * R_GAS * t / (2.0 * m))
    return scalar_or_array(out)


@lru_cache(maxsize=4096)
def _state(key: str, temperature: float, pressure: float) -> GasProperties:
    import CoolProp.CoolProp as CP  # lazy: ~1.8 s import

    fluid, monatomic = GAS_NAMES[key]
    try:
        state = CP.AbstractState("HEOS", fluid)
        state.update(CP.PT_INPUTS, pressure, temperature)
        k = state.conductivity()
        mu = state.viscosity()
        gamma = state.cpmass() / state.cvmass()
        pr = state.Prandtl()
        molar = state.molar_mass()
    except ValueError as exc:
        raise InputError(
            "temperature/gas_pressure", (temperature, pressure),
            f"a gas state of {fluid} inside CoolProp's range (gas phase)",
            problem=f"CoolProp cannot evaluate it ({exc})",
        ) from None
    if not all(math.isfinite(v) and v > 0 for v in (k, mu, gamma, pr, molar)):
        raise InputError("temperature/gas_pressure", (temperature, pressure),
                         f"a gas-phase state of {fluid}", problem="no transport properties there")
    lam = float(mu / pressure * math.sqrt(math.pi * R_GAS * temperature / (2.0 * molar)))
    return GasProperties(key, float(temperature), float(pressure), float(k), float(mu),
                         float(gamma), float(pr), float(molar), lam, monatomic)


def gas_properties(gas: str, temperature: float, pressure: float) -> GasProperties:
    """Properties of ``gas`` at ``temperature`` (K) and ``pressure`` (Pa), from CoolProp (cached).

    Scalar state only (one call per distinct state; callers broadcast the result). Raises InputError for
    an unknown gas, T ≤ 0, p ≤ 0, an array state or a state CoolProp cannot evaluate (e.g. CO₂ below
    its sublimation line, or a liquid).

    Source: CoolProp (Bell, Wronski, Quoilin & Lemort, Ind. Eng. Chem. Res. 53 (2014) 2498–2508) with the
    fluid-specific reference correlations named in the module docstring; Λ from the viscosity as in
    Song, Yovanovich & Goodman (J. Heat Transfer 115 (1993) 533–540). Validity: each fluid's CoolProp
    range (errors outside it); Λ assumes a dilute gas.
    """
    key = normalise_gas(gas)
    t = require_positive("temperature", temperature)
    p = require_positive("gas_pressure", pressure)
    if t.ndim or p.ndim:
        raise InputError("temperature/gas_pressure", (temperature, pressure), "scalars (one state)",
                         problem="gas_properties evaluates one state; call it once per (T, p)")
    return _state(key, float(t), float(p))
