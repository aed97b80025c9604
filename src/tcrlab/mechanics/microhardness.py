"""Surface microhardness and the relative contact pressure P/H_c (Song & Yovanovich).

Vickers microhardness of a work-hardened surface layer is size dependent (Hegazy 1985):
H_v = c₁ (d_v/d₀)^c₂ with d_v the indentation diagonal, d₀ = 1 µm, c₁ in Pa and c₂ < 0.
Song & Yovanovich (J. Thermophys. Heat Transfer 2 (1988) 43–47, "Relative contact pressure: dependence
on surface roughness and Vickers microhardness") equated the mean contact spot to an equivalent Vickers
indentation, d_v = 1.62 (σ/m) (P/H_c)^0.071 [µm], and solved the implicit H_c = c₁ (d_v)^c₂ explicitly:

    P/H_c = [ P / (c₁ (1.62 σ'/m)^c₂) ]^{1/(1 + 0.071 c₂)},   σ' = σ/σ₀, σ₀ = 1 µm.

**Form used: the 1.62 form** above, as printed by Song & Yovanovich (1988) and used throughout the later
Yovanovich-group work (Sridhar & Yovanovich 1996; Bahrami, Yovanovich & Culham, JTHT 18 (2004) 318–325,
whose nomenclature defines H' = c₁(1.62σ'/m)^c₂). An older form, P/H_c = [0.9272 P/(c₁ (1.43 σ'/m)^c₂)]
^{1/(1+0.071c₂)} (Yovanovich, Hegazy & DeVaal 1982), gives H_c about 10 % different; it is NOT used.
Validity: fitted for 10⁻⁵ ≲ P/H_c ≲ 2×10⁻² on SS304, Ni200, Zircaloy-4 and Zr-2.5Nb (Hegazy 1985 data);
a ValidityWarning is issued outside that range.

Brinell → (c₁, c₂) when only H_B is known (Sridhar & Yovanovich, Wear 193 (1996) 91–102):
c₁/3178 = 4.0 − 5.77 κ + 4.0 κ² − 0.61 κ³, c₂ = −0.370 + 0.442 H_B/c₁, κ = H_B/3178 (H_B, c₁ in MPa),
for 1300 ≤ H_B ≤ 7600 MPa. Outside that range the cubic is not extrapolated (below 1300 MPa it turns
upward: Al 6061-T6, 95 HB = 932 MPa, would get c₁ = 8.38 GPa and c₂ = −0.321, a microhardness about 4×
its bulk hardness): :func:`vickers_coefficients_from_brinell` raises InputError there and
:func:`hardness_of` falls back to a bulk hardness (see its docstring).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from tcrlab._arrays import require_broadcastable
from tcrlab._arrays import scalar_or_array as _out
from tcrlab.errors import InputError
from tcrlab.validation import require_finite, require_positive, warn_outside

__all__ = [
    "BRINELL_RANGE",
    "MICROHARDNESS_MODELS",
    "Hardness",
    "MicrohardnessModel",
    "SolidMicrohardness",
    "hardness_of",
    "microhardness",
    "registry_microhardness",
    "relative_pressure",
    "relative_pressure_from_hardness",
    "relative_pressure_of",
    "vickers_coefficients_from_brinell",
]

SIGMA0 = 1e-6  # m, σ₀ of the correlation
BRINELL_RANGE = (1300e6, 7600e6)  # Pa, range of the Sridhar-Yovanovich Brinell correlation
P_OVER_H_RANGE = (1e-5, 2e-2)


def _check_c2(c2: np.ndarray) -> None:
    bad = (c2 <= -1.0 / 0.071) | (c2 > 0.5)
    if np.any(bad):
        raise InputError("c2", float(np.asarray(c2)[bad].flat[0]) if np.ndim(c2) else float(c2),
                         "a Vickers size exponent, typically −0.35 ≤ c2 ≤ 0")


def relative_pressure(
    pressure: ArrayLike, sigma: ArrayLike, m: ArrayLike, c1: ArrayLike, c2: ArrayLike,
    *, warn: bool = True,
) -> float | np.ndarray:
    """Relative contact pressure P/H_c of conforming rough metals (Song & Yovanovich 1988, 1.62 form).

    P/H_c = [P/(c₁ (1.62 σ'/m)^c₂)]^{1/(1+0.071 c₂)}, σ' = σ/1 µm.

    Parameters (SI, broadcast): pressure P (Pa, > 0), σ combined RMS roughness (m), m combined slope,
    c₁ (Pa) and c₂ (dimensionless) Vickers coefficients of the softer solid. Raises InputError when the
    result reaches 1 (P ≥ H_c: full contact, outside every rough-surface model); warns outside the
    fitted range 1e-5 ≤ P/H_c ≤ 2e-2.

    Parameters
    ----------
    pressure : array_like
        Apparent contact pressure P [Pa], > 0.
    sigma : array_like
        Combined RMS roughness σ [m], > 0.
    m : array_like
        Combined RMS slope [-], > 0.
    c1 : array_like
        Vickers coefficient c₁ of the softer solid [Pa], > 0.
    c2 : array_like
        Vickers size exponent c₂ of the softer solid [-].
    warn : bool, optional
        Issue a ValidityWarning outside the fitted range [-].

    Returns
    -------
    float or ndarray
        Relative contact pressure P/H_c [-].

    References
    ----------
    Song & Yovanovich, J. Thermophys. Heat Transfer 2 (1988) 43–47.

    Examples
    --------
    >>> round(relative_pressure(1e6, 1e-6, 0.1, 6.271e9, -0.229) * 1e4, 3)
    2.639
    """
    require_broadcastable(pressure=pressure, sigma=sigma, m=m, c1=c1, c2=c2)
    p = require_positive("pressure", pressure)
    s = require_positive("sigma", sigma)
    mm = require_positive("m", m)
    cc1 = require_positive("c1", c1)
    cc2 = require_finite("c2", c2)
    _check_c2(cc2)
    h_prime = cc1 * (1.62 * (s / SIGMA0) / mm) ** cc2
    out = (p / h_prime) ** (1.0 / (1.0 + 0.071 * cc2))
    _check_below_one(out, p)
    if warn:
        warn_outside("P/H_c", out, *P_OVER_H_RANGE, model="Song-Yovanovich microhardness")
    return _out(out)


def _check_below_one(ratio: np.ndarray, p: np.ndarray) -> None:
    bad = ratio >= 1.0
    if np.any(bad):
        pb = np.broadcast_to(p, np.shape(ratio))
        raise InputError("pressure", float(np.asarray(pb)[bad].flat[0]) if np.ndim(ratio) else float(p),
                         "pressure < contact microhardness H_c",
                         problem="P/H_c >= 1: the surfaces would be in full contact")


def microhardness(pressure: ArrayLike, sigma: ArrayLike, m: ArrayLike, c1: ArrayLike,
                  c2: ArrayLike) -> float | np.ndarray:
    """Contact microhardness H_c = P/(P/H_c) (Pa) of the Song–Yovanovich relation.

    Source: Song & Yovanovich, J. Thermophys. Heat Transfer 2 (1988) 43–47 (1.62 form, see
    :func:`relative_pressure`). Validity: 1e-5 ≤ P/H_c ≤ 2e-2 (warns outside), InputError at P ≥ H_c.

    Parameters
    ----------
    pressure : array_like
        Apparent contact pressure P [Pa], > 0.
    sigma : array_like
        Combined RMS roughness σ [m], > 0.
    m : array_like
        Combined RMS slope [-], > 0.
    c1 : array_like
        Vickers coefficient c₁ of the softer solid [Pa], > 0.
    c2 : array_like
        Vickers size exponent c₂ of the softer solid [-].

    Returns
    -------
    float or ndarray
        Contact microhardness H_c [Pa].

    Examples
    --------
    >>> round(microhardness(1e6, 1e-6, 0.1, 6.271e9, -0.229) / 1e9, 3)
    3.789
    """
    ratio = relative_pressure(pressure, sigma, m, c1, c2)  # validates and warns outside the fitted range
    return _out(np.asarray(pressure, dtype=float) / ratio)


def relative_pressure_from_hardness(pressure: ArrayLike, hardness: ArrayLike, *,
                                    warn: bool = True) -> float | np.ndarray:
    """P/H for a plain (size-independent) hardness value H, when that is all that is known.

    Source: the plastic-contact assumption of Cooper, Mikic & Yovanovich (Int. J. Heat Mass Transfer 12
    (1969) 279–300), H taken as the flow pressure of the asperities. A bulk hardness ignores the size
    effect of the Song & Yovanovich (1988) microhardness (it underestimates H_c of work-hardened
    surfaces). Validity: 1e-5 ≤ P/H ≤ 2e-2 (warns outside unless ``warn=False``); InputError at P ≥ H.

    Parameters
    ----------
    pressure : array_like
        Apparent contact pressure P [Pa], > 0.
    hardness : array_like
        Size-independent hardness H [Pa], > 0.
    warn : bool, optional
        Issue a ValidityWarning outside 1e-5 ≤ P/H ≤ 2e-2 [-].

    Returns
    -------
    float or ndarray
        Relative contact pressure P/H [-].

    Examples
    --------
    >>> relative_pressure_from_hardness(1e6, 2e9)
    0.0005
    """
    require_broadcastable(pressure=pressure, hardness=hardness)
    p = require_positive("pressure", pressure)
    h = require_positive("hardness", hardness)
    out = p / h
    _check_below_one(out, p)
    if warn:
        warn_outside("P/H_c", out, *P_OVER_H_RANGE, model="plastic contact (plain hardness)")
    return _out(out)


def vickers_coefficients_from_brinell(hardness_brinell: ArrayLike) -> tuple[float | np.ndarray, float | np.ndarray]:
    """(c₁ in Pa, c₂) from Brinell hardness H_B in Pa (Sridhar & Yovanovich, Wear 193 (1996) 91–102).

    c₁/3178 MPa = 4.0 − 5.77κ + 4.0κ² − 0.61κ³, c₂ = −0.370 + 0.442 H_B/c₁, κ = H_B/3178 MPa.
    Valid 1300 ≤ H_B ≤ 7600 MPa; InputError outside (the cubic is not extrapolated: below 1300 MPa it
    turns upward and gives c₁ far above the bulk hardness).

    Parameters
    ----------
    hardness_brinell : array_like
        Brinell hardness H_B [Pa], within 1300–7600 MPa.

    Returns
    -------
    c1 : float or ndarray
        Vickers coefficient c₁ [Pa].
    c2 : float or ndarray
        Vickers size exponent c₂ [-].

    Examples
    --------
    >>> c1, c2 = vickers_coefficients_from_brinell(2.0e9)
    >>> round(c1 / 1e9, 3), round(c2, 3)
    (5.723, -0.216)
    """
    hb = require_positive("hardness_brinell", hardness_brinell) / 1e6  # MPa
    bad = (hb < BRINELL_RANGE[0] / 1e6) | (hb > BRINELL_RANGE[1] / 1e6)
    if np.any(bad):
        raise InputError("hardness_brinell", f"{float(np.asarray(hb)[bad].flat[0]) if np.ndim(hb) else float(hb):g} MPa",
                         "1300-7600 MPa (Sridhar-Yovanovich Brinell correlation; give measured c1, c2 or a "
                         "microhardness outside it)", problem="outside the correlation's range")
    kappa = hb / 3178.0
    c1 = 3178.0 * (4.0 - 5.77 * kappa + 4.0 * kappa**2 - 0.61 * kappa**3)
    c2 = -0.370 + 0.442 * hb / c1
    return _out(c1 * 1e6), _out(c2)


@dataclass(frozen=True)
class Hardness:
    """A solid's hardness as used by the joint: ``kind`` "vickers" (c1 [Pa], c2) or "plain" (c1 = H [Pa],
    c2 = None), ``source`` says where it came from, ``note`` is a warning text (or "").

    Attributes
    ----------
    kind : str
        "vickers" or "plain" (the entry of :data:`MICROHARDNESS_MODELS`).
    c1 : float
        Vickers coefficient c₁, or the plain hardness H [Pa].
    c2 : float or None
        Vickers size exponent c₂ [-]; None for "plain".
    source : str
        Where the values came from.
    note : str, optional
        Warning text for the user, or "".
    """

    kind: str
    c1: float
    c2: float | None
    source: str
    note: str = ""


@dataclass(frozen=True)
class MicrohardnessModel:
    """One way of turning a solid's hardness data into the relative contact pressure P/H_c.

    ``function`` takes the quantities named in ``inputs`` (from "pressure" [Pa], "sigma" [m], "m" [-],
    "c1" [Pa], "c2" [-], "hardness" [Pa]) in that order, plus ``warn``; ``kind`` is the
    :attr:`Hardness.kind` it serves.

    Attributes
    ----------
    kind : str
        The :attr:`Hardness.kind` served.
    function : callable
        Function returning P/H_c [-] from ``inputs`` (and ``warn``).
    inputs : tuple of str
        Input names, in argument order.
    source : str
        Literature source.
    validity : str
        Validity range.
    """

    kind: str
    function: Callable[..., Any]
    inputs: tuple[str, ...]
    source: str
    validity: str


MICROHARDNESS_MODELS: dict[str, MicrohardnessModel] = {m.kind: m for m in (
    MicrohardnessModel("vickers", relative_pressure, ("pressure", "sigma", "m", "c1", "c2"),
                       "Song & Yovanovich, J. Thermophys. Heat Transfer 2 (1988) 43–47 (1.62 form)",
                       "1e-5 ≤ P/H_c ≤ 2e-2 (SS304, Ni200, Zircaloy-4, Zr-2.5Nb); P < H_c"),
    MicrohardnessModel("plain", relative_pressure_from_hardness, ("pressure", "hardness"),
                       "Cooper, Mikic & Yovanovich, Int. J. Heat Mass Transfer 12 (1969) 279–300 (plastic spots "
                       "at a size-independent hardness)", "1e-5 ≤ P/H ≤ 2e-2; P < H; no size effect"),
)}


def relative_pressure_of(hardness: Hardness, pressure: ArrayLike, sigma: ArrayLike, m: ArrayLike, *,
                         warn: bool = True) -> np.ndarray:
    """P/H_c of one solid's :class:`Hardness` by its registered microhardness model.

    Parameters
    ----------
    hardness : the solid's hardness (``kind`` names the entry of :data:`MICROHARDNESS_MODELS`).
    pressure : contact pressure P [Pa].
    sigma, m : combined RMS roughness [m] and slope [-].
    warn : issue the model's ValidityWarning outside its fitted range.

    Returns
    -------
    P/H_c [-], broadcast over (pressure, sigma, m).

    References
    ----------
    See the entries of :data:`MICROHARDNESS_MODELS` (Song & Yovanovich 1988; Cooper, Mikic & Yovanovich
    1969).

    Examples
    --------
    >>> round(float(relative_pressure_of(Hardness("plain", 2e9, None, "given"), 1e6, 1e-6, 0.1)), 6)
    0.0005
    """
    model = MICROHARDNESS_MODELS.get(hardness.kind)
    if model is None:
        raise InputError("hardness kind", hardness.kind, "one of: " + ", ".join(MICROHARDNESS_MODELS))
    values = {"pressure": pressure, "sigma": sigma, "m": m, "c1": hardness.c1, "c2": hardness.c2,
              "hardness": hardness.c1}
    ratio = np.asarray(model.function(*(values[k] for k in model.inputs), warn=warn))
    return ratio * np.ones(np.broadcast_shapes(np.shape(pressure), np.shape(sigma), np.shape(m)))


def hardness_of(material: Any) -> Hardness | None:
    """The hardness description of a registry material, by the first available of four sources.

    In this order of preference:

    1. measured Vickers coefficients c₁, c₂ (Hegazy 1985 via Sridhar & Yovanovich 1996);
    2. the Brinell → c₁, c₂ correlation of Sridhar & Yovanovich (Wear 193 (1996) 91–102), only inside
       its range 1300 ≤ H_B ≤ 7600 MPa;
    3. a bulk Vickers hardness as a size-independent H (c₂ = 0: the size effect — a microhardness that
       rises as the contact spots shrink — is NOT represented, so H_c and the resistance are
       underestimated for work-hardened surfaces; warned);
    4. a Brinell hardness outside the correlation's range, used as a size-independent bulk H in the same
       way (Brinell and Vickers numbers are both load per indentation area; for soft metals they are
       close, but not identical; warned).

    None when the material has no hardness data.

    Parameters
    ----------
    material : Material
        A registry material (its ``microhardness_c1`` [Pa], ``microhardness_c2`` [-],
        ``hardness_brinell`` [Pa] and ``hardness_vickers`` [Pa] are read).

    Returns
    -------
    Hardness or None
        The hardness description, or None without hardness data.

    Examples
    --------
    >>> from tcrlab.materials import default_registry
    >>> hardness_of(default_registry().get_material("SS304")).source
    'measured Vickers c1, c2'
    >>> hardness_of(default_registry().get_material("Al6061-T6")).kind
    'plain'
    """
    c1 = getattr(material, "microhardness_c1", None)
    c2 = getattr(material, "microhardness_c2", None)
    if c1 is not None and c2 is not None:
        return Hardness("vickers", float(c1), float(c2), "measured Vickers c1, c2")
    hb = getattr(material, "hardness_brinell", None)
    if hb is not None and BRINELL_RANGE[0] <= hb <= BRINELL_RANGE[1]:
        a, b = vickers_coefficients_from_brinell(hb)
        return Hardness("vickers", float(a), float(b), f"Brinell {hb / 1e6:.0f} MPa via the Sridhar-Yovanovich "
                        "correlation", "Vickers c1, c2 estimated from Brinell hardness (Sridhar & Yovanovich 1996 "
                        "correlation)")
    hv = getattr(material, "hardness_vickers", None)
    if hv is not None:
        return Hardness("plain", float(hv), None, f"bulk Vickers {hv / 1e6:.0f} MPa, size effect neglected (c2 = 0)",
                        f"bulk Vickers hardness {hv / 1e9:.3g} GPa used as a size-independent microhardness "
                        "(c2 = 0): H_c and R_c are underestimated for work-hardened surfaces; give c1, c2")
    if hb is not None:
        return Hardness("plain", float(hb), None, f"bulk Brinell {hb / 1e6:.0f} MPa (outside the 1300-7600 MPa "
                        "correlation), size effect neglected (c2 = 0)",
                        f"Brinell hardness {hb / 1e6:.0f} MPa is outside the 1300-7600 MPa range of the Brinell -> "
                        "c1, c2 correlation: it is used as a size-independent bulk hardness (c2 = 0, not "
                        "extrapolated); H_c and R_c are underestimated for work-hardened surfaces; give c1, c2")
    return None


@dataclass(frozen=True)
class SolidMicrohardness:
    """The contact microhardness H_c (Pa) of the softer of two solids at one pressure, and whose it is.

    Attributes
    ----------
    value : float
        Contact microhardness H_c [Pa].
    solid : str
        Registry key of the solid.
    c1 : float
        Vickers coefficient c₁ [Pa].
    c2 : float
        Vickers size exponent c₂ [-].
    """

    value: float
    solid: str
    c1: float
    c2: float

    def describe(self) -> str:
        return (f"H_c = {self.value / 1e9:.3g} GPa, Song–Yovanovich microhardness of {self.solid} "
                f"(c1 = {self.c1 / 1e9:.4g} GPa, c2 = {self.c2:.3g})")


def registry_microhardness(solids: Any, pressure: float, sigma: float, m: float) -> SolidMicrohardness | None:
    """H_c of the softer solid from the registry's Vickers coefficients (None when neither has them).

    The pressure cap of an elastic–perfectly-plastic contact solve: the Song–Yovanovich contact
    microhardness H_c = P/(P/H_c) at the surface's σ and m (Song & Yovanovich, J. Thermophys. Heat Transfer
    2 (1988) 43–47; see :func:`relative_pressure`), the lower of the two solids'.

    Parameters
    ----------
    solids : the two :class:`~tcrlab.materials.Material` (c1 [Pa] and c2 from ``microhardness_c1/c2``).
    pressure : nominal contact pressure P [Pa].
    sigma, m : RMS roughness [m] and RMS slope of the (composite) surface.

    Returns
    -------
    SolidMicrohardness or None. Raises InputError (naming ``pressure``) when P ≥ H_c — full plastic
    contact, which no rough-surface model describes — and warns outside 1e-5 ≤ P/H_c ≤ 2e-2.

    Examples
    --------
    >>> from tcrlab.materials import get_material
    >>> h = registry_microhardness([get_material("SS304")] * 2, 1e6, 1e-6, 0.1)
    >>> round(h.value / 1e9, 2), h.solid
    (3.79, 'SS304')
    """
    best = None
    for mat in solids:
        c1, c2 = getattr(mat, "microhardness_c1", None), getattr(mat, "microhardness_c2", None)
        if c1 is None or c2 is None:
            continue
        value = float(microhardness(pressure, sigma, m, c1, c2))
        if best is None or value < best.value:
            best = SolidMicrohardness(value, mat.key, float(c1), float(c2))
    return best
