"""The description of a 1-D heat path: a :class:`Stack` of elements and parallel groups, and its boundary.

A :class:`Stack` is the 1-D heat path of an electronic package or a test column: elements in series from
the hot end (where the heat enters, or a fixed hot temperature) to a sink at a fixed temperature, with
:class:`ParallelGroup` s of series :class:`Branch` es (a die attach with voids; heat leaving both through
the heat sink and through the board, each branch possibly ending at its own fixed temperature). These
classes check their inputs when built; :mod:`tcrlab.network.solver` solves them.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
from numpy.typing import NDArray

from tcrlab._arrays import scalar_or_array as _out
from tcrlab.errors import InputError, ValidityWarning
from tcrlab.network.elements import Element
from tcrlab.validation import require_in_range, require_positive, warn_unit_slip

if TYPE_CHECKING:
    from tcrlab.network.results import StackResult

__all__ = ["Boundary", "Branch", "ParallelGroup", "Stack"]

Number = float | NDArray[np.float64]


@dataclass(frozen=True)
class Branch:
    """A series branch of a :class:`ParallelGroup`.

    Its cross-section is ``area`` (m²), or ``area_fraction`` × the path's area, or (default) the whole
    path area. With ``sink_temperature`` (K) the branch ends at its own fixed temperature instead of
    rejoining the main path.

    Attributes
    ----------
    items : tuple
        Elements (or nested groups) in series along the branch.
    name : str
        Label.
    area : float, optional
        Cross-section [m²].
    area_fraction : float, optional
        Cross-section as a fraction of the path's area [-].
    sink_temperature : float, optional
        Fixed end temperature [K].
    """

    items: tuple[Any, ...]
    name: str = ""
    area: Number | None = None
    area_fraction: Number | None = None
    sink_temperature: Number | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))
        label = self.name or "branch"
        if not self.items:
            raise InputError(f"{label}.layer", [], "at least one element in every branch")
        if self.area is not None and self.area_fraction is not None:
            raise InputError(f"{label}.area", self.area, "either area or area_fraction, not both")
        if self.area is not None:
            object.__setattr__(self, "area", _out(require_positive(f"{label}.area", self.area)))
        if self.area_fraction is not None:
            frac = require_in_range(
                f"{label}.area_fraction", self.area_fraction, 0.0, 1.0, low_inclusive=False
            )
            object.__setattr__(self, "area_fraction", _out(frac))
        if self.sink_temperature is not None:
            t = require_positive(f"{label}.sink_temperature", self.sink_temperature)
            object.__setattr__(self, "sink_temperature", _out(t))


@dataclass(frozen=True)
class ParallelGroup:
    """Series branches side by side between the same upstream node and (unless they end at their own
    sinks) the same downstream node: 1/R = Σ 1/R_branch for rejoining branches.

    Attributes
    ----------
    name : str
        Label.
    branches : tuple of Branch
        The branches.
    """

    name: str
    branches: tuple[Branch, ...]

    kind: ClassVar[str] = "parallel"

    def __post_init__(self) -> None:
        object.__setattr__(self, "branches", tuple(self.branches))
        if len(self.branches) < 1:
            raise InputError(f"{self.name}.branch", [], "at least one branch")


@dataclass(frozen=True)
class Boundary:
    """Boundary conditions of a stack.

    Give the heat input as ``power`` (W, over the stack's area) or ``heat_flux`` (W/m²), or fix the hot
    end at ``hot_temperature`` (K). ``sink_temperature`` (K) fixes the cold end of the main path (ambient,
    coolant); branches may add their own fixed temperatures. All values are SI: temperatures in kelvin
    (25 °C is 298.15 K; ``tcrlab.units.parse_quantity("25 degC", "temperature")`` converts).

    A negative heat input, or a hot end colder than the sink, is solved as given (heat then flows from
    the sink towards the hot end) with a ValidityWarning. With ``unit_checks`` (default) a temperature
    below 200 K or above 5000 K warns as a likely unit slip (°C given as K); cryogenic paths built in
    Python pass ``unit_checks=False``; case files, whose values carry units, do so.

    Attributes
    ----------
    power : float, optional
        Heat input over the stack's area [W].
    heat_flux : float, optional
        Heat input per area [W/m²].
    hot_temperature : float, optional
        Fixed hot-end temperature [K].
    sink_temperature : float, optional
        Fixed cold-end temperature of the main path [K].
    unit_checks : bool
        Warn on temperatures below 200 K or above 5000 K (a likely °C/K slip).
    """

    power: Number | None = None
    heat_flux: Number | None = None
    hot_temperature: Number | None = None
    sink_temperature: Number | None = None
    unit_checks: bool = field(default=True, compare=False, repr=False)

    def __post_init__(self) -> None:
        given = [n for n in ("power", "heat_flux", "hot_temperature") if getattr(self, n) is not None]
        if len(given) != 1:
            raise InputError(
                "boundary",
                ", ".join(given) or "nothing",
                "exactly one of power, heat_flux or hot_temperature at the hot end",
                problem="over-specified" if given else "no heat input or hot temperature",
            )
        for name in ("power", "heat_flux"):
            value = getattr(self, name)
            if value is not None:
                arr = np.asarray(value, dtype=float)
                if not np.all(np.isfinite(arr)):
                    raise InputError(f"boundary.{name}", value, "a finite number")
                object.__setattr__(self, name, _out(arr))
        for name in ("hot_temperature", "sink_temperature"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, _out(require_positive(f"boundary.{name}", value)))
                if self.unit_checks:
                    warn_unit_slip(f"boundary.{name}", value, 200.0, 5000.0, unit="K",
                                   hint="25 °C is 298.15 K (a cryogenic path: pass unit_checks=False)",
                                   stacklevel=4)
        for name in ("power", "heat_flux"):
            value = getattr(self, name)
            if value is not None and np.any(np.asarray(value) < 0):
                warnings.warn(f"boundary.{name} < 0: heat flows from the sink into the hot end (a heat load "
                              "is positive)", ValidityWarning, stacklevel=4)
        if self.hot_temperature is not None and self.sink_temperature is not None and np.any(
                np.asarray(self.hot_temperature) < np.asarray(self.sink_temperature)):
            warnings.warn("boundary.hot_temperature is below boundary.sink_temperature: heat flows from the "
                          "sink into the hot end", ValidityWarning, stacklevel=4)



@dataclass(frozen=True)
class Stack:
    """A 1-D heat path: ``items`` (elements or :class:`ParallelGroup`) in series from the hot end.

    ``area`` (m²) is the cross-section the heat input and the per-area resistances refer to.

    Attributes
    ----------
    items : tuple
        Elements or :class:`ParallelGroup` in series from the hot end.
    area : float
        Cross-section [m²].
    boundary : Boundary
        Boundary conditions.
    name : str
        Label.
    """

    items: tuple[Any, ...]
    area: Number
    boundary: Boundary
    name: str = "stack"

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))
        object.__setattr__(self, "area", _out(require_positive("area", self.area)))
        if not self.items:
            raise InputError("layer", [], "at least one layer in the stack")
        names: set[str] = set()

        def check(items: Sequence[Any]) -> None:
            for item in items:
                if isinstance(item, ParallelGroup):
                    check_name(item.name)
                    for br in item.branches:
                        check(br.items)
                else:
                    if not isinstance(item, Element):
                        raise InputError("layer", repr(item), "a heat-path element (see tcrlab.network)")
                    check_name(item.name)

        def check_name(name: str) -> None:
            if name in names:
                raise InputError("name", name, "a unique name for every layer", problem="used twice")
            names.add(name)

        check(self.items)

    def solve(self, *, tolerance: float = 1e-6, max_iterations: int = 100, profile_points: int = 41) -> StackResult:
        # imported here: the solver builds on these classes, so the module cannot import it at the top
        from tcrlab.network.solver import solve_stack

        return solve_stack(self, tolerance=tolerance, max_iterations=max_iterations, profile_points=profile_points)
