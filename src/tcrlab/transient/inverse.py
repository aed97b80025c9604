"""Inverse transient analysis: the interface resistance that makes a predicted Zth(t) match a measured one.

The heat path is known except one interface resistance R_i (a die attach, a TIM). R_i is found by
least squares on the measured curve, min Σ (Zth_model(t; R_i) − Zth_meas)², in ln R_i (Gauss–Newton with the
exact derivative). Z(s) is a bilinear function of R_i, so the Laplace-domain work is done
once and every trial value costs one contour sum.

Its uncertainty is a Monte Carlo (parametric bootstrap; Efron & Tibshirani 1993, ch. 6): synthetic curves
are drawn as the fitted model plus white noise of the residual's RMS, with every other uncertain input of
the path (thicknesses, conductivities, … given as :class:`tcrlab.uq.distributions.Distribution`) sampled
alongside, and each is refitted. The samples come from ``numpy.random.default_rng(SeedSequence(seed))``
as in :mod:`tcrlab.uq.montecarlo`, so a seed reproduces the result. The reported interval is the 2.5–97.5
percentile range of the refitted values, centred on the fit (basic bootstrap interval).

Validity: the model must describe the measured path (1-D, known layers); the noise white and stationary.

References
----------
B. Efron and R. J. Tibshirani, *An Introduction to the Bootstrap*, Chapman & Hall (1993), ch. 6 and 13.
J. V. Beck and K. J. Arnold, *Parameter Estimation in Engineering and Science*, Wiley (1977), ch. 7.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.errors import ConvergenceError, InputError
from tcrlab.transient.curves import check_zth_curve
from tcrlab.transient.laplace import LayeredPath, Resistance, layered_impedance, talbot_contour
from tcrlab.uq.distributions import Distribution

__all__ = ["InterfaceFit", "fit_interface_resistance"]

Array = NDArray[np.float64]

MAX_BYTES = 2e9  # working memory of the batched Monte Carlo refits


@dataclass(frozen=True)
class InterfaceFit:
    """Fitted interface resistance [K/W] with its Monte Carlo uncertainty.

    Attributes
    ----------
    name : str
        The fitted interface.
    value : float
        Best-fit resistance [K/W].
    std : float
        Standard deviation of the Monte Carlo refits [K/W].
    interval : tuple of float
        95 % interval (2.5–97.5 %) [K/W].
    residual_rms : float
        RMS residual of the fit [K/W].
    samples : ndarray
        Refitted values [K/W].
    seed : int
        Seed of the Monte Carlo noise.
    """

    name: str
    value: float
    std: float
    interval: tuple[float, float]  # 95 % (2.5–97.5 %) [K/W]
    residual_rms: float  # K/W
    samples: Array  # refitted values [K/W]
    seed: int

    def covers(self, truth: float) -> bool:
        return self.interval[0] <= truth <= self.interval[1]

    def to_dict(self) -> dict[str, Any]:
        return {"interface": self.name, "R_K_per_W": self.value, "std_K_per_W": self.std,
                "interval_95_K_per_W": list(self.interval), "residual_rms_K_per_W": self.residual_rms,
                "samples": int(self.samples.size), "seed": self.seed}


class _InterfaceModel:
    """Zth(t; R_i) of a path for many values of one interface resistance at once.

    Z(s) is a Möbius (bilinear) function of the impedance seen below the interface, Z_i = Z_below + R_i:
    Z = (a Z_i + b)/(c Z_i + d), the product of the elements' normalised transmission matrices above it
    (Maillet et al. 2000, ch. 3). a, b, c, d and Z_below are computed once per Talbot node, so each new
    batch of R_i costs one bilinear map and one contour sum.
    """

    def __init__(self, path: LayeredPath, index: int, t: Array, draws: Mapping[tuple[int, str], Array],
                 nodes: int = 24) -> None:
        elements = list(path.elements)
        for (j, fld), values in draws.items():
            elements[j] = replace(elements[j], **{fld: np.asarray(values, dtype=float).reshape(-1, 1, 1)})
        s, w, r = talbot_contour(t, nodes)
        sn = np.concatenate([r[:, None].astype(complex), s], axis=1)  # node 0 is s = r
        below = tuple(elements[index + 1:])
        self.z_below = layered_impedance(below, sn) if below else np.zeros(sn.shape, complex)
        a = np.ones(sn.shape, complex)
        b = np.zeros(sn.shape, complex)
        c = np.zeros(sn.shape, complex)
        d = np.ones(sn.shape, complex)
        for e in reversed(elements[:index]):
            if isinstance(e, Resistance):  # Z ← Z + R: [[1, R], [0, 1]]
                rr = np.asarray(e.resistance, dtype=float)
                a, b, c, d = a + rr * c, b + rr * d, c, d
            else:  # Z ← (Z + zc·th)/(th/zc·Z + 1): [[1, zc·th], [th/zc, 1]]
                k = np.asarray(e.conductivity, dtype=float)
                q = np.sqrt(sn * np.asarray(e.heat_capacity, dtype=float) / k)
                zc = 1.0 / (k * q * np.asarray(e.area, dtype=float))
                th = np.tanh(q * np.asarray(e.thickness, dtype=float))
                a, b, c, d = a + zc * th * c, b + zc * th * d, th / zc * a + c, th / zc * b + d
            norm = np.abs(a) + np.abs(d)  # the map is scale-free: keep the numbers O(1)
            a, b, c, d = a / norm, b / norm, c / norm, d / norm
        self.a, self.b, self.c, self.d = a, b, c, d
        self.sn = sn
        self.weights = np.concatenate([0.5 * np.exp(r * t)[:, None] + 0j, np.exp(t[:, None] * s) * w], axis=1)
        self.scale = r / nodes

    def zth(self, resistance: Array) -> Array:
        """Zth at the times for each interface resistance (shape (n,) → (n, nt))."""
        zi = self.z_below + np.reshape(resistance, (-1, 1, 1))
        z = (self.a * zi + self.b) / (self.c * zi + self.d)
        return self.scale * np.sum(np.real(z / self.sn * self.weights), axis=-1)

    def zth_and_slope(self, resistance: Array) -> tuple[Array, Array]:
        """Zth and dZth/d(ln R) (exact: dZ/dZ_i = (ad − bc)/(c Z_i + d)²), each of shape (n, nt)."""
        r = np.reshape(resistance, (-1, 1, 1))
        zi = self.z_below + r
        den = self.c * zi + self.d
        z = (self.a * zi + self.b) / den
        dz = (self.a * self.d - self.b * self.c) / den**2 * r
        weights = self.weights / self.sn
        return (self.scale * np.sum(np.real(z * weights), axis=-1),
                self.scale * np.sum(np.real(dz * weights), axis=-1))


def _gauss_newton(model: _InterfaceModel, z: Array, x0: Array, iterations: int = 40) -> Array:
    """Batched Gauss–Newton in x = ln R, one fit per row of z (shape (n, nt))."""
    x = x0.copy()
    step = np.full(x.shape, np.inf)
    for _ in range(iterations):
        f0, jac = model.zth_and_slope(np.exp(x))
        denom = np.sum(jac * jac, axis=-1)
        step = np.clip(np.sum(jac * (z - f0), axis=-1) / np.where(denom > 0, denom, 1.0), -2.0, 2.0)
        x = x + step
        if np.max(np.abs(step)) < 1e-9:
            return x
    if np.max(np.abs(step)) > 1e-6:
        raise ConvergenceError(f"interface fit: Gauss–Newton did not settle (last step {np.max(np.abs(step)):.2g} "
                               "in ln R); is the interface visible in the measured curve?")
    return x


def fit_interface_resistance(path: LayeredPath, interface: int | str, t: ArrayLike, zth: ArrayLike, *,
                             samples: int = 200, seed: int = 0,
                             uncertain: Mapping[tuple[int | str, str], Distribution] | None = None,
                             initial: float | None = None) -> InterfaceFit:
    """Fit one interface resistance of a layered path to a measured Zth curve, with MC uncertainty.

    Parameters
    ----------
    path : LayeredPath
        The heat path; element ``interface`` must be a :class:`Resistance`.
    interface : int or str
        Index (0-based) or name of the interface to fit.
    t, zth : array_like
        Measured curve: times [s] and Zth [K/W].
    samples : int
        Monte Carlo refits (≥ 20).
    seed : int
        Seed of the Monte Carlo draws.
    uncertain : mapping, optional
        ``{(element, field): Distribution}`` for other uncertain inputs (SI samples), e.g.
        ``{("die", "thickness"): parse_distribution({...})}``; they are held at their means for the fit.
    initial : float, optional
        Start value [K/W] (default: the path's current value).

    Returns
    -------
    InterfaceFit

    References
    ----------
    Beck & Arnold (1977) ch. 7; Efron & Tibshirani (1993) ch. 6.
    """
    curve = check_zth_curve(t, zth, name="measured")
    names = [e.name for e in path.elements]
    if isinstance(interface, str):
        if interface not in names:
            raise InputError("interface", interface, "an element name: " + ", ".join(names))
        index = names.index(interface)
    else:
        index = int(interface)
        if not 0 <= index < len(names):
            raise InputError("interface", interface, f"an element index 0 … {len(names) - 1}")
    element = path.elements[index]
    if not isinstance(element, Resistance):
        raise InputError("interface", element.name, "a massless resistance (contact, TIM) of the path")
    if not isinstance(samples, int) or samples < 20:
        raise InputError("samples", samples, "an integer ≥ 20")
    memory = 16 * 6 * samples * curve.t.size * 24  # six complex (samples, times, nodes) arrays
    if memory > MAX_BYTES:
        raise InputError("samples", samples, f"fewer samples or points: {samples} × {curve.t.size} points needs "
                         f"~{memory / 1e9:.1f} GB (limit {MAX_BYTES / 1e9:.0f} GB); resample the curve to ~50 "
                         "points per decade")
    dists: dict[tuple[int, str], Distribution] = {}
    for (el, fld), dist in (uncertain or {}).items():
        j = names.index(el) if isinstance(el, str) and el in names else el
        if not isinstance(j, int) or not 0 <= j < len(names) or not hasattr(path.elements[j], fld):
            raise InputError("uncertain", (el, fld), "(element name or index, field of that element)")
        dists[(j, fld)] = dist
    r0 = float(initial) if initial is not None else float(element.resistance)
    if not r0 > 0:
        r0 = 0.1 * float(path.steady_resistance)
    means = {k: np.array([d.mean]) for k, d in dists.items()}
    nominal = _InterfaceModel(path, index, curve.t, means)
    x_fit = _gauss_newton(nominal, curve.zth[None, :], np.array([np.log(r0)]))
    model = nominal.zth(np.exp(x_fit))[0]
    rms = float(np.sqrt(np.mean((model - curve.zth) ** 2)))
    rng = np.random.default_rng(np.random.SeedSequence(seed))
    noise = rng.normal(0.0, rms, size=(samples, curve.t.size))
    draws = {k: d.sample(rng, samples) for k, d in sorted(dists.items())}
    sampled = _InterfaceModel(path, index, curve.t, draws) if draws else nominal
    x_mc = _gauss_newton(sampled, model[None, :] + noise, np.full(samples, x_fit[0]))
    r_fit = float(np.exp(x_fit[0]))
    r_mc = np.exp(x_mc)
    lo, hi = np.percentile(r_mc, [2.5, 97.5])
    # basic bootstrap interval: reflect the refit spread about the fit
    interval = (float(max(2 * r_fit - hi, 0.0)), float(2 * r_fit - lo))
    return InterfaceFit(element.name, r_fit, float(np.std(r_mc, ddof=1)), interval, rms, r_mc, seed)
