"""Fit contact models to measured conductance h_c(P) with ``scipy.optimize.least_squares``.

* :func:`fit_power_law` — h = a·P^n (log residuals: scatter taken as relative).
* :func:`fit_cmy` — the Cooper–Mikic–Yovanovich plastic model h_c = (k_s m/σ)·f(P/H_c) (Cooper, Mikic &
  Yovanovich 1969, Int. J. Heat Mass Transfer 12:279; via :func:`tcrlab.cmy_conductance`) with the
  effective asperity slope ``m`` and/or the effective microhardness ``H_c`` free (log residuals).
  Note that for the usual range P/H_c ≪ 1, h_c ∝ m·H_c^(−0.95) nearly, so m and H_c are almost
  perfectly correlated and should not both be freed from one data set (the fit warns).

Confidence intervals (95 %) are estimate ± t(0.975, n − p)·SE with the covariance s²(JᵀJ)⁻¹ when the
data carry no uncertainties, or (JᵀJ)⁻¹ with stated uncertainties (absolute σ, normal quantile).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import ArrayLike
from scipy import optimize, stats

from tcrlab.errors import ConvergenceError, InputError
from tcrlab.validation import require_positive

__all__ = ["FitResult", "fit_cmy", "fit_curve", "fit_power_law", "load_conductance_data"]


@dataclass
class FitResult:
    """Estimates, standard errors, 95 % confidence intervals, residuals and the fitted model.

    Attributes
    ----------
    model : str
        Description of the fitted model.
    names : list of str
        Parameter names.
    values : ndarray
        Estimates (in each parameter's SI unit).
    covariance : ndarray
        Covariance of the estimates.
    ci_low, ci_high : ndarray
        95 % confidence interval of each parameter.
    residuals : ndarray
        Data − fit, in the fitted space (ln h for log residuals).
    dof : int
        Degrees of freedom.
    rms_relative : float
        RMS relative deviation of the fit [-].
    x, y : ndarray
        The data.
    predict : callable
        The fitted model y(x).
    fixed : dict of str to float
        Parameters held fixed.
    """

    model: str
    names: list[str]
    values: np.ndarray
    covariance: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    residuals: np.ndarray  # data − fit (in the fitted space: ln h for log residuals)
    dof: int
    rms_relative: float
    x: np.ndarray
    y: np.ndarray
    predict: Callable[[ArrayLike], np.ndarray] = field(repr=False)
    fixed: dict[str, float] = field(default_factory=dict)

    @property
    def stderr(self) -> np.ndarray:
        return np.sqrt(np.diag(self.covariance))

    def params(self) -> dict[str, float]:
        return dict(zip(self.names, map(float, self.values), strict=True))

    def correlation(self) -> np.ndarray:
        s = self.stderr
        return self.covariance / np.outer(s, s)

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "parameters": {
                n: {"value": float(v), "stderr": float(s), "ci95": [float(lo), float(hi)]}
                for n, v, s, lo, hi in zip(self.names, self.values, self.stderr, self.ci_low, self.ci_high,
                                           strict=True)
            },
            "fixed": self.fixed,
            "dof": self.dof,
            "rms_relative_residual": self.rms_relative,
            "residuals": self.residuals,
        }


def fit_curve(
    func: Callable[[np.ndarray, np.ndarray], np.ndarray],
    x: ArrayLike,
    y: ArrayLike,
    p0: Sequence[float],
    names: Sequence[str],
    *,
    sigma: ArrayLike | None = None,
    log_residuals: bool = False,
    log_params: bool = False,
    model: str = "custom",
) -> FitResult:
    """Least-squares fit of ``y ≈ func(x, p)``.

    ``log_residuals``: minimise Σ[(ln y − ln f)/σ_rel]² (σ then is the relative uncertainty of y).
    ``log_params``: fit ln p (keeps positive parameters positive); estimates, covariance (delta
    method) and intervals (exponentiated, asymmetric) are returned for p itself.

    Parameters
    ----------
    func : callable
        ``func(x, p)`` with ``p`` the parameter array.
    x, y : array_like
        The data.
    p0 : sequence of float
        Starting values.
    names : sequence of str
        Parameter names.
    sigma : array_like, optional
        Uncertainty of y (relative with ``log_residuals``).
    log_residuals : bool
        Fit ln y.
    log_params : bool
        Fit ln p.
    model : str
        Description stored in the result.

    Returns
    -------
    FitResult
        Estimates with their uncertainties.

    Examples
    --------
    >>> fit = fit_curve(lambda x, p: p[0] * x + p[1], [0, 1, 2, 3], [1, 3, 5.1, 7], [1, 0], ["a", "b"])
    >>> fit.values.round(3)
    array([2.01, 1.01])
    """
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    if x.shape != y.shape or x.ndim != 1:
        raise InputError("data", f"{x.shape} vs {y.shape}", "x and y of equal length")
    n, p = x.size, len(p0)
    if n <= p:
        raise InputError("data points", n, f"more than the {p} free parameter(s)")
    if log_residuals:
        require_positive("measured values", y)
    s = None if sigma is None else np.broadcast_to(require_positive("uncertainty", sigma), y.shape)
    if s is not None and log_residuals:
        s = s / y  # relative
    to_p = np.exp if log_params else (lambda v: v)
    start = np.log(np.asarray(p0, float)) if log_params else np.asarray(p0, float)

    def residual(theta: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            f = np.asarray(func(x, to_p(theta)), float)
            r = (np.log(y) - np.log(f)) if log_residuals else (y - f)
        r = np.where(np.isfinite(r), r, 1e6)
        return r / s if s is not None else r

    sol = optimize.least_squares(residual, start, method="lm" if n > p else "trf", xtol=1e-12, ftol=1e-12)
    if not sol.success:
        raise ConvergenceError(f"{model} fit did not converge: {sol.message}")
    jac = sol.jac
    try:
        jtj_inv = np.linalg.inv(jac.T @ jac)
    except np.linalg.LinAlgError:
        raise ConvergenceError(f"{model} fit: parameters not identifiable from these data (singular Jacobian)") from None
    dof = n - p
    if s is None:
        cov_t = jtj_inv * float(sol.fun @ sol.fun) / dof
        q = float(stats.t.ppf(0.975, dof))
    else:
        cov_t = jtj_inv
        q = float(stats.norm.ppf(0.975))
    se_t = np.sqrt(np.diag(cov_t))
    theta = sol.x
    values = to_p(theta)
    if log_params:
        cov = cov_t * np.outer(values, values)
        lo, hi = np.exp(theta - q * se_t), np.exp(theta + q * se_t)
    else:
        cov = cov_t
        lo, hi = theta - q * se_t, theta + q * se_t
    fitted = np.asarray(func(x, values), float)
    resid = (np.log(y) - np.log(fitted)) if log_residuals else (y - fitted)
    rms_rel = float(np.sqrt(np.mean(((y - fitted) / y) ** 2)))

    def predict(xx: ArrayLike) -> np.ndarray:
        return np.asarray(func(np.asarray(xx, float), values), float)

    return FitResult(model, list(names), values, cov, lo, hi, resid, dof, rms_rel, x, y, predict)


def fit_power_law(pressure: ArrayLike, conductance: ArrayLike, *, sigma: ArrayLike | None = None) -> FitResult:
    """Fit h = a·P^n (a in W/(m²K)/Pa^n, P in Pa) with log residuals.

    Parameters
    ----------
    pressure : array_like
        Contact pressure [Pa].
    conductance : array_like
        Measured contact conductance [W/(m² K)].
    sigma : array_like, optional
        Relative uncertainty of each conductance [-].

    Returns
    -------
    FitResult
        ``a`` [W/(m² K)/Pa^n] and ``n`` [-].

    Examples
    --------
    >>> p = np.array([1e5, 1e6, 1e7])
    >>> fit = fit_power_law(p, 2.0 * p**0.7)
    >>> fit.names, fit.values.round(6)
    (['a', 'n'], array([2. , 0.7]))
    """
    P = require_positive("pressure", pressure).ravel()
    h = require_positive("conductance", conductance).ravel()
    if P.size != h.size:
        raise InputError("pressure/conductance", f"{P.size} pressures, {h.size} conductances",
                         "one conductance per pressure", problem="lengths differ")
    if P.size < 3:
        raise InputError("data points", P.size, ">= 3 for a two-parameter fit with an uncertainty")
    if np.unique(P).size < 2:
        raise InputError("pressure", pressure, "at least two different pressures (the exponent n is the "
                         "slope of ln h against ln P)", problem="all pressures are equal")
    # linear start in log space
    n0, lna0 = np.polyfit(np.log(P), np.log(h), 1)

    def func(x: np.ndarray, p: np.ndarray) -> np.ndarray:
        return p[0] * x ** p[1]

    # parameterise as (ln a, n) via a wrapper so 'a' stays positive
    def func_log(x: np.ndarray, p: np.ndarray) -> np.ndarray:
        return np.exp(p[0]) * x ** p[1]

    res = fit_curve(func_log, P, h, [lna0, n0], ["ln_a", "n"], sigma=sigma, log_residuals=True,
                    model="power law h = a P^n")
    lna, n = res.values
    se = res.stderr
    a = float(np.exp(lna))
    cov = res.covariance.copy()
    jac = np.array([[a, 0.0], [0.0, 1.0]])  # delta method for a = exp(ln a)
    cov = jac @ cov @ jac.T
    out = FitResult(res.model, ["a", "n"], np.array([a, n]), cov,
                    np.array([np.exp(res.ci_low[0]), res.ci_low[1]]),
                    np.array([np.exp(res.ci_high[0]), res.ci_high[1]]),
                    res.residuals, res.dof, res.rms_relative, P, h,
                    lambda xx: func(np.asarray(xx, float), np.array([a, n])))
    del se
    return out


def _default_cmy() -> Callable[..., Any]:
    try:
        from tcrlab.conductance.constriction import cmy_conductance
    except ImportError as exc:  # the joint models are not installed in this build
        raise InputError("model", "cmy", "available once tcrlab.conductance.constriction exists",
                         problem=f"cannot import cmy_conductance ({exc})") from None
    return cmy_conductance


def fit_cmy(
    pressure: ArrayLike,
    conductance: ArrayLike,
    *,
    k_s: float,
    sigma: float,
    m: float | None = None,
    hardness: float | None = None,
    c1: float | None = None,
    c2: float | None = None,
    free: Sequence[str] = ("m",),
    uncertainty: ArrayLike | None = None,
    model: Callable[..., Any] | None = None,
) -> FitResult:
    """Fit CMY's free parameters to measured h_c(P).

    Free parameters (any of): ``m`` the effective asperity slope, and either ``hardness`` (a constant
    effective microhardness H_c, Pa) or ``c1`` (Pa, the Vickers microhardness coefficient of the
    Song–Yovanovich relation P/H_c = [P/(c1 (1.62 σ'/m)^c2)]^{1/(1+0.071 c2)}, via
    :func:`tcrlab.relative_pressure`; ``c2`` must then be given). Parameters not freed must be given.
    ``model(k_s, sigma, m, p_over_h)`` defaults to :func:`tcrlab.cmy_conductance` (exact Gaussian CMY).

    Parameters
    ----------
    pressure : array_like
        Contact pressure [Pa].
    conductance : array_like
        Measured contact conductance [W/(m² K)].
    k_s : float
        Effective conductivity 2k₁k₂/(k₁ + k₂) [W/(m K)].
    sigma : float
        Combined RMS roughness [m].
    m : float, optional
        Combined asperity slope [-] (start value when free).
    hardness : float, optional
        Effective microhardness H_c [Pa].
    c1 : float, optional
        Vickers microhardness coefficient [Pa].
    c2 : float, optional
        Vickers microhardness exponent [-].
    free : sequence of str
        The fitted parameters.
    uncertainty : array_like, optional
        Uncertainty of each conductance [W/(m² K)].
    model : callable, optional
        The conductance model.

    Returns
    -------
    FitResult
        The free parameters with their uncertainties.

    References
    ----------
    Cooper, Mikic & Yovanovich, Int. J. Heat Mass Transfer 12 (1969) 279–300; Song & Yovanovich (1988)
    (microhardness relation), as cited by :func:`tcrlab.relative_pressure`.
    """
    P = require_positive("pressure", pressure).ravel()
    h = require_positive("conductance", conductance).ravel()
    k_s = float(require_positive("k_s", k_s))
    sigma = float(require_positive("sigma", sigma))
    free = list(dict.fromkeys(free))
    valid = {"m", "hardness", "c1"}
    if not free or set(free) - valid:
        raise InputError("free", free, "one or two of m, hardness, c1")
    use_c1 = "c1" in free or (c1 is not None and "hardness" not in free)
    if use_c1 and ("hardness" in free or hardness is not None):
        raise InputError("hardness", hardness, "not given together with c1 (H_c then follows from c1, c2)")
    if use_c1 and c2 is None:
        raise InputError("c2", None, "a value (the Vickers exponent, e.g. -0.26) when c1 is used")
    fixed: dict[str, float | None] = {"m": m, "hardness": hardness, "c1": c1}
    needed = {"m", "c1"} if use_c1 else {"m", "hardness"}
    for name in needed - set(free):
        if fixed[name] is None:
            raise InputError(name, None, f"a value (it is not free); free: {', '.join(free)}")
        require_positive(name, fixed[name])
    if len(free) == 2:
        warnings.warn("fitting m together with the microhardness: for P/H_c << 1 CMY depends almost only on "
                      "m/H_c^0.95, so the two are strongly correlated; consider fixing one",
                      UserWarning, stacklevel=2)
    cmy = model or _default_cmy()
    starts = {"m": m or 0.1, "hardness": hardness or 3e9, "c1": c1 or 5e9}

    def ratio(x: np.ndarray, vals: dict[str, Any]) -> np.ndarray:
        if use_c1:
            from tcrlab.mechanics.microhardness import relative_pressure

            return np.asarray(relative_pressure(x, sigma, vals["m"], vals["c1"], c2, warn=False), float)
        return x / vals["hardness"]

    def func(x: np.ndarray, p: np.ndarray) -> np.ndarray:
        vals = dict(fixed)
        vals.update(zip(free, p, strict=True))
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                r = ratio(x, vals)
                return np.asarray(cmy(k_s, sigma, vals["m"], np.clip(r, 1e-12, 0.4)), float)
        except InputError:  # a trial step outside the model's domain: a large residual, not a crash
            return np.full(x.shape, np.nan)

    if "m" in free:  # rescale the start so the first guess is within a factor ~1 of the data
        first = func(P, np.array([starts[f] for f in free]))
        if np.all(np.isfinite(first)):
            starts["m"] *= float(np.exp(np.mean(np.log(h) - np.log(first))))
    res = fit_curve(func, P, h, [starts[f] for f in free], free, sigma=uncertainty, log_residuals=True,
                    log_params=True, model="CMY plastic")
    best = dict(fixed)
    best.update(zip(free, res.values, strict=True))
    r_best = ratio(P, best)
    from tcrlab.validation import warn_outside

    warn_outside("P/H_c", r_best, 1e-5, 2e-2, model="CMY fit (data range)")
    res.fixed = {k: float(v) for k, v in fixed.items() if k not in free and v is not None}
    res.fixed.update(k_s=k_s, sigma=sigma)
    if use_c1:
        res.fixed["c2"] = float(c2)
    return res


_FIT_COLUMNS = {
    "pressure": "pressure",
    "h": "heat_transfer_coefficient",
    "u_h": "heat_transfer_coefficient",
    "resistance": "area_resistance",
    "u_resistance": "area_resistance",
}


def load_conductance_data(path: Any) -> dict[str, np.ndarray]:
    """Read measured h_c(P) from a CSV with a unit in each header, e.g.::

        pressure [MPa], h [W/(m^2 K)], u_h [W/(m^2 K)]

    (``resistance [K m^2/W]`` / ``u_resistance`` may replace ``h`` / ``u_h``). Returns SI arrays
    ``pressure``, ``h`` and, when given, ``u_h``. Lines starting with ``#`` are comments.

    Parameters
    ----------
    path : str or Path
        The CSV file.

    Returns
    -------
    dict of str to ndarray
        ``pressure`` [Pa], ``h`` [W/(m² K)] and, when given, ``u_h`` [W/(m² K)].
    """
    import csv
    import re
    from pathlib import Path

    from tcrlab.errors import CaseFileError
    from tcrlab.units import parse_quantity, ureg

    path = Path(path)
    if not path.is_file():
        raise CaseFileError(f"{path}: data file not found")
    try:
        lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    except UnicodeDecodeError:
        raise CaseFileError(f"{path}: not a text file") from None
    if len(lines) < 2:
        raise CaseFileError(f"{path}: needs a header line and data rows")
    rows = list(csv.reader(lines))
    header = []
    for h in rows[0]:
        m = re.match(r"^\s*([A-Za-z_]+)\s*(?:\[(.+)\])?\s*$", h)
        if not m or m.group(1) not in _FIT_COLUMNS:
            raise CaseFileError(f"{path}: unknown column {h!r}; valid: {', '.join(_FIT_COLUMNS)} with a unit "
                                "in brackets, e.g. 'pressure [MPa]'")
        if not m.group(2):
            raise CaseFileError(f"{path}: column {h.strip()!r} needs a unit in brackets, e.g. 'pressure [MPa]'")
        header.append((m.group(1), m.group(2)))
    names = [n for n, _ in header]
    if "pressure" not in names or not ({"h", "resistance"} & set(names)):
        raise CaseFileError(f"{path}: columns 'pressure' and 'h' (or 'resistance') are required")
    cols: dict[str, list[float]] = {n: [] for n in names}
    for lineno, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise CaseFileError(f"{path}: row {lineno} has {len(row)} fields, the header {len(header)}")
        for (name, unit), cell in zip(header, row, strict=True):
            try:
                value = float(cell)
            except ValueError:
                raise CaseFileError(f"{path}: row {lineno}, {name}: {cell!r} is not a number") from None
            cols[name].append(float(parse_quantity(ureg.Quantity(value, unit), _FIT_COLUMNS[name], name,
                                                   source=str(path))))
    out = {k: np.array(v) for k, v in cols.items()}
    if "h" not in out:
        r = require_positive("resistance", out.pop("resistance"))
        out["h"] = 1.0 / r
        if "u_resistance" in out:
            out["u_h"] = out.pop("u_resistance") / r**2
    return {k: out[k] for k in ("pressure", "h", "u_h") if k in out}
