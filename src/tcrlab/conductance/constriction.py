"""Constriction (solid-spot) conductance h_c of conforming rough surfaces, W/(m² K).

All models describe two nominally flat, conforming rough solids with Gaussian heights, combined RMS
roughness σ, combined slope m and harmonic-mean conductivity k_s (see :mod:`tcrlab.surfaces.parameters` and
:mod:`tcrlab.mechanics.effective`).

* :func:`cmy_conductance` — Cooper, Mikic & Yovanovich (Int. J. Heat Mass Transfer 12 (1969) 279–300),
  plastic asperities, in the form of Yovanovich (AIAA Prog. Astronaut. Aeronaut. 83 (1982) 83–95):
  h_c σ/(k_s m) = exp(−λ²) / [2√(2π) (1 − √(P/H_c))^1.5],  λ = erfc⁻¹(2P/H_c).
* :func:`cmy_correlation_conductance` — its correlation h_c σ/(k_s m) = 1.25 (P/H_c)^0.95 (Yovanovich
  1982), stated to agree within ≈1.5 % for 10⁻⁵ ≤ P/H_c ≤ 3×10⁻² (tcrlab measures a maximum deviation
  of 1.53 %, at P/H_c ≈ 4×10⁻⁵; see tests/conductance/test_constriction.py). A refit 1.45 (P/H_c)^0.985 also
  circulates; its source could not be confirmed here, so it is not offered.
* :func:`mikic_elastic_conductance` — Mikic (Int. J. Heat Mass Transfer 17 (1974) 205–214), elastic
  asperities: h_c σ/(k_s m) = 1.54 (√2 P/(m E'))^0.94, i.e. (P/H_e)^0.94 with H_e = m E'/√2 (the √2 is
  part of the model; dropping it changes h_c by ≈ 39 %). Coefficient 1.54 as quoted by Sridhar &
  Yovanovich (J. Heat Transfer 118 (1996) 3–9); Mikic printed 1.55.
* :func:`elastoplastic_conductance` — after Sridhar & Yovanovich (J. Heat Transfer 118 (1996) 3–9): the
  elastoplastic contact hardness from the Johnson cavity model,
  H_ep/S_f = 2.76 / √(1 + (6.5/ε*_c)²), ε*_c = 1.67 m E'/S_f  (S_f: flow stress of the softer solid),
  and a blend of the elastic (Mikic 1974) and plastic (CMY) real-area relations weighted by the same
  transition, w = (H_ep/(2.76 S_f))² = ε*²/(ε*² + 6.5²):
  ln C = (1 − w) ln[1.54 (P/H_e)^0.94] + w ln[1.25 (P/H_ep)^0.95],  C = h_c σ/(k_s m).
  Limits: ε*_c → 0 gives Mikic exactly, ε*_c → ∞ gives CMY with H_ep = 2.76 S_f. The paper's own
  load-dependent blending function could not be obtained (only its abstract was reachable), so THIS
  BLEND IS tcrlab's, not the paper's: it has the paper's limits and transition strain (6.5), and its
  h_c in the transition range 1 ≲ ε*_c ≲ 40 is not validated against the paper's Fig./data.
* :func:`asperity_spots_conductance` ("asperity") — identical plastic spots at the hardness, spot density
  from the CMY statistics n = (1/16)(m/σ)² exp(−2λ²)/erfc(λ) (Yovanovich 1982), each an isolated Holm spot
  1/(4k₁a) + 1/(4k₂a), in parallel (the self-consistent spot sum), no flux-tube correction.
* :func:`asperity_conductance` ("asperity-article") — the introductory formula for the same
  spots, R_c = ½√(πH/(pη))(1/k₁ + 1/k₂): exactly half of the spot sum's h_c (its ½ factor double-counts
  the two sides, see :func:`tcrlab.conductance.spot.asperity_contact_resistance`). Kept to reproduce the
  article; not a model to design with.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from tcrlab._arrays import require_broadcastable
from tcrlab._arrays import scalar_or_array as _out
from tcrlab._special import erfcinv
from tcrlab.conductance.spot import asperity_contact_resistance, asperity_spots_resistance
from tcrlab.errors import InputError
from tcrlab.mechanics.elastoplastic import elastoplastic_hardness, elastoplastic_weight
from tcrlab.mechanics.separation import elastic_hardness
from tcrlab.validation import require_positive, warn_outside

__all__ = [
    "asperity_conductance",
    "asperity_spots_conductance",
    "cmy_conductance",
    "cmy_correlation_conductance",
    "constriction_conductance",
    "elastoplastic_conductance",
    "elastoplastic_hardness",
    "elastoplastic_weight",
    "mikic_elastic_conductance",
    "spot_density",
]

_SQRT_2PI = np.sqrt(2.0 * np.pi)
P_OVER_H_RANGE = (1e-5, 2e-2)


def _p_over_h(value: ArrayLike, name: str = "p_over_h") -> np.ndarray:
    r = require_positive(name, value)
    bad = r >= 1.0
    if np.any(bad):
        raise InputError(name, float(r[bad].flat[0]) if r.ndim else float(r), "0 < P/H < 1",
                         problem="P >= H means full contact, outside the rough-surface models")
    return r


def _plastic_inputs(k_s: ArrayLike, sigma: ArrayLike, m: ArrayLike, p_over_h: ArrayLike,
                    model: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Checked (k_s, σ, m, P/H_c) of the plastic models; warns outside the validated P/H_c range."""
    require_broadcastable(k_s=k_s, sigma=sigma, m=m, p_over_h=p_over_h)
    k = require_positive("k_s", k_s)
    s = require_positive("sigma", sigma)
    mm = require_positive("m", m)
    r = _p_over_h(p_over_h)
    warn_outside("P/H_c", r, *P_OVER_H_RANGE, model=model, stacklevel=4)
    return k, s, mm, r


