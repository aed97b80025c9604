"""Convolvers (compliance kernels with their planned FFTs) kept between contact solves.

Building a kernel and planning its transforms costs more than many iterations of a small solve, and
load sweeps solve the same grid again and again, so convolvers are cached per grid, dtype and backend,
for a unit contact modulus (E' = 1; the solver works in units of E'). The cache is bounded in bytes,
least recently used dropped first.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, ItemsView, Iterator, ValuesView
from typing import Any

import numpy as np

from tcrlab.contact import _kernels as kern
from tcrlab.contact._fft import Convolver
from tcrlab.contact._preconditioners import FourierPreconditioner, StencilPreconditioner

__all__ = ["CONVOLVERS", "ConvolverCache", "convolver", "preconditioner"]


class ConvolverCache:
    """Least-recently-used convolvers up to ``max_bytes`` of kernels (the newest is always kept).

    Parameters
    ----------
    max_bytes : int
        Bytes of kernels kept [B].
    """

    def __init__(self, max_bytes: int = 1 << 30) -> None:
        self.max_bytes = int(max_bytes)
        self._items: OrderedDict[tuple, Convolver] = OrderedDict()

    def get(self, key: tuple, make: Callable[[], Convolver]) -> Convolver:
        """The convolver under ``key``, made by ``make()`` if absent.

        Parameters
        ----------
        key : tuple
            Grid, dtype and backend of the convolver.
        make : callable
            Builds the convolver when it is not cached.

        Returns
        -------
        Convolver
            The cached (now most recently used) convolver.
        """
        conv = self._items.get(key)
        if conv is None:
            conv = make()
            self._items[key] = conv
            while len(self._items) > 1 and self.nbytes > self.max_bytes:
                self._items.popitem(last=False)
        self._items.move_to_end(key)
        return conv

    @property
    def nbytes(self) -> int:
        """Bytes held by the cached kernels [B]."""
        return sum(c.kernel.nbytes for c in self._items.values())

    def clear(self) -> None:
        """Drop every cached convolver."""
        self._items.clear()

    def keys(self) -> list[tuple]:
        """The keys (shape, size, periodic or kind, dtype, backend), least recently used first."""
        return list(self._items)

    def values(self) -> ValuesView[Convolver]:
        """The cached convolvers, least recently used first."""
        return self._items.values()

    def items(self) -> ItemsView[tuple, Convolver]:
        """(key, convolver) pairs, least recently used first."""
        return self._items.items()

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._items)

    def __reversed__(self) -> Iterator[tuple]:
        return reversed(self._items)

    def __len__(self) -> int:
        return len(self._items)


CONVOLVERS = ConvolverCache()
if hasattr(os, "register_at_fork"):  # a forked child plans its own FFTs (see _fft._after_fork_in_child)
    os.register_at_fork(after_in_child=CONVOLVERS.clear)


def convolver(shape: tuple, size: tuple, periodic: bool, dtype: Any, backend: str | None,
              cache: ConvolverCache = CONVOLVERS) -> Convolver:
    """Convolver for a unit contact modulus (E' = 1), cached per grid.

    Parameters
    ----------
    shape : tuple of int
        Grid points (nx, ny).
    size : tuple of float
        Physical size (Lx, Ly) [m].
    periodic : bool
        Periodic kernel on the grid itself, else the Love (1929) pixel kernel zero-padded to 2n.
    dtype : numpy dtype
        float64 or float32.
    backend : str or None
        FFT backend (None: the default for the grid).
    cache : ConvolverCache
        Where it is kept.

    Returns
    -------
    Convolver
        u = K p for E' = 1.
    """
    def make() -> Convolver:
        if periodic:
            return Convolver(kern.periodic_kernel(shape, size, 1.0), shape, shape, dtype=dtype, backend=backend)
        k = kern.freespace_kernel(shape, size, 1.0)
        return Convolver(k, shape, (2 * shape[0], 2 * shape[1]), dtype=dtype, backend=backend)

    return cache.get((shape, size, periodic, np.dtype(dtype).str, backend), make)


def preconditioner(
    shape: tuple, size: tuple, dtype: Any, backend: str | None, kind: str
) -> StencilPreconditioner | FourierPreconditioner:
    """The ``kind`` ("fourier", else the stencil) of preconditioner E'|q|/2 (E' = 1) on the unpadded grid.

    The Fourier one's convolver is cached per grid; for a periodic grid it shares the FFT plan (and
    buffers) of the compliance convolver. A stencil holds only its own work arrays.

    Parameters
    ----------
    shape : tuple of int
        Grid points (nx, ny).
    size : tuple of float
        Physical size (Lx, Ly) [m].
    dtype : numpy dtype
        float64 or float32.
    backend : str or None
        FFT backend (None: the default for the grid).
    kind : str
        "fourier" for the exact operator; anything else gives the 3 × 3 stencil.

    Returns
    -------
    StencilPreconditioner or FourierPreconditioner
        The preconditioner for E' = 1.
    """
    if kind != "fourier":
        return StencilPreconditioner(shape, size, dtype)
    return FourierPreconditioner(CONVOLVERS.get(
        (shape, size, "precondition", np.dtype(dtype).str, backend),
        lambda: Convolver(kern.preconditioner_kernel(shape, size, 1.0), shape, shape, dtype=dtype, backend=backend),
    ))
