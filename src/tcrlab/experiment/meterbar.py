"""Meter-bar (ASTM D5470-style) data reduction with GUM uncertainty and a Monte Carlo check.

Rig: a hot (upper) and a cold (lower) reference bar of known conductivity, thermocouples at known
distances from the interface face of each bar, a bare interface or a sample of thickness ``t`` between
the faces. Per bar, a (weighted) straight-line fit T(x) = a + b·x (x measured from the bar's face into
the bar) gives the extrapolated face temperature ``a`` and the gradient ``b``; Fourier's law gives the
heat flux q_hot = k_hot·b_hot, q_cold = −k_cold·b_cold. With q = (q_hot + q_cold)/2 (ASTM D5470 averages
the two meters), the thermal impedance (area-specific resistance) is

    Z = (T_hot,face − T_cold,face) / q            [K·m²/W]

which is the contact resistance R_c for a bare interface and the sample impedance (bulk + two
contacts) for a sample. Method: ASTM D5470-17, "Standard Test Method for Thermal Transmission
Properties of Thermally Conductive Electrical Insulation Materials" (ASTM International), which also
regresses Z against thickness (see :mod:`tcrlab.experiment.thickness_series`).

Uncertainty (JCGM 100:2008, GUM): the covariance of each line fit (from stated reading uncertainties,
with position uncertainty folded in by the effective-variance method, or — without stated
uncertainties — from the fit residuals, Type A with n−2 degrees of freedom), the conductivity
uncertainties, and the hot/cold flux mismatch as a rectangular (Type B) component of q of half-width
|q_hot − q_cold|/2, are propagated to Z with the first-order law; the coverage factor for 95 % comes
from the Welch–Satterthwaite effective degrees of freedom. A Monte Carlo check (JCGM 101:2008, GUM
Supplement 1) resamples the readings, positions, conductivities and the mismatch and refits.

The rig and its readings (:class:`ReferenceBar`, :class:`MeterBarRun`, :class:`MeterBarData`) are
defined in :mod:`tcrlab.experiment.meterbar_data` and data files are read by
:mod:`tcrlab.experiment.meterbar_files` (:func:`load_meterbar`); both are importable from here.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from scipy import stats

from tcrlab.errors import InputError
from tcrlab.experiment.meterbar_data import (
    DEFAULT_HEAT_LOSS_THRESHOLD,
    MeterBarData,
    MeterBarRun,
    ReferenceBar,
)
from tcrlab.experiment.meterbar_files import load_meterbar, meterbar_from_document

# The rig and its readings are described in tcrlab.experiment.meterbar_data and read from files by
# tcrlab.experiment.meterbar_files; their names are re-exported here, where they have always been.
__all__ = [
    "DEFAULT_HEAT_LOSS_THRESHOLD",
    "BarFit",
    "HeatLossWarning",
    "MeterBarData",
    "MeterBarResult",
    "MeterBarRun",
    "ReferenceBar",
    "fit_line",
    "load_meterbar",
    "meterbar_from_document",
    "reduce_meterbar",
    "reduce_run",
]


class HeatLossWarning(UserWarning):
    """The hot- and cold-bar heat fluxes disagree by more than the threshold (heat loss or gain)."""


@dataclass(frozen=True)
class BarFit:
    """T(x) = intercept + slope·x, with the parameters' covariance and degrees of freedom.

    Attributes
    ----------
    intercept : float
        Extrapolated face temperature [K].
    slope : float
        Temperature gradient [K/m].
    cov : ndarray
        Covariance of (intercept, slope).
    dof : float
        Degrees of freedom (inf for Type B).
    residuals : ndarray
        Readings − fit [K].
    sigma : ndarray
        Per-reading standard uncertainty used, stated or from the residuals [K].
    """

    intercept: float
    slope: float
    cov: np.ndarray
    dof: float
    residuals: np.ndarray
    sigma: np.ndarray  # the per-reading standard uncertainty used (stated or from residuals)

    @property
    def u_intercept(self) -> float:
        return float(np.sqrt(self.cov[0, 0]))

    @property
    def u_slope(self) -> float:
        return float(np.sqrt(self.cov[1, 1]))


def fit_line(x: np.ndarray, t: np.ndarray, u_t: np.ndarray | float | None = None, u_x: float = 0.0) -> BarFit:
    """Weighted least-squares line through (x, T).

    With stated reading uncertainties ``u_t`` the weights are 1/(u_t² + (b·u_x)²) (effective variance,
    b from the previous iteration) and the covariance is (XᵀWX)⁻¹ (dof = ∞, Type B). Without them the
    covariance is s²(XᵀX)⁻¹ with s² = RSS/(n−2) (Type A, dof = n − 2; needs ≥ 3 readings), plus the
    position term (b·u_x)²(XᵀX)⁻¹.

    Parameters
    ----------
    x : ndarray
        Positions [m].
    t : ndarray
        Readings [K].
    u_t : ndarray or float, optional
        Standard uncertainty of the readings [K].
    u_x : float
        Standard uncertainty of the positions [m].

    Returns
    -------
    BarFit
        The line with its covariance.

    Examples
    --------
    >>> x = np.array([0.005, 0.015, 0.025])
    >>> fit = fit_line(x, 330.0 + 1000.0 * x, 0.05)
    >>> round(fit.intercept, 9), round(fit.slope, 6)
    (330.0, 1000.0)
    """
    x = np.asarray(x, float)
    t = np.asarray(t, float)
    n = x.size
    design = np.column_stack([np.ones(n), x])
    if u_t is None:
        if n < 3:
            raise InputError("readings", n, ">= 3 per bar when no temperature uncertainty is stated "
                             "(the scatter about the line estimates it)")
        coef, *_ = np.linalg.lstsq(design, t, rcond=None)
        resid = t - design @ coef
        s2 = float(resid @ resid) / (n - 2)
        xtx_inv = np.linalg.inv(design.T @ design)
        cov = (s2 + (coef[1] * u_x) ** 2) * xtx_inv
        return BarFit(float(coef[0]), float(coef[1]), cov, float(n - 2), resid, np.full(n, np.sqrt(s2)))
    u = np.broadcast_to(np.asarray(u_t, float), (n,))
    slope = 0.0
    for _ in range(3):
        var = u**2 + (slope * u_x) ** 2
        w = 1.0 / var
        cov = np.linalg.inv(design.T @ (design * w[:, None]))
        coef = cov @ (design.T @ (w * t))
        slope = float(coef[1])
    resid = t - design @ coef
    return BarFit(float(coef[0]), float(coef[1]), cov, np.inf, resid, np.sqrt(var))


@dataclass
class MeterBarResult:
    """The reduction of one run (SI): fluxes, face temperatures, ΔT, impedance and uncertainties.

    Attributes
    ----------
    label : str
        Run name.
    pressure : float or None
        Contact pressure [Pa].
    thickness : float or None
        Sample thickness [m].
    q_hot, q_cold : float
        Heat flux through each meter bar [W/m²].
    u_q_hot, u_q_cold : float
        Their standard uncertainties [W/m²].
    q : float
        Mean heat flux [W/m²].
    u_q : float
        Its standard uncertainty [W/m²].
    mismatch : float
        (q_hot − q_cold)/q [-].
    t_hot_face, t_cold_face : float
        Extrapolated face temperatures [K].
    u_t_hot_face, u_t_cold_face : float
        Their standard uncertainties [K].
    delta_t : float
        Face temperature difference [K].
    impedance : float
        Z: R_c for a bare interface, the sample impedance otherwise [K m²/W].
    u_impedance : float
        Standard uncertainty of Z (GUM) [K m²/W].
    coverage_factor : float
        Coverage factor for 95 % [-].
    dof : float
        Welch–Satterthwaite effective degrees of freedom.
    impedance_mc, u_impedance_mc : float
        Mean and standard deviation of the Monte Carlo check [K m²/W].
    interval_mc : tuple of float
        Its 95 % interval [K m²/W].
    area : float or None
        Contact area [m²].
    heat_loss_warning : bool
        Whether the flux mismatch exceeded the threshold.
    fits : dict of str to BarFit
        The hot and cold line fits.
    budget : dict of str to float
        Uncertainty budget: each component's contribution to u(Z) [K m²/W].
    """

    label: str
    pressure: float | None
    thickness: float | None
    q_hot: float
    u_q_hot: float
    q_cold: float
    u_q_cold: float
    q: float
    u_q: float
    mismatch: float
    t_hot_face: float
    u_t_hot_face: float
    t_cold_face: float
    u_t_cold_face: float
    delta_t: float
    impedance: float  # K·m²/W: R_c for a bare interface, sample impedance otherwise
    u_impedance: float
    coverage_factor: float
    dof: float
    impedance_mc: float = float("nan")
    u_impedance_mc: float = float("nan")
    interval_mc: tuple[float, float] = (float("nan"), float("nan"))
    area: float | None = None
    heat_loss_warning: bool = False
    fits: dict[str, BarFit] = field(default_factory=dict, repr=False)
    budget: dict[str, float] = field(default_factory=dict)

    @property
    def expanded_uncertainty(self) -> float:
        """U = k·u (95 % coverage)."""
        return self.coverage_factor * self.u_impedance

    @property
    def conductance(self) -> float:
        return 1.0 / self.impedance

    @property
    def resistance(self) -> float | None:
        """K/W for the rig's area."""
        return None if self.area is None else self.impedance / self.area

    @property
    def quantity(self) -> str:
        return "R_c" if self.thickness is None else "Z"

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in asdict(self).items() if k != "fits"}
        d.update(quantity=self.quantity, expanded_uncertainty_95=self.expanded_uncertainty,
                 conductance=self.conductance, resistance=self.resistance)
        d["fits"] = {k: {"intercept": f.intercept, "slope": f.slope, "u_intercept": f.u_intercept,
                         "u_slope": f.u_slope, "dof": _finite_or_none(f.dof)} for k, f in self.fits.items()}
        # not computed (Monte Carlo skipped) or unbounded (degrees of freedom with given uncertainties):
        # null in JSON rather than the strings "nan"/"inf", which read like failed results
        d["dof"] = _finite_or_none(self.dof)
        if not np.isfinite(self.impedance_mc):
            d.update(impedance_mc=None, u_impedance_mc=None, interval_mc=None)
        return d


