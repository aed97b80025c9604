"""Elastoplastic contact hardness H_ep and the plastic weight of the elastic ↔ plastic blend.

Sridhar & Yovanovich (J. Heat Transfer 118 (1996) 3–9) fitted the hardness of an elastoplastic asperity
contact to Johnson's cavity model and finite-element indentation results:

    H_ep/S_f = 2.76 / √(1 + (6.5/ε*)²),   ε* = 1.67 m E'/S_f,

with S_f the flow stress of the softer solid. ε* → 0 is the elastic limit (Mikic 1974), ε* → ∞ the fully
plastic one (H_ep → 2.76 S_f).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from tcrlab._arrays import require_broadcastable
from tcrlab._arrays import scalar_or_array as _out
from tcrlab.validation import require_positive, warn_outside

__all__ = ["elastoplastic_hardness", "elastoplastic_weight"]


def elastoplastic_hardness(m: ArrayLike, E_eff: ArrayLike, flow_stress: ArrayLike) -> float | np.ndarray:
    """Elastoplastic contact hardness H_ep = 2.76 S_f/√(1 + (6.5/ε*)²), ε* = 1.67 m E'/S_f.

    Parameters
    ----------
    m : combined RMS slope [-].
    E_eff : effective modulus E' [Pa].
    flow_stress : flow stress S_f of the softer solid [Pa].

    Returns
    -------
    H_ep [Pa]. ValidityWarning for ε* > 400, the upper end applied here (not confirmed against the
    paper's text). Broadcasts.

    References
    ----------
    Sridhar & Yovanovich, J. Heat Transfer 118 (1996) 3–9 (fit to Johnson's cavity model and
    finite-element indentation results).

    Examples
    --------
    >>> round(float(elastoplastic_hardness(0.1, 100e9, 1e9) / 1e9), 3)   # ε* = 16.7: near 2.76 S_f
    2.572
    """
    require_broadcastable(m=m, E_eff=E_eff, flow_stress=flow_stress)
    mm = require_positive("m", m)
    e = require_positive("E_eff", E_eff)
    sf = require_positive("flow_stress", flow_stress)
    eps = 1.67 * mm * e / sf
    warn_outside("epsilon_c*", eps, 0.0, 400.0, model="Sridhar-Yovanovich elastoplastic hardness")
    return _out(2.76 * sf / np.sqrt(1.0 + (6.5 / eps) ** 2))


def elastoplastic_weight(m: ArrayLike, E_eff: ArrayLike, flow_stress: ArrayLike) -> float | np.ndarray:
    """Plastic weight w = (H_ep/(2.76 S_f))² = ε*²/(ε*² + 6.5²) of the elastoplastic blend, in [0, 1).

    Parameters
    ----------
    m : combined RMS slope [-].
    E_eff : effective modulus E' [Pa].
    flow_stress : flow stress S_f of the softer solid [Pa].

    Returns
    -------
    w [-]: 0 in the elastic limit, → 1 in the plastic one.

    References
    ----------
    ε* = 1.67 m E'/S_f and the transition strain 6.5 are those of the Sridhar & Yovanovich (1996) H_ep
    fit; using the square of its normalised hardness as the weight is tcrlab's choice (see
    :func:`tcrlab.conductance.constriction.elastoplastic_conductance`).

    Examples
    --------
    >>> round(float(elastoplastic_weight(0.1, 100e9, 1e9)), 3)
    0.868
    """
    require_broadcastable(m=m, E_eff=E_eff, flow_stress=flow_stress)
    eps = 1.67 * require_positive("m", m) * require_positive("E_eff", E_eff) / require_positive(
        "flow_stress", flow_stress)
    return _out(eps * eps / (eps * eps + 6.5 * 6.5))
