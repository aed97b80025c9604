"""Physics checks of a solved rough contact: what a user must be told before trusting h_c.

1. Unresolved contact spots. The grid cannot hold a contact smaller than one pixel: at light load the
   real spots are smaller than the pixels that carry them, so the solved real area, and with it the
   constriction conductance, is too large, and a handful of spots gives no statistics. A spot resolved
   by a few pixels is also a poor disk (a 4-pixel square conducts 0.88× the Holm value of its
   equal-area disk, measured with :func:`~tcrlab.contact.thermal.constriction_bvp`). The check warns
   when the spots average fewer than ``MIN_SPOT_PIXELS`` pixels or the whole contact covers fewer than
   ``MIN_CONTACT_PIXELS``; both thresholds are judgements (about 3–4 pixels across a mean spot, and a
   few tens of contact pixels), not published limits.
2. Local pressures above the microhardness in a purely elastic solve. An elastic solve of a rough
   metal contact puts local pressures of tens of GPa on the summits (20 GPa on an SS304 self-affine
   surface with m = 0.1 at 100 MPa nominal), while a metal surface yields at its contact microhardness
   H_c (Song & Yovanovich, J. Thermophys. Heat Transfer 2 (1988) 43–47; a few GPa for SS304): above it
   the elastic answer overestimates the pressures and underestimates the real area.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np

from tcrlab.errors import InputError

__all__ = ["MIN_CONTACT_PIXELS", "MIN_SPOT_PIXELS", "contact_warnings", "pressure_series_warnings"]

MIN_SPOT_PIXELS = 10.0
MIN_CONTACT_PIXELS = 50


def contact_warnings(result: Any, microhardness: Any = None) -> list[str]:
    """Warnings (text) about a solved contact: unresolved spots; elastic pressures above H_c.

    Parameters
    ----------
    result : ContactResult
        A solution of :func:`tcrlab.contact.solve`.
    microhardness : SolidMicrohardness or float, optional
        H_c [Pa] of the softer solid (e.g. from
        :func:`tcrlab.contact.microhardness.registry_microhardness`); checked only for elastic results.

    Returns
    -------
    list of str
        Empty when nothing needs saying.

    Examples
    --------
    >>> import numpy as np
    >>> from tcrlab.contact import solve
    >>> from tcrlab.surfaces import Topography

    A paraboloidal summit (2 µm deep over a 0.1 mm window) under a light load touches on a few
    pixels only:

    >>> x = np.linspace(-1, 1, 32)
    >>> bump = Topography(-1e-6 * (x[:, None] ** 2 + x[None, :] ** 2), 1e-4, periodic=False)
    >>> res = solve(bump, 1e11, pressure=1e3)
    >>> int(res.contact.sum()), any("unresolved" in w for w in contact_warnings(res))
    (4, True)
    """
    found = _findings(result, microhardness)
    out: list[str] = []
    if "unresolved" in found:
        f = found["unresolved"]
        out.append(
            f"contact spots are unresolved: {f.spots} spot(s) on {f.pixels} pixel(s) "
            f"({f.per_spot:.3g} pixels per spot; {_RESOLUTION_WANTED}). {_RESOLUTION_ADVICE}"
        )
    if "above_hardness" in found:
        f = found["above_hardness"]
        out.append(
            f"elastic solve: local pressures reach {f.p_max / 1e9:.3g} GPa, {f.p_max / f.hardness:.3g}× the "
            f"microhardness H_c = {f.hardness / 1e9:.3g} GPa" + (f" of {f.solid}" if f.solid else "")
            + f" on {100 * f.share:.0f} % of the contact; {_HARDNESS_ADVICE}"
        )
    return out


def pressure_series_warnings(
    pressures: Sequence[float], results: Sequence[Any], microhardness: Any = None
) -> list[str]:
    """The warnings of :func:`contact_warnings` over a series of solves, one line per kind.

    A load series repeats the same finding at many pressures; each kind is said once, with the
    pressures it applies to and the range of its figures.

    Parameters
    ----------
    pressures : sequence of float
        The nominal pressure of each solve [Pa].
    results : sequence of ContactResult
        The solutions, one per pressure.
    microhardness : SolidMicrohardness or float, optional
        H_c [Pa] of the softer solid; checked only for elastic results.

    Returns
    -------
    list of str
        Empty when nothing needs saying.

    Examples
    --------
    >>> import numpy as np
    >>> from tcrlab.contact import solve
    >>> from tcrlab.surfaces import Topography
    >>> x = np.linspace(-1, 1, 32)
    >>> bump = Topography(-1e-6 * (x[:, None] ** 2 + x[None, :] ** 2), 1e-4, periodic=False)
    >>> results = [solve(bump, 1e11, pressure=p) for p in (1e3, 2e3)]
    >>> print(pressure_series_warnings([1e3, 2e3], results)[0][:62])
    contact spots are unresolved at 2 of 2 pressures (0.001–0.002
    """
    if len(pressures) != len(results):
        raise InputError("results", f"{len(results)} results", f"one per pressure ({len(pressures)})")
    found = [(float(p), _findings(r, microhardness)) for p, r in zip(pressures, results, strict=True)]
    out: list[str] = []
    unresolved = [(p, f["unresolved"]) for p, f in found if "unresolved" in f]
    if unresolved:
        per_spot = [f.per_spot for _, f in unresolved]
        pixels = [f.pixels for _, f in unresolved]
        out.append(
            f"contact spots are unresolved at {_where(unresolved, len(found))}: "
            f"{_span(per_spot, '.3g')} pixels per spot, {_span(pixels, 'd')} contact pixels "
            f"({_RESOLUTION_WANTED}). {_RESOLUTION_ADVICE}"
        )
    above = [(p, f["above_hardness"]) for p, f in found if "above_hardness" in f]
    if above:
        first = above[0][1]
        out.append(
            f"elastic solve at {_where(above, len(found))}: local pressures reach "
            f"{_span([f.p_max / 1e9 for _, f in above], '.3g')} GPa, "
            f"{_span([f.p_max / f.hardness for _, f in above], '.3g')}× the microhardness "
            f"H_c = {_span([f.hardness / 1e9 for _, f in above], '.3g')} GPa"
            + (f" of {first.solid}" if first.solid else "")
            + f" on {_span([round(100 * f.share) for _, f in above], 'd')} % of the contact; {_HARDNESS_ADVICE}"
        )
    return out


_RESOLUTION_WANTED = f"≥ {MIN_SPOT_PIXELS:g} per spot and ≥ {MIN_CONTACT_PIXELS} in all wanted"
_RESOLUTION_ADVICE = ("A pixel is the smallest contact the grid can hold, so h_c is overestimated: use a finer "
                      "scan or a larger area, or compare with a correlation")
_HARDNESS_ADVICE = ("real summits yield there, so the real area is underestimated — solve elastic–plastic "
                    "(the default when the registry has H_c)")


class _Unresolved(NamedTuple):
    spots: int
    pixels: int
    per_spot: float


class _AboveHardness(NamedTuple):
    p_max: float
    hardness: float
    share: float
    solid: str | None


def _findings(result: Any, microhardness: Any) -> dict[str, Any]:
    """What the checks found in one solution, by kind (absent kinds: nothing to say)."""
    found: dict[str, Any] = {}
    mask = np.asarray(result.contact)
    n_contact = int(mask.sum())
    spots = result.spots
    if n_contact and spots.count:
        per_spot = n_contact / spots.count
        if per_spot < MIN_SPOT_PIXELS or n_contact < MIN_CONTACT_PIXELS:
            found["unresolved"] = _Unresolved(int(spots.count), n_contact, per_spot)
    if microhardness is not None and result.hardness is None:
        value = float(getattr(microhardness, "value", microhardness))
        p_max = float(np.max(result.pressure))
        if p_max > value:
            share = float(np.count_nonzero(result.pressure > value)) / max(n_contact, 1)
            found["above_hardness"] = _AboveHardness(p_max, value, share, getattr(microhardness, "solid", None))
    return found


def _where(items: list[tuple[float, Any]], total: int) -> str:
    """"0.1 MPa" for one pressure, else "3 of 5 pressures (0.1–10 MPa)"."""
    pressures = [p for p, _ in items]
    if total == 1:
        return f"{pressures[0] / 1e6:.4g} MPa"
    return f"{len(items)} of {total} pressures ({_span([p / 1e6 for p in pressures], '.4g')} MPa)"


def _span(values: Sequence[float], spec: str) -> str:
    """One value, or "low–high", in the format ``spec``."""
    low, high = min(values), max(values)
    return format(low, spec) if low == high else f"{format(low, spec)}–{format(high, spec)}"
