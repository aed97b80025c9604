"""Monte Carlo throughput of a CMY joint case (vectorised), in samples per second.

    .venv/bin/python benchmarks/bench_mc.py [-n 2000000] [--workers 2] [--batch 131072] [--gas vacuum]

Not a test: prints what it measured. The joint: SS304/SS304, σ = 1.5 µm ± 20 %, m = 0.1 ± 20 %,
P = 2 MPa ± 30 % (truncated at 0), contact_model = "cmy" (exact Gaussian form), in vacuum by default
(contact + radiation); ``--gas air`` adds the integral gap model. Reports the serial rate (one core,
in-process) and the rate on local worker processes (the default executor).
"""

from __future__ import annotations

import argparse
import os
import time
import warnings

from tcrlab.uq.executors import LocalExecutor, SerialExecutor
from tcrlab.uq.montecarlo import run_monte_carlo


def document(gas: str) -> dict:
    return {
        "joint": {
            "solids": ["SS304", "SS304"],
            "sigma": {"dist": "normal", "mean": "1.5 um", "rel_std": 0.2, "low": "0.1 um"},
            "slope": {"dist": "normal", "mean": 0.1, "rel_std": 0.2, "low": 0.01},
            "pressure": {"dist": "normal", "mean": "2 MPa", "rel_std": 0.3, "low": "0.05 MPa"},
            "temperature": "300 K",
            "gas": gas,
            "contact_model": "cmy",
        }
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch", type=int, default=131_072)
    parser.add_argument("--gas", default="vacuum")
    args = parser.parse_args()
    doc = document(args.gas)
    warnings.simplefilter("ignore")
    print(f"CMY joint Monte Carlo, gas = {args.gas}, n = {args.n:,}, batch = {args.batch:,}, "
          f"cores visible = {os.cpu_count()}")
    n_serial = min(args.n, 4 * args.batch)
    run_monte_carlo(doc, 2048, seed=0, executor=SerialExecutor())  # imports, gas tables: not timed
    t0 = time.perf_counter()
    res = run_monte_carlo(doc, n_serial, seed=1, batch_size=args.batch, executor=SerialExecutor())
    dt = time.perf_counter() - t0
    print(f"  serial (1 core)        : {n_serial / dt:12,.0f} samples/s  ({n_serial:,} in {dt:.2f} s)")
    with LocalExecutor(args.workers) as ex:
        run_monte_carlo(doc, args.batch, seed=0, batch_size=args.batch, executor=ex)  # warm the pool
        t0 = time.perf_counter()
        res = run_monte_carlo(doc, args.n, seed=1, batch_size=args.batch, executor=ex)
        dt = time.perf_counter() - t0
    print(f"  local processes ({args.workers})   : {args.n / dt:12,.0f} samples/s  ({args.n:,} in {dt:.2f} s)")
    s = res.summary()["h_j"]
    print(f"  h_j: P5 {s['P5']:.4g}  P50 {s['P50']:.4g}  P95 {s['P95']:.4g} W/(m² K); failures: {len(res.failures)}")


if __name__ == "__main__":
    main()
