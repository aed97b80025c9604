"""The gap integral far from the contacts (Y/σ up to 5000): the open path of exported tables lives there."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.integrate import quad

from tcrlab.conductance.gap import gap_integral


@pytest.mark.parametrize("mu", [1e-6, 0.05, 3.0])
@pytest.mark.parametrize("y", [8.6, 12.0, 30.0, 100.0, 667.0, 5000.0])
def test_gap_integral_far_from_contact_matches_adaptive_quadrature(y: float, mu: float) -> None:
    """I(y, μ) = (2π)^−½ ∫₀^∞ exp(−(y−u)²/2)/(u+μ) du against scipy's adaptive quadrature (1e-6), and its
    asymptote 1/(y + μ) for y ≫ 1 (Yovanovich, De Vaal & Hegazy, AIAA-82-0888, 1982)."""
    def f(u: float) -> float:
        return np.exp(-(y - u) ** 2 / 2) / (u + mu) / np.sqrt(2 * np.pi)

    a = max(0.0, y - 12.0)
    ref = quad(f, a, y + 12, epsabs=0, epsrel=1e-13, limit=200)[0]
    if a > 0:
        ref += quad(f, 0.0, a, epsabs=0, epsrel=1e-12, limit=200)[0]
    assert gap_integral(y, mu) == pytest.approx(ref, rel=1e-6)
    if y >= 100:
        assert gap_integral(y, mu) == pytest.approx(1 / (y + mu), rel=2e-4)
