"""Benchmark: the contact solver's default thread count against fixed 1 and 2 threads, on an idle
machine and with two competing busy processes (not a test).

One periodic self-affine 512² surface (H = 0.8, RMS slope 0.1, 100 µm, SS304/SS304 E'), p̄ = 1 MPa,
tolerance 1e-8. The three settings are measured side by side in one process, interleaved solve by
solve (default, 1, 2, default, 1, 2, ...), so that a change of the machine's load during the run
touches all three alike. "default" is the automatic choice (``choose_threads``: the cores free at
the start of each solve); 1 and 2 are fixed with ``fix_threads``. Then two ``while True`` Python
processes are started and the same is measured again. Reports the median of ``--repeat`` solves and
the thread counts the default chose.

usage: python benchmarks/bench_threads.py [--size 512] [--repeat 5] [--busy 2]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from tcrlab.contact import _threads
from tcrlab.contact.solver import solve
from tcrlab.resources import available_cpus, runnable_others
from tcrlab.surfaces.synthetic import self_affine


def contact_modulus(name: str = "SS304") -> float:
    """E' of two like solids from the registry: 1/E' = 2 (1 − ν²)/E."""
    from tcrlab.materials import get_material

    m = get_material(name)
    return m.require("youngs_modulus") / (2 * (1 - m.require("poisson_ratio") ** 2))


E_EFF = contact_modulus()


def measure(topo, repeat: int) -> dict[str, dict]:
    settings = {"default": None, "1 thread": 1, "2 threads": 2}
    times: dict[str, list[float]] = {k: [] for k in settings}
    chosen: list[int] = []
    solve(topo, E_EFF, pressure=1e6)  # plans, JIT: not timed
    for _ in range(repeat):
        for name, n in settings.items():
            if n is None:
                _threads.EXPLICIT = None
            else:
                _threads.fix_threads(n)
            t0 = time.perf_counter()
            solve(topo, E_EFF, pressure=1e6)
            times[name].append(time.perf_counter() - t0)
            if n is None:
                chosen.append(_threads.THREADS)
    _threads.EXPLICIT = None
    out = {k: {"median_s": statistics.median(v), "times_s": [round(t, 4) for t in v]} for k, v in times.items()}
    out["default"]["threads_chosen"] = chosen
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=512)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--busy", type=int, default=2)
    args = ap.parse_args()
    topo = self_affine(args.size, 0.8, rms_slope=0.1, physical_size=1e-4, seed=1)
    report = {"size": args.size, "repeat": args.repeat, "cores": available_cpus(),
              "runnable_others_at_start": runnable_others(), "loadavg_at_start": os.getloadavg()}
    report["idle"] = measure(topo, args.repeat)
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(args.busy)]
    try:
        time.sleep(1.0)
        report["busy"] = measure(topo, args.repeat)
    finally:
        for proc in busy:
            proc.kill()
            proc.wait()
    report["loadavg_at_end"] = os.getloadavg()
    for phase in ("idle", "busy"):
        r = report[phase]
        one = r["1 thread"]["median_s"]
        print(f"{phase:5s}: default {r['default']['median_s']:.3f} s (threads {r['default']['threads_chosen']}), "
              f"1 thread {one:.3f} s, 2 threads {r['2 threads']['median_s']:.3f} s; "
              f"default / 1 thread = {r['default']['median_s'] / one:.2f}, "
              f"2 threads / 1 thread = {r['2 threads']['median_s'] / one:.2f}")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
