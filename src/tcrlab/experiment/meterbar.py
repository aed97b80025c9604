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
"""

from __future__ import annotations

import csv
import math
import re
import tomllib
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import stats

from tcrlab.errors import CaseFileError, InputError, TcrlabError
from tcrlab.units import parse_number, parse_quantity, ureg

__all__ = [
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

DEFAULT_HEAT_LOSS_THRESHOLD = 0.05  # relative hot/cold flux mismatch that triggers a warning


class HeatLossWarning(UserWarning):
    """The hot- and cold-bar heat fluxes disagree by more than the threshold (heat loss or gain)."""


@dataclass(frozen=True)
class ReferenceBar:
    """A reference (meter) bar: constant conductivity, or a registry material's k(T).

    Attributes
    ----------
    name : str
        Label.
    conductivity : float, optional
        Constant conductivity [W/(m K)].
    u_conductivity : float
        Standard uncertainty of the conductivity [W/(m K)].
    rel_u_conductivity : float
        Relative standard uncertainty of the conductivity [-] (combined with ``u_conductivity`` in
        quadrature).
    material : str, optional
        Registry material whose k(T) is used instead of ``conductivity``.
    """

    name: str
    conductivity: float | None = None
    u_conductivity: float = 0.0
    rel_u_conductivity: float = 0.0
    material: str | None = None

    def k(self, mean_temperature: float) -> tuple[float, float]:
        """Conductivity at the bar's mean temperature and its standard uncertainty."""
        if self.conductivity is not None:
            k = self.conductivity
        else:
            from tcrlab.materials import get_material

            k = float(get_material(str(self.material)).thermal_conductivity(mean_temperature))
        return k, float(np.hypot(self.u_conductivity, self.rel_u_conductivity * k))


@dataclass(frozen=True)
class MeterBarRun:
    """One steady state: readings (K) at positions (m from each bar's face) and optional uncertainties.

    Attributes
    ----------
    label : str
        Run name.
    x_hot, x_cold : ndarray
        Thermocouple positions from each bar's face [m].
    t_hot, t_cold : ndarray
        Readings [K].
    u_hot, u_cold : ndarray, optional
        Standard uncertainties of the readings [K].
    pressure : float, optional
        Contact pressure [Pa].
    thickness : float, optional
        Sample thickness [m] (None for a bare interface).
    """

    label: str
    x_hot: np.ndarray
    t_hot: np.ndarray
    x_cold: np.ndarray
    t_cold: np.ndarray
    u_hot: np.ndarray | None = None
    u_cold: np.ndarray | None = None
    pressure: float | None = None
    thickness: float | None = None


@dataclass(frozen=True)
class MeterBarData:
    """A meter-bar data set: the two bars, the runs and the rig settings (SI).

    Attributes
    ----------
    hot, cold : ReferenceBar
        The meter bars.
    runs : tuple of MeterBarRun
        The steady states.
    area : float, optional
        Contact area [m²].
    u_position : float
        Standard uncertainty of the thermocouple positions [m].
    heat_loss_threshold : float
        Relative flux mismatch that sets a heat-loss warning [-].
    source : str
        The file the data came from.
    """
    hot: ReferenceBar
    cold: ReferenceBar
    runs: tuple[MeterBarRun, ...]
    area: float | None = None
    u_position: float = 0.0
    heat_loss_threshold: float = DEFAULT_HEAT_LOSS_THRESHOLD
    source: str = "<data>"


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


# ---------------------------------------------------------------- reading data files

def _q(value: Any, dimension: str, field_name: str, source: str, unit: str | None = None) -> float:
    if unit is not None and isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):  # say so with the number as written, before it becomes a Quantity
            raise InputError(field_name, value, f"a finite reading in {unit}",
                             problem="not a number (NaN)" if math.isnan(value) else "not finite",
                             source=source)
        value = ureg.Quantity(float(value), unit)
    return float(parse_quantity(value, dimension, field_name, source=source))


def _qlist(values: Any, dimension: str, field_name: str, source: str, unit: str | None) -> np.ndarray:
    if not isinstance(values, list | tuple) or not values:
        raise CaseFileError(f"{source}: {field_name} must be a non-empty list")
    # numbered from 1, as runs and layers are everywhere in tcrlab
    return np.array([_q(v, dimension, f"{field_name}[{i}]", source, unit) for i, v in enumerate(values, start=1)])


