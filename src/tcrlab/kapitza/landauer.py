"""The Landauer-type boundary-conductance integral, its low-T limit and the phonon radiation limit.

Convention used throughout tcrlab (state it when comparing with papers; factors differ between them):

    h(T) = ¼ ∫₀^∞ ħω · M_α(ω) · ∂n/∂T dω,      n = 1/(exp(ħω/k_BT) − 1),

with M_α(ω) = Σ_j D_j(ω) v_j(ω) Γ_j(ω) summed over the branches j of the side the phonons come from,
D_j the DOS per unit volume, v_j the group velocity and Γ_j = ∫₀^{π/2} α_j(θ, ω) 2 cosθ sinθ dθ the
hemispherically averaged transmission (Γ_j = α_j for an angle-independent α). ¼ = ½ (half the phonons move
toward the interface) × ½ (mean of cosθ over the hemisphere, already in the 2 cosθ sinθ weight).
This is Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989), written per unit frequency.

Debye branches (D_j v_j = ω² / (2π² c_j²)) and T ≪ Θ_D give the T³ law

    h = (π² k_B⁴ / (30 ħ³)) Σ_j Γ_j c_j⁻² T³,        R·T³ = 30 ħ³ / (π² k_B⁴ Σ_j Γ_j c_j⁻²).

Temperature convention (``convention=``):

* ``"emitted"`` (default; Little 1959, Swartz & Pohl 1989): the temperatures are those of the phonon
  distributions *emitted* toward the interface by each side — the plain Landauer h above;
* ``"equilibrium"`` (Simons, J. Phys. C 7, 4048 (1974); Zeng & Chen, J. Heat Transfer 123, 340 (2001)):
  the temperatures are the local equilibrium temperatures extrapolated from each bulk, which removes the
  spurious resistance of a fully transmitting interface:
  1/h_eq = 1/h_emit − ½ (1/h_rad,1 + 1/h_rad,2), with h_rad,i the phonon radiation conductance of side i
  (every phonon of side i transmitted). Identical media with α = 1 give 1/h_eq = 0.

Quadrature: fixed composite Gauss–Legendre in ω, split at every branch cutoff, truncated at
ħω = 50 k_BT (the neglected tail is < 1e-17 relative); vectorised over T.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from functools import cache

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.errors import InputError, ValidityWarning
from tcrlab.kapitza.phonons import (
    HBAR,
    K_B,
    AcousticMedium,
    Branch,
    acoustic_medium,
    debye_branches,
)
from tcrlab.validation import require_positive

__all__ = [
    "CONVENTIONS",
    "apply_temperature_convention",
    "check_temperature",
    "debye_branch_conductance",
    "debye_flux_states",
    "landauer_integral",
    "phonon_radiation_conductance",
    "phonon_radiation_limit",
    "rt3_constant",
]

CONVENTIONS = ("emitted", "equilibrium")
X_MAX = 50.0  # upper limit of ħω/k_BT
N_NODES = 48  # Gauss–Legendre nodes per frequency segment


@cache
def gauss_legendre(n: int) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Gauss–Legendre nodes and weights on [0, 1].

    Parameters
    ----------
    n : int
        Number of nodes.

    Returns
    -------
    x, w : ndarray
        Nodes in [0, 1] and weights adding to 1.

    Examples
    --------
    >>> x, w = gauss_legendre(3)
    >>> round(float(w.sum()), 12), round(float((w * x**2).sum()), 12)
    (1.0, 0.333333333333)
    """
    x, w = np.polynomial.legendre.leggauss(n)
    return 0.5 * (x + 1.0), 0.5 * w


def check_temperature(T: ArrayLike, field: str = "T") -> NDArray[np.float64]:
    """T as a float array; T ≤ 0, NaN or inf raise InputError naming ``field``.

    Parameters
    ----------
    T : array_like
        Temperature [K].
    field : str
        Name used in the error message.

    Returns
    -------
    ndarray
        ``T`` as floats [K].

    Raises
    ------
    InputError
        If any value is not a finite positive number.

    Examples
    --------
    >>> check_temperature([1.0, 300.0])
    array([  1., 300.])
    """
    return require_positive(field, T)


