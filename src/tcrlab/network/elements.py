"""The contract every heat-path element meets (layers, contacts, TIMs, convection, joints, Kapitza).

An element sits between two nodes of a thermal circuit. Its resistance may depend on the temperatures of
its two faces (k(T) of a layer, gas properties in a joint's gap, the T³ law of a Kapitza interface); the
circuit solver then iterates to self-consistency.

The concrete elements here are the textbook ones (Bergman, Lavine, Incropera & DeWitt, *Fundamentals of
Heat and Mass Transfer*, 7th ed., Wiley 2011, §3.1 and §3.2):

* :class:`ConductionLayer` — a plane slab, R'' = L/k; with k(T) the drop is exact through the Kirchhoff
  transform θ(T) = ∫ k dT, since q''·L = θ(T_hot) − θ(T_cold) (Bergman et al. §3.2 / Carslaw & Jaeger
  1959 §1.7 for variable conductivity);
* :class:`ContactResistance` — an interface of zero thickness with a fixed R''_t,c (Bergman et al. eq. 3.20);
* :class:`TIMLayer` — a thermal interface material: bond-line thickness / k (+ its two boundary
  resistances), or a datasheet R'';
* :class:`Convection` — R = 1/(h·A) (Newton's law of cooling, eq. 3.9), optionally over its own wetted area;
* :class:`FixedResistance` — a given absolute (K/W) or per-area (m²K/W) resistance.

All numeric fields may be NumPy arrays (Monte Carlo samples, sweeps); resistances then broadcast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar, Protocol, runtime_checkable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab._arrays import scalar_or_array as _scalar_or_array
from tcrlab.errors import InputError
from tcrlab.materials.material import Material
from tcrlab.validation import require_nonnegative, require_positive

__all__ = [
    "ConductionLayer",
    "ContactResistance",
    "Convection",
    "Element",
    "FixedResistance",
    "KirchhoffTransform",
    "TIMLayer",
]

Number = float | NDArray[np.float64]


@runtime_checkable
class Element(Protocol):
    """A two-terminal thermal element.

    Attributes
    ----------
    name : str            label shown in tables ("die/heat-sink interface")
    kind : str            "conduction", "contact", "tim", "convection", "resistor", "joint", "kapitza", ...
    is_interface : bool   True for elements of zero thickness (a temperature jump in the profile)
    temperature_dependent : bool   whether ``resistance`` depends on the face temperatures
    """

    name: str
    kind: str
    is_interface: bool
    temperature_dependent: bool

    def resistance(self, area: float, t_hot: float, t_cold: float) -> float:
        """Absolute resistance (K/W) for a heat path of cross-section ``area`` (m²) at the given face
        temperatures (K). Elements defined per unit area divide by ``area``; elements with their own area
        (a heat-sink's wetted area) use it instead."""
        ...

    def describe(self) -> dict[str, Any]:
        """Inputs and derived quantities for tables and JSON (SI values)."""
        ...


def _field(label: str, name: str, prop: str) -> str:
    return f"{label or name}.{prop}"


# --------------------------------------------------------------------------------------------------
# Kirchhoff transform of a piecewise-linear k(T) table
# --------------------------------------------------------------------------------------------------
class KirchhoffTransform:
    """θ(T) = ∫_{T₀}^{T} k(T') dT' for k(T) linear between table points, held constant outside.

    The same interpolation as :meth:`Material.thermal_conductivity`, integrated exactly (piecewise
    quadratic), with an exact inverse. For a slab of thickness L between faces at T_hot and T_cold the
    steady 1-D heat flux is q'' = (θ(T_hot) − θ(T_cold))/L, and inside it θ(T(x)) falls linearly in x
    (the Kirchhoff transformation; Carslaw & Jaeger, *Conduction of Heat in Solids*, 2nd ed. 1959, §1.7).

    Parameters
    ----------
    table : tuple of (float, float)
        Rows (T [K], k [W/(m K)]), T strictly increasing, at least 2 rows.
    """

    def __init__(self, table: tuple[tuple[float, float], ...]) -> None:
        t = np.array([row[0] for row in table], dtype=float)
        k = np.array([row[1] for row in table], dtype=float)
        if t.size < 2 or np.any(np.diff(t) <= 0) or np.any(k <= 0):
            raise InputError(
                "conductivity_table", table, "≥ 2 rows [T, k] with T strictly increasing and k > 0"
            )
        self.t = t
        self.k = k
        self.slope = np.diff(k) / np.diff(t)
        self.cum = np.concatenate([[0.0], np.cumsum(0.5 * (k[1:] + k[:-1]) * np.diff(t))])

    @property
    def t_range(self) -> tuple[float, float]:
        return float(self.t[0]), float(self.t[-1])

    def conductivity(self, temperature: ArrayLike) -> Number:
        return _scalar_or_array(np.interp(temperature, self.t, self.k))

    def theta(self, temperature: ArrayLike) -> Number:
        """θ(T) in W/m (zero at the first table temperature)."""
        tt = np.asarray(temperature, dtype=float)
        i = np.clip(np.searchsorted(self.t, tt, side="right") - 1, 0, self.t.size - 2)
        dt = np.clip(tt, self.t[0], self.t[-1]) - self.t[i]  # clipped: outside the table `inside` is unused
        inside = self.cum[i] + self.k[i] * dt + 0.5 * self.slope[i] * dt**2
        below = self.k[0] * (tt - self.t[0])
        above = self.cum[-1] + self.k[-1] * (tt - self.t[-1])
        out = np.where(tt < self.t[0], below, np.where(tt > self.t[-1], above, inside))
        return _scalar_or_array(out)

    def inverse(self, theta: ArrayLike) -> Number:
        """T such that θ(T) = ``theta`` (exact; θ is strictly increasing since k > 0)."""
        th = np.asarray(theta, dtype=float)
        i = np.clip(np.searchsorted(self.cum, th, side="right") - 1, 0, self.t.size - 2)
        r = th - self.cum[i]
        ki = self.k[i]
        disc = np.maximum(ki**2 + 2.0 * self.slope[i] * r, 0.0)
        inside = self.t[i] + 2.0 * r / (ki + np.sqrt(disc))  # stable root of ½s·dt² + k·dt − r = 0
        below = self.t[0] + th / self.k[0]
        above = self.t[-1] + (th - self.cum[-1]) / self.k[-1]
        out = np.where(th < 0.0, below, np.where(th > self.cum[-1], above, inside))
        return _scalar_or_array(out)

    def mean_conductivity(self, t_a: ArrayLike, t_b: ArrayLike) -> Number:
        """Integral-mean k over [t_a, t_b]: (θ(t_a) − θ(t_b))/(t_a − t_b); k(t) when they coincide."""
        a = np.asarray(t_a, dtype=float)
        b = np.asarray(t_b, dtype=float)
        diff = a - b
        close = np.abs(diff) < 1e-9 * np.maximum(1.0, np.abs(a))
        with np.errstate(invalid="ignore", divide="ignore"):
            secant = (np.asarray(self.theta(a)) - np.asarray(self.theta(b))) / np.where(close, 1.0, diff)
        out = np.where(close, np.interp(0.5 * (a + b), self.t, self.k), secant)
        return _scalar_or_array(out)


# --------------------------------------------------------------------------------------------------
# Elements
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ConductionLayer:
    """A plane layer of thickness L conducting in 1-D: R'' = L/k (m²K/W), R = L/(k·A) (K/W).

    Give either a constant ``conductivity`` (W/(m·K)) or a ``material`` from the registry. With a material
    that has a k(T) table the layer is temperature dependent and its drop is exact through the Kirchhoff
    transform: q''·L = θ(T_hot) − θ(T_cold), i.e. R'' = L/k̄ with k̄ the integral mean of k over the two
    face temperatures. ``use_reference_conductivity=True`` takes k at ``reference_temperature`` only (the
    constant-property textbook model). Source: Bergman et al. (2011) eqs. 3.4–3.6 and §3.2 (variable k).

    Attributes
    ----------
    name : str
        Label shown in tables.
    thickness : float or ndarray
        Thickness L [m].
    conductivity : float or ndarray, optional
        Constant conductivity [W/(m K)].
    material : Material, optional
        Registry material (k or k(T)).
    use_reference_conductivity : bool
        Take k at ``reference_temperature`` only.
    reference_temperature : float
        Temperature of that k [K].
    label : str
        Where the element came from, used in error messages (e.g. ``layer[2]``).
    """

    name: str
    thickness: Number
    conductivity: Number | None = None
    material: Material | None = None
    use_reference_conductivity: bool = False
    reference_temperature: float = 300.0
    label: str = field(default="", compare=False, repr=False)

    kind: ClassVar[str] = "conduction"
    is_interface: ClassVar[bool] = False

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "thickness",
            _scalar_or_array(require_positive(_field(self.label, self.name, "thickness"), self.thickness)),
        )
        if (self.conductivity is None) == (self.material is None):
            raise InputError(
                _field(self.label, self.name, "conductivity"),
                self.conductivity,
                "exactly one of a conductivity (W/(m K)) or a material name",
                problem="both given" if self.conductivity is not None else "neither given",
            )
        if self.conductivity is not None:
            object.__setattr__(
                self,
                "conductivity",
                _scalar_or_array(
                    require_positive(_field(self.label, self.name, "conductivity"), self.conductivity)
                ),
            )
        else:
            assert self.material is not None
            if self.material.conductivity is None and not self.material.has_conductivity_table:
                raise InputError(
                    _field(self.label, self.name, "material"),
                    self.material.key,
                    "a material with a thermal conductivity in the registry (or give conductivity)",
                    problem="this material has no conductivity",
                )
        require_positive(_field(self.label, self.name, "reference_temperature"), self.reference_temperature)

    @cached_property
    def kirchhoff(self) -> KirchhoffTransform | None:
        """The k(T) transform used, or None for a constant conductivity."""
        if self.material is None or self.use_reference_conductivity:
            return None
        if not self.material.has_conductivity_table:
            return None
        return KirchhoffTransform(self.material.conductivity_table)

    @property
    def temperature_dependent(self) -> bool:  # type: ignore[override]
        return self.kirchhoff is not None

    def reference_conductivity(self) -> Number:
        """k at the reference temperature (or the given constant k)."""
        if self.conductivity is not None:
            return self.conductivity
        assert self.material is not None
        if self.material.has_conductivity_table:
            return KirchhoffTransform(self.material.conductivity_table).conductivity(
                self.reference_temperature
            )
        return float(self.material.conductivity)  # type: ignore[arg-type]

    def mean_conductivity(self, t_hot: ArrayLike, t_cold: ArrayLike) -> Number:
        kt = self.kirchhoff
        if kt is None:
            return self.reference_conductivity()
        return kt.mean_conductivity(t_hot, t_cold)

    def area_resistance(self, t_hot: ArrayLike = 300.0, t_cold: ArrayLike = 300.0) -> Number:
        return _scalar_or_array(np.asarray(self.thickness) / np.asarray(self.mean_conductivity(t_hot, t_cold)))

    def resistance(self, area: ArrayLike, t_hot: ArrayLike, t_cold: ArrayLike) -> Number:
        return _scalar_or_array(np.asarray(self.area_resistance(t_hot, t_cold)) / np.asarray(area))

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "name": self.name, "thickness": self.thickness}
        if self.material is not None:
            out["material"] = self.material.key
        out["conductivity_at_reference"] = self.reference_conductivity()
        out["reference_temperature"] = self.reference_temperature
        out["k_of_T"] = self.temperature_dependent
        return out


