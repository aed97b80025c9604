"""Fused (numba) passes of the box-constrained Polonsky–Keer iteration (0 ≤ p ≤ H, fixed approach).

The elastic–perfectly-plastic counterpart of the passes in :mod:`tcrlab.contact._kernels`: the gap
is g = u − h + c with c fixed (displacement control); the *free* set holds the points with
0 < p < H, on which the conjugate-gradient step acts; points at p = 0 join when they overlap and
points at the cap p = H are released when their gap opens (each beyond a tenth of the tolerance,
so round-off-sized gaps at the rims do not churn the set).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numba

from tcrlab.contact._kernels import cap_as_held as _cap
from tcrlab.contact._threads import add_parts, run_split

__all__ = ["BoxStats", "box_direction_pass", "box_stats_pass", "box_update_pass", "projected_step", "shift_free"]


class BoxStats(NamedTuple):
    """Sums of a pass of the box-constrained iteration (g = u − h + c, normalised units).

    Attributes
    ----------
    nchanged : int
        Points that joined, left or reached the cap in the step (0 after a refresh).
    nfree : int
        Free points, 0 < p < cap.
    sg2 : float
        Σg² over the free set [-].
    nover : int
        Points at 0 overlapping beyond thr/10.
    nrel : int
        Points at the cap whose gap opens beyond thr/10.
    sg : float
        Σg over the free set [-].
    sp : float
        Σp [1/m].
    """

    nchanged: int
    nfree: int
    sg2: float
    nover: int
    nrel: int
    sg: float
    sp: float


def _sum_parts(parts: list[tuple]) -> BoxStats:
    """The slices' partial sums added up."""
    s = add_parts(parts)
    return BoxStats(int(s[0]), int(s[1]), float(s[2]), int(s[3]), int(s[4]), float(s[5]), float(s[6]))


@numba.njit(cache=True, fastmath=True, nogil=True, inline="always")
def _tally(pv: float, g: float, cap: float, thr: float) -> tuple:
    """One point's share of the sums: (free, g² if free, overlapping out of contact beyond thr,
    at the cap with a gap opening beyond thr, g if free)."""
    if pv <= 0.0:
        return 0, 0.0, int(g < -thr), 0, 0.0
    if pv >= cap:
        return 0, 0.0, 0, int(g > thr), 0.0
    return 1, g * g, 0, 0, g


@numba.njit(cache=True, fastmath=True, nogil=True)
def _box_stats_flat(pf: Any, uf: Any, hf: Any, c: float, cap: float, thr: float) -> tuple:
    nfree = 0
    sg2 = 0.0
    nover = 0
    nrel = 0
    sg = 0.0
    sp = 0.0
    for i in range(pf.size):
        pv = pf[i]
        free, g2, over, rel, gf = _tally(pv, uf[i] - hf[i] + c, cap, thr)
        nfree += free
        sg2 += g2
        nover += over
        nrel += rel
        sg += gf
        sp += pv
    return 0.0, float(nfree), sg2, float(nover), float(nrel), sg, sp


def box_stats_pass(p: Any, u: Any, h: Any, c: float, cap: float, thr: float) -> BoxStats:
    """(0, n_free, Σg² over the free set, n_over, n_release, Σg over the free set, Σp) of the
    current state: n_over counts points at p = 0 with g < −thr, n_release points at the cap with
    g > thr.

    Parameters
    ----------
    p : ndarray
        Pressure, normalised as p / (E' h_rms) [1/m].
    u : ndarray
        Surface displacement K p in units of h_rms [-].
    h : ndarray
        Composite heights in units of h_rms, highest point at 0 [-].
    c : float
        Rigid shift (minus the approach) in units of h_rms [-].
    cap : float
        Pressure cap, normalised like ``p`` [1/m].
    thr : float
        Tolerance on the gap in units of h_rms [-].

    Returns
    -------
    BoxStats
        The sums of the state (``nchanged`` 0).
    """
    return _sum_parts(run_split(_box_stats_flat, (p, u, h), (c, _cap(cap, p), thr)))


