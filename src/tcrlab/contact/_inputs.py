"""Checks of the contact solver's inputs and of the memory a solve needs, before any work."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from tcrlab.contact._options import SolverOptions
from tcrlab.errors import InputError
from tcrlab.resources import require_memory

__all__ = ["MIN_POINTS", "check_solve_inputs", "heights_and_size", "require_solve_memory"]

MIN_POINTS = 8  # fewer points per side resolve no contact spot

# Peak resident memory per grid point of a float64 solve over a fixed part for the interpreter and
# libraries, measured with /usr/bin/time (benchmarks/README.md, "Reasons behind the contact solver's constants"); periodic grids and the
# zero-padded (2n × 2n) non-periodic ones. float32 is not credited with less: the estimate stays on
# the safe side.
_SOLVE_BYTES_PER_POINT = {True: 110, False: 220}
_SOLVE_BYTES_FIXED = 250e6


def heights_and_size(topography: Any, periodic: bool | None) -> tuple[NDArray, tuple, bool]:
    """The checked heights [m], physical size (Lx, Ly) [m] and periodicity of ``topography``.

    Parameters
    ----------
    topography : tcrlab.surfaces.Topography
        Heights [m] and physical size [m] (any object with ``heights`` and ``physical_size``).
    periodic : bool or None
        Periodic boundaries (None: the topography's own ``periodic``, True if it has none).

    Returns
    -------
    heights : ndarray
        The 2-D height map [m], float64.
    size : tuple of float
        (Lx, Ly) [m].
    periodic : bool
        Whether the grid is treated as periodic.

    Raises
    ------
    InputError
        Not a topography, not 2-D, fewer than :data:`MIN_POINTS` per side, non-finite or flat heights,
        or a bad physical size.
    """
    if not (hasattr(topography, "heights") and hasattr(topography, "physical_size")):
        raise InputError(
            "topography", type(topography).__name__,
            "a tcrlab.surfaces.Topography (heights + physical_size)",
        )
    h = np.asarray(topography.heights, dtype=float)
    size = tuple(float(s) for s in topography.physical_size)
    per = bool(getattr(topography, "periodic", True)) if periodic is None else bool(periodic)
    if h.ndim != 2:
        raise InputError("topography.heights", f"shape {h.shape}", "a 2-D height map")
    if min(h.shape) < MIN_POINTS:
        raise InputError("topography.heights", f"shape {h.shape}", f"at least {MIN_POINTS} × {MIN_POINTS} points")
    if not np.isfinite(h).all():
        raise InputError("topography.heights", "non-finite values", "finite heights everywhere")
    if len(size) != 2 or not all(np.isfinite(s) and s > 0 for s in size):
        raise InputError("topography.physical_size", size, "(Lx, Ly) > 0 in metres")
    if np.ptp(h) <= 0:
        raise InputError("topography.heights", "a flat map", "a surface with height variation")
    return h, size, per


def _check_scalars(**values: Any) -> None:
    for name, value in values.items():
        if value is not None and (np.ndim(value) != 0 or not isinstance(value, int | float | np.number)):
            raise InputError(name, value, "one number in SI units; solve each value separately "
                             "(solve_sweep for a series of pressures)", problem="not a scalar")


def _check_loads(E_eff: float, pressure: float | None, displacement: float | None,
                 hardness: float | None) -> None:
    if not (np.isfinite(E_eff) and E_eff > 0):
        raise InputError("E_eff", E_eff, "a finite contact modulus > 0 (Pa)")
    if (pressure is None) == (displacement is None):
        raise InputError(
            "pressure/displacement", (pressure, displacement), "exactly one of pressure or displacement"
        )
    _check_scalars(pressure=pressure, displacement=displacement, hardness=hardness, E_eff=E_eff)
    if pressure is not None and not (np.isfinite(pressure) and pressure > 0):
        raise InputError("pressure", pressure, "a finite mean pressure > 0 (Pa)")
    if displacement is not None and not (np.isfinite(displacement) and displacement > 0):
        raise InputError("displacement", displacement, "a finite approach > 0 (m)")
    if hardness is not None:
        if not (np.isfinite(hardness) and hardness > 0):
            raise InputError("hardness", hardness, "a finite hardness > 0 (Pa) or None")
        if pressure is not None and pressure >= hardness:
            raise InputError("pressure", pressure, f"< hardness {hardness:g} Pa (p̄ ≥ H: full plastic contact)")


def check_solve_inputs(
    E_eff: float, pressure: float | None, displacement: float | None, hardness: float | None,
    tol: float, precondition: bool | str | None, dtype: Any, options: Any,
) -> tuple[str | None, np.dtype]:
    """Check :func:`tcrlab.contact.solve`'s arguments (InputError naming the first bad one) and
    return the preconditioner's kind ("stencil", "fourier" or None) and the dtype.

    Parameters
    ----------
    E_eff : float
        Contact modulus E' [Pa].
    pressure : float or None
        Mean nominal pressure [Pa] (load control).
    displacement : float or None
        Rigid approach [m] (displacement control; exactly one of the two).
    hardness : float or None
        Pressure cap [Pa] (None: elastic).
    tol : float
        Stopping tolerance [-], 0 < tol < 1.
    precondition : bool, str or None
        True, False, None, "stencil" or "fourier".
    dtype : numpy dtype
        float64 or float32.
    options : SolverOptions
        Tuning constants.

    Returns
    -------
    kind : str or None
        "stencil", "fourier" or None.
    dtype : numpy.dtype
        The working dtype.

    Raises
    ------
    InputError
        The first bad argument, with its value and the valid range.
    """
    _check_loads(E_eff, pressure, displacement, hardness)
    if not (np.isfinite(tol) and 0 < tol < 1):
        raise InputError("tol", tol, "0 < tol < 1")
    if precondition not in (True, False, None, "stencil", "fourier"):
        raise InputError("precondition", precondition, 'True, False, None, "stencil" or "fourier"')
    kind = "stencil" if precondition is True else (precondition or None)
    dt = np.dtype(dtype)
    if dt not in (np.dtype(np.float64), np.dtype(np.float32)):
        raise InputError("dtype", dt, "float64 or float32")
    if dt == np.float32 and tol < 1e-6:  # single precision resolves ~1e-7 relative: never reached
        raise InputError("tol", tol, "tol >= 1e-6 with float32 (or float64 for a tighter tolerance)",
                         problem="below what single precision can resolve")
    if not isinstance(options, SolverOptions):
        raise InputError("options", type(options).__name__, "a tcrlab.contact.SolverOptions")
    return kind, dt


def require_solve_memory(shape: tuple[int, ...], periodic: bool) -> None:
    """Refuse (InputError naming the grid and the memory) a solve that cannot fit in memory.

    Parameters
    ----------
    shape : tuple of int
        Grid points (nx, ny).
    periodic : bool
        Periodic grid (a non-periodic one is zero-padded to 2n × 2n and needs twice the memory).

    Raises
    ------
    InputError
        The estimated peak memory [B] exceeds what is available.
    """
    n = int(np.prod(shape, dtype=np.int64))
    kind = "periodic" if periodic else "non-periodic"
    require_memory(
        _SOLVE_BYTES_FIXED + n * _SOLVE_BYTES_PER_POINT[bool(periodic)],
        f"a {kind} contact solve on {shape[0]} × {shape[1]} = {n:,} points", "topography",
        f"{shape[0]} × {shape[1]} grid", hint="a coarser or smaller map (crop, or resample)",
    )