def cmy_conductance(k_s: ArrayLike, sigma: ArrayLike, m: ArrayLike, p_over_h: ArrayLike) -> float | np.ndarray:
    """CMY plastic contact conductance, exact Gaussian form (Yovanovich 1982), W/(m² K).

    h_c = (k_s m/σ) · exp(−λ²) / [2√(2π) (1 − √(P/H_c))^1.5],  λ = erfc⁻¹(2 P/H_c).
    k_s (W/(m K)), σ (m), m (-), P/H_c in (0, 1). Broadcasts. Warns outside 1e-5 ≤ P/H_c ≤ 2e-2.

    Parameters
    ----------
    k_s : array_like
        Harmonic-mean thermal conductivity 2k₁k₂/(k₁ + k₂) [W/(m·K)], > 0.
    sigma : array_like
        Combined RMS roughness σ [m], > 0.
    m : array_like
        Combined RMS slope [-], > 0.
    p_over_h : array_like
        Relative contact pressure P/H_c [-], in (0, 1).

    Returns
    -------
    float or ndarray
        Contact conductance h_c [W/(m²·K)].

    References
    ----------
    Cooper, Mikic & Yovanovich, Int. J. Heat Mass Transfer 12 (1969) 279–300; Yovanovich, AIAA Prog.
    Astronaut. Aeronaut. 83 (1982) 83–95.

    Examples
    --------
    >>> round(cmy_conductance(20.0, 1e-6, 0.1, 1e-3))
    3533
    """
    k, s, mm, r = _plastic_inputs(k_s, sigma, m, p_over_h, "CMY plastic model")
    lam = erfcinv(2.0 * r)
    return _out(k * mm / s * np.exp(-lam * lam) / (2.0 * _SQRT_2PI * (1.0 - np.sqrt(r)) ** 1.5))


