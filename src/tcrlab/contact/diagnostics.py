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

from typing import Any

import numpy as np

__all__ = ["MIN_CONTACT_PIXELS", "MIN_SPOT_PIXELS", "contact_warnings"]

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
    out: list[str] = []
    mask = np.asarray(result.contact)
    n_contact = int(mask.sum())
    spots = result.spots
    if n_contact and spots.count:
        per_spot = n_contact / spots.count
        if per_spot < MIN_SPOT_PIXELS or n_contact < MIN_CONTACT_PIXELS:
            out.append(
                f"contact spots are unresolved: {spots.count} spot(s) on {n_contact} pixel(s) "
                f"({per_spot:.3g} pixels per spot; ≥ {MIN_SPOT_PIXELS:g} per spot and ≥ {MIN_CONTACT_PIXELS} "
                "in all wanted). A pixel is the smallest contact the grid can hold, so h_c is "
                "overestimated: use a finer scan or a larger area, or compare with a correlation"
            )
    if microhardness is not None and result.hardness is None:
        value = float(getattr(microhardness, "value", microhardness))
        who = getattr(microhardness, "solid", None)
        p_max = float(np.max(result.pressure))
        if p_max > value:
            share = float(np.count_nonzero(result.pressure > value)) / max(n_contact, 1)
            out.append(
                f"elastic solve: local pressures reach {p_max / 1e9:.3g} GPa, {p_max / value:.3g}× the "
                f"microhardness H_c = {value / 1e9:.3g} GPa" + (f" of {who}" if who else "")
                + f" on {100 * share:.0f} % of the contact; real summits yield there, so the real area "
                "is underestimated — solve elastic–plastic (the default when the registry has H_c)"
            )
    return out