def _finite_or_none(x: float) -> float | None:
    return float(x) if np.isfinite(x) else None


def reduce_run(
    run: MeterBarRun,
    hot: ReferenceBar,
    cold: ReferenceBar,
    *,
    u_position: float = 0.0,
    area: float | None = None,
    heat_loss_threshold: float = DEFAULT_HEAT_LOSS_THRESHOLD,
    mismatch_in_uncertainty: bool = True,
    mc_samples: int = 20000,
    seed: int = 0,
) -> MeterBarResult:
    """Reduce one steady state to Z (or R_c) with GUM propagation and a Monte Carlo check.

    Parameters
    ----------
    run : MeterBarRun
        The readings.
    hot, cold : ReferenceBar
        The meter bars.
    u_position : float
        Standard uncertainty of the thermocouple positions [m].
    area : float, optional
        Contact area [m²].
    heat_loss_threshold : float
        Relative flux mismatch that sets ``heat_loss_warning`` [-].
    mismatch_in_uncertainty : bool
        Count the flux mismatch as a rectangular uncertainty component of q.
    mc_samples : int
        Monte Carlo samples (0 skips the check).
    seed : int
        Seed of the Monte Carlo check.

    Returns
    -------
    MeterBarResult
        Fluxes, face temperatures, Z and its uncertainty.

    References
    ----------
    ASTM D5470-17; JCGM 100:2008 (GUM); JCGM 101:2008 (GUM Supplement 1).

    Examples
    --------
    >>> x = np.array([0.005, 0.015, 0.025])
    >>> run = MeterBarRun("1 MPa", x, 330.0 + 1000.0 * x, x, 320.0 - 1000.0 * x,
    ...                   u_hot=np.full(3, 0.05), u_cold=np.full(3, 0.05))
    >>> bar = ReferenceBar("Al", conductivity=100.0, rel_u_conductivity=0.02)
    >>> r = reduce_run(run, bar, bar, mc_samples=0)
    >>> f"Z = {r.impedance:.4g} ± {r.u_impedance:.2g} K m²/W"
    'Z = 0.0001 ± 1.8e-06 K m²/W'
    """
    fh = fit_line(run.x_hot, run.t_hot, run.u_hot, u_position)
    fc = fit_line(run.x_cold, run.t_cold, run.u_cold, u_position)
    k_h, u_kh = hot.k(float(np.mean(run.t_hot)))
    k_c, u_kc = cold.k(float(np.mean(run.t_cold)))
    q_h = k_h * fh.slope
    q_c = -k_c * fc.slope
    q = 0.5 * (q_h + q_c)
    if not (q_h > 0 and q_c > 0):
        raise InputError(
            f"{run.label}: heat flux", f"hot {q_h:.4g} W/m², cold {q_c:.4g} W/m²",
            "> 0 in both bars: the hot bar warmer away from its face, the cold bar cooler away from its face",
            problem="heat flows the wrong way (check bar labels and that positions are distances from each face)",
        )
    dT = fh.intercept - fc.intercept
    z = dT / q
    mismatch = (q_h - q_c) / q
    warned = abs(mismatch) > heat_loss_threshold
    if warned:
        warnings.warn(
            f"{run.label}: hot- and cold-bar heat fluxes differ by {100 * mismatch:+.1f} % "
            f"(q_hot = {q_h:.4g}, q_cold = {q_c:.4g} W/m²), more than {100 * heat_loss_threshold:g} %: "
            "heat loss or gain along the bars",
            HeatLossWarning, stacklevel=2,
        )
    u_loss = abs(q_h - q_c) / (2 * np.sqrt(3)) if mismatch_in_uncertainty else 0.0
    dz_dq = -dT / q**2
    g_h = np.array([1.0 / q, dz_dq * 0.5 * k_h])
    g_c = np.array([-1.0 / q, dz_dq * (-0.5 * k_c)])
    budget = {
        "hot fit": float(g_h @ fh.cov @ g_h),
        "cold fit": float(g_c @ fc.cov @ g_c),
        "k_hot": float((dz_dq * 0.5 * fh.slope * u_kh) ** 2),
        "k_cold": float((dz_dq * (-0.5) * fc.slope * u_kc) ** 2),
        "flux mismatch": float((dz_dq * u_loss) ** 2),
    }
    var = sum(budget.values())
    u_z = float(np.sqrt(var))
    denom = budget["hot fit"] ** 2 / fh.dof + budget["cold fit"] ** 2 / fc.dof
    dof = float(var**2 / denom) if denom > 0 else np.inf
    kcov = float(stats.t.ppf(0.975, dof)) if np.isfinite(dof) else float(stats.norm.ppf(0.975))
    u_qh = float(np.hypot(k_h * fh.u_slope, fh.slope * u_kh))
    u_qc = float(np.hypot(k_c * fc.u_slope, fc.slope * u_kc))
    u_q = float(np.sqrt(0.25 * (u_qh**2 + u_qc**2) + u_loss**2))
    result = MeterBarResult(
        run.label, run.pressure, run.thickness, q_h, u_qh, q_c, u_qc, q, u_q, mismatch,
        fh.intercept, fh.u_intercept, fc.intercept, fc.u_intercept, dT, z, u_z, kcov, dof,
        area=area, heat_loss_warning=warned, fits={"hot": fh, "cold": fc},
        budget={k: float(np.sqrt(v)) for k, v in budget.items()},
    )
    if mc_samples:
        zs = _monte_carlo(run, fh, fc, (k_h, u_kh), (k_c, u_kc), u_position, u_loss * np.sqrt(3), mc_samples, seed)
        result.impedance_mc = float(np.mean(zs))
        result.u_impedance_mc = float(np.std(zs, ddof=1))
        lo, hi = np.percentile(zs, [2.5, 97.5])
        result.interval_mc = (float(lo), float(hi))
    return result