def _weight(omega: NDArray[np.float64], T: NDArray[np.float64]) -> NDArray[np.float64]:
    """ħω ∂n/∂T = k_B x² eˣ/(eˣ−1)² = k_B x² / (4 sinh²(x/2)),  x = ħω/k_BT (→ k_B at x → 0)."""
    x = HBAR * omega / (K_B * T)
    half = np.sinh(np.maximum(0.5 * x, 1e-300))
    with np.errstate(over="ignore"):
        return np.where(x > 1e-8, K_B * x**2 / (4.0 * half**2), K_B)


def landauer_integral(
    T: ArrayLike,
    flux_states: Callable[[NDArray[np.float64]], NDArray[np.float64]],
    breakpoints: Sequence[float] = (),
    omega_max: float = np.inf,
    *,
    n_nodes: int = N_NODES,
    prefactor: float = 0.25,
) -> NDArray[np.float64]:
    """prefactor · ∫₀^{ω_max} ħω M(ω) ∂n/∂T dω for every T.

    ``prefactor`` = ¼ for the 3-D boundary conductance; a 1-D channel uses 1/(2π) with M = transmission
    (Landauer conductance in W/K).

    Parameters
    ----------
    T : array_like
        Temperature [K], > 0.
    flux_states : callable
        M(ω), the states times group velocity crossing the interface per unit area [1/(m² s) per rad/s];
        must accept an array of any shape.
    breakpoints : sequence of float
        Frequencies where M(ω) is not smooth (branch cutoffs) [rad/s]; the quadrature is split there.
    omega_max : float
        Upper limit of the integral [rad/s].
    n_nodes : int
        Gauss–Legendre nodes per segment.
    prefactor : float
        Factor in front of the integral [-].

    Returns
    -------
    ndarray
        The integral, shaped like ``T`` [W/(m² K)] when M is per unit area.

    References
    ----------
    Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989).

    Examples
    --------
    One fully transmitting 1-D channel gives the thermal conductance quantum π²k_B²T/(3h):

    >>> g = landauer_integral(1.0, lambda w: 1.0 + 0 * w, prefactor=1 / (2 * np.pi))
    >>> f"{float(g):.4g} W/K"
    '9.464e-13 W/K'
    >>> round(float(g) / (np.pi**2 * K_B**2 * 1.0 / (3 * 2 * np.pi * HBAR)), 9)
    1.0
    """
    t = check_temperature(T)
    flat = t.reshape(-1)
    upper = np.minimum(omega_max, X_MAX * K_B * flat / HBAR)  # (nT,)
    bps = sorted({float(b) for b in breakpoints if 0.0 < b < omega_max and np.isfinite(b)})
    edges = np.array([0.0, *bps, np.inf])
    ends = np.minimum(edges[None, :], upper[:, None])  # (nT, nseg+1)
    a, b = ends[:, :-1], ends[:, 1:]
    x, w = gauss_legendre(n_nodes)
    omega = a[..., None] + (b - a)[..., None] * x  # (nT, nseg, nq)
    weights = (b - a)[..., None] * w
    integrand = flux_states(omega) * _weight(omega, flat[:, None, None])
    h = prefactor * np.sum(integrand * weights, axis=(1, 2))
    return h.reshape(t.shape)


def debye_branch_conductance(
    T: ArrayLike,
    branches: Sequence[Branch],
    gammas: Sequence[float] | None = None,
    omega_limit: float = np.inf,
) -> NDArray[np.float64]:
    """h(T) for Debye branches with frequency-independent transmissions Γ_j (default 1).

    M(ω) = Σ_j Γ_j ω² / (2π² c_j²) for ω below both the branch cutoff and ``omega_limit``.

    Parameters
    ----------
    T : array_like
        Temperature [K], > 0.
    branches : sequence of Branch
        Debye branches (speed [m/s], cutoff [rad/s]).
    gammas : sequence of float, optional
        Hemispherical transmission Γ_j of each branch [-]; 1 by default.
    omega_limit : float
        No phonon above this frequency is transmitted [rad/s].

    Returns
    -------
    ndarray
        Conductance h [W/(m² K)], shaped like ``T``.

    References
    ----------
    Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989).

    Examples
    --------
    >>> from tcrlab.kapitza.phonons import acoustic_medium, debye_branches
    >>> h = debye_branch_conductance(1.0, debye_branches(acoustic_medium("copper")))
    >>> round(float(h))  # W/(m² K) at 1 K
    4221
    """
    g = np.ones(len(branches)) if gammas is None else np.asarray(gammas, dtype=float)
    speeds = np.array([br.c for br in branches])
    cuts = np.minimum(np.array([br.omega_cut for br in branches]), omega_limit)

    def flux(omega: NDArray[np.float64]) -> NDArray[np.float64]:
        out = np.zeros_like(omega)
        for gj, cj, wc in zip(g, speeds, cuts, strict=True):
            if gj != 0.0:
                out += np.where(omega < wc, gj * omega**2 / (2.0 * np.pi**2 * cj**2), 0.0)
        return out

    finite = [c for c in cuts if np.isfinite(c)]
    top = max(cuts) if len(finite) == len(cuts) else np.inf
    return landauer_integral(T, flux, breakpoints=finite, omega_max=top)


