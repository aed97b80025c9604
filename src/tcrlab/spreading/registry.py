"""The registry of spreading solutions: one entry per function (inputs, source, validity).

Case files, the ``tcrlab spread`` command and the docs' model table read it; adding a solution is one
tested function plus one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tcrlab.errors import InputError
from tcrlab.spreading.disk import (
    disk_resistance,
    disk_resistance_compound,
    disk_spreading,
    song_lee_au_resistance,
)
from tcrlab.spreading.halfspace import circle_halfspace_resistance
from tcrlab.spreading.rectangle import (
    rectangle_resistance,
    rectangle_resistance_compound,
    rectangle_spreading,
)
from tcrlab.spreading.sources import multiple_sources

__all__ = ["SOLUTIONS", "SpreadingSolution", "get_solution"]


@dataclass(frozen=True)
class SpreadingSolution:
    """One spreading-resistance solution: its function, inputs, reference temperature, source and validity.

    Attributes
    ----------
    name : str
        Registry name (``"disk"``, ``"rectangle"``...).
    function : callable
        The model function.
    inputs : tuple of str
        Its geometric and material inputs, in SI units.
    temperature : str
        Which source temperature the resistance refers to (mean, maximum).
    source : str
        The publication the solution comes from.
    validity : str
        Where the solution holds.
    """
    name: str
    function: Callable[..., Any]
    inputs: tuple[str, ...]
    temperature: str  # which source temperature the resistance refers to
    source: str
    validity: str


_YCT = "Yovanovich, Culham & Teertstra, IEEE Trans. CPMT-A 21(1) (1998) 168–176"
_MCY = "Muzychka, Culham & Yovanovich, J. Electronic Packaging 125(2) (2003) 178–185"
_MYC = "Muzychka, Yovanovich & Culham, J. Thermophysics Heat Transfer 18(1) (2004) 45–51"

SOLUTIONS: dict[str, SpreadingSolution] = {s.name: s for s in (
    SpreadingSolution("circle-halfspace", circle_halfspace_resistance, ("a", "k"), "mean or centroid",
                      "Carslaw & Jaeger (1959); " + _YCT, "exact; a > 0"),
    SpreadingSolution("disk", disk_resistance, ("a", "b", "t", "k", "h"), "mean",
                      _YCT, "exact series; 0 < a <= b, t > 0, h > 0 (inf: isothermal)"),
    SpreadingSolution("disk-compound", disk_resistance_compound, ("a", "b", "t1", "k1", "t2", "k2", "h"), "mean",
                      _YCT + "; " + _MYC, "exact series; two bonded layers"),
    SpreadingSolution("disk-layers", disk_spreading, ("a", "b", "layers", "h"), "mean",
                      _YCT + "; " + _MYC, "exact series; any number of bonded layers, with truncation error"),
    SpreadingSolution("song-lee-au", song_lee_au_resistance, ("a", "b", "t", "k", "h"), "maximum (centre)",
                      "Song, Lee & Au, Proc. IEPS (1994) 111–121; Lee, Song, Au & Moran, ASME/JSME TEC (1995)",
                      "closed-form fit; accuracy measured against the series in docs/spreading.md"),
    SpreadingSolution("rectangle", rectangle_resistance,
                      ("source_length", "source_width", "plate_length", "plate_width", "t", "k", "h", "xc", "yc"),
                      "mean", _MCY, "exact series; source inside the plate, centred or eccentric"),
    SpreadingSolution("rectangle-compound", rectangle_resistance_compound,
                      ("source_length", "source_width", "plate_length", "plate_width", "t1", "k1", "t2", "k2", "h",
                       "xc", "yc"), "mean", _MCY + "; " + _MYC, "exact series; two bonded layers"),
    SpreadingSolution("rectangle-layers", rectangle_spreading,
                      ("source_length", "source_width", "plate_length", "plate_width", "layers", "h", "xc", "yc"),
                      "mean", _MCY + "; " + _MYC, "exact series; any number of bonded layers, with truncation error"),
    SpreadingSolution("multiple-sources", multiple_sources, ("sources", "plate_length", "plate_width", "layers", "h"),
                      "mean and maximum of each source", _MCY, "superposition of the eccentric-source series"),
)}


def get_solution(name: str) -> SpreadingSolution:
    """The registry entry ``name`` (InputError listing the valid names otherwise).

    Parameters
    ----------
    name : str
        Solution name; case and ``_``/``-`` do not matter.

    Returns
    -------
    SpreadingSolution
        The entry.

    Examples
    --------
    >>> s = get_solution("Disk")
    >>> s.inputs, s.temperature
    (('a', 'b', 't', 'k', 'h'), 'mean')
    """
    key = str(name).strip().lower().replace("_", "-")
    if key not in SOLUTIONS:
        raise InputError("solution", name, "one of: " + ", ".join(SOLUTIONS))
    return SOLUTIONS[key]
