"""Impedance versus thickness: apparent conductivity (slope) and contact resistance (intercept).

ASTM D5470-17 §10 (ASTM International): for specimens of one material at several thicknesses,
Z(t) = R_contact + t / k_app; a straight-line fit gives the apparent conductivity k_app = 1/slope and
the sum of the two contact resistances as the intercept. The fit is weighted by the impedances'
standard uncertainties (parameter covariance (XᵀWX)⁻¹, Type B) or, without them, ordinary least squares
with s² = RSS/(n−2) (Type A; needs ≥ 3 thicknesses).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike
from scipy import stats

from tcrlab.errors import InputError
from tcrlab.validation import require_finite, require_positive

__all__ = ["ThicknessSeriesResult", "impedance_vs_thickness"]


@dataclass(frozen=True)
class ThicknessSeriesResult:
    """Z = intercept + slope·t; k_app = 1/slope; 95 % intervals use ``coverage_factor``."""

    thickness: np.ndarray
    impedance: np.ndarray
    u_impedance: np.ndarray | None
    intercept: float  # K·m²/W: sum of the contact resistances
    u_intercept: float
    slope: float  # K·m/W = 1/k_app
    u_slope: float
    covariance: float
    dof: float
    coverage_factor: float
    residuals: np.ndarray
    chi2_reduced: float

    @property
    def conductivity(self) -> float:
        """Apparent conductivity k_app = 1/slope, W/(m·K)."""
        return 1.0 / self.slope

    @property
    def u_conductivity(self) -> float:
        return self.u_slope / self.slope**2

    def to_dict(self) -> dict[str, Any]:
        return {
            "contact_resistance": self.intercept, "u_contact_resistance": self.u_intercept,
            "apparent_conductivity": self.conductivity, "u_apparent_conductivity": self.u_conductivity,
            "slope": self.slope, "u_slope": self.u_slope, "covariance": self.covariance,
            "dof": self.dof, "coverage_factor_95": self.coverage_factor, "chi2_reduced": self.chi2_reduced,
            "thickness": self.thickness, "impedance": self.impedance, "residuals": self.residuals,
        }


def impedance_vs_thickness(
    thickness: ArrayLike, impedance: ArrayLike, u_impedance: ArrayLike | None = None
) -> ThicknessSeriesResult:
    """Straight-line fit of impedance (K·m²/W) against sample thickness (m)."""
    t = require_positive("thickness", thickness).ravel()
    z = require_finite("impedance", impedance).ravel()
    if t.size != z.size:
        raise InputError("impedance", z.size, f"one value per thickness ({t.size})")
    if np.unique(t).size < 2:
        raise InputError("thickness", t.tolist(), "at least two different thicknesses")
    if np.unique(t).size < 3:
        warnings.warn("impedance vs thickness from only two thicknesses: no check of linearity "
                      "(ASTM D5470 recommends three or more)", UserWarning, stacklevel=2)
    design = np.column_stack([np.ones_like(t), t])
    if u_impedance is not None:
        u = require_positive("u_impedance", u_impedance).ravel()
        if u.size != t.size:
            raise InputError("u_impedance", u.size, f"one value per thickness ({t.size})")
        w = 1.0 / u**2
        cov = np.linalg.inv(design.T @ (design * w[:, None]))
        coef = cov @ (design.T @ (w * z))
        resid = z - design @ coef
        dof = np.inf
        chi2 = float(np.sum(w * resid**2) / max(t.size - 2, 1))
    else:
        if t.size < 3:
            raise InputError("thickness", t.tolist(), ">= 3 points when the impedances have no uncertainty")
        u = None
        coef, *_ = np.linalg.lstsq(design, z, rcond=None)
        resid = z - design @ coef
        s2 = float(resid @ resid) / (t.size - 2)
        cov = s2 * np.linalg.inv(design.T @ design)
        dof = float(t.size - 2)
        chi2 = 1.0
    if coef[1] <= 0:
        raise InputError("impedance", z.tolist(), "impedances that grow with thickness",
                         problem=f"fitted slope {coef[1]:.3g} K·m/W is not positive")
    kcov = float(stats.t.ppf(0.975, dof)) if np.isfinite(dof) else float(stats.norm.ppf(0.975))
    return ThicknessSeriesResult(
        t, z, u, float(coef[0]), float(np.sqrt(cov[0, 0])), float(coef[1]), float(np.sqrt(cov[1, 1])),
        float(cov[0, 1]), dof, kcov, resid, chi2,
    )
