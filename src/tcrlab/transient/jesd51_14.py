"""Transient dual interface evaluation of the junction-to-case resistance (the JESD51-14 method).

Two heating curves of the same device are recorded with different case-to-sink contacts (dry, and with
thermal paste or a thin foil). Heat flows through the identical junction-to-case part of the path first,
so the curves coincide until the heat front reaches the case surface and then separate; the resistance
where they part is R_thJC. Two evaluations are implemented:

1. **Zth method** — the separation time t_s is the first time from which the difference
   δ(t) = |Zth_a(t) − Zth_b(t)| stays above a threshold ε(t); R_thJC = Zth(t_s).
2. **Structure-function method** — both curves are turned into cumulative structure functions
   (:func:`~tcrlab.transient.identification.identify_network`); they coincide along the package and part
   at the case surface. R_thJC is the cumulative resistance from which R_Σ,a(C) and R_Σ,b(C) (compared at
   equal cumulative capacitance C) stay apart by more than ε_R.

Both curves first get the √t early-time correction: the first microseconds of a measured junction
transient are spoiled by the electrical switching, while the surface-heated die behaves as a semi-infinite
body, Zth = a + b√t with b = 2/(A√(π kρc)) (Carslaw & Jaeger 1959 §2.9, surface flux into a half-space);
a straight-line fit of Zth against √t over an early window gives the offset a, which is removed, and the
samples before the window are replaced by b√t.

The difference of the two interface (TIM) resistances is the shift between the structure functions past the
case, read at the largest cumulative capacitance both reach (R_Σ,a − R_Σ,b there), and, for a common sink,
the difference of the final Zth values.

The standard's own text (its threshold constants and fitting windows) was not available: the thresholds
here are this implementation's choices, ε(t) = max(4σ_δ, 0.01·Zth(t)) with σ_δ the noise of δ estimated
from the curves, and ε_R = 0.01 R_Σ; both can be set. The method follows the publications of its authors.

References
----------
JEDEC JESD51-14, *Transient Dual Interface Test Method for the Measurement of the Thermal Resistance
Junction-to-Case of Semiconductor Devices with Heat Flow through a Single Path* (November 2010).
D. Schweitzer, H. Pape and L. Chen, "Transient measurement of the junction-to-case thermal resistance using
structure functions: chances and limits", Proc. 24th IEEE SEMI-THERM, 191–197 (2008). D. Schweitzer,
H. Pape, L. Chen, R. Kutscherauer and M. Walder, "Transient dual interface measurement — a new JEDEC
standard for the measurement of the junction-to-case thermal resistance", Proc. 27th IEEE SEMI-THERM,
222–229 (2011). H. S. Carslaw and J. C. Jaeger, *Conduction of Heat in Solids*, 2nd ed. (1959), §2.9.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.errors import InputError
from tcrlab.transient.curves import check_zth_curve, noise_estimate
from tcrlab.transient.identification import NetworkIdentification, identify_network

__all__ = ["DualInterfaceResult", "SqrtTFit", "dual_interface", "sqrt_t_correction"]

Array = NDArray[np.float64]

RELATIVE_THRESHOLD = 0.01  # ε as a fraction of Zth (and ε_R of R_Σ): the curves differ by > 1 %
NOISE_THRESHOLD = 4.0  # ε ≥ 4σ of the difference: noise alone crosses it once in ~3e4 samples


@dataclass(frozen=True)
class SqrtTFit:
    """Zth ≈ offset + slope·√t over ``window`` [s]; ``zth`` is the corrected curve [K/W].

    Attributes
    ----------
    offset : float
        Zth offset at t = 0 [K/W].
    slope : float
        Slope against √t [K/(W·√s)].
    window : tuple of float
        Fit window [s].
    rms : float
        Fit residual [K/W].
    zth : ndarray
        The corrected curve [K/W].
    """

    offset: float  # K/W
    slope: float  # K/(W·√s)
    window: tuple[float, float]
    rms: float  # fit residual [K/W]
    zth: Array

    def effusivity_area(self) -> float:
        """A·√(kρc) [W·√s/K] implied by the slope (semi-infinite surface heating: slope = 2/(A√(π kρc)))."""
        return 2.0 / (self.slope * np.sqrt(np.pi))


def sqrt_t_correction(t: ArrayLike, zth: ArrayLike, window: tuple[float, float], *, name: str = "zth") -> SqrtTFit:
    """The √t early-time correction of a junction heating curve.

    Parameters
    ----------
    t, zth : array_like
        Times [s] and Zth [K/W].
    window : (float, float)
        Early time window [s] in which the die still acts as a semi-infinite body (after the electrical
        disturbance, before the heat reaches the die attach); ≥ 3 samples.

    name : str
        How the curve is called in error messages.

    Returns
    -------
    SqrtTFit
        The corrected curve has Zth − offset from the window's start on and slope·√t before it.

    References
    ----------
    Carslaw & Jaeger (1959) §2.9; JESD51-14 (2010); Schweitzer et al. (2011).

    Examples
    --------
    >>> import numpy as np
    >>> t = np.logspace(-6, -3, 31)
    >>> fit = sqrt_t_correction(t, 0.02 + 5.0 * np.sqrt(t), (1e-5, 1e-4))
    >>> round(fit.offset, 6), round(fit.slope, 6)
    (0.02, 5.0)
    """
    curve = check_zth_curve(t, zth, name=name)
    lo, hi = float(window[0]), float(window[1])
    sel = (curve.t >= lo) & (curve.t <= hi)
    if not 0 < lo < hi or sel.sum() < 3:
        raise InputError("window", window, f"(start, end) in s holding ≥ 3 samples within {curve.t[0]:.3g} … "
                         f"{curve.t[-1]:.3g} s")
    x = np.sqrt(curve.t[sel])
    slope, offset = np.polyfit(x, curve.zth[sel], 1)
    if slope <= 0:
        raise InputError("window", window, "an early window where Zth rises as √t", problem="slope ≤ 0")
    rms = float(np.sqrt(np.mean((offset + slope * x - curve.zth[sel]) ** 2)))
    corrected = np.where(curve.t < lo, slope * np.sqrt(curve.t), curve.zth - offset)
    return SqrtTFit(float(offset), float(slope), (lo, hi), rms, corrected)


@dataclass(frozen=True)
class DualInterfaceResult:
    """R_thJC by both methods [K/W], the separation time [s], and the interface (TIM) difference [K/W].

    Attributes
    ----------
    rth_jc_zth : float
        R_thJC where the two Zth curves separate [K/W].
    separation_time : float
        Where they separate [s].
    rth_jc_structure : float
        R_thJC where the two structure functions separate [K/W].
    separation_capacitance : float
        Cumulative capacitance there [J/K].
    tim_difference_structure : float
        R_Σ,a − R_Σ,b at the largest common cumulative capacitance [K/W].
    tim_difference_total : float
        Zth_a − Zth_b at the last common time [K/W].
    t : ndarray
        Common times [s].
    delta : ndarray
        |Zth_a − Zth_b| on those times [K/W].
    epsilon : ndarray
        The separation threshold on those times [K/W].
    ident_a, ident_b : NetworkIdentification
        Identification of each curve.
    """

    rth_jc_zth: float
    separation_time: float
    rth_jc_structure: float
    separation_capacitance: float  # J/K
    tim_difference_structure: float  # K/W: R_Σ,a − R_Σ,b at the largest common cumulative capacitance
    tim_difference_total: float  # K/W: Zth_a − Zth_b at the last common time
    t: Array
    delta: Array
    epsilon: Array
    ident_a: NetworkIdentification
    ident_b: NetworkIdentification

    def to_dict(self) -> dict[str, Any]:
        return {
            "R_thJC_zth_method_K_per_W": self.rth_jc_zth, "separation_time_s": self.separation_time,
            "R_thJC_structure_function_method_K_per_W": self.rth_jc_structure,
            "separation_capacitance_J_per_K": self.separation_capacitance,
            "interface_difference_structure_K_per_W": self.tim_difference_structure,
            "interface_difference_final_K_per_W": self.tim_difference_total,
        }


def _first_persistent(exceeds: NDArray[np.bool_]) -> int | None:
    """First index from which ``exceeds`` holds to the end (None if it does not hold at the end)."""
    if exceeds.size == 0 or not exceeds[-1]:
        return None
    below = np.flatnonzero(~exceeds)
    return int(below[-1]) + 1 if below.size else 0


def dual_interface(t_a: ArrayLike, zth_a: ArrayLike, t_b: ArrayLike, zth_b: ArrayLike, *,
                   sqrt_window: tuple[float, float] | None = None, epsilon: float | None = None,
                   epsilon_r: float | None = None, per_decade: int = 10) -> DualInterfaceResult:
    """JESD51-14 evaluation of two heating curves with different case contacts.

    Parameters
    ----------
    t_a, zth_a : array_like
        First curve (e.g. dry contact): times [s], Zth [K/W].
    t_b, zth_b : array_like
        Second curve (e.g. with paste).
    sqrt_window : (float, float), optional
        Window [s] of the √t early-time correction applied to both curves (none by default).
    epsilon : float, optional
        Fixed threshold [K/W] of the Zth method (default max(4σ_δ, 0.01·Zth)).
    epsilon_r : float, optional
        Fixed threshold [K/W] of the structure-function method (default 0.01·R_Σ).
    per_decade : int
        Spectrum resolution of the network identification.

    Returns
    -------
    DualInterfaceResult

    Raises
    ------
    InputError
        When the curves never separate (or separate only at the last samples), or do not overlap in time.

    References
    ----------
    JESD51-14 (2010); Schweitzer et al. (2008, 2011).
    """
    ca = check_zth_curve(t_a, zth_a, name="curve a")
    cb = check_zth_curve(t_b, zth_b, name="curve b")
    za, zb = ca.zth, cb.zth
    if sqrt_window is not None:
        za = sqrt_t_correction(ca.t, za, sqrt_window, name="curve a").zth
        zb = sqrt_t_correction(cb.t, zb, sqrt_window, name="curve b").zth
    lo, hi = max(ca.t[0], cb.t[0]), min(ca.t[-1], cb.t[-1])
    sel = (ca.t >= lo) & (ca.t <= hi)
    if sel.sum() < 10:
        raise InputError("curve b", f"{cb.t[0]:.3g} … {cb.t[-1]:.3g} s",
                         f"a time range overlapping curve a's ({ca.t[0]:.3g} … {ca.t[-1]:.3g} s)")
    t = ca.t[sel]
    z1 = za[sel]
    z2 = np.interp(np.log(t), np.log(cb.t), zb)
    delta = np.abs(z1 - z2)
    sigma = float(np.hypot(noise_estimate(ca), noise_estimate(cb)))
    eps = np.full(t.shape, float(epsilon)) if epsilon is not None else \
        np.maximum(NOISE_THRESHOLD * sigma, RELATIVE_THRESHOLD * 0.5 * (z1 + z2))
    i = _first_persistent(delta > eps)
    if i is None or i >= t.size - 3:
        raise InputError("dual curves", f"max |ΔZth| = {delta.max():.3g} K/W",
                         "two curves that part (by more than the threshold ε, here "
                         f"{float(np.median(eps)):.3g} K/W) well before their last samples",
                         problem="the curves never separate")
    rth_zth = float(0.5 * (z1[i] + z2[i]))
    ident_a = identify_network(ca.t, za, per_decade=per_decade, name="curve a")
    ident_b = identify_network(cb.t, zb, per_decade=per_decade, name="curve b")
    sa, sb = ident_a.structure, ident_b.structure
    c_lo = max(sa.C_cum[0], sb.C_cum[0])
    c_hi = min(sa.C_cum[-1], sb.C_cum[-1])
    c_grid = np.logspace(np.log10(c_lo), np.log10(c_hi), 400)
    ra, rb = sa.resistance_at(c_grid), sb.resistance_at(c_grid)
    d_r = np.abs(ra - rb)
    eps_r = np.full(c_grid.shape, float(epsilon_r)) if epsilon_r is not None else RELATIVE_THRESHOLD * 0.5 * (ra + rb)
    j = _first_persistent(d_r > eps_r)
    if j is None or j >= c_grid.size - 3:
        raise InputError("dual curves", f"max ΔR_Σ = {d_r.max():.3g} K/W",
                         "structure functions that part before their ends", problem="the structure functions never separate")
    return DualInterfaceResult(
        rth_jc_zth=rth_zth, separation_time=float(t[i]),
        rth_jc_structure=float(0.5 * (ra[j] + rb[j])), separation_capacitance=float(c_grid[j]),
        tim_difference_structure=float(ra[-1] - rb[-1]),
        tim_difference_total=float(z1[-1] - z2[-1]),
        t=t, delta=delta, epsilon=eps, ident_a=ident_a, ident_b=ident_b,
    )
