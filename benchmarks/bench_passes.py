"""Benchmark: the contact solver's fused element-wise passes, one thread vs split over threads (not a test).

Each pass of a preconditioned iteration (float32, ~7 % of the points in contact) and the spectral
multiply of a convolution, timed single-threaded and split over ``tcrlab.contact._threads.THREADS``
threads, alternately in one process (best of ``--repeat``), next to one convolution (FFT pair +
multiply) for scale.

usage: python benchmarks/bench_passes.py [--sizes 2048 8192] [--repeat 5]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from tcrlab.contact import _fft, _threads
from tcrlab.contact import _kernels as kern
from tcrlab.contact.solver import _convolver


def best_ms(fn, repeat: int) -> float:
    fn()
    best = np.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1e3


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[2048, 8192])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    for n in args.sizes:
        measure(n, args.repeat)


def measure(n: int, repeat: int) -> None:
    threads = _threads.THREADS
    rng = np.random.default_rng(0)
    dt = np.float32
    h, u, t, z, r = (rng.standard_normal((n, n)).astype(dt) for _ in range(5))
    r *= 1e-3
    p = np.where(rng.random((n, n)) < 0.07, rng.random((n, n)), 0.0).astype(dt)
    buf = np.empty_like(u)
    conv = _convolver((n, n), (1.0, 1.0), True, dt, None)
    spec = conv._spec if conv.backend != "scipy" else np.fft.rfft2(u).astype(np.complex64)
    cases = {
        "residual": lambda: kern.residual_pass(u, h, p, buf, 1.0, 0.1),
        "direction (precond.)": lambda: kern.direction_pass(u, h, p, t, buf, 1.0, 0.1, 0.5, z),
        "update": lambda: kern.update_pass(p, u, r, t, h, 1.0, 1e-9, 0.1, 1e-4),
        "stats": lambda: kern.stats_pass(p, u, h, 1.0, 0.1, 1e-4),
        "spectral multiply": lambda: _fft._multiply_parseval(spec, conv.kernel, n),
    }
    conv_in = conv.input_buffer()
    conv_in[...] = u
    one_conv = best_ms(lambda: conv.apply(conv_in), repeat)
    print(f"\n== {n}² float32: one convolution (FFT pair + multiply) {one_conv:.1f} ms")
    print(f"{'pass':22s} {'1 thread':>10s} {f'{threads} threads':>10s} {'speed-up':>9s}")
    total1 = totaln = 0.0
    for name, fn in cases.items():
        _threads.THREADS = 1
        one = best_ms(fn, repeat)
        _threads.THREADS = threads
        many = best_ms(fn, repeat)
        total1 += one
        totaln += many
        print(f"{name:22s} {one:8.2f} ms {many:8.2f} ms {one / many:8.2f}×")
    print(f"{'all':22s} {total1:8.2f} ms {totaln:8.2f} ms {total1 / totaln:8.2f}×"
          f"   ({totaln / one_conv:.2f} convolutions' worth with {threads} threads)")


if __name__ == "__main__":
    main()
