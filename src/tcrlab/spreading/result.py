"""The result of a truncated series: value, estimated truncation error and the number of terms kept."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["SpreadingResult"]


@dataclass(frozen=True)
class SpreadingResult:
    """A spreading resistance with its 1-D part and its truncation error (SI; arrays broadcast).

    Attributes
    ----------
    spreading : R_s [K/W], the spreading (constriction) part on the mean source temperature.
    one_d : Σ t_i/(k_i A_plate) + 1/(h A_plate) [K/W], the plate's 1-D resistance.
    truncation_error : estimated size of the omitted series terms [K/W]. Every term of these series is
        ≥ 0, so ``spreading`` is a lower bound and the true value lies within about this much above it.
    terms : modes kept per geometry (Bessel modes for a disk; m × n Fourier modes for a rectangle).
    converged : whether the requested relative tolerance was met (False only at the term cap).
    """

    spreading: Any
    one_d: Any
    truncation_error: Any
    terms: Any
    converged: Any
    solution: str = ""

    @property
    def total(self) -> Any:
        """R_s + the 1-D part [K/W]: source mean temperature above the sink per watt."""
        return np.asarray(self.spreading) + np.asarray(self.one_d) if np.ndim(self.spreading) else \
            float(self.spreading) + float(self.one_d)

    def to_dict(self) -> dict[str, Any]:
        return {"solution": self.solution, "R_spreading_K_per_W": self.spreading, "R_1d_K_per_W": self.one_d,
                "R_total_K_per_W": self.total, "truncation_error_K_per_W": self.truncation_error,
                "terms": self.terms, "converged": self.converged}


def out(x: NDArray[Any], shape: tuple[int, ...]) -> Any:
    """Reshape a flat batch result to ``shape``; a Python scalar for a 0-d shape."""
    a = np.asarray(x).reshape(shape)
    return a.item() if a.ndim == 0 else a