@numba.njit(cache=True, fastmath=True, nogil=True)
def _box_direction_flat(uf: Any, hf: Any, pf: Any, tf: Any, zf: Any, bf: Any, c: float, cap: float,
                        beta: float, precond: bool, z_mean: float) -> float:
    sgt = 0.0
    for i in range(uf.size):
        pv = pf[i]
        if pv > 0.0 and pv < cap:
            g = uf[i] - hf[i] + c
            tv = ((zf[i] - z_mean) if precond else g) + beta * tf[i]
            sgt += g * tv
        else:
            tv = 0.0
        tf[i] = tv
        bf[i] = tv
    return sgt


def box_direction_pass(u: Any, h: Any, p: Any, t: Any, buf: Any, c: float, cap: float, beta: float,
                       z: Any = None, z_mean: float = 0.0) -> float:
    """t ← g + β t on the free set (0 < p < cap), 0 elsewhere — or (z − ``z_mean``) + β t with the
    preconditioned residual ``z`` (zero sum on the free set: the load is kept); buf ← t; return Σ g t.
    ``z`` and ``buf`` may be the same array (each element is read before it is written).

    Parameters
    ----------
    u : ndarray
        Surface displacement K p in units of h_rms [-].
    h : ndarray
        Composite heights in units of h_rms, highest point at 0 [-].
    p : ndarray
        Pressure, normalised as p / (E' h_rms) [1/m].
    t : ndarray
        Search direction, updated in place [-].
    buf : ndarray
        Receives a copy of the new direction (the next FFT input).
    c : float
        Rigid shift (minus the approach) in units of h_rms [-].
    cap : float
        Pressure cap, normalised like ``p`` [1/m].
    beta : float
        Conjugate-gradient β [-].
    z : ndarray, optional
        Preconditioned residual on the free set (None: plain CG).
    z_mean : float
        Mean of ``z`` over the free set, subtracted from it.

    Returns
    -------
    float
        Σ g t over the free set [-].
    """
    precond = z is not None
    arrays = (u, h, p, t, z if precond else t, buf)
    return float(sum(run_split(_box_direction_flat, arrays, (c, _cap(cap, p), beta, precond, z_mean))))


@numba.njit(cache=True, fastmath=True, nogil=True)
def _box_update_flat(pf: Any, uf: Any, rf: Any, tf: Any, hf: Any, c: float, cap: float, tau: float,
                     thr: float) -> BoxStats:
    jthr = 0.1 * thr
    nchanged = 0
    nfree = 0
    sg2 = 0.0
    nover = 0
    nrel = 0
    sg = 0.0
    sp = 0.0
    for i in range(pf.size):
        g = uf[i] - hf[i] + c  # gap before the step decides joins and releases
        pv = pf[i]
        if pv <= 0.0:
            pn = -tau * g if g < -jthr else 0.0
        elif pv >= cap:
            pn = cap - tau * g if g > jthr else cap
        else:
            pn = pv - tau * tf[i]
        # the step −τt was taken exactly only by free points that stay strictly inside the box
        exact = (pv > 0.0 and pv < cap and pn > 0.0 and pn < cap) or pn == pv
        nchanged += not exact
        pn = min(max(pn, 0.0), cap)
        pf[i] = pn
        un = uf[i] - tau * rf[i]
        uf[i] = un
        free, g2, over, rel, gf = _tally(pn, un - hf[i] + c, cap, thr)
        nfree += free
        sg2 += g2
        nover += over
        nrel += rel
        sg += gf
        sp += pn
    return float(nchanged), float(nfree), sg2, float(nover), float(nrel), sg, sp


