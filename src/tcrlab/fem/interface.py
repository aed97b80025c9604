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
    """A uniform interface conductance.

    Attributes
    ----------
    h : float
        h_j [W/(m² K)], > 0.

    Examples
    --------
    >>> ConstantConductance(2e4).evaluate(np.array([300.0, 310.0]), np.zeros((2, 1)))
    array([20000., 20000.])
    """

    h: float
    nonlinear = False

    def __post_init__(self) -> None:
        require_positive("conductance", self.h)

    def evaluate(self, temperature: np.ndarray, position: np.ndarray) -> np.ndarray:
        """h_j [W/(m² K)] at every interface cell (``temperature`` [K] and ``position`` [m] unused)."""
        return np.full(len(position), float(self.h))


@dataclass(frozen=True)
class TableConductance:
    """h_j by linear interpolation in a table of h against temperature [K] or contact pressure [Pa].

    Outside the table the end value is held and a :class:`~tcrlab.errors.ValidityWarning` is issued.

    Attributes
    ----------
    variable : str
        ``"temperature"`` (h(T), T [K]: the solver iterates) or ``"pressure"`` (h(P), P [Pa]).
    points : tuple of float
        The table's temperatures [K] or pressures [Pa], strictly increasing (at least two).
    values : tuple of float
        h_j [W/(m² K)] at ``points``, > 0.
    pressure : float or callable or None
        For a pressure table: a constant contact pressure [Pa] or a callable of the lateral
        coordinates [m] (e.g. :class:`BoltPressure`).

    Examples
    --------
    >>> table = TableConductance("temperature", (300.0, 400.0), (1e4, 2e4))
    >>> table.evaluate(np.array([350.0]), np.zeros((1, 1)))
    array([15000.])
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
        """True for an h(T) table (h depends on the solution)."""
        return self.variable == "temperature"

    def evaluate(self, temperature: np.ndarray, position: np.ndarray) -> np.ndarray:
        """h_j [W/(m² K)] per cell at its mean interface ``temperature`` [K] or at the pressure at its
        ``position`` [m]."""
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

    Attributes
    ----------
    background : float
        Background pressure P₀ [Pa], > 0.
    bolts : tuple of tuple of float
        Bolt positions [m], one coordinate per lateral axis (r–z: the one bolt at ``(0,)``).
    force : float
        Force per bolt F [N], > 0.
    spread : float
        Standard deviation s of each bump [m], > 0.
    depth : float
        Depth [m] of a planar model (a line of bolts along it).
    radial : bool
        True in an axisymmetric model.

    Examples
    --------
    >>> p = BoltPressure(1e5, ((0.0, 0.0),), force=1e3, spread=0.005)
    >>> f"{float(p(np.array(0.0), np.array(0.0))):.4g}"  # P₀ + F/(2π s²) on the bolt
    '6.466e+06'
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
        """Pressure [Pa] at the lateral coordinates [m] (one array per axis, broadcast together)."""
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

    Attributes
    ----------
    joint : tcrlab.joint.Joint
        The joint model (surfaces, materials, gap); its temperature and pressure are replaced per cell.
    pressure : float or callable or None
        A constant contact pressure [Pa], a callable of the lateral coordinates [m], or None for the
        joint's own pressure.
    temperature_samples : int
        Temperatures at which the joint is evaluated across the cells' range (≥ 2).
    exact_span : float
        Temperature span [K] below which the joint is evaluated once, at the mean.
    """

    joint: Joint
    pressure: float | Callable[..., Any] | None = None
    temperature_samples: int = 9
    exact_span: float = 1e-3
    nonlinear = True

    def evaluate(self, temperature: np.ndarray, position: np.ndarray) -> np.ndarray:
        """h_j [W/(m² K)] per cell at its mean interface ``temperature`` [K] and the pressure at its
        ``position`` [m]."""
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
