"""Structured tensor-product meshes of a layered assembly, built without an external mesher.

The lateral grid lines of the whole assembly include every footprint edge and every boundary-region edge;
each body takes the lines inside its footprint and its own lines through the thickness. Each body has
its own nodes, so a touching pair has two coincident node sets on its overlap: the interface is a
temperature jump. Segments between neighbouring grid lines are graded geometrically toward both ends
(``MeshOptions.grading``), i.e. toward footprint edges, source edges and interfaces.

The mesh object holds only the 1-D coordinate arrays (a few kilobytes however fine the mesh), so node
and element counts — and the memory estimate — are known before any matrix is built.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np

from tcrlab.errors import InputError
from tcrlab.fem.geometry import LayeredAssembly

__all__ = ["BodyMesh", "LayeredMesh", "build_mesh", "graded_segment"]


def graded_segment(a: float, b: float, n: int, grading: float) -> np.ndarray:
    """Points from a to b whose cell sizes grow geometrically from both ends toward the middle.

    Parameters
    ----------
    a, b : float
        The segment's ends [m].
    n : int
        Number of cells (≥ 1); up to 2 cells the points are uniform.
    grading : float
        Ratio of the middle cell to the end cells (1: uniform).

    Returns
    -------
    ndarray
        n + 1 increasing points [m], exactly ``a`` and ``b`` at the ends.

    Examples
    --------
    >>> graded_segment(0.0, 1.0, 4, 1.0)
    array([0.  , 0.25, 0.5 , 0.75, 1.  ])
    >>> x = graded_segment(0.0, 1.0, 5, 4.0)
    >>> round(float((x[3] - x[2]) / (x[1] - x[0])), 6)  # the middle cell is four times the end cell
    4.0
    """
    if n <= 2 or grading == 1.0:
        return np.linspace(a, b, n + 1)
    half = (n - 1) // 2
    q = grading ** (1.0 / max(half, 1))
    sizes = q ** np.minimum(np.arange(n), np.arange(n)[::-1]).astype(float)
    edges = np.concatenate([[0.0], np.cumsum(sizes)])
    pts = a + (b - a) * edges / edges[-1]
    pts[-1] = b
    return pts


def _breaks(values: list[float], scale: float) -> np.ndarray:
    v = np.unique(np.asarray(values, dtype=float))
    keep = np.concatenate([[True], np.diff(v) > 1e-9 * scale])
    return v[keep]


def _lines(breaks: np.ndarray, cell_size: float, min_cells: int, grading: float) -> np.ndarray:
    parts = [np.array([breaks[0]])]
    for a, b in itertools.pairwise(breaks):
        n = max(min_cells, math.ceil((b - a) / cell_size - 1e-9))
        parts.append(graded_segment(a, b, n, grading)[1:])
    return np.concatenate(parts)


@dataclass(frozen=True)
class BodyMesh:
    """One body's tensor grid; its nodes are numbered with axis 0 fastest.

    Attributes
    ----------
    name : str
        The body's name.
    axes : tuple of ndarray
        Node coordinates [m] per axis: the lateral ones (its part of the global grid lines), then z.
    start : tuple of int
        Per lateral axis, the index of the body's first grid line in the global grid.
    offset : int
        The body's first global node number.
    """

    name: str
    axes: tuple[np.ndarray, ...]
    start: tuple[int, ...]
    offset: int

    @property
    def shape(self) -> tuple[int, ...]:
        """Nodes per axis."""
        return tuple(len(a) for a in self.axes)

    @property
    def n_nodes(self) -> int:
        """Number of nodes."""
        return int(np.prod(self.shape))

    @property
    def n_elements(self) -> int:
        """Number of elements (cells)."""
        return int(np.prod([len(a) - 1 for a in self.axes]))

    @property
    def strides(self) -> tuple[int, ...]:
        """Node-number step per axis (axis 0 fastest)."""
        s = [1]
        for n in self.shape[:-1]:
            s.append(s[-1] * n)
        return tuple(s)

    def node(self, *index: np.ndarray) -> np.ndarray:
        """Global node numbers of the multi-index (one int array per axis)."""
        out = np.full(np.shape(index[0]), self.offset, dtype=np.int64)
        for i, s in zip(index, self.strides, strict=True):
            out = out + np.asarray(i, dtype=np.int64) * s
        return out


@dataclass(frozen=True)
class LayeredMesh:
    """The assembly's global lateral grid lines and one :class:`BodyMesh` per body.

    Attributes
    ----------
    assembly : LayeredAssembly
        The meshed assembly.
    lateral : tuple of ndarray
        The global lateral grid lines [m], one array per lateral axis.
    bodies : dict of str to BodyMesh
        The bodies' grids by name, in the assembly's order (global node numbers follow it).
    """

    assembly: LayeredAssembly
    lateral: tuple[np.ndarray, ...]
    bodies: dict[str, BodyMesh]

    @property
    def n_nodes(self) -> int:
        """Number of nodes of all bodies (the unknowns of the FE system)."""
        return sum(b.n_nodes for b in self.bodies.values())

    @property
    def n_elements(self) -> int:
        """Number of elements of all bodies."""
        return sum(b.n_elements for b in self.bodies.values())

    @property
    def dim(self) -> int:
        """Spatial dimension: 3 for a box, 2 otherwise."""
        return self.assembly.lateral_dims + 1


def build_mesh(assembly: LayeredAssembly) -> LayeredMesh:
    """The structured mesh of ``assembly`` (checked first).

    The lateral grid lines include every footprint and region edge; each segment between two of them
    gets at least ``min_cells`` cells of about ``cell_size``, graded by ``grading``.

    Parameters
    ----------
    assembly : LayeredAssembly
        The model; its :class:`MeshOptions` control the mesh.

    Returns
    -------
    LayeredMesh
        The grid lines and one tensor grid per body.

    Raises
    ------
    InputError
        For an inconsistent assembly, or when the node count exceeds ``assembly.mesh.max_nodes`` (counted
        before anything is allocated).

    Examples
    --------
    >>> from tcrlab.fem import Body, Boundary, LayeredAssembly, MeshOptions
    >>> a = LayeredAssembly("planar", [Body("plate", ((0.0, 0.01),), 0.002, conductivity=10.0)],
    ...     boundaries=[Boundary("sink", "plate.bottom", "temperature", 300.0)],
    ...     mesh=MeshOptions(min_cells=10, layer_cells=4))
    >>> build_mesh(a).n_nodes
    55
    """
    assembly.check()
    opt = assembly.mesh
    z = assembly.z_ranges()
    lateral = []
    for d in range(assembly.lateral_dims):
        values = [v for b in assembly.bodies for v in b.footprint[d]]
        values += [v for bc in assembly.boundaries if bc.region is not None for v in bc.region[d]]
        scale = max(abs(v) for v in values) or 1.0
        lateral.append(_breaks(values, scale))
    seg = min(float(np.min(np.diff(br))) for br in lateral) if any(len(b) > 1 for b in lateral) else 1.0
    cell = opt.cell_size if opt.cell_size is not None else seg / 8.0
    grids = tuple(_lines(br, cell, opt.min_cells, opt.grading) for br in lateral)
    # refuse before allocating anything sizeable
    count = 0
    for b in assembly.bodies:
        nz = (b.cells or opt.layer_cells) + 1
        n = nz
        for d, g in enumerate(grids):
            lo, hi = b.footprint[d]
            n *= int(np.count_nonzero((g >= lo - 1e-9 * abs(hi - lo)) & (g <= hi + 1e-9 * abs(hi - lo))))
        count += n
    if count > opt.max_nodes:
        raise InputError("mesh", f"{count:,} nodes", f"at most mesh.max_nodes = {opt.max_nodes:,} nodes "
                         "(coarser cell_size, fewer layer_cells or min_cells)", problem="mesh too big")
    bodies: dict[str, BodyMesh] = {}
    offset = 0
    for b in assembly.bodies:
        axes, start = [], []
        for d, g in enumerate(grids):
            lo, hi = b.footprint[d]
            tol = 1e-9 * abs(hi - lo)
            i0 = int(np.argmin(np.abs(g - lo)))
            i1 = int(np.argmin(np.abs(g - hi)))
            if abs(g[i0] - lo) > tol or abs(g[i1] - hi) > tol:  # pragma: no cover - lines include all edges
                raise AssertionError("footprint edge missing from the grid lines")
            axes.append(g[i0:i1 + 1].copy())
            start.append(i0)
        z0, z1 = z[b.name]
        nz = b.cells or opt.layer_cells
        axes.append(graded_segment(z0, z1, nz, opt.grading))
        bm = BodyMesh(b.name, tuple(axes), tuple(start), offset)
        bodies[b.name] = bm
        offset += bm.n_nodes
    return LayeredMesh(assembly, grids, bodies)
