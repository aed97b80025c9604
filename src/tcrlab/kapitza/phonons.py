"""Phonon inputs of the boundary-resistance models: densities, sound speeds, Debye cutoffs, DOS.

A medium is described by :class:`AcousticMedium` (SI): density ρ, longitudinal and transverse sound speeds
c_L, c_T (c_T = 0 for a liquid such as He II, which carries only longitudinal phonons) and optionally a
Debye temperature Θ_D that sets the frequency cutoffs. :func:`acoustic_medium` builds one from a registry
name, a :class:`tcrlab.materials.Material`, or any object with ``rho``/``density``, ``c_L``/
``sound_speed_longitudinal``, ``c_T``/``sound_speed_transverse`` attributes.

Branches and cutoffs (isotropic Debye model, Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989)):

* each acoustic branch j (one longitudinal, two transverse) has ω = c_j k and, per unit volume,
  D_j(ω) = ω² / (2π² c_j³) for ω < ω_c,j;
* cutoff convention ``"branch"`` (default): all branches share the Debye wave-vector k_D = ω_D / c_D,
  with ω_D = k_B Θ_D / ħ and the Debye mean speed 3/c_D³ = 1/c_L³ + 2/c_T³, so ω_c,j = c_j k_D
  (each branch fills the same Brillouin-zone sphere);
* cutoff convention ``"common"``: every branch is cut at the same frequency ω_D = k_B Θ_D / ħ;
* without Θ_D the branches are not cut (pure Debye T³ law, correct only for T ≪ Θ_D).

Room-temperature predictions depend strongly on this choice (up to ~20× for Pb/diamond, docs/kapitza.md);
it is therefore an explicit argument everywhere.

A user-supplied phonon spectrum (:class:`PhononSpectrum`: per-branch D_j(ω) and group velocity v_j(ω) on a
frequency grid, e.g. exported from a lattice-dynamics code) replaces the Debye model in the DMM.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.errors import InputError

__all__ = [
    "CUTOFF_CONVENTIONS",
    "HBAR",
    "HELIUM_II",
    "H_PLANCK",
    "K_B",
    "AcousticMedium",
    "Branch",
    "PhononSpectrum",
    "acoustic_medium",
    "debye_branches",
]

# CODATA 2018 exact values
H_PLANCK = 6.62607015e-34  # J s
HBAR = H_PLANCK / (2.0 * np.pi)  # J s
K_B = 1.380649e-23  # J/K

CUTOFF_CONVENTIONS = ("branch", "common", "none")


@dataclass(frozen=True)
class AcousticMedium:
    """An isotropic elastic medium; ``c_T = 0`` marks a liquid (no shear waves).

    Attributes
    ----------
    name : str
        Label used in messages.
    rho : float
        Density [kg/m³].
    c_L, c_T : float
        Longitudinal and transverse sound speeds [m/s].
    debye_temperature : float or None
        Debye temperature Θ_D [K]; None leaves the spectrum uncut.
    sources : dict of str to str
        Where each property comes from.
    """

    name: str
    rho: float
    c_L: float
    c_T: float
    debye_temperature: float | None = None
    sources: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def is_liquid(self) -> bool:
        return self.c_T == 0.0

    @property
    def lame_mu(self) -> float:
        return self.rho * self.c_T**2

    @property
    def lame_lambda(self) -> float:
        return self.rho * (self.c_L**2 - 2.0 * self.c_T**2)

    def impedance(self, branch: str = "L") -> float:
        """Acoustic impedance Z = ρ c of the ``"L"`` or ``"T"`` branch (kg m⁻² s⁻¹)."""
        return self.rho * (self.c_L if branch == "L" else self.c_T)

    def debye_speed(self) -> float:
        """Debye mean sound speed c_D from 3/c_D³ = Σ_j 1/c_j³ (liquid: c_L)."""
        if self.is_liquid:
            return self.c_L
        return float((3.0 / (self.c_L**-3 + 2.0 * self.c_T**-3)) ** (1.0 / 3.0))


@dataclass(frozen=True)
class Branch:
    """One acoustic branch in the Debye model.

    Attributes
    ----------
    kind : {"L", "SV", "SH"}
        Polarisation.
    c : float
        Sound speed [m/s].
    omega_cut : float
        Cutoff angular frequency [rad/s]; inf if not cut.
    """

    kind: str  # "L", "SV" or "SH"
    c: float
    omega_cut: float


def _attr(obj: Any, names: Sequence[str]) -> Any:
    for n in names:
        value = getattr(obj, n, None)
        if value is not None:
            return value
    return None


def _scalar(field_name: str, value: Any, *, allow_zero: bool = False) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise InputError(field_name, value, "a real number") from None
    ok = (v >= 0.0 if allow_zero else v > 0.0) and np.isfinite(v)
    if not ok:
        valid = "a finite number >= 0 (0 for a liquid)" if allow_zero else "a finite number > 0"
        raise InputError(field_name, value, valid)
    return v


def acoustic_medium(material: Any, *, registry: Any = None) -> AcousticMedium:
    """Resolve ``material`` to an :class:`AcousticMedium`.

    Parameters
    ----------
    material : str or AcousticMedium or Material or object
        A registry name (looked up in ``registry`` or the packaged registry), an
        :class:`AcousticMedium`, a :class:`~tcrlab.materials.Material` (fields ``density`` [kg/m³],
        ``sound_speed_longitudinal``, ``sound_speed_transverse`` [m/s], ``debye_temperature`` [K]) or any
        object with ``rho``/``density``, ``c_L``, ``c_T`` (and optionally ``debye_temperature``/``theta_D``).
    registry : MaterialRegistry, optional
        Where names are looked up.

    Returns
    -------
    AcousticMedium
        The medium in SI units.

    Raises
    ------
    InputError
        For missing or non-physical values, naming the material and the property.

    Examples
    --------
    >>> m = acoustic_medium("copper")
    >>> m.rho, m.c_L, m.c_T, m.debye_temperature
    (8933.0, 4760.0, 2325.0, 343.0)
    """
    if isinstance(material, AcousticMedium):
        return material
    if isinstance(material, str):
        if registry is None:
            from tcrlab.materials import get_material

            material = get_material(material)
        else:
            material = registry.get_material(material)
    name = str(_attr(material, ("key", "name")) or type(material).__name__)
    rho = _attr(material, ("rho", "density"))
    c_l = _attr(material, ("c_L", "sound_speed_longitudinal", "c_l"))
    c_t = _attr(material, ("c_T", "sound_speed_transverse", "c_t"))
    theta = _attr(material, ("debye_temperature", "theta_D", "theta_d"))
    missing = [n for n, v in (("density", rho), ("sound_speed_longitudinal", c_l),
                              ("sound_speed_transverse", c_t)) if v is None]
    if missing:
        raise InputError(
            f"{name}.{missing[0]}",
            None,
            "a material with density, sound_speed_longitudinal and sound_speed_transverse "
            "(or rho, c_L, c_T); add them in a [materials] table or a user materials file",
            problem="missing, needed by the Kapitza models",
        )
    rho_v = _scalar(f"{name}.density", rho)
    c_l_v = _scalar(f"{name}.sound_speed_longitudinal", c_l)
    c_t_v = _scalar(f"{name}.sound_speed_transverse", c_t, allow_zero=True)
    if c_t_v > 0 and c_l_v**2 <= 4.0 / 3.0 * c_t_v**2:
        raise InputError(
            f"{name}.sound_speed_transverse", c_t_v,
            f"c_T < c_L·√(3/4) = {c_l_v * np.sqrt(0.75):.4g} m/s (positive bulk modulus)",
            problem="elastically unstable medium",
        )
    theta_v = None if theta is None else _scalar(f"{name}.debye_temperature", theta)
    sources = dict(getattr(material, "sources", {}) or {})
    return AcousticMedium(name, rho_v, c_l_v, c_t_v, theta_v, sources)


def debye_branches(medium: AcousticMedium, cutoff: str = "branch") -> list[Branch]:
    """The acoustic branches of ``medium`` with their Debye cutoffs (see the module docstring).

    A liquid has one longitudinal branch; a solid has L, SV and SH (the two transverse branches share c_T).

    Parameters
    ----------
    medium : AcousticMedium
        The medium.
    cutoff : {"branch", "common", "none"}
        ``"branch"``: one Debye wavenumber for all branches (ω_c,j = c_j k_D); ``"common"``: one
        cutoff frequency k_BΘ_D/ħ; ``"none"``: no cutoff.

    Returns
    -------
    list of Branch
        Branch speeds [m/s] and cutoffs [rad/s].

    References
    ----------
    Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989).

    Examples
    --------
    >>> [(b.kind, b.c, f"{b.omega_cut:.3g}") for b in debye_branches(acoustic_medium("copper"))]
    [('L', 4760.0, '8.18e+13'), ('SV', 2325.0, '4e+13'), ('SH', 2325.0, '4e+13')]
    """
    if cutoff not in CUTOFF_CONVENTIONS:
        raise InputError("cutoff", cutoff, " or ".join(repr(c) for c in CUTOFF_CONVENTIONS))
    kinds = [("L", medium.c_L)] if medium.is_liquid else [
        ("L", medium.c_L), ("SV", medium.c_T), ("SH", medium.c_T)]
    if cutoff == "none" or medium.debye_temperature is None:
        return [Branch(k, c, np.inf) for k, c in kinds]
    omega_d = K_B * medium.debye_temperature / HBAR
    if cutoff == "common":
        return [Branch(k, c, omega_d) for k, c in kinds]
    k_d = omega_d / medium.debye_speed()
    return [Branch(k, c, c * k_d) for k, c in kinds]


@dataclass(frozen=True)
class PhononSpectrum:
    """A supplied phonon spectrum on a common increasing frequency grid (zero outside the grid).

    Only the product Σ_j D_j v_j enters the DMM (the number of states crossing unit area per unit time).

    Attributes
    ----------
    omega : ndarray
        Increasing angular-frequency grid [rad/s].
    dos : ndarray
        Per-branch density of states D_j(ω), shape (n_branches, n_omega) [states/(m³ rad/s)].
    group_velocity : ndarray
        Per-branch group velocity v_j(ω), same shape [m/s].
    name : str
        Label used in messages.
    """

    omega: NDArray[np.float64]
    dos: NDArray[np.float64]  # shape (n_branches, n_omega)
    group_velocity: NDArray[np.float64]  # shape (n_branches, n_omega)
    name: str = "supplied spectrum"

    @classmethod
    def from_arrays(cls, omega: ArrayLike, dos: ArrayLike, group_velocity: ArrayLike,
                    name: str = "supplied spectrum") -> PhononSpectrum:
        w = np.asarray(omega, dtype=float)
        d = np.atleast_2d(np.asarray(dos, dtype=float))
        v = np.atleast_2d(np.asarray(group_velocity, dtype=float))
        if w.ndim != 1 or w.size < 2 or np.any(np.diff(w) <= 0) or w[0] < 0:
            raise InputError("spectrum.omega", omega, "an increasing 1-D grid of frequencies >= 0 (rad/s)")
        if d.shape != v.shape or d.shape[1] != w.size:
            raise InputError("spectrum.dos", d.shape,
                             f"arrays of shape (n_branches, {w.size}) for both dos and group_velocity")
        if not (np.all(np.isfinite(d)) and np.all(d >= 0) and np.all(np.isfinite(v)) and np.all(v >= 0)):
            raise InputError("spectrum.dos", "…", "finite, non-negative DOS and group velocities")
        return cls(w, d, v, name)

    @classmethod
    def debye(cls, medium: AcousticMedium, cutoff: str = "branch", n: int = 2000) -> PhononSpectrum:
        """The Debye spectrum of ``medium`` tabulated (for tests and for mixing with supplied spectra)."""
        branches = debye_branches(medium, cutoff)
        top = max(b.omega_cut for b in branches)
        if not np.isfinite(top):
            raise InputError(f"{medium.name}.debye_temperature", None, "a Debye temperature",
                             problem="needed to tabulate a Debye spectrum")
        w = np.linspace(0.0, top, n)
        dos = np.array([np.where(w <= b.omega_cut, w**2 / (2 * np.pi**2 * b.c**3), 0.0) for b in branches])
        vel = np.array([np.where(w <= b.omega_cut, b.c, 0.0) for b in branches])
        return cls(w, dos, vel, f"Debye({medium.name})")

    def flux_states(self, omega: ArrayLike) -> NDArray[np.float64]:
        """M(ω) = Σ_j D_j(ω) v_j(ω), linearly interpolated, 0 outside the grid."""
        m = np.sum(self.dos * self.group_velocity, axis=0)
        return np.interp(omega, self.omega, m, left=0.0, right=0.0)

    @property
    def omega_max(self) -> float:
        return float(self.omega[-1])


# Liquid He-4 (He II) at saturated vapour pressure, T → 0: ρ = 145.1 kg/m³, first-sound speed 238.3 m/s
# (Donnelly & Barenghi, J. Phys. Chem. Ref. Data 27, 1217 (1998)). Used by the Khalatnikov model.
HELIUM_II = AcousticMedium(
    "He II", 145.1, 238.3, 0.0, None,
    {"*": "Donnelly & Barenghi, J. Phys. Chem. Ref. Data 27, 1217 (1998), T -> 0 at SVP"},
)
