"""Mean-plane separation Y of two conforming rough surfaces (Gaussian heights) under load.

Plastic asperities (Cooper, Mikic & Yovanovich, Int. J. Heat Mass Transfer 12 (1969) 279–300;
Yovanovich, AIAA Prog. Astronaut. Aeronaut. 83 (1982) 83–95): the real area fraction of a Gaussian
surface cut at height Y is A_r/A_0 = ½ erfc(Y/(√2 σ)) = P/H_c, hence

    Y/σ = √2 · erfc⁻¹(2 P/H_c).

Antonetti (1983 thesis; quoted by Yovanovich 2005) fitted Y/σ = 1.184 [−ln(3.132 P/H_c)]^0.547
(:func:`plastic_separation_antonetti`); a 0.3 % accuracy is often quoted, tcrlab measures a maximum
deviation of 0.66 % for 10⁻⁵ ≤ P/H_c ≤ 2×10⁻² (0.81 % up to 3×10⁻²). NOTE: a formula
Y/σ = exp(−0.8314 (P/H_c)^0.547) circulates in public code; it is wrong (it gives Y/σ ≈ 1 for every load)
and is not used.

Elastic asperities (Mikic, Int. J. Heat Mass Transfer 17 (1974) 205–214): the real area is half the
geometric overlap, A_r/A_0 = ¼ erfc(Y/(√2σ)) = P/H_e with the elastic "hardness" H_e = m E'/√2, so

    Y/σ = √2 · erfc⁻¹(4 P/H_e).

Elastoplastic asperities (:func:`elastoplastic_separation`): the same blend of the elastic and plastic
relations as tcrlab's elastoplastic conductance, Y = (1 − w) Y_elastic(P/H_e) + w Y_plastic(P/H_ep).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from tcrlab._arrays import require_broadcastable
from tcrlab._arrays import scalar_or_array as _out
from tcrlab._special import erfcinv
from tcrlab.errors import InputError
from tcrlab.mechanics.elastoplastic import elastoplastic_hardness, elastoplastic_weight
from tcrlab.validation import require_positive, warn_outside

__all__ = [
    "elastic_hardness",
    "elastic_separation",
    "elastoplastic_separation",
    "plastic_separation",
    "plastic_separation_antonetti",
]


def _ratio(name: str, value: ArrayLike, upper: float) -> np.ndarray:
    r = require_positive(name, value)
    bad = r >= upper
    if np.any(bad):
        raise InputError(name, float(r[bad].flat[0]) if r.ndim else float(r), f"0 < {name} < {upper:g}",
                         problem="the surfaces would be in full contact")
    return r


def plastic_separation(sigma: ArrayLike, p_over_h: ArrayLike) -> float | np.ndarray:
    """Y = σ √2 erfc⁻¹(2P/H_c) in m (CMY 1969, exact for Gaussian heights; 0 < P/H_c < 1).

    Parameters
    ----------
    sigma : array_like
        Combined RMS roughness σ [m], > 0.
    p_over_h : array_like
        Relative contact pressure P/H_c [-], in (0, 1).

    Returns
    -------
    float or ndarray
        Mean-plane separation Y [m].

    References
    ----------
    Cooper, Mikic & Yovanovich, Int. J. Heat Mass Transfer 12 (1969) 279–300.

    Examples
    --------
    >>> round(plastic_separation(1e-6, 1e-3) * 1e6, 4)
    3.0902
    """
    require_broadcastable(sigma=sigma, p_over_h=p_over_h)
    s = require_positive("sigma", sigma)
    r = _ratio("p_over_h", p_over_h, 1.0)
    return _out(s * np.sqrt(2.0) * erfcinv(2.0 * r))


def plastic_separation_antonetti(sigma: ArrayLike, p_over_h: ArrayLike) -> float | np.ndarray:
    """Antonetti's fit Y/σ = 1.184 [−ln(3.132 P/H_c)]^0.547 (within 0.7 % of the exact form, 1e-5…2e-2).

    Source: Antonetti (PhD thesis, University of Waterloo, 1983), as quoted by Yovanovich (IEEE Trans.
    CPT 28 (2005) 182–206). Validity: 1e-5 ≤ P/H_c ≤ 2e-2 (ValidityWarning outside); InputError for
    P/H_c ≥ 1/3.132, where the fit has no real value.

    Parameters
    ----------
    sigma : array_like
        Combined RMS roughness σ [m], > 0.
    p_over_h : array_like
        Relative contact pressure P/H_c [-], in (0, 1/3.132).

    Returns
    -------
    float or ndarray
        Mean-plane separation Y [m].

    Examples
    --------
    >>> round(plastic_separation_antonetti(1e-6, 1e-3) * 1e6, 4)
    3.0871
    """
    require_broadcastable(sigma=sigma, p_over_h=p_over_h)
    s = require_positive("sigma", sigma)
    r = _ratio("p_over_h", p_over_h, 1.0 / 3.132)
    warn_outside("P/H_c", r, 1e-5, 2e-2, model="Antonetti separation fit")
    return _out(s * 1.184 * (-np.log(3.132 * r)) ** 0.547)


def elastic_hardness(m: ArrayLike, e_eff: ArrayLike) -> float | np.ndarray:
    """Mikic's (1974) elastic microhardness H_e = m E'/√2 (Pa).

    Dropping the √2 (common in public code) changes h_c by ≈ 39 %.

    Parameters
    ----------
    m : array_like
        Combined RMS slope [-], > 0.
    e_eff : array_like
        Effective elastic modulus E' [Pa], > 0.

    Returns
    -------
    float or ndarray
        Elastic hardness H_e [Pa].

    References
    ----------
    Mikic, Int. J. Heat Mass Transfer 17 (1974) 205–214.

    Examples
    --------
    >>> round(elastic_hardness(0.1, 100e9) / 1e9, 4)
    7.0711
    """
    require_broadcastable(m=m, e_eff=e_eff)
    return _out(require_positive("m", m) * require_positive("E_eff", e_eff) / np.sqrt(2.0))


def elastic_separation(sigma: ArrayLike, m: ArrayLike, pressure: ArrayLike, e_eff: ArrayLike) -> float | np.ndarray:
    """Y = σ √2 erfc⁻¹(4P/H_e), H_e = mE'/√2 (Mikic 1974); needs 4P/H_e < 1 (else full-contact error).

    Parameters
    ----------
    sigma : array_like
        Combined RMS roughness σ [m], > 0.
    m : array_like
        Combined RMS slope [-], > 0.
    pressure : array_like
        Apparent contact pressure P [Pa], > 0.
    e_eff : array_like
        Effective elastic modulus E' [Pa], > 0.

    Returns
    -------
    float or ndarray
        Mean-plane separation Y [m].

    References
    ----------
    Mikic, Int. J. Heat Mass Transfer 17 (1974) 205–214.

    Examples
    --------
    >>> round(elastic_separation(1e-6, 0.1, 1e6, 100e9) * 1e6, 4)
    3.4476
    """
    require_broadcastable(sigma=sigma, m=m, pressure=pressure, e_eff=e_eff)
    s = require_positive("sigma", sigma)
    he = elastic_hardness(m, e_eff)
    p = require_positive("pressure", pressure)
    r = _ratio("4P/H_e", 4.0 * p / he, 1.0)
    return _out(s * np.sqrt(2.0) * erfcinv(r))


def elastoplastic_separation(sigma: ArrayLike, m: ArrayLike, pressure: ArrayLike, e_eff: ArrayLike,
                             flow_stress: ArrayLike) -> float | np.ndarray:
    """Mean-plane separation of elastoplastic asperities, blending the elastic and plastic relations.

    Y = (1 − w) σ√2 erfc⁻¹(4P/H_e) + w σ√2 erfc⁻¹(2P/H_ep), with H_e = mE'/√2, H_ep and w of
    :mod:`tcrlab.mechanics.elastoplastic` — the weights of
    :func:`tcrlab.conductance.constriction.elastoplastic_conductance`, so that h_c and Y describe the
    same contact.

    Parameters
    ----------
    sigma : combined RMS roughness σ [m].
    m : combined RMS slope [-].
    pressure : contact pressure P [Pa].
    e_eff : effective modulus E' [Pa].
    flow_stress : flow stress S_f of the softer solid [Pa].

    Returns
    -------
    Y [m]. InputError when 4P ≥ H_e or P ≥ H_ep (full contact).

    References
    ----------
    Mikic, Int. J. Heat Mass Transfer 17 (1974) 205–214 (elastic limit); Cooper, Mikic & Yovanovich
    (1969) (plastic limit); Sridhar & Yovanovich, J. Heat Transfer 118 (1996) 3–9 (H_ep, ε*). The blend
    is tcrlab's (see the conductance's docstring): its limits are exact, its transition not validated.

    Examples
    --------
    >>> y = elastoplastic_separation(1e-6, 0.1, 1e6, 100e9, 1e12)     # ε* ≈ 0.017: elastic
    >>> round(float(y / elastic_separation(1e-6, 0.1, 1e6, 100e9)), 5)
    1.0
    """
    require_broadcastable(sigma=sigma, m=m, pressure=pressure, e_eff=e_eff, flow_stress=flow_stress)
    s = require_positive("sigma", sigma)
    p = require_positive("pressure", pressure)
    w = np.asarray(elastoplastic_weight(m, e_eff, flow_stress))
    ratio = _ratio("P/H_ep", p / np.asarray(elastoplastic_hardness(m, e_eff, flow_stress)), 1.0)
    y_el = s * np.sqrt(2.0) * erfcinv(_ratio("4P/H_e", 4.0 * p / np.asarray(elastic_hardness(m, e_eff)), 1.0))
    return _out((1.0 - w) * y_el + w * s * np.sqrt(2.0) * erfcinv(2.0 * ratio))
