"""Impedance versus thickness: apparent conductivity (slope) and contact resistance (intercept).

ASTM D5470-17 §10 (ASTM International): for specimens of one material at several thicknesses,
Z(t) = R_contact + t / k_app; a straight-line fit gives the apparent conductivity k_app = 1/slope and
the sum of the two contact resistances as the intercept. The fit is weighted by the impedances'
standard uncertainties (parameter covariance (XᵀWX)⁻¹, Type B) or, without them, ordinary least squares
with s² = RSS/(n−2) (Type A; needs ≥ 3 thicknesses).

Correlated terms (GUM, JCGM 100:2008 §5.2): the reference bars' conductivities and the hot/cold flux
mismatch are the same for every run of a rig, so their contributions to the impedances are fully
correlated across runs. Given as ``u_common`` (one row per common source, each the contribution to every
run's u(Z), included in ``u_impedance``), they are removed from the fit weights and propagated through
the linear estimator β = A z, A = (XᵀWX)⁻¹XᵀW with W from the independent parts only:
cov β = A V Aᵀ, V = diag(u_ind²) + Σ_s c_s c_sᵀ. Treating them as independent weights (as before) makes
the intercept's uncertainty too small: a 2 % bar-conductivity error shifts every Z by 2 %, i.e. the
intercept by 2 %, which no number of thicknesses averages away.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike
from scipy import stats

from tcrlab.errors import InputError
from tcrlab.validation import require_finite, require_positive

__all__ = ["COMMON_TERMS", "ThicknessSeriesResult", "impedance_vs_thickness", "thickness_series_from_runs"]

#: meter-bar budget terms common to all runs of one rig (fully correlated between runs)
COMMON_TERMS = ("k_hot", "k_cold", "flux mismatch")


@dataclass(frozen=True)
class ThicknessSeriesResult:
    """Z = intercept + slope·t; k_app = 1/slope; 95 % intervals use ``coverage_factor``.

    Attributes
    ----------
    thickness : ndarray
        Sample thicknesses [m].
    impedance : ndarray
        Measured impedances Z [K m²/W].
    u_impedance : ndarray or None
        Their standard uncertainties [K m²/W].
    intercept : float
        Sum of the contact resistances [K m²/W].
    u_intercept : float
        Its standard uncertainty [K m²/W].
    slope : float
        1/k_app [K m/W].
    u_slope : float
        Its standard uncertainty [K m/W].
    covariance : float
        Covariance of intercept and slope [K² m³/W²].
    dof : float
        Degrees of freedom.
    coverage_factor : float
        Coverage factor for 95 % [-].
    residuals : ndarray
        Z − fit [K m²/W].
    chi2_reduced : float
        Reduced χ² of the fit [-].
    budget : dict of str to float, optional
        u(intercept) per source: "independent" and each common term [K m²/W].
    """

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
    budget: dict[str, float] | None = None  # u(intercept) per source: "independent" and each common term

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
            "intercept_budget": self.budget,
        }


def impedance_vs_thickness(
    thickness: ArrayLike, impedance: ArrayLike, u_impedance: ArrayLike | None = None, *,
    u_common: dict[str, ArrayLike] | None = None,
) -> ThicknessSeriesResult:
    """Straight-line fit of impedance Z (K·m²/W) against sample thickness t (m), ASTM D5470 §10.

    Parameters
    ----------
    thickness : sample thicknesses [m]
    impedance : measured impedances Z [K·m²/W]
    u_impedance : total standard uncertainties u(Z) [K·m²/W] (None: Type A from the residuals)
    u_common : {source: per-run contribution [K·m²/W]} of sources common to all runs (bar conductivity,
        flux mismatch), part of ``u_impedance``; propagated as fully correlated (GUM), see the module
        docstring. Needs ``u_impedance``.

    Returns
    -------
    ThicknessSeriesResult (intercept = contact resistances, slope = 1/k_app, their covariance).

    Examples
    --------
    >>> fit = impedance_vs_thickness([1e-4, 2e-4, 3e-4], [5e-5, 8e-5, 1.1e-4], [3e-6] * 3,
    ...                              u_common={"k_hot": [1e-6, 1.6e-6, 2.2e-6]})
    >>> round(fit.intercept * 1e5, 6), round(fit.conductivity, 6)
    (2.0, 3.333333)
    """
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
    budget = None
    if u_common and u_impedance is None:
        raise InputError("u_common", list(u_common), "given together with u_impedance (the total u(Z))")
    if u_impedance is not None:
        u = require_positive("u_impedance", u_impedance).ravel()
        if u.size != t.size:
            raise InputError("u_impedance", u.size, f"one value per thickness ({t.size})")
        common = {}
        for name, c in (u_common or {}).items():
            cc = np.abs(require_finite(f"u_common[{name}]", c).ravel())
            if cc.size != t.size:
                raise InputError(f"u_common[{name}]", cc.size, f"one value per thickness ({t.size})")
            common[name] = cc
        var_ind = u**2 - sum((c**2 for c in common.values()), np.zeros_like(u))
        if np.any(var_ind < -1e-9 * u**2):
            raise InputError("u_common", "larger than u_impedance", "common parts contained in u_impedance")
        u_ind = np.sqrt(np.clip(var_ind, 0.0, None))
        if np.any(u_ind <= 1e-6 * u):  # no independent scatter left: weight by the total instead
            u_ind = u
        w = 1.0 / u_ind**2
        cov_w = np.linalg.inv(design.T @ (design * w[:, None]))
        estimator = cov_w @ (design.T * w)  # A: β = A z
        coef = estimator @ z
        cov = cov_w.copy()
        budget = {"independent": float(np.sqrt(cov_w[0, 0]))}
        for name, c in common.items():
            g = estimator @ c  # the shift of (intercept, slope) when the common source moves by 1 u
            cov = cov + np.outer(g, g)
            budget[name] = float(abs(g[0]))
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
        float(cov[0, 1]), dof, kcov, resid, chi2, budget,
    )


def thickness_series_from_runs(results: Sequence[Any]) -> ThicknessSeriesResult:
    """Impedance vs thickness from reduced meter-bar runs (:class:`tcrlab.experiment.meterbar.MeterBarResult`
    of one rig), with their bar-conductivity and flux-mismatch terms (:data:`COMMON_TERMS`) propagated as
    common to all runs.

    Parameters
    ----------
    results : sequence of MeterBarResult
        Reduced runs of one rig, each with a sample thickness.

    Returns
    -------
    ThicknessSeriesResult
        The line Z(t) with its uncertainties.

    References
    ----------
    ASTM D5470-17 (impedance against thickness); JCGM 100:2008 (GUM).
    """
    thick = [r.thickness for r in results]
    if any(v is None for v in thick):
        raise InputError("thickness", thick, "a sample thickness for every run")
    common = {name: [r.budget.get(name, 0.0) for r in results] for name in COMMON_TERMS
              if any(r.budget.get(name, 0.0) > 0 for r in results)}
    return impedance_vs_thickness(thick, [r.impedance for r in results], [r.u_impedance for r in results],
                                  u_common=common)
