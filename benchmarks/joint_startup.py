"""Start-up cost of one `tcrlab joint ... --gas air`: without caches (CoolProp loads its fluid library,
pint parses its definitions) and with the disk caches warm. Prints the median wall and CPU (user + sys)
time of N runs of each; CPU time is the fairer figure on a shared machine.

    PYTHONPATH=src python benchmarks/joint_startup.py [N]
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ARGS = ["-m", "tcrlab.cli.main", "joint", "--solids", "SS304", "--sigma", "1um", "--slope", "0.1",
        "--pressure", "1MPa", "--gas", "air"]


def _once(env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *ARGS], env=env, check=True, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(n: int = 5) -> None:
    with tempfile.TemporaryDirectory() as cache:
        cold = {**os.environ, "TCRLAB_NO_CACHE": "1"}
        warm = {**os.environ, "TCRLAB_CACHE_DIR": cache}
        warm.pop("TCRLAB_NO_CACHE", None)
        _once(warm)  # fill the caches
        for name, env in (("no caches", cold), ("warm caches", warm)):
            runs = [_once(env) for _ in range(n)]
            print(f"{name:12s} wall {statistics.median(r[0] for r in runs):.2f} s, "
                  f"CPU {statistics.median(r[1] for r in runs):.2f} s (median of {n})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