def cmy_correlation_conductance(k_s: ArrayLike, sigma: ArrayLike, m: ArrayLike,
                                p_over_h: ArrayLike) -> float | np.ndarray:
    """CMY correlation h_c = 1.25 (k_s m/σ)(P/H_c)^0.95, W/(m² K).

    Source: Yovanovich, AIAA Prog. Astronaut. Aeronaut. 83 (1982) 83–95 (correlating the exact CMY form
    of Cooper, Mikic & Yovanovich, Int. J. Heat Mass Transfer 12 (1969) 279–300). Validity: stated within
    ≈1.5 % of the exact form for 1e-5 ≤ P/H_c ≤ 3e-2; warns outside 1e-5 ≤ P/H_c ≤ 2e-2 (the range of
    the microhardness correlation that supplies P/H_c). Broadcasts.

    Parameters
    ----------
    k_s : array_like
        Harmonic-mean thermal conductivity 2k₁k₂/(k₁ + k₂) [W/(m·K)], > 0.
    sigma : array_like
        Combined RMS roughness σ [m], > 0.
    m : array_like
        Combined RMS slope [-], > 0.
    p_over_h : array_like
        Relative contact pressure P/H_c [-], in (0, 1).

    Returns
    -------
    float or ndarray
        Contact conductance h_c [W/(m²·K)].

    Examples
    --------
    >>> round(cmy_correlation_conductance(20.0, 1e-6, 0.1, 1e-3))
    3531
    """
    k, s, mm, r = _plastic_inputs(k_s, sigma, m, p_over_h, "CMY correlation")
    return _out(1.25 * k * mm / s * r**0.95)


def mikic_elastic_conductance(k_s: ArrayLike, sigma: ArrayLike, m: ArrayLike, pressure: ArrayLike,
                              E_eff: ArrayLike) -> float | np.ndarray:
    """Mikic (1974) elastic contact conductance, W/(m² K).

    h_c = 1.54 (k_s m/σ) (√2 P/(m E'))^0.94 = 1.54 (k_s m/σ)(P/H_e)^0.94, H_e = m E'/√2.
    pressure P and effective modulus E' in Pa. Warns outside 1e-5 ≤ P/H_e ≤ 2e-2 (Sridhar & Yovanovich
    1994 range of the comparison); InputError when 4P/H_e ≥ 1.

    Parameters
    ----------
    k_s : array_like
        Harmonic-mean thermal conductivity 2k₁k₂/(k₁ + k₂) [W/(m·K)], > 0.
    sigma : array_like
        Combined RMS roughness σ [m], > 0.
    m : array_like
        Combined RMS slope [-], > 0.
    pressure : array_like
        Apparent contact pressure P [Pa], > 0.
    E_eff : array_like
        Effective elastic modulus E' [Pa], > 0.

    Returns
    -------
    float or ndarray
        Contact conductance h_c [W/(m²·K)].

    References
    ----------
    B. B. Mikic, Int. J. Heat Mass Transfer 17 (1974) 205–214.

    Examples
    --------
    >>> round(mikic_elastic_conductance(20.0, 1e-6, 0.1, 1e6, 100e9))
    741
    """
    require_broadcastable(k_s=k_s, sigma=sigma, m=m, pressure=pressure, E_eff=E_eff)
    k = require_positive("k_s", k_s)
    s = require_positive("sigma", sigma)
    mm = require_positive("m", m)
    p = require_positive("pressure", pressure)
    he = np.asarray(elastic_hardness(mm, E_eff))
    r = p / he
    bad = 4.0 * r >= 1.0
    if np.any(bad):
        raise InputError("pressure", float(np.broadcast_to(p, r.shape)[bad].flat[0]) if r.ndim else float(p),
                         "pressure < H_e/4 = m E'/(4√2)", problem="elastic model: full contact")
    warn_outside("P/H_e", r, *P_OVER_H_RANGE, model="Mikic elastic model")
    return _out(1.54 * k * mm / s * r**0.94)


