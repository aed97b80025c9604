"""The composite (sum) surface of two rough surfaces in contact.

Two rough, elastic surfaces pressed together touch where their gap closes. With both height maps
measured outward from their own solid (the usual scan orientation) and the surfaces facing each other,
the gap is g = d − h₁ − h₂, so the contact of the pair is that of one rough surface of heights
h = h₁ + h₂ against a flat, with the combined modulus 1/E' = (1−ν₁²)/E₁ + (1−ν₂²)/E₂ (Johnson, Contact
Mechanics, Cambridge University Press 1985, §13.1; Greenwood & Tripp, Proc. Inst. Mech. Eng. 185
(1970) 625–633, "The contact of two nominally flat rough surfaces"). The reduction is exact for
frictionless, small-slope elastic contact; for uncorrelated surfaces σ² = σ₁² + σ₂² and m² = m₁² + m₂².
Validity: both maps on the same grid and size, aligned as they will touch (the reduction assumes a
known relative position; a lateral shift gives another, equally valid, composite).
"""

from __future__ import annotations

import numpy as np

from tcrlab.errors import InputError
from tcrlab.surfaces.topography import Topography

__all__ = ["composite_topography"]


def composite_topography(first: Topography, second: Topography, *, rtol: float = 1e-6) -> Topography:
    """The composite surface h = h₁ + h₂ of two facing rough surfaces (heights measured out of each solid).

    Parameters
    ----------
    first, second : Topography
        The two measured (or synthetic) surfaces, one per solid, on the same grid and physical size [m].
    rtol : float
        Relative tolerance on equal physical sizes.

    Returns
    -------
    Topography
        Heights h₁ + h₂ [m] on the common grid; periodic only when both are.

    References
    ----------
    Johnson, K. L., Contact Mechanics, Cambridge University Press (1985), §13.1.
    Greenwood, J. A. & Tripp, J. H., Proc. Inst. Mech. Eng. 185 (1970) 625–633.

    Examples
    --------
    >>> import numpy as np
    >>> a = Topography(np.array([[0.0, 1e-6], [2e-6, 0.0]]), 1e-4)
    >>> float(composite_topography(a, a).heights.max())
    4e-06
    """
    for name, t in (("first", first), ("second", second)):
        if not isinstance(t, Topography):
            raise InputError(f"{name} surface", type(t).__name__, "a tcrlab.surfaces.Topography")
    if first.heights.shape != second.heights.shape:
        raise InputError(
            "second surface", f"grid {second.heights.shape[0]} × {second.heights.shape[1]}",
            f"the first surface's grid {first.heights.shape[0]} × {first.heights.shape[1]} "
            "(resample or crop one map so both have the same points)",
        )
    if not np.allclose(first.physical_size, second.physical_size, rtol=rtol, atol=0.0):
        size = " × ".join(f"{s * 1e6:.6g} µm" for s in second.physical_size)
        want = " × ".join(f"{s * 1e6:.6g} µm" for s in first.physical_size)
        raise InputError("second surface", f"size {size}", f"the first surface's size {want}")
    info = {"composite_of": [first.info.get("source", "first"), second.info.get("source", "second")]}
    return Topography(first.heights + second.heights, first.physical_size,
                      periodic=first.periodic and second.periodic, info=info)
