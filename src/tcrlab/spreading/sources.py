"""Several rectangular sources on one layered plate, by superposition of the single-source solution.

The temperature rise of a linear conduction problem is the sum of the rises each source causes alone, so
with the Fourier coefficients of every source (Muzychka, Culham & Yovanovich 2003)
the rise at any point is θ(x, y) = Σ_{m,n} C_mn cos(λ_m x) cos(δ_n y) + Q_total·(Σt_i/k_i + 1/h)/(cd),

    C_mn = Σ_i Q_i ε_m ε_n u_m^(i) v_n^(i) Z(β_mn)/(cd),  (m, n) ≠ (0, 0),

and the mean over source j uses u^(j), v^(j) again (the influence matrix R_ij is symmetric). The maximum
of each source is searched on a grid over the source (the series converges pointwise there; the grid
spacing and the change from half the modes are reported).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tcrlab.errors import InputError
from tcrlab.spreading.layers import LayerSpec, check_layers, mode_impedance
from tcrlab.spreading.rectangle import check_rectangle, fourier_weights
from tcrlab.validation import require_finite, require_positive

__all__ = ["MultiSourceResult", "RectSource", "multiple_sources", "surface_temperature_rise"]

MAX_MODE_ELEMENTS = 4_000_000  # (M+1)(N+1) at most: 32 MB per float64 mode array


@dataclass(frozen=True)
class RectSource:
    """A rectangular isoflux source on the heated face of a plate.

    Attributes
    ----------
    x, y : float
        Centre of the source, measured from the plate corner [m].
    length, width : float
        Source size along x and y [m].
    power : float
        Dissipated power [W].
    name : str
        Label in results.
    """

    x: float
    y: float
    length: float
    width: float
    power: float
    name: str = ""


@dataclass(frozen=True)
class MultiSourceResult:
    """Per-source temperature rises above the sink and the resistances behind them.

    Attributes
    ----------
    names : tuple of str
        Source labels.
    mean_rise, max_rise : ndarray
        Mean and maximum temperature rise of each source above the sink [K].
    max_location : ndarray
        (x, y) of each source's maximum [m].
    influence : ndarray
        R_ij, the mean rise of source j per watt in source i, spreading part only [K/W].
    one_d : float
        The plate's 1-D resistance; every source sees Q_total·one_d [K/W].
    mean_error, max_error : ndarray
        Change from halving the modes (truncation estimate) [K].
    grid_step : ndarray
        Spacing of the maximum search in each source [m].
    modes : tuple of int
        Modes (M, N) of the series.
    """

    names: tuple[str, ...]
    mean_rise: NDArray[np.float64]
    max_rise: NDArray[np.float64]
    max_location: NDArray[np.float64]
    influence: NDArray[np.float64]
    one_d: float
    mean_error: NDArray[np.float64]
    max_error: NDArray[np.float64]
    grid_step: NDArray[np.float64]
    modes: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        """The result as plain JSON-ready values (keys name their units).

        Returns
        -------
        dict
            ``sources`` (one dict per source), ``influence_K_per_W``, ``R_1d_K_per_W`` and ``modes``.
        """
        return {
            "sources": [
                {"name": n, "mean_rise_K": float(m), "max_rise_K": float(x), "max_at_m": [float(v) for v in loc],
                 "mean_truncation_K": float(me), "max_truncation_K": float(xe)}
                for n, m, x, loc, me, xe in zip(self.names, self.mean_rise, self.max_rise, self.max_location,
                                                self.mean_error, self.max_error, strict=True)
            ],
            "influence_K_per_W": self.influence.tolist(), "R_1d_K_per_W": self.one_d, "modes": list(self.modes),
        }


def _check_sources(sources: Sequence[RectSource], c: float, d: float) -> list[RectSource]:
    if isinstance(sources, RectSource) or not isinstance(sources, Sequence) or not sources:
        raise InputError("sources", sources, "a non-empty list of RectSource(x, y, length, width, power)")
    checked = []
    for i, s in enumerate(sources, start=1):
        if not isinstance(s, RectSource):
            raise InputError(f"sources[{i}]", s, "a RectSource(x, y, length, width, power)")
        label = s.name or f"sources[{i}]"
        require_finite(f"{label}.power", s.power)
        for field in ("x", "y", "length", "width"):
            require_finite(f"{label}.{field}", getattr(s, field))
        try:
            check_rectangle(s.length, s.width, c, d, s.x, s.y,
                            names=(f"{label}.length", f"{label}.width", "plate_length", "plate_width"))
        except InputError as exc:
            field = exc.field if exc.field.startswith(label) else f"{label}.{exc.field.replace('xc', 'x').replace('yc', 'y')}"
            raise InputError(field, exc.value, exc.expected, problem=exc.problem) from None
        checked.append(RectSource(float(s.x), float(s.y), float(s.length), float(s.width), float(s.power),
                                  s.name or f"source {i}"))
    tol = 1e-12 * max(c, d)
    for i, p in enumerate(checked):
        for j in range(i + 1, len(checked)):
            q = checked[j]
            ox = min(p.x + p.length / 2, q.x + q.length / 2) - max(p.x - p.length / 2, q.x - q.length / 2)
            oy = min(p.y + p.width / 2, q.y + q.width / 2) - max(p.y - p.width / 2, q.y - q.width / 2)
            if ox > tol and oy > tol:
                raise InputError(f"sources[{j + 1}]", q.name, "sources that do not overlap (touching edges are fine)",
                                 problem=f"overlaps {p.name} by {ox * 1e3:.3g} mm × {oy * 1e3:.3g} mm")
    return checked


def _coefficients(srcs: list[RectSource], c: float, d: float, layers: Any, m_modes: int, n_modes: int):
    lam = np.arange(m_modes + 1) * np.pi / c
    dlt = np.arange(n_modes + 1) * np.pi / d
    u = np.stack([fourier_weights(np.asarray(s.length), np.asarray(s.x), lam) for s in srcs])  # (S, M+1)
    v = np.stack([fourier_weights(np.asarray(s.width), np.asarray(s.y), dlt) for s in srcs])   # (S, N+1)
    beta = np.hypot(lam[:, None], dlt[None, :])
    beta[0, 0] = 1.0
    z = mode_impedance(beta, layers)
    w = np.where(lam > 0, 2.0, 1.0)[:, None] * np.where(dlt > 0, 2.0, 1.0)[None, :] * z / (c * d)
    w[0, 0] = 0.0
    return lam, dlt, u, v, w


def _solve(srcs, c, d, layers, m_modes, n_modes, grid):
    lam, dlt, u, v, w = _coefficients(srcs, c, d, layers, m_modes, n_modes)
    # influence R_ij = Σ_mn u_im v_in w_mn u_jm v_jn (mean over j of the rise per watt in i), one source
    # at a time so that memory stays one mode array whatever the number of sources
    influence = np.empty((len(srcs), len(srcs)))
    for i in range(len(srcs)):
        field_i = w * np.outer(u[i], v[i])
        influence[i] = np.sum(u.T * (field_i @ v.T), axis=0)
    power = np.array([s.power for s in srcs])
    coeff = w * ((u.T * power) @ v)
    max_rise, where = [], []
    for s in srcs:
        xs = s.x + s.length * (np.linspace(0.0, 1.0, grid) - 0.5)
        ys = s.y + s.width * (np.linspace(0.0, 1.0, grid) - 0.5)
        field = np.cos(np.outer(xs, lam)) @ coeff @ np.cos(np.outer(dlt, ys))
        i, j = np.unravel_index(int(np.argmax(field)), field.shape)
        max_rise.append(field[i, j])
        where.append((xs[i], ys[j]))
    return influence, np.array(max_rise), np.array(where)


def multiple_sources(
    sources: Sequence[RectSource], plate_length: float, plate_width: float, layers: LayerSpec,
    h: float = math.inf, *, modes: int | None = None, grid: int = 41,
) -> MultiSourceResult:
    """Mean and maximum temperature rise of each of several rectangular sources on one layered plate.

    Parameters
    ----------
    sources : :class:`RectSource` list (centres [m] from the plate corner, sizes [m], powers [W]); sources
        must lie inside the plate and must not overlap.
    plate_length, plate_width : plate size [m].
    layers : ``[(t1, k1), ...]`` thickness [m], conductivity [W/(m K)], heated face first.
    h : sink heat-transfer coefficient [W/(m² K)] on the opposite face; ``inf``: isothermal.
    modes : Fourier modes per direction (default: 64 wavelengths across the smallest source, capped so the
        mode array stays under 32 MB); the result also reports the change from half as many.
    grid : points per side of the grid searched for each source's maximum.

    Returns
    -------
    MultiSourceResult
        Rises above the sink temperature [K]: mean_rise = Σ_i Q_i R_ij + Q_total·one_d.

    References
    ----------
    Y. S. Muzychka, J. R. Culham, M. M. Yovanovich, J. Electronic Packaging 125(2) (2003) 178–185
    (eccentric sources and their superposition).

    Examples
    --------
    >>> r = multiple_sources([RectSource(0.015, 0.03, 0.01, 0.01, 20.0), RectSource(0.045, 0.03, 0.01, 0.01, 20.0)],
    ...                      0.06, 0.06, [(0.005, 200.0)], h=2000.0)
    >>> bool(r.max_rise[0] > r.mean_rise[0])
    True
    """
    c = float(require_positive("plate_length", plate_length))
    d = float(require_positive("plate_width", plate_width))
    lay = check_layers(layers, h)
    if any(np.ndim(x) for x in (*lay.thickness, *lay.conductivity, lay.h)):
        raise InputError("layers", layers, "scalar thicknesses, conductivities and h (one plate)")
    srcs = _check_sources(sources, c, d)
    if isinstance(grid, bool) or not isinstance(grid, int) or grid < 3:
        raise InputError("grid", grid, "an integer >= 3")
    smallest = min(min(s.length / c, s.width / d) for s in srcs)
    if modes is None:
        modes = int(min(np.ceil(128.0 / smallest), math.isqrt(MAX_MODE_ELEMENTS) - 1))
    if isinstance(modes, bool) or not isinstance(modes, int) or modes < 8:
        raise InputError("modes", modes, "an integer >= 8")
    if (modes + 1) ** 2 > MAX_MODE_ELEMENTS:
        raise InputError("modes", modes, f"<= {math.isqrt(MAX_MODE_ELEMENTS) - 1}",
                         problem=f"{(modes + 1) ** 2 * 8 * 6 / 1e9:.2g} GB of mode arrays")
    influence, max_rise, where = _solve(srcs, c, d, lay, modes, modes, grid)
    half_inf, half_max, _ = _solve(srcs, c, d, lay, modes // 2, modes // 2, grid)
    power = np.array([s.power for s in srcs])
    one_d = float(lay.one_d_area_resistance()) / (c * d)
    base = power.sum() * one_d
    mean = power @ influence + base
    mean_err = np.abs(power @ (influence - half_inf))
    return MultiSourceResult(
        names=tuple(s.name for s in srcs), mean_rise=mean, max_rise=max_rise + base, max_location=where,
        influence=influence, one_d=one_d, mean_error=mean_err, max_error=np.abs(max_rise - half_max),
        grid_step=np.array([[s.length / (grid - 1), s.width / (grid - 1)] for s in srcs]), modes=(modes, modes),
    )


def surface_temperature_rise(
    sources: Sequence[RectSource], plate_length: float, plate_width: float, layers: LayerSpec,
    h: float = math.inf, *, points: int = 121, modes: int | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """The heated face's temperature rise above the sink on a ``points`` × ``points`` grid.

    Same series as :func:`multiple_sources`.

    Parameters
    ----------
    sources : sequence of RectSource
        The sources, inside the plate.
    plate_length, plate_width : float
        Plate size [m].
    layers : sequence of (float, float)
        Thickness [m] and conductivity [W/(m K)] of each bonded layer, heated face first.
    h : float
        Sink heat-transfer coefficient [W/(m² K)]; ``inf`` (default) is isothermal.
    points : int
        Grid points along each side, 2 … 2000.
    modes : int, optional
        Modes per direction (by default enough to resolve the smallest source).

    Returns
    -------
    x, y : ndarray
        Grid coordinates [m].
    rise : ndarray
        Temperature rise θ[y, x] above the sink [K].

    References
    ----------
    Muzychka, Culham & Yovanovich, J. Electronic Packaging 125(2) (2003) 178–185.

    Examples
    --------
    >>> x, y, rise = surface_temperature_rise([RectSource(0.03, 0.03, 0.02, 0.02, 120.0)], 0.06, 0.06,
    ...                                       [(0.006, 237.0)], 1500.0, points=21)
    >>> rise.shape, bool(rise[10, 10] == rise.max())
    ((21, 21), True)
    """
    c = float(require_positive("plate_length", plate_length))
    d = float(require_positive("plate_width", plate_width))
    lay = check_layers(layers, h)
    srcs = _check_sources(sources, c, d)
    if isinstance(points, bool) or not isinstance(points, int) or not 2 <= points <= 2000:
        raise InputError("points", points, "an integer 2 … 2000")
    if modes is None:
        smallest = min(min(s.length / c, s.width / d) for s in srcs)
        modes = int(min(np.ceil(128.0 / smallest), math.isqrt(MAX_MODE_ELEMENTS) - 1))
    lam, dlt, u, v, w = _coefficients(srcs, c, d, lay, modes, modes)
    power = np.array([s.power for s in srcs])
    coeff = w * ((u.T * power) @ v)
    x = np.linspace(0.0, c, points)
    y = np.linspace(0.0, d, points)
    field = np.cos(np.outer(y, dlt)) @ coeff.T @ np.cos(np.outer(lam, x))
    base = power.sum() * float(lay.one_d_area_resistance()) / (c * d)
    return x, y, field + base