def box_update_pass(p: Any, u: Any, r: Any, t: Any, h: Any, c: float, cap: float, tau: float,
                    thr: float) -> BoxStats:
    """p ← p − τt on the free set; points at 0 with g < −thr/10 join with p = −τg, points at the cap
    with g > thr/10 are released to cap − τg; p clipped to [0, cap]; u ← u − τr (exact only if no
    point left the free step: n_changed = 0). Returns (n_changed, then the sums of
    :func:`box_stats_pass` for the new state).

    Parameters
    ----------
    p : ndarray
        Pressure, normalised as p / (E' h_rms) [1/m]; updated in place.
    u : ndarray
        Surface displacement K p in units of h_rms [-]; updated in place.
    r : ndarray
        K t, the displacement of the direction [-].
    t : ndarray
        Search direction [1/m].
    h : ndarray
        Composite heights in units of h_rms, highest point at 0 [-].
    c : float
        Rigid shift (minus the approach) in units of h_rms [-].
    cap : float
        Pressure cap, normalised like ``p`` [1/m].
    tau : float
        Step length [1/m].
    thr : float
        Tolerance on the gap in units of h_rms [-].

    Returns
    -------
    BoxStats
        Changed points and the sums of the new state.
    """
    return _sum_parts(run_split(_box_update_flat, (p, u, r, t, h), (c, _cap(cap, p), tau, thr)))


@numba.njit(cache=True, fastmath=True, nogil=True)
def _shift_free_flat(pf: Any, cap: float, shift: float) -> tuple:
    sp = 0.0
    nfree = 0
    for i in range(pf.size):
        pv = pf[i]
        if pv > 0.0 and pv < cap and shift != 0.0:
            pv = min(max(pv + shift, 0.0), cap)
            pf[i] = pv
        nfree += pv > 0.0 and pv < cap
        sp += pv
    return sp, float(nfree)


def shift_free(p: Any, cap: float, shift: float) -> tuple[float, int]:
    """p ← clip(p + shift, 0, cap) on the free set (0 < p < cap); return (Σp, n_free) after it.

    Parameters
    ----------
    p : ndarray
        Pressure, normalised as p / (E' h_rms) [1/m]; shifted in place.
    cap : float
        Pressure cap, normalised like ``p`` [1/m].
    shift : float
        Added to every free point, normalised like ``p`` [1/m].

    Returns
    -------
    sp : float
        Σp after the shift [1/m].
    nfree : int
        Free points after the shift.
    """
    sp, nfree = add_parts(run_split(_shift_free_flat, (p,), (_cap(cap, p), shift)))
    return float(sp), int(nfree)


@numba.njit(cache=True, fastmath=True, nogil=True)
def _projected_step_flat(pf: Any, uf: Any, hf: Any, c: float, cap: float, tau: float, write: bool) -> tuple:
    sp = 0.0
    lo = 1e300
    hi = -1e300
    for i in range(pf.size):
        g = uf[i] - hf[i] + c
        pn = min(max(pf[i] - tau * g, 0.0), cap)
        if write:
            pf[i] = pn
        sp += pn
        lo = min(lo, g)
        hi = max(hi, g)
    return sp, lo, hi


def projected_step(p: Any, u: Any, h: Any, c: float, cap: float, tau: float, write: bool) -> tuple:
    """Σ clip(p − τg, 0, cap) over the grid (g = u − h + c) and the range of g; with ``write`` p takes
    those values (a projected gradient step on every point: joins, releases and the free set).

    Parameters
    ----------
    p : ndarray
        Pressure, normalised as p / (E' h_rms) [1/m].
    u : ndarray
        Surface displacement K p in units of h_rms [-].
    h : ndarray
        Composite heights in units of h_rms, highest point at 0 [-].
    c : float
        Rigid shift (minus the approach) in units of h_rms [-].
    cap : float
        Pressure cap, normalised like ``p`` [1/m].
    tau : float
        Step length [1/m].
    write : bool
        Store the stepped pressure in ``p``.

    Returns
    -------
    tuple of float
        (Σ clip(p − τg, 0, cap) [1/m], min g [-], max g [-]).
    """
    parts = run_split(_projected_step_flat, (p, u, h), (c, _cap(cap, p), tau, write))
    return (float(sum(q[0] for q in parts)), float(min(q[1] for q in parts)),
            float(max(q[2] for q in parts)))
