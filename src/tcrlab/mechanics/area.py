"""Real-to-apparent contact area ratios A_r/A_0 of rough contacts (plastic, elastic, elastoplastic).

* plastic (Bowden & Tabor 1950; Cooper, Mikic & Yovanovich 1969): every spot carries the hardness H,
  A_r/A_0 = P/H;
* elastic (Mikic, Int. J. Heat Mass Transfer 17 (1974) 205–214): A_r/A_0 = P/H_e, H_e = m E'/√2;
* elastoplastic (Sridhar & Yovanovich, J. Heat Transfer 118 (1996) 3–9): A_r/A_0 = P/H_ep.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab._arrays import scalar_or_array as _out
from tcrlab.errors import InputError
from tcrlab.mechanics.elastoplastic import elastoplastic_hardness
from tcrlab.mechanics.separation import elastic_hardness
from tcrlab.validation import require_nonnegative, require_positive

__all__ = ["elastic_area_ratio", "elastoplastic_area_ratio", "plastic_area_ratio"]


def plastic_area_ratio(pressure: ArrayLike, hardness: ArrayLike) -> NDArray[np.float64] | float:
    """Real-to-apparent contact area ratio of plastically deforming asperities: A_r/A_0 = p/H.

    Every contact spot yields and carries the (micro)hardness H, so the load p·A_0 = H·A_r.
    Bowden & Tabor, *The Friction and Lubrication of Solids*, Oxford (1950); Cooper, Mikic & Yovanovich,
    Int. J. Heat Mass Transfer 12 (1969) 279–300. Valid for 0 ≤ p < H (in practice p/H ≲ 0.1, beyond
    which neighbouring spots interact and the real area grows more slowly).

    Raises InputError for p < 0, H ≤ 0 or p ≥ H (the surfaces would be in full contact).

    Parameters
    ----------
    pressure : array_like
        Apparent contact pressure p [Pa], ≥ 0 and below ``hardness``.
    hardness : array_like
        (Micro)hardness H of the softer surface [Pa], > 0.

    Returns
    -------
    float or ndarray
        A_r/A_0 [-] (broadcast).

    References
    ----------
    Bowden & Tabor (1950); Cooper, Mikic & Yovanovich, Int. J. Heat Mass Transfer 12 (1969) 279–300.

    Examples
    --------
    >>> round(plastic_area_ratio(1e6, 2e9), 6)
    0.0005
    """
    p = require_nonnegative("pressure", pressure)
    h = require_positive("hardness", hardness)
    p_b, h_b = np.broadcast_arrays(p, h)
    bad = p_b >= h_b
    if bad.any():
        i = np.flatnonzero(bad.ravel())[0]
        raise InputError(
            "pressure",
            float(p_b.ravel()[i]),
            f"0 <= pressure < hardness ({float(h_b.ravel()[i]):.4g} Pa)",
            problem="at or above the hardness the plastic model predicts full contact",
        )
    out = p_b / h_b
    return float(out) if np.ndim(out) == 0 else out


def elastic_area_ratio(m: ArrayLike, pressure: ArrayLike, E_eff: ArrayLike) -> float | np.ndarray:
    """Real-to-apparent area ratio of elastic asperities, A_r/A_0 = P/H_e with H_e = m E'/√2.

    Parameters
    ----------
    m : combined RMS slope [-].
    pressure : contact pressure P [Pa].
    E_eff : effective modulus E' [Pa].

    Returns
    -------
    A_r/A_0 [-] (broadcast).

    References
    ----------
    B. B. Mikic, Int. J. Heat Mass Transfer 17 (1974) 205–214 (A_r/A_0 = ¼ erfc(Y/(√2σ)) = P/H_e).

    Examples
    --------
    >>> round(float(elastic_area_ratio(0.1, 1e6, 100e9)), 6)
    0.000141
    """
    p = require_positive("pressure", pressure)
    return _out(p / np.asarray(elastic_hardness(m, E_eff)))


def elastoplastic_area_ratio(m: ArrayLike, pressure: ArrayLike, E_eff: ArrayLike,
                             flow_stress: ArrayLike) -> float | np.ndarray:
    """Real-to-apparent area ratio at the elastoplastic hardness, A_r/A_0 = P/H_ep.

    Parameters
    ----------
    m : combined RMS slope [-].
    pressure : contact pressure P [Pa].
    E_eff : effective modulus E' [Pa].
    flow_stress : flow stress S_f of the softer solid [Pa].

    Returns
    -------
    A_r/A_0 [-] (broadcast).

    References
    ----------
    Sridhar & Yovanovich, J. Heat Transfer 118 (1996) 3–9 (H_ep, see
    :func:`tcrlab.mechanics.elastoplastic.elastoplastic_hardness`).

    Examples
    --------
    >>> round(float(elastoplastic_area_ratio(0.1, 1e6, 100e9, 1e9)), 6)
    0.000389
    """
    p = require_positive("pressure", pressure)
    return _out(p / np.asarray(elastoplastic_hardness(m, E_eff, flow_stress)))
