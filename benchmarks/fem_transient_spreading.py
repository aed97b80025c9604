"""Figure docs/img/fem_transient_spreading.png: Zth(t) and the cumulative structure function of a silicon
die on a wide aluminium base (axisymmetric FE transient) against the same die's 1-D stack (the base cut
to the die's radius: FE and the exact layered Laplace solution). The wide base's heat spreads: past the
die and the die attach its structure function gains heat capacity at far lower resistance than the 1-D
stack's, and its total resistance is lower.

Run:  PYTHONPATH=src .venv/bin/python benchmarks/fem_transient_spreading.py [out.png]
Prints the steady resistances, the largest FE-vs-exact deviation of the 1-D stack and the run times.
"""

from __future__ import annotations

import math
import sys
import time

import numpy as np

from tcrlab.fem import (
    Body,
    Boundary,
    Interface,
    LayeredAssembly,
    MeshOptions,
    TransientOptions,
    solve_transient,
)
from tcrlab.materials.registry import default_registry
from tcrlab.plotting.transient import plot_transient
from tcrlab.transient import identify_network, layered_structure_function
from tcrlab.transient.laplace import LayeredPath, Resistance, Slab

R_DIE, L_DIE, R_BASE, L_BASE, R_TIM, T_SINK = 5e-3, 0.5e-3, 25e-3, 5e-3, 3e-5, 300.0


def assembly(base_radius: float) -> LayeredAssembly:
    reg = default_registry()
    si, al = reg.get_material("Si"), reg.get_material("Al6061-T6")
    # k at the sink temperature (the transient is linear); ρ and c from the registry
    base = Body("base", ((0.0, base_radius),), L_BASE, al, float(al.thermal_conductivity(T_SINK)), cells=24)
    die = Body("die", ((0.0, R_DIE),), L_DIE, si, float(si.thermal_conductivity(T_SINK)), cells=24)
    return LayeredAssembly("axisymmetric", [base, die], interfaces=[Interface("die attach", ("die", "base"), 1 / R_TIM)],
                           boundaries=[Boundary("junction", "die.top", "power", 10.0),
                                       Boundary("sink", "base.bottom", "temperature", T_SINK)],
                           mesh=MeshOptions(cell_size=R_DIE / 10, grading=4.0))


def main(out: str = "docs/img/fem_transient_spreading.png") -> None:
    opts = TransientOptions(t_min=1e-5, t_max=100.0, points=121)
    t0 = time.perf_counter()
    wide = solve_transient(assembly(R_BASE), opts)
    t1 = time.perf_counter()
    narrow = solve_transient(assembly(R_DIE), opts)
    t2 = time.perf_counter()
    reg = default_registry()
    si, al = reg.get_material("Si"), reg.get_material("Al6061-T6")
    area = math.pi * R_DIE**2
    path = LayeredPath((Slab("die", L_DIE, float(si.thermal_conductivity(T_SINK)), si.density * si.specific_heat, area),
                        Resistance("die attach", R_TIM / area),
                        Slab("base", L_BASE, float(al.thermal_conductivity(T_SINK)), al.density * al.specific_heat, area)))
    t = wide.t
    exact = path.zth(t)
    rel = np.abs(narrow.zth["junction"] / exact - 1)
    dev, t_dev = float(rel.max()), float(t[np.argmax(rel)])
    ids = [identify_network(t, r.zth["junction"], per_decade=20, noise=3e-4 * float(r.zth["junction"][-1]))
           for r in (wide, narrow)]
    r_die = L_DIE / (float(si.thermal_conductivity(T_SINK)) * area)
    marks = [("die attach", r_die, r_die + R_TIM / area)]
    plot_transient(out, curves=[("die on the wide base (r–z FE)", t, wide.zth["junction"]),
                                ("same die, 1-D stack (r–z FE)", t, narrow.zth["junction"]),
                                ("1-D stack, exact layered solution", t, exact)],
                   structures=[("wide base, identified from the FE Zth", ids[0].structure),
                               ("1-D stack, identified from the FE Zth", ids[1].structure),
                               ("1-D stack, exact", layered_structure_function(path))],
                   marks=marks, title="Spreading in the structure function: a 10 mm Si die on a 50 mm vs a 10 mm "
                                      "Al base (5 mm, isothermal below)")
    print(f"R wide {wide.steady['junction']:.4f} K/W, R 1-D {narrow.steady['junction']:.4f} K/W "
          f"(exact {float(path.steady_resistance):.4f}); 1-D FE vs exact max deviation {100 * dev:.2f} % (at {t_dev:.2g} s); "
          f"unknowns {wide.unknowns} / {narrow.unknowns}, {wide.steps} steps; {t1 - t0:.1f} s / {t2 - t1:.1f} s")


if __name__ == "__main__":
    main(*sys.argv[1:2])
