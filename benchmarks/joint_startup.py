"""Start-up cost of one `tcrlab joint ... --gas air` (a single gas-filled joint, the command below).

Two measurements:

* ``PYTHONPATH=src python benchmarks/joint_startup.py [N]`` — without caches (CoolProp loads its fluid
  library, pint parses its definitions and every quantity) and with the disk caches warm;
* ``python benchmarks/joint_startup.py --compare SRC_A SRC_B [N] [--bytecode]`` — the same warm command
  from two source trees (e.g. two versions of tcrlab) run alternately, N times each.

Each prints the median and the minimum wall time and the median CPU time (user + sys of the child) of
its runs, with the load average; CPU time is the fairer figure on a shared machine. ``--bytecode`` lets
Python keep compiled modules (in a temporary PYTHONPYCACHEPREFIX), as an installed package has them;
without it the environment decides (PYTHONDONTWRITEBYTECODE=1 recompiles tcrlab's sources every run).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ARGS = ["-m", "tcrlab.cli.main", "joint", "--solids", "SS304,SS304", "--sigma", "1.5um", "--slope", "0.1",
        "--pressure", "1MPa", "--gas", "air", "--gas-pressure", "1atm", "--temperature", "300K"]


def _once(env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *ARGS], env=env, check=True, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _summary(name: str, runs: list[tuple[float, float]]) -> str:
    walls = [r[0] for r in runs]
    return (f"{name}: wall median {statistics.median(walls):.3f} s, min {min(walls):.3f} s; "
            f"CPU median {statistics.median(r[1] for r in runs):.3f} s ({len(runs)} runs)")


def _load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main(n: int = 5) -> None:
    with tempfile.TemporaryDirectory() as cache:
        cold = {**os.environ, "TCRLAB_NO_CACHE": "1"}
        warm = {**os.environ, "TCRLAB_CACHE_DIR": cache}
        warm.pop("TCRLAB_NO_CACHE", None)
        _once(warm)  # fill the caches
        print(_load())
        for name, env in (("no caches", cold), ("warm caches", warm)):
            print(_summary(name, [_once(env) for _ in range(n)]))
        print(_load())


def compare(trees: list[str], n: int = 10, bytecode: bool = False) -> None:
    """The warm command from each source tree, alternating, ``n`` runs each (the user's own caches)."""
    with tempfile.TemporaryDirectory() as prefix:
        envs = []
        for tree in trees:
            env = {**os.environ, "PYTHONPATH": os.path.join(os.path.abspath(tree), "src")}
            env.pop("TCRLAB_NO_CACHE", None)
            if bytecode:
                env.pop("PYTHONDONTWRITEBYTECODE", None)
                env["PYTHONPYCACHEPREFIX"] = prefix
            envs.append(env)
        for env in envs:  # warm-up: caches filled, modules compiled
            _once(env)
        print(_load())
        runs: list[list[tuple[float, float]]] = [[] for _ in trees]
        for _ in range(n):
            for i, env in enumerate(envs):
                runs[i].append(_once(env))
        print(_load())
        for tree, r in zip(trees, runs, strict=True):
            print(_summary(tree, r))
        ratio = statistics.median(x[0] for x in runs[0]) / statistics.median(x[0] for x in runs[1])
        print(f"wall-time ratio (median) {trees[0]} / {trees[1]}: {ratio:.2f}")


if __name__ == "__main__":
    argv = sys.argv[1:]
    with_bytecode = "--bytecode" in argv
    argv = [a for a in argv if a != "--bytecode"]
    if argv and argv[0] == "--compare":
        compare(argv[1:3], int(argv[3]) if len(argv) > 3 else 10, with_bytecode)
    else:
        main(int(argv[0]) if argv else 5)
