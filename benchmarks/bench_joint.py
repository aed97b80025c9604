"""Benchmark: one joint model over 10⁶ pressures, and a 10⁶-sample Monte Carlo of the full CMY joint.

Run:  .venv/bin/python benchmarks/bench_joint.py
Prints the measured wall times (best of 3, after one warm-up call that builds caches: CoolProp import,
the gap-integral spline table).
"""

from __future__ import annotations

import time
import warnings

import numpy as np

import tcrlab
from tcrlab.errors import ValidityWarning

N = 1_000_000


def best_of(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    warnings.simplefilter("ignore", ValidityWarning)
    rng = np.random.default_rng(0)
    pressures = np.geomspace(1e4, 1e7, N)
    sigma, m, k_s, c1, c2 = 1.5e-6, 0.1, 16.0, 6.271e9, -0.229

    def cmy_only() -> None:
        r = tcrlab.relative_pressure(pressures, sigma, m, c1, c2)
        tcrlab.cmy_conductance(k_s, sigma, m, r)

    def correlation_only() -> None:
        r = tcrlab.relative_pressure(pressures, sigma, m, c1, c2)
        tcrlab.cmy_correlation_conductance(k_s, sigma, m, r)

    def mikic_only() -> None:
        tcrlab.mikic_elastic_conductance(k_s, sigma, m, pressures, 112e9)

    y = rng.uniform(1.5, 4.5, N) * sigma
    big_m = rng.uniform(0.05, 1.0, N) * sigma

    def gap_integral() -> None:
        tcrlab.gap_conductance(0.026, sigma, y, big_m)

    joint = tcrlab.Joint(
        "SS304", "SS304", pressure=rng.uniform(0.5e6, 5e6, N), sigma=rng.normal(1.5e-6, 0.1e-6, N),
        slope=rng.normal(0.1, 0.01, N), gas="air", gas_pressure=101325.0, temperature=300.0,
    )

    def full_joint() -> None:
        joint.evaluate(emit_warnings=False)

    print(f"tcrlab joint benchmarks, N = {N:,} values")
    for label, fn in [
        ("CMY exact h_c over 1e6 pressures (incl. Song-Yovanovich P/H_c)", cmy_only),
        ("CMY correlation h_c over 1e6 pressures (incl. P/H_c)", correlation_only),
        ("Mikic elastic h_c over 1e6 pressures", mikic_only),
        ("Yovanovich gap integral over 1e6 (Y, M)", gap_integral),
        ("Joint MC, 1e6 samples (P, sigma, m): h_c + h_g(integral, air) + h_r", full_joint),
    ]:
        t = best_of(fn)
        print(f"  {label:<72s} {t * 1e3:8.1f} ms  ({N / t / 1e6:5.2f} M values/s)")


if __name__ == "__main__":
    main()
