"""The 1-D harmonic-chain junction: transmission by atomistic Green's functions, closed form, conductance.

Two semi-infinite monatomic chains — left: masses m₁ joined by springs k₁; right: m₂, k₂ — are joined by
a coupling spring k_c between the last left and the first right atom (lattice spacing irrelevant).
Dispersion of chain i: ω² = (2k_i/m_i)(1 − cos q_i), band 0 < ω < 2√(k_i/m_i).

Atomistic Green's function (AGF; Zhang, Fisher & Mingo, Numer. Heat Transfer B 51, 333 (2007)):
a device of ``n_device`` atoms on each side of the junction, lead self-energies Σ_i = −k_i e^{iq_i}
(the retarded surface Green's function of a semi-infinite chain, g = −e^{iq}/k), broadening
Γ_i = i(Σ_i − Σ_i†) = 2k_i sin q_i and the Caroli formula τ(ω) = Tr[Γ_L G Γ_R G†],
G = (ω²M − K − Σ)⁻¹.

Closed form (derived from the same equations with a two-atom device; tcrlab docs/kapitza.md):

    τ(ω) = 4 k_c² k₁ k₂ sin q₁ sin q₂ / | [k₁(1 − e^{−iq₁}) − k_c][k₂(1 − e^{−iq₂}) − k_c] − k_c² |²,

zero outside either band; identical chains with k_c = k give τ = 1. For ω → 0,
τ → 4 Z₁Z₂/(Z₁+Z₂)² with Z_i = √(m_i k_i) (independent of k_c): the 1-D acoustic mismatch, which for
equal springs is 4√(m₁m₂)/(√m₁+√m₂)².

Landauer conductance of the junction (one channel): G(T) = ∫₀^∞ (dω/2π) ħω τ(ω) ∂n/∂T (W/K); a perfect
chain at T ≪ Θ gives the quantum of thermal conductance G₀ = π²k_B²T/(3h) (Rego & Kirczenow,
Phys. Rev. Lett. 81, 232 (1998); Schwab et al., Nature 404, 974 (2000)).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.errors import InputError
from tcrlab.kapitza.landauer import check_temperature, landauer_integral
from tcrlab.kapitza.phonons import H_PLANCK, K_B
from tcrlab.validation import as_float_array, require_positive

Q_SMALL = 1e-6  # below this wavenumber τ is its ω → 0 limit to O(q²) ~ 1e-12

__all__ = [
    "chain_conductance",
    "chain_transmission",
    "chain_transmission_closed_form",
    "chain_transmission_low_frequency",
    "thermal_conductance_quantum",
]


def _check(m1: float, k1: float, m2: float, k2: float, kc: float) -> tuple[float, ...]:
    vals = []
    for name, v in (("m1", m1), ("k1", k1), ("m2", m2), ("k2", k2), ("kc", kc)):
        arr = require_positive(name, v)
        if arr.ndim:
            raise InputError(name, v, "a scalar (broadcast over omega only)")
        vals.append(float(arr))
    return tuple(vals)


def _wavenumber(omega: NDArray[np.float64], m: float, k: float) -> tuple[NDArray, NDArray]:
    """q ∈ [0, π] from cos q = 1 − mω²/(2k); returns (q, in_band)."""
    c = 1.0 - m * omega**2 / (2.0 * k)
    in_band = (omega > 0) & (c > -1.0)
    return np.arccos(np.clip(c, -1.0, 1.0)), in_band


def _omega(omega: ArrayLike) -> NDArray[np.float64]:
    w = as_float_array("omega", omega)
    if np.any(~np.isfinite(w)) or np.any(w < 0):
        raise InputError("omega", omega, "angular frequencies >= 0 (rad/s)")
    return w


def chain_transmission_closed_form(
    omega: ArrayLike, m1: float, k1: float, m2: float, k2: float, kc: float
) -> NDArray[np.float64]:
    """Closed-form phonon transmission τ(ω) of the chain junction (module docstring).

    Parameters
    ----------
    omega : array_like
        Angular frequency, >= 0 [rad/s].
    m1, m2 : float
        Atomic masses of the left and right chain [kg].
    k1, k2 : float
        Spring constants of the left and right chain [N/m].
    kc : float
        Coupling spring between the two chains [N/m].

    Returns
    -------
    ndarray
        Transmission τ in [0, 1] [-], shaped like ``omega``; 0 outside either band.

    References
    ----------
    Zhang, Fisher & Mingo, Numer. Heat Transfer B 51, 333 (2007); docs/kapitza.md for the derivation.

    Examples
    --------
    >>> m, k = 4.48e-26, 10.0  # kg, N/m
    >>> chain_transmission_closed_form([1e12], m, k, 2 * m, k, k).round(6)
    array([0.970469])
    """
    m1, k1, m2, k2, kc = _check(m1, k1, m2, k2, kc)
    w = _omega(omega)
    q1, ok1 = _wavenumber(w, m1, k1)
    q2, ok2 = _wavenumber(w, m2, k2)
    a = k1 * (1.0 - np.exp(-1j * q1)) - kc
    b = k2 * (1.0 - np.exp(-1j * q2)) - kc
    den = np.abs(a * b - kc**2) ** 2
    num = 4.0 * kc**2 * k1 * k2 * np.sin(q1) * np.sin(q2)
    ok = ok1 & ok2 & (den > 0)
    tau = np.where(ok, num / np.where(ok, den, 1.0), 0.0)
    tiny = ok1 & ok2 & (np.minimum(q1, q2) < Q_SMALL)  # long-wavelength limit (avoids 0/0)
    return np.where(tiny, chain_transmission_low_frequency(m1, k1, m2, k2), tau)


def chain_transmission(
    omega: ArrayLike, m1: float, k1: float, m2: float, k2: float, kc: float, *, n_device: int = 3
) -> NDArray[np.float64]:
    """Phonon transmission τ(ω) ∈ [0, 1] through the chain junction by the AGF method (module docstring).

    Parameters
    ----------
    omega : array_like
        Angular frequency, >= 0, any shape [rad/s].
    m1, m2 : float
        Atomic masses of the left and right chain [kg].
    k1, k2 : float
        Spring constants of the left and right chain [N/m].
    kc : float
        Coupling spring between the two chains [N/m].
    n_device : int
        Atoms of each chain kept in the device region (the result does not depend on it — a check of the
        method).

    Returns
    -------
    ndarray
        Transmission τ [-], shaped like ``omega``.

    References
    ----------
    Zhang, Fisher & Mingo, Numer. Heat Transfer B 51, 333 (2007).

    Examples
    --------
    The Green's-function result equals the closed form:

    >>> m, k = 4.48e-26, 10.0  # kg, N/m
    >>> chain_transmission([1e12], m, k, 2 * m, k, k).round(6)
    array([0.970469])
    """
    m1, k1, m2, k2, kc = _check(m1, k1, m2, k2, kc)
    if int(n_device) < 1:
        raise InputError("n_device", n_device, "an integer >= 1")
    n = int(n_device)
    w = _omega(omega)
    shape = w.shape
    w = w.reshape(-1)
    size = 2 * n
    masses = np.array([m1] * n + [m2] * n)
    springs = np.array([k1] * (n - 1) + [kc] + [k2] * (n - 1))  # between device atoms i, i+1
    K = np.zeros((size, size))
    for i, s in enumerate(springs):
        K[i, i] += s
        K[i + 1, i + 1] += s
        K[i, i + 1] -= s
        K[i + 1, i] -= s
    K[0, 0] += k1  # springs to the leads
    K[-1, -1] += k2
    q1, ok1 = _wavenumber(w, m1, k1)
    q2, ok2 = _wavenumber(w, m2, k2)
    tiny = ok1 & ok2 & (np.minimum(q1, q2) < Q_SMALL)  # long-wavelength limit (singular G)
    ok = ok1 & ok2 & ~tiny
    tau = np.where(tiny, chain_transmission_low_frequency(m1, k1, m2, k2), 0.0)
    if ok.any():
        wo, q1o, q2o = w[ok], q1[ok], q2[ok]
        sig_l = -k1 * np.exp(1j * q1o)
        sig_r = -k2 * np.exp(1j * q2o)
        A = (wo[:, None, None] ** 2) * np.diag(masses)[None] - K[None].astype(complex)
        A[:, 0, 0] -= sig_l
        A[:, -1, -1] -= sig_r
        G = np.linalg.inv(A)
        gam_l = -2.0 * np.imag(sig_l)
        gam_r = -2.0 * np.imag(sig_r)
        tau[ok] = np.clip(gam_l * gam_r * np.abs(G[:, 0, -1]) ** 2, 0.0, 1.0)
    return tau.reshape(shape)


def chain_transmission_low_frequency(m1: float, k1: float, m2: float, k2: float) -> float:
    """ω → 0 limit 4Z₁Z₂/(Z₁+Z₂)², Z_i = √(m_i k_i); equal springs: 4√(m₁m₂)/(√m₁+√m₂)².

    Parameters
    ----------
    m1, m2 : float
        Atomic masses [kg].
    k1, k2 : float
        Spring constants [N/m].

    Returns
    -------
    float
        Long-wavelength transmission [-] (the 1-D acoustic mismatch).

    Examples
    --------
    >>> round(chain_transmission_low_frequency(1.0, 1.0, 2.0, 1.0), 6)
    0.970563
    """
    z1, z2 = np.sqrt(m1 * k1), np.sqrt(m2 * k2)
    return float(4.0 * z1 * z2 / (z1 + z2) ** 2)


def thermal_conductance_quantum(T: ArrayLike) -> NDArray[np.float64] | float:
    """The quantum of thermal conductance G₀ = π² k_B² T / (3h).

    Parameters
    ----------
    T : array_like
        Temperature [K], > 0.

    Returns
    -------
    float or ndarray
        G₀ [W/K]; a float for scalar ``T``.

    References
    ----------
    Rego & Kirczenow, Phys. Rev. Lett. 81, 232 (1998); Schwab et al., Nature 404, 974 (2000).

    Examples
    --------
    >>> f"{thermal_conductance_quantum(1.0):.4g} W/K"
    '9.464e-13 W/K'
    """
    t = check_temperature(T)
    g = np.pi**2 * K_B**2 * t / (3.0 * H_PLANCK)
    return float(g) if np.ndim(T) == 0 else g


def chain_conductance(
    T: ArrayLike, m1: float, k1: float, m2: float, k2: float, kc: float, *, method: str = "agf"
) -> NDArray[np.float64] | float:
    """Landauer conductance G(T) = ∫ (dω/2π) ħω τ(ω) ∂n/∂T of the junction.

    Quadrature: fixed Gauss–Legendre up to the smaller band edge (τ = 0 above it).

    Parameters
    ----------
    T : array_like
        Temperature [K], > 0.
    m1, m2 : float
        Atomic masses [kg].
    k1, k2 : float
        Spring constants [N/m].
    kc : float
        Coupling spring [N/m].
    method : {"agf", "closed_form"}
        How τ(ω) is computed.

    Returns
    -------
    float or ndarray
        Conductance G [W/K]; a float for scalar ``T``.

    References
    ----------
    Rego & Kirczenow, Phys. Rev. Lett. 81, 232 (1998); Zhang, Fisher & Mingo, Numer. Heat Transfer B
    51, 333 (2007).

    Examples
    --------
    A perfect chain far below its band edge carries one conductance quantum:

    >>> m, k = 4.48e-26, 10.0  # kg, N/m
    >>> round(chain_conductance(1.0, m, k, m, k, k) / thermal_conductance_quantum(1.0), 6)
    1.0
    """
    t = check_temperature(T)
    if method not in ("agf", "closed_form"):
        raise InputError("method", method, "'agf' or 'closed_form'")
    m1, k1, m2, k2, kc = _check(m1, k1, m2, k2, kc)
    top = min(2.0 * np.sqrt(k1 / m1), 2.0 * np.sqrt(k2 / m2))
    fn = chain_transmission if method == "agf" else chain_transmission_closed_form

    def flux(omega: NDArray[np.float64]) -> NDArray[np.float64]:
        return fn(omega, m1, k1, m2, k2, kc)

    g = landauer_integral(t, flux, (), top, n_nodes=96, prefactor=1.0 / (2.0 * np.pi))
    return float(g) if np.ndim(T) == 0 else g
