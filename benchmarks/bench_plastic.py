"""Benchmark: elastic–perfectly-plastic contact (pressure capped at H) against the elastic solve (not a test).

The surface of bench_contact.py (H = 0.8, RMS slope 1, E' = 1, p̄ = 0.033 E'), solved to tol 1e-8 under
load control with the pressure capped at H/E' = 0.5 (≈ 5 % of the grid plastic) and 0.1 (≈ 33 %,
nearly every spot flows), next to the elastic solve of the same surface. Each case runs in a fresh
process after a warm-up solve (FFT plans, JIT). With ``--baseline SRC`` every case is also run with
another tcrlab source tree on PYTHONPATH (e.g. ``git worktree add /tmp/base <commit>`` and
``--baseline /tmp/base/src``), alternating with this one, so the two are measured side by side.

usage: python benchmarks/bench_plastic.py [--sizes 512 1024] [--hardness 0.5 0.1] [--baseline SRC]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"


def child(n: int, hardness: float | None) -> dict:
    sys.path.insert(0, str(HERE))
    from bench_contact import PBAR, TOL, surface

    from tcrlab.contact import solve
    from tcrlab.surfaces import Topography

    topo = Topography(surface(n), (1.0, 1.0), periodic=True)
    solve(topo, 1.0, pressure=PBAR, tol=1e-5)  # warm-up: FFT plans, numba JIT
    t0 = time.perf_counter()
    res = solve(topo, 1.0, pressure=PBAR, hardness=hardness, tol=TOL)
    seconds = time.perf_counter() - t0
    return {"n": n, "hardness": hardness, "seconds": seconds, "iterations": res.iterations,
            "area": res.area_fraction, "plastic": res.plastic_fraction, "mean_gap": res.mean_gap,
            "load": res.load}


def run(src: Path, n: int, hardness: float | None) -> dict:
    env = dict(os.environ, PYTHONPATH=str(src))
    cmd = [sys.executable, __file__, "--child", str(n), "none" if hardness is None else str(hardness)]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[512, 1024])
    ap.add_argument("--hardness", type=float, nargs="+", default=[0.5, 0.1])
    ap.add_argument("--baseline", type=Path, help="another tcrlab src/ to time side by side")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        n, hard = int(args.child[0]), None if args.child[1] == "none" else float(args.child[1])
        print(json.dumps(child(n, hard)))
        return
    if args.baseline and not (args.baseline / "tcrlab" / "__init__.py").is_file():
        ap.error(f"--baseline {args.baseline}: expected a tcrlab source folder (src/ holding tcrlab/)")
    trees = [("this", SRC)] + ([("baseline", args.baseline)] if args.baseline else [])
    print(f"{'grid':>6} {'H/E′':>6} {'tree':>9} {'time (s)':>9} {'it':>6} {'A/A0':>9} {'plastic':>8} "
          f"{'mean gap':>11} {'× elastic':>9}", flush=True)
    for n in args.sizes:
        elastic = run(SRC, n, None)
        print(f"{n:>5}² {'∞':>6} {'this':>9} {elastic['seconds']:>9.2f} {elastic['iterations']:>6} "
              f"{elastic['area']:>9.6f} {0:>8.5f} {elastic['mean_gap']:>11.8f} {1:>9.1f}", flush=True)
        for hard in args.hardness:
            for name, src in trees:
                r = run(src, n, hard)
                print(f"{n:>5}² {hard:>6g} {name:>9} {r['seconds']:>9.2f} {r['iterations']:>6} {r['area']:>9.6f} "
                      f"{r['plastic']:>8.5f} {r['mean_gap']:>11.8f} {r['seconds'] / elastic['seconds']:>9.1f}",
                      flush=True)


if __name__ == "__main__":
    main()
