"""Plastic asperity contact: the real contact area from a force balance at the hardness."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.errors import InputError
from tcrlab.validation import require_nonnegative, require_positive

__all__ = ["plastic_area_ratio"]


def plastic_area_ratio(pressure: ArrayLike, hardness: ArrayLike) -> NDArray[np.float64] | float:
    """Real-to-apparent contact area ratio of plastically deforming asperities: A_r/A_0 = p/H.

    Every contact spot yields and carries the (micro)hardness H, so the load p·A_0 = H·A_r.
    Bowden & Tabor, *The Friction and Lubrication of Solids*, Oxford (1950); Cooper, Mikic & Yovanovich,
    Int. J. Heat Mass Transfer 12 (1969) 279–300. Valid for 0 ≤ p < H (in practice p/H ≲ 0.1, beyond
    which neighbouring spots interact and the real area grows more slowly).

    Raises InputError for p < 0, H ≤ 0 or p ≥ H (the surfaces would be in full contact).
    """
    p = require_nonnegative("pressure", pressure)
    h = require_positive("hardness", hardness)
    p_b, h_b = np.broadcast_arrays(p, h)
    bad = p_b >= h_b
    if bad.any():
        i = np.flatnonzero(bad.ravel())[0]
        raise InputError(
            "pressure",
            float(p_b.ravel()[i]),
            f"0 <= pressure < hardness ({float(h_b.ravel()[i]):.4g} Pa)",
            problem="at or above the hardness the plastic model predicts full contact",
        )
    out = p_b / h_b
    return float(out) if np.ndim(out) == 0 else out
