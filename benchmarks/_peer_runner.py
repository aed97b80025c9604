"""Run ONE peer contact solver on a saved height map (executed by the peers' own Python/venv).

usage: python _peer_runner.py PEER heights.npy pressure tol out_pressure.npy
Prints one JSON line {"time": s, "iterations": n, "setup": s}. Only the peers' public APIs are used.
E* = 1, physical size 1 × 1, periodic; pressure = mean nominal pressure.
"""

from __future__ import annotations

import json
import sys
import time

import numpy as np


def run_tamaas(h: np.ndarray, pbar: float, tol: float) -> tuple[np.ndarray, int, float]:
    import tamaas as tm

    n = h.shape[0]
    t0 = time.perf_counter()
    model = tm.ModelFactory.createModel(tm.model_type.basic_2d, [1.0, 1.0], [n, n])
    model.E = 1.0
    model.nu = 0.0
    solver = tm.PolonskyKeerRey(model, np.ascontiguousarray(h), tol)
    solver.max_iter = 100000
    setup = time.perf_counter() - t0
    solver.solve(pbar)
    p = np.array(model.traction).reshape(n, n)
    it = -1
    for name in ("nb_iter", "iterations"):
        if hasattr(solver, name):
            it = int(getattr(solver, name))
    return p, it, setup


def run_contactmechanics(h: np.ndarray, pbar: float, tol: float) -> tuple[np.ndarray, int, float]:
    from ContactMechanics import PeriodicFFTElasticHalfSpace
    from ContactMechanics.Factory import make_system
    from SurfaceTopography import Topography

    n = h.shape[0]
    t0 = time.perf_counter()
    substrate = PeriodicFFTElasticHalfSpace((n, n), 1.0, physical_sizes=(1.0, 1.0))
    topo = Topography(h, (1.0, 1.0), periodic=True)
    system = make_system(substrate=substrate, surface=topo)
    setup = time.perf_counter() - t0
    pixel = 1.0 / (n * n)
    res = system.minimize_proxy(
        external_force=pbar * 1.0, pentol=tol * float(np.std(h)), forcetol=tol, maxiter=100000
    )
    p = np.asarray(res.jac).reshape(n, n) / pixel
    return p, int(res.nit), setup


def run_aspher(h: np.ndarray, pbar: float, tol: float) -> tuple[np.ndarray, int, float]:
    import aspher

    n = h.shape[0]
    gap = (h.max() - h).astype(np.float64)
    res = aspher.solve_nested(
        n, np.ascontiguousarray(gap), pbar, domain_size=1.0, E_star=1.0, backend="periodic", tol=tol
    )
    p = np.asarray(res.pressure).reshape(n, n)
    return p, int(res.iterations), 0.0


def main() -> None:
    peer, hfile, pbar, tol, out = sys.argv[1:6]
    h = np.load(hfile)
    fn = {"tamaas": run_tamaas, "contactmechanics": run_contactmechanics, "aspher": run_aspher}[peer]
    t0 = time.perf_counter()
    p, it, setup = fn(h, float(pbar), float(tol))
    dt = time.perf_counter() - t0
    np.save(out, p)
    print(json.dumps({"time": dt, "iterations": it, "setup": setup}))


if __name__ == "__main__":
    main()
