"""The contract every heat-path element meets (layers, contacts, TIMs, convection, joints, Kapitza).

An element sits between two nodes of a thermal circuit. Its resistance may depend on the temperatures of
its two faces (k(T) of a layer, gas properties in a joint's gap, the T³ law of a Kapitza interface); the
circuit solver then iterates to self-consistency.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

__all__ = ["Element"]


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
