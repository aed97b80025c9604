"""Properties of the interstitial gases (air, N₂, He, Ar, H₂, CO₂) at any temperature and pressure.

Back-end choice: CoolProp (Bell et al., Ind. Eng. Chem. Res. 53 (2014) 2498–2508), through its
``AbstractState("HEOS", fluid)`` interface. CoolProp loads its whole fluid library on the first state
(≈1.8 s measured), so it is imported lazily, inside :func:`gas_properties`, and only when a state is
not cached; one state then costs ≈60–120 µs. Results are cached per (gas, T, p) in memory and on disk
(a small JSON file per CoolProp version in ``$TCRLAB_CACHE_DIR``, default ``~/.cache/tcrlab``;
``TCRLAB_NO_CACHE=1`` turns the disk cache off), so a repeated state — a joint in air at 300 K and
1 atm — never loads CoolProp again. The stored numbers are CoolProp's own, bit for bit. CoolProp's
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
import os
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from tcrlab._arrays import require_broadcastable, scalar_or_array
from tcrlab._cachedir import DiskCache
from tcrlab.errors import InputError
from tcrlab.validation import require_positive

__all__ = ["GAS_NAMES", "GasProperties", "cache_file", "flush_cache", "gas_properties", "mean_free_path",
           "normalise_gas"]

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
    """Canonical key ('air', 'n2', 'he', 'ar', 'h2', 'co2') or InputError listing the valid gases.

    Parameters
    ----------
    gas : str
        A gas name or formula ("Nitrogen", "N2", "helium"...).

    Returns
    -------
    str
        The canonical key.

    Examples
    --------
    >>> normalise_gas("Nitrogen"), normalise_gas("Helium")
    ('n2', 'he')
    """
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
    """Gas state properties, SI: W/(m K), Pa s, -, -, kg/mol, m, K, Pa.

    Attributes
    ----------
    gas : str
        Canonical gas key.
    temperature : float
        Temperature [K].
    pressure : float
        Pressure [Pa].
    thermal_conductivity : float
        Thermal conductivity [W/(m K)].
    viscosity : float
        Dynamic viscosity [Pa s].
    gamma : float
        Ratio of specific heats [-].
    prandtl : float
        Prandtl number [-].
    molar_mass : float
        Molar mass [kg/mol].
    mean_free_path : float
        Molecular mean free path [m].
    monatomic : bool
        Whether the gas is monatomic.
    """

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
    """Λ = (μ/P)·√(πRT/(2M)) in m (Song, Yovanovich & Goodman 1993; kinetic theory).

    Parameters
    ----------
    viscosity : array_like
        Dynamic viscosity μ [Pa s].
    pressure : array_like
        Pressure P [Pa].
    temperature : array_like
        Temperature T [K].
    molar_mass : array_like
        Molar mass M [kg/mol].

    Returns
    -------
    float or ndarray
        Mean free path Λ [m].

    References
    ----------
    Song, Yovanovich & Goodman, J. Heat Transfer 115 (1993) 533–540.

    Examples
    --------
    >>> f"{mean_free_path(1.8537e-5, 101325.0, 300.0, 0.02896546):.3g} m"  # air at 300 K, 1 atm
    '6.73e-08 m'
    """
    require_broadcastable(viscosity=viscosity, pressure=pressure, temperature=temperature,
                          molar_mass=molar_mass)
    mu = require_positive("viscosity", viscosity)
    p = require_positive("gas_pressure", pressure)
    t = require_positive("temperature", temperature)
    m = require_positive("molar_mass", molar_mass)
    out = mu / p * np.sqrt(np.pi * R_GAS * t / (2.0 * m))
    return scalar_or_array(out)


# ---------------------------------------------------------------- disk cache of CoolProp states
def _valid_state(key: str, value: Any) -> bool:
    return isinstance(value, list) and len(value) == 5


@cache
def _coolprop_version() -> str:
    """CoolProp's version from its wheel's ``*.dist-info`` folder name, found next to the package
    (importing :mod:`importlib.metadata` for it costs ~0.03 s of CPU, a tenth of a cached joint run);
    :func:`importlib.metadata.version` for any other layout."""
    import importlib.util

    spec = importlib.util.find_spec("CoolProp")
    if spec is not None and spec.origin:
        site = os.path.dirname(os.path.dirname(spec.origin))
        try:
            found = [n for n in os.listdir(site) if n.lower().startswith("coolprop-") and n.endswith(".dist-info")]
        except OSError:
            found = []
        if len(found) == 1:
            return found[0][len("coolprop-"):-len(".dist-info")]
    import importlib.metadata

    try:
        return importlib.metadata.version("CoolProp")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


# (k, μ, γ, Pr, M) by fluid, temperature and pressure; entries kept: 20 000 (a few hundred bytes each)
_CACHE = DiskCache(lambda: f"gas_states-CoolProp-{_coolprop_version()}.json",
                   lambda: f"CoolProp {_coolprop_version()}", _valid_state, limit=20_000)


def cache_file() -> Path | None:
    """The disk cache of gas states for the installed CoolProp (None when turned off).

    Returns
    -------
    Path or None
        The cache file.
    """
    path = _CACHE.path()
    return None if path is None else Path(path)


def flush_cache() -> None:
    """Write the states computed in this process to the disk cache (merged, atomically; errors ignored)."""
    _CACHE.flush()


def _state_key(fluid: str, temperature: float, pressure: float) -> str:
    return f"{fluid}|{temperature!r}|{pressure!r}"


@lru_cache(maxsize=4096)
def _state(key: str, temperature: float, pressure: float) -> GasProperties:
    fluid, monatomic = GAS_NAMES[key]
    state_key = _state_key(fluid, temperature, pressure)
    hit = _CACHE.get(state_key)
    if hit is not None:
        k, mu, gamma, pr, molar = hit
    else:
        k, mu, gamma, pr, molar = _coolprop_state(fluid, temperature, pressure)
        _CACHE.put(state_key, [k, mu, gamma, pr, molar])
    lam = float(mu / pressure * math.sqrt(math.pi * R_GAS * temperature / (2.0 * molar)))
    return GasProperties(key, float(temperature), float(pressure), float(k), float(mu),
                         float(gamma), float(pr), float(molar), lam, monatomic)


def _coolprop_state(fluid: str, temperature: float, pressure: float) -> list[float]:
    """(k, μ, γ, Pr, M) of ``fluid`` from CoolProp; InputError outside its gas-phase range."""
    import CoolProp.CoolProp as CP  # lazy: the first state loads the fluid library (~1.8 s)

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
    return [float(k), float(mu), float(gamma), float(pr), float(molar)]


def gas_properties(gas: str, temperature: float, pressure: float) -> GasProperties:
    """Properties of ``gas`` at ``temperature`` (K) and ``pressure`` (Pa), from CoolProp (cached).

    Scalar state only (one call per distinct state; callers broadcast the result). Raises InputError for
    an unknown gas, T ≤ 0, p ≤ 0, an array state or a state CoolProp cannot evaluate (e.g. CO₂ below
    its sublimation line, or a liquid).

    Source: CoolProp (Bell, Wronski, Quoilin & Lemort, Ind. Eng. Chem. Res. 53 (2014) 2498–2508) with the
    fluid-specific reference correlations named in the module docstring; Λ from the viscosity as in
    Song, Yovanovich & Goodman (J. Heat Transfer 115 (1993) 533–540). Validity: each fluid's CoolProp
    range (errors outside it); Λ assumes a dilute gas.

    Parameters
    ----------
    gas : str
        Gas name (see :func:`normalise_gas`).
    temperature : float
        Temperature [K].
    pressure : float
        Pressure [Pa].

    Returns
    -------
    GasProperties
        The state's properties in SI units.

    References
    ----------
    Bell, Wronski, Quoilin & Lemort, Ind. Eng. Chem. Res. 53 (2014) 2498–2508 (CoolProp); Song,
    Yovanovich & Goodman, J. Heat Transfer 115 (1993) 533–540 (Λ).

    Examples
    --------
    >>> p = gas_properties("air", 300.0, 101325.0)
    >>> round(p.thermal_conductivity, 4), f"{p.mean_free_path:.3g}"
    (0.0264, '6.73e-08')
    """
    key = normalise_gas(gas)
    t = require_positive("temperature", temperature)
    p = require_positive("gas_pressure", pressure)
    if t.ndim or p.ndim:
        raise InputError("temperature/gas_pressure", (temperature, pressure), "scalars (one state)",
                         problem="gas_properties evaluates one state; call it once per (T, p)")
    return _state(key, float(t), float(p))