def _bar(table: Any, name: str, source: str) -> ReferenceBar:
    if not isinstance(table, Mapping):
        raise CaseFileError(f"{source}: [rig.{name}] table missing (conductivity or material of the {name} bar)")
    known = {"conductivity", "material", "u_conductivity", "rel_u_conductivity", "positions"}
    unknown = set(table) - known
    if unknown:
        raise CaseFileError(f"{source}: rig.{name} has unknown key(s) {', '.join(sorted(unknown))}; "
                            f"valid: {', '.join(sorted(known))}")
    if ("conductivity" in table) == ("material" in table):
        raise CaseFileError(f"{source}: rig.{name} needs exactly one of conductivity or material")
    k = _q(table["conductivity"], "conductivity", f"rig.{name}.conductivity", source) if "conductivity" in table else None
    if k is not None and k <= 0:
        raise InputError(f"rig.{name}.conductivity", table["conductivity"], "> 0", source=source)
    u_k = _q(table["u_conductivity"], "conductivity", f"rig.{name}.u_conductivity", source) if "u_conductivity" in table else 0.0
    rel = float(parse_quantity(table.get("rel_u_conductivity", 0.0), "dimensionless", f"rig.{name}.rel_u_conductivity", source=source))
    if u_k < 0 or rel < 0:
        raise InputError(f"rig.{name}.u_conductivity", table.get("u_conductivity", rel), ">= 0", source=source)
    if "material" in table:
        from tcrlab.materials import get_material

        get_material(str(table["material"]))  # unknown name -> MaterialNotFoundError now
    return ReferenceBar(name, k, u_k, rel, table.get("material"))


def _check_run(run: MeterBarRun, source: str) -> None:
    for bar, x, t, u in (("hot", run.x_hot, run.t_hot, run.u_hot), ("cold", run.x_cold, run.t_cold, run.u_cold)):
        if x.size != t.size:
            raise CaseFileError(f"{source}: run {run.label!r}: {t.size} {bar} readings for {x.size} positions")
        if u is not None and u.size != t.size:
            raise CaseFileError(f"{source}: run {run.label!r}: {u.size} {bar} uncertainties for {t.size} readings")
        if t.size < 2:
            raise CaseFileError(f"{source}: run {run.label!r}: the {bar} bar needs >= 2 readings")
        if (x < 0).any() or np.unique(x).size != x.size:
            raise CaseFileError(f"{source}: run {run.label!r}: {bar} positions must be distinct distances "
                                "(>= 0) from the bar's interface face")
        if u is not None and (u <= 0).any():
            raise InputError(f"run {run.label!r}: u_{bar}", u.tolist(), "> 0", source=source)


