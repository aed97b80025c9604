"""Loading–unloading memory of the contact conductance (elastic–perfectly-plastic FFT contact).

First loading to P_max with the pressure capped at the hardness H flattens the highest summits
plastically; unloading is elastic and starts from the flattened surface, so at equal P the unloaded
joint keeps more contact and conducts better — the hysteresis that the statistical correlations,
which have no memory of the loading history, leave out.

**Residual topography.** In the capped solution at P_max the elastic gap g_el = u − (h − h_max) − δ
(u = K * p the elastic surface displacement of the pressure field p, δ the approach) is zero on the
elastic part of the contact, positive outside it, and *negative* on the points at the cap p = H: there
the surfaces would interpenetrate by −g_el if they stayed elastic; the elastic–perfectly-plastic model
(Almqvist et al., Tribol. Int. 40 (2007) 574) removes exactly that overlap by plastic flow. The plastic
depth is w = max(0, −g_el) on the capped points and the residual (unloaded) composite topography is
h_res = h − w. (The mean-plane shift of h_res is irrelevant: the solver measures the approach from first
touch.)

**Unloading and reloading.** The elastic contact of h_res at P_max is the capped solution itself (same
pressure field: it satisfies the elastic complementarity on h_res, and elastic contact is unique), so the
unloading branch continues the loading branch at P_max. Below P_max it is the elastic solution on h_res;
reloading the residual surface with the cap gives the same states as long as no point reaches H again
(tested), i.e. unloading and reloading coincide — the memory is the plastic flattening only.

h_c on every branch is the thermal constriction BVP on the solved contact set
(:func:`tcrlab.contact.thermal.constriction_bvp`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.errors import InputError
from tcrlab.validation import require_positive

__all__ = ["HysteresisResult", "loading_unloading", "residual_topography"]


@dataclass(frozen=True)
class HysteresisResult:
    """Contact conductance on the three branches [W/(m² K)] at ``pressure`` [Pa] (increasing).

    ``h_unloading`` and ``h_reloading`` are on the residual surface; ``residual`` is the residual
    topography (a :class:`tcrlab.surfaces.Topography`), ``plastic_depth`` the removed heights [m];
    ``max_unloading_pressure`` the largest local pressure on the elastic unloading branch (≤ H: no new
    plastic flow on reloading).

    Attributes
    ----------
    pressure : ndarray
        Nominal pressures, increasing [Pa].
    h_loading, h_unloading, h_reloading : ndarray
        Contact conductance on each branch [W/(m² K)].
    area_loading, area_unloading : ndarray
        Real contact area fraction on the loading and unloading branches [-].
    p_max : float
        Largest nominal pressure of the cycle [Pa].
    hardness : float
        Pressure cap H [Pa].
    residual : Topography
        Residual topography after unloading (heights in m).
    plastic_depth : ndarray
        Removed heights w [m].
    max_unloading_pressure : float
        Largest local pressure on the elastic unloading branch [Pa].
    """

    pressure: NDArray
    h_loading: NDArray
    h_unloading: NDArray
    h_reloading: NDArray
    area_loading: NDArray
    area_unloading: NDArray
    p_max: float
    hardness: float
    residual: Any
    plastic_depth: NDArray
    max_unloading_pressure: float

    def models(self, *, k_gas: float = 0.0, M: float = 0.0, h_r: float = 0.0,
               temperature: float = 300.0) -> tuple[Any, Any]:
        """(loading, unloading) :class:`~tcrlab.export.model.SampledModel` s for two exported tables."""
        from tcrlab.export.model import SampledModel

        def model(h: NDArray, heights: NDArray, branch: str) -> SampledModel:
            return SampledModel(pressure=self.pressure, h_closed=h, gap_at_touch=heights.max() - heights,
                                k_gas=k_gas, M=M, h_r=h_r, temperature=temperature,
                                description={"model": "fft-contact", "branch": branch, "p_max": self.p_max,
                                             "hardness": self.hardness})

        h0 = np.asarray(self.residual.heights) + self.plastic_depth
        return model(self.h_loading, h0, "loading"), model(self.h_unloading, np.asarray(self.residual.heights),
                                                          "unloading")


def residual_topography(result: Any) -> tuple[Any, NDArray]:
    """Residual topography of a capped (elastic–plastic) contact after elastic unloading, and w [m].

    See the module docstring: w = max(0, −g_el) on the points at the cap, h_res = h − w.

    Parameters
    ----------
    result : ContactResult
        A solved elastic–plastic contact.

    Returns
    -------
    residual : Topography
        h_res = h − w (heights in m).
    w : ndarray
        Removed heights [m].
    """
    from tcrlab.contact._fft import SHARED_BUFFERS
    from tcrlab.contact.solver import ContactResult, _convolver
    from tcrlab.surfaces import Topography

    if not isinstance(result, ContactResult) or result.hardness is None:
        raise InputError("result", type(result).__name__, "an elastic–plastic ContactResult (solve with hardness)")
    h = np.asarray(result.heights, dtype=float)
    conv = _convolver(h.shape, result.physical_size, result.periodic, np.float64, None)
    with SHARED_BUFFERS:  # the convolver's FFT buffers are shared with any solve on this grid
        u, _ = conv.apply(result.pressure, out=np.empty(h.shape))
    u = u / result.E_eff  # the convolver's kernel is that of unit modulus
    g_el = u - (h - h.max()) - result.displacement
    elastic = (result.pressure > 0) & (result.pressure < result.hardness * (1 - 1e-9))
    if elastic.any():  # the approach as the solver resolved it: zero gap on the elastic contact
        g_el -= float(np.median(g_el[elastic]))
    at_cap = result.pressure >= result.hardness * (1 - 1e-9)
    w = np.where(at_cap, np.maximum(0.0, -g_el), 0.0)
    return Topography(h - w, result.physical_size, periodic=result.periodic), w


def loading_unloading(topography: Any, E_eff: float, hardness: float, k_s: float,
                      pressures: ArrayLike, *, tol: float = 1e-8) -> HysteresisResult:
    """h_c(P) on first loading to P_max = max(pressures), elastic unloading, and reloading.

    Parameters
    ----------
    topography : tcrlab.surfaces.Topography
        Composite rough surface (heights in m).
    E_eff : float
        Contact modulus E' [Pa].
    hardness : float
        Pressure cap H [Pa] (elastic–perfectly-plastic asperities).
    k_s : float
        Effective conductivity 2k₁k₂/(k₁ + k₂) [W/(m K)].
    pressures : array
        Increasing nominal pressures [Pa]; the last is P_max (each < H).
    tol : float
        Solver tolerance.

    Returns
    -------
    HysteresisResult

    Examples
    --------
    >>> from tcrlab.surfaces.synthetic import self_affine
    >>> topo = self_affine(32, 0.8, rms_slope=0.2, physical_size=1e-4, seed=2)
    >>> r = loading_unloading(topo, 1e11, 2e9, 16.0, [2e8, 5e8])
    >>> bool(r.h_unloading[0] > r.h_loading[0])
    True
    """
    from tcrlab.contact.solver import solve
    from tcrlab.contact.thermal import constriction_bvp

    p = require_positive("pressures", pressures).astype(float).ravel()
    if p.size < 2 or np.any(np.diff(p) <= 0):
        raise InputError("pressures", p.tolist(), "at least two strictly increasing pressures")
    h_cap = float(require_positive("hardness", hardness))
    if p[-1] >= h_cap:
        raise InputError("pressures", float(p[-1]), f"< hardness {h_cap:g} Pa")
    k = float(require_positive("k_s", k_s))

    loading = [solve(topography, E_eff, pressure=float(pi), hardness=h_cap, tol=tol) for pi in p]
    h_load = np.array([constriction_bvp(r, k)[0] for r in loading])
    residual, w = residual_topography(loading[-1])
    unloading, reloading = [], []
    prev = None
    for pi in p[::-1]:  # elastic unloading from P_max, each step starting from the last
        prev = solve(residual, E_eff, pressure=float(pi), tol=tol, initial=prev)
        unloading.append(prev)
    unloading = unloading[::-1]
    for pi in p:
        reloading.append(solve(residual, E_eff, pressure=float(pi), hardness=h_cap, tol=tol))
    h_unload = np.array([constriction_bvp(r, k)[0] for r in unloading])
    h_reload = np.array([constriction_bvp(r, k)[0] for r in reloading])
    return HysteresisResult(
        pressure=p, h_loading=h_load, h_unloading=h_unload, h_reloading=h_reload,
        area_loading=np.array([r.area_fraction for r in loading]),
        area_unloading=np.array([r.area_fraction for r in unloading]),
        p_max=float(p[-1]), hardness=h_cap, residual=residual, plastic_depth=w,
        max_unloading_pressure=float(max(r.pressure.max() for r in unloading)),
    )