def rt3_constant(gammas: Sequence[float], speeds: Sequence[float]) -> float:
    """Low-temperature R·T³ = 30 ħ³ / (π² k_B⁴ Σ_j Γ_j c_j⁻²) (Debye, T ≪ Θ_D).

    Parameters
    ----------
    gammas : sequence of float
        Hemispherical transmission Γ_j of each branch [-].
    speeds : sequence of float
        Sound speed c_j of each branch [m/s].

    Returns
    -------
    float
        R·T³ [K⁴ m²/W] (inf when nothing is transmitted); multiply by 1e4 for the K⁴ cm²/W used by
        Swartz & Pohl (1989).

    References
    ----------
    Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989).

    Examples
    --------
    >>> f"{rt3_constant([1.0, 1.0, 1.0], [4760.0, 2325.0, 2325.0]):.4g}"
    '0.0002369'
    """
    s = float(np.sum(np.asarray(gammas, float) / np.asarray(speeds, float) ** 2))
    if s <= 0:
        return np.inf
    return 30.0 * HBAR**3 / (np.pi**2 * K_B**4 * s)


def phonon_radiation_conductance(
    material: object, T: ArrayLike, *, cutoff: str = "branch", registry: object = None
) -> NDArray[np.float64]:
    """h_rad(T) of one medium: every phonon reaching the interface is transmitted (α = 1).

    h_rad = ¼ Σ_j ∫ ħω D_j v_j ∂n/∂T dω (Debye branches with the chosen cutoff convention); at low T
    h_rad = (π² k_B⁴ / (30 ħ³)) Σ_j c_j⁻² T³.

    Parameters
    ----------
    material : str or AcousticMedium or Material
        The medium.
    T : array_like
        Temperature [K], > 0.
    cutoff : {"branch", "common", "none"}
        Debye cutoff convention.
    registry : MaterialRegistry, optional
        Where material names are looked up.

    Returns
    -------
    ndarray
        Conductance h_rad [W/(m² K)], shaped like ``T``.

    References
    ----------
    Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989) ("phonon radiation limit").

    Examples
    --------
    >>> round(float(phonon_radiation_conductance("copper", 1.0)))  # W/(m² K)
    4221
    """
    medium = acoustic_medium(material, registry=registry)
    return debye_branch_conductance(T, debye_branches(medium, cutoff))


def debye_flux_states(branches: Sequence[Branch]) -> Callable[[NDArray[np.float64]], NDArray[np.float64]]:
    """M(ω) = Σ_j D_j v_j = Σ_j ω²/(2π² c_j²) [ω < ω_c,j] of Debye branches.

    Parameters
    ----------
    branches : sequence of Branch
        Debye branches (speed [m/s], cutoff [rad/s]).

    Returns
    -------
    callable
        M(ω) for an array of angular frequencies [rad/s], in states per m² per s per rad/s.

    References
    ----------
    Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989).

    Examples
    --------
    >>> from tcrlab.kapitza.phonons import acoustic_medium, debye_branches
    >>> m = debye_flux_states(debye_branches(acoustic_medium("copper")))
    >>> f"{float(m(np.array(1e12))):.4g}"
    '2.098e+16'
    """

    def flux(omega: NDArray[np.float64]) -> NDArray[np.float64]:
        out = np.zeros_like(omega, dtype=float)
        for b in branches:
            out += np.where(omega < b.omega_cut, omega**2 / (2.0 * np.pi**2 * b.c**2), 0.0)
        return out

    return flux


