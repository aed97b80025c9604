"""Reading measured height maps: text/CSV matrices, NumPy files and instrument formats.

Instrument formats (Gwyddion .gwy, Digital Surf .sur, ISO 25178-72 .x3p, Igor .ibw, Zygo .datx, Keyence
.vk4/.zon, Bruker/DI, Sensofar .plu, NetCDF, ...) are read by the maintained SurfaceTopography library
(Pastewka group, MIT licence; imported only when a file is read). Plain CSV matrices, which that library
does not detect, are read with NumPy. Orientation follows SurfaceTopography: in a text or CSV matrix
each line of the file is one scan line along x (so ``heights[i, j] = file[j, i]``); a ``.npy`` array
is used as it is (``heights[i, j]`` at x_i, y_j).

Units: files that carry their units (x3p, gwy, sur, ...) are converted to metres; a file without units
(npy, a bare text matrix) needs ``unit`` ("um", "nm", or a scale such as "10 nm") and, when it has no
lateral size, ``physical_size`` ("100 um" or "100 um x 50 um"). Undefined points (NaN, ±inf, masked)
are an error unless ``missing="fill"``, which replaces them by the harmonic interpolant of their
neighbours (the solution of Laplace's equation with the valid points as boundary values).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from tcrlab.errors import CaseFileError, InputError
from tcrlab.surfaces.integrity import check_file
from tcrlab.surfaces.topography import Topography
from tcrlab.units import parse_quantity

__all__ = ["SUPPORTED_FORMATS", "fill_missing", "read_topography", "supported_formats"]

# the formats users meet most; the full list comes from SurfaceTopography at run time
SUPPORTED_FORMATS = (
    "plain text matrix (.txt/.asc/.dat, optional '# unit' header), CSV matrix (.csv), NumPy (.npy), "
    "Gwyddion (.gwy), Digital Surf (.sur), ISO 25178 X3P (.x3p), Igor binary wave (.ibw), "
    "Zygo DATX (.datx)/MetroPro (.dat), Keyence (.vk4/.zon), Bruker/DI, Sensofar (.plu/.plux), "
    "NetCDF (.nc), HDF5, MATLAB (.mat) and the other formats read by SurfaceTopography"
)

MIN_POINTS = 4


def supported_formats() -> list[str]:
    """Names of every format the installed SurfaceTopography can read, plus CSV.

    Returns
    -------
    list of str
        Format names.
    """
    try:
        from SurfaceTopography.IO import readers
    except ImportError:  # pragma: no cover - the library is a dependency
        return ["CSV matrix", "NumPy array (NPY)"]
    return ["CSV matrix"] + [r.name() for r in readers]


def _length(value: Any, field: str, source: str | None) -> float:
    if isinstance(value, int | float | np.integer | np.floating):
        return float(parse_quantity(float(value), "length", field, source=source, bare_numbers_are_si=True))
    return float(parse_quantity(value, "length", field, source=source))


def _parse_size(
    physical_size: Any, source: str | None
) -> tuple[float, float] | None:
    """None, L, (Lx, Ly), "100 um", "100 um x 50 um" or "100um,50um" → (Lx, Ly) in m."""
    if physical_size is None:
        return None
    if isinstance(physical_size, str):
        parts = [p for p in re.split(r"\s*[x×,]\s*(?=[-+.\d])", physical_size.strip()) if p]
    elif np.isscalar(physical_size):
        parts = [physical_size]
    else:
        parts = list(physical_size)
    if len(parts) not in (1, 2):
        raise InputError(
            "physical_size", physical_size, "'L' or 'Lx x Ly' with units, e.g. '100 um x 50 um'",
            source=source,
        )
    sizes = [_length(p, "physical_size", source) for p in parts]
    if any(s <= 0 for s in sizes):
        raise InputError("physical_size", physical_size, "lengths > 0", source=source)
    return (sizes[0], sizes[-1])


def _unit_factor(unit: Any, source: str | None) -> float:
    """'um' → 1e-6; '10 nm' → 1e-8 (a scale with a unit); a number → metres per file unit."""
    if isinstance(unit, str):
        text = unit.strip().replace("µ", "u").replace("μ", "u")
        if text and not text[0].isdigit() and not text.startswith("."):
            text = "1 " + text
        factor = parse_quantity(text, "length", "unit", source=source)
    else:
        factor = _length(unit, "unit", source)
    if not factor > 0:
        raise InputError("unit", unit, "a positive length, e.g. 'um', 'nm', '10 nm'", source=source)
    return float(factor)


def fill_missing(heights: NDArray[np.float64], mask: NDArray[np.bool_]) -> NDArray[np.float64]:
    """Replace the masked points by the discrete harmonic interpolant of the valid ones.

    Solves the five-point Laplace equation on the missing points (sparse direct solve) with the valid
    neighbours as Dirichlet values; at the map's edges only in-grid neighbours are used.

    Parameters
    ----------
    heights : ndarray
        Height map [m] (values at masked points are ignored).
    mask : ndarray of bool
        True at the missing points.

    Returns
    -------
    ndarray
        The heights with the missing points filled [m].

    Examples
    --------
    >>> h = np.array([[0.0, 1.0, 2.0], [1.0, 0.0, 3.0], [2.0, 3.0, 4.0]])
    >>> float(fill_missing(h, h == 0.0)[1, 1])  # centre = mean of its four neighbours
    2.0
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import spsolve

    h = np.array(heights, dtype=float)
    mask = np.asarray(mask, dtype=bool)
    if not mask.any():
        return h
    if mask.all():
        raise InputError("heights", "no valid points", "a map with at least one defined height")
    nx, ny = h.shape
    index = -np.ones(h.shape, dtype=np.int64)
    index[mask] = np.arange(int(mask.sum()))
    rows, cols, vals = [], [], []
    rhs = np.zeros(int(mask.sum()))
    ii, jj = np.nonzero(mask)
    k = index[ii, jj]
    degree = np.zeros(len(k))
    for di, dj in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        ni, nj = ii + di, jj + dj
        inside = (ni >= 0) & (ni < nx) & (nj >= 0) & (nj < ny)
        degree += inside
        ni_in, nj_in, k_in = ni[inside], nj[inside], k[inside]
        neighbour_missing = mask[ni_in, nj_in]
        rows.append(k_in[neighbour_missing])
        cols.append(index[ni_in[neighbour_missing], nj_in[neighbour_missing]])
        vals.append(-np.ones(int(neighbour_missing.sum())))
        np.add.at(rhs, k_in[~neighbour_missing], h[ni_in[~neighbour_missing], nj_in[~neighbour_missing]])
    rows.append(k)
    cols.append(k)
    vals.append(degree)
    n = len(k)
    matrix = coo_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n)
    ).tocsc()
    h[mask] = spsolve(matrix, rhs)
    return h


