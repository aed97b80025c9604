"""Benchmark: warm-started load sweeps against cold starts, from light loads (not a test).

Each load of a sweep is solved twice: cold, and warm from the previous load's warm solution (what
``solve_sweep`` and ``tcrlab contact`` do). Reports the iterations and the wall time of both, and
whether the contact sets agree. The sweeps start where the contact is one or a few points:

* ``rough``: periodic self-affine 256² surface (``tcrlab.surfaces.self_affine``, H = 0.8, RMS slope
  0.1, 100 µm, seed 1), E' = 100 GPa, p̄ = 1 kPa … 10 MPa in half decades;
* ``rough-decades``: the same surface, 1 kPa … 10 MPa in decades;
* ``rough-jump``: the same generator, seed 5, 1 kPa then 10 MPa;
* ``bump``: one cosine bump (1 µm amplitude) on a periodic 1 mm 256² grid, 100 Pa … 1 MPa in decades;

each with the default (mixed-precision) solve and with ``mixed_precision=False``. A solve that raises
is reported with its error. Each solve is repeated (``--repeat``, best wall time kept; the
iterations do not change). The iteration counts of a cold start leave out its coarse-grid levels
(they cost a quarter of a fine iteration each); its wall time includes them.

usage: python benchmarks/bench_warm_start.py [--cases rough rough-decades rough-jump bump] [--repeat 3] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

E_EFF = 100e9


def topography(case: str):
    """The case's surface."""
    from tcrlab.surfaces import Topography, self_affine

    if case == "bump":
        n = 256
        x = np.arange(n) / n
        h = 1e-6 * np.cos(2 * np.pi * x)[:, None] * np.cos(2 * np.pi * x)[None, :]
        return Topography(h, (1e-3, 1e-3))
    seed = 5 if case == "rough-jump" else 1
    return self_affine(256, hurst=0.8, rms_slope=0.1, physical_size=100e-6, seed=seed)


PRESSURES = {
    "rough": np.logspace(3, 7, 9),
    "rough-decades": np.logspace(3, 7, 5),
    "rough-jump": np.array([1e3, 1e7]),
    "bump": np.logspace(2, 6, 5),
}


def timed(topo, p: float, initial, kw: dict, repeat: int) -> dict:
    """``repeat`` identical solves: iterations, best wall time, converged, the result (or the error)."""
    from tcrlab.contact import solve

    best = np.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        try:
            res = solve(topo, E_EFF, pressure=p, initial=initial, raise_on_failure=False, **kw)
        except Exception as exc:  # the code before 2026-12-07 raised ZeroDivisionError at light loads
            return {"error": type(exc).__name__, "time": time.perf_counter() - t0, "result": None}
        best = min(best, time.perf_counter() - t0)
        if res.iterations >= 1000:  # one run of a solve this long is timing enough
            break
    return {"iterations": res.iterations, "time": best, "converged": res.converged, "result": res}


def sweep(case: str, kw: dict, repeat: int) -> list[dict]:
    """Cold and warm solves of each load of the case's sweep."""
    from tcrlab.contact import solve

    topo = topography(case)
    solve(topo, E_EFF, pressure=1e6, **kw)  # plans the transforms, loads the JIT cache
    rows, prev = [], None
    for p in PRESSURES[case]:
        cold = timed(topo, float(p), None, kw, repeat)
        warm = timed(topo, float(p), prev, kw, repeat) if prev is not None else None
        row = {"pressure": float(p), "cold": cold, "warm": warm}
        if warm is not None and cold["result"] is not None and warm["result"] is not None:
            row["same_set"] = bool(np.array_equal(cold["result"].contact, warm["result"].contact))
        points = (warm or cold)["result"]
        row["points"] = None if points is None else int(np.count_nonzero(points.contact))
        prev = points if points is not None else None
        rows.append(row)
    return rows


def _fmt(s: dict | None) -> str:
    if s is None:
        return "–"
    if "error" in s:
        return f"{s['error']} ({s['time']:.2f} s)"
    return f"{s['iterations']} it, {s['time']:.3f} s" + ("" if s["converged"] else " (not converged)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", nargs="*", default=list(PRESSURES))
    ap.add_argument("--repeat", type=int, default=3, help="solves of each kind per load, best time kept")
    ap.add_argument("--json", default=None, help="write the figures to this file")
    args = ap.parse_args()
    out = {}
    for case in args.cases:
        for label, kw in (("default", {}), ("float64 only", {"mixed_precision": False})):
            rows = sweep(case, kw, args.repeat)
            print(f"== {case}, {label}")
            for r in rows:
                same = "" if "same_set" not in r else f"  same set: {r['same_set']}"
                print(f"  {r['pressure']:9.3g} Pa  points {r['points']!s:>5}  cold {_fmt(r['cold']):28s}"
                      f"  warm {_fmt(r['warm'])}{same}")
            warm_ok = [r for r in rows[1:] if r["warm"] and "iterations" in r["warm"] and "iterations" in r["cold"]]
            if warm_ok:
                print(f"  total over the warm-started loads: cold {sum(r['cold']['iterations'] for r in warm_ok)} it"
                      f" {sum(r['cold']['time'] for r in warm_ok):.2f} s, warm"
                      f" {sum(r['warm']['iterations'] for r in warm_ok)} it"
                      f" {sum(r['warm']['time'] for r in warm_ok):.2f} s")
            for r in rows:
                for k in ("cold", "warm"):
                    if r[k] is not None:
                        r[k].pop("result", None)
            out[f"{case} / {label}"] = rows
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=1)


if __name__ == "__main__":
    main()
