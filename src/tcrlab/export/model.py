"""The direct conductance models a table samples: h_j on the contact path and on the open-gap path.

A finite-element program asks for the interface conductance in one of two states:

* **closed** — the surfaces touch and carry a contact pressure P ≥ 0: h = h_c(P) + h_g(Y(P)) + h_r;
* **open** — the nominal surfaces are a clearance d > 0 apart: no solid spots, h = h_g(Y_t + d) + h_r.

Both paths meet at contact onset. The statistical (Gaussian) models put the mean planes infinitely far
apart at P = 0 (Y = √2 σ erfc⁻¹(2P/H_c) → ∞), so "touching" needs a convention: tcrlab takes the
**touch pressure** P_t (the lowest pressure of the table, by default) as the onset and measures the
clearance from the mean-plane separation Y_t = Y(P_t) there. The open path is then the same gas-gap
model (Yovanovich's integral over the Gaussian gap distribution, or k_g/(Y + M)) at Y = Y_t + d, plus
radiation: at d = 0 it equals the closed path minus h_c(P_t), and h_c(P_t) → 0 as P_t → 0; it falls
smoothly (C∞) towards k_g/(Y_t + d + M) + h_r for d ≫ σ (the gap integral's asymptote).

Radiation is always included in both paths when the joint leaves it on "auto" (its 1 % switch would
put a step into h(P) and h(d)); a joint with ``radiation=False`` keeps it off.

:class:`JointModel` wraps any :class:`tcrlab.joint.Joint` (any of its contact and gap models);
:class:`SampledModel` carries h(P) sampled elsewhere — a topography-based curve from the FFT contact
solver (:func:`topography_model`) or measured data — with a gap field for the open path.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.conductance.gap import gap_conductance
from tcrlab.errors import InputError, ValidityWarning
from tcrlab.validation import require_nonnegative, require_positive

__all__ = ["ConductanceModel", "JointModel", "SampledModel", "topography_model"]


class ConductanceModel(Protocol):
    """What a table samples: h on the contact path and on the open path, W/(m² K), shape (T, x).

    Attributes
    ----------
    description : dict
        What the model is, copied into the table's ``description``.

    Methods
    -------
    closed(pressure, temperature)
        h on the contact path [W/(m² K)] at pressures [Pa] and temperatures [K], shape (T, P).
    open(clearance, temperature)
        h across an open gap [W/(m² K)] at clearances [m] and temperatures [K], shape (T, d).
    """

    description: dict[str, Any]

    def closed(self, pressure: NDArray, temperature: NDArray) -> NDArray:
        """h_j at contact pressures P ≥ P_t (Pa) and temperatures T (K); broadcast (T[:, None], P[None])."""

    def open(self, clearance: NDArray, temperature: NDArray) -> NDArray:
        """h at clearances d ≥ 0 (m) and temperatures T (K), no solid contact."""


@dataclass
class JointModel:
    """The conductance paths of a :class:`tcrlab.joint.Joint` (correlation-based).

    Parameters
    ----------
    joint : tcrlab.joint.Joint
        Any joint; its ``pressure`` and ``temperature`` are replaced by the table's axes.
    touch_pressure : float
        Contact onset P_t [Pa]: the clearance is measured from Y(P_t) (see the module docstring).
    """

    joint: Any
    touch_pressure: float
    description: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.touch_pressure = float(require_positive("touch_pressure", self.touch_pressure))
        radiation = False if self.joint.radiation is False else True
        self.joint = replace(self.joint, radiation=radiation, temperature2=None)
        self._touch: dict[float, Any] = {}

    def _evaluate(self, pressure: Any, temperature: Any) -> Any:
        result = replace(self.joint, pressure=pressure, temperature=temperature).evaluate(emit_warnings=False)
        for w in result.warnings:  # one note per kind (the values differ from call to call)
            if not any(w.split(" = ")[0] == seen.split(" = ")[0] for seen in self.warnings):
                self.warnings.append(w)
        return result

    def closed(self, pressure: NDArray, temperature: NDArray) -> NDArray:
        p = require_positive("pressure", pressure)
        t = require_positive("temperature", temperature)
        r = self._evaluate(p[None, :], t[:, None])
        if not self.description:
            d = r.details
            self.description = {k: d[k] for k in ("solid1", "solid2", "contact_model", "medium", "gap_model")
                                if k in d}
            self.description.update(sigma=float(np.mean(d["sigma"])), slope=float(np.mean(d["slope"])),
                                    radiation=bool(self.joint.radiation))
        return np.broadcast_to(np.asarray(r.h_j, dtype=float), (t.size, p.size)).copy()

    def _touch_state(self, temperature: NDArray) -> tuple[NDArray, NDArray, NDArray, NDArray, str, str]:
        """(Y_t, k_medium, M, h_r) per temperature at the touch pressure, the medium and the gap model."""
        r = self._evaluate(np.full(temperature.shape, self.touch_pressure), temperature)
        d = r.details
        n = temperature.size

        def col(v: Any) -> NDArray:
            return np.broadcast_to(np.asarray(v, dtype=float), (n,)).copy()

        y = col(r.Y)
        h_r = col(r.h_r) if self.joint.radiation else np.zeros(n)
        medium = str(d.get("medium", "vacuum"))
        if medium == "vacuum":
            return y, np.zeros(n), np.zeros(n), h_r, medium, "simple"
        if medium == "liquid":
            return y, col(d["k_fluid"]), np.zeros(n), h_r, medium, "simple"
        return y, col(d["k_gas"]), col(d["M"]), h_r, medium, str(d.get("gap_model", "integral"))

    def open(self, clearance: NDArray, temperature: NDArray) -> NDArray:
        dd = require_nonnegative("clearance", clearance)
        t = require_positive("temperature", temperature)
        y, k, m, h_r, medium, gap_model = self._touch_state(t)
        sigma = self.joint.surface()[0]
        if medium == "vacuum":
            h_g = np.zeros((t.size, dd.size))
        else:
            h_g = np.asarray(gap_conductance(k[:, None], np.asarray(sigma), y[:, None] + dd[None, :],
                                             m[:, None], model=gap_model), dtype=float)
        return np.broadcast_to(h_g + h_r[:, None], (t.size, dd.size)).copy()

    def touch_separation(self, temperature: ArrayLike) -> NDArray:
        """Mean-plane separation Y_t at the touch pressure [m] (where the clearance is zero)."""
        t = np.atleast_1d(require_positive("temperature", temperature))
        return self._touch_state(t)[0]


@dataclass
class SampledModel:
    """h(P) sampled at given pressures (one temperature) with a gap field for the open path.

    Between samples the closed path is the monotone cubic (PCHIP) of log h over log P — the "direct
    model" for a table built from it is that curve. The open path averages a local gas-gap law over the
    gap field at first touch shifted by d: h_g(d) = ⟨k_gas/(g₀ + d + M)⟩ (Yovanovich's local model, as in
    :func:`tcrlab.contact.thermal.gap_conductance_field`), plus h_r.

    Parameters
    ----------
    pressure, h_closed : arrays [Pa], [W/(m² K)]
        Increasing pressures (> 0) and the joint conductance there (> 0).
    gap_at_touch : array [m]
        The gap field when the surfaces first touch (highest summit minus heights).
    k_gas, M, h_r : float
        Gas conductivity [W/(m K)] (0: vacuum), rarefaction parameter [m], radiation [W/(m² K)].
    temperature : float
        The temperature the samples belong to [K].
    """

    pressure: NDArray
    h_closed: NDArray
    gap_at_touch: NDArray
    k_gas: float = 0.0
    M: float = 0.0
    h_r: float = 0.0
    temperature: float = 300.0
    description: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        from scipy.interpolate import PchipInterpolator

        self.pressure = require_positive("pressure", self.pressure).ravel()
        self.h_closed = require_positive("h_closed", self.h_closed).ravel()
        if self.pressure.size < 2 or self.pressure.size != self.h_closed.size:
            raise InputError("pressure", self.pressure.size, "at least two pressures, one h per pressure")
        if np.any(np.diff(self.pressure) <= 0):
            raise InputError("pressure", self.pressure.tolist(), "strictly increasing pressures")
        self.gap_at_touch = require_nonnegative("gap_at_touch", self.gap_at_touch)
        self.k_gas = float(require_nonnegative("k_gas", self.k_gas))
        self.M = float(require_nonnegative("M", self.M))
        if self.k_gas > 0 and self.M == 0:
            raise InputError("M", 0.0, "> 0 with a gas (zero-width gaps next to the contacts)")
        self.h_r = float(require_nonnegative("h_r", self.h_r))
        self._curve = PchipInterpolator(np.log(self.pressure), np.log(self.h_closed))
        self.touch_pressure = float(self.pressure[0])
        self.description = {"model": "sampled", **self.description}

    def _check_temperature(self, temperature: NDArray) -> NDArray:
        t = np.atleast_1d(require_positive("temperature", temperature))
        if not np.allclose(t, self.temperature, rtol=1e-9):
            raise InputError("temperature", t.tolist(), f"{self.temperature:g} K (the samples' temperature)")
        return t

    def closed(self, pressure: NDArray, temperature: NDArray) -> NDArray:
        p = require_positive("pressure", pressure)
        t = self._check_temperature(temperature)
        lo, hi = self.pressure[0], self.pressure[-1]
        if np.any((p < lo * (1 - 1e-12)) | (p > hi * (1 + 1e-12))):
            raise InputError("pressure", float(p[(p < lo) | (p > hi)][0]), f"within the sampled {lo:g} … {hi:g} Pa")
        h = np.exp(self._curve(np.log(np.clip(p, lo, hi))))
        return np.broadcast_to(h, (t.size, p.size)).copy()

    def open(self, clearance: NDArray, temperature: NDArray) -> NDArray:
        dd = require_nonnegative("clearance", clearance)
        t = self._check_temperature(temperature)
        if self.k_gas > 0:
            g = self.gap_at_touch.ravel()
            h_g = np.array([np.mean(self.k_gas / (g + d + self.M)) for d in dd])
        else:
            h_g = np.zeros(dd.size)
        return np.broadcast_to(h_g + self.h_r, (t.size, dd.size)).copy()


def topography_model(topography: Any, E_eff: float, k_s: float, pressures: ArrayLike, *,
                     hardness: float | None = None, k_gas: float = 0.0, M: float = 0.0, h_r: float = 0.0,
                     temperature: float = 300.0) -> SampledModel:
    """A :class:`SampledModel` from the FFT contact solver: h_j(P) of a measured or synthetic topography.

    Each pressure is solved by :func:`tcrlab.contact.solve` (elastic, or elastic–plastic with
    ``hardness``); h_c by the thermal boundary-value problem on the contact set and h_g from the gap field
    (:func:`tcrlab.contact.thermal.conductance`).

    Parameters
    ----------
    topography : tcrlab.surfaces.Topography
        Composite surface (heights in m).
    E_eff : float
        Contact modulus E' [Pa].
    k_s : float
        Effective conductivity 2k₁k₂/(k₁ + k₂) [W/(m K)].
    pressures : array
        Increasing nominal pressures [Pa] (at least two).
    hardness : float, optional
        Pressure cap H [Pa] for elastic–perfectly-plastic contact.
    k_gas, M, h_r : float
        Gas conductivity [W/(m K)], rarefaction parameter [m], radiation conductance [W/(m² K)].
    temperature : float
        The temperature the curve belongs to [K].

    Returns
    -------
    SampledModel
        h(P) sampled at ``pressures`` with the gap field for the open path.

    Examples
    --------
    >>> import numpy as np
    >>> from tcrlab.surfaces.synthetic import self_affine
    >>> topo = self_affine(32, 0.8, rms_slope=0.1, physical_size=1e-4, seed=1)
    >>> model = topography_model(topo, 1e11, 16.0, [3e8, 1e9])
    >>> h = model.closed(np.array([3e8, 1e9]), np.array([300.0]))[0]
    >>> bool(h[1] > h[0])
    True
    """
    from tcrlab.contact.solver import solve
    from tcrlab.contact.thermal import conductance

    p = require_positive("pressures", pressures).ravel()
    h = []
    for pi in p:
        # cold starts: a warm start from a one-point contact at the previous load was seen to stall
        # (32² surface, 1 MPa → 10 MPa: 5000 iterations at a zero residual, not converged)
        res = solve(topography, E_eff, pressure=float(pi), hardness=hardness)
        c = conductance(res, k_s, k_gas=k_gas, M=M, h_r=h_r, check_stiffness=False)
        h.append(c.h_j)
    heights = np.asarray(topography.heights, dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValidityWarning)
        return SampledModel(pressure=p, h_closed=np.asarray(h), gap_at_touch=heights.max() - heights,
                            k_gas=k_gas, M=M, h_r=h_r, temperature=temperature,
                            description={"model": "fft-contact", "hardness": hardness, "E_eff": E_eff,
                                         "k_s": k_s})