@dataclass(frozen=True)
class ContactResistance:
    """A zero-thickness interface with a fixed resistance per area R''_t,c (m²K/W).

    ΔT = q''·R''_t,c (Bergman et al. 2011, eq. 3.20); equivalently a contact conductance h_c = 1/R''.

    Attributes
    ----------
    name : str
        Label shown in tables.
    resistance_area : float or ndarray
        R''_t,c [m² K/W].
    label : str
        Where the element came from, used in error messages.
    """

    name: str
    resistance_area: Number
    label: str = field(default="", compare=False, repr=False)

    kind: ClassVar[str] = "contact"
    is_interface: ClassVar[bool] = True
    temperature_dependent: ClassVar[bool] = False

    def __post_init__(self) -> None:
        value = require_nonnegative(
            _field(self.label, self.name, "resistance"), self.resistance_area, allow_inf=True
        )
        object.__setattr__(self, "resistance_area", _scalar_or_array(value))

    def resistance(self, area: ArrayLike, t_hot: ArrayLike, t_cold: ArrayLike) -> Number:
        return _scalar_or_array(np.asarray(self.resistance_area) / np.asarray(area))

    def describe(self) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.name, "resistance_area": self.resistance_area}


@dataclass(frozen=True)
class TIMLayer:
    """A thermal interface material (grease, paste, pad, solder, indium foil) drawn as an interface.

    R'' = BLT/k + R''_boundary (bond-line thickness over bulk conductivity plus the two TIM/substrate
    boundary resistances; Prasher, Proc. IEEE 94 (2006) 1571–1586, eq. 1), or a datasheet ``resistance_area``
    (m²K/W) taken as is. The bond line is thin compared with the layers, so the profile shows the TIM as a
    temperature jump at the interface plane.

    Attributes
    ----------
    name : str
        Label shown in tables.
    thickness : float or ndarray, optional
        Bond-line thickness BLT [m].
    conductivity : float or ndarray, optional
        Bulk conductivity [W/(m K)].
    material : Material, optional
        Registry material giving the conductivity.
    resistance_area : float or ndarray, optional
        Datasheet resistance per area [m² K/W], taken as is.
    boundary_resistance : float or ndarray
        Sum of the two TIM/substrate boundary resistances [m² K/W].
    label : str
        Where the element came from, used in error messages.
    """

    name: str
    thickness: Number | None = None
    conductivity: Number | None = None
    material: Material | None = None
    resistance_area: Number | None = None
    boundary_resistance: Number = 0.0
    label: str = field(default="", compare=False, repr=False)

    kind: ClassVar[str] = "tim"
    is_interface: ClassVar[bool] = True
    temperature_dependent: ClassVar[bool] = False

    def __post_init__(self) -> None:
        f = lambda prop: _field(self.label, self.name, prop)  # noqa: E731
        if self.resistance_area is not None:
            if self.thickness is not None or self.conductivity is not None or self.material is not None:
                raise InputError(
                    f("resistance"), self.resistance_area,
                    "either a datasheet resistance or a thickness with a conductivity/material",
                    problem="both forms given",
                )
            object.__setattr__(
                self, "resistance_area", _scalar_or_array(require_nonnegative(f("resistance"), self.resistance_area))
            )
        else:
            if self.thickness is None:
                raise InputError(
                    f("thickness"), None, "a bond-line thickness (e.g. '25 um') with a conductivity "
                    "or material, or a datasheet resistance", problem="missing",
                )
            object.__setattr__(self, "thickness", _scalar_or_array(require_positive(f("thickness"), self.thickness)))
            if (self.conductivity is None) == (self.material is None):
                raise InputError(
                    f("conductivity"), self.conductivity,
                    "exactly one of a conductivity (W/(m K)) or a material name",
                    problem="both given" if self.conductivity is not None else "neither given",
                )
            if self.conductivity is not None:
                object.__setattr__(
                    self, "conductivity", _scalar_or_array(require_positive(f("conductivity"), self.conductivity))
                )
            elif self.material is not None and self.material.conductivity is None and not self.material.has_conductivity_table:
                raise InputError(
                    f("material"), self.material.key, "a material with a conductivity",
                    problem="this material has no conductivity",
                )
        object.__setattr__(
            self, "boundary_resistance",
            _scalar_or_array(require_nonnegative(f("boundary_resistance"), self.boundary_resistance)),
        )

    def bulk_conductivity(self) -> Number | None:
        if self.conductivity is not None:
            return self.conductivity
        if self.material is not None:
            return _scalar_or_array(self.material.thermal_conductivity())
        return None

    def area_resistance(self) -> Number:
        if self.resistance_area is not None:
            base = np.asarray(self.resistance_area)
        else:
            base = np.asarray(self.thickness) / np.asarray(self.bulk_conductivity())
        return _scalar_or_array(base + np.asarray(self.boundary_resistance))

    def resistance(self, area: ArrayLike, t_hot: ArrayLike, t_cold: ArrayLike) -> Number:
        return _scalar_or_array(np.asarray(self.area_resistance()) / np.asarray(area))

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "name": self.name}
        if self.resistance_area is not None:
            out["datasheet_resistance_area"] = self.resistance_area
        else:
            out["bond_line_thickness"] = self.thickness
            out["conductivity"] = self.bulk_conductivity()
            if self.material is not None:
                out["material"] = self.material.key
        out["boundary_resistance"] = self.boundary_resistance
        out["resistance_area"] = self.area_resistance()
        return out


