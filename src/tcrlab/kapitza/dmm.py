"""Diffuse mismatch model (DMM): every phonon reaching the interface forgets where it came from.

Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989). A phonon of frequency ω scattered at the
interface leaves into side 2 with probability α₁₂(ω) independent of angle and incoming branch; detailed
balance (equal fluxes at equal temperatures, elastic scattering) with α₁₂ + α₂₁ = 1 gives

    α₁₂(ω) = M₂(ω) / (M₁(ω) + M₂(ω)),      M_i(ω) = Σ_j D_ij(ω) v_ij(ω)

(the number of states per unit volume and frequency times their group velocities; Reddy, Castelino &
Majumdar, Appl. Phys. Lett. 87, 211908 (2005) for supplied dispersions). Debye branches give
M_i = ω²/(2π²) Σ_j c_ij⁻² and, below every cutoff, α₁₂ = Σ_j c₂j⁻² / (Σ_j c₁j⁻² + Σ_j c₂j⁻²)
(Swartz & Pohl 1989). Identical media give α = ½ — a known artefact of the model.

The conductance (convention of :mod:`tcrlab.kapitza.landauer`) is symmetric by construction,

    h = ¼ ∫ ħω ∂n/∂T · M₁M₂/(M₁+M₂) dω,

so h₁₂ = h₂₁ at every temperature; low T: R·T³ = 30ħ³/(π²k_B⁴ α₁₂ Σ_j c₁j⁻²).
Room-temperature DMM is very sensitive to the cutoff convention (per-branch vs common Debye cutoff);
compare both (``cutoff=``). Valid for rough/disordered interfaces, elastic scattering only.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.kapitza.landauer import (
    apply_temperature_convention,
    check_temperature,
    debye_branch_conductance,
    landauer_integral,
    rt3_constant,
    warn_missing_cutoff,
)
from tcrlab.kapitza.phonons import Branch, PhononSpectrum, acoustic_medium, debye_branches

__all__ = ["dmm_conductance", "dmm_rt3", "dmm_transmission"]


class _Side:
    """M(ω) of one side: Debye branches or a supplied spectrum."""

    def __init__(self, material: object, cutoff: str, spectrum: PhononSpectrum | None, registry: object):
        self.spectrum = spectrum
        if spectrum is None:
            self.medium = acoustic_medium(material, registry=registry)
            self.branches: list[Branch] = debye_branches(self.medium, cutoff)
            self.breaks = [b.omega_cut for b in self.branches if np.isfinite(b.omega_cut)]
            self.top = max(b.omega_cut for b in self.branches)
        else:
            self.branches = []
            # tabulated data may have kinks/steps anywhere: split the quadrature into 64 panels
            self.breaks = list(np.linspace(0.0, spectrum.omega_max, 65)[1:])
            self.top = spectrum.omega_max

    def flux_states(self, omega: NDArray[np.float64]) -> NDArray[np.float64]:
        if self.spectrum is not None:
            return self.spectrum.flux_states(omega)
        out = np.zeros_like(omega, dtype=float)
        for b in self.branches:
            out += np.where(omega < b.omega_cut, omega**2 / (2.0 * np.pi**2 * b.c**2), 0.0)
        return out

    def radiation(self, T: NDArray[np.float64]) -> NDArray[np.float64]:
        if self.spectrum is None:
            return debye_branch_conductance(T, self.branches)
        return landauer_integral(T, self.flux_states, self.breaks, self.top)


def _ratio(m1: NDArray[np.float64], m2: NDArray[np.float64]) -> NDArray[np.float64]:
    s = m1 + m2
    return np.where(s > 0, m1 * m2 / np.where(s > 0, s, 1.0), 0.0)


def dmm_transmission(
    mat1: object, mat2: object, omega: ArrayLike, *, cutoff: str = "branch",
    spectrum1: PhononSpectrum | None = None, spectrum2: PhononSpectrum | None = None,
    registry: object = None,
) -> NDArray[np.float64]:
    """DMM transmission α₁₂(ω) = M₂/(M₁+M₂) (0 where neither side has states); α₂₁ = 1 − α₁₂.

    Parameters
    ----------
    mat1, mat2 : str or AcousticMedium or Material or None
        The emitting and the receiving medium (None for a side given by a spectrum).
    omega : array_like
        Angular frequency [rad/s].
    cutoff : {"branch", "common", "none"}
        Debye cutoff convention.
    spectrum1, spectrum2 : PhononSpectrum, optional
        Supplied spectra replacing a side's Debye model.
    registry : MaterialRegistry, optional
        Where material names are looked up.

    Returns
    -------
    ndarray
        Transmission probability α₁₂ [-], shaped like ``omega``.

    References
    ----------
    Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989); Reddy, Castelino & Majumdar, Appl. Phys. Lett. 87,
    211908 (2005).

    Examples
    --------
    >>> round(float(dmm_transmission("aluminium", "sapphire", 1e12)), 4)
    0.1923
    """
    s1 = _Side(mat1, cutoff, spectrum1, registry)
    s2 = _Side(mat2, cutoff, spectrum2, registry)
    w = np.asarray(omega, dtype=float)
    m1, m2 = s1.flux_states(w), s2.flux_states(w)
    s = m1 + m2
    return np.where(s > 0, m2 / np.where(s > 0, s, 1.0), 0.0)


def dmm_conductance(
    mat1: object,
    mat2: object,
    T: ArrayLike,
    *,
    cutoff: str = "branch",
    convention: str = "emitted",
    spectrum1: PhononSpectrum | None = None,
    spectrum2: PhononSpectrum | None = None,
    registry: object = None,
) -> NDArray[np.float64] | float:
    """DMM thermal boundary conductance h(T) of mat1 | mat2 (see the module docstring).

    Valid for rough or disordered interfaces with elastic scattering; at room temperature the result is
    sensitive to the cutoff convention (compare ``cutoff="branch"`` and ``"common"``).

    Parameters
    ----------
    mat1, mat2 : str or AcousticMedium or Material or None
        Registry names or objects with density/rho [kg/m³], c_L, c_T [m/s]; None for a side given by
        a spectrum.
    T : array_like
        Temperature [K], > 0.
    cutoff : {"branch", "common", "none"}
        Debye cutoff convention.
    convention : {"emitted", "equilibrium"}
        Phonon temperature convention (see :mod:`tcrlab.kapitza.landauer`).
    spectrum1, spectrum2 : PhononSpectrum, optional
        A supplied :class:`~tcrlab.kapitza.phonons.PhononSpectrum` replacing a side's Debye model.
    registry : MaterialRegistry, optional
        Where material names are looked up.

    Returns
    -------
    float or ndarray
        Conductance h [W/(m² K)], symmetric (h₁₂ = h₂₁); a float for scalar ``T``.

    References
    ----------
    Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989); Reddy, Castelino & Majumdar, Appl. Phys. Lett. 87,
    211908 (2005).

    Examples
    --------
    >>> f"{dmm_conductance('aluminium', 'sapphire', 300.0):.3g}"
    '1.02e+09'
    >>> f"{dmm_conductance('sapphire', 'aluminium', 300.0):.3g}"
    '1.02e+09'
    """
    t = check_temperature(T)
    s1 = _Side(mat1, cutoff, spectrum1, registry)
    s2 = _Side(mat2, cutoff, spectrum2, registry)
    warn_missing_cutoff([s.medium for s in (s1, s2) if s.spectrum is None], t, cutoff)

    def flux(omega: NDArray[np.float64]) -> NDArray[np.float64]:
        return _ratio(s1.flux_states(omega), s2.flux_states(omega))

    top = min(s1.top, s2.top)
    h = landauer_integral(t, flux, [*s1.breaks, *s2.breaks], top)
    if convention != "emitted":
        h = apply_temperature_convention(h, s1.radiation(t), s2.radiation(t), convention)
    return float(h) if np.ndim(T) == 0 else h


def dmm_rt3(mat1: object, mat2: object, *, registry: object = None) -> float:
    """Low-temperature Debye DMM R·T³ = 30ħ³/(π²k_B⁴ α₁₂ Σ_j c₁j⁻²).

    Parameters
    ----------
    mat1, mat2 : str or AcousticMedium or Material
        The two media.
    registry : MaterialRegistry, optional
        Where material names are looked up.

    Returns
    -------
    float
        R·T³ [K⁴ m²/W]; × 1e4 gives K⁴ cm²/W.

    References
    ----------
    Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989).

    Examples
    --------
    >>> round(dmm_rt3("aluminium", "sapphire") * 1e4, 1)  # K⁴ cm²/W
    21.2
    """
    m1 = acoustic_medium(mat1, registry=registry)
    m2 = acoustic_medium(mat2, registry=registry)
    inv1 = [b.c**-2 for b in debye_branches(m1, "none")]
    inv2 = [b.c**-2 for b in debye_branches(m2, "none")]
    alpha = sum(inv2) / (sum(inv1) + sum(inv2))
    return rt3_constant([alpha] * len(inv1), [b.c for b in debye_branches(m1, "none")])
