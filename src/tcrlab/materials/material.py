"""The Material record: one solid's properties in SI, each with its source."""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab._arrays import scalar_or_array
from tcrlab.errors import InputError, ValidityWarning
from tcrlab.validation import require_positive

__all__ = ["PROPERTY_DIMENSIONS", "Material", "check_property"]

# Scalar properties a material may carry -> the units dimension they are parsed with.
PROPERTY_DIMENSIONS: dict[str, str] = {
    "conductivity": "conductivity",  # W/(m K) at the reference temperature (300 K unless stated)
    "density": "density",
    "specific_heat": "specific_heat",
    "youngs_modulus": "pressure",
    "poisson_ratio": "dimensionless",
    "hardness_brinell": "pressure",  # Brinell hardness as a pressure (HB kgf/mm² × 9.80665e6)
    "hardness_vickers": "pressure",  # bulk Vickers hardness as a pressure
    "microhardness_c1": "pressure",  # Vickers microhardness coefficient c1 (H_v = c1·(d/d0)^c2)
    "microhardness_c2": "dimensionless",
    "emissivity_min": "dimensionless",
    "emissivity_max": "dimensionless",
    "sound_speed_longitudinal": "speed",
    "sound_speed_transverse": "speed",
    "debye_temperature": "temperature",
    "molar_mass": "molar_mass",
    "electrical_resistivity": "electrical_resistivity",  # Ω·m at the reference temperature
}


# Physically admissible ranges (SI, open/closed as written) of the scalar properties; a value outside
# is a data-entry error. Everything not listed must be finite and > 0.
_VALID_RANGE: dict[str, tuple[float, float, bool, str]] = {
    # prop: (low, high, high inclusive, text)
    "poisson_ratio": (-1.0, 0.5, False, "-1 < nu < 0.5"),
    "microhardness_c2": (-1.0, 0.0, True, "-1 < c2 <= 0 (microhardness falls with indentation depth)"),
    "emissivity_min": (0.0, 1.0, True, "0 < emissivity <= 1"),
    "emissivity_max": (0.0, 1.0, True, "0 < emissivity <= 1"),
}


def check_property(key: str, prop: str, value: Any, origin: str | None = None) -> None:
    """Reject a non-physical property value (scalars or sampled arrays) with an InputError.

    Parameters
    ----------
    key : str
        The material's key (named in the error).
    prop : str
        The property name (a key of :data:`PROPERTY_DIMENSIONS`).
    value : float or ndarray
        The value in SI units.
    origin : str, optional
        The file the value came from.

    Raises
    ------
    InputError
        When the value is outside the property's physical range.
    """
    lo, hi, hi_inclusive, text = _VALID_RANGE.get(prop, (0.0, np.inf, False, "a finite value > 0"))
    v = np.asarray(value, dtype=float)
    ok = np.isfinite(v) & (v > lo) & ((v <= hi) if hi_inclusive else (v < hi))
    if not ok.all():
        shown = float(v[~ok].flat[0]) if v.ndim else float(v)
        raise InputError(f"materials.{key}.{prop}", shown, text, source=origin)



def _conductivity_table(key: str, table: Any) -> tuple[tuple[float, float], ...]:
    """The (T, k) rows as floats; T > 0 strictly increasing and k > 0, else InputError."""
    field_name = f"materials.{key}.conductivity_table"
    try:
        rows = tuple((float(t), float(k)) for t, k in table)
    except (TypeError, ValueError):
        raise InputError(field_name, table, "a list of [temperature in K, conductivity in W/(m K)] pairs") from None
    if any(not (t > 0 and k > 0 and np.isfinite(t) and np.isfinite(k)) for t, k in rows) or any(
        a[0] >= b[0] for a, b in itertools.pairwise(rows)
    ):
        raise InputError(field_name, table, "pairs with T > 0 strictly increasing and k > 0")
    return rows