def _read_csv(path: Path) -> NDArray[np.float64]:
    try:
        data = np.loadtxt(path, delimiter=",", comments="#", dtype=float, ndmin=2)
    except ValueError as exc:
        raise CaseFileError(f"{path}: not a CSV matrix of numbers ({exc})") from None
    return data.T  # file lines are scan lines along x (SurfaceTopography's text convention)


def _read_with_surfacetopography(
    path: Path, channel: int | None, periodic: bool
) -> tuple[NDArray[np.float64], NDArray[np.bool_], tuple[float, float] | None, bool, dict]:
    """Heights in metres if the file has a unit (else raw numbers), mask, size (m) or None."""
    try:
        import SurfaceTopography as st
        from SurfaceTopography.Exceptions import (
            CannotDetectFileFormat,
            ReadFileError,
            UnknownFileFormat,
        )
    except ImportError as exc:  # pragma: no cover - the library is a dependency
        raise CaseFileError(
            f"{path}: reading instrument formats needs the SurfaceTopography package ({exc})"
        ) from None
    previous = logging.root.manager.disable
    logging.disable(logging.CRITICAL)  # format detection tries every reader; some log their failure
    try:
        reader = st.open_topography(str(path))
    except (CannotDetectFileFormat, UnknownFileFormat):
        raise CaseFileError(
            f"{path}: unknown or unsupported surface file format; supported: {SUPPORTED_FORMATS}"
        ) from None
    except ReadFileError as exc:
        raise CaseFileError(f"{path}: cannot read the file ({_first_line(exc)})") from None
    finally:
        logging.disable(previous)
    if reader.format() in _SIZE_ONLY_FORMATS and path.suffix.lower() != f".{reader.format()}":
        # the raw SRTM reader accepts any file of 2·n² bytes: without the .hgt suffix it is not a surface
        reader.close()
        raise CaseFileError(
            f"{path}: unknown or unsupported surface file format; supported: {SUPPORTED_FORMATS}"
        )
    try:
        channels = reader.channels
        if channel is None:
            info = reader.default_channel
        elif 0 <= channel < len(channels):
            info = channels[channel]
        else:
            raise CaseFileError(
                f"{path}: channel {channel} does not exist; the file has {len(channels)} channel(s): "
                + ", ".join(f"{i}={c.name}" for i, c in enumerate(channels))
            )
        if info.dim != 2:
            if reader.format() == "xyz":  # a text file of 1–3 columns is taken as x, (y,) h point lists
                raise CaseFileError(
                    f"{path}: a text file with 3 or fewer columns is read as a list of x, (y,) h points, "
                    f"and these give a {info.dim}-D profile of {info.nb_grid_pts[0]} points, not a 2-D map; "
                    "a height map needs a matrix of at least 4 × 4 heights (one row per line)"
                )
            raise CaseFileError(
                f"{path}: channel '{info.name}' is a {info.dim}-D line scan; tcrlab needs a 2-D map"
            )
        file_size = info.physical_sizes
        file_unit = info.unit
        kwargs: dict[str, Any] = {"periodic": periodic}
        if channel is not None:
            kwargs["channel_index"] = channel
        if file_size is None:
            kwargs["physical_sizes"] = (1.0, 1.0)  # placeholder, replaced by the caller's size
        if file_unit is None:
            kwargs["unit"] = "m"  # placeholder: heights stay raw numbers, scaled by the caller
        topo = reader.topography(**kwargs)
        if file_unit is not None:
            topo = topo.to_unit("m")
        heights = topo.heights()
        size = tuple(float(s) for s in topo.physical_sizes) if file_size is not None else None
        meta = {"format": reader.format(), "channel": info.name, "unit_in_file": file_unit}
    except CaseFileError:
        raise
    except Exception as exc:  # the library raises many exception types for damaged files
        raise CaseFileError(f"{path}: cannot read the file ({_first_line(exc)})") from None
    finally:
        try:
            reader.close()
        except Exception:  # pragma: no cover
            pass
    if np.ma.isMaskedArray(heights):
        mask = np.ma.getmaskarray(heights)
        heights = np.asarray(heights.filled(np.nan), dtype=float)
    else:
        heights = np.asarray(heights, dtype=float)
        mask = np.zeros(heights.shape, dtype=bool)
    return heights, mask, size, file_unit is not None, meta  # type: ignore[return-value]


