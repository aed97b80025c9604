"""Linear solvers for the FE systems and the memory estimate that decides whether a model may be built.

* ``"direct"`` — SuperLU (scipy.sparse.linalg.splu) for small systems;
* ``"amg"`` — conjugate gradients preconditioned by a smoothed-aggregation AMG V-cycle (pyamg; Vaněk,
  Mandel & Brezina, Computing 56, 179 (1996)) for large ones; the hierarchy may be reused as the
  preconditioner of later Picard steps (still symmetric positive definite, so CG stays valid).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla
from threadpoolctl import threadpool_limits

from tcrlab.errors import ConvergenceError, InputError

__all__ = ["LinearSolver", "available_memory", "choose_method", "estimate_memory"]

DIRECT_LIMIT = {2: 200_000, 3: 6_000}


def available_memory() -> float:
    """The memory the operating system reports as available (MemAvailable of /proc/meminfo).

    Returns
    -------
    float
        Available memory [bytes]; 4·10⁹ when the system does not report it.
    """
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return float(line.split()[1]) * 1024.0
    except OSError:  # pragma: no cover - non-Linux
        pass
    return 4e9  # pragma: no cover


def choose_method(method: str, n: int, dim: int) -> str:
    """The linear solver for a system of ``n`` unknowns: ``"auto"`` picks SuperLU up to
    ``DIRECT_LIMIT[dim]`` unknowns (2·10⁵ in 2-D, 6·10³ in 3-D, where a factor fills in badly; see
    docs/fem.md) and AMG-preconditioned CG beyond.

    Parameters
    ----------
    method : str
        ``"auto"``, ``"direct"`` or ``"amg"`` (InputError naming ``solver.method`` otherwise).
    n : int
        Number of unknowns.
    dim : int
        Spatial dimension of the mesh, 2 or 3.

    Returns
    -------
    str
        ``"direct"`` or ``"amg"``.

    Examples
    --------
    >>> choose_method("auto", 1_000, 2), choose_method("auto", 10_000, 3)
    ('direct', 'amg')
    """
    if method not in ("auto", "direct", "amg"):
        raise InputError("solver.method", method, "auto, direct or amg")
    if method == "auto":
        return "direct" if n <= DIRECT_LIMIT[dim] else "amg"
    return method


def estimate_memory(n_nodes: int, n_elements: int, dim: int, method: str, *, cell_assembly: bool) -> float:
    """Peak memory of assembling and solving a Q1 system, estimated before anything is built.

    The estimate follows the sparsity of a tensor grid: 3^dim entries per row, 12 bytes per CSR entry,
    COO triplets of 24 bytes while assembling, an AMG hierarchy of about 1.5 times the matrix, and an
    envelope for the direct factor's fill.

    Parameters
    ----------
    n_nodes : int
        Number of unknowns.
    n_elements : int
        Number of elements.
    dim : int
        Spatial dimension, 2 or 3.
    method : str
        ``"direct"`` or ``"amg"``.
    cell_assembly : bool
        True when some body is assembled cell by cell (k(T)), which needs per-element triplets.

    Returns
    -------
    float
        Estimated peak memory [bytes], including a fixed 150 MB for the interpreter and libraries.
    """
    nnz = n_nodes * 3**dim
    csr = 12.0 * nnz + 8.0 * n_nodes
    per_elem = (2**dim) ** 2
    assembly = (3.0 * 24.0 * per_elem * n_elements) if cell_assembly else 3.0 * 24.0 * nnz
    vectors = 16 * 8.0 * n_nodes
    if method == "direct":
        fill = 12.0 * (8.0 * n_nodes * max(math.log2(max(n_nodes, 2)), 1.0) if dim == 2 else 2.0 * n_nodes ** (5 / 3))
        solve = 2 * csr + fill
    else:
        solve = 2 * csr + 1.5 * csr
    return max(assembly + csr, solve) + vectors + 150e6


@dataclass
class LinearSolver:
    """Solves A x = b for the SPD reduced system; remembers the AMG hierarchy between calls.

    Attributes
    ----------
    method : str
        ``"direct"`` (SuperLU) or ``"amg"`` (CG preconditioned by a smoothed-aggregation V-cycle).
    tolerance : float
        CG stopping tolerance on the relative residual.
    max_iterations : int
        CG iterations before a :class:`~tcrlab.errors.ConvergenceError`.
    reuse_preconditioner : bool
        Keep the AMG hierarchy of the first matrix for later solves (Picard steps).
    progress : callable or None
        ``progress(stage, fraction)``, called during AMG setup and CG (fraction of the log-residual way
        from 1 to ``tolerance``).
    _ml : object
        The cached pyamg hierarchy (None until the first AMG solve).
    iterations : int
        CG iterations of the last solve (0 for the direct method).
    """

    method: str
    tolerance: float = 1e-10
    max_iterations: int = 2000
    reuse_preconditioner: bool = True
    progress: Callable[[str, float], None] | None = None
    _ml: Any = None
    iterations: int = 0

    def solve(self, A: sp.csr_matrix, b: np.ndarray, x0: np.ndarray | None = None) -> np.ndarray:
        """x with A x = b (A symmetric positive definite); ``x0`` is the CG starting guess."""
        if A.shape[0] == 0:
            return np.zeros(0)
        if self.method == "direct":
            self.iterations = 0
            return spla.splu(A.tocsc(), permc_spec="COLAMD").solve(b)
        # AMG setup and CG work on vectors and sparse matrices: a multithreaded BLAS only adds
        # synchronisation (on a busy 2-core machine a dot product of 2·10⁴ entries took 20 ms), so BLAS
        # runs single-threaded here
        with threadpool_limits(limits=1, user_api="blas"):
            return self._amg(A, b, x0)

    def _amg(self, A: sp.csr_matrix, b: np.ndarray, x0: np.ndarray | None) -> np.ndarray:
        import pyamg

        report = self.progress or (lambda stage, fraction: None)
        if self._ml is None or not self.reuse_preconditioner:
            report("AMG setup", 0.0)
            self._ml = pyamg.smoothed_aggregation_solver(A, symmetry="symmetric", max_coarse=500)
            report("AMG setup", 1.0)
        M = self._ml.aspreconditioner(cycle="V")
        bnorm = float(np.linalg.norm(b)) or 1.0
        count = [0]
        span = math.log(1.0 / self.tolerance)

        def callback(xk: np.ndarray) -> None:
            count[0] += 1
            if count[0] % 10 == 0:
                r = float(np.linalg.norm(b - A @ xk)) / bnorm
                report("CG", min(1.0, max(0.0, math.log(1.0 / max(r, 1e-300)) / span)))

        x, info = spla.cg(A, b, x0=x0, rtol=self.tolerance, atol=0.0, maxiter=self.max_iterations, M=M,
                          callback=callback)
        self.iterations = count[0]
        report("CG", 1.0)
        if info != 0:
            r = float(np.linalg.norm(b - A @ x)) / bnorm
            raise ConvergenceError(f"AMG-preconditioned CG stopped after {count[0]} iterations at relative "
                                   f"residual {r:.2e} (tolerance {self.tolerance:g}); try solver.method = "
                                   "\"direct\" on a smaller mesh or a looser solver.tolerance")
        return x
