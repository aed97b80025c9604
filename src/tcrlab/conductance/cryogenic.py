"""Measured conductance of cryogenic joints: Apiezon-type grease and Pb–Sn solder, h(T) per unit area.

Source: J. W. Ekin, *Experimental Techniques for Low-Temperature Measurements: Cryostat Design, Material
Properties and Superconductor Critical-Current Testing*, Oxford University Press (2006), p. 63 (thermal
conductance per contact area of grease joints and of Pb–Sn soldered joints vs temperature), as digitised
by A. McCaughan (NIST, package ``cryoheatflow``, functions ``h_grease`` and ``h_solder_pb_sn``). The points
are in ``data/cryogenic_joints_ekin2006.csv`` with their provenance header.

Trust: points read from a plot by a third party, ±5–10 %; the joints are typical ones (Ekin's thin grease
layers between metal parts and Pb–Sn soldered joints), not a model of a particular bond line: a real
joint's h can differ by the bond quality. Between the points h is interpolated linearly in log h vs log T
(a piecewise power law); outside the measured range (grease 0.365–296 K, solder 2.75–288 K) the end
segment's power law is extended and a :class:`tcrlab.errors.ValidityWarning` is issued.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab._arrays import scalar_or_array as _out
from tcrlab.errors import InputError
from tcrlab.validation import require_positive, warn_outside

__all__ = ["CRYOGENIC_JOINTS", "cryogenic_joint_conductance", "cryogenic_joint_data", "cryogenic_joint_kind",
           "temperature_range"]

#: joint kinds and the names of their rows in the data file
CRYOGENIC_JOINTS = {"grease": "grease", "PbSn-solder": "PbSn_solder"}
_ALIASES = {"grease": "grease", "apiezon": "grease", "apiezon-grease": "grease", "pbsn-solder": "PbSn-solder",
            "pbsn": "PbSn-solder", "solder": "PbSn-solder", "pb-sn": "PbSn-solder", "pb-sn-solder": "PbSn-solder"}
SOURCE = ("J. W. Ekin, Experimental Techniques for Low-Temperature Measurements, Oxford University Press "
          "(2006), p. 63 (digitised: NIST cryoheatflow)")


def cryogenic_joint_kind(name: str) -> str:
    """The canonical kind ("grease" or "PbSn-solder") of ``name`` (case and _/- insensitive).

    Parameters
    ----------
    name : str
        Joint kind or alias ("grease", "apiezon", "solder", "PbSn", ...) [-].

    Returns
    -------
    str
        "grease" or "PbSn-solder"; an unknown name raises InputError.

    Examples
    --------
    >>> cryogenic_joint_kind("apiezon")
    'grease'
    """
    key = str(name).strip().lower().replace("_", "-").replace(" ", "-")
    if key not in _ALIASES:
        raise InputError("joint", name, "grease | PbSn-solder (Ekin 2006 data)", problem="unknown cryogenic joint")
    return _ALIASES[key]


@cache
def _table() -> dict[str, tuple[NDArray[np.float64], NDArray[np.float64]]]:
    text = resources.files("tcrlab.conductance").joinpath("data/cryogenic_joints_ekin2006.csv").read_text("utf-8")
    rows = list(csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#")))
    out = {}
    for kind, label in CRYOGENIC_JOINTS.items():
        pts = sorted((float(r["T_K"]), float(r["h_W_per_m2K"])) for r in rows if r["joint"] == label)
        out[kind] = (np.array([p[0] for p in pts]), np.array([p[1] for p in pts]))
    return out


def cryogenic_joint_data(kind: str) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The measured points (T [K], h [W/(m² K)]) of a joint kind (copies).

    Parameters
    ----------
    kind : str
        Joint kind or alias, see :func:`cryogenic_joint_kind` [-].

    Returns
    -------
    tuple of ndarray
        Temperatures T [K] (ascending) and conductances per unit area h [W/(m²·K)].

    References
    ----------
    J. W. Ekin, Experimental Techniques for Low-Temperature Measurements, OUP (2006), p. 63.

    Examples
    --------
    >>> t, h = cryogenic_joint_data("grease")
    >>> round(float(t[0]), 3)
    0.365
    """
    t, h = _table()[cryogenic_joint_kind(kind)]
    return t.copy(), h.copy()


def temperature_range(kind: str) -> tuple[float, float]:
    """(T_min, T_max) [K] of the measured points: the model's validity range.

    Parameters
    ----------
    kind : str
        Joint kind or alias, see :func:`cryogenic_joint_kind` [-].

    Returns
    -------
    tuple of float
        Lowest and highest measured temperature [K].

    Examples
    --------
    >>> temperature_range("solder")
    (2.75, 288.0)
    """
    t, _h = _table()[cryogenic_joint_kind(kind)]
    return float(t[0]), float(t[-1])


def cryogenic_joint_conductance(kind: str, temperature: ArrayLike, *, warn: bool = True) -> float | np.ndarray:
    """Conductance per unit area h(T) [W/(m² K)] of a grease or Pb–Sn solder joint (Ekin 2006 data).

    Parameters
    ----------
    kind : "grease" or "PbSn-solder" (aliases: "solder", "apiezon", ...)
    temperature : joint temperature T [K], > 0 (broadcasts)
    warn : issue a ValidityWarning outside the measured range

    Returns
    -------
    h [W/(m² K)]: log–log interpolation of the measured points; the end segments' power laws outside.

    References
    ----------
    J. W. Ekin, Experimental Techniques for Low-Temperature Measurements, OUP (2006), p. 63. Validity: the
    measured range (grease 0.365–296 K, Pb–Sn solder 2.75–288 K); ±5–10 % from the digitisation alone.

    Examples
    --------
    >>> round(float(cryogenic_joint_conductance("grease", 296.0)))
    18900
    >>> round(float(cryogenic_joint_conductance("solder", 4.37)))
    13600
    """
    key = cryogenic_joint_kind(kind)
    t_pts, h_pts = _table()[key]
    t = require_positive("temperature", temperature)
    if warn:
        warn_outside("temperature [K]", t, float(t_pts[0]), float(t_pts[-1]),
                     model=f"{key} joint data (Ekin 2006)")
    x, y = np.log(t_pts), np.log(h_pts)
    lt = np.log(t)
    out = np.interp(lt, x, y)
    lo_slope = (y[1] - y[0]) / (x[1] - x[0])
    hi_slope = (y[-1] - y[-2]) / (x[-1] - x[-2])
    out = np.where(lt < x[0], y[0] + lo_slope * (lt - x[0]), out)
    out = np.where(lt > x[-1], y[-1] + hi_slope * (lt - x[-1]), out)
    return _out(np.exp(out))
