"""The joint conductance of two conforming rough solids: h_j = h_c + h_g + h_r, R_c = 1/h_j.

:class:`Joint` collects the inputs (two solids, surface, contact pressure, temperature, interstitial
medium, model choices); :meth:`Joint.evaluate` returns a :class:`JointResult`. Every numeric input may be
an array: the evaluation broadcasts (gas properties are evaluated once per distinct (gas, T, p) state).

The models are the entries of :mod:`tcrlab.conductance.registry` (each names its function, inputs,
separation relation, source and validity); ``Joint`` computes the inputs an entry asks for and calls it.
The models (each cited in its module):

* microhardness: Song & Yovanovich (1988) P/H_c from Vickers c₁, c₂ (1.62 form) —
  :mod:`tcrlab.mechanics.microhardness`; c₁, c₂ from Brinell hardness (Sridhar & Yovanovich 1996) or a plain
  hardness when that is all there is;
* constriction h_c: "cmy" (exact CMY, default), "cmy-correlation", "mikic" (elastic), "elastoplastic"
  (after Sridhar & Yovanovich: Mikic ↔ CMY blend), "asperity" (the self-consistent plastic-spot sum),
  "asperity-article" (the introductory formula, half the spot sum) — :mod:`tcrlab.conductance.constriction`;
* mean-plane separation Y: plastic √2σ erfc⁻¹(2P/H_c), elastic √2σ erfc⁻¹(4P/H_e), elastoplastic with H_ep —
  :mod:`tcrlab.mechanics.separation`;
* gap h_g: Yovanovich integral (default) or k_g/(Y+M), M = αβΛ with CoolProp gas properties and the
  Song–Yovanovich accommodation coefficients — :mod:`tcrlab.conductance.gap`; vacuum gives h_g = 0; a liquid
  or grease filler of conductivity k_f gives k_f/Y (no rarefaction);
* radiation h_r: grey parallel plates — :mod:`tcrlab.conductance.radiation`. Always reported; added to h_j
  when ``radiation=True``, or (default ``None``) where it exceeds 1 % of h_c + h_g.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from tcrlab._arrays import scalar_or_array as _out
from tcrlab.conductance.gap import gap_conductance
from tcrlab.conductance.gap_gas import VACUUM_NAMES, gap_gas, is_vacuum
from tcrlab.conductance.radiation import radiation_conductance
from tcrlab.conductance.registry import SEPARATIONS, get_contact_model
from tcrlab.errors import InputError, ValidityWarning
from tcrlab.materials.material import Material
from tcrlab.mechanics.effective import effective_conductivity, effective_modulus_of
from tcrlab.mechanics.microhardness import Hardness, hardness_of, relative_pressure_of
from tcrlab.surfaces.parameters import (
    combined_roughness,
    combined_slope,
    rq_from_ra,
    slope_from_roughness,
)
from tcrlab.validation import require_in_range, require_positive, warn_unit_slip

__all__ = ["VACUUM_NAMES", "Joint", "JointResult"]



def _one_form(what: str, **forms: tuple[Any, ...]) -> None:
    """InputError when a quantity is given in more than one form (e.g. sigma and ra): one would be
    silently ignored."""
    given = [name for name, values in forms.items() if any(v is not None for v in values)]
    if len(given) > 1:
        raise InputError(" and ".join(given), "both given", f"the {what} in one form only: "
                         + " | ".join(forms), problem="conflicting inputs (one would be ignored)")


def _pair(value: Any, name: str) -> tuple[Any, Any]:
    if isinstance(value, str) or not isinstance(value, Sequence):
        return value, value
    if len(value) != 2:
        raise InputError(name, value, "one value or a pair [side 1, side 2]")
    return value[0], value[1]


@dataclass(frozen=True)
class JointResult:
    """The conductances of a joint, returned by :meth:`Joint.evaluate`; arrays when any input was one.

    Attributes
    ----------
    h_c : float or ndarray
        Constriction (solid-spot) conductance [W/(m² K)].
    h_g : float or ndarray
        Gap conductance of the interstitial gas or liquid [W/(m² K)] (0 in vacuum).
    h_r : float or ndarray
        Radiation conductance [W/(m² K)], always reported (added to ``h_j`` as ``radiation`` says).
    h_j : float or ndarray
        Joint conductance h_c + h_g (+ h_r where included) [W/(m² K)].
    R_c : float or ndarray
        Joint resistance 1/h_j [m² K/W].
    p_over_h : float or ndarray
        Relative contact pressure P/H_c [-].
    Y : float or ndarray
        Mean-plane separation [m].
    area_ratio : float or ndarray
        Real-to-apparent contact area A_r/A_0 [-].
    warnings : tuple of str
        The validity warnings and notes of the evaluation.
    details : dict
        Intermediate values (σ, m, k_s, gas properties, softer solid, hardness source, ...), SI.
    """

    h_c: Any
    h_g: Any
    h_r: Any
    h_j: Any
    R_c: Any
    p_over_h: Any
    Y: Any
    area_ratio: Any
    warnings: tuple[str, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)

    def outputs(self) -> dict[str, Any]:
        """Named SI results (the case-file contract).

        Returns
        -------
        dict
            h_c, h_g, h_r, h_j [W/(m² K)], R_c [m² K/W], P_over_Hc [-], Y [m], area_ratio [-].
        """
        return {
            "h_c": self.h_c, "h_g": self.h_g, "h_r": self.h_r, "h_j": self.h_j, "R_c": self.R_c,
            "P_over_Hc": self.p_over_h, "Y": self.Y, "area_ratio": self.area_ratio,
        }

    def to_dict(self) -> dict[str, Any]:
        """:meth:`outputs` with the warnings (as a list) and the details.

        Returns
        -------
        dict
            The named results, ``warnings`` and ``details``.
        """
        return {**self.outputs(), "warnings": list(self.warnings), "details": self.details}


@dataclass(frozen=True)
class Joint:
    """Two conforming rough solids pressed together, with what fills the gaps.

    All inputs are SI; array inputs broadcast. :meth:`evaluate` returns the conductances as a
    :class:`JointResult`.

    Parameters
    ----------
    solid1 : str or Material
        Registry name (e.g. "SS304") or material of the first solid.
    solid2 : str or Material, optional
        The second solid (default: ``solid1``).
    pressure : float or array_like
        Contact pressure P [Pa].
    sigma : float or array_like, optional
        Combined RMS roughness σ [m]. Give the roughness in one form only: ``sigma``, or
        ``sigma1``/``sigma2``, or ``ra``, or ``ra1``/``ra2``.
    slope : float or array_like, optional
        Combined RMS slope m [-]; or ``slope1``/``slope2``. Without any slope, m is estimated from σ by
        ``slope_correlation`` (warned).
    sigma1, sigma2 : float or array_like, optional
        RMS roughness of each side [m], combined as √(σ₁² + σ₂²).
    slope1, slope2 : float or array_like, optional
        RMS slope of each side [-], combined as √(m₁² + m₂²).
    ra : float or array_like, optional
        Combined arithmetic roughness Ra [m]; Rq = 1.2533 Ra (Gaussian assumption, warned).
    ra1, ra2 : float or array_like, optional
        Ra of each side [m], each converted to Rq and combined.
    slope_correlation : str
        σ–m correlation used when no slope is given: "antonetti" (default), "tanner-fahoum" or
        "lambert-fletcher" (:func:`tcrlab.surfaces.parameters.slope_from_roughness`).
    temperature : float or array_like
        Mean joint temperature [K], for k(T), the gas and radiation.
    temperature2 : float or array_like, optional
        The second surface's temperature [K] for radiation (default: equal to ``temperature``); the
        first surface is then at 2·temperature − temperature2, and h_r uses the two surface
        temperatures.
    gas : str or None
        "air", "N2", "He", "Ar", "H2", "CO2" or "vacuum".
    gas_pressure : float or array_like
        Gas pressure [Pa].
    liquid_conductivity : float or array_like, optional
        Conductivity of a liquid or grease filler [W/(m K)]; replaces the gas (no rarefaction).
    tac : float or pair of float, optional
        Thermal accommodation coefficient(s) [-] (one value or a pair); default the Song–Yovanovich
        correlation.
    contact_model : str
        A key of :data:`tcrlab.conductance.registry.CONTACT_MODELS` ("cmy", "cmy-correlation",
        "mikic", "elastoplastic", "asperity", "asperity-article", or one registered since).
    gap_model : str
        A key of :data:`tcrlab.conductance.registry.GAP_MODELS` ("integral", "simple").
    radiation : bool or None
        True (always add h_r), False (never), None (add where h_r > 1 % of h_c + h_g).
    emissivity : float or pair of float, optional
        Surface emissivity [-], one value or a pair; default the mean of each material's emissivity
        range.
    c1 : float or array_like, optional
        Vickers coefficient c₁ [Pa] of the softer solid (with ``c2``). Default: each solid's hardness
        from the registry (:func:`tcrlab.mechanics.microhardness.hardness_of`: measured c₁, c₂; else
        the Brinell correlation inside 1300–7600 MPa; else a bulk Vickers or Brinell value as a
        size-independent H, warned), and the softer solid is the one with the lower H_c at this P and
        σ/m (recorded in ``details["softer_solid"]`` and ``details["hardness_source"]``).
    c2 : float or array_like, optional
        Vickers coefficient c₂ [-] of the softer solid (with ``c1``).
    microhardness : float or array_like, optional
        A plain microhardness H [Pa], instead of ``c1``/``c2``.
    conductivity : float or pair of float, optional
        Override of k₁, k₂ [W/(m K)] (one value or a pair); default k(T) of the materials.
    youngs_modulus : float or pair of float, optional
        Override of E₁, E₂ [Pa] (one value or a pair) for the elastic models.
    poisson_ratio : float or pair of float, optional
        Override of ν₁, ν₂ [-] (one value or a pair) for the elastic models.
    flow_stress : float or array_like, optional
        Flow stress S_f of the softer solid [Pa] for "elastoplastic"; default H_c/2.76 (warned).
    registry : MaterialRegistry, optional
        Where solid names are looked up (default: :func:`tcrlab.materials.default_registry`).
    unit_checks : bool
        Warn (:class:`~tcrlab.errors.UnitWarning`, naming the SI unit) when a bare number lies far
        outside any physical range: σ > 1 mm or < 0.1 nm (µm given as m), P < 100 Pa or > 100 GPa
        (MPa given as Pa), T < 200 K (°C given as K; cryogenic joints: pass ``unit_checks=False``).
        Case files, whose values carry units, switch it off.

    Notes
    -----
    All numbers are SI: metres, pascals, kelvin, W/(m K). Convert text with units once with
    :func:`tcrlab.units.parse_quantity`, e.g. ``parse_quantity("1.5 um", "length")``. The models and
    their sources are listed in the module docstring (:mod:`tcrlab.joint`).

    References
    ----------
    Cooper, Mikic & Yovanovich, Int. J. Heat Mass Transfer 12 (1969) 279–300 (the CMY model).
    Song & Yovanovich, J. Thermophys. Heat Transfer 2 (1988) 43–47 (microhardness, P/H_c).
    Sridhar & Yovanovich, Wear 193 (1996) 91–102 (c₁, c₂ from the Brinell hardness).
    The other models' citations are in their modules (see :mod:`tcrlab.joint`).

    Examples
    --------
    Stainless steel 304 on itself in vacuum and in air at 1 MPa:

    >>> from tcrlab.joint import Joint
    >>> j = Joint("SS304", sigma=1.5e-6, slope=0.1, pressure=1e6, gas="vacuum")
    >>> r = j.evaluate(emit_warnings=False)
    >>> round(float(r.h_c)), float(r.h_g)
    (546, 0.0)
    >>> r = Joint("SS304", sigma=1.5e-6, slope=0.1, pressure=1e6, gas="air").evaluate(emit_warnings=False)
    >>> round(float(r.h_g), -1), round(float(r.h_j), -1)
    (5320.0, 5870.0)
    """

    solid1: str | Material
    solid2: str | Material | None = None
    pressure: ArrayLike = 1e6
    sigma: ArrayLike | None = None
    slope: ArrayLike | None = None
    sigma1: ArrayLike | None = None
    sigma2: ArrayLike | None = None
    slope1: ArrayLike | None = None
    slope2: ArrayLike | None = None
    ra: ArrayLike | None = None
    ra1: ArrayLike | None = None
    ra2: ArrayLike | None = None
    slope_correlation: str = "antonetti"
    temperature: ArrayLike = 300.0
    temperature2: ArrayLike | None = None
    gas: str | None = "air"
    gas_pressure: ArrayLike = 101325.0
    liquid_conductivity: ArrayLike | None = None
    tac: Any = None
    contact_model: str = "cmy"
    gap_model: str = "integral"
    radiation: bool | None = None
    emissivity: Any = None
    c1: ArrayLike | None = None
    c2: ArrayLike | None = None
    microhardness: ArrayLike | None = None
    conductivity: Any = None
    youngs_modulus: Any = None
    poisson_ratio: Any = None
    flow_stress: ArrayLike | None = None
    registry: Any = field(default=None, compare=False, repr=False)
    unit_checks: bool = field(default=True, compare=False, repr=False)

    # ------------------------------------------------------------------ inputs
    def materials(self) -> tuple[Material, Material]:
        """The two solids, looked up in ``registry`` when given by name.

        Returns
        -------
        tuple of Material
            (solid 1, solid 2); solid 2 is solid 1 when ``solid2`` is None.
        """
        reg = self.registry
        if reg is None:
            from tcrlab.materials import default_registry

            reg = default_registry()
        m1 = reg.get_material(self.solid1)
        m2 = m1 if self.solid2 is None else reg.get_material(self.solid2)
        return m1, m2

    @property
    def is_vacuum(self) -> bool:
        """Whether the gap is empty (no liquid filler and ``gas`` names vacuum)."""
        return self.liquid_conductivity is None and is_vacuum(self.gas)

    def surface(self) -> tuple[Any, Any]:
        """Combined (σ, m), applying Ra→Rq and σ–m estimates as requested (with warnings).

        Returns
        -------
        sigma : float or ndarray
            Combined RMS roughness [m].
        m : float or ndarray
            Combined RMS slope [-].

        Raises
        ------
        InputError
            No roughness, or roughness or slope given in more than one form.
        """
        _one_form("roughness", sigma=(self.sigma,), sigma1_sigma2=(self.sigma1, self.sigma2),
                  ra=(self.ra,), ra1_ra2=(self.ra1, self.ra2))
        _one_form("slope", slope=(self.slope,), slope1_slope2=(self.slope1, self.slope2))
        if self.sigma is not None:
            sigma = require_positive("sigma", self.sigma)
        elif self.sigma1 is not None or self.sigma2 is not None:
            sigma = combined_roughness(0.0 if self.sigma1 is None else self.sigma1,
                                       0.0 if self.sigma2 is None else self.sigma2)
        elif self.ra is not None or self.ra1 is not None or self.ra2 is not None:
            warnings.warn("roughness given as Ra: Rq = 1.2533 Ra assumes Gaussian heights",
                          ValidityWarning, stacklevel=3)
            if self.ra is not None:
                sigma = rq_from_ra(self.ra)
            else:
                sigma = combined_roughness(rq_from_ra(0.0 if self.ra1 is None else self.ra1),
                                           rq_from_ra(0.0 if self.ra2 is None else self.ra2))
        else:
            raise InputError("sigma", None, "a combined RMS roughness (e.g. '1.5 um'), sigma1/sigma2, or Ra")
        sigma = require_positive("sigma", sigma)
        if self.slope is not None:
            m = require_positive("slope", self.slope)
        elif self.slope1 is not None or self.slope2 is not None:
            m = require_positive("slope", combined_slope(0.0 if self.slope1 is None else self.slope1,
                                                         0.0 if self.slope2 is None else self.slope2))
        else:
            m = np.asarray(slope_from_roughness(sigma, self.slope_correlation))
        return sigma, m

    def _conductivities(self, m1: Material, m2: Material, t: Any) -> tuple[Any, Any]:
        if self.conductivity is not None:
            k1, k2 = _pair(self.conductivity, "conductivity")
            return require_positive("conductivity[1]", k1), require_positive("conductivity[2]", k2)
        return (np.asarray(m1.thermal_conductivity(t)), np.asarray(m2.thermal_conductivity(t)))

    def _relative_pressure(self, m1: Material, m2: Material, p: Any, sigma: Any, m: Any
                           ) -> tuple[Any, str, dict[str, Any]]:
        """(P/H_c, kind, details) of the softer solid: the one with the LOWER contact microhardness H_c at
        this joint's P, σ and m (not the lower c₁ — c₂ differs between solids, so at σ/m = 15 µm Ni200
        (c₁ = 6.304 GPa) is softer than SS304 (c₁ = 6.271 GPa)). The choice is made element by element."""
        _one_form("hardness", microhardness=(self.microhardness,), c1_c2=(self.c1, self.c2))
        if self.microhardness is not None:
            h = require_positive("microhardness", self.microhardness)
            given = Hardness("plain", h, None, "given")
            return relative_pressure_of(given, p, sigma, m), "plain", {"hardness_source": "given"}
        if self.c1 is not None or self.c2 is not None:
            if self.c1 is None or self.c2 is None:
                raise InputError("c1/c2", (self.c1, self.c2), "both Vickers coefficients c1 and c2")
            given = Hardness("vickers", require_positive("c1", self.c1), _out(np.asarray(self.c2, dtype=float)),
                             "given c1, c2")
            return relative_pressure_of(given, p, sigma, m), "vickers", {"hardness_source": "given c1, c2"}
        mats = (m1,) if m1 is m2 or m1.key == m2.key else (m1, m2)
        cands = [(mat, h) for mat in mats if (h := hardness_of(mat)) is not None]
        if not cands:
            raise InputError("c1", None, f"Vickers c1, c2, a Brinell hardness or a microhardness for {m1.key}"
                             f"/{m2.key} (give c1/c2 or microhardness)", problem="no hardness data")
        ratios = [relative_pressure_of(h, p, sigma, m, warn=False) for _mat, h in cands]
        stacked = np.broadcast_arrays(*ratios)
        softer = np.argmax(np.stack(stacked), axis=0)  # the higher P/H_c is the lower H_c
        ratio = np.choose(softer, stacked)
        used = sorted(set(np.ravel(softer).tolist()))  # (np.unique would import numpy.ma, ~5 ms)
        for i in used:
            mat, h = cands[i]
            if h.note:
                warnings.warn(f"{mat.key}: {h.note}", ValidityWarning, stacklevel=4)
        if len(used) == 1:
            ratio = relative_pressure_of(cands[used[0]][1], p, sigma, m)  # with its range warning
        kinds = {cands[i][1].kind for i in used}
        keys = np.asarray([mat.key for mat, _h in cands])
        details = {"softer_solid": keys[softer] if np.ndim(softer) else str(keys[int(softer)]),
                   "hardness_source": "; ".join(f"{cands[i][0].key}: {cands[i][1].source}" for i in used)}
        return ratio, "vickers" if kinds == {"vickers"} else "plain", details

    def _modulus(self, m1: Material, m2: Material) -> Any:
        e: tuple[Any, Any] = (None, None)
        nu: tuple[Any, Any] = (None, None)
        if self.youngs_modulus is not None:
            e1, e2 = _pair(self.youngs_modulus, "youngs_modulus")
            e = (require_positive("youngs_modulus[1]", e1), require_positive("youngs_modulus[2]", e2))
        if self.poisson_ratio is not None:
            n1, n2 = _pair(self.poisson_ratio, "poisson_ratio")
            nu = (require_in_range("poisson_ratio[1]", n1, -1.0, 0.5, low_inclusive=False),
                  require_in_range("poisson_ratio[2]", n2, -1.0, 0.5, low_inclusive=False))
        return np.asarray(effective_modulus_of(m1, m2, youngs_modulus=e, poisson_ratio=nu))

    def _flow_stress(self, p: Any, p_over_hc: Any) -> Any:
        if self.flow_stress is not None:
            return require_positive("flow_stress", self.flow_stress)
        warnings.warn("flow stress not given: S_f = H_c/2.76 assumed (elastoplastic model)",
                      ValidityWarning, stacklevel=5)
        return p / p_over_hc / 2.76

    # ------------------------------------------------------------------ evaluation
    def evaluate(self, *, emit_warnings: bool = True) -> JointResult:
        """Compute h_c, h_g, h_r, h_j, R_c, P/H_c, Y and A_r/A_0 of the joint.

        Parameters
        ----------
        emit_warnings : bool
            Re-issue the ValidityWarnings of the evaluation (they are recorded in the result either
            way).

        Returns
        -------
        JointResult
            The conductances [W/(m² K)], resistance [m² K/W] and contact state.

        Raises
        ------
        InputError
            A bad input, naming it, its value and the valid range.

        Examples
        --------
        >>> from tcrlab.joint import Joint
        >>> r = Joint("SS304", sigma=1.5e-6, slope=0.1, pressure=1e6, gas="vacuum").evaluate()
        >>> f"{r.R_c:.3g}"
        '0.00183'
        """
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ValidityWarning)
            result = self._evaluate()
        kinds = {str(w.message): w.category for w in caught if issubclass(w.category, ValidityWarning)}
        messages = tuple(kinds)
        if emit_warnings:
            for msg, kind in kinds.items():  # the category kept: a UnitWarning stays one
                warnings.warn(msg, kind, stacklevel=2)
        return JointResult(**{**{f.name: getattr(result, f.name) for f in fields(result)},
                              "warnings": messages + result.warnings})

    def _evaluate(self) -> JointResult:
        if self.radiation not in (True, False, None):
            raise InputError("radiation", self.radiation,
                             "True (always add h_r), False (never) or None (add where > 1 % of h_c + h_g)")
        m1, m2 = self.materials()
        notes: list[str] = []
        p = require_positive("pressure", self.pressure)
        t = require_positive("temperature", self.temperature)
        sigma, m = self.surface()
        if self.unit_checks:
            _unit_checks(p, t, sigma)
        k1, k2 = self._conductivities(m1, m2, t)
        k_s = np.asarray(effective_conductivity(k1, k2))
        entry = get_contact_model(self.contact_model)
        model = entry.name

        p_over_hc, kind, hardness_details = self._relative_pressure(m1, m2, p, sigma, m)
        details: dict[str, Any] = {
            "solid1": m1.key, "solid2": m2.key, "sigma": _out(sigma), "slope": _out(m), "k_s": _out(k_s),
            "contact_model": model, "hardness": kind, **hardness_details,
        }
        # the registry's input names; E' and S_f only when a model asks (their defaults warn)
        known: dict[str, Any] = {"k_s": k_s, "k1": k1, "k2": k2, "sigma": sigma, "m": m, "pressure": p,
                                 "p_over_h": p_over_hc, "hardness": p / p_over_hc}
        lazy = {"E_eff": lambda: self._modulus(m1, m2), "flow_stress": lambda: self._flow_stress(p, p_over_hc)}

        def values(names: tuple[str, ...]) -> list[Any]:
            for name in names:
                if name not in known:
                    known[name] = lazy[name]()
            return [known[name] for name in names]

        h_c = np.asarray(entry.function(*values(entry.inputs)))
        relation = SEPARATIONS[entry.separation]
        y = np.asarray(relation.separation(*values(relation.inputs)))
        ratio = np.asarray(relation.area_ratio(*values(relation.area_inputs)))
        for name, function, inputs in relation.details:
            details[name] = _out(np.asarray(function(*values(inputs))))
        if "E_eff" in known:
            details["E_eff"] = _out(known["E_eff"])

        # ---- gap
        if self.liquid_conductivity is not None:
            k_f = require_positive("liquid_conductivity", self.liquid_conductivity)
            h_g = np.asarray(gap_conductance(k_f, sigma, y, 0.0, model="simple"))
            details.update(medium="liquid", k_fluid=_out(k_f), gap_model="simple")
            if self.gap_model != "simple":
                notes.append("liquid filler: the simple gap model k_f/Y is used (the integral diverges "
                             "without rarefaction)")
        elif self.is_vacuum:
            h_g = np.zeros(np.broadcast(h_c, y).shape)
            details.update(medium="vacuum")
        else:
            h_g, gas_details = self._gas_gap(m1, m2, t, sigma, y)
            details.update(gas_details)

        # ---- radiation
        h_r, eps_note = self._radiation(m1, m2, t)
        if eps_note:
            notes.append(eps_note)
        h_r = np.asarray(h_r)
        if self.radiation is True:
            include = np.ones(np.broadcast(h_r, h_c).shape, dtype=bool)
        elif self.radiation is False:
            include = np.zeros(np.broadcast(h_r, h_c).shape, dtype=bool)
        else:
            include = h_r > 0.01 * (h_c + h_g)
        h_j = h_c + h_g + np.where(include, h_r, 0.0)
        details["radiation_included"] = include if include.ndim else bool(include)
        bshape = np.broadcast(h_j, h_c, h_g, h_r, ratio, y).shape
        return JointResult(
            h_c=_out(np.broadcast_to(h_c, bshape)), h_g=_out(np.broadcast_to(h_g, bshape)),
            h_r=_out(np.broadcast_to(h_r, bshape)), h_j=_out(np.broadcast_to(h_j, bshape)),
            R_c=_out(np.broadcast_to(1.0 / h_j, bshape)), p_over_h=_out(np.broadcast_to(p_over_hc, bshape)),
            Y=_out(np.broadcast_to(y, bshape)), area_ratio=_out(np.broadcast_to(ratio, bshape)),
            warnings=tuple(notes), details=details,
        )

    def _gas_gap(self, m1: Material, m2: Material, t: Any, sigma: Any, y: Any) -> tuple[Any, dict[str, Any]]:
        g = gap_gas(str(self.gas), t, self.gas_pressure, (m1, m2), self.tac)
        h_g = np.asarray(gap_conductance(g.k_gas, sigma, y, g.M, model=self.gap_model,
                                         mean_free_path=g.mean_free_path))
        details = {
            "medium": g.gas, "gas_pressure": _out(np.asarray(self.gas_pressure, dtype=float)),
            "k_gas": _out(g.k_gas), "mean_free_path": _out(g.mean_free_path), "tac1": _out(g.tac1),
            "tac2": _out(g.tac2), "M": _out(g.M), "gap_model": self.gap_model,
        }
        return h_g, details

    def _radiation(self, m1: Material, m2: Material, t: Any) -> tuple[Any, str | None]:
        if self.emissivity is not None:
            e1, e2 = _pair(self.emissivity, "emissivity")
        else:
            def mean_eps(mat: Material) -> float | None:
                if mat.emissivity_min is None or mat.emissivity_max is None:
                    return None
                return 0.5 * (mat.emissivity_min + mat.emissivity_max)

            e1, e2 = mean_eps(m1), mean_eps(m2)
            if e1 is None or e2 is None:
                return np.zeros(()), "radiation not evaluated: no emissivity for the solids (give emissivity)"
        if self.temperature2 is None:
            return radiation_conductance(e1, e2, t, t), None
        # ``temperature`` is the joint's mean: surface 1 is then 2T − T₂ (not T itself), so that
        # h_r(T₁, T₂) uses the two surface temperatures of Incropera & DeWitt eq. 13.24.
        t2 = require_positive("temperature2", self.temperature2)
        t1 = 2.0 * np.asarray(t, dtype=float) - t2
        if np.any(t1 <= 0.0):
            raise InputError("temperature2", _out(t2), f"below 2 × temperature ({_out(2.0 * np.asarray(t))} K): "
                             "temperature is the mean of the two surfaces, so surface 1 = 2T − T₂ must be > 0")
        return radiation_conductance(e1, e2, t1, t2), None

    def evaluate_pressures(self, pressures: ArrayLike, **kw: Any) -> JointResult:
        """The same joint over an array of contact pressures.

        Parameters
        ----------
        pressures : array_like
            Contact pressures [Pa].
        **kw
            Passed to :meth:`evaluate`.

        Returns
        -------
        JointResult
            Arrays over ``pressures``.

        Examples
        --------
        >>> from tcrlab.joint import Joint
        >>> j = Joint("SS304", sigma=1.5e-6, slope=0.1, gas="vacuum")
        >>> [round(float(h)) for h in j.evaluate_pressures([1e5, 1e6, 1e7], emit_warnings=False).h_c]
        [59, 546, 4965]
        """
        from dataclasses import replace

        return replace(self, pressure=np.asarray(pressures, dtype=float)).evaluate(**kw)


def _unit_checks(p: Any, t: Any, sigma: Any) -> None:
    """Unit slips in bare SI numbers (see ``Joint.unit_checks``)."""
    warn_unit_slip("sigma", sigma, 1e-10, 1e-3, unit="m", hint="1.5 µm is 1.5e-6 m", stacklevel=5)
    warn_unit_slip("pressure", p, 100.0, 1e11, unit="Pa", hint="1 MPa is 1e6 Pa", stacklevel=5)
    warn_unit_slip("temperature", t, 200.0, 5000.0, unit="K",
                   hint="25 °C is 298.15 K (a cryogenic joint: pass unit_checks=False)", stacklevel=5)