def elastoplastic_conductance(k_s: ArrayLike, sigma: ArrayLike, m: ArrayLike, pressure: ArrayLike,
                              E_eff: ArrayLike, flow_stress: ArrayLike) -> float | np.ndarray:
    """Elastoplastic contact conductance blending the Mikic elastic and CMY plastic limits, W/(m² K).

    C = h_c σ/(k_s m):  ln C = (1 − w) ln[1.54 (P/H_e)^0.94] + w ln[1.25 (P/H_ep)^0.95],
    H_e = m E'/√2, H_ep = 2.76 S_f/√(1 + (6.5/ε*)²), w = ε*²/(ε*² + 6.5²), ε* = 1.67 m E'/S_f.

    Parameters
    ----------
    k_s : harmonic-mean conductivity [W/(m K)]
    sigma, m : combined RMS roughness [m] and slope [-]
    pressure : contact pressure P [Pa]
    E_eff : effective modulus E' [Pa]
    flow_stress : flow stress S_f of the softer solid [Pa]

    Returns
    -------
    h_c [W/(m² K)]; → Mikic (1974) as ε* → 0, → CMY 1.25 (P/(2.76 S_f))^0.95 as ε* → ∞.

    References
    ----------
    M. R. Sridhar and M. M. Yovanovich, J. Heat Transfer 118 (1996) 3–9 (H_ep, ε*, the two limits); B. B.
    Mikic, Int. J. Heat Mass Transfer 17 (1974) 205–214; Yovanovich (1982). The blending function is NOT the
    paper's (its text could not be obtained): a log-linear blend with the paper's limits, see the module
    docstring. Validity: ε* ≤ 400 and 1e-5 ≤ P/H ≤ 2e-2 (ValidityWarnings outside); InputError when P ≥ H_ep
    or 4P ≥ H_e.

    Examples
    --------
    >>> h = elastoplastic_conductance(20.0, 1e-6, 0.1, 1e6, 100e9, 1e12)   # ε* ≈ 0.017: elastic
    >>> round(float(h / mikic_elastic_conductance(20.0, 1e-6, 0.1, 1e6, 100e9)), 4)
    1.0
    """
    require_broadcastable(k_s=k_s, sigma=sigma, m=m, pressure=pressure, E_eff=E_eff, flow_stress=flow_stress)
    hep = np.asarray(elastoplastic_hardness(m, E_eff, flow_stress))
    p = require_positive("pressure", pressure)
    w = np.asarray(elastoplastic_weight(m, E_eff, flow_stress))
    plastic = np.asarray(cmy_correlation_conductance(k_s, sigma, m, _p_over_h(p / hep, "P/H_ep")))
    elastic = np.asarray(mikic_elastic_conductance(k_s, sigma, m, p, E_eff))
    return _out(np.exp((1.0 - w) * np.log(elastic) + w * np.log(plastic)))


def spot_density(sigma: ArrayLike, m: ArrayLike, p_over_h: ArrayLike) -> float | np.ndarray:
    """CMY contact-spot density n = (1/16)(m/σ)² exp(−2λ²)/erfc(λ), λ = erfc⁻¹(2P/H) (1/m²).

    Source: Cooper, Mikic & Yovanovich, Int. J. Heat Mass Transfer 12 (1969) 279–300, in the form of
    Yovanovich (1982). Validity: Gaussian, isotropic heights, plastic spots; 0 < P/H < 1 (InputError
    otherwise). Broadcasts.

    Parameters
    ----------
    sigma : array_like
        Combined RMS roughness σ [m], > 0.
    m : array_like
        Combined RMS slope [-], > 0.
    p_over_h : array_like
        Relative contact pressure P/H [-], in (0, 1).

    Returns
    -------
    float or ndarray
        Number of contact spots per unit area n [1/m²].

    Examples
    --------
    >>> round(spot_density(1e-6, 0.1, 1e-3) / 1e6, 1)
    22.3
    """
    require_broadcastable(sigma=sigma, m=m, p_over_h=p_over_h)
    s = require_positive("sigma", sigma)
    mm = require_positive("m", m)
    r = _p_over_h(p_over_h)
    from scipy.special import erfc  # only the spot-density models need it

    lam = erfcinv(2.0 * r)
    return _out((mm / s) ** 2 / 16.0 * np.exp(-2.0 * lam * lam) / erfc(lam))


