"""Bilinear / trilinear (Q1) finite-element matrices on the tensor grids of :mod:`tcrlab.fem.mesh`.

On a tensor-product cell the Q1 integrals factor into 1-D ones: the stiffness ∫ k ∇u·∇v dV of a cell is
k Σ_d K_d ⊗ Π_{e≠d} M_e with the 1-D linear-element stiffness K and mass M of each axis, and the face
integrals ∫ h u v dA, ∫ q v dA are tensor products of the lateral M and load vectors L. In r–z the
radial axis carries the weight 2πr exactly (K = 2π r̄/h [[1, −1], [−1, 1]], M = 2πh/12 [[3r₀+r₁, r₀+r₁],
[r₀+r₁, r₀+3r₁]], L = 2πh/6 [2r₀+r₁, r₀+2r₁]). The matrices equal scikit-fem's ElementQuad1/ElementHex1
assembly with Gauss quadrature (checked in the tests); building them from the 1-D factors avoids
scikit-fem's per-element geometry, which takes tens of seconds at 10⁵–10⁶ hexahedra.

A body with constant k is assembled as a sum of Kronecker products of global 1-D matrices (memory ~ the
matrix itself); a body with k(T) cell by cell with the cell's k at its mean temperature (Picard).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from tcrlab.fem.mesh import BodyMesh

__all__ = ["FaceCells", "axis_matrices", "body_load", "body_stiffness", "face_cells", "tensor_cells"]


def axis_matrices(x: np.ndarray, radial: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-cell 1-D stiffness, mass and load of the linear element on the nodes ``x``.

    Parameters
    ----------
    x : array_like
        Node coordinates along the axis [m], increasing (n + 1 values for n cells).
    radial : bool
        Weight every integral by 2πr (the radial axis of an r–z model).

    Returns
    -------
    K : ndarray
        (n, 2, 2) cell stiffness ∫ u' v' dx [1/m] (radial: [1]).
    M : ndarray
        (n, 2, 2) cell mass ∫ u v dx [m] (radial: [m²]).
    L : ndarray
        (n, 2) cell load ∫ v dx [m] (radial: [m²]).

    Examples
    --------
    >>> K, M, L = axis_matrices([0.0, 0.5, 1.0])
    >>> float(M.sum()), float(L.sum()), float(K[0, 0, 0])  # length 1 m, cells of 0.5 m
    (1.0, 1.0, 2.0)
    """
    x = np.asarray(x, dtype=float)
    x0, x1 = x[:-1], x[1:]
    h = x1 - x0
    one = np.array([[1.0, -1.0], [-1.0, 1.0]])
    if not radial:
        K = one[None] / h[:, None, None]
        M = (h / 6.0)[:, None, None] * np.array([[2.0, 1.0], [1.0, 2.0]])[None]
        L = np.stack([h / 2.0, h / 2.0], axis=1)
        return K, M, L
    tp = 2.0 * math.pi
    K = tp * (0.5 * (x0 + x1) / h)[:, None, None] * one[None]
    M = np.empty((len(h), 2, 2))
    M[:, 0, 0] = 3 * x0 + x1
    M[:, 0, 1] = M[:, 1, 0] = x0 + x1
    M[:, 1, 1] = x0 + 3 * x1
    M *= (tp * h / 12.0)[:, None, None]
    L = (tp * h / 6.0)[:, None] * np.stack([2 * x0 + x1, x0 + 2 * x1], axis=1)
    return K, M, L


def _global_1d(cells: np.ndarray) -> sp.csr_matrix:
    n = len(cells) + 1
    i = np.arange(len(cells))
    rows = np.concatenate([i, i, i + 1, i + 1])
    cols = np.concatenate([i, i + 1, i, i + 1])
    vals = np.concatenate([cells[:, 0, 0], cells[:, 0, 1], cells[:, 1, 0], cells[:, 1, 1]])
    return sp.csr_matrix((vals, (rows, cols)), shape=(n, n))


def tensor_cells(bm: BodyMesh) -> np.ndarray:
    """The cell multi-index of every element of a body's grid (axis 0 fastest).

    Parameters
    ----------
    bm : BodyMesh
        The body's tensor grid.

    Returns
    -------
    ndarray
        (n_axes, n_elements) integer cell index per axis.
    """
    cshape = [len(a) - 1 for a in bm.axes]
    return np.indices(tuple(reversed(cshape))).reshape(len(cshape), -1)[::-1]


