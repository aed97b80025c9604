"""Acoustic mismatch model (AMM): specular phonon transmission at a perfect planar interface.

Full elastic model (default, ``model="full"``): two isotropic elastic half-spaces welded at z = 0
(continuity of displacement u_x, u_z and of the tractions σ_xz, σ_zz). A plane wave (L, SV or SH) of
horizontal slowness p = sinθ/c_inc excites reflected and transmitted L and SV waves (mode conversion);
SH decouples. Snell's law p = sinθ_i/c_i fixes every angle; a mode with 1/c_m < p is evanescent (total
internal reflection beyond its critical angle) and carries no energy. Energy transmission coefficients
α = ρ_m c_m² Re(q_m) |A_m|² / (ρ₁ c_inc² q_inc) with q the vertical slowness; R + T = 1 exactly.
Sources: Cheeke, Ettinger & Hebral, Can. J. Phys. 54, 1749 (1976); Swartz & Pohl, Rev. Mod. Phys. 61, 605
(1989); Auld, Acoustic Fields and Waves in Solids (1973). A liquid (c_T = 0, e.g.
He II) has no shear stress and may slip: u_x continuity is dropped and σ_xz = 0 on the solid face
(Khalatnikov, Zh. Eksp. Teor. Fiz. 22, 687 (1952)).

Scalar approximations (documented as such; no mode conversion, each branch transmits into the same
branch, all with normal-incidence value 4Z₁Z₂/(Z₁+Z₂)², Z = ρc of the branch):

* ``"scalar_z_over_cos"``: α = 4 Z₁Z₂ cosθ₁cosθ₂ / (Z₁cosθ₂ + Z₂cosθ₁)² — the exact result for
  pressure waves in fluids (effective impedance Z/cosθ); used for estimates by many papers for all branches;
* ``"scalar_z_cos"``: α = 4 Z₁Z₂ cosθ₁cosθ₂ / (Z₁cosθ₁ + Z₂cosθ₂)² — exact for SH waves (effective
  impedance Z cosθ), applied to all branches by other papers.

The two scalar forms differ by up to ≈1.7× in Γ for common pairs; the full model is the
reference. Angular averages Γ = ∫₀^{π/2} α 2 cosθ sinθ dθ = ∫₀¹ α d(sin²θ) use composite Gauss–Legendre
quadrature split at the critical angles.

High temperatures: the continuum α does not depend on frequency; tcrlab applies it to the Debye phonons
of the emitting side up to their cutoffs and transmits nothing above the highest cutoff of the receiving
side. Detailed balance (h₁₂ computed from either side agrees) is then exact only for T ≪ Θ_D. By default
(``side="soft"``) the phonons of the softer medium (lower highest cutoff) are counted, so the result does
not depend on the order of the materials; ``side=1``/``2`` force a side (at 300 K they differ up to ~3×,
and counting the stiffer side can exceed the phonon radiation limit).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.errors import InputError
from tcrlab.kapitza.landauer import (
    apply_temperature_convention,
    check_temperature,
    debye_branch_conductance,
    gauss_legendre,
    rt3_constant,
    warn_missing_cutoff,
)
from tcrlab.kapitza.phonons import HELIUM_II, AcousticMedium, acoustic_medium, debye_branches

__all__ = [
    "AMM_MODELS",
    "AngularCoefficients",
    "amm_conductance",
    "amm_gammas",
    "amm_rt3",
    "amm_transmission",
    "elastic_coefficients",
    "khalatnikov_conductance",
    "scalar_transmission",
]

AMM_MODELS = ("full", "scalar_z_over_cos", "scalar_z_cos")
N_ANGLE = 40  # Gauss–Legendre nodes per angular segment


@dataclass(frozen=True)
class AngularCoefficients:
    """Energy reflection (medium 1) and transmission (medium 2) coefficients per outgoing mode.

    Attributes
    ----------
    theta : ndarray
        Angles of incidence in medium 1 [rad].
    reflected : dict of str to ndarray
        Energy reflection coefficient of each reflected mode ("L", "SV", "SH") [-].
    transmitted : dict of str to ndarray
        Energy transmission coefficient of each transmitted mode [-].
    """

    theta: NDArray[np.float64]
    reflected: dict[str, NDArray[np.float64]]
    transmitted: dict[str, NDArray[np.float64]]

    @property
    def transmission(self) -> NDArray[np.float64]:
        return sum(self.transmitted.values(), np.zeros_like(self.theta))

    @property
    def reflection(self) -> NDArray[np.float64]:
        return sum(self.reflected.values(), np.zeros_like(self.theta))


def _q(p: NDArray[np.float64], c: float) -> NDArray[np.complex128]:
    """Vertical slowness sqrt(1/c² − p²), Im ≥ 0 (evanescent waves decay away from the interface)."""
    return np.sqrt((1.0 / c**2 - p**2) + 0j)


def _wave(medium: AcousticMedium, mode: str, p: NDArray[np.float64], sign: float) -> tuple:
    """Column [u_x, u_z, σ_xz/(iω), σ_zz/(iω)] of a unit-polarisation plane wave and its q."""
    c = medium.c_L if mode == "L" else medium.c_T
    q = _q(p, c)
    sz = sign * q
    if mode == "L":
        dx, dz = c * p + 0j, c * sz
    else:
        dx, dz = c * sz, -c * p + 0j
    mu, lam = medium.lame_mu, medium.lame_lambda
    txz = mu * (sz * dx + p * dz)
    tzz = lam * (p * dx + sz * dz) + 2.0 * mu * sz * dz
    return np.stack([dx, dz, txz, tzz], axis=-1), q, c


def elastic_coefficients(
    mat1: object, mat2: object, theta: ArrayLike, incident: str = "L", *, registry: object = None
) -> AngularCoefficients:
    """Full elastic AMM energy coefficients for a wave incident from medium 1.

    Parameters
    ----------
    mat1, mat2 : str or AcousticMedium or Material
        The incident and the receiving medium: registry names or objects with a density [kg/m³] and
        sound speeds c_L, c_T [m/s] (see :func:`~tcrlab.kapitza.phonons.acoustic_medium`).
    theta : array_like
        Angles of incidence, 0 to π/2 [rad].
    incident : {"L", "SV", "SH"}
        Polarisation of the incident wave.
    registry : MaterialRegistry, optional
        Where material names are looked up (the built-in registry by default).

    Returns
    -------
    AngularCoefficients
        Reflected and transmitted energy coefficients per mode [-]; at each angle they add to 1
        (energy conservation).

    Raises
    ------
    InputError
        For angles outside [0, π/2], an unknown polarisation, or a transverse wave in a liquid.

    References
    ----------
    Cheeke, Ettinger & Hebral, Can. J. Phys. 54, 1749 (1976); Swartz & Pohl, Rev. Mod. Phys. 61, 605
    (1989); Auld, Acoustic Fields and Waves in Solids (1973).

    Examples
    --------
    >>> c = elastic_coefficients("aluminium", "sapphire", [0.0, 0.5])
    >>> c.transmission.round(4)
    array([0.8177, 0.8321])
    >>> (c.transmission + c.reflection).round(12)
    array([1., 1.])
    """
    m1, m2 = acoustic_medium(mat1, registry=registry), acoustic_medium(mat2, registry=registry)
    th = np.asarray(theta, dtype=float)
    if np.any(~np.isfinite(th)) or np.any(th < 0) or np.any(th > np.pi / 2 + 1e-12):
        raise InputError("theta", theta, "angles of incidence in [0, π/2] rad")
    if incident not in ("L", "SV", "SH"):
        raise InputError("incident", incident, "'L', 'SV' or 'SH'")
    if incident != "L" and m1.is_liquid:
        raise InputError("incident", incident, "'L' (a liquid carries no transverse waves)")
    shape = th.shape
    th = th.reshape(-1)
    grazing = th > np.pi / 2 - 1e-7  # q_inc = 0: no incident flux; the limit is total reflection
    th_solve = np.where(grazing, np.pi / 2 - 1e-7, th)
    c_inc = m1.c_L if incident == "L" else m1.c_T
    p = np.sin(th_solve) / c_inc
    zero = np.zeros_like(th)
    if incident == "SH":
        if m2.is_liquid:
            return AngularCoefficients(th.reshape(shape), {"SH": np.ones(shape)}, {"SH": zero.reshape(shape)})
        z1 = m1.lame_mu * _q(p, m1.c_T)
        z2 = m2.lame_mu * _q(p, m2.c_T)
        t = np.real(4.0 * z1 * np.real(z2)) / np.abs(z1 + z2) ** 2
        t = np.where(grazing, 0.0, np.clip(np.nan_to_num(t), 0.0, 1.0))
        return AngularCoefficients(th.reshape(shape), {"SH": (1.0 - t).reshape(shape)}, {"SH": t.reshape(shape)})

    inc, q_inc, _ = _wave(m1, incident, p, +1.0)
    cols, labels = [], []
    for medium, side, sign in ((m1, "r", -1.0), (m2, "t", +1.0)):
        for mode in ("L",) if medium.is_liquid else ("L", "SV"):
            v, q, c = _wave(medium, mode, p, sign)
            cols.append(v if side == "r" else -v)
            labels.append((side, mode, medium, q, c))
    rows = [0, 1, 2, 3]
    if m1.is_liquid or m2.is_liquid:
        rows.remove(0)  # a liquid slips: no u_x continuity
    if m1.is_liquid and m2.is_liquid:
        rows.remove(2)  # σ_xz ≡ 0 on both sides
    a = np.stack(cols, axis=-1)[:, rows, :]
    rhs = -inc[:, rows]
    try:
        amp = np.linalg.solve(a, rhs[..., None])[..., 0]
    except np.linalg.LinAlgError:  # pragma: no cover - degenerate media
        amp = np.stack([np.linalg.lstsq(ai, bi, rcond=None)[0] for ai, bi in zip(a, rhs, strict=True)])
    flux_in = m1.rho * c_inc**2 * np.real(q_inc)
    reflected: dict[str, NDArray[np.float64]] = {}
    transmitted: dict[str, NDArray[np.float64]] = {}
    for k, (side, mode, medium, q, c) in enumerate(labels):
        e = medium.rho * c**2 * np.real(q) * np.abs(amp[:, k]) ** 2 / flux_in
        e = np.where(grazing, 1.0 if (side == "r" and mode == incident) else 0.0, e)
        (reflected if side == "r" else transmitted)[mode] = e.reshape(shape)
    return AngularCoefficients(th.reshape(shape), reflected, transmitted)


def scalar_transmission(
    theta: ArrayLike, z1: float, c1: float, z2: float, c2: float, form: str = "z_over_cos"
) -> NDArray[np.float64]:
    """Scalar AMM transmission α(θ₁) with Snell's law sinθ₂ = (c₂/c₁) sinθ₁ (0 beyond the critical angle).

    ``form="z_over_cos"``: 4Z₁Z₂cosθ₁cosθ₂/(Z₁cosθ₂ + Z₂cosθ₁)²;
    ``form="z_cos"``:      4Z₁Z₂cosθ₁cosθ₂/(Z₁cosθ₁ + Z₂cosθ₂)².  (Approximations: see module doc.)

    Parameters
    ----------
    theta : array_like
        Angle of incidence in medium 1 [rad].
    z1, z2 : float
        Acoustic impedances ρc of the branch on each side [kg/(m² s)].
    c1, c2 : float
        Sound speeds of the branch on each side [m/s].
    form : {"z_over_cos", "z_cos"}
        Which effective impedance, Z/cosθ (exact for fluids) or Z cosθ (exact for SH waves).

    Returns
    -------
    ndarray
        Energy transmission coefficient α [-], shaped like ``theta``.

    References
    ----------
    Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989).

    Examples
    --------
    At normal incidence both forms give 4Z₁Z₂/(Z₁+Z₂)²:

    >>> float(scalar_transmission(0.0, 1.0, 1.0, 4.0, 1.0))
    0.64
    """
    th = np.asarray(theta, dtype=float)
    s2 = (c2 / c1) * np.sin(th)
    ok = s2 < 1.0
    cos1 = np.cos(th)
    cos2 = np.sqrt(np.clip(1.0 - s2**2, 0.0, None))
    if form == "z_over_cos":
        den = (z1 * cos2 + z2 * cos1) ** 2
    elif form == "z_cos":
        den = (z1 * cos1 + z2 * cos2) ** 2
    else:
        raise InputError("form", form, "'z_over_cos' or 'z_cos'")
    with np.errstate(invalid="ignore", divide="ignore"):
        alpha = np.where(ok & (den > 0), 4.0 * z1 * z2 * cos1 * cos2 / np.where(den > 0, den, 1.0), 0.0)
    return alpha


def amm_transmission(
    mat1: object, mat2: object, theta: ArrayLike, branch: str = "L", *, model: str = "full",
    registry: object = None,
) -> NDArray[np.float64]:
    """Total energy transmission α(θ) of a ``branch`` ("L", "SV", "SH") phonon from medium 1 to 2.

    Parameters
    ----------
    mat1, mat2 : str or AcousticMedium or Material
        The incident and the receiving medium (registry names or acoustic media).
    theta : array_like
        Angle of incidence [rad].
    branch : {"L", "SV", "SH"}
        Polarisation of the incident phonon.
    model : {"full", "scalar_z_over_cos", "scalar_z_cos"}
        The full elastic model or one of the scalar approximations (see the module docstring).
    registry : MaterialRegistry, optional
        Where material names are looked up.

    Returns
    -------
    ndarray
        Transmission α summed over the transmitted modes [-].

    References
    ----------
    Cheeke, Ettinger & Hebral, Can. J. Phys. 54, 1749 (1976); Swartz & Pohl, Rev. Mod. Phys. 61, 605
    (1989).

    Examples
    --------
    >>> float(amm_transmission("aluminium", "sapphire", 0.0).round(4))
    0.8177
    """
    if model not in AMM_MODELS:
        raise InputError("model", model, ", ".join(AMM_MODELS))
    m1, m2 = acoustic_medium(mat1, registry=registry), acoustic_medium(mat2, registry=registry)
    if model == "full":
        return elastic_coefficients(m1, m2, theta, branch).transmission
    if branch not in ("L", "SV", "SH"):
        raise InputError("branch", branch, "'L', 'SV' or 'SH'")
    if branch == "L":
        c1, c2 = m1.c_L, m2.c_L
    else:
        if m2.is_liquid:
            return np.zeros_like(np.asarray(theta, dtype=float))
        c1, c2 = m1.c_T, m2.c_T
    return scalar_transmission(theta, m1.rho * c1, c1, m2.rho * c2, c2, model.removeprefix("scalar_"))


def _angle_average(fn, c_inc: float, speeds: list[float]) -> float:
    """Γ = ∫₀¹ α(u) du, u = sin²θ, split at the critical points u_c = (c_inc/c)² < 1."""
    crit = sorted({(c_inc / c) ** 2 for c in speeds if c > c_inc})
    edges = np.array([0.0, *[u for u in crit if 0.0 < u < 1.0], 1.0])
    x, w = gauss_legendre(N_ANGLE)
    a, b = edges[:-1, None], edges[1:, None]
    u = (a + (b - a) * x).reshape(-1)
    wt = ((b - a) * w).reshape(-1)
    theta = np.arcsin(np.sqrt(np.clip(u, 0.0, 1.0)))
    return float(np.sum(fn(theta) * wt))


def amm_gammas(
    mat1: object, mat2: object, *, model: str = "full", registry: object = None
) -> dict[str, float]:
    """Hemispherical transmissions Γ_j = ∫₀^{π/2} α_j 2cosθ sinθ dθ of medium 1's branches (L, SV, SH).

    Parameters
    ----------
    mat1, mat2 : str or AcousticMedium or Material
        The emitting and the receiving medium.
    model : {"full", "scalar_z_over_cos", "scalar_z_cos"}
        Transmission model.
    registry : MaterialRegistry, optional
        Where material names are looked up.

    Returns
    -------
    dict of str to float
        Γ per branch of medium 1 [-] (only "L" for a liquid).

    References
    ----------
    Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989).

    Examples
    --------
    >>> g = amm_gammas("aluminium", "sapphire")
    >>> {k: round(v, 4) for k, v in g.items()}
    {'L': 0.4878, 'SV': 0.1373, 'SH': 0.192}
    """
    m1, m2 = acoustic_medium(mat1, registry=registry), acoustic_medium(mat2, registry=registry)
    speeds = [m1.c_L, m1.c_T, m2.c_L, m2.c_T]
    speeds = [c for c in speeds if c > 0]
    out = {}
    for br in ("L",) if m1.is_liquid else ("L", "SV", "SH"):
        c_inc = m1.c_L if br == "L" else m1.c_T
        out[br] = _angle_average(
            lambda th, br=br: amm_transmission(m1, m2, th, br, model=model), c_inc, speeds)
    return out


def amm_rt3(mat1: object, mat2: object, *, model: str = "full", registry: object = None) -> float:
    """Low-temperature AMM R·T³, T ≪ Θ_D: 30ħ³/(π²k_B⁴ Σ_j Γ_j c_1j⁻²).

    Parameters
    ----------
    mat1, mat2 : str or AcousticMedium or Material
        The two media (Γ_j and c_1j are those of medium 1's branches).
    model : {"full", "scalar_z_over_cos", "scalar_z_cos"}
        Transmission model.
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
    >>> round(amm_rt3("aluminium", "sapphire") * 1e4, 2)  # K⁴ cm²/W
    20.67
    """
    m1 = acoustic_medium(mat1, registry=registry)
    g = amm_gammas(m1, mat2, model=model, registry=registry)
    speeds = [m1.c_L if k == "L" else m1.c_T for k in g]
    return rt3_constant(list(g.values()), speeds)


def amm_conductance(
    mat1: object,
    mat2: object,
    T: ArrayLike,
    *,
    model: str = "full",
    cutoff: str = "branch",
    convention: str = "emitted",
    side: int | str = "soft",
    registry: object = None,
) -> NDArray[np.float64] | float:
    """AMM thermal boundary conductance h(T) of the interface mat1 | mat2.

    h = ¼ Σ_j Γ_j ∫ ħω D_j v_j ∂n/∂T dω over the Debye branches of the emitting side,
    Γ_j from :func:`amm_gammas` (full elastic model by default). Low T: h = π²k_B⁴T³/(30ħ³) Σ_j Γ_j/c_j².
    Valid for perfect, specular interfaces, T well below the melting points; at T ≳ Θ_D/4 the continuum
    α and the Debye DOS are crude (Swartz & Pohl 1989).

    Parameters
    ----------
    mat1, mat2 : str or AcousticMedium or Material
        Registry names or objects with density/rho [kg/m³], c_L, c_T [m/s] (see ``acoustic_medium``).
    T : array_like
        Temperature [K], > 0.
    model : {"full", "scalar_z_over_cos", "scalar_z_cos"}
        Transmission model.
    cutoff : {"branch", "common", "none"}
        Debye cutoff convention.
    convention : {"emitted", "equilibrium"}
        Phonon temperature convention (see :mod:`tcrlab.kapitza.landauer`).
    side : {1, 2, "soft"}
        Whose phonons are counted; ``"soft"`` (default) takes the medium with the lower highest phonon
        cutoff, so h₁₂ = h₂₁ by construction.
    registry : MaterialRegistry, optional
        Where material names are looked up.

    Returns
    -------
    float or ndarray
        Conductance h [W/(m² K)]; a float for scalar ``T``.

    References
    ----------
    Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989); Cheeke, Ettinger & Hebral, Can. J. Phys. 54, 1749
    (1976).

    Examples
    --------
    >>> h = amm_conductance("aluminium", "sapphire", 300.0)
    >>> f"{h:.3g} W/(m² K)"
    '8.12e+08 W/(m² K)'
    """
    t = check_temperature(T)
    if side not in (1, 2, "soft"):
        raise InputError("side", side, "1, 2 or 'soft' (the medium whose phonons are counted)")
    m1, m2 = acoustic_medium(mat1, registry=registry), acoustic_medium(mat2, registry=registry)
    if side == "soft":  # lower highest cutoff; ties broken by the slower sound speeds (larger Σc⁻²)
        def key(m: AcousticMedium) -> tuple[float, float]:
            brs = debye_branches(m, cutoff)
            return float(f"{max(b.omega_cut for b in brs):.9e}"), -sum(b.c**-2 for b in brs)

        side = 2 if key(m2) < key(m1) else 1
    warn_missing_cutoff((m1, m2), t, cutoff)
    src, dst = (m1, m2) if side == 1 else (m2, m1)
    g = amm_gammas(src, dst, model=model)
    branches = debye_branches(src, cutoff)
    top_dst = max(b.omega_cut for b in debye_branches(dst, cutoff))
    h = debye_branch_conductance(t, branches, [g[b.kind] for b in branches], omega_limit=top_dst)
    if convention != "emitted":
        h1 = debye_branch_conductance(t, debye_branches(m1, cutoff))
        h2 = debye_branch_conductance(t, debye_branches(m2, cutoff))
        h = apply_temperature_convention(h, h1, h2, convention)
    return float(h) if np.ndim(T) == 0 else h


def khalatnikov_conductance(
    solid: object, T: ArrayLike, *, helium: AcousticMedium = HELIUM_II, registry: object = None
) -> NDArray[np.float64] | float:
    """Kapitza conductance solid | liquid He II by the acoustic mismatch model (Khalatnikov 1952).

    Phonons from the helium side (one longitudinal branch, ρ_He = 145.1 kg/m³, c_He = 238.3 m/s) hit the
    solid; Γ_He from the full elastic boundary conditions with a slipping liquid. T³ law
    h = π²k_B⁴T³ Γ_He / (30ħ³ c_He²); valid T ≲ 2 K (He II phonons, Swartz & Pohl 1989).
    Measured Cu–He II conductances exceed this by one to two orders of magnitude (the "Kapitza anomaly").

    Parameters
    ----------
    solid : str or AcousticMedium or Material
        The solid (registry name or acoustic medium).
    T : array_like
        Temperature [K], > 0.
    helium : AcousticMedium
        The liquid (He II by default).
    registry : MaterialRegistry, optional
        Where material names are looked up.

    Returns
    -------
    float or ndarray
        Conductance h [W/(m² K)]; a float for scalar ``T``.

    References
    ----------
    Khalatnikov, Zh. Eksp. Teor. Fiz. 22, 687 (1952); Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989).

    Examples
    --------
    >>> round(khalatnikov_conductance("copper", 1.0), 2)  # W/(m² K) at 1 K
    7.4
    """
    t = check_temperature(T)
    h = amm_conductance(helium, solid, t, model="full", cutoff="none", side=1, registry=registry)
    return float(h) if np.ndim(T) == 0 else h
