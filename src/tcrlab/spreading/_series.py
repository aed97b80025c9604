"""Shared machinery of the series solutions: Bessel zeros, chunking, the batch driver."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import numpy as np
from numpy.typing import NDArray
from scipy import special

from tcrlab.errors import ValidityWarning

__all__ = ["CHUNK_ELEMENTS", "MAX_TERMS_DISK", "chunks", "j1_zeros", "warn_unconverged"]

CHUNK_ELEMENTS = 1 << 21  # modes × geometries evaluated at once (~16 MB per float64 temporary)
MAX_TERMS_DISK = 1 << 16  # Bessel modes at most per disk geometry

_zeros: NDArray[np.float64] = np.empty(0)
_j0sq: NDArray[np.float64] = np.empty(0)


def j1_zeros(n: int) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The first ``n`` positive zeros δ_k of J1 and J0(δ_k)² (cached; the disk's eigenvalues).

    Parameters
    ----------
    n : int
        Zeros wanted.

    Returns
    -------
    zeros : ndarray
        δ_1 … δ_n [-].
    j0_squared : ndarray
        J0(δ_k)² [-].

    Examples
    --------
    >>> z, j0sq = j1_zeros(2)
    >>> [round(float(v), 4) for v in z]
    [3.8317, 7.0156]
    """
    global _zeros, _j0sq
    if _zeros.size < n:
        size = max(n, 2 * _zeros.size, 256)
        _zeros = special.jn_zeros(1, size)
        _j0sq = special.j0(_zeros) ** 2
    return _zeros[:n], _j0sq[:n]


def chunks(index: NDArray[np.intp], per_item: int) -> Iterator[NDArray[np.intp]]:
    """Split ``index`` so that len(part) × per_item ≤ CHUNK_ELEMENTS (bounded memory for any batch).

    Parameters
    ----------
    index : ndarray of int
        Indices of the geometries to evaluate.
    per_item : int
        Elements (modes) each geometry needs at once.

    Yields
    ------
    ndarray of int
        Consecutive parts of ``index``.
    """
    step = max(1, CHUNK_ELEMENTS // max(per_item, 1))
    for i in range(0, index.size, step):
        yield index[i:i + step]


def warn_unconverged(model: str, converged: NDArray[np.bool_], max_terms: int, hint: str) -> None:
    """Issue one ValidityWarning naming how many geometries missed the tolerance (none: silent).

    Parameters
    ----------
    model : str
        The function's name, as the message's first word.
    converged : ndarray of bool
        Whether each geometry reached the tolerance.
    max_terms : int
        The term cap that stopped the others.
    hint : str
        What the user may change, appended to the message.
    """
    if not np.all(converged):
        warnings.warn(
            f"{model}: {int(np.size(converged) - np.count_nonzero(converged))} geometr(y/ies) did not reach "
            f"the requested tolerance within {max_terms} terms; the reported truncation_error says by how "
            f"much. {hint}",
            ValidityWarning, stacklevel=4,
        )
