"""Coverage of the interface-resistance fit's Monte Carlo interval over seeded noisy trials.

    python benchmarks/validate_transient_inverse.py [--trials 100] [--samples 200]

A die / attach / Cu / TIM (1 K/W) / Al / coolant path, 300 points from 10 µs to 316 s, 0.05 K RMS noise at
20 W; prints the largest relative error of the fitted TIM resistance, the share of trials whose 95 %
interval holds the truth, the median relative standard deviation and the time per trial.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from tcrlab.transient import LayeredPath, Resistance, Slab, fit_interface_resistance


def path(r_tim: float) -> LayeredPath:
    area = 1e-4
    return LayeredPath((Slab("die", 0.4e-3, 130.0, 1.66e6, area), Resistance("attach", 0.2),
                        Slab("Cu", 2e-3, 398.0, 3.44e6, area), Resistance("TIM", r_tim),
                        Slab("Al", 5e-3, 237.0, 2.44e6, area), Resistance("coolant", 0.5)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    t = np.logspace(-5, 2.5, 300)
    clean = path(1.0).zth(t)
    errors, covered, rel_std = [], 0, []
    t0 = time.perf_counter()
    for seed in range(args.trials):
        noisy = clean + np.random.default_rng(1000 + seed).normal(0.0, 0.05 / 20.0, t.size)
        fit = fit_interface_resistance(path(0.3), "TIM", t, noisy, samples=args.samples, seed=seed)
        errors.append(abs(fit.value - 1.0))
        covered += fit.covers(1.0)
        rel_std.append(fit.std)
    per = (time.perf_counter() - t0) / args.trials
    print(f"{args.trials} trials, {args.samples} refits each: max |error| {100 * max(errors):.3f} %, "
          f"95 % interval covers the truth in {covered}/{args.trials}, median σ/R {100 * np.median(rel_std):.3f} %, "
          f"{per:.2f} s per trial")


if __name__ == "__main__":
    main()