def _element_kron(factors: list[np.ndarray]) -> np.ndarray:
    """Per-element Kronecker product of per-element factors (axis 0 fastest in the local numbering)."""
    out = factors[0]
    for f in factors[1:]:
        if out.ndim == 3:
            n = out.shape[1]
            out = np.einsum("eij,ekl->ekilj", out, f).reshape(len(out), 2 * n, 2 * n)
        else:
            n = out.shape[1]
            out = np.einsum("ei,ek->eki", out, f).reshape(len(out), 2 * n)
    return out


def element_nodes(bm: BodyMesh, idx: np.ndarray) -> np.ndarray:
    """(n_elements, 2^dim) global node numbers of the cells ``idx`` (local numbering axis 0 fastest)."""
    dim = len(bm.axes)
    base = bm.node(*idx)
    offsets = np.zeros(2**dim, dtype=np.int64)
    for loc in range(2**dim):
        offsets[loc] = sum(((loc >> d) & 1) * s for d, s in enumerate(bm.strides))
    return base[:, None] + offsets[None, :]


def body_stiffness(bm: BodyMesh, *, radial: bool, scale: float, k: float | np.ndarray) -> sp.csr_matrix:
    """The body's conduction matrix ∫ k ∇u·∇v dV in its own numbering (global number = local + offset).

    Parameters
    ----------
    bm : BodyMesh
        The body's tensor grid.
    radial : bool
        Axis 0 is the radius of an r–z model (integrals weighted by 2πr).
    scale : float
        The depth [m] of a planar model, else 1.
    k : float or ndarray
        A constant conductivity [W/(m K)] (Kronecker assembly) or one value per element (cell-by-cell
        assembly, elements numbered as by :func:`tensor_cells`).

    Returns
    -------
    scipy.sparse.csr_matrix
        (n_body, n_body) matrix [W/K].
    """
    per_axis = [axis_matrices(a, radial and d == 0) for d, a in enumerate(bm.axes)]
    if np.ndim(k) == 0:
        # S_j (stiffness of axes 0..j) = M_j ⊗ S_{j-1} + K_j ⊗ M_{j-1}: two Kronecker products per axis,
        # only the last pair of the full size
        S = _global_1d(per_axis[0][0])
        M = _global_1d(per_axis[0][1])
        for j in range(1, len(bm.axes)):
            Kj, Mj = _global_1d(per_axis[j][0]), _global_1d(per_axis[j][1])
            S_new = sp.kron(Mj, S, format="csr") + sp.kron(Kj, M, format="csr")
            if j < len(bm.axes) - 1:
                M = sp.kron(Mj, M, format="csr")
            S = S_new
        S = S.tocsr()
        S.data *= float(k) * scale
        return S
    idx = tensor_cells(bm)
    Ke = None
    for d in range(len(bm.axes)):
        term = _element_kron([per_axis[e][0 if e == d else 1][idx[e]] for e in range(len(bm.axes))])
        Ke = term if Ke is None else Ke + term
    assert Ke is not None
    Ke *= (np.asarray(k, dtype=float) * scale)[:, None, None]
    nodes = element_nodes(bm, idx) - bm.offset
    m = nodes.shape[1]
    rows = np.repeat(nodes, m, axis=1).ravel()
    cols = np.tile(nodes, (1, m)).ravel()
    n = bm.n_nodes
    return sp.csr_matrix((Ke.ravel(), (rows, cols)), shape=(n, n))


def body_load(bm: BodyMesh, n_total: int, *, radial: bool, scale: float, density: float) -> np.ndarray:
    """The load vector ∫ q''' v dV of a uniform volumetric source in one body.

    Parameters
    ----------
    bm : BodyMesh
        The body's tensor grid.
    n_total : int
        Length of the global vector (all bodies' nodes).
    radial : bool
        Axis 0 is the radius of an r–z model.
    scale : float
        The depth [m] of a planar model, else 1.
    density : float
        Source density q''' [W/m³]; with 1 the entries sum to the body's volume [m³].

    Returns
    -------
    ndarray
        (n_total,) nodal load [W], zero outside the body.
    """
    per_axis = [axis_matrices(a, radial and d == 0)[2] for d, a in enumerate(bm.axes)]
    idx = tensor_cells(bm)
    Le = _element_kron([per_axis[e][idx[e]] for e in range(len(bm.axes))]) * (density * scale)
    f = np.zeros(n_total)
    np.add.at(f, element_nodes(bm, idx).ravel(), Le.ravel())
    return f


