"""A height map on a regular grid with its physical size (the input of the contact solver)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.errors import InputError

__all__ = ["MAX_HEIGHT", "Topography"]

# Largest |height| accepted (m). Measured roughness and form maps stay far below a metre; a larger
# value is a unit mistake or a corrupt cell, and squares of values near 1e154 overflow the statistics.
MAX_HEIGHT = 1.0


@dataclass(frozen=True, eq=False)
class Topography:
    """Heights h(x, y) (m) on an nx × ny grid covering ``physical_size`` = (Lx, Ly) (m).

    ``periodic`` says whether the map repeats (synthetic surfaces) or is a finite patch (measured maps,
    which the contact solver zero-pads). Heights are stored as a read-only float64 array.

    Parameters
    ----------
    heights : array_like
        2-D array of real heights [m], at least 2 × 2.
    physical_size : float or tuple of float
        (Lx, Ly), or one L for a square [m].
    periodic : bool
        Whether the map repeats.
    info : dict, optional
        Provenance (file, levelling...).
    copy : bool
        Copy ``heights``; False adopts a float64 array as is (read-only), for large generated maps.

    Examples
    --------
    >>> t = Topography(np.zeros((4, 8)), (1e-4, 2e-4), periodic=False)
    >>> t.heights.shape, t.physical_size
    ((4, 8), (0.0001, 0.0002))
    """

    heights: NDArray[np.float64]
    physical_size: tuple[float, float]
    periodic: bool = True
    info: dict = field(default_factory=dict, compare=False)

    def __init__(
        self,
        heights: ArrayLike,
        physical_size: tuple[float, float] | float,
        periodic: bool = True,
        info: dict | None = None,
        *,
        copy: bool = True,
    ) -> None:
        # copy=False adopts a float64 array as is (and makes it read-only): for large generated maps
        if np.iscomplexobj(heights):
            raise InputError("heights", "complex values", "real heights (m)")
        try:
            h = np.array(heights, dtype=float) if copy else np.asarray(heights, dtype=float)
        except (TypeError, ValueError):
            raise InputError("heights", type(heights).__name__, "a 2-D array of real heights (m)") from None
        if h.ndim != 2:
            raise InputError("heights", f"array of shape {h.shape}", "a 2-D array of heights")
        if min(h.shape) < 2:
            raise InputError("heights", f"array of shape {h.shape}", "at least 2 × 2 points")
        if not (np.isfinite(h.min()) and np.isfinite(h.max())):  # min/max propagate NaN
            bad = int((~np.isfinite(h)).sum())
            raise InputError(
                "heights", f"{bad} non-finite values", "finite heights (fill or crop missing data)"
            )
        extent = max(abs(float(h.min())), abs(float(h.max())))
        if extent > MAX_HEIGHT:
            raise InputError(
                "heights", f"|h| up to {extent:.3g} m", f"|h| ≤ {MAX_HEIGHT:g} m (heights in metres: check "
                "the height unit, and the file for a corrupt value)", problem="implausible for a surface",
            )
        size = (physical_size, physical_size) if np.isscalar(physical_size) else tuple(physical_size)
        if len(size) != 2 or not all(np.isfinite(s) and s > 0 for s in size):
            raise InputError("physical_size", physical_size, "(Lx, Ly) with both > 0, in metres")
        h.setflags(write=False)
        object.__setattr__(self, "heights", h)
        object.__setattr__(self, "physical_size", (float(size[0]), float(size[1])))
        object.__setattr__(self, "periodic", bool(periodic))
        object.__setattr__(self, "info", dict(info or {}))

    @property
    def nb_grid_pts(self) -> tuple[int, int]:
        return self.heights.shape  # type: ignore[return-value]

    @property
    def pixel_size(self) -> tuple[float, float]:
        nx, ny = self.heights.shape
        return (self.physical_size[0] / nx, self.physical_size[1] / ny)

    # -- conveniences (keep the core API above stable: the contact solver relies on it) ----------------

    @property
    def area(self) -> float:
        """Nominal (projected) area Lx·Ly (m²)."""
        return self.physical_size[0] * self.physical_size[1]

    def coordinates(self) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """Pixel positions x (nx,) and y (ny,) in metres: x_i = i·Δx, y_j = j·Δy."""
        (nx, ny), (dx, dy) = self.nb_grid_pts, self.pixel_size
        return np.arange(nx) * dx, np.arange(ny) * dy

    def with_heights(self, heights: ArrayLike, **info: object) -> Topography:
        """A copy with new heights (same size and periodicity); ``info`` entries are added."""
        return Topography(heights, self.physical_size, self.periodic, {**self.info, **info})

    def level(self, kind: str = "tilt") -> Topography:
        """Remove the mean ("mean"), a plane ("tilt") or a quadratic ("curvature"); see
        :func:`tcrlab.surfaces.levelling.level`."""
        from tcrlab.surfaces.levelling import level

        return level(self, kind)

    def statistics(self) -> dict[str, object]:
        """Summary statistics; see :func:`tcrlab.surfaces.statistics.surface_statistics`."""
        from tcrlab.surfaces.statistics import surface_statistics

        return surface_statistics(self)

    def __repr__(self) -> str:
        (nx, ny), (lx, ly) = self.nb_grid_pts, self.physical_size
        kind = "periodic" if self.periodic else "non-periodic"
        return f"Topography({nx}×{ny} points, {lx:.4g} m × {ly:.4g} m, {kind})"
