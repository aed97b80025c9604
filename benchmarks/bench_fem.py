"""Benchmark: a 3-D layered model (die, grease, heat-sink base; convective fin side) at growing mesh sizes
up to ≥ 10⁶ unknowns: wall time of meshing + assembly + AMG-CG solve and peak memory, each size in a
fresh process (so the peak resident set is that size's own).

Run:  PYTHONPATH=src .venv/bin/python benchmarks/bench_fem.py [cell sizes in mm ...]
Prints one line per size: unknowns, wall seconds (assembly / solve / total) and the process's CPU
seconds (user + system, imports included: the measure that does not depend on the machine's load), CG iterations, peak RSS [GB],
the estimated memory, the junction temperature and the energy-balance error.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time

CASE = """
[case]
name = "bench: die on a heat-sink base"
geometry = "box"
[[body]]
name = "base"
conductivity = "167 W/(m K)"
size = ["6 cm", "6 cm"]
thickness = "6 mm"
cells = {base_cells}
[[body]]
name = "die"
on = "base"
conductivity = "148 W/(m K)"
size = ["2 cm", "2 cm"]
thickness = "0.5 mm"
cells = {die_cells}
[[interface]]
bodies = ["die", "base"]
resistance = "1.2e-4 K m^2/W"
[[boundary]]
name = "junction"
face = "die.top"
power = "120 W"
[[boundary]]
name = "fins"
face = "base.bottom"
h = "2000 W/(m^2 K)"
ambient = "40 degC"
[mesh]
cell_size = "{cell} mm"
grading = 1.5
[solver]
method = "amg"
tolerance = 1e-8
"""


def one(cell_mm: float) -> dict[str, float]:
    import tomllib

    from tcrlab.cases import build_case

    base_cells = max(6, round(6.0 / cell_mm))
    die_cells = max(2, round(base_cells / 6))
    doc = tomllib.loads(CASE.format(cell=cell_mm, base_cells=base_cells, die_cells=die_cells))
    t0 = time.perf_counter()
    stages: dict[str, float] = {}

    def progress(stage: str, fraction: float) -> None:
        if stage == "assembly" and fraction >= 1.0:
            stages.setdefault("assembled", time.perf_counter())

    case = build_case(doc, source="bench")
    r = case.solve(progress=progress)
    total = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss * 1024.0
    cpu = usage.ru_utime + usage.ru_stime  # includes the imports; the load-independent measure
    return {"cell_mm": cell_mm, "unknowns": int(r.temperature.size), "assembly_s": stages["assembled"] - t0,
            "solve_s": total - (stages["assembled"] - t0), "total_s": total, "cpu_s": cpu, "cg_iterations": r.linear_iterations,
            "peak_gb": peak / 1e9, "estimate_gb": r.memory_estimate / 1e9,
            "T_junction_C": r.face_temperature("junction")[0] - 273.15, "balance": r.energy_balance_error}


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(one(float(sys.argv[2]))))
        return
    cells = [float(c) for c in sys.argv[1:]] or [1.0, 0.6, 0.45, 0.35, 0.28]
    print(f"load average before: {os.getloadavg()}")
    for c in cells:
        out = subprocess.run([sys.executable, __file__, "--one", str(c)], capture_output=True, text=True, check=True)
        d = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"cell {d['cell_mm']:.2f} mm: {d['unknowns']:>9,} unknowns  assembly {d['assembly_s']:6.2f} s  "
              f"solve {d['solve_s']:6.2f} s  total {d['total_s']:6.2f} s (CPU {d['cpu_s']:6.2f} s)  CG {d['cg_iterations']:3d} it  "
              f"peak {d['peak_gb']:.2f} GB (estimate {d['estimate_gb']:.2f})  T_j {d['T_junction_C']:.4f} °C  "
              f"balance {d['balance']:.1e}  load {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
