"""Benchmark: closed-form spreading resistances over 10⁴ random geometries (geometries per second).

Run:  .venv/bin/python benchmarks/bench_spreading.py [--n 10000]
Best of 3 after one warm-up call (the warm-up also compiles and caches the rectangle's numba kernel).
Geometries: source/plate ratio uniform in [0.1, 0.9], thickness/plate size in [0.05, 1], Biot number hb/k
in [0.05, 50], one layer; the compound row has two layers (k ratio 0.1–10).
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from tcrlab.spreading import (
    disk_resistance,
    disk_spreading,
    rectangle_resistance,
    rectangle_spreading,
    song_lee_au_resistance,
)


def best_of(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=10_000)
    n = ap.parse_args().n
    rng = np.random.default_rng(0)
    eps = rng.uniform(0.1, 0.9, n)
    tau = rng.uniform(0.05, 1.0, n)
    bi = rng.uniform(0.05, 50.0, n)
    k = 200.0
    h = bi * k  # plate size 1 m
    kr = 10.0 ** rng.uniform(-1, 1, n)
    cases = {
        "disk, rtol 1e-4 (default)": lambda: disk_resistance(eps, 1.0, tau, k, h),
        "disk, rtol 1e-3": lambda: disk_resistance(eps, 1.0, tau, k, h, rtol=1e-3),
        "disk, two layers, rtol 1e-4": lambda: disk_spreading(eps, 1.0, [(0.2 * tau, k), (tau, k * kr)], h).spreading,
        "Song–Lee–Au closed form": lambda: song_lee_au_resistance(eps, 1.0, tau, k, h),
        "rectangle, centred, rtol 1e-3": lambda: rectangle_resistance(eps, eps, 1.0, 1.0, tau, k, h, rtol=1e-3),
        "rectangle, centred, rtol 1e-4 (default)": lambda: rectangle_resistance(eps, eps, 1.0, 1.0, tau, k, h),
        "rectangle, eccentric, rtol 1e-3": lambda: rectangle_spreading(
            eps / 2, eps / 2, 1.0, 1.0, [(tau, k)], h, xc=eps / 4 + 0.1, yc=0.5, rtol=1e-3).spreading,
    }
    print(f"{n} geometries per call, best of 3")
    for name, fn in cases.items():
        t = best_of(fn)
        print(f"{name:42s} {t:8.3f} s   {n / t:10.0f} geometries/s")


if __name__ == "__main__":
    main()