def _vector_fit(x: np.ndarray, t: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row-wise weighted line fits (x, t: samples × readings; w: readings)."""
    sw = w.sum()
    swx = x @ w
    swy = t @ w
    swxx = (x * x) @ w
    swxy = (x * t) @ w
    slope = (sw * swxy - swx * swy) / (sw * swxx - swx**2)
    return (swy - slope * swx) / sw, slope


def _monte_carlo(
    run: MeterBarRun, fh: BarFit, fc: BarFit, kh: tuple[float, float], kc: tuple[float, float],
    u_x: float, half_width_loss: float, n: int, seed: int,
) -> np.ndarray:
    """GUM-S1 check: readings ~ N(measured, u), positions ~ N(x, u_x), k ~ N(k, u_k), mismatch ~ U(±a)."""
    rng = np.random.default_rng(seed)
    out = []
    for x, t, fit in ((run.x_hot, run.t_hot, fh), (run.x_cold, run.t_cold, fc)):
        u_t = np.sqrt(np.maximum(fit.sigma**2 - (fit.slope * u_x) ** 2, 0.0)) if np.isinf(fit.dof) else fit.sigma
        ts = t + rng.normal(size=(n, t.size)) * u_t
        xs = x + rng.normal(size=(n, x.size)) * u_x
        out.append(_vector_fit(xs, ts, 1.0 / np.maximum(fit.sigma, 1e-300) ** 2))
    (a_h, b_h), (a_c, b_c) = out
    k_h = kh[0] + kh[1] * rng.normal(size=n)
    k_c = kc[0] + kc[1] * rng.normal(size=n)
    q = 0.5 * (k_h * b_h - k_c * b_c) + rng.uniform(-half_width_loss, half_width_loss, n)
    return (a_h - a_c) / q


def reduce_meterbar(data: MeterBarData, *, mc_samples: int = 20000, seed: int = 0,
                    mismatch_in_uncertainty: bool = True) -> list[MeterBarResult]:
    """Reduce every run of a data set (``mc_samples``: an integer ≥ 0, 0 skips the Monte Carlo check).

    Parameters
    ----------
    data : MeterBarData
        The data set.
    mc_samples : int
        Monte Carlo samples per run (0 skips the check).
    seed : int
        Seed of the Monte Carlo check.
    mismatch_in_uncertainty : bool
        Count the flux mismatch as an uncertainty component of q.

    Returns
    -------
    list of MeterBarResult
        One result per run.
    """
    if isinstance(mc_samples, bool) or not isinstance(mc_samples, int | np.integer) or mc_samples < 0:
        raise InputError("mc_samples", mc_samples, "an integer >= 0 (0: skip the Monte Carlo check)")
    return [
        reduce_run(run, data.hot, data.cold, u_position=data.u_position, area=data.area,
                   heat_loss_threshold=data.heat_loss_threshold, mc_samples=mc_samples, seed=seed + i,
                   mismatch_in_uncertainty=mismatch_in_uncertainty)
        for i, run in enumerate(data.runs)
    ]


def summary_rows(results: Sequence[MeterBarResult]) -> list[dict[str, Any]]:
    """Flat per-run rows (SI) for tables."""
    return [r.to_dict() for r in results]
