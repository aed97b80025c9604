"""Interface conductance h_j for the FE interfaces: constant, tabulated h(T) or h(P), or a tcrlab
:class:`~tcrlab.joint.Joint` evaluated with the local interface temperature and contact pressure.

Each model has ``evaluate(temperature, position) -> h`` [W/(m² K)] with one value per interface cell
(``temperature`` [K]: the cell's mean of the two faces; ``position``: (n_cells, lateral dims) [m]) and a
``nonlinear`` flag telling the solver whether h depends on temperature (then it iterates).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from tcrlab.errors import InputError, ValidityWarning
from tcrlab.joint import Joint
from tcrlab.validation import require_positive

__all__ = ["BoltPressure", "ConstantConductance", "JointConductance", "TableConductance"]


@dataclass(frozen=True)
class ConstantConductance:
    """A uniform h_j [W/(m² K)]."""

    h: float
    nonlinear = False

    def __post_init__(self) -> None:
        require_positive("conductance", self.h)

    def evaluate(self, temperature: np.ndarray, position: np.ndarray) -> np.ndarray:
        return np.full(len(position), float(self.h))


@dataclass(frozen=True)
class TableConductance:
    """h_j by linear interpolation in a table of h against temperature [K] or contact pressure [Pa].

    Outside the table the end value is held and a :class:`~tcrlab.errors.ValidityWarning` is issued.
    ``pressure`` (for a pressure table) is a constant [Pa] or a callable of the lateral position.
    """

    variable: str
    points: tuple[float, ...]
    values: tuple[float, ...]
    pressure: float | Callable[..., Any] | None = None

    def __post_init__(self) -> None:
        if self.variable not in ("temperature", "pressure"):
            raise InputError("table.variable", self.variable, "temperature or pressure")
        x = np.asarray(self.points, dtype=float)
        y = np.asarray(self.values, dtype=float)
        if x.ndim != 1 or x.size < 2 or x.shape != y.shape:
            raise InputError(f"table.{self.variable}", list(self.points),
                             "at least two points and as many conductances")
        if not (np.all(np.diff(x) > 0) and np.all(np.isfinite(x))):
            raise InputError(f"table.{self.variable}", list(self.points), "strictly increasing finite values")
        require_positive("table.conductance", y)
        if self.variable == "pressure" and self.pressure is None:
            raise InputError("pressure", None, "a contact pressure (constant or field) for an h(P) table",
                             problem="missing")

    @property
    def nonlinear(self) -> bool:
        return self.variable == "temperature"

    def evaluate(self, temperature: np.ndarray, position: np.ndarray) -> np.ndarray:
        if self.variable == "temperature":
            arg = np.asarray(temperature, dtype=float)
        else:
            arg = pressure_at(self.pressure, position)
        x = np.asarray(self.points, dtype=float)
        if np.any(arg < x[0]) or np.any(arg > x[-1]):
            warnings.warn(f"interface h({self.variable}) table covers {x[0]:g}–{x[-1]:g}; holding the end "
                          "value outside it", ValidityWarning, stacklevel=2)
        return np.interp(arg, x, np.asarray(self.values, dtype=float))


def pressure_at(pressure: Any, position: np.ndarray) -> np.ndarray:
    """The contact pressure [Pa] at each position: a constant or a callable of the lateral coordinates."""
    if callable(pressure):
        p = np.asarray(pressure(*np.asarray(position).T), dtype=float)
        p = np.broadcast_to(p, (len(position),)).copy()
    else:
        p = np.full(len(position), float(pressure))
    require_positive("pressure (field)", p)
    return p


@dataclass(frozen=True)
class BoltPressure:
    """An illustrative bolted-joint pressure field [Pa]: a background pressure plus one Gaussian bump per
    bolt, each carrying ``force`` [N]: P = P₀ + Σ F/(2π s²) exp(−|x − xᵢ|²/(2 s²)) (3-D, and r–z with
    ``radial`` and the one bolt on the axis), or F/(√(2π) s · depth) exp(−(x − xᵢ)²/(2 s²)) in planar 2-D
    (a line of bolts along the depth).

    This is not a contact-mechanics solution; it stands for the measured or computed pressure maps that
    concentrate the load under bolt heads (the pressure cone of a bolted flange), so that a joint model can
    be evaluated point by point.
    """

    background: float
    bolts: tuple[tuple[float, ...], ...]
    force: float
    spread: float
    depth: float = 1.0
    radial: bool = False

    def __post_init__(self) -> None:
        if self.radial and any(abs(b[0]) > 0 for b in self.bolts):
            raise InputError("pressure.bolts", list(self.bolts), "one bolt on the axis ([0]) in an axisymmetric model")
        require_positive("pressure.background", self.background)
        require_positive("pressure.bolt_force", self.force)
        require_positive("pressure.spread", self.spread)

    def __call__(self, *coords: np.ndarray) -> np.ndarray:
        coords = tuple(np.asarray(c, dtype=float) for c in coords)
        p = np.full(np.shape(coords[0]), float(self.background))
        s2 = self.spread**2
        for bolt in self.bolts:
            if len(bolt) != len(coords):
                raise InputError("pressure.bolts", bolt, f"{len(coords)} coordinate(s) per bolt [m]")
            r2 = sum((c - b) ** 2 for c, b in zip(coords, bolt, strict=True))
            if len(coords) == 2 or self.radial:
                p = p + self.force / (2 * math.pi * s2) * np.exp(-r2 / (2 * s2))
            else:
                p = p + self.force / (math.sqrt(2 * math.pi) * self.spread * self.depth) * np.exp(-r2 / (2 * s2))
        return p


@dataclass(frozen=True)
class JointConductance:
    """h_j from a tcrlab :class:`~tcrlab.joint.Joint` at each interface cell's temperature and pressure.

    ``pressure``: a constant [Pa], a callable of the lateral coordinates [m] (e.g. :class:`BoltPressure`),
    or None to keep the joint's own pressure. Within one evaluation the joint is computed at
    ``temperature_samples`` temperatures spanning the cells' range and interpolated linearly in T (gas
    properties are then looked up a fixed number of times however fine the mesh); with a span below
    ``exact_span`` [K] it is evaluated at the mean temperature only.
    """

    joint: Joint
    pressure: float | Callable[..., Any] | None = None
    temperature_samples: int = 9
    exact_span: float = 1e-3
    nonlinear = True

    def evaluate(self, temperature: np.ndarray, position: np.ndarray) -> np.ndarray:
        t = np.asarray(temperature, dtype=float)
        p = (np.broadcast_to(np.asarray(self.joint.pressure, dtype=float), t.shape)
             if self.pressure is None else pressure_at(self.pressure, position))
        lo, hi = float(t.min()), float(t.max())
        if hi - lo <= self.exact_span:
            samples = np.array([0.5 * (lo + hi)])
        else:
            samples = np.linspace(lo, hi, max(2, int(self.temperature_samples)))
        j = replace(self.joint, pressure=p[None, :], temperature=samples[:, None], temperature2=None)
        h = np.asarray(j.evaluate().h_j, dtype=float)
        h = np.broadcast_to(h, (len(samples), len(p)))
        if len(samples) == 1:
            return np.array(h[0])
        # linear interpolation in T, cell by cell
        pos = np.clip((t - lo) / (hi - lo) * (len(samples) - 1), 0, len(samples) - 1)
        i0 = np.minimum(pos.astype(int), len(samples) - 2)
        w = pos - i0
        cols = np.arange(len(p))
        return (1 - w) * h[i0, cols] + w * h[i0 + 1, cols]


def interface_model(conductance: Any) -> Any:
    """Accept a number [W/(m² K)] as a :class:`ConstantConductance`."""
    if isinstance(conductance, int | float | np.floating):
        return ConstantConductance(float(conductance))
    if not hasattr(conductance, "evaluate"):
        raise InputError("interface.conductance", conductance,
                         "a number [W/(m² K)], ConstantConductance, TableConductance or JointConductance")
    return conductance