@dataclass(frozen=True)
class Convection:
    """Convection from a wall to a fluid: R = 1/(h·A) (K/W), Newton's law of cooling.

    ``area`` is the element's own wetted area (a finned heat sink's effective area η_o·A_t); without it the
    heat path's cross-section is used. Bergman et al. (2011) eq. 3.9 (and eq. 3.108 for finned arrays).

    Attributes
    ----------
    name : str
        Label shown in tables.
    h : float or ndarray
        Heat-transfer coefficient [W/(m² K)].
    area : float or ndarray, optional
        Wetted area [m²]; the heat path's cross-section by default.
    label : str
        Where the element came from, used in error messages.
    """

    name: str
    h: Number
    area: Number | None = None
    label: str = field(default="", compare=False, repr=False)

    kind: ClassVar[str] = "convection"
    is_interface: ClassVar[bool] = True
    temperature_dependent: ClassVar[bool] = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "h", _scalar_or_array(require_positive(_field(self.label, self.name, "h"), self.h)))
        if self.area is not None:
            object.__setattr__(
                self, "area", _scalar_or_array(require_positive(_field(self.label, self.name, "area"), self.area))
            )

    def resistance(self, area: ArrayLike, t_hot: ArrayLike, t_cold: ArrayLike) -> Number:
        wetted = np.asarray(self.area if self.area is not None else area)
        return _scalar_or_array(1.0 / (np.asarray(self.h) * wetted))

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "name": self.name, "h": self.h}
        if self.area is not None:
            out["area"] = self.area
        return out


