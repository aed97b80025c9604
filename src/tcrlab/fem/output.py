"""Field files for ParaView & co. through meshio: VTU/VTK (binary) or XDMF (XML data in the one file),
written atomically — a file is complete or absent.

Every body is one block of hexahedra (3-D) or quadrilaterals (r–z, x–z with z as the second coordinate);
point data ``T`` [K], cell data ``body`` (the body's index in the case). Bodies keep their own nodes, so
the temperature jump across an interface is visible as two coincident point sets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from tcrlab.errors import InputError
from tcrlab.fem.assembly import element_nodes, tensor_cells
from tcrlab.fileio import atomic_path

__all__ = ["FIELD_FORMATS", "check_field_path", "field_mesh", "write_field"]

FIELD_FORMATS = {".vtu": "vtu", ".vtk": "vtk", ".xdmf": "xdmf"}
_VTK_ORDER = {2: [0, 1, 3, 2], 3: [0, 1, 3, 2, 4, 5, 7, 6]}


def check_field_path(option: str, path: str) -> None:
    """Refuse a field-file name whose suffix is not a supported format, before anything is solved.

    Parameters
    ----------
    option : str
        The option or field that gave the path (named in the message, e.g. ``"--vtk"``).
    path : str
        The file name; its suffix must be one of :data:`FIELD_FORMATS` (.vtu, .vtk, .xdmf).

    Raises
    ------
    InputError
        For any other suffix.
    """
    if Path(path).suffix.lower() not in FIELD_FORMATS:
        raise InputError(option, path, "a file name ending in " + ", ".join(FIELD_FORMATS),
                         problem="unknown field-file format")


def field_mesh(result: Any) -> Any:
    """The solved field as a meshio mesh: one block of hexahedra (3-D) or quadrilaterals (2-D).

    Parameters
    ----------
    result : FieldResult
        A steady solution of :func:`tcrlab.fem.solve`.

    Returns
    -------
    meshio.Mesh
        Points [m] (2-D models with z = 0 as third coordinate), point data ``T`` [K] and cell data
        ``body`` (each cell's body index in the assembly).
    """
    import meshio

    mesh = result.mesh
    dim = mesh.dim
    points, cells, body_id = [], [], []
    for i, (name, bm) in enumerate(mesh.bodies.items()):
        grids = np.meshgrid(*bm.axes, indexing="ij")
        # node numbering is axis 0 fastest: flatten in Fortran order
        coords = np.stack([g.ravel(order="F") for g in grids], axis=1)
        if dim == 2:
            coords = np.column_stack([coords, np.zeros(len(coords))])
        points.append(coords)
        conn = element_nodes(bm, tensor_cells(bm))[:, _VTK_ORDER[dim]]
        cells.append(conn)
        body_id.append(np.full(len(conn), i, dtype=np.int32))
        del name
    block = "hexahedron" if dim == 3 else "quad"
    return meshio.Mesh(np.concatenate(points), [(block, np.concatenate(cells))],
                       point_data={"T": np.asarray(result.temperature, dtype=float)},
                       cell_data={"body": [np.concatenate(body_id)]})


def write_field(result: Any, path: str | Path) -> Path:
    """Write the field of a :class:`~tcrlab.fem.FieldResult` to a file, atomically.

    Parameters
    ----------
    result : FieldResult
        A steady solution of :func:`tcrlab.fem.solve`.
    path : str or pathlib.Path
        Target file; the format follows the suffix (.vtu and .vtk binary, .xdmf with XML data).

    Returns
    -------
    pathlib.Path
        The written file (complete, or absent after an error).
    """
    import meshio

    target = Path(path)
    check_field_path("path", str(target))
    fmt = FIELD_FORMATS[target.suffix.lower()]
    m = field_mesh(result)
    with atomic_path(target) as tmp:
        if fmt == "xdmf":
            meshio.write(tmp, m, file_format="xdmf", data_format="XML")
        else:
            meshio.write(tmp, m, file_format=fmt, binary=True)
    return target
