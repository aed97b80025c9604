"""Benchmark: rectangle spreading with a thin top layer, before (direct sum) and after (depth-response split).

Run:  .venv/bin/python benchmarks/bench_spreading_thin.py [--n 2000] [--n-direct 100]

Batches of random geometries whose top layer is too thin for the Ewald-type split (more than 2¹⁶ modes):
t₁/c log-uniform in [10⁻⁴, 10⁻²] on a plate c × d (c = 1, aspect 0.5–2), source/plate 0.05–0.95 in each
direction, centred or anywhere inside; the top layer's k 1–400 W/(m K) (TIM, solder, copper) on 1–2 plate
layers (t/c 0.02–0.2, k 20–400 W/(m K)); a third on an isothermal sink, the rest Bi = hc/k_plate 0.05–50.
"Before" is the direct double sum the split path used to fall back to (one timed call on the first
``--n-direct`` geometries after a 5-geometry warm-up); "after" is the current default (best of 3). Both
run in the same process on the same geometries; the table gives geometries/s, the largest difference
relative to R_s and the largest reported error of each.
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np

from tcrlab.spreading.rectangle import _rectangle_spreading


def batch(n: int, below: int, centred: bool, seed: int):  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(seed)
    c = np.ones(n)
    d = rng.uniform(0.5, 2.0, n)
    a = rng.uniform(0.05, 0.95, n) * c
    b = rng.uniform(0.05, 0.95, n) * d
    x = c / 2 if centred else a / 2 + rng.uniform(0, 1, n) * (c - a)
    y = d / 2 if centred else b / 2 + rng.uniform(0, 1, n) * (d - b)
    stack = [(10.0 ** rng.uniform(-4, -2, n) * c, 10.0 ** rng.uniform(0, np.log10(400.0), n))]
    stack += [(rng.uniform(0.02, 0.2, n) * c, rng.uniform(20.0, 400.0, n)) for _ in range(below)]
    h = rng.uniform(0.05, 50.0, n) * stack[-1][1] / c
    h[::3] = np.inf
    return a, b, c, d, x, y, stack, h


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--n-direct", type=int, default=100)
    ap.add_argument("--rtol", type=float, default=1e-4)
    args = ap.parse_args()
    n, rtol, nd = args.n, args.rtol, args.n_direct
    print(f"{n} geometries per call (direct: {nd}), rtol {rtol:g}; load average {os.getloadavg()[0]:.1f}")
    print(f"{'batch':34s} {'before /s':>10s} {'after /s':>10s} {'max |Δ|/R_s':>12s} "
          f"{'err/R_s before':>14s} {'err/R_s after':>14s}")
    for below in (1, 2):
        for centred in (True, False):
            a, b, c, d, x, y, stack, h = batch(n, below, centred, seed=below + 10 * centred)

            def run(split: bool, sl: slice = slice(None), g=(a, b, c, d, x, y, stack, h)):  # type: ignore[no-untyped-def]
                a, b, c, d, x, y, stack, h = g
                lay = [(t[sl], k[sl]) for t, k in stack]
                return _rectangle_spreading(a[sl], b[sl], c[sl], d[sl], lay, h[sl], x[sl], y[sl], rtol, 4096,
                                            split=split)

            run(False, slice(0, 5))
            t0 = time.perf_counter()
            old = run(False, slice(0, nd))
            t_old = (time.perf_counter() - t0) / nd
            run(True, slice(0, 5))
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                new = run(True)
                times.append(time.perf_counter() - t0)
            diff = np.max(np.abs(new.spreading[:nd] - old.spreading) / old.spreading)
            name = f"thin top + {below} plate layer(s), {'centred' if centred else 'eccentric'}"
            print(f"{name:34s} {1 / t_old:10.1f} {n / min(times):10.0f} {diff:12.2e} "
                  f"{np.max(old.truncation_error / old.spreading):14.2e} "
                  f"{np.max(new.truncation_error / new.spreading):14.2e}  "
                  f"(unconverged before {np.sum(~old.converged)}, after {np.sum(~new.converged)})", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