def phonon_radiation_limit(
    mat1: object, mat2: object, T: ArrayLike, *, cutoff: str = "branch", registry: object = None
) -> NDArray[np.float64]:
    """The phonon radiation limit of the boundary conductance of an interface.

    The largest conductance any *elastic* process can give: at each frequency the transmitted flux
    cannot exceed the phonon flux of the side with fewer states × velocity, so
    h_max = ¼ ∫ ħω ∂n/∂T min(M₁(ω), M₂(ω)) dω, M_i = Σ_j D_ij v_ij (Debye branches, ``cutoff``
    convention), emitted-phonon temperature convention.
    Low T: h_max = π²k_B⁴T³ min(Σ_j c₁j⁻², Σ_j c₂j⁻²)/(30ħ³). Stoner & Maris measured conductances
    *above* this limit for strongly mismatched pairs (Pb, Au on diamond) and attributed the excess to
    inelastic (anharmonic) channels.

    Parameters
    ----------
    mat1, mat2 : str or AcousticMedium or Material
        The two media.
    T : array_like
        Temperature [K], > 0.
    cutoff : {"branch", "common", "none"}
        Debye cutoff convention.
    registry : MaterialRegistry, optional
        Where material names are looked up.

    Returns
    -------
    ndarray
        The largest elastic conductance h_max [W/(m² K)], shaped like ``T``.

    References
    ----------
    Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989); Stoner & Maris, Phys. Rev. B 48, 16373 (1993).

    Examples
    --------
    >>> f"{float(phonon_radiation_limit('aluminium', 'sapphire', 300.0)):.3g}"
    '1.4e+09'
    """
    m1 = acoustic_medium(mat1, registry=registry)
    m2 = acoustic_medium(mat2, registry=registry)
    b1, b2 = debye_branches(m1, cutoff), debye_branches(m2, cutoff)
    f1, f2 = debye_flux_states(b1), debye_flux_states(b2)
    cuts = [b.omega_cut for b in (*b1, *b2)]
    top = min(max(b.omega_cut for b in b1), max(b.omega_cut for b in b2))
    return landauer_integral(T, lambda w: np.minimum(f1(w), f2(w)),
                             [c for c in cuts if np.isfinite(c)], top)


def apply_temperature_convention(
    h_emitted: NDArray[np.float64],
    h_rad1: NDArray[np.float64],
    h_rad2: NDArray[np.float64],
    convention: str,
) -> NDArray[np.float64]:
    """Convert an emitted-phonon-temperature conductance to the requested convention (see module doc).

    Parameters
    ----------
    h_emitted : ndarray
        Conductance with emitted-phonon temperatures [W/(m² K)].
    h_rad1, h_rad2 : ndarray
        Phonon radiation conductances of the two sides [W/(m² K)].
    convention : {"emitted", "equilibrium"}
        The convention wanted.

    Returns
    -------
    ndarray
        The conductance in that convention [W/(m² K)]; inf where the equilibrium-temperature
        resistance vanishes (a fully transmitting interface).

    References
    ----------
    Simons, J. Phys. C 7, 4048 (1974); Zeng & Chen, J. Heat Transfer 123, 340 (2001).

    Examples
    --------
    1/h_eq = 1/h_emit − ½(1/h_rad,1 + 1/h_rad,2):

    >>> float(apply_temperature_convention(np.array(1e8), np.array(5e8), np.array(1e9), "equilibrium"))
    117647058.8235294
    """
    if convention not in CONVENTIONS:
        raise InputError("convention", convention, " or ".join(repr(c) for c in CONVENTIONS))
    if convention == "emitted":
        return h_emitted
    r = 1.0 / h_emitted - 0.5 * (1.0 / h_rad1 + 1.0 / h_rad2)
    r = np.where(r > 1e-9 / h_emitted, r, 0.0)
    with np.errstate(divide="ignore"):
        return np.where(r > 0, 1.0 / np.where(r > 0, r, 1.0), np.inf)


def warn_missing_cutoff(media: Sequence[AcousticMedium], T: NDArray[np.float64], cutoff: str) -> None:
    """ValidityWarning when a medium without Debye temperature is evaluated above 10 K (T³ law continued).

    Parameters
    ----------
    media : sequence of AcousticMedium
        The media to check.
    T : ndarray
        Temperatures of the evaluation [K].
    cutoff : {"branch", "common", "none"}
        Debye cutoff convention (``"none"`` never warns).
    """
    if cutoff == "none" or np.max(T) <= 10.0:
        return
    for m in media:
        if m.debye_temperature is None and not m.is_liquid:
            warnings.warn(
                f"{m.name}: no debye_temperature, so its phonon spectrum is not cut off and the T³ law is "
                f"continued to T = {np.max(T):.4g} K (valid only for T ≪ Θ_D); add debye_temperature",
                ValidityWarning,
                stacklevel=3,
            )
