"""Pieces shared by the contact solver's conjugate-gradient iterations: their result, the
Fletcher–Reeves β with its restart rule, the stall watch and the diagonal of the compliance."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from tcrlab.contact._fft import Convolver

__all__ = ["Solution", "StallWatch", "cg_beta", "self_compliance"]


class Solution(NamedTuple):
    """A stage's answer in normalised units (heights in h_rms, pressures in E' · h_rms / length).

    ``u`` is K p for ``p`` (None when a polish hands over and its u is not needed), ``c`` the rigid
    shift (minus the approach), ``history`` the residual of every iteration, ``converged`` whether
    the stopping rule was met.

    Attributes
    ----------
    p : ndarray
        Pressure, normalised as p / (E' h_rms) [1/m].
    u : ndarray or None
        Surface displacement K p in units of h_rms [-] (None when not needed).
    c : float
        Rigid shift (minus the approach) in units of h_rms [-].
    history : list of float
        Residual of every iteration [-].
    converged : bool
        Whether the stopping rule was met.
    """

    p: NDArray
    u: NDArray | None
    c: float
    history: list[float]
    converged: bool


class StallWatch:
    """Watches a residual for lack of progress: stalled once it is below ``below`` and has not
    fallen by 10 % for ``window`` iterations — a float32 iteration at its round-off floor, or (any
    level, window ``precond_give_up``) a preconditioned iteration that should go on without it.

    Parameters
    ----------
    below : float
        Residual under which a stall counts [-] (inf: at any level).
    window : int
        Iterations without a 10 % fall that make a stall.
    """

    def __init__(self, below: float = np.inf, window: int = 25) -> None:
        self.below = below
        self.window = window
        self.best = np.inf
        self.best_at = 0
        self.count = 0

    def stalled(self, err: float) -> bool:
        """Record this iteration's residual and say whether the iteration has stalled.

        Parameters
        ----------
        err : float
            The residual of this iteration [-].

        Returns
        -------
        bool
            True once the best residual is below ``below`` and has not fallen by 10 % for more
            than ``window`` iterations.
        """
        self.count += 1
        if err < 0.9 * self.best:
            self.best, self.best_at = err, self.count
            return False
        return self.best < self.below and self.count - self.best_at > self.window


def cg_beta(restart: bool, g_new: float, g_old: float, beta_restart: float) -> float:
    """Fletcher–Reeves β = g_new / g_old; 0 (a restart) when asked, without history, or above
    ``beta_restart`` (a direction built with a huge β after a join never recovers).

    Parameters
    ----------
    restart : bool
        Restart the iteration (β = 0).
    g_new : float
        Squared residual norm of this iteration [-].
    g_old : float
        Squared residual norm of the previous iteration [-] (≤ 0: no history).
    beta_restart : float
        Largest β kept [-].

    Returns
    -------
    float
        β [-].
    """
    if restart or g_old <= 0:
        return 0.0
    beta = g_new / g_old
    return 0.0 if beta > beta_restart else beta


def self_compliance(conv: Convolver) -> float:
    """Displacement at a point under a unit pressure on that point alone (the diagonal K_ii of the
    compliance), in the convolver's units; the convolver's input buffer is overwritten.

    Parameters
    ----------
    conv : Convolver
        The compliance convolver of the grid.

    Returns
    -------
    float
        K_ii (the same at every point: the kernel is translation invariant).
    """
    buf = conv.input_buffer()
    buf[...] = 0.0
    buf[0, 0] = 1.0
    return float(conv.apply(buf)[0][0, 0])