@dataclass(frozen=True)
class FixedResistance:
    """A given resistance: absolute ``resistance`` (K/W) or per-area ``resistance_area`` (m²K/W).

    Use it for a datasheet junction-to-case resistance, a heat sink's R_th, a spreading resistance.

    Attributes
    ----------
    name : str
        Label shown in tables.
    resistance_abs : float or ndarray, optional
        Resistance [K/W].
    resistance_area : float or ndarray, optional
        Resistance per area [m² K/W].
    label : str
        Where the element came from, used in error messages.
    """

    name: str
    resistance_abs: Number | None = None
    resistance_area: Number | None = None
    label: str = field(default="", compare=False, repr=False)

    kind: ClassVar[str] = "resistor"
    is_interface: ClassVar[bool] = True
    temperature_dependent: ClassVar[bool] = False

    def __post_init__(self) -> None:
        f = _field(self.label, self.name, "resistance")
        if (self.resistance_abs is None) == (self.resistance_area is None):
            raise InputError(
                f, self.resistance_abs if self.resistance_abs is not None else self.resistance_area,
                "exactly one of an absolute resistance (K/W) or a per-area resistance (K m^2/W)",
            )
        if self.resistance_abs is not None:
            object.__setattr__(
                self, "resistance_abs", _scalar_or_array(require_nonnegative(f, self.resistance_abs, allow_inf=True))
            )
        else:
            object.__setattr__(
                self, "resistance_area", _scalar_or_array(require_nonnegative(f, self.resistance_area, allow_inf=True))
            )

    def resistance(self, area: ArrayLike, t_hot: ArrayLike, t_cold: ArrayLike) -> Number:
        if self.resistance_abs is not None:
            return self.resistance_abs
        return _scalar_or_array(np.asarray(self.resistance_area) / np.asarray(area))

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "name": self.name}
        if self.resistance_abs is not None:
            out["resistance"] = self.resistance_abs
        else:
            out["resistance_area"] = self.resistance_area
        return out
