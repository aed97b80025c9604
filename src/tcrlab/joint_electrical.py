"""The electrical contact conductance of a :class:`~tcrlab.joint.Joint`: its constriction model in
electrical form (σ_s = 2/(ρ₁ + ρ₂) for k_s; :mod:`tcrlab.electrical.correlations`) at the joint's
pressure, roughness and hardness, with the Wiedemann–Franz comparison h_c / (L₀ T h_el).

Only the solid spots carry current: the gas gap and radiation have no electrical counterpart, and films
(oxides) are not included (add :func:`tcrlab.electrical.film_resistance` in series).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from tcrlab._arrays import scalar_or_array as _out
from tcrlab.errors import InputError
from tcrlab.validation import require_nonnegative

__all__ = ["JointElectricalResult", "joint_electrical"]


@dataclass(frozen=True)
class JointElectricalResult:
    """The electrical contact conductance of a joint, returned by :func:`joint_electrical`.

    Attributes
    ----------
    h_el : float or ndarray
        Electrical contact conductance per unit apparent area [S/m²].
    specific_resistance : float or ndarray
        Specific contact resistance 1/h_el [Ω·m²].
    rho1, rho2 : float
        Electrical resistivities of the two solids [Ω·m].
    lorenz_ratio : float or ndarray
        The joint's thermal h_c over L₀ T h_el [-] (1 for ideal Wiedemann–Franz metals).
    """

    h_el: Any
    specific_resistance: Any
    rho1: float
    rho2: float
    lorenz_ratio: Any

    def to_dict(self) -> dict[str, Any]:
        """The fields by name (SI).

        Returns
        -------
        dict
            h_el, specific_resistance, rho1, rho2, lorenz_ratio.
        """
        return {"h_el": self.h_el, "specific_resistance": self.specific_resistance, "rho1": self.rho1,
                "rho2": self.rho2, "lorenz_ratio": self.lorenz_ratio}


def joint_electrical(joint: Any, *, rho1: float | None = None, rho2: float | None = None,
                     result: Any = None) -> JointElectricalResult:
    """Electrical contact conductance of the joint's solid spots.

    Parameters
    ----------
    joint : tcrlab.joint.Joint
        The joint (its solids, pressure, roughness, hardness and contact model are used).
    rho1, rho2 : float, optional
        Resistivities [Ω·m]; default the registry's ``electrical_resistivity`` of each solid.
    result : JointResult, optional
        The joint's evaluated result (evaluated here when omitted).

    Returns
    -------
    JointElectricalResult
        h_el [S/m²], 1/h_el [Ω·m²], the resistivities [Ω·m] and the Wiedemann–Franz ratio [-].

    Raises
    ------
    InputError
        A resistivity missing from the registry and not given, or negative.

    References
    ----------
    The constriction models in electrical form: :mod:`tcrlab.electrical.correlations` (each cited
    there); the Lorenz number L₀ of the Wiedemann–Franz law: :data:`tcrlab.electrical.correlations.LORENZ_NUMBER`.

    Examples
    --------
    Stainless steel 304 on itself in vacuum at 1 MPa (ρ = 0.69 µΩ·m from the registry):

    >>> from tcrlab.joint import Joint
    >>> r = joint_electrical(Joint("SS304", sigma=1.5e-6, slope=0.1, pressure=1e6, gas="vacuum"))
    >>> f"{r.h_el:.3g}", f"{r.specific_resistance:.3g}", round(float(r.lorenz_ratio), 2)
    ('5.31e+07', '1.88e-08', 1.4)
    """
    from tcrlab.conductance.registry import get_contact_model
    from tcrlab.electrical.correlations import LORENZ_NUMBER, electrical_contact_conductance

    m1, m2 = joint.materials()
    values = []
    for given, mat, name in ((rho1, m1, "rho1"), (rho2, m2, "rho2")):
        if given is None:
            if mat.electrical_resistivity is None:
                raise InputError(name, None, f"an electrical resistivity [Ω·m] for {mat.key} (the registry has "
                                 "none; give it)", problem="missing")
            given = mat.electrical_resistivity
        values.append(float(require_nonnegative(name, given)))
    r = joint.evaluate(emit_warnings=False) if result is None else result
    d = r.details
    model = d["contact_model"]
    kw: dict[str, Any] = {"sigma": d["sigma"], "m": d["slope"], "pressure": joint.pressure,
                          "p_over_h": r.p_over_h}
    if "E_eff" in d:
        kw["E_eff"] = d["E_eff"]
    if "flow_stress" in get_contact_model(model).inputs:
        kw["flow_stress"] = (joint.flow_stress if joint.flow_stress is not None
                             else np.asarray(joint.pressure) / np.asarray(r.p_over_h) / 2.76)
    h_el = np.asarray(electrical_contact_conductance(model, values[0], values[1], **kw))
    ratio = np.asarray(r.h_c) / (LORENZ_NUMBER * np.asarray(joint.temperature) * h_el)
    return JointElectricalResult(h_el=_out(h_el), specific_resistance=_out(1.0 / h_el), rho1=values[0],
                                 rho2=values[1], lorenz_ratio=_out(ratio))
