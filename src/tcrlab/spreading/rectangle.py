"""Rectangular isoflux source on a rectangular flux channel (centred or eccentric, layered, convective sink).

A source of size a × b (along x and y) centred at (x_c, y_c) heats the top face of a plate c × d with a
uniform flux; the side walls and the rest of the top face are adiabatic; the bottom face loses heat
through h (``inf``: isothermal sink). The Fourier solution of Muzychka, Culham & Yovanovich (2003, single
and compound layers) gives the mean source temperature rise as the 1-D part Q·(Σt_i/k_i + 1/h)/(cd) plus
the spreading part

    R_s = 1/(cd) · Σ_{(m,n) ≠ (0,0)} ε_m ε_n u_m² v_n² Z(β_mn),
    u_m = 2 cos(λ_m x_c) sin(λ_m a/2)/(λ_m a),  v_n = 2 cos(δ_n y_c) sin(δ_n b/2)/(δ_n b),
    λ_m = mπ/c, δ_n = nπ/d, β_mn = √(λ_m² + δ_n²), ε_0 = 1, ε_{m>0} = 2, u_0 = v_0 = 1,

with Z the layered modal impedance (:mod:`tcrlab.spreading.layers`); the paper's A_m, B_n and C_mn sums
are the n = 0, m = 0 and m, n > 0 parts.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

from tcrlab._arrays import require_broadcastable
from tcrlab.errors import InputError
from tcrlab.spreading._rect_split import mode_counts, split_sums
from tcrlab.spreading._rect_thin import thin_sums
from tcrlab.spreading._series import chunks, warn_unconverged
from tcrlab.spreading.layers import Layers, LayerSpec, check_layers, mode_impedance
from tcrlab.spreading.result import SpreadingResult, out
from tcrlab.validation import require_finite, require_positive

__all__ = [
    "check_rectangle",
    "fourier_weights",
    "rectangle_resistance",
    "rectangle_resistance_compound",
    "rectangle_spreading",
]

DEFAULT_RTOL = 1e-4
MAX_MODES = 4096  # Fourier modes per direction at most
COMPILED_ABOVE = 4_000_000  # modes × geometries from which the compiled kernel pays for itself
SPLIT_MAX_MODES = 1 << 12  # modal terms per geometry at most on the split path (thinner top layers: _thin,
#                            whose cost hardly depends on t₁ and which is the faster one beyond ~2500 terms)
THIN_MAX_MODES = 1 << 16  # modal terms per geometry at most on the thin-layer path (beyond: direct)
SPLIT_COMPILED_ABOVE = 500  # geometries from which the split path uses its compiled kernel
THIN_ROUNDS = 3  # rounds of the thin-layer path (cut-off, τ-rule, s-rule doubled) before the direct sum
_ASYMPTOTIC = 10.0  # λ_M·a (and δ_N·b) beyond which omitted terms follow their asymptotic mean


def check_rectangle(
    a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike, xc: ArrayLike | None, yc: ArrayLike | None,
    names: tuple[str, str, str, str] = ("source_length", "source_width", "plate_length", "plate_width"),
) -> tuple[NDArray[np.float64], ...]:
    """Checked (a, b, c, d, x_c, y_c): positive sizes, the source inside the plate (centred by default).

    Parameters
    ----------
    a, b : array_like
        Source size along x and y [m].
    c, d : array_like
        Plate size along x and y [m].
    xc, yc : array_like or None
        Source centre from the plate corner [m] (None: the plate centre).
    names : tuple of str
        The names of a, b, c, d in error messages.

    Returns
    -------
    tuple of ndarray
        (a, b, c, d, x_c, y_c) [m] as float arrays.

    Raises
    ------
    InputError
        A size not positive, arrays that do not broadcast, or a source reaching beyond the plate.

    Examples
    --------
    >>> a, b, c, d, x, y = check_rectangle(0.01, 0.02, 0.05, 0.05, None, 0.02)
    >>> float(x), float(y)
    (0.025, 0.02)
    >>> check_rectangle(0.01, 0.02, 0.05, 0.05, None, 0.005)
    Traceback (most recent call last):
    ...
    tcrlab.errors.InputError: ...
    """
    aa = require_positive(names[0], a)
    bb = require_positive(names[1], b)
    cc = require_positive(names[2], c)
    dd = require_positive(names[3], d)
    x = cc / 2.0 if xc is None else require_finite("xc", xc)
    y = dd / 2.0 if yc is None else require_finite("yc", yc)
    require_broadcastable(**{names[0]: aa, names[1]: bb, names[2]: cc, names[3]: dd, "xc": x, "yc": y})
    for size, plate, centre, sn, pn, cn in ((aa, cc, x, names[0], names[2], "xc"), (bb, dd, y, names[1], names[3], "yc")):
        tol = 1e-9 * plate
        if np.any(size > plate + tol):
            bad = np.broadcast_arrays(size, plate)
            i = np.flatnonzero(bad[0] > bad[1] + 1e-9 * bad[1])[0]
            raise InputError(sn, float(bad[0].flat[i]), f"<= {pn} = {float(bad[1].flat[i]):g} m",
                             problem="the source is larger than the plate")
        lo = centre - size / 2.0
        hi = centre + size / 2.0
        out_of = (lo < -tol) | (hi > plate + tol)
        if np.any(out_of):
            arrs = np.broadcast_arrays(centre, size, plate, out_of)
            i = np.flatnonzero(arrs[3])[0]
            raise InputError(cn, float(arrs[0].flat[i]),
                             f"{float(arrs[1].flat[i]) / 2:g} m … {float(arrs[2].flat[i] - arrs[1].flat[i] / 2):g} m "
                             "(the source must lie inside the plate)",
                             problem="the source reaches beyond the plate edge")
    return aa, bb, cc, dd, x, y


def fourier_weights(size: NDArray[np.float64], centre: NDArray[np.float64], wavenumber: NDArray[np.float64]) -> NDArray[np.float64]:
    """u = 2 cos(λ x_c) sin(λ a/2)/(λ a): the source's mean of cos(λx) (1 for λ = 0).

    Muzychka, Culham & Yovanovich (2003), the Fourier coefficients of an eccentric source (module
    docstring).

    Parameters
    ----------
    size : ndarray
        Source length a along the direction [m].
    centre : ndarray
        Source centre x_c from the plate edge [m].
    wavenumber : ndarray
        λ = mπ/c [rad/m].

    Returns
    -------
    ndarray
        The weight u [-], broadcast over the inputs.

    References
    ----------
    Y. S. Muzychka, J. R. Culham, M. M. Yovanovich, J. Electronic Packaging 125(2) (2003) 178–185.

    Examples
    --------
    A centred source of half the plate's length (c = 2, a = 1, x_c = 1), first mode λ = π/2:

    >>> import numpy as np
    >>> float(fourier_weights(np.array(1.0), np.array(1.0), np.array(0.0)))
    1.0
    >>> round(float(fourier_weights(np.array(1.0), np.array(1.0), np.array(np.pi / 2))), 6)
    0.0
    >>> round(float(fourier_weights(np.array(1.0), np.array(1.0), np.array(np.pi))), 6)
    -0.63662
    """
    half = 0.5 * wavenumber * size
    return np.cos(wavenumber * centre) * special.sinc(half / np.pi)


def _rect_sum_numpy(a, b, c, d, x, y, lay: Layers, m_modes: int, n_modes: int):
    """Σ ε_m ε_n u_m² v_n² Z/(cd) over m ≤ M, n ≤ N, (m, n) ≠ (0, 0), for a batch (first axis)."""
    m = np.arange(m_modes + 1)[None, :, None]
    n = np.arange(n_modes + 1)[None, None, :]
    lam = m * np.pi / c[:, None, None]
    dlt = n * np.pi / d[:, None, None]
    u = fourier_weights(a[:, None, None], x[:, None, None], lam)
    v = fourier_weights(b[:, None, None], y[:, None, None], dlt)
    beta = np.sqrt(lam**2 + dlt**2)
    beta[:, 0, 0] = 1.0
    sub = Layers(tuple(t[:, None, None] for t in lay.thickness), tuple(q[:, None, None] for q in lay.conductivity),
                 lay.h[:, None, None])
    z = mode_impedance(beta, sub)
    w = np.where(m > 0, 2.0, 1.0) * np.where(n > 0, 2.0, 1.0) * u**2 * v**2
    w[:, 0, 0] = 0.0
    return np.sum(w * z, axis=(1, 2)) / (c * d)


def _rect_sum(a, b, c, d, x, y, lay: Layers, m_modes: int, n_modes: int) -> NDArray[np.float64]:
    """The same sum as :func:`_rect_sum_numpy`; compiled (:mod:`tcrlab.spreading._kernels`) for large
    batches, NumPy below — small jobs should not wait for the compiler (~15 s on the first call)."""
    g = a.size
    if g * (m_modes + 1) * (n_modes + 1) < COMPILED_ABOVE:
        return _rect_sum_numpy(a, b, c, d, x, y, lay, m_modes, n_modes)
    thick = np.ascontiguousarray(np.stack([np.broadcast_to(t, (g,)) for t in lay.thickness], axis=1))
    cond = np.ascontiguousarray(np.stack([np.broadcast_to(k, (g,)) for k in lay.conductivity], axis=1))
    h = np.broadcast_to(lay.h, (g,))
    with np.errstate(divide="ignore"):
        zsink = np.where(np.isinf(h), 0.0, 1.0 / h)
    from tcrlab.spreading._kernels import rect_sums  # imports numba only when needed

    args = [np.ascontiguousarray(v, dtype=float) for v in (a, b, c, d, x, y)]
    return rect_sums(*args, thick, cond, np.ascontiguousarray(zsink), int(m_modes), int(n_modes))


def _direct(a_f, b_f, c_f, d_f, x_f, y_f, flat: Layers, index, rtol: float, max_modes: int,  # type: ignore[no-untyped-def]
            spreading, err, terms, conv) -> None:
    """Direct summation with mode doubling and a Richardson tail (fills the outputs at ``index``): the
    reference for the split evaluation and the fallback where the top layer is too thin for it."""
    g = a_f.size
    previous = np.full(g, np.nan)  # the sum at half the modes (the last level)
    # starting modes: wavenumber cut-off 16/size in each direction, rounded up to a power of two
    m0 = np.maximum(8, 2 ** np.ceil(np.log2(16.0 * c_f / (np.pi * a_f)))).astype(np.int64)
    n0 = np.maximum(8, 2 ** np.ceil(np.log2(16.0 * d_f / (np.pi * b_f)))).astype(np.int64)
    level = np.full(g, -1, dtype=np.int64)  # level −1: the half-mode sum that starts the doubling
    active = np.asarray(index, dtype=np.int64)
    while active.size:
        mm = np.minimum((m0[active] << np.maximum(level[active], 0)) >> (level[active] < 0), max_modes)
        nn = np.minimum((n0[active] << np.maximum(level[active], 0)) >> (level[active] < 0), max_modes)
        pairs = np.stack([mm, nn], axis=1)
        still = []
        for m_modes, n_modes in np.unique(pairs, axis=0):
            group = active[(mm == m_modes) & (nn == n_modes)]
            per = int((m_modes + 1) * (n_modes + 1))
            # the compiled sum keeps no mode arrays, so a large group goes in one piece
            parts = [group] if group.size * per >= COMPILED_ABOVE else chunks(group, per)
            for part in parts:
                sub = flat.flat(part, (g,))
                total = _rect_sum(a_f[part], b_f[part], c_f[part], d_f[part], x_f[part], y_f[part], sub,
                                  int(m_modes), int(n_modes))
                first = np.isnan(previous[part])
                # the omitted terms fall off as 1/M² once λ_M·a ≫ 1: the last doubling added 3/4 of the
                # tail of the half-mode sum, so the tail left is about a third of that step (Richardson)
                est = np.where(first, np.inf, (total - previous[part]) / 3.0)
                previous[part] = total
                spreading[part] = total + np.where(first, 0.0, est)
                err[part] = np.abs(est)
                terms[part] = (m_modes + 1) * (n_modes + 1) - 1
                asymptotic = (np.pi * m_modes / c_f[part] * a_f[part] >= _ASYMPTOTIC) & (
                    np.pi * n_modes / d_f[part] * b_f[part] >= _ASYMPTOTIC)
                ok = ~first & asymptotic & (err[part] <= rtol * spreading[part])
                capped = (m_modes >= max_modes) | (n_modes >= max_modes)
                if capped and not np.all(first):
                    conv[part[~ok]] = False
                else:
                    still.append(part[~ok])
        active = np.concatenate(still) if still else np.empty(0, dtype=np.int64)
        level[active] += 1


def _split(a_f, b_f, c_f, d_f, x_f, y_f, flat: Layers, index, rtol: float, max_modes: int,  # type: ignore[no-untyped-def]
           spreading, err, terms, conv) -> NDArray[np.intp]:
    """Split (Ewald-type) evaluation, :mod:`tcrlab.spreading._rect_split`, at ``index``; the cut-off
    B = max(8/t₁, 40/min(c, d)) is doubled (at most three times) where the error bound exceeds
    rtol·R_s. Returns the geometries left to :func:`_thin` (modes beyond SPLIT_MAX_MODES)."""
    t1 = flat.flat(index, (a_f.size,)).thickness[0] if index.size else np.empty(0)
    cutoff = np.maximum(8.0 / np.broadcast_to(t1, index.shape),
                        40.0 / np.minimum(c_f[index], d_f[index]))
    left = []
    for _ in range(4):
        if not index.size:
            break
        compiled = index.size >= SPLIT_COMPILED_ABOVE
        big_m, big_n = mode_counts(cutoff, c_f[index], d_f[index], ladder=not compiled)
        fits = ((big_m + 1) * (big_n + 1) <= SPLIT_MAX_MODES) & (big_m <= max_modes) & (big_n <= max_modes)
        left.append(index[~fits])
        index, cutoff, big_m, big_n = index[fits], cutoff[fits], big_m[fits], big_n[fits]
        if not index.size:
            break
        sub = flat.flat(index, (a_f.size,))
        val, bound = split_sums(a_f[index], b_f[index], c_f[index], d_f[index], x_f[index], y_f[index], sub,
                                big_m, big_n, compiled=compiled)
        spreading[index], err[index] = val, bound
        terms[index] = (big_m + 1) * (big_n + 1) - 1
        ok = bound <= rtol * val
        index, cutoff = index[~ok], 2.0 * cutoff[~ok]
    left.append(index)
    return np.concatenate(left)


def _thin(a_f, b_f, c_f, d_f, x_f, y_f, flat: Layers, index, rtol: float, max_modes: int,  # type: ignore[no-untyped-def]
          spreading, err, terms, conv) -> NDArray[np.intp]:
    """Thin-top-layer evaluation, :mod:`tcrlab.spreading._rect_thin`, at ``index`` (the geometries the
    split path leaves): cut-off 40/min(c, d) whatever t₁, one Gauss–Legendre panel per decade of τ and 48
    nodes on the top material's s-integral; all three are doubled (at most THIN_ROUNDS − 1 times) where
    the error bound exceeds rtol·R_s. Returns the geometries left to :func:`_direct`."""
    cutoff = 40.0 / np.minimum(c_f[index], d_f[index])
    density, nodes = 1.0, 48
    left = []
    for _ in range(THIN_ROUNDS):
        if not index.size:
            break
        big_m, big_n = mode_counts(cutoff, c_f[index], d_f[index], ladder=True)
        fits = ((big_m + 1) * (big_n + 1) <= THIN_MAX_MODES) & (big_m <= max_modes) & (big_n <= max_modes)
        left.append(index[~fits])
        index, cutoff, big_m, big_n = index[fits], cutoff[fits], big_m[fits], big_n[fits]
        if not index.size:
            break
        sub = flat.flat(index, (a_f.size,))
        val, bound = thin_sums(a_f[index], b_f[index], c_f[index], d_f[index], x_f[index], y_f[index], sub,
                               big_m, big_n, panels_per_decade=density, nodes=nodes)
        spreading[index], err[index] = val, bound
        terms[index] = (big_m + 1) * (big_n + 1) - 1
        ok = bound <= rtol * val
        index, cutoff, density, nodes = index[~ok], 2.0 * cutoff[~ok], 2.0 * density, 2 * nodes
    left.append(index)
    return np.concatenate(left)


def rectangle_spreading(
    source_length: ArrayLike, source_width: ArrayLike, plate_length: ArrayLike, plate_width: ArrayLike,
    layers: LayerSpec, h: ArrayLike = math.inf, *, xc: ArrayLike | None = None, yc: ArrayLike | None = None,
    rtol: float = DEFAULT_RTOL, max_modes: int = MAX_MODES,
) -> SpreadingResult:
    """Spreading resistance of a rectangular isoflux source on a layered rectangular plate, with its error.

    Parameters
    ----------
    source_length, source_width : array_like
        Source size a × b [m] along x and y.
    plate_length, plate_width : array_like
        Plate size c × d [m] along x and y.
    layers : sequence of (float, float)
        ``[(t1, k1), (t2, k2), ...]`` thickness [m] and conductivity [W/(m K)] of each bonded layer,
        the heated face first.
    h : array_like
        Heat-transfer coefficient on the opposite face [W/(m² K)]; ``inf`` (default): isothermal sink.
    xc, yc : array_like, optional
        Source centre [m] measured from the plate corner (default: the plate centre).
    rtol : float
        Relative tolerance on R_s [-] (modes are doubled in both directions until met).
    max_modes : int
        Cap on the Fourier modes per direction.

    Returns
    -------
    SpreadingResult
        ``spreading`` R_s [K/W] on the mean source temperature, ``one_d`` = (Σt_i/k_i + 1/h)/(cd) [K/W],
        ``truncation_error`` [K/W] (estimate), ``terms`` (m × n modes), ``converged``.

    Notes
    -----
    The half-space part 1/(k₁β) of every mode is split Ewald-style into erf(ηβ)/β, summed over all modes
    at once as a 1-D integral of closed-form image sums, and erfc(ηβ)/β, which with Z − 1/(k₁β) ~ e^{−2βt₁}
    leaves a short modal sum (:mod:`tcrlab.spreading._rect_split`). ``truncation_error`` is then a bound on
    the omitted modes plus the quadrature's change from half its nodes; ``terms`` counts the modes summed.
    Thinner top layers (more than 2¹² such modes, t₁ below about 1/20 of the plate side) take the
    layered impedance's depth-response split instead (:mod:`tcrlab.spreading._rect_thin`): the layers'
    correction becomes a second integral over the same image sums, the modal sum stops at β ≈ 40/min(c, d)
    whatever t₁, and ``truncation_error`` bounds the omitted modes by the residual kernel's sampled
    supremum. What neither path reaches is summed directly: modes doubled in both directions, the last
    partial sum plus a third of the last doubling's increment (the omitted terms fall off as 1/M²), that
    third reported as the error, convergence declared once λ_M a and δ_N b exceed 10.
    Exact for the stated boundary conditions.

    References
    ----------
    Y. S. Muzychka, J. R. Culham, M. M. Yovanovich, "Thermal spreading resistance of eccentric heat sources
    on rectangular flux channels", J. Electronic Packaging 125(2) (2003) 178–185.
    Y. S. Muzychka, M. M. Yovanovich, J. R. Culham, "Thermal spreading resistance in compound and
    orthotropic systems", J. Thermophysics Heat Transfer 18(1) (2004) 45–51.
    P. P. Ewald, "Die Berechnung optischer und elektrostatischer Gitterpotentiale", Ann. Phys. (Leipzig) 64 (1921)
    253–287, doi:10.1002/andp.19213690304 (the splitting). H. S. Carslaw, J. C. Jaeger, Conduction of Heat in Solids, 2nd ed. (1959),
    §2.2 and Appendix II (the images and ierfc). J. Abate, P. P. Valkó, "Multi-precision Laplace transform
    inversion", Int. J. Numer. Meth. Eng. 60 (2004) 979–993, doi:10.1002/nme.995 (the thin layers' response).

    Examples
    --------
    >>> r = rectangle_spreading(0.02, 0.02, 0.06, 0.06, [(0.006, 237.0)], h=1500.0)
    >>> round(r.spreading, 4), r.converged
    (0.0845, True)
    """
    return _rectangle_spreading(source_length, source_width, plate_length, plate_width, layers, h, xc, yc,
                                rtol, max_modes, split=True)


def _rectangle_spreading(source_length, source_width, plate_length, plate_width, layers, h, xc, yc,  # type: ignore[no-untyped-def]
                         rtol, max_modes, *, split: bool) -> SpreadingResult:
    """:func:`rectangle_spreading`; ``split=False`` sums the double series directly (the reference)."""
    aa, bb, cc, dd, x, y = check_rectangle(source_length, source_width, plate_length, plate_width, xc, yc)
    lay = check_layers(layers, h)
    rtol = float(require_positive("rtol", rtol))
    if isinstance(max_modes, bool) or not isinstance(max_modes, int) or max_modes < 8:
        raise InputError("max_modes", max_modes, "an integer >= 8")
    shape = np.broadcast_shapes(aa.shape, bb.shape, cc.shape, dd.shape, x.shape, y.shape, lay.h.shape,
                                *(t.shape for t in lay.thickness), *(k.shape for k in lay.conductivity))
    fl = [np.broadcast_to(v, shape).reshape(-1) for v in (aa, bb, cc, dd, x, y)]
    a_f, b_f, c_f, d_f, x_f, y_f = fl
    flat = lay.flat(slice(None), shape)
    g = a_f.size
    spreading = np.zeros(g)
    err = np.zeros(g)
    terms = np.zeros(g, dtype=np.int64)
    conv = np.ones(g, dtype=bool)
    full = (a_f >= c_f * (1 - 1e-12)) & (b_f >= d_f * (1 - 1e-12))  # source covers the plate: R_s = 0
    args = (a_f, b_f, c_f, d_f, x_f, y_f, flat)
    rest = np.flatnonzero(~full)
    if split:
        rest = _split(*args, rest, rtol, max_modes, spreading, err, terms, conv)
        rest = _thin(*args, rest, rtol, max_modes, spreading, err, terms, conv)
    _direct(*args, rest, rtol, max_modes, spreading, err, terms, conv)
    warn_unconverged("rectangle_spreading", conv, max_modes,
                     "Raise max_modes, or loosen rtol, for sources much smaller than the plate.")
    one_d = np.asarray(flat.one_d_area_resistance()) / (c_f * d_f)
    return SpreadingResult(out(spreading, shape), out(one_d, shape), out(err, shape), out(terms, shape),
                           out(conv, shape), solution="rectangle")


def rectangle_resistance(
    source_length: ArrayLike, source_width: ArrayLike, plate_length: ArrayLike, plate_width: ArrayLike,
    t: ArrayLike, k: ArrayLike, h: ArrayLike = math.inf, *, xc: ArrayLike | None = None,
    yc: ArrayLike | None = None, rtol: float = DEFAULT_RTOL,
) -> NDArray[np.float64] | float:
    """Spreading part R_s [K/W] of a rectangular isoflux source on a rectangular plate (centred or eccentric).

    Source ``source_length`` × ``source_width`` [m] centred at (``xc``, ``yc``) [m from the plate corner;
    default the plate centre] on a plate ``plate_length`` × ``plate_width`` [m] of thickness ``t`` [m] and
    conductivity ``k`` [W/(m K)], adiabatic sides, ``h`` [W/(m² K)] on the opposite face (``inf``:
    isothermal). On the mean source temperature: total = R_s + t/(k·c·d) + 1/(h·c·d). Broadcasts.

    Parameters
    ----------
    source_length, source_width : array_like
        Source size a × b [m] along x and y.
    plate_length, plate_width : array_like
        Plate size c × d [m] along x and y.
    t : array_like
        Plate thickness [m].
    k : array_like
        Plate conductivity [W/(m K)].
    h : array_like
        Heat-transfer coefficient on the opposite face [W/(m² K)]; ``inf`` (default): isothermal sink.
    xc, yc : array_like, optional
        Source centre [m] measured from the plate corner (default: the plate centre).
    rtol : float
        Relative tolerance on R_s [-].

    Returns
    -------
    float or ndarray
        Spreading resistance R_s [K/W].

    References
    ----------
    Y. S. Muzychka, J. R. Culham, M. M. Yovanovich, J. Electronic Packaging 125(2) (2003) 178–185;
    see :func:`rectangle_spreading`.

    Examples
    --------
    >>> round(rectangle_resistance(0.01, 0.01, 0.05, 0.05, 0.005, 200.0), 5)
    0.13323
    """
    layers = [(require_positive("t", t), require_positive("k", k))]
    return rectangle_spreading(source_length, source_width, plate_length, plate_width, layers, h,
                               xc=xc, yc=yc, rtol=rtol).spreading


def rectangle_resistance_compound(
    source_length: ArrayLike, source_width: ArrayLike, plate_length: ArrayLike, plate_width: ArrayLike,
    t1: ArrayLike, k1: ArrayLike, t2: ArrayLike, k2: ArrayLike, h: ArrayLike = math.inf, *,
    xc: ArrayLike | None = None, yc: ArrayLike | None = None, rtol: float = DEFAULT_RTOL,
) -> NDArray[np.float64] | float:
    """Spreading part R_s [K/W] of a rectangular isoflux source on a two-layer (compound) plate.

    Layer 1 (``t1`` [m], ``k1`` [W/(m K)]) carries the source, layer 2 (``t2``, ``k2``) sits on the sink
    (``h`` [W/(m² K)], ``inf``: isothermal); total = R_s + (t1/k1 + t2/k2 + 1/h)/(c·d).

    Parameters
    ----------
    source_length, source_width : array_like
        Source size a × b [m] along x and y.
    plate_length, plate_width : array_like
        Plate size c × d [m] along x and y.
    t1, k1 : array_like
        Thickness [m] and conductivity [W/(m K)] of the layer that carries the source.
    t2, k2 : array_like
        Thickness [m] and conductivity [W/(m K)] of the layer on the sink.
    h : array_like
        Heat-transfer coefficient on the opposite face [W/(m² K)]; ``inf`` (default): isothermal sink.
    xc, yc : array_like, optional
        Source centre [m] measured from the plate corner (default: the plate centre).
    rtol : float
        Relative tolerance on R_s [-].

    Returns
    -------
    float or ndarray
        Spreading resistance R_s [K/W].

    References
    ----------
    Y. S. Muzychka, J. R. Culham, M. M. Yovanovich, J. Electronic Packaging 125(2) (2003) 178–185
    (compound channel); see :func:`rectangle_spreading`.

    Examples
    --------
    >>> round(rectangle_resistance_compound(0.01, 0.01, 0.05, 0.05, 0.001, 400.0, 0.005, 200.0), 5)
    0.10889
    """
    layers = [(require_positive("t1", t1), require_positive("k1", k1)),
              (require_positive("t2", t2), require_positive("k2", k2))]
    return rectangle_spreading(source_length, source_width, plate_length, plate_width, layers, h,
                               xc=xc, yc=yc, rtol=rtol).spreading
