"""Thermal-transient timings: the layered Laplace solution and the network identification.

    python benchmarks/bench_transient.py [--repeat 20]

Not a test: prints what it measured (best and median of ``--repeat`` runs).

* Zth of a 10-layer stack (10 slabs with a contact resistance after each) at 200 log-spaced times,
  1 µs … 1000 s, fixed Talbot with 24 nodes (``LayeredPath.zth``).
* Identification of a 10⁴-point noisy curve (the same stack, 0.05 K RMS at 20 W): log-time resampling,
  regularised NNLS spectrum with the discrepancy principle, Foster → Cauer in mpmath, structure function
  (``identify_network``, 10 time constants per decade).
* One interface fit with 200 Monte Carlo refits (``fit_interface_resistance``, 300 points).
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from tcrlab.transient import (
    LayeredPath,
    Resistance,
    Slab,
    fit_interface_resistance,
    identify_network,
)


def ten_layer_stack() -> LayeredPath:
    elements = []
    for i in range(10):
        elements.append(Slab(f"layer {i + 1}", 0.3e-3 * (i + 1), 100.0 + 30.0 * i, 2.0e6, 1e-4 * (1 + 0.3 * i)))
        elements.append(Resistance(f"contact {i + 1}", 0.02))
    return LayeredPath(tuple(elements))


def timed(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm-up
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return min(runs), float(np.median(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    path = ten_layer_stack()
    t200 = np.logspace(-6, 3, 200)
    best, med = timed(lambda: path.zth(t200), args.repeat)
    print(f"Zth, 10-layer stack (20 elements), 200 times: best {best * 1e3:.1f} ms, median {med * 1e3:.1f} ms")
    t4 = np.logspace(-6, 3, 10_000)
    z4 = path.zth(t4) + np.random.default_rng(0).normal(0.0, 0.05 / 20.0, t4.size)
    best, med = timed(lambda: identify_network(t4, z4), max(args.repeat // 4, 3))
    ident = identify_network(t4, z4)
    print(f"identification of a 10^4-point curve: best {best:.3f} s, median {med:.3f} s "
          f"({ident.cauer_R.size} Cauer stages, lambda = {ident.spectrum.regularization:.3g})")
    t300 = np.logspace(-5, 3, 300)
    z300 = path.zth(t300) + np.random.default_rng(1).normal(0.0, 0.05 / 20.0, t300.size)
    best, med = timed(lambda: fit_interface_resistance(path, "contact 5", t300, z300, samples=200, seed=0),
                      max(args.repeat // 4, 3))
    print(f"interface fit with 200 Monte Carlo refits, 300 points: best {best:.3f} s, median {med:.3f} s")


if __name__ == "__main__":
    main()
