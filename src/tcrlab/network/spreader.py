"""The spreading part of a heat path: a small source on a wider, possibly layered plate.

A 1-D heat path pushes the source's whole flux through the source's footprint at every depth. On a real
base plate the heat spreads; the exact answer for an isoflux source on a plate with adiabatic edges and a
uniform sink coefficient is R_s + (Σt_i/k_i + 1/h)/A_plate (the series of :mod:`tcrlab.spreading`). In a
circuit the 1-D part is carried by ordinary layers at the plate's area; this element adds R_s, so the
result table names the spreading share on its own row.

With a material whose conductivity depends on temperature, R_s uses k at the mean of this element's two
face temperatures (the 1-D layers beside it use the exact Kirchhoff transform); R_s depends on the
conductivity ratios and k only, so this is the usual constant-property spreading model at the local
temperature.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
from numpy.typing import ArrayLike

from tcrlab._arrays import scalar_or_array
from tcrlab.errors import InputError
from tcrlab.network.elements import ConductionLayer, Number
from tcrlab.spreading.disk import disk_spreading
from tcrlab.spreading.rectangle import check_rectangle, rectangle_spreading
from tcrlab.validation import require_positive

__all__ = ["SpreadingResistance"]

SHAPES = ("rectangle", "disk")


@dataclass(frozen=True)
class SpreadingResistance:
    """R_s [K/W] of an isoflux source on a layered plate (rectangle on rectangle, or disk on disk).

    Parameters
    ----------
    name : row label.
    shape : "rectangle" (source and plate given as (length, width) [m]) or "disk" (diameters [m]).
    source, plate : sizes [m]; the source lies inside the plate.
    layers : the plate's :class:`ConductionLayer` s from the heated face down (their k, constant or k(T)).
    h : sink heat-transfer coefficient on the far face [W/(m² K)]; ``inf``: isothermal.
    position : source centre (x, y) [m] from the plate corner (rectangles; default: centred).
    rtol : tolerance of the series.

    References: Yovanovich, Culham & Teertstra (1998); Muzychka, Culham & Yovanovich (2003) — see
    :mod:`tcrlab.spreading`.
    """

    name: str
    shape: str
    source: tuple[Any, ...]
    plate: tuple[Any, ...]
    layers: tuple[ConductionLayer, ...]
    h: Number = math.inf
    position: tuple[Any, Any] | None = None
    rtol: float = 1e-4
    label: str = field(default="", compare=False, repr=False)

    kind: ClassVar[str] = "spreading"
    is_interface: ClassVar[bool] = True

    def __post_init__(self) -> None:
        where = self.label or self.name
        if self.shape not in SHAPES:
            raise InputError(f"{where}.shape", self.shape, "one of: " + ", ".join(SHAPES))
        n = 2 if self.shape == "rectangle" else 1
        for what, value in (("source", self.source), ("plate", self.plate)):
            if not isinstance(value, tuple) or len(value) != n:
                raise InputError(f"{where}.{what}", value, "(length, width) in m" if n == 2 else "(diameter,) in m")
        if not self.layers:
            raise InputError(f"{where}.plate_layer", [], "at least one plate layer (material and thickness)")
        object.__setattr__(self, "h", scalar_or_array(require_positive(f"{where}.h", self.h, allow_inf=True)))
        if self.shape == "rectangle":
            xc, yc = self.position if self.position is not None else (None, None)
            check_rectangle(*self.source, *self.plate, xc, yc,
                            names=(f"{where}.source[1]", f"{where}.source[2]", f"{where}.plate[1]", f"{where}.plate[2]"))
        else:
            if self.position is not None:
                raise InputError(f"{where}.source_position", self.position, "no position: a disk source is centred")
            s = require_positive(f"{where}.source", self.source[0])
            p = require_positive(f"{where}.plate", self.plate[0])
            if np.any(s > p):
                raise InputError(f"{where}.source", float(np.max(s)), f"<= the plate diameter {float(np.min(p)):g} m",
                                 problem="the source is larger than the plate")

    @property
    def temperature_dependent(self) -> bool:  # type: ignore[override]
        return any(layer.temperature_dependent for layer in self.layers)

    @property
    def plate_area(self) -> Number:
        if self.shape == "rectangle":
            return scalar_or_array(np.asarray(self.plate[0]) * np.asarray(self.plate[1]))
        return scalar_or_array(np.pi * np.asarray(self.plate[0]) ** 2 / 4.0)

    @property
    def source_area(self) -> Number:
        if self.shape == "rectangle":
            return scalar_or_array(np.asarray(self.source[0]) * np.asarray(self.source[1]))
        return scalar_or_array(np.pi * np.asarray(self.source[0]) ** 2 / 4.0)

    def _spec(self, t_mean: ArrayLike) -> list[tuple[Any, Any]]:
        out = []
        for layer in self.layers:
            k = layer.mean_conductivity(t_mean, t_mean) if layer.temperature_dependent else layer.reference_conductivity()
            out.append((layer.thickness, k))
        return out

    def evaluate(self, t_hot: ArrayLike = 300.0, t_cold: ArrayLike = 300.0) -> Any:
        """The :class:`tcrlab.spreading.SpreadingResult` at the given face temperatures [K]."""
        t_mean = 0.5 * (np.asarray(t_hot, dtype=float) + np.asarray(t_cold, dtype=float))
        spec = self._spec(t_mean)
        if self.shape == "rectangle":
            xc, yc = self.position if self.position is not None else (None, None)
            return rectangle_spreading(*self.source, *self.plate, spec, self.h, xc=xc, yc=yc, rtol=self.rtol)
        return disk_spreading(np.asarray(self.source[0]) / 2, np.asarray(self.plate[0]) / 2, spec, self.h,
                              rtol=self.rtol)

    def resistance(self, area: ArrayLike, t_hot: ArrayLike, t_cold: ArrayLike) -> Number:
        """R_s [K/W]; an absolute resistance (``area`` is not used)."""
        return self.evaluate(t_hot, t_cold).spreading

    def describe(self) -> dict[str, Any]:
        r = self.evaluate()
        out: dict[str, Any] = {
            "kind": self.kind, "name": self.name, "shape": self.shape, "source": self.source,
            "plate": self.plate, "source_area": self.source_area, "plate_area": self.plate_area,
            "layers": [{"name": la.name, "thickness": la.thickness, "conductivity_at_reference":
                        la.reference_conductivity()} for la in self.layers],
            "h": self.h, "R_spreading_at_reference": r.spreading, "R_1d_at_reference": r.one_d,
            "truncation_error": r.truncation_error,
        }
        if self.position is not None:
            out["position"] = self.position
        return out