@dataclass(frozen=True)
class Material:
    """A solid (or a thermal interface material) with cited properties, all SI.

    Missing properties are ``None``; asking a model for one that is missing is an InputError naming
    the material and the property. ``sources`` maps a property name (or ``"*"`` for the whole record)
    to a full citation.

    Attributes
    ----------
    key : str
        Registry key (``"Cu"``).
    name : str
        Display name.
    category : str
        ``"metal"``, ``"dielectric"``, ``"tim"``...
    aliases : tuple of str
        Other names it is found by.
    conductivity : float, optional
        Thermal conductivity at ``reference_temperature`` [W/(m K)].
    conductivity_table : tuple of (float, float)
        k(T) rows (T [K], k [W/(m K)]).
    density : float, optional
        Density [kg/m³].
    specific_heat : float, optional
        Specific heat [J/(kg K)].
    youngs_modulus : float, optional
        Young's modulus [Pa].
    poisson_ratio : float, optional
        Poisson's ratio [-].
    hardness_brinell, hardness_vickers : float, optional
        Bulk Brinell and Vickers hardness as pressures [Pa].
    microhardness_c1 : float, optional
        Vickers microhardness coefficient c1 of H_v = c1·(d/d0)^c2 [Pa].
    microhardness_c2 : float, optional
        Its exponent c2 [-].
    emissivity_min, emissivity_max : float, optional
        Range of the total emissivity [-].
    sound_speed_longitudinal, sound_speed_transverse : float, optional
        Bulk sound speeds [m/s].
    debye_temperature : float, optional
        Debye temperature [K].
    molar_mass : float, optional
        Molar mass [kg/mol].
    electrical_resistivity : float, optional
        Electrical resistivity at ``reference_temperature`` [Ω·m].
    reference_temperature : float
        Temperature of the scalar properties [K].
    sources : Mapping of str to str
        Citation of each property (``"*"`` for the whole record).
    notes : str
        Free text.

    Examples
    --------
    >>> from tcrlab.materials import get_material
    >>> cu = get_material("copper")
    >>> cu.key, cu.conductivity, cu.density
    ('Cu', 401.0, 8933.0)
    """

    key: str
    name: str
    category: str = "metal"
    aliases: tuple[str, ...] = ()
    conductivity: float | None = None
    conductivity_table: tuple[tuple[float, float], ...] = ()
    density: float | None = None
    specific_heat: float | None = None
    youngs_modulus: float | None = None
    poisson_ratio: float | None = None
    hardness_brinell: float | None = None
    hardness_vickers: float | None = None
    microhardness_c1: float | None = None
    microhardness_c2: float | None = None
    emissivity_min: float | None = None
    emissivity_max: float | None = None
    sound_speed_longitudinal: float | None = None
    sound_speed_transverse: float | None = None
    debye_temperature: float | None = None
    molar_mass: float | None = None
    electrical_resistivity: float | None = None
    reference_temperature: float = 300.0
    sources: Mapping[str, str] = field(default_factory=dict)
    notes: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.key, str) or not self.key.strip():
            raise InputError("materials.key", self.key, "a non-empty name")
        object.__setattr__(self, "sources", MappingProxyType(dict(self.sources)))
        object.__setattr__(self, "aliases", tuple(self.aliases))
        for prop in (*PROPERTY_DIMENSIONS, "reference_temperature"):
            value = getattr(self, prop)
            if value is not None:
                check_property(self.key, prop, value)
        object.__setattr__(self, "conductivity_table", _conductivity_table(self.key, self.conductivity_table))

    def require(self, prop: str) -> float:
        """The value of ``prop``, or an InputError saying this material lacks it."""
        value = getattr(self, prop, None)
        if value is None:
            raise InputError(
                f"{self.key}.{prop}",
                None,
                f"a material with {prop} given (add it in a case file's [materials] table "
                "or a user materials file)",
                problem="not in the registry for this material",
            )
        return float(value)

    @property
    def has_conductivity_table(self) -> bool:
        return len(self.conductivity_table) >= 2

    def thermal_conductivity(self, temperature: ArrayLike | None = None) -> NDArray[np.float64] | float:
        """k(T) in W/(m·K): linear interpolation in the cited table, else the constant value.

        Outside the table a ValidityWarning is issued and the end value is held (no extrapolation).
        """
        if temperature is None or not self.has_conductivity_table:
            if self.conductivity is None:
                if self.has_conductivity_table:
                    return float(np.interp(self.reference_temperature, *zip(*self.conductivity_table, strict=True)))
                return self.require("conductivity")
            if temperature is None:
                return self.conductivity
            t = require_positive("temperature", temperature)
            return float(self.conductivity) if t.ndim == 0 else np.full(t.shape, self.conductivity)
        t = require_positive("temperature", temperature)
        table_t, table_k = (np.array(c) for c in zip(*self.conductivity_table, strict=True))
        if (t < table_t[0]).any() or (t > table_t[-1]).any():
            warnings.warn(
                f"{self.key}: conductivity table covers {table_t[0]:g}–{table_t[-1]:g} K; "
                "holding the end value outside it",
                ValidityWarning,
                stacklevel=2,
            )
        out = np.interp(t, table_t, table_k)
        return scalar_or_array(out)
