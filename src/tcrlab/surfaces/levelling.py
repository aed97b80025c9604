"""Levelling of measured maps: remove the mean, a tilted plane or a quadratic (curvature / form).

A least-squares polynomial in the pixel positions is subtracted: degree 0 (mean), 1 (plane
a + b·x + c·y) or 2 (a + b·x + c·y + d·x² + e·x·y + f·y²). Coordinates are centred and scaled to
[−1, 1] for conditioning; the coefficients reported in ``info["levelling"]`` are in SI (m, m/m, 1/m).
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from tcrlab.errors import InputError
from tcrlab.surfaces.topography import Topography

__all__ = ["LEVELS", "level", "polynomial_fit"]

LEVELS: dict[str, int] = {"mean": 0, "tilt": 1, "plane": 1, "curvature": 2, "quadratic": 2}


def _design(topography: Topography, degree: int) -> tuple[np.ndarray, list[str]]:
    x, y = topography.coordinates()
    xc, yc = x - x.mean(), y - y.mean()
    sx = max(float(np.abs(xc).max()), 1e-300)
    sy = max(float(np.abs(yc).max()), 1e-300)
    u, v = np.meshgrid(xc / sx, yc / sy, indexing="ij")
    columns = [np.ones_like(u)]
    names = ["offset"]
    if degree >= 1:
        columns += [u, v]
        names += ["slope_x", "slope_y"]
    if degree >= 2:
        columns += [u * u, u * v, v * v]
        names += ["xx", "xy", "yy"]
    return np.stack([c.ravel() for c in columns], axis=1), names


def polynomial_fit(topography: Topography, degree: int) -> np.ndarray:
    """The least-squares polynomial surface of ``degree`` (0, 1 or 2) through the heights.

    Parameters
    ----------
    topography : Topography
        The height map.
    degree : {0, 1, 2}
        Polynomial degree.

    Returns
    -------
    ndarray
        The fitted surface on the map's grid [m].
    """
    if degree not in (0, 1, 2):
        raise InputError("degree", degree, "0 (mean), 1 (plane) or 2 (quadratic)")
    a, _ = _design(topography, degree)
    h = topography.heights.ravel()
    coeffs, *_ = np.linalg.lstsq(a, h, rcond=None)
    return (a @ coeffs).reshape(topography.nb_grid_pts)


def level(
    topography: Topography,
    kind: Literal["none", "mean", "tilt", "curvature"] | str = "tilt",
) -> Topography:
    """Subtract the least-squares mean, plane ("tilt") or quadratic ("curvature") from the heights.

    ``"none"`` returns the topography unchanged. The result keeps the physical size and the periodic
    flag (levelling a periodic map by more than its mean is legal, but the map then usually no longer
    repeats seamlessly: measured maps are non-periodic anyway). The removed surface's RMS is recorded in
    ``info["levelling"]``.

    Parameters
    ----------
    topography : Topography
        The height map.
    kind : {"none", "mean", "tilt", "curvature"}
        What to subtract.

    Returns
    -------
    Topography
        The levelled map.

    Examples
    --------
    >>> from tcrlab.surfaces import Topography
    >>> x = np.arange(4.0)
    >>> tilted = Topography(np.add.outer(x, 2 * x) * 1e-6, (4e-6, 4e-6), periodic=False)
    >>> bool(np.abs(level(tilted, "tilt").heights).max() < 1e-18)
    True
    """
    if not isinstance(topography, Topography):
        raise InputError("topography", type(topography).__name__, "a tcrlab.surfaces.Topography")
    key = str(kind).strip().lower()
    if key == "none":
        return topography
    if key not in LEVELS:
        raise InputError("level", kind, "one of none, mean, tilt, curvature")
    degree = LEVELS[key]
    form = polynomial_fit(topography, degree)
    residual = topography.heights - form
    if degree == 0:
        residual = topography.heights - topography.heights.mean()
    removed = {"kind": ["mean", "tilt", "curvature"][degree], "rms_removed": float(np.std(form))}
    if degree >= 1:
        x, y = topography.coordinates()
        # the plane part in SI slopes from a degree-1 fit (well defined for any degree)
        a, _ = _design(topography, 1)
        coeffs, *_ = np.linalg.lstsq(a, topography.heights.ravel(), rcond=None)
        half_x = max((x.max() - x.min()) / 2, 1e-300)
        half_y = max((y.max() - y.min()) / 2, 1e-300)
        removed["slope_x"] = float(coeffs[1] / half_x)
        removed["slope_y"] = float(coeffs[2] / half_y)
    return topography.with_heights(residual, levelling=removed)