@dataclass(frozen=True)
class FaceCells:
    """The cells of a face, with the matrices of the face integrals.

    Attributes
    ----------
    nodes : ndarray
        (n, m) global node numbers of the n cells, m nodes each.
    M : ndarray
        (n, m, m) cell mass matrices [m²], so that ∫ h u v dA = Σ h_c uᵀ M_c v.
    L : ndarray
        (n, m) cell load vectors ∫ v dA [m²].
    centres : ndarray
        (n, lateral dims) cell centres [m] (zero on side faces).
    cell_index : ndarray
        (n, lateral dims) global lateral cell multi-index on top/bottom faces (zero on side faces).
    """

    nodes: np.ndarray
    M: np.ndarray
    L: np.ndarray
    centres: np.ndarray
    cell_index: np.ndarray

    @property
    def areas(self) -> np.ndarray:
        """Cell areas [m²] (the rows of ``L`` summed)."""
        return self.L.sum(axis=1)

    def take(self, mask: np.ndarray) -> FaceCells:
        """The cells selected by ``mask`` (a boolean mask or index array)."""
        return FaceCells(self.nodes[mask], self.M[mask], self.L[mask], self.centres[mask],
                         self.cell_index[mask])


def face_cells(bm: BodyMesh, side: str, *, lateral_dims: int, radial: bool, scale: float,
               sides: dict[str, tuple[int, int]]) -> FaceCells:
    """The cells of one face of a body.

    Parameters
    ----------
    bm : BodyMesh
        The body's tensor grid.
    side : str
        ``"top"``, ``"bottom"`` or a side name of ``sides``.
    lateral_dims : int
        Number of lateral axes of the assembly (1 or 2).
    radial : bool
        Axis 0 is the radius of an r–z model.
    scale : float
        The depth [m] of a planar model, else 1.
    sides : dict
        Side name → (lateral axis, end: 0 low, 1 high), e.g. :data:`tcrlab.fem.geometry.SIDES`.

    Returns
    -------
    FaceCells
        The face's cells and their mass and load matrices.
    """
    dim = len(bm.axes)
    zaxis = dim - 1
    if side in ("top", "bottom"):
        fixed, end = zaxis, (1 if side == "top" else 0)
    else:
        fixed, end = sides[side]
    free = [d for d in range(dim) if d != fixed]
    factor = scale
    if radial and fixed == 0:
        factor *= 2.0 * math.pi * float(bm.axes[0][-1 if end else 0])
    mats = [axis_matrices(bm.axes[d], radial and d == 0) for d in free]
    cshape = [len(bm.axes[d]) - 1 for d in free]
    sub = np.indices(tuple(reversed(cshape))).reshape(len(cshape), -1)[::-1]
    M = _element_kron([mats[i][1][sub[i]] for i in range(len(free))]) * factor
    L = _element_kron([mats[i][2][sub[i]] for i in range(len(free))]) * factor
    fixed_index = (len(bm.axes[fixed]) - 1) if end else 0
    n_local = 2 ** len(free)
    nodes = np.empty((sub.shape[1], n_local), dtype=np.int64)
    for loc in range(n_local):
        full = [None] * dim
        for i, d in enumerate(free):
            full[d] = sub[i] + ((loc >> i) & 1)
        full[fixed] = np.full(sub.shape[1], fixed_index)
        nodes[:, loc] = bm.node(*full)
    if fixed == zaxis:
        centres = np.stack([0.5 * (bm.axes[d][sub[i]] + bm.axes[d][sub[i] + 1]) for i, d in enumerate(free)], axis=1)
        cell_index = np.stack([sub[i] + bm.start[d] for i, d in enumerate(free)], axis=1)
    else:
        centres = np.zeros((sub.shape[1], lateral_dims))
        cell_index = np.zeros((sub.shape[1], lateral_dims), dtype=np.int64)
    return FaceCells(nodes, M, L, centres, cell_index)
