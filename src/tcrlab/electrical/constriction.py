"""Electrical constriction resistance of contact spots: one spot (Holm), many spots (Greenwood), films.

* :func:`spot_resistance` — an isoequipotential circular spot of radius a between two half-spaces of
  resistivities ρ₁, ρ₂: R = ρ₁/(4a) + ρ₂/(4a) = (ρ₁ + ρ₂)/(4a) (Holm, *Electric Contacts*, 4th ed.,
  Springer 1967, §4; the same problem as the thermal 1/(4ka) per side, Carslaw & Jaeger 1959). Exact for
  a spot much smaller than the bodies and free of films.
* :func:`cluster_resistance` — n spots of radii a_i at positions x_i on the same two half-spaces,
  Greenwood's approximation (J. A. Greenwood, "Constriction resistance and the real area of contact",
  Br. J. Appl. Phys. 17 (1966) 1621–1632): each spot is an isolated Holm spot and, seen from the others,
  a point source (potential ρI/(2πs) on a half-space's surface); with currents ∝ a_i,

      R = (ρ₁ + ρ₂)/(4 Σa_i) + (ρ₁ + ρ₂)/(2π) Σ_{i≠j} a_i a_j / (s_ij (Σa_i)²),

  which for identical solids is Greenwood's ρ/(2Σa) + (ρ/π) Σ_{i≠j} a_i a_j/(s_ij (Σa)²). Without the
  interaction term the spots are independent parallel resistors, (ρ₁ + ρ₂)/(4Σa). ``method="matrix"``
  solves the same point-source model for the spot currents at one common potential instead of assuming
  I_i ∝ a_i (Greenwood's "exact" formulation of the same model). Validity: spot spacing s_ij ≫ a_i
  (point-source interaction); the half-spaces are infinite (no flux tube).
* :func:`film_resistance` — a surface film in series with the constriction: an ohmic (oxide) film of
  resistivity ρ_f and thickness t gives ρ_f t per unit spot area; a tunnel film is characterised by its
  specific tunnel resistance σ_t [Ω·m²] (Holm 1967, §§ 5, 26): R_f = ρ_f t / A or σ_t / A.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from tcrlab._arrays import require_broadcastable
from tcrlab._arrays import scalar_or_array as _out
from tcrlab.errors import InputError
from tcrlab.validation import require_nonnegative, require_positive

__all__ = ["cluster_resistance", "film_resistance", "spot_resistance"]

MAX_SPOTS = 8000  # pairwise distances and their temporaries: about 4 n² doubles (2 GB at 8000)


def _resistivities(rho1: ArrayLike, rho2: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    r1 = require_nonnegative("rho1", rho1)
    r2 = require_nonnegative("rho2", rho2)
    if np.any((r1 + r2) <= 0):
        raise InputError("rho1/rho2", (float(np.min(r1)), float(np.min(r2))),
                         "resistivities ≥ 0 with ρ₁ + ρ₂ > 0 [Ω·m]")
    return r1, r2


def spot_resistance(rho1: ArrayLike, rho2: ArrayLike, a: ArrayLike) -> float | np.ndarray:
    """Holm's constriction resistance of one circular spot between two solids, R = (ρ₁ + ρ₂)/(4a) [Ω].

    Parameters
    ----------
    rho1, rho2 : float or array
        Electrical resistivities of the two solids [Ω·m] (≥ 0, not both 0).
    a : float or array
        Spot radius [m] (> 0).

    Returns
    -------
    float or ndarray
        Constriction resistance [Ω]; broadcasts.

    References
    ----------
    R. Holm, *Electric Contacts: Theory and Application*, 4th ed., Springer (1967), §4 (ρ/(4a) per side of
    an isoequipotential circular spot on a half-space).

    Examples
    --------
    >>> spot_resistance(1.7e-8, 1.7e-8, 1e-5)  # two copper bodies, a 10 µm spot  # doctest: +ELLIPSIS
    0.00085...
    """
    require_broadcastable(rho1=rho1, rho2=rho2, a=a)
    r1, r2 = _resistivities(rho1, rho2)
    radius = require_positive("a", a)
    return _out((r1 + r2) / (4.0 * radius))


def cluster_resistance(rho1: float, rho2: float, radii: ArrayLike, positions: ArrayLike | None = None, *,
                       interaction: bool = True, method: str = "greenwood") -> float:
    """Constriction resistance of a cluster of circular spots (Greenwood 1966) [Ω].

    Parameters
    ----------
    rho1, rho2 : float
        Resistivities of the two solids [Ω·m].
    radii : array (n,)
        Spot radii [m].
    positions : array (n, 2), optional
        Spot centres [m]; required when ``interaction`` is True and n > 1.
    interaction : bool
        Include the spots' mutual interaction (point-source term); False: independent parallel spots.
    method : "greenwood" | "matrix"
        Greenwood's closed form with currents ∝ a_i, or the point-source model solved for the currents
        at one common potential (n × n linear system, n ≤ 5000).

    Returns
    -------
    float
        Resistance [Ω].

    References
    ----------
    J. A. Greenwood, Br. J. Appl. Phys. 17 (1966) 1621–1632; R. Holm, *Electric Contacts*, 4th ed. (1967).

    Examples
    --------
    >>> r_far = cluster_resistance(1e-7, 1e-7, [1e-6, 1e-6], [[0, 0], [1.0, 0]])
    >>> round(r_far / (2e-7 / (4 * 2e-6)), 4)  # far apart: two independent spots in parallel
    1.0
    """
    r1, r2 = (float(v) for v in _resistivities(rho1, rho2))
    rho = r1 + r2
    a = require_positive("radii", radii).ravel()
    if a.size > MAX_SPOTS:
        raise InputError("radii", f"{a.size} spots", f"at most {MAX_SPOTS} spots (the pairwise distances would "
                         f"need about {32 * a.size**2 / 1e9:.1f} GB)")
    total = float(a.sum())
    if not interaction or a.size == 1:
        return rho / (4.0 * total)
    if positions is None:
        raise InputError("positions", None, "the spot centres (n, 2) in m for the interaction term")
    x = np.asarray(positions, dtype=float)
    if x.shape != (a.size, 2) or not np.all(np.isfinite(x)):
        raise InputError("positions", f"shape {x.shape}", f"finite centres of shape ({a.size}, 2) [m]")
    s = np.hypot(x[:, None, 0] - x[None, :, 0], x[:, None, 1] - x[None, :, 1])
    np.fill_diagonal(s, np.inf)
    if np.any(s <= 0):
        raise InputError("positions", "coincident spots", "distinct spot centres")
    key = method.strip().lower()
    if key == "greenwood":
        inter = float((a[:, None] * a[None, :] / s).sum()) / total**2
        return rho / (4.0 * total) + rho / (2.0 * np.pi) * inter
    if key == "matrix":
        if a.size > 5000:
            raise InputError("radii", f"{a.size} spots", "at most 5000 spots for method='matrix'")
        m = 1.0 / (2.0 * np.pi * s)
        np.fill_diagonal(m, 1.0 / (4.0 * a))
        currents = np.linalg.solve(m, np.ones(a.size))  # per unit potential, resistivity factored out
        return rho / float(currents.sum())
    raise InputError("method", method, "greenwood | matrix")


def film_resistance(area: ArrayLike, *, resistivity: ArrayLike | None = None,
                    thickness: ArrayLike | None = None,
                    specific_resistance: ArrayLike | None = None) -> float | np.ndarray:
    """Resistance of a surface film over a contact area A [Ω]: ρ_f t / A (ohmic film) or σ_t / A (tunnel).

    Parameters
    ----------
    area : float or array
        Conducting (real) contact area [m²].
    resistivity, thickness : float or array
        Film resistivity ρ_f [Ω·m] and thickness t [m] (give both), or
    specific_resistance : float or array
        The film's resistance per area σ_t [Ω·m²] (tunnel films are characterised this way).

    Returns
    -------
    float or ndarray
        Film resistance [Ω]; a float for scalar inputs.

    References
    ----------
    R. Holm, *Electric Contacts*, 4th ed., Springer (1967) (film and tunnel resistance in series with
    the constriction).

    Examples
    --------
    >>> film_resistance(1e-10, specific_resistance=1e-12)  # σ_t = 1e-12 Ω m² over 100 µm²
    0.01
    """
    given = specific_resistance is not None
    ohmic = (resistivity is not None, thickness is not None)
    if given and any(ohmic):
        raise InputError("specific_resistance", specific_resistance, "either specific_resistance or "
                         "resistivity with thickness, not both")
    if not given and ohmic != (True, True):
        missing = "resistivity" if thickness is not None else "thickness"
        raise InputError(missing, None, "the film's resistivity [Ω·m] and thickness [m] together (or a "
                         "specific_resistance [Ω·m²])", problem="missing")
    a = require_positive("area", area)
    if given:
        return _out(require_nonnegative("specific_resistance", specific_resistance) / a)
    rf = require_nonnegative("resistivity", resistivity)
    t = require_nonnegative("thickness", thickness)
    return _out(rf * t / a)

