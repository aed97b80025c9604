"""Exact 1-D transient of a layered heat path: thermal quadrupoles in the Laplace domain, inverted numerically.

A slab of thickness L, conductivity k, volumetric heat capacity ρc and cross-section A relates the Laplace
transforms of temperature θ and heat flow φ on its two faces by the transmission matrix

    [θ_in]   [ cosh(qL)          sinh(qL)/(kqA) ] [θ_out]
    [φ_in] = [ kqA·sinh(qL)      cosh(qL)       ] [φ_out],     q = √(s/α),  α = k/(ρc),

and a contact (or any massless resistance R) by [[1, R], [0, 1]] (Maillet, André, Batsale, Degiovanni &
Moyne 2000, ch. 3; Carslaw & Jaeger 1959 §15). With an isothermal sink at the end (a convective sink is the
resistance 1/(hA) to it) the driving-point impedance Z(s) = θ_in/φ_in follows by the recursion, from the sink
up,

    Z ← Z + R                                   (massless resistance)
    Z ← (Z + Z_c tanh qL) / (1 + Z tanh(qL)/Z_c),  Z_c = 1/(kqA)     (slab),

which only uses tanh (bounded) and so never overflows at large |s|. The step response is
Zth(t) = L⁻¹[Z(s)/s](t). It is inverted by the fixed Talbot contour (Abate & Valkó 2004) vectorised in
NumPy — M nodes per time, relative error ≈ 10^(−0.6 M) in exact arithmetic, limited in float64 by the
factor e^(2M/5) on round-off (M = 24 gives ≈ 1e-11) — or, where more digits are needed, by mpmath's de Hoog /
Talbot inversion.

Validity: linear conduction (constant properties per layer), 1-D (no spreading), perfect or resistive
contacts of zero heat capacity. A layer of infinite thickness is a semi-infinite body.

References
----------
D. Maillet, S. André, J.-C. Batsale, A. Degiovanni and C. Moyne, *Thermal Quadrupoles: Solving the Heat
Equation through Integral Transforms*, Wiley (2000). H. S. Carslaw and J. C. Jaeger, *Conduction of Heat in
Solids*, 2nd ed., Oxford (1959). J. Abate and P. P. Valkó, "Multi-precision Laplace transform inversion",
Int. J. Numer. Meth. Eng. 60, 979–993 (2004). F. R. de Hoog, J. H. Knight and A. N. Stokes, "An improved
method for numerical inversion of Laplace transforms", SIAM J. Sci. Stat. Comput. 3, 357–366 (1982).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import mpmath
import numpy as np
from numpy.typing import ArrayLike, NDArray

from tcrlab.errors import InputError
from tcrlab.validation import require_nonnegative, require_positive

__all__ = ["LayeredPath", "Resistance", "Slab", "layered_impedance", "layered_zth", "talbot_contour", "talbot_invert"]

Array = NDArray[np.float64]

CHUNK_ELEMENTS = 4_000_000  # complex values per working array in layered_zth (64 MB)


@dataclass(frozen=True)
class Slab:
    """A conducting layer: thickness [m] (``inf`` for a semi-infinite body), conductivity [W/(m·K)],
    volumetric heat capacity ρc [J/(m³·K)], cross-section area [m²]. Fields may be arrays (batches).

    Attributes
    ----------
    name : str
        Label.
    thickness : array_like
        Thickness [m]; ``inf`` for a semi-infinite body.
    conductivity : array_like
        Thermal conductivity [W/(m·K)].
    heat_capacity : array_like
        Volumetric heat capacity ρc [J/(m³·K)].
    area : array_like
        Cross-section area [m²].
    """

    name: str
    thickness: ArrayLike
    conductivity: ArrayLike
    heat_capacity: ArrayLike
    area: ArrayLike

    def __post_init__(self) -> None:
        require_positive(f"{self.name}.thickness", self.thickness, allow_inf=True)
        require_positive(f"{self.name}.conductivity", self.conductivity)
        require_positive(f"{self.name}.heat_capacity", self.heat_capacity)
        require_positive(f"{self.name}.area", self.area)

    @property
    def resistance(self) -> Array:
        """Steady resistance L/(kA) [K/W]."""
        return np.asarray(self.thickness) / (np.asarray(self.conductivity) * np.asarray(self.area))

    @property
    def capacitance(self) -> Array:
        """Heat capacity ρc·L·A [J/K]."""
        return np.asarray(self.heat_capacity) * np.asarray(self.thickness) * np.asarray(self.area)


@dataclass(frozen=True)
class Resistance:
    """A massless resistance [K/W]: a contact, a TIM of negligible heat capacity, a convective sink 1/(hA).

    Attributes
    ----------
    name : str
        Label.
    resistance : array_like
        Resistance [K/W].
    is_interface : bool
        Whether it is marked as an interface on the structure function.
    """

    name: str
    resistance: ArrayLike
    is_interface: bool = True

    def __post_init__(self) -> None:
        require_nonnegative(f"{self.name}.resistance", self.resistance)


@dataclass(frozen=True)
class LayeredPath:
    """Elements in series from the heated face (power in) to an isothermal sink.

    Attributes
    ----------
    elements : tuple of Slab or Resistance
        The elements, heated face first.
    """

    elements: tuple[Slab | Resistance, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "elements", tuple(self.elements))
        if not self.elements:
            raise InputError("elements", [], "at least one slab or resistance")
        for e in self.elements:
            if not isinstance(e, Slab | Resistance):
                raise InputError("elements", type(e).__name__, "Slab or Resistance objects")

    @property
    def steady_resistance(self) -> Array:
        """Z(s → 0) = Σ L/(kA) + Σ R [K/W], the steady junction-to-sink resistance."""
        total = 0.0
        for e in self.elements:
            total = total + (e.resistance if isinstance(e, Slab) else np.asarray(e.resistance, dtype=float))
        return np.asarray(total, dtype=float)

    def zth(self, t: ArrayLike, *, nodes: int = 24) -> Array:
        """Zth(t) [K/W]; see :func:`layered_zth`."""
        return layered_zth(self, t, nodes=nodes)

    def cauer_ladder(self, cells: int = 50) -> tuple[Array, Array]:
        """The discretised Cauer ladder (R [K/W], C [J/K]) of the path, for :func:`~tcrlab.transient.cauer_zth`.

        Each slab is cut into ``cells`` equal cells, each a resistance Δx/(kA) with half its heat capacity
        ρcAΔx at either end (second-order accurate in Δx); massless resistances join the nodes on their two
        sides; the last node is the sink. Parameters must be scalars, and the path must start with a slab
        (a massless resistance at the heated face has no Cauer form).

        Examples
        --------
        >>> r, c = LayeredPath((Slab("s", 1e-3, 100.0, 2e6, 1e-4), Resistance("c", 0.5))).cauer_ladder(2)
        >>> r.tolist(), c.tolist()
        ([0.05, 0.05, 0.5], [0.05, 0.1, 0.05])
        """
        if not isinstance(cells, int) or cells < 1:
            raise InputError("cells", cells, "an integer ≥ 1")
        if not isinstance(self.elements[0], Slab):
            raise InputError("elements[0]", self.elements[0].name, "a slab at the heated face (a Cauer ladder "
                             "needs a capacitance at its input node)")
        caps = [0.0]
        res: list[float] = []
        for e in self.elements:
            if isinstance(e, Slab):
                if np.isinf(float(e.thickness)):
                    raise InputError(f"{e.name}.thickness", "inf", "finite layers for a ladder")
                c_cell = float(e.capacitance) / cells
                r_cell = float(e.resistance) / cells
                for _ in range(cells):
                    caps[-1] += c_cell / 2.0
                    res.append(r_cell)
                    caps.append(c_cell / 2.0)
            else:
                res.append(float(e.resistance))
                caps.append(0.0)
        caps = caps[:-1]  # the last node is the sink
        r_out: list[float] = [res[0]]
        c_out: list[float] = [caps[0]]
        for c_i, r_i in zip(caps[1:], res[1:], strict=True):
            if c_i == 0.0:  # a node without capacitance: its two resistances are in series
                r_out[-1] += r_i
            else:
                c_out.append(c_i)
                r_out.append(r_i)
        return np.asarray(r_out), np.asarray(c_out)


def layered_impedance(path: LayeredPath | Sequence[Slab | Resistance], s: ArrayLike) -> NDArray[np.complex128]:
    """Driving-point thermal impedance Z(s): the Laplace transform of the heated face's unit-impulse response.

    Parameters
    ----------
    path : LayeredPath or sequence of Slab/Resistance
        The heat path from the heated face to the isothermal sink.
    s : array_like of complex
        Laplace variable [1/s]. Element fields broadcast against ``s`` (give batch parameters a shape
        like ``(n, 1, 1)`` to evaluate many paths at once).

    Returns
    -------
    ndarray of complex
        Z(s) (K/W per unit of the transformed power). Batch element fields of shape ``(n, 1, 1)`` give
        Zth of shape ``(n, len(t))`` in :func:`layered_zth`.

    References
    ----------
    Maillet et al. (2000), ch. 3 (quadrupole of a slab and of a contact resistance).
    """
    elements = path.elements if isinstance(path, LayeredPath) else tuple(path)
    s_ = np.asarray(s, dtype=complex)
    z = np.zeros(np.broadcast_shapes(s_.shape), dtype=complex)
    for e in reversed(elements):
        if isinstance(e, Resistance):
            z = z + np.asarray(e.resistance, dtype=float)
            continue
        k = np.asarray(e.conductivity, dtype=float)
        rc = np.asarray(e.heat_capacity, dtype=float)
        area = np.asarray(e.area, dtype=float)
        thick = np.asarray(e.thickness, dtype=float)
        q = np.sqrt(s_ * rc / k)
        zc = 1.0 / (k * q * area)
        with np.errstate(invalid="ignore", over="ignore"):
            th = np.where(np.isinf(thick), 1.0 + 0j, np.tanh(q * np.where(np.isinf(thick), 1.0, thick)))
        z = (z + zc * th) / (1.0 + z * th / zc)
    return z


def talbot_contour(t: Array, nodes: int) -> tuple[NDArray[np.complex128], NDArray[np.complex128], Array]:
    """Fixed-Talbot contour points s_k(t), weights w_k(t) (complex) and r(t) (Abate & Valkó 2004, eq. 23).

    Parameters
    ----------
    t : ndarray
        Times [s], > 0.
    nodes : int
        Number of contour nodes.

    Returns
    -------
    s : ndarray
        Contour points, shape (nt, nodes − 1) [1/s].
    w : ndarray
        Complex weights, shape (nodes − 1,).
    r : ndarray
        Contour parameter r(t) [1/s].
    """
    m = nodes
    theta = np.arange(1, m) * np.pi / m
    cot = 1.0 / np.tan(theta)
    r = 2.0 * m / (5.0 * t)  # shape (nt,)
    s = r[:, None] * theta * (cot + 1j)
    sigma = theta + (theta * cot - 1.0) * cot
    w = (1.0 + 1j * sigma)
    return s, w, r


def talbot_invert(transform, t: ArrayLike, *, nodes: int = 24) -> Array:
    """f(t) from its Laplace transform F(s) by the fixed Talbot method, vectorised over t (> 0).

    ``transform`` takes a complex array of s of shape (nt, nodes − 1) (and for s = r a shape (nt, 1)) and
    returns F(s) of the same trailing shape (leading batch axes allowed).

    Parameters
    ----------
    transform : callable
        F(s) of a complex array of s.
    t : array_like
        Times, > 0 [s].
    nodes : int
        Contour nodes M (error model in the module docstring).

    Returns
    -------
    ndarray
        f(t), shaped like ``t``.

    References
    ----------
    Abate & Valkó (2004), eq. (23).

    Examples
    --------
    >>> import numpy as np
    >>> f = talbot_invert(lambda s: 1.0 / (s + 1.0), np.array([1.0]))
    >>> bool(abs(float(f[0]) - np.exp(-1.0)) < 1e-10)
    True
    """
    tt = np.atleast_1d(np.asarray(t, dtype=float))
    s, w, r = talbot_contour(tt, nodes)
    f_r = np.real(transform(r[:, None].astype(complex)))[..., 0]
    f_s = transform(s)
    total = 0.5 * f_r * np.exp(r * tt) + np.sum(np.real(np.exp(tt[:, None] * s) * f_s * w), axis=-1)
    return (r / nodes) * total


def layered_zth(path: LayeredPath | Sequence[Slab | Resistance], t: ArrayLike, *, nodes: int = 24,
                method: str = "talbot") -> Array:
    """Thermal impedance Zth(t) [K/W] of a layered 1-D path (response of the heated face to a unit power step).

    Parameters
    ----------
    path : LayeredPath or sequence of Slab/Resistance
        From the heated face to the isothermal sink.
    t : array_like
        Times [s], ≥ 0 (Zth(0) = 0).
    nodes : int
        Talbot nodes (``method='talbot'``); 24 gives ≈ 1e-11 relative error in float64.
    method : {'talbot', 'dehoog', 'mp-talbot'}
        Vectorised fixed Talbot in NumPy (fast), or mpmath's de Hoog / Talbot inversion at 30 digits
        (slow; an independent check).

    Returns
    -------
    ndarray
        Zth at ``t`` [K/W]; with batched element fields, batch shape + t's shape.

    References
    ----------
    Maillet et al. (2000); Abate & Valkó (2004); de Hoog, Knight & Stokes (1982).

    Examples
    --------
    >>> p = LayeredPath((Slab("Cu", 1e-3, 400.0, 3.45e6, 1e-4),))
    >>> z = p.zth([1e3])                 # long after the step: the steady L/(kA)
    >>> round(float(z[0]), 6)
    0.025
    """
    if not isinstance(path, LayeredPath):
        path = LayeredPath(tuple(path))
    tt = require_nonnegative("t", t)
    shape = tt.shape
    flat = np.ravel(tt)
    positive = flat > 0
    if method == "talbot":
        if not 8 <= nodes <= 64:
            raise InputError("nodes", nodes, "8 … 64 (float64 round-off grows as e^(2·nodes/5))")
        tpos = flat[positive]
        batch = int(np.prod(np.shape(path.steady_resistance)[:-2], dtype=np.int64)) or 1
        # work in chunks of times so the complex (batch, times, nodes) arrays stay near 64 MB each
        chunk = max(1, CHUNK_ELEMENTS // (batch * nodes))
        parts = [talbot_invert(lambda s: layered_impedance(path, s) / s, tpos[i:i + chunk], nodes=nodes)
                 for i in range(0, tpos.size, chunk)]
        values = np.concatenate(parts, axis=-1) if parts else \
            np.zeros((*np.shape(path.steady_resistance)[:-2], 0))
        out = np.zeros((*values.shape[:-1], flat.size))
        out[..., positive] = values
        return out.reshape(out.shape[:-1] + shape)
    if method in ("dehoog", "mp-talbot"):
        if np.ndim(path.steady_resistance) > 0:
            raise InputError("method", method, "'talbot' for batched paths")

        def f(s: mpmath.mpc) -> mpmath.mpc:
            return _mp_impedance(path, s) / s

        values = []
        with mpmath.workdps(30):
            for ti in flat:
                values.append(0.0 if ti == 0 else float(mpmath.re(
                    mpmath.invertlaplace(f, ti, method="dehoog" if method == "dehoog" else "talbot"))))
        return np.asarray(values).reshape(shape)
    raise InputError("method", method, "'talbot', 'dehoog' or 'mp-talbot'")


def _mp_impedance(path: LayeredPath, s: mpmath.mpc) -> mpmath.mpc:
    z = mpmath.mpf(0)
    for e in reversed(path.elements):
        if isinstance(e, Resistance):
            z += mpmath.mpf(float(e.resistance))
            continue
        k, rc, area = (mpmath.mpf(float(v)) for v in (e.conductivity, e.heat_capacity, e.area))
        q = mpmath.sqrt(s * rc / k)
        zc = 1 / (k * q * area)
        th = mpmath.mpf(1) if np.isinf(float(e.thickness)) else mpmath.tanh(q * mpmath.mpf(float(e.thickness)))
        z = (z + zc * th) / (1 + z * th / zc)
    return z
