"""Benchmark: one transient FE solve of a 3-D model of ~10⁵ unknowns (die, grease, aluminium heat-sink
base, convective fin side) over ~60 TR-BDF2 steps from 0.1 ms to 10 s (3 steps per doubling of Δt).

Run:  PYTHONPATH=src .venv/bin/python benchmarks/bench_fem_transient.py [cell size in mm]
Prints unknowns, steps, step sizes (AMG hierarchies), wall and CPU seconds, the peak RSS, Zth(10 s) and
Zth(∞), and the energy-balance error.
"""

from __future__ import annotations

import resource
import sys
import time

from tcrlab.fem import (
    Body,
    Boundary,
    Interface,
    LayeredAssembly,
    MeshOptions,
    SolverOptions,
    TransientOptions,
    solve_transient,
)


def main(cell_mm: float = 0.6) -> None:
    base = Body("base", ((-0.03, 0.03), (-0.03, 0.03)), 6e-3, conductivity=167.0, density=2700.0,
                specific_heat=896.0, cells=10)
    die = Body("die", ((-0.01, 0.01), (-0.01, 0.01)), 0.5e-3, conductivity=148.0, density=2330.0,
               specific_heat=705.0, cells=3)
    a = LayeredAssembly("box", [base, die], interfaces=[Interface("grease", ("die", "base"), 1 / 1.2e-4)],
                        boundaries=[Boundary("junction", "die.top", "power", 120.0),
                                    Boundary("fins", "base.bottom", "convection", 2000.0, ambient=313.15)],
                        mesh=MeshOptions(cell_size=cell_mm * 1e-3, grading=2.0))
    t0, c0 = time.perf_counter(), time.process_time()
    r = solve_transient(a, TransientOptions(t_min=1e-4, t_max=10.0, points=51, steps_per_doubling=3),
                        SolverOptions(method="amg", tolerance=1e-8))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    print(f"unknowns {r.unknowns:,}  steps {r.steps}  step sizes {r.factorizations}  wall {wall:.1f} s  "
          f"cpu {cpu:.1f} s  peak RSS {rss:.2f} GB  Zth(10 s) {r.zth['junction'][-1]:.5f} K/W  "
          f"Zth(inf) {r.steady['junction']:.5f} K/W  energy balance {r.energy_balance_error:.1e}")


if __name__ == "__main__":
    main(*(float(x) for x in sys.argv[1:2]))