def meterbar_from_document(doc: Mapping[str, Any], *, source: str = "<data>") -> MeterBarData:
    """Meter-bar data from a TOML document (format: ``examples/meterbar/*.toml``, docs/measurements.md).

    Parameters
    ----------
    doc : Mapping
        The parsed TOML document.
    source : str
        The file name used in messages.

    Returns
    -------
    MeterBarData
        The data set (SI).
    """
    rig = doc.get("rig")
    if not isinstance(rig, Mapping):
        raise CaseFileError(f"{source}: a [rig] table is needed (area, u_temperature, [rig.hot], [rig.cold])")
    rig_keys = {"area", "diameter", "u_temperature", "u_position", "heat_loss_threshold", "temperature_unit",
                "position_unit", "hot", "cold"}
    unknown = set(rig) - rig_keys
    if unknown:
        raise CaseFileError(f"{source}: rig has unknown key(s) {', '.join(sorted(unknown))}; "
                            f"valid: {', '.join(sorted(rig_keys))}")
    t_unit = rig.get("temperature_unit")
    x_unit = rig.get("position_unit")
    hot = _bar(rig.get("hot"), "hot", source)
    cold = _bar(rig.get("cold"), "cold", source)
    area = None
    if "area" in rig:
        area = _q(rig["area"], "area", "rig.area", source)
    elif "diameter" in rig:
        area = np.pi / 4 * _q(rig["diameter"], "length", "rig.diameter", source) ** 2
    u_t = _q(rig["u_temperature"], "temperature_difference", "rig.u_temperature", source) if "u_temperature" in rig else None
    u_x = _q(rig.get("u_position", "0 m"), "length", "rig.u_position", source)
    threshold = float(rig.get("heat_loss_threshold", DEFAULT_HEAT_LOSS_THRESHOLD))
    runs_doc = doc.get("run")
    if not isinstance(runs_doc, list) or not runs_doc:
        raise CaseFileError(f"{source}: no [[run]] tables (each with hot = [...] and cold = [...] readings)")
    runs = []
    for i, r in enumerate(runs_doc):
        label = str(r.get("label", f"run {i + 1}"))
        where = f"run[{i + 1}]"
        for key in ("hot", "cold"):
            if key not in r:
                raise CaseFileError(f"{source}: {where} has no {key} = [...] readings")
        positions = {}
        for bar in ("hot", "cold"):
            spec = r.get(f"{bar}_positions", rig.get(bar, {}).get("positions"))
            if spec is None:
                raise CaseFileError(f"{source}: positions of the {bar} bar missing (rig.{bar}.positions)")
            positions[bar] = _qlist(spec, "length", f"rig.{bar}.positions", source, x_unit)
        t_h = _qlist(r["hot"], "temperature", f"{where}.hot", source, t_unit)
        t_c = _qlist(r["cold"], "temperature", f"{where}.cold", source, t_unit)

        def _u(key: str, n: int, where: str = where, r: Mapping[str, Any] = r) -> np.ndarray | None:
            if key in r:
                return _qlist(r[key], "temperature_difference", f"{where}.{key}", source, "K")
            return None if u_t is None else np.full(n, u_t)

        run = MeterBarRun(
            label, positions["hot"], t_h, positions["cold"], t_c, _u("u_hot", t_h.size), _u("u_cold", t_c.size),
            _q(r["pressure"], "pressure", f"{where}.pressure", source) if "pressure" in r else None,
            _q(r["thickness"], "length", f"{where}.thickness", source) if "thickness" in r else None,
        )
        _check_run(run, source)
        runs.append(run)
    return MeterBarData(hot, cold, tuple(runs), area, u_x, threshold, source)


_META = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\s*=\s*(.+?)\s*$")
_HEADER = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[(.+)\])?\s*$")
_COLUMNS = {"run": None, "bar": None, "position": "length", "temperature": "temperature",
            "u_temperature": "temperature_difference", "pressure": "pressure", "thickness": "length"}


