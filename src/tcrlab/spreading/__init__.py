"""Closed-form (series) spreading resistances: circular and rectangular sources on layered plates.

Every resistance refers to the source's mean temperature unless its name says otherwise and is the
*spreading part* only: the total from the source to the sink adds the plate's 1-D resistance
(Σ t_i/k_i + 1/h)/A_plate. See docs/spreading.md for the models, sources and validation.
"""

from tcrlab.spreading.disk import (
    disk_resistance,
    disk_resistance_compound,
    disk_spreading,
    song_lee_au_resistance,
)
from tcrlab.spreading.halfspace import circle_halfspace_resistance
from tcrlab.spreading.layers import mode_impedance
from tcrlab.spreading.rectangle import (
    rectangle_resistance,
    rectangle_resistance_compound,
    rectangle_spreading,
)
from tcrlab.spreading.registry import SOLUTIONS, SpreadingSolution, get_solution
from tcrlab.spreading.result import SpreadingResult
from tcrlab.spreading.sources import MultiSourceResult, RectSource, multiple_sources

__all__ = [
    "SOLUTIONS",
    "MultiSourceResult",
    "RectSource",
    "SpreadingResult",
    "SpreadingSolution",
    "circle_halfspace_resistance",
    "disk_resistance",
    "disk_resistance_compound",
    "disk_spreading",
    "get_solution",
    "mode_impedance",
    "multiple_sources",
    "rectangle_resistance",
    "rectangle_resistance_compound",
    "rectangle_spreading",
    "song_lee_au_resistance",
]
