"""Benchmark: the rectangle's series, split (Ewald-type) evaluation against direct summation, one run.

Run:  .venv/bin/python benchmarks/bench_spreading_rectangle.py [--n 10000]
Split evaluation: best of 3 after one warm-up call (the warm-up loads or compiles the numba kernels);
direct summation (~10² geometries/s on this mix): one timed call on the batch's first ``--n-direct``
geometries after a 10-geometry warm-up; the two are compared on those. Each batch: 10⁴ random
geometries, source/plate ratios 0.05–0.95 in each direction, plate aspect 0.5–2, centred or eccentric
(anywhere inside the plate), 1–3 layers (top layer t₁/c 0.05–1, layer k 20–400 W/(m K)), a third of them
on an isothermal sink, the rest Bi = hc/k₁ 0.05–50. Also prints the largest difference between the two
evaluations relative to R_s, and the largest reported error bound.
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np

from tcrlab.spreading.rectangle import _rectangle_spreading


def footprints(rng: np.random.Generator, n: int, centred: bool):  # type: ignore[no-untyped-def]
    """Random plates (c = 1, d in 0.5–2) and sources on them (5–95 % of each side, centred or anywhere):
    a, b, c, d, x, y."""
    c = np.ones(n)
    d = rng.uniform(0.5, 2.0, n)
    a = rng.uniform(0.05, 0.95, n) * c
    b = rng.uniform(0.05, 0.95, n) * d
    x = c / 2 if centred else a / 2 + rng.uniform(0, 1, n) * (c - a)
    y = d / 2 if centred else b / 2 + rng.uniform(0, 1, n) * (d - b)
    return a, b, c, d, x, y


def batch(n: int, layers: int, centred: bool, seed: int):  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(seed)
    a, b, c, d, x, y = footprints(rng, n, centred)
    stack = [(rng.uniform(0.05, 1.0, n) * c, rng.uniform(20.0, 400.0, n))]
    stack += [(rng.uniform(0.02, 0.5, n) * c, rng.uniform(20.0, 400.0, n)) for _ in range(layers - 1)]
    h = rng.uniform(0.05, 50.0, n) * stack[0][1] / c
    h[::3] = np.inf
    return a, b, c, d, x, y, stack, h


def best_of(fn, repeat: int = 3) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    result = fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--n-direct", type=int, default=1000)
    ap.add_argument("--rtol", type=float, default=1e-4)
    args = ap.parse_args()
    n, rtol, nd = args.n, args.rtol, args.n_direct
    print(f"{n} geometries per call, rtol {rtol:g}, best of 3; load average {os.getloadavg()[0]:.1f}")
    print(f"{'batch':30s} {'direct /s':>10s} {'split /s':>10s} {'max |Δ|/R_s':>12s} {'max err/R_s':>12s}")
    for layers in (1, 2, 3):
        for centred in (True, False):
            a, b, c, d, x, y, stack, h = batch(n, layers, centred, seed=layers + 10 * centred)

            def run(split: bool, sl: slice = slice(None), g=(a, b, c, d, x, y, stack, h)):  # type: ignore[no-untyped-def]
                a, b, c, d, x, y, stack, h = g
                lay = [(t[sl], k[sl]) for t, k in stack]
                return _rectangle_spreading(a[sl], b[sl], c[sl], d[sl], lay, h[sl], x[sl], y[sl], rtol, 4096,
                                            split=split)

            run(False, slice(0, 10))
            t0 = time.perf_counter()
            old = run(False, slice(0, nd))
            t_old = (time.perf_counter() - t0) / nd
            t_new, new = best_of(lambda: run(True))
            diff = np.max(np.abs(new.spreading[:nd] - old.spreading) / old.spreading)
            err = np.max(new.truncation_error / new.spreading)
            name = f"{layers} layer(s), {'centred' if centred else 'eccentric'}"
            print(f"{name:30s} {1 / t_old:10.0f} {n / t_new:10.0f} {diff:12.2e} {err:12.2e}", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
