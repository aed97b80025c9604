"""Benchmark: rectangle spreading with a thin top layer, before and after the thin-layer path, one run.

Run:  .venv/bin/python benchmarks/bench_spreading_thin.py [--n 2000] [--n-before 100] [--n-ref 20]

Batches of random geometries on a plate c × d (c = 1, aspect 0.5–2), source/plate 0.05–0.95 in each
direction, centred or anywhere inside; the top layer (k 1–400 W/(m K): interface material, solder,
copper) with t₁/c log-uniform in the batch's band, on 1 or 2 plate layers (t/c 0.02–0.2, k 20–400
W/(m K)); a third on an isothermal sink, the rest Bi = hc/k_plate 0.05–50.

"Before" is the evaluation order of the previous release, reproduced in the same process by setting
``SPLIT_MAX_MODES = 2**16`` and ``THIN_ROUNDS = 0`` (the Ewald split up to 2¹⁶ modes, the direct double
sum beyond), timed once after a 5-geometry warm-up on the first ``--n-before`` geometries of the two
thinnest bands (direct sum, ~20/s) and on all of the thickest band (mostly split); "after" is the
current default, best of 3 over all geometries. Columns: geometries/s of each, the largest difference
between them relative to R_s, the largest |after − direct sum at rtol 1e-6| relative to R_s on the first
``--n-ref`` geometries (with the reference's own largest error estimate), and the largest reported error
of each.
"""

from __future__ import annotations

import argparse
import os
import time
import warnings

import numpy as np
from bench_spreading_rectangle import footprints  # the split benchmark's random footprints

from tcrlab.errors import ValidityWarning
from tcrlab.spreading import rectangle
from tcrlab.spreading.rectangle import _rectangle_spreading


def batch(n: int, band: tuple[float, float], below: int, centred: bool, seed: int):  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(seed)
    a, b, c, d, x, y = footprints(rng, n, centred)
    t1 = 10.0 ** rng.uniform(np.log10(band[0]), np.log10(band[1]), n) * c
    stack = [(t1, 10.0 ** rng.uniform(0, np.log10(400.0), n))]
    stack += [(rng.uniform(0.02, 0.2, n) * c, rng.uniform(20.0, 400.0, n)) for _ in range(below)]
    h = rng.uniform(0.05, 50.0, n) * stack[-1][1] / c
    h[::3] = np.inf
    return a, b, c, d, x, y, stack, h


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--n-before", type=int, default=100)
    ap.add_argument("--n-ref", type=int, default=20)
    ap.add_argument("--rtol", type=float, default=1e-4)
    args = ap.parse_args()
    n, rtol, nb, nr = args.n, args.rtol, args.n_before, args.n_ref
    print(f"{n} geometries per call (before: {nb}, reference: {nr}), rtol {rtol:g}; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'batch':44s} {'before /s':>9s} {'after /s':>9s} {'|Δ|/R_s':>9s} {'vs ref':>9s} {'ref err':>9s} "
          f"{'err bef.':>9s} {'err aft.':>9s}")
    defaults = rectangle.SPLIT_MAX_MODES, rectangle.THIN_ROUNDS
    for band in ((1e-4, 1e-3), (1e-3, 1e-2), (1e-2, 5e-2)):
        for below, centred in ((1, True), (2, False)):
            g = batch(n, band, below, centred, seed=below + 10 * centred + int(-100 * np.log10(band[0])))

            def run(split: bool, sl: slice = slice(None), r: float = rtol, g=g):  # type: ignore[no-untyped-def]
                a, b, c, d, x, y, stack, h = g
                lay = [(t[sl], k[sl]) for t, k in stack]
                return _rectangle_spreading(a[sl], b[sl], c[sl], d[sl], lay, h[sl], x[sl], y[sl], r, 4096,
                                            split=split)

            # the previous release; where it used the split (batches of >= 500 compiled), time all of them
            m = nb if band[1] <= 1e-2 else n
            rectangle.SPLIT_MAX_MODES, rectangle.THIN_ROUNDS = 1 << 16, 0
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", ValidityWarning)
                    run(True, slice(0, 5))
                    t0 = time.perf_counter()
                    old = run(True, slice(0, m))
                    t_old = (time.perf_counter() - t0) / m
            finally:
                rectangle.SPLIT_MAX_MODES, rectangle.THIN_ROUNDS = defaults
            run(True, slice(0, 5))
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                new = run(True)
                times.append(time.perf_counter() - t0)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ValidityWarning)
                ref = run(False, slice(0, nr), 1e-6)
            diff = np.max(np.abs(new.spreading[:m] - old.spreading) / old.spreading)
            vs_ref = np.max(np.abs(new.spreading[:nr] - ref.spreading) / ref.spreading)
            name = f"t₁/c {band[0]:g}–{band[1]:g}, {below} plate layer(s), {'centred' if centred else 'eccentric'}"
            print(f"{name:44s} {1 / t_old:9.1f} {n / min(times):9.0f} {diff:9.1e} {vs_ref:9.1e} "
                  f"{np.max(ref.truncation_error / ref.spreading):9.1e} "
                  f"{np.max(old.truncation_error / old.spreading):9.1e} "
                  f"{np.max(new.truncation_error / new.spreading):9.1e}"
                  f"  unconverged before {np.sum(~old.converged)}/{m}, after {np.sum(~new.converged)}/{n}",
                  flush=True)
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