def _csv_document(path: Path) -> dict[str, Any]:
    """Read the CSV form into the same document structure as the TOML form."""
    source = str(path)
    text = path.read_text("utf-8")
    meta: dict[str, str] = {}
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            m = _META.match(stripped.lstrip("#"))
            if m:  # '# key = value' metadata; other comments are ignored
                meta[m.group(1)] = m.group(2).strip().strip('"')
        elif stripped:
            lines.append(line)
    if not lines:
        raise CaseFileError(f"{source}: no data rows")
    reader = csv.reader(lines)
    header = next(reader)
    columns: list[tuple[str, str | None]] = []
    for h in header:
        m = _HEADER.match(h)
        if not m or m.group(1) not in _COLUMNS:
            raise CaseFileError(f"{source}: unknown column {h!r}; valid: {', '.join(_COLUMNS)} "
                                "(units in brackets, e.g. 'position [mm]')")
        columns.append((m.group(1), m.group(2)))
    names = [c[0] for c in columns]
    for required in ("bar", "position", "temperature"):
        if required not in names:
            raise CaseFileError(f"{source}: column {required!r} missing (need bar, position, temperature)")
    runs: dict[str, dict[str, Any]] = {}
    for lineno, row in enumerate(reader, start=2):
        if len(row) != len(columns):
            raise CaseFileError(f"{source}: data row {lineno} has {len(row)} fields, the header {len(columns)}")
        rec = {}
        for (name, unit), cell in zip(columns, row, strict=True):
            cell = cell.strip()
            if name in ("run", "bar"):
                rec[name] = cell
                continue
            if cell == "":
                if name in ("position", "temperature"):
                    raise CaseFileError(f"{source}: row {lineno}, column {name!r} is empty; every reading "
                                        "needs a position and a temperature (delete the row if it has none)")
                continue
            try:
                number = parse_number(cell, f"row {lineno}, column {name!r}", source=source)
            except InputError as exc:
                raise CaseFileError(str(exc)) from None
            rec[name] = f"{number!r} {unit}" if unit else cell
            if name == "temperature" and not unit:
                raise CaseFileError(f"{source}: column 'temperature' needs a unit, e.g. 'temperature [degC]'")
            if name == "position" and not unit:
                raise CaseFileError(f"{source}: column 'position' needs a unit, e.g. 'position [mm]'")
        if not rec.get("bar"):
            raise CaseFileError(f"{source}: row {lineno}, column 'bar' is empty; valid: hot or cold")
        bar = rec["bar"].lower()
        bar = {"upper": "hot", "lower": "cold"}.get(bar, bar)
        if bar not in ("hot", "cold"):
            raise CaseFileError(f"{source}: row {lineno}: bar {rec['bar']!r} is not hot/cold (or upper/lower)")
        label = rec.get("run", "") or "run 1"
        r = runs.setdefault(label, {"label": label, "hot": [], "cold": [], "hot_positions": [],
                                    "cold_positions": [], "u_hot": [], "u_cold": []})
        r[bar].append(rec["temperature"])
        r[f"{bar}_positions"].append(rec["position"])
        if "u_temperature" in rec:
            r[f"u_{bar}"].append(rec["u_temperature"])
        for key in ("pressure", "thickness"):
            if key in rec:
                if key in r and r[key] != rec[key]:
                    raise CaseFileError(f"{source}: run {label!r} has two different {key} values")
                r[key] = rec[key]
    for r in runs.values():
        for bar in ("hot", "cold"):
            if r[f"u_{bar}"] and len(r[f"u_{bar}"]) != len(r[bar]):
                raise CaseFileError(f"{source}: run {r['label']!r}: u_temperature given for only some readings")
            if not r[f"u_{bar}"]:
                del r[f"u_{bar}"]
    rig: dict[str, Any] = {"hot": {}, "cold": {}}
    for key, value in meta.items():
        if "." in key:
            bar, _, sub = key.partition(".")
            if bar not in rig:
                raise CaseFileError(f"{source}: metadata key {key!r}: only hot.* and cold.* are nested")
            rig[bar][sub] = value
        else:
            rig[key] = _coerce(value)
    return {"rig": rig, "run": list(runs.values())}


def _coerce(text: str) -> Any:
    try:
        return parse_number(text, "metadata")
    except InputError:  # text (a quantity, a name): checked where it is used
        return text


def load_meterbar(path: str | Path) -> MeterBarData:
    """Read a meter-bar data file (``.toml`` or ``.csv``; formats in docs/measurements.md).

    Parameters
    ----------
    path : str or Path
        The data file.

    Returns
    -------
    MeterBarData
        The data set (SI).
    """
    path = Path(path)
    if not path.is_file():
        raise CaseFileError(f"{path}: data file not found")
    suffix = path.suffix.lower()
    try:
        if suffix == ".toml":
            doc = tomllib.loads(path.read_text("utf-8"))
        elif suffix == ".csv":
            doc = _csv_document(path)
        else:
            raise CaseFileError(f"{path}: unknown data file type {suffix!r}; use .csv or .toml")
    except tomllib.TOMLDecodeError as exc:
        raise CaseFileError(f"{path}: not valid TOML ({exc})") from None
    except UnicodeDecodeError:
        raise CaseFileError(f"{path}: not a text file") from None
    try:
        return meterbar_from_document(doc, source=str(path))
    except (TcrlabError, ValueError):
        raise
    except (KeyError, TypeError, AttributeError) as exc:
        raise CaseFileError(f"{path}: malformed meter-bar data ({type(exc).__name__}: {exc})") from None


def summary_rows(results: Sequence[MeterBarResult]) -> list[dict[str, Any]]:
    """Flat per-run rows (SI) for tables."""
    return [r.to_dict() for r in results]
