"""Half-space influence kernels and the fused (numba) element-wise passes of the contact solver.

The module is longer than most on purpose: each pass has a serial numba loop and a two-thread
wrapper sharing one calling convention, and keeping them side by side is how a change to one is
carried to the others.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numba
import numpy as np
from numpy.typing import NDArray

from tcrlab.contact._threads import add_parts, run_split

# ----------------------------------------------------------------------------------------------
# kernels
# ----------------------------------------------------------------------------------------------


def wavevector_norm(shape: tuple[int, int], size: tuple[float, float]) -> NDArray[np.float64]:
    """|q| (rad/m) on the rfft2 half spectrum of a periodic grid ``shape`` over ``size``.

    Parameters
    ----------
    shape : tuple of int
        Grid points (nx, ny).
    size : tuple of float
        Physical size (Lx, Ly) [m].

    Returns
    -------
    ndarray
        |q| [rad/m], shape (nx, ny // 2 + 1).
    """
    nx, ny = shape
    qx = 2 * np.pi * np.fft.fftfreq(nx, d=size[0] / nx)
    qy = 2 * np.pi * np.fft.rfftfreq(ny, d=size[1] / ny)
    return np.sqrt(qx[:, None] ** 2 + qy[None, :] ** 2)


def periodic_kernel(shape: tuple[int, int], size: tuple[float, float], modulus: float) -> NDArray:
    """Multiplier 2/(E'|q|) of the periodic elastic half-space (mean mode dropped), divided by N.

    Surface displacement of a half-space with contact modulus E' under a periodic pressure:
    u(q) = 2 p(q) / (E'|q|) (Johnson, *Contact Mechanics*, CUP 1985, §3; Stanley & Kato,
    J. Tribol. 119 (1997) 481). The q = 0 term (rigid-body mean) is set to zero.

    Parameters
    ----------
    shape : tuple of int
        Grid points (nx, ny).
    size : tuple of float
        Physical size (Lx, Ly) [m].
    modulus : float
        Contact modulus E' [Pa] (the solver passes 1: it works in units of E').

    Returns
    -------
    ndarray
        The multiplier on the rfft2 half spectrum [m/Pa per point].

    References
    ----------
    Johnson (1985) *Contact Mechanics*, CUP, §3.
    Stanley & Kato (1997) J. Tribol. 119, 481.
    """
    q = wavevector_norm(shape, size)
    with np.errstate(divide="ignore"):
        k = 2.0 / (modulus * q)
    k[0, 0] = 0.0
    return k / (shape[0] * shape[1])


def _corner(x: NDArray, y: NDArray) -> NDArray:
    """F(x, y) = x asinh(y/|x|) + y asinh(x/|y|): ∂²F/∂x∂y = 1/√(x²+y²) (x, y ≠ 0; 0 on axes)."""
    ax, ay = np.abs(x), np.abs(y)
    with np.errstate(divide="ignore", invalid="ignore"):
        a = np.where(ax > 0, x * np.arcsinh(y / np.where(ax > 0, ax, 1.0)), 0.0)
        b = np.where(ay > 0, y * np.arcsinh(x / np.where(ay > 0, ay, 1.0)), 0.0)
    return a + b


def freespace_kernel(shape: tuple[int, int], size: tuple[float, float], modulus: float) -> NDArray:
    """rfft2 multiplier (÷N) of the free-space half-space on the zero-padded (2nx, 2ny) grid.

    Influence coefficient = displacement at a pixel centre from a unit uniform pressure on a
    rectangular pixel (Love 1929; Johnson 1985 eq. 3.25): (1/(πE')) ∬ dA/r, evaluated in closed form.
    Zero-padding to twice the size makes the circular convolution equal the linear one
    (Liu, Wang & Liu, Wear 243 (2000) 101).

    Parameters
    ----------
    shape : tuple of int
        Grid points (nx, ny).
    size : tuple of float
        Physical size (Lx, Ly) [m].
    modulus : float
        Contact modulus E' [Pa] (the solver passes 1: it works in units of E').

    Returns
    -------
    ndarray
        The multiplier on the rfft2 half spectrum of the (2nx, 2ny) grid [m/Pa per point].

    References
    ----------
    Love (1929), the uniformly loaded rectangle on a half-space.
    Johnson (1985) *Contact Mechanics*, CUP, eq. 3.25.
    Liu, Wang & Liu (2000) Wear 243, 101.
    """
    nx, ny = shape
    dx, dy = size[0] / nx, size[1] / ny
    i = np.arange(2 * nx)
    j = np.arange(2 * ny)
    x = np.where(i <= nx, i, i - 2 * nx) * dx
    y = np.where(j <= ny, j, j - 2 * ny) * dy
    X, Y = x[:, None], y[None, :]
    a, b = dx / 2, dy / 2
    infl = (
        _corner(X + a, Y + b) - _corner(X + a, Y - b) - _corner(X - a, Y + b) + _corner(X - a, Y - b)
    ) / (np.pi * modulus)
    return np.fft.rfft2(infl).real / (4 * nx * ny)


# ----------------------------------------------------------------------------------------------
# fused passes of the fast elastic Polonsky–Keer iteration (stored p, u are σ-scaled lazily)
# ----------------------------------------------------------------------------------------------


class PassStats(NamedTuple):
    """Sums of a pass of the elastic iteration over the contact set (stored units: g = σu − h + c).

    Attributes
    ----------
    nclip : int
        Points of the set whose pressure was clipped to 0 by the step.
    nover : int
        Points outside the set that overlap (g < −thr/10) and joined.
    nbig : int
        Points outside the set overlapping beyond the tolerance (g < −thr).
    sp : float
        Σp (stored units).
    na : int
        Points in the set.
    sg : float
        Σg [-].
    sg2 : float
        Σg² [-].
    sgu : float
        Σgu [-].
    su : float
        Σu (stored units).
    su2 : float
        Σu² (stored units).
    """

    nclip: int
    nover: int
    nbig: int
    sp: float
    na: int
    sg: float
    sg2: float
    sgu: float
    su: float
    su2: float


def _totals(parts: list[tuple]) -> PassStats:
    """The slices' partial sums added up, counts as int."""
    s = add_parts(parts)
    return PassStats(int(s[0]), int(s[1]), int(s[2]), s[3], int(s[4]), s[5], s[6], s[7], s[8], s[9])


# Each pass is a serial, GIL-free numba loop over a flat array (LLVM vectorises it); large grids are
# cut into one contiguous slice per thread (tcrlab.contact._threads), partial sums added afterwards.


@numba.njit(cache=True, fastmath=True, nogil=True)
def _direction_flat(uf: Any, hf: Any, pf: Any, tf: Any, zf: Any, bf: Any, sigma: float, c: float,
                    beta: float, precond: bool) -> float:
    sgt = 0.0
    for i in range(uf.size):
        if pf[i] > 0.0:
            g = sigma * uf[i] - hf[i] + c
            tv = (zf[i] if precond else g) + beta * tf[i]
            sgt += g * tv
        else:
            tv = 0.0
        tf[i] = tv
        bf[i] = tv
    return sgt


def direction_pass(
    u: Any, h: Any, p: Any, t: Any, buf: Any, sigma: float, c: float, beta: float, z: Any = None
) -> float:
    """t ← (g + β t), or (z + β t) when the preconditioned residual ``z`` is given, on the contact
    set, 0 elsewhere; buf ← t; return Σ g t (g = σu − h + c).

    ``z`` and ``buf`` may be the same array (each element is read before it is written).

    Parameters
    ----------
    u : ndarray
        Stored surface displacement (K p, unscaled) [-].
    h : ndarray
        Composite heights in units of h_rms, highest point at 0 [-].
    p : ndarray
        Stored pressure (unscaled) [1/m].
    t : ndarray
        Search direction, updated in place.
    buf : ndarray
        Receives a copy of the new direction (the next FFT input).
    sigma : float
        Scale σ of the stored p and u (the true ones are σp, σu) [-].
    c : float
        Rigid shift (minus the approach) in units of h_rms [-].
    beta : float
        Conjugate-gradient β [-].
    z : ndarray, optional
        Preconditioned residual on the contact set (None: plain CG).

    Returns
    -------
    float
        Σ g t over the contact set.
    """
    precond = z is not None
    arrays = (u, h, p, t, z if precond else t, buf)
    return sum(run_split(_direction_flat, arrays, (sigma, c, beta, precond)))


@numba.njit(cache=True, fastmath=True, nogil=True)
def _update_flat(pf: Any, uf: Any, rf: Any, tf: Any, hf: Any, sigma: float, tau: float, c: float,
                 thr: float) -> tuple:
    a = tau / sigma
    jthr = -0.1 * thr
    nclip = 0
    nover = 0
    nbig = 0
    sp = 0.0
    na = 0.0
    sg = 0.0
    sg2 = 0.0
    sgu = 0.0
    su = 0.0
    su2 = 0.0
    for i in range(pf.size):  # branch-free body: LLVM vectorises it (faster; benchmarks/README.md)
        un = uf[i] - a * rf[i]
        uf[i] = un
        g = sigma * un - hf[i] + c
        pv = pf[i]
        act = pv > 0.0
        # only overlaps beyond a tenth of the tolerance join: round-off-sized ones at the rim of the
        # contact set would otherwise join and drop out every step and keep restarting the CG
        cand = (pv - a * tf[i]) if act else (-a * g if g < jthr else 0.0)
        pn = max(cand, 0.0)
        nclip += act and cand <= 0.0
        nover += (not act) and g < jthr
        nbig += (not act) and g < -thr
        pf[i] = pn
        m = 1.0 if pn > 0.0 else 0.0
        sp += pn
        na += m
        mg = m * g
        sg += mg
        sg2 += mg * g
        sgu += mg * un
        mu = m * un
        su += mu
        su2 += mu * un
    return float(nclip), float(nover), float(nbig), sp, na, sg, sg2, sgu, su, su2  # one type: indexable


def update_pass(
    p: Any, u: Any, r: Any, t: Any, h: Any, sigma: float, tau: float, c: float, thr: float
) -> PassStats:
    """p ← max(p − τt, 0), u ← u − τr; points out of contact with g < 0 join with p = −τ g.

    Parameters
    ----------
    p : ndarray
        Stored pressure (unscaled) [1/m]; updated in place.
    u : ndarray
        Stored surface displacement (K p, unscaled) [-].; updated in place.
    r : ndarray
        K t, the displacement of the direction.
    t : ndarray
        Search direction.
    h : ndarray
        Composite heights in units of h_rms, highest point at 0 [-].
    sigma : float
        Scale σ of the stored p and u (the true ones are σp, σu) [-].
    tau : float
        Step length.
    c : float
        Rigid shift (minus the approach) in units of h_rms [-].
    thr : float
        Tolerance on the gap in units of h_rms [-].

    Returns
    -------
    PassStats
        The sums of the new set (stored units; g = σu − h + c with the old σ, c).
    """
    return _totals(run_split(_update_flat, (p, u, r, t, h), (sigma, tau, c, thr)))


@numba.njit(cache=True, fastmath=True, nogil=True)
def _stats_flat(pf: Any, uf: Any, hf: Any, sigma: float, c: float, thr: float) -> tuple:
    nbig = 0
    sp = 0.0
    na = 0
    sg = 0.0
    sg2 = 0.0
    sgu = 0.0
    su = 0.0
    su2 = 0.0
    for i in range(pf.size):
        un = uf[i]
        g = sigma * un - hf[i] + c
        if pf[i] > 0.0:
            sp += pf[i]
            na += 1
            sg += g
            sg2 += g * g
            sgu += g * un
            su += un
            su2 += un * un
        elif g < -thr:
            nbig += 1
    return 0.0, 0.0, float(nbig), sp, float(na), sg, sg2, sgu, su, su2


def stats_pass(p: Any, u: Any, h: Any, sigma: float, c: float, thr: float) -> PassStats:
    """Same sums as :func:`update_pass` for the current state (after an exact refresh).

    Parameters
    ----------
    p : ndarray
        Stored pressure (unscaled) [1/m].
    u : ndarray
        Stored surface displacement (K p, unscaled) [-].
    h : ndarray
        Composite heights in units of h_rms, highest point at 0 [-].
    sigma : float
        Scale σ of the stored p and u (the true ones are σp, σu) [-].
    c : float
        Rigid shift (minus the approach) in units of h_rms [-].
    thr : float
        Tolerance on the gap in units of h_rms [-].

    Returns
    -------
    PassStats
        The sums of the current set (``nclip`` and ``nover`` 0).
    """
    return _totals(run_split(_stats_flat, (p, u, h), (sigma, c, thr)))


# ----------------------------------------------------------------------------------------------
# Fourier-preconditioned variant (z = M⁻¹ g on the contact set, M⁻¹ ∝ |q| ≈ K⁻¹)
# ----------------------------------------------------------------------------------------------


def preconditioner_kernel(shape: tuple[int, int], size: tuple[float, float], modulus: float) -> NDArray:
    """rfft2 multiplier (÷N) E'|q|/2: the inverse of the periodic half-space compliance.

    Used as the preconditioner of the constrained conjugate-gradient iteration (the Fourier
    preconditioning of rough-contact FFT solvers; cf. Bugnicourt, Sainsot, Dureisseix, Gauthier &
    Lubrecht, Tribol. Lett. 66 (2018) 29). The q = 0 entry is set to the smallest non-zero one so
    that the operator is positive definite (it only scales the search direction).

    Parameters
    ----------
    shape : tuple of int
        Grid points (nx, ny).
    size : tuple of float
        Physical size (Lx, Ly) [m].
    modulus : float
        Contact modulus E' [Pa] (the solver passes 1: it works in units of E').

    Returns
    -------
    ndarray
        The multiplier on the rfft2 half spectrum [Pa/m per point].

    References
    ----------
    Bugnicourt, Sainsot, Dureisseix, Gauthier & Lubrecht (2018) Tribol. Lett. 66, 29.
    """
    q = wavevector_norm(shape, size)
    k = 0.5 * modulus * q
    qmin = q[q > 0].min() if (q > 0).any() else 1.0
    k[0, 0] = 0.5 * modulus * qmin
    return k / (shape[0] * shape[1])


@numba.njit(cache=True, fastmath=True, nogil=True)
def _residual_flat(uf: Any, hf: Any, pf: Any, bf: Any, sigma: float, c: float) -> None:
    for i in range(uf.size):
        bf[i] = (sigma * uf[i] - hf[i] + c) if pf[i] > 0.0 else 0.0


def residual_pass(u: Any, h: Any, p: Any, buf: Any, sigma: float, c: float) -> None:
    """buf ← g on the contact set (p > 0), 0 elsewhere (g = σu − h + c).

    Parameters
    ----------
    u : ndarray
        Stored surface displacement (K p, unscaled) [-].
    h : ndarray
        Composite heights in units of h_rms, highest point at 0 [-].
    p : ndarray
        Stored pressure (unscaled) [1/m].
    buf : ndarray
        Receives the masked gap [-].
    sigma : float
        Scale σ of the stored p and u (the true ones are σp, σu) [-].
    c : float
        Rigid shift (minus the approach) in units of h_rms [-].
    """
    run_split(_residual_flat, (u, h, p, buf), (sigma, c))


# ----------------------------------------------------------------------------------------------
# active-set polish: linear preconditioned CG on a fixed contact set, vectors on the set only
# ----------------------------------------------------------------------------------------------


def cap_as_held(cap: float, p: Any) -> float:
    """The cap as the value a p array of its dtype holds (float32 rounds it): points at the cap
    then compare equal to it.

    Parameters
    ----------
    cap : float
        Pressure cap (normalised) [1/m].
    p : ndarray
        An array of the dtype the cap is to be held in.

    Returns
    -------
    float
        The cap rounded to ``p.dtype`` [1/m].
    """
    return float(p.dtype.type(cap))


@numba.njit(cache=True, nogil=True)
def _set_sums(pf: Any, uf: Any, hf: Any, cap: float) -> tuple:
    nfree = 0
    sw = 0.0
    for i in range(pf.size):
        if pf[i] > 0.0 and pf[i] < cap:
            nfree += 1
            sw += uf[i] - hf[i]
    return nfree, sw


@numba.njit(cache=True, nogil=True)
def _set_collect(pf: Any, uf: Any, hf: Any, c: float, cap: float, move: float, big: float,
                 first: int) -> tuple:
    count = 0
    for i in range(pf.size):
        pv = pf[i]
        g = uf[i] - hf[i] + c
        count += (pv > 0.0 and pv < cap) or (pv <= 0.0 and g < -move) or (pv >= cap and g > move)
    idx = np.empty(count, np.int64)
    w = np.empty(count, np.float64)
    k = 0
    nmove = 0
    nbig = 0
    s2 = 0.0
    for i in range(pf.size):
        pv = pf[i]
        wi = uf[i] - hf[i]
        g = wi + c
        if pv > 0.0 and pv < cap:
            s2 += g * g
        elif (pv <= 0.0 and g < -move) or (pv >= cap and g > move):
            nmove += 1
            nbig += abs(g) > big
        else:
            continue
        idx[k] = first + i
        w[k] = wi
        k += 1
    return idx, w, s2, nmove, nbig


class ActiveSet(NamedTuple):
    """The set of an exact state and its gap (:func:`active_set`).

    Attributes
    ----------
    idx : ndarray of int
        Flat indices: the free points, then overlapping points at 0, then opening points at the cap.
    w : ndarray
        u − h on ``idx`` [-].
    c : float
        Rigid shift giving zero mean gap over the free points [-].
    err : float
        RMS gap over the free points [-].
    nmove : int
        Points joining or leaving the cap.
    nbig : int
        Points beyond ``big``.
    """

    idx: NDArray[np.intp]
    w: NDArray
    c: float
    err: float
    nmove: int
    nbig: int


def active_set(p: Any, u: Any, h: Any, move: float, big: float, cap: float = np.inf) -> ActiveSet:
    """The set of an exact state (σ = 1: p, u = K p as they are) and its gap, for the polishes.

    With w = u − h and the rigid shift c = −mean(w) over the free points {0 < p < cap}: returns
    (idx, w[idx], c, err, n_move, n_big). idx lists, in order, the free points, the points at p = 0
    that overlap (w + c < −move) and — with a pressure cap (elastic–plastic) — the points at the cap
    whose gap opens (w + c > move); err is the RMS of w + c over the free points; n_move counts the
    points joining or leaving the cap, n_big those beyond ``big``. Two passes, each split over the
    threads (every slice lists its own points; joined in order).

    Parameters
    ----------
    p : ndarray
        Pressure, normalised as p / (E' h_rms) [1/m].
    u : ndarray
        Surface displacement K p in units of h_rms [-].
    h : ndarray
        Composite heights in units of h_rms, highest point at 0 [-].
    move : float
        Gap beyond which a point at a bound joins the set [-].
    big : float
        Gap beyond which a moving point counts in ``nbig`` [-].
    cap : float
        Pressure cap, normalised like ``p`` [1/m] (inf: elastic).

    Returns
    -------
    ActiveSet
        The set, its gap and the counts.
    """
    arrays = (p, u, h)
    capv = cap_as_held(cap, p)
    nfree, sw = add_parts(run_split(_set_sums, arrays, (capv,)))
    c = -sw / max(nfree, 1)
    parts = run_split(_set_collect, arrays, (c, capv, move, big), start=True)
    if len(parts) == 1:
        idx, w = parts[0][0], parts[0][1]
    else:
        idx = np.concatenate([q[0] for q in parts])
        w = np.concatenate([q[1] for q in parts])
    s2 = sum(q[2] for q in parts)
    return ActiveSet(idx, w, c, float(np.sqrt(s2 / max(nfree, 1))), sum(q[3] for q in parts),
                     sum(q[4] for q in parts))


@numba.njit(cache=True, nogil=True)
def add_on_set(p: Any, idx: Any, d: Any, cap: float = np.inf) -> int:
    """p ← clip(p + d, 0, cap) on the set ``idx``; return how many points left the open interval
    (p + d ≤ 0, or ≥ cap: the elastic–plastic polish passes the hardness).

    Parameters
    ----------
    p : ndarray
        Pressure (normalised) [1/m]; updated in place.
    idx : ndarray of int
        Flat indices of the set.
    d : ndarray
        Correction on the set [1/m].
    cap : float
        Pressure cap [1/m] (inf: elastic).

    Returns
    -------
    int
        Points that reached 0 or the cap.
    """
    pf = p.ravel()
    bound = 0
    for k in range(idx.size):
        v = pf[idx[k]] + d[k]
        if v <= 0.0:
            v = 0.0
            bound += 1
        elif v >= cap:
            v = cap
            bound += 1
        pf[idx[k]] = v
    return bound


@numba.njit(cache=True, fastmath=True, nogil=True)
def cg_update(d: Any, r: Any, t: Any, kt: Any, alpha: float, kt_mean: float) -> tuple:
    """d ← d + α t, r ← r − α (Kt − mean Kt) (the projected step); return (Σ r², Σ r).

    Parameters
    ----------
    d : ndarray
        Solution on the set; updated in place.
    r : ndarray
        Residual on the set; updated in place.
    t : ndarray
        Search direction on the set.
    kt : ndarray
        K t on the set.
    alpha : float
        Step length.
    kt_mean : float
        Mean of ``kt`` over the set.

    Returns
    -------
    tuple of float
        (Σ r², Σ r) after the step.
    """
    rr = 0.0
    rs = 0.0
    for k in range(d.size):
        d[k] += alpha * t[k]
        rv = r[k] - alpha * (kt[k] - kt_mean)
        r[k] = rv
        rr += rv * rv
        rs += rv
    return rr, rs


@numba.njit(cache=True, fastmath=True, nogil=True)
def cg_direction(t: Any, z: Any, z_mean: float, beta: float) -> None:
    """t ← (z − mean z) + β t (a zero-mean direction: the load is kept).

    Parameters
    ----------
    t : ndarray
        Search direction on the set; updated in place.
    z : ndarray
        (Preconditioned) residual on the set.
    z_mean : float
        Mean of ``z`` over the set.
    beta : float
        Conjugate-gradient β [-].
    """
    for k in range(t.size):
        t[k] = (z[k] - z_mean) + beta * t[k]
