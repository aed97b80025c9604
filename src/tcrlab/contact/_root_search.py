"""Root search for the approach that carries a load: the mean pressure p̄(c) of a
displacement-controlled contact is continuous and monotone in the approach, so the load-controlled
problem is a scalar root of p̄(c) − p̄_target. Used by the elastic–plastic path when its one
load-controlled solve cannot finish."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

__all__ = ["load_root"]


class _Found(Exception):
    """Raised inside the search as soon as a trial meets the tolerance (no further evaluation)."""


def load_root(excess: Callable[[float], float], c: float, slope: float, close: float,
              budget: Callable[[], bool]) -> tuple[float, float, bool]:
    """Root of the load excess f(c) = p̄(c) − p̄_target (f falls as c rises).

    Secant steps bracket the root, then Brent's method (scipy.optimize.brentq) finds it; stops as
    soon as |f| ≤ ``close``.

    Parameters
    ----------
    excess : callable
        f(c), normalised pressure excess at the rigid shift c.
    c : float
        Starting shift.
    slope : float
        Guess of −df/dc (> 0).
    close : float
        Accepted |f|.
    budget : callable
        False once no more evaluations may be made.

    Returns
    -------
    tuple
        (c, last secant slope, found).
    """
    from scipy.optimize import brentq

    def f(x: float) -> float:
        value = excess(x)
        if abs(value) <= close:
            raise _Found(x)
        return value

    try:
        # secant steps from c — the first with the stiffness guess — until f changes sign (on the
        # convex p̄(δ) an extrapolation from below overshoots; 10 % more makes sure)
        c_a, f_a = c, f(c)
        c_b = c_a + 1.1 * f_a / slope
        f_b = f(c_b)
        while (f_a < 0) == (f_b < 0):
            if not budget():
                return c_b, slope, False
            secant = (f_a - f_b) / (c_b - c_a)
            slope = secant if secant > 0 else slope
            step = 1.1 * f_b / secant if secant > 0 else 2 * (c_b - c_a)
            c_a, f_a = c_b, f_b
            c_b = c_a + step
            f_b = f(c_b)
        slope = (f_a - f_b) / (c_b - c_a)
        root = brentq(f, min(c_a, c_b), max(c_a, c_b), xtol=close / slope, rtol=4 * np.finfo(float).eps,
                      maxiter=200)
        excess(root)
        return root, slope, True  # Brent's bracket is below xtol: the load is within `close`
    except _Found as found:
        return found.args[0], slope, True