def asperity_conductance(k1: ArrayLike, k2: ArrayLike, sigma: ArrayLike, m: ArrayLike,
                         pressure: ArrayLike, hardness: ArrayLike) -> float | np.ndarray:
    """The introductory asperity model ("asperity-article"), 1/R_c with R_c = ½√(πH/(p η))(1/k₁ +
    1/k₂) — half of the self-consistent spot sum :func:`asperity_spots_conductance`; η from the
    CMY spot density at P/H (see :func:`spot_density`), W/(m² K).

    Source: the isolated-spot constriction resistance 1/(2 k a) per spot (Holm 1967, *Electric
    Contacts*; the introductory formula), spots of radius a = √(P/(π H η)); no flux-tube (crowding)
    correction, so it is valid only for light loads, P/H ≲ 1e-2 (ValidityWarning outside
    1e-5 ≤ P/H ≤ 2e-2, as for CMY). Broadcasts.

    Parameters
    ----------
    k1, k2 : array_like
        Thermal conductivities of the two solids [W/(m·K)], > 0.
    sigma : array_like
        Combined RMS roughness σ [m], > 0.
    m : array_like
        Combined RMS slope [-], > 0.
    pressure : array_like
        Apparent contact pressure P [Pa], > 0.
    hardness : array_like
        (Micro)hardness H of the softer solid [Pa], > 0.

    Returns
    -------
    float or ndarray
        Contact conductance 1/R_c [W/(m²·K)].

    Examples
    --------
    >>> round(asperity_conductance(50.0, 50.0, 1e-6, 0.1, 1e6, 3e9))
    1525
    """
    return _spots_conductance(asperity_contact_resistance, k1, k2, sigma, m, pressure, hardness)


def asperity_spots_conductance(k1: ArrayLike, k2: ArrayLike, sigma: ArrayLike, m: ArrayLike,
                               pressure: ArrayLike, hardness: ArrayLike) -> float | np.ndarray:
    """The self-consistent plastic-spot sum ("asperity"): 1/R_c with R_c = ¼√(πH/(p η))(1/k₁ + 1/k₂),
    η from the CMY spot density at P/H (see :func:`spot_density`), W/(m² K).

    Source: η isolated circular spots of radius a = √(P/(π H η)), each with Holm's (1967) constriction
    1/(4k₁a) + 1/(4k₂a), in parallel (Cooper, Mikic & Yovanovich 1969 without their flux-tube correction);
    see :func:`tcrlab.conductance.spot.asperity_spots_resistance`. Twice :func:`asperity_conductance`.
    Validity: light loads, P/H ≲ 1e-2 (ValidityWarning outside 1e-5 ≤ P/H ≤ 2e-2). Broadcasts.

    Parameters
    ----------
    k1, k2 : array_like
        Thermal conductivities of the two solids [W/(m·K)], > 0.
    sigma : array_like
        Combined RMS roughness σ [m], > 0.
    m : array_like
        Combined RMS slope [-], > 0.
    pressure : array_like
        Apparent contact pressure P [Pa], > 0.
    hardness : array_like
        (Micro)hardness H of the softer solid [Pa], > 0.

    Returns
    -------
    float or ndarray
        Contact conductance 1/R_c [W/(m²·K)].

    Examples
    --------
    >>> h = asperity_spots_conductance(50.0, 50.0, 1e-6, 0.1, 1e6, 3e9)
    >>> round(float(h / asperity_conductance(50.0, 50.0, 1e-6, 0.1, 1e6, 3e9)), 6)
    2.0
    """
    return _spots_conductance(asperity_spots_resistance, k1, k2, sigma, m, pressure, hardness)


