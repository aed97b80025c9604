"""Conductance tables h_j(P, clearance, T) for finite-element programs, with a C1 interpolant.

A :class:`ConductanceTable` holds two sampled paths of a :mod:`tcrlab.export.model` (see there for the
closed/open convention):

* ``h_pressure[T, P]`` on pressures 0 = P₀ < P_t = P₁ < … (the P = 0 row is contact onset: the open
  path's value at zero clearance, so the two paths meet);
* ``h_clearance[T, d]`` on clearances 0 = d₀ < d₁ < …

:meth:`ConductanceTable.gapcon` interpolates them the way a GAPCON-style user routine needs: monotone
piecewise-cubic Hermite (PCHIP; Fritsch & Carlson, SIAM J. Numer. Anal. 17 (1980) 238–246, as in
:class:`scipy.interpolate.PchipInterpolator`) in P and in d — continuous first derivatives, no
overshoot, monotone data stay monotone — and linearly in T (as the FE programs interpolate their own
tables). It returns h with dh/dP and dh/dd. Outside the table h is held at the end value with zero
slope (what Abaqus and CalculiX do with their tables), with a ValidityWarning.

:func:`build_table` samples a model on a user grid, or refines an adaptive one until *both* the PCHIP
interpolant and straight lines between nodes (what the FE program itself does with the exported table)
are within ``tol`` of the direct model at two check points per interval and every temperature.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.interpolate import PchipInterpolator

from tcrlab.errors import InputError, ValidityWarning
from tcrlab.validation import require_finite, require_nonnegative, require_positive

__all__ = ["ConductanceTable", "GapConductance", "build_table"]

MAX_NODES = 400  # per axis; an adaptive grid that needs more points has a model with a kink
_CHECK = (1.0 / 3.0, 2.0 / 3.0)  # check points inside each interval (fractions in the log axis)


class GapConductance(NamedTuple):
    """h [W/(m² K)] and its derivatives dh/dP [W/(m² K Pa)] and dh/dd [W/(m³ K)].

    Attributes
    ----------
    h : float or ndarray
        Gap conductance [W/(m² K)].
    dh_dpressure : float or ndarray
        dh/dP [W/(m² K Pa)].
    dh_dclearance : float or ndarray
        dh/dd [W/(m³ K)].
    """

    h: Any
    dh_dpressure: Any
    dh_dclearance: Any


@dataclass(frozen=True)
class ConductanceTable:
    """Sampled h_j on the contact path (pressure) and the open path (clearance), per temperature.

    Attributes
    ----------
    pressure : (nP,) [Pa], first 0 (contact onset), then increasing.
    clearance : (nd,) [m], first 0, then increasing.
    temperature : (nT,) [K], increasing.
    h_pressure : (nT, nP) [W/(m² K)].
    h_clearance : (nT, nd) [W/(m² K)].
    error_pchip, error_linear : largest relative error of the PCHIP interpolant and of straight lines
        between nodes against the direct model, measured at two points per interval (NaN if not checked).
    """

    pressure: NDArray
    clearance: NDArray
    temperature: NDArray
    h_pressure: NDArray
    h_clearance: NDArray
    tolerance: float = float("nan")
    error_pchip: float = float("nan")
    error_linear: float = float("nan")
    description: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        p = np.asarray(self.pressure, float)
        d = np.asarray(self.clearance, float)
        t = np.asarray(self.temperature, float)
        for name, axis in (("pressure", p), ("clearance", d), ("temperature", t)):
            if axis.ndim != 1 or axis.size < 1 or not np.all(np.isfinite(axis)):
                raise InputError(name, axis.tolist(), "a 1-D array of finite values")
            if np.any(np.diff(axis) <= 0):
                raise InputError(name, axis.tolist(), "strictly increasing values")
        if p.size < 2 or d.size < 2:
            raise InputError("pressure/clearance", (p.size, d.size), "at least two nodes on each axis")
        if p[0] != 0 or d[0] != 0:
            raise InputError("pressure/clearance", (p[0], d[0]), "axes starting at 0 (contact onset)")
        for name, arr, n in (("h_pressure", self.h_pressure, p.size), ("h_clearance", self.h_clearance, d.size)):
            a = np.asarray(arr, float)
            if a.shape != (t.size, n):
                raise InputError(name, f"shape {a.shape}", f"shape ({t.size}, {n}) (temperature, axis)")
            if not np.all(np.isfinite(a)) or np.any(a < 0):
                raise InputError(name, "negative or non-finite values", "conductances ≥ 0")
        object.__setattr__(self, "pressure", p)
        object.__setattr__(self, "clearance", d)
        object.__setattr__(self, "temperature", t)
        object.__setattr__(self, "h_pressure", np.asarray(self.h_pressure, float))
        object.__setattr__(self, "h_clearance", np.asarray(self.h_clearance, float))

    # ------------------------------------------------------------------ interpolation
    def _along(self, axis: NDArray, values: NDArray, x: NDArray, t: NDArray) -> tuple[NDArray, NDArray]:
        """PCHIP along ``axis`` (held constant outside), linear in T: (h, dh/dx) at points (x, t)."""
        xc = np.clip(x, axis[0], axis[-1])
        inside = (x >= axis[0]) & (x <= axis[-1])
        spline = PchipInterpolator(axis, values, axis=1)
        h_all = spline(xc)  # (nT, m)
        dh_all = spline.derivative()(xc)
        tt = self.temperature
        if tt.size == 1:
            h, dh = h_all[0], dh_all[0]
        else:
            j = np.clip(np.searchsorted(tt, t, side="right") - 1, 0, tt.size - 2)
            w = np.clip((t - tt[j]) / (tt[j + 1] - tt[j]), 0.0, 1.0)
            cols = np.arange(x.size)
            h = (1 - w) * h_all[j, cols] + w * h_all[j + 1, cols]
            dh = (1 - w) * dh_all[j, cols] + w * dh_all[j + 1, cols]
        return h, np.where(inside, dh, 0.0)

    def gapcon(self, pressure: ArrayLike = 0.0, clearance: ArrayLike = 0.0,
               temperature: ArrayLike | None = None) -> GapConductance:
        """h and its derivatives at (P, d, T), the quantities a GAPCON-style user routine returns.

        Parameters
        ----------
        pressure : contact pressure P ≥ 0 [Pa] (used where the clearance is ≤ 0).
        clearance : clearance d [m]; d > 0 is the open path (P ignored), d ≤ 0 (overclosure) the
            closed path.
        temperature : [K]; default the table's first temperature.

        Returns
        -------
        GapConductance
            (h [W/(m² K)], dh/dP [W/(m² K Pa)], dh/dd [W/(m³ K)]); floats for scalar inputs. dh/dd is
            0 on the closed path and dh/dP is 0 on the open path.

        Examples
        --------
        >>> import numpy as np
        >>> t = ConductanceTable(np.array([0.0, 1e6, 2e6]), np.array([0.0, 1e-5]), np.array([300.0]),
        ...                      np.array([[10.0, 1e4, 2e4]]), np.array([[10.0, 5.0]]))
        >>> round(t.gapcon(1.5e6, 0.0, 300.0).h, -2)
        15000.0
        """
        p = require_nonnegative("pressure", pressure)
        d = require_finite("clearance", clearance)
        t = (np.asarray(self.temperature[0]) if temperature is None
             else require_positive("temperature", temperature))
        shape = np.broadcast_shapes(p.shape, d.shape, t.shape)
        pf, df, tf = (np.broadcast_to(a, shape).ravel() for a in (p, d, t))
        tt = self.temperature
        if np.any((tf < tt[0] * (1 - 1e-12)) | (tf > tt[-1] * (1 + 1e-12))) and tt.size > 1:
            warnings.warn(f"temperature outside the table's {tt[0]:g} … {tt[-1]:g} K: end values held",
                          ValidityWarning, stacklevel=2)
        is_open = df > 0
        h = np.empty(pf.size)
        dhdp = np.zeros(pf.size)
        dhdd = np.zeros(pf.size)
        if (~is_open).any():
            pc = pf[~is_open]
            if np.any(pc > self.pressure[-1]):
                warnings.warn(f"pressure above the table's {self.pressure[-1]:g} Pa: end value held",
                              ValidityWarning, stacklevel=2)
            h[~is_open], dhdp[~is_open] = self._along(self.pressure, self.h_pressure, pc, tf[~is_open])
        if is_open.any():
            do = df[is_open]
            if np.any(do > self.clearance[-1]):
                warnings.warn(f"clearance above the table's {self.clearance[-1]:g} m: end value held",
                              ValidityWarning, stacklevel=2)
            h[is_open], dhdd[is_open] = self._along(self.clearance, self.h_clearance, do, tf[is_open])

        def out(a: NDArray) -> Any:
            a = a.reshape(shape)
            return float(a) if a.ndim == 0 else a

        return GapConductance(out(h), out(dhdp), out(dhdd))

    def __call__(self, pressure: ArrayLike = 0.0, clearance: ArrayLike = 0.0,
                 temperature: ArrayLike | None = None) -> GapConductance:
        return self.gapcon(pressure, clearance, temperature)

    def to_dict(self) -> dict[str, Any]:
        """Plain SI data (the JSON writer's content)."""
        return {
            "units": {"pressure": "Pa", "clearance": "m", "temperature": "K", "h": "W/(m2 K)"},
            "pressure": self.pressure.tolist(), "clearance": self.clearance.tolist(),
            "temperature": self.temperature.tolist(), "h_pressure": self.h_pressure.tolist(),
            "h_clearance": self.h_clearance.tolist(), "tolerance": self.tolerance,
            "error_pchip": self.error_pchip, "error_linear": self.error_linear,
            "description": self.description, "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConductanceTable:
        """The inverse of :meth:`to_dict`."""
        try:
            return cls(np.asarray(data["pressure"], float), np.asarray(data["clearance"], float),
                       np.asarray(data["temperature"], float), np.asarray(data["h_pressure"], float),
                       np.asarray(data["h_clearance"], float), _float(data.get("tolerance")),
                       _float(data.get("error_pchip")), _float(data.get("error_linear")),
                       dict(data.get("description", {})), tuple(data.get("warnings", ())))
        except KeyError as exc:
            raise InputError("table", f"missing {exc.args[0]!r}", "a conductance table (tcrlab export json)") from None


def _float(v: Any) -> float:
    return float("nan") if v is None else float(v)


# ---------------------------------------------------------------------- building
def _errors(axis: NDArray, values: NDArray, x: NDArray, direct: NDArray) -> tuple[NDArray, NDArray]:
    """Relative errors (nT, m) of PCHIP and of linear interpolation at x against the direct values."""
    pchip = PchipInterpolator(axis, values, axis=1)(x)
    linear = np.stack([np.interp(x, axis, row) for row in values])
    scale = np.maximum(np.abs(direct), 1e-300)
    return np.abs(pchip - direct) / scale, np.abs(linear - direct) / scale


def _check_points(nodes: NDArray, log: bool) -> tuple[NDArray, NDArray]:
    """Two check points per interval (log-spaced where both ends are > 0) and the interval index."""
    lo, hi = nodes[:-1], nodes[1:]
    pts, idx = [], []
    for f in _CHECK:
        if log:
            pos = lo > 0
            x = np.where(pos, np.exp(np.log(np.where(pos, lo, 1.0)) * (1 - f) + np.log(hi) * f), lo + f * (hi - lo))
        else:
            x = lo + f * (hi - lo)
        pts.append(x)
        idx.append(np.arange(lo.size))
    return np.concatenate(pts), np.concatenate(idx)


def _refine(axis: NDArray, values: NDArray, evaluate: Any, tol: float, adaptive: bool,
            lower: float) -> tuple[NDArray, NDArray, float, float]:
    """Insert midpoints where the check points miss ``tol`` (adaptive) and measure the errors.

    ``axis[0] = 0`` is a fixed node; only nodes from ``lower`` up are refined (and checked: the first
    interval of the pressure axis bridges onset and first contact and has no direct model).
    """
    while True:
        checked = axis[axis >= lower]
        x, idx = _check_points(checked, log=True)
        direct = evaluate(x)
        e_p, e_l = _errors(axis, values, x, direct)
        worst = np.maximum(e_p, e_l).max(axis=0)
        bad = np.unique(idx[worst > tol])
        if not adaptive or bad.size == 0:
            return axis, values, float(e_p.max()) if e_p.size else 0.0, float(e_l.max()) if e_l.size else 0.0
        if axis.size + bad.size > MAX_NODES:
            raise InputError("tol", tol, f"a tolerance reachable with {MAX_NODES} nodes per axis (the model "
                             "may have a kink; give a larger tol or your own grid)", problem="too many nodes")
        lo, hi = checked[bad], checked[bad + 1]
        mids = np.where(lo > 0, np.sqrt(np.where(lo > 0, lo, 1.0) * hi), 0.5 * (lo + hi))
        new = np.unique(np.concatenate([axis, mids]))
        fresh = np.setdiff1d(new, axis)
        new_vals = np.empty((values.shape[0], new.size))
        new_vals[:, np.searchsorted(new, axis)] = values
        new_vals[:, np.searchsorted(new, fresh)] = evaluate(fresh)
        axis, values = new, new_vals


def build_table(model: Any, *, pressure_range: tuple[float, float] | None = None,
                pressures: ArrayLike | None = None, clearance_max: float | None = None,
                clearances: ArrayLike | None = None, temperatures: ArrayLike | None = None,
                temperature_range: tuple[float, float] | None = None, tol: float = 2e-3,
                initial_nodes: int = 6) -> ConductanceTable:
    """Sample a conductance model into a :class:`ConductanceTable`.

    Parameters
    ----------
    model : a :mod:`tcrlab.export.model` model (``JointModel``, ``SampledModel``).
    pressure_range : (P_min, P_max) [Pa]
        Adaptive pressure grid between these (P_min must equal the model's touch pressure); or
    pressures : array [Pa]
        A user grid of contact pressures (> 0, increasing; the first is the touch pressure).
    clearance_max : float [m]
        Adaptive clearance grid from 0 to this (default 1 mm); or
    clearances : array [m]
        A user grid of clearances (> 0, increasing; 0 is added).
    temperatures : array [K]
        Temperature nodes (linear interpolation between them; default 300 K); or
    temperature_range : (T_min, T_max) [K]
        An adaptive temperature grid: nodes are added until linear interpolation in T meets ``tol`` at
        every interval's midpoint, on every pressure and clearance node.
    tol : float
        Target relative interpolation error of the adaptive grids (both PCHIP and linear), default
        0.2 %: the random-point check of the tests then sees < 0.5 %.
    initial_nodes : int
        Log-spaced nodes an adaptive axis starts from.

    Returns
    -------
    ConductanceTable
        With the measured check-point errors ``error_pchip`` and ``error_linear``.

    Examples
    --------
    >>> from tcrlab.joint import Joint
    >>> from tcrlab.export.model import JointModel
    >>> j = Joint("SS304", sigma=1.5e-6, slope=0.1, gas="vacuum")
    >>> table = build_table(JointModel(j, touch_pressure=1e5), pressure_range=(1e5, 1e7),
    ...                     clearances=[1e-6, 1e-5])
    >>> bool(table.gapcon(5e6).h > table.gapcon(1e6).h)
    True
    """
    require_positive("tol", tol)
    if not 1e-6 <= tol <= 0.2:
        raise InputError("tol", tol, "1e-6 … 0.2 (relative interpolation error)")
    if temperatures is not None and temperature_range is not None:
        raise InputError("temperatures/temperature_range", (temperatures, temperature_range), "one of the two")
    if temperature_range is not None:
        t_lo, t_hi = (float(v) for v in require_positive("temperature_range", temperature_range))
        if not t_hi > t_lo:
            raise InputError("temperature_range", (t_lo, t_hi), "T_min < T_max")
        t = np.array([t_lo, t_hi])
    else:
        t = np.atleast_1d(require_positive("temperatures", 300.0 if temperatures is None else temperatures))
        t = t.astype(float).ravel()
    if np.any(np.diff(t) <= 0):
        raise InputError("temperatures", t.tolist(), "strictly increasing temperatures")
    touch = float(getattr(model, "touch_pressure", 0.0))

    # ---- pressure axis
    if (pressures is None) == (pressure_range is None):
        raise InputError("pressures/pressure_range", (pressures, pressure_range),
                         "exactly one: a grid of pressures or a (P_min, P_max) range")
    if pressures is not None:
        p_nodes = require_positive("pressures", pressures).astype(float).ravel()
        if p_nodes.size < 2 or np.any(np.diff(p_nodes) <= 0):
            raise InputError("pressures", p_nodes.tolist(), "at least two strictly increasing pressures")
        adaptive_p = False
    else:
        lo, hi = (float(v) for v in require_positive("pressure_range", pressure_range))
        if not hi > lo:
            raise InputError("pressure_range", (lo, hi), "P_min < P_max")
        p_nodes = np.geomspace(lo, hi, max(int(initial_nodes), 2))
        adaptive_p = True
    if touch and not np.isclose(p_nodes[0], touch, rtol=1e-9):
        raise InputError("pressures", float(p_nodes[0]), f"the model's touch pressure {touch:g} Pa as the lowest "
                         "pressure (the clearance is measured from the separation there)")

    # ---- clearance axis
    if clearances is not None and clearance_max is not None:
        raise InputError("clearances/clearance_max", (clearances, clearance_max), "one of the two")
    if clearances is not None:
        d_pos = require_positive("clearances", clearances).astype(float).ravel()
        if np.any(np.diff(d_pos) <= 0):
            raise InputError("clearances", d_pos.tolist(), "strictly increasing clearances")
        adaptive_d = False
    else:
        dmax = 1e-3 if clearance_max is None else float(require_positive("clearance_max", clearance_max))
        d_pos = np.geomspace(dmax * 1e-4, dmax, max(int(initial_nodes), 2))
        adaptive_d = True

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValidityWarning)  # gathered by the model, reported on the table
        while True:
            h_open0 = model.open(np.array([0.0]), t)  # (nT, 1)
            p_axis = np.concatenate([[0.0], p_nodes])
            p_vals = np.concatenate([h_open0, model.closed(p_nodes, t)], axis=1)
            p_axis, p_vals, ep_p, el_p = _refine(p_axis, p_vals, lambda x, t=t, h0=h_open0: _closed(model, x, t, h0),
                                                 tol, adaptive_p, p_nodes[0])
            d_axis = np.concatenate([[0.0], d_pos])
            d_vals = model.open(d_axis, t)
            d_axis, d_vals, ep_d, el_d = _refine(d_axis, d_vals, lambda x, t=t: model.open(x, t), tol,
                                                 adaptive_d, 0.0)
            if temperature_range is None or t.size >= MAX_NODES:
                break
            t_mid = 0.5 * (t[:-1] + t[1:])
            direct = np.concatenate([_closed(model, p_axis, t_mid, model.open(np.array([0.0]), t_mid)),
                                     model.open(d_axis, t_mid)], axis=1)
            both = np.concatenate([p_vals, d_vals], axis=1)
            blend = 0.5 * (both[:-1] + both[1:])
            err_t = (np.abs(blend - direct) / np.maximum(np.abs(direct), 1e-300)).max(axis=1)
            if not np.any(err_t > tol):
                break
            t = np.sort(np.concatenate([t, t_mid[err_t > tol]]))
            p_nodes, d_pos = p_axis[1:], d_axis[1:]  # keep the refined grids; re-checked at the new T
    notes = tuple(getattr(model, "warnings", ()))
    return ConductanceTable(p_axis, d_axis, t, p_vals, d_vals, tolerance=float(tol),
                            error_pchip=max(ep_p, ep_d), error_linear=max(el_p, el_d),
                            description={**getattr(model, "description", {}), "touch_pressure": touch or
                                         float(p_nodes[0])}, warnings=notes)


def _closed(model: Any, x: NDArray, t: NDArray, h_open0: NDArray) -> NDArray:
    """The closed path at x (x = 0 is the onset value)."""
    out = np.empty((t.size, x.size))
    zero = x <= 0
    if zero.any():
        out[:, zero] = h_open0
    if (~zero).any():
        out[:, ~zero] = model.closed(x[~zero], t)
    return out
