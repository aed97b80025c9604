"""Temperature response to an arbitrary power profile by superposition of steps (Duhamel's principle).

A linear heat path's temperature rise under a piecewise-constant power P(t) (steps ΔP_j at times t_j) is
ΔT(t) = Σ_j ΔP_j · Zth(t − t_j) for t > t_j (Carslaw & Jaeger 1959, §1.14, Duhamel's theorem).

References
----------
H. S. Carslaw and J. C. Jaeger, *Conduction of Heat in Solids*, 2nd ed., Oxford (1959), §1.14.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.errors import InputError
from tcrlab.validation import require_finite, require_nonnegative

__all__ = ["power_profile_response"]


def power_profile_response(zth: Callable[[NDArray[np.float64]], NDArray[np.float64]], t: ArrayLike,
                           step_times: ArrayLike, powers: ArrayLike) -> NDArray[np.float64]:
    """Temperature rise [K] at times t under a piecewise-constant power profile.

    Parameters
    ----------
    zth : callable
        Zth(t) [K/W] of the heat path for an array of times [s] (≥ 0).
    t : array_like
        Output times [s].
    step_times : array_like
        Times [s] (increasing, ≥ 0) from which ``powers`` apply.
    powers : array_like
        Power [W] from each step time to the next (the last one holds on); zero before the first.

    Returns
    -------
    ndarray
        ΔT(t) [K].

    References
    ----------
    Carslaw & Jaeger (1959), §1.14.

    Examples
    --------
    >>> import numpy as np
    >>> z = lambda t: 1.0 - np.exp(-t)          # one RC cell, R = 1 K/W, τ = 1 s
    >>> float(power_profile_response(z, [1e9], [0.0, 1.0], [2.0, 0.0])[0])   # heated then off
    0.0
    """
    tt = require_nonnegative("t", t)
    ts = np.atleast_1d(require_nonnegative("step_times", step_times))
    p = np.atleast_1d(require_finite("powers", powers))
    if ts.shape != p.shape:
        raise InputError("powers", f"{p.size} values", f"one power per step time ({ts.size})")
    if np.any(np.diff(ts) <= 0):
        raise InputError("step_times", ts.tolist(), "strictly increasing times")
    dp = np.diff(np.concatenate([[0.0], p]))
    out = np.zeros(tt.shape)
    for tj, dpj in zip(ts, dp, strict=True):
        active = tt > tj
        if active.any() and dpj != 0:
            out[active] += dpj * np.asarray(zth(tt[active] - tj))
    return out