def _spots_conductance(resistance: Any, k1: ArrayLike, k2: ArrayLike, sigma: ArrayLike, m: ArrayLike,
                       pressure: ArrayLike, hardness: ArrayLike) -> float | np.ndarray:
    """1/R_c of plastic spots at the hardness, the CMY spot density at P/H, and ``resistance``'s
    per-area spot formula (the two asperity models differ only in that formula)."""
    require_broadcastable(k1=k1, k2=k2, sigma=sigma, m=m, pressure=pressure, hardness=hardness)
    p = require_positive("pressure", pressure)
    h = require_positive("hardness", hardness)
    eta = spot_density(sigma, m, p / h)
    return _out(1.0 / np.asarray(resistance(p, h, eta, k1, k2)))


def constriction_conductance(
    model: str,
    *,
    k_s: ArrayLike,
    sigma: ArrayLike,
    m: ArrayLike,
    pressure: ArrayLike | None = None,
    p_over_h: ArrayLike | None = None,
    E_eff: ArrayLike | None = None,
    flow_stress: ArrayLike | None = None,
    k1: ArrayLike | None = None,
    k2: ArrayLike | None = None,
) -> float | np.ndarray:
    """Choose a constriction model by name: an entry of :data:`tcrlab.conductance.registry.CONTACT_MODELS`.

    Each entry names the inputs its function needs (e.g. "cmy" needs ``p_over_h``; "mikic" ``pressure``
    and ``E_eff``; "elastoplastic" also ``flow_stress``; the asperity models ``pressure``, ``p_over_h``
    (the hardness is pressure/p_over_h) and ``k1``, ``k2``, default k_s for both). A missing input is an
    InputError naming it.

    Parameters
    ----------
    model : str
        Name of the contact model in the registry [-] ("cmy", "cmy-correlation", "mikic",
        "elastoplastic", "asperity", "asperity-article").
    k_s : array_like
        Harmonic-mean thermal conductivity [W/(m·K)].
    sigma : array_like
        Combined RMS roughness σ [m].
    m : array_like
        Combined RMS slope [-].
    pressure : array_like, optional
        Apparent contact pressure P [Pa].
    p_over_h : array_like, optional
        Relative contact pressure P/H_c [-].
    E_eff : array_like, optional
        Effective elastic modulus E' [Pa].
    flow_stress : array_like, optional
        Flow stress S_f of the softer solid [Pa].
    k1, k2 : array_like, optional
        Thermal conductivities of the two solids [W/(m·K)]; default ``k_s``.

    Returns
    -------
    float or ndarray
        Contact conductance h_c [W/(m²·K)].

    Examples
    --------
    >>> round(constriction_conductance("cmy", k_s=20.0, sigma=1e-6, m=0.1, p_over_h=1e-3))
    3533
    """
    from tcrlab.conductance.registry import get_contact_model

    entry = get_contact_model(model)
    values: dict[str, object] = {"k_s": k_s, "sigma": sigma, "m": m, "pressure": pressure, "p_over_h": p_over_h,
                                 "E_eff": E_eff, "flow_stress": flow_stress,
                                 "k1": k_s if k1 is None else k1, "k2": k_s if k2 is None else k2}
    if "hardness" in entry.inputs:
        for name in ("pressure", "p_over_h"):
            if values[name] is None:
                raise InputError(name, None, f"a value (required by contact model {entry.name!r})")
        values["hardness"] = np.asarray(pressure, dtype=float) / _p_over_h(p_over_h)
    args = []
    for name in entry.inputs:
        if values.get(name) is None:
            raise InputError(name, None, f"a value (required by contact model {entry.name!r})")
        args.append(values[name])
    return entry.function(*args)


def __getattr__(name: str) -> object:
    if name == "CONTACT_MODELS":  # the live registry (defined after this module, which it imports)
        from tcrlab.conductance.registry import CONTACT_MODELS

        return CONTACT_MODELS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