_SIZE_ONLY_FORMATS = ("hgt",)  # detected from the file length alone, so only trusted with their suffix


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def read_topography(
    path: str | Path,
    physical_size: float | str | Sequence[float | str] | None = None,
    unit: str | float | None = None,
    periodic: bool = False,
    *,
    missing: Literal["error", "fill"] = "error",
    channel: int | None = None,
) -> Topography:
    """Read a measured height map into a :class:`Topography` (SI: heights and sizes in metres).

    Parameters
    ----------
    path : str or Path
        The file; the format is detected from its content (CSV by its ``.csv`` suffix).
    physical_size : "100 um", "100 um x 50 um", (Lx, Ly) in m, optional
        Lateral size, required when the file does not store one (npy, text). Giving one for a file that
        stores its own size is an error unless the two agree within 0.1 %.
    unit : "um", "nm", "10 nm", optional
        Unit of the stored heights when the file has none (npy, bare text); also the lateral unit's
        scale is *not* implied by it: give ``physical_size`` with its own unit.
    periodic : bool
        Whether the map is one period of a periodic surface (measured maps are not).
    missing : "error" or "fill"
        What to do with undefined points (NaN, masked): fail naming their number, or fill them
        harmonically (:func:`fill_missing`).
    channel : int, optional
        Data channel of multi-channel files (default: the file's default height channel).

    Returns
    -------
    Topography
        Heights [m] on the file's grid, with its physical size [m].

    Raises
    ------
    CaseFileError
        Missing file, unknown format, damaged file, line scans, undefined (non-finite) heights.
    InputError
        Bad ``physical_size``/``unit``, tiny grid (< 4 points in a direction), size or unit missing.
    """
    p = Path(path)
    source = str(p)
    if not p.exists():
        raise CaseFileError(f"{p}: no such file")
    if p.is_dir():
        raise CaseFileError(f"{p}: is a directory, not a surface file")
    if missing not in ("error", "fill"):
        raise InputError("missing", missing, "'error' or 'fill'", source=source)
    user_size = _parse_size(physical_size, source)
    check_file(p)

    if p.suffix.lower() == ".csv":
        heights = _read_csv(p)
        mask = np.isnan(heights)
        file_size, has_unit, meta = None, False, {"format": "csv", "channel": None, "unit_in_file": None}
    else:
        heights, mask, file_size, has_unit, meta = _read_with_surfacetopography(p, channel, periodic)
    if heights.ndim != 2:
        raise CaseFileError(f"{p}: expected a 2-D height map, found an array of shape {heights.shape}")
    if min(heights.shape) < MIN_POINTS:
        raise InputError(
            "heights", f"a {heights.shape[0]} × {heights.shape[1]} grid",
            f"at least {MIN_POINTS} × {MIN_POINTS} points", source=source,
        )

    mask = mask | ~np.isfinite(heights)
    if mask.any():
        if missing == "error":
            raise CaseFileError(
                f"{p}: {int(mask.sum())} of {mask.size} heights are undefined (NaN, infinite or masked); "
                "crop them, or read with missing='fill' (--fill-missing) to interpolate them"
            )
        heights = fill_missing(heights, mask)
        meta["filled_points"] = int(mask.sum())

    if has_unit:
        if unit is not None:
            raise InputError(
                "unit", unit, "no unit: the file stores its own height unit "
                f"({meta['unit_in_file']})", source=source,
            )
    else:
        if unit is None:
            raise InputError(
                "unit", None, "the height unit of this file, e.g. unit='um' (--unit um)",
                problem="the file does not store its height unit", source=source,
            )
        heights = heights * _unit_factor(unit, source)
        meta["unit_in_file"] = None

    if file_size is None:
        if user_size is None:
            raise InputError(
                "physical_size", None, "the lateral size, e.g. '100 um' or '100 um x 50 um' (--size)",
                problem="the file does not store its lateral size", source=source,
            )
        size = user_size
    else:
        if user_size is not None and not np.allclose(user_size, file_size, rtol=1e-3):
            raise InputError(
                "physical_size", physical_size,
                f"none (the file stores {file_size[0]:.6g} m × {file_size[1]:.6g} m)", source=source,
            )
        size = file_size
    meta["source"] = source
    try:
        return Topography(heights, size, periodic=periodic, info=meta)
    except InputError as exc:
        raise InputError(exc.field, exc.value, exc.expected, problem=exc.problem, source=source) from None
