"""Figures and numbers of docs/export.md: the SS304/air table and the loading–unloading cycle.

Run: PYTHONPATH=src python benchmarks/export_figures.py  (writes docs/img/export_table.png and
docs/img/hysteresis.png, prints the numbers quoted in docs/export.md and benchmarks/README.md).
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from tcrlab.export import JointModel, build_table
from tcrlab.export.hysteresis import loading_unloading
from tcrlab.joint import Joint
from tcrlab.plotting.hysteresis import plot_export_table, plot_hysteresis
from tcrlab.surfaces.synthetic import self_affine

IMG = Path(__file__).resolve().parents[1] / "docs" / "img"


def main() -> None:
    t0 = time.perf_counter()
    joint = Joint("SS304", sigma=1.5e-6, slope=0.1, gas="air")
    table = build_table(JointModel(joint, touch_pressure=1e4), pressure_range=(1e4, 3e7),
                        clearance_max=1e-3, temperature_range=(300.0, 500.0))
    print(f"table: {table.pressure.size} P × {table.clearance.size} d × {table.temperature.size} T nodes, "
          f"PCHIP error {table.error_pchip:.2e}, linear {table.error_linear:.2e}, "
          f"{time.perf_counter() - t0:.1f} s")
    plot_export_table(table, IMG / "export_table.png", title="SS304/SS304 in air, σ = 1.5 µm, m = 0.1")

    t0 = time.perf_counter()
    topo = self_affine(128, 0.8, rms_slope=0.2, physical_size=1e-4, seed=3)
    r = loading_unloading(topo, 1.1e11, 2e9, 16.0, np.geomspace(2e7, 6e8, 8))
    print(f"hysteresis 128²: {time.perf_counter() - t0:.1f} s")
    for p, a, b, c in zip(r.pressure, r.h_loading, r.h_unloading, r.h_reloading, strict=True):
        print(f"  P = {p / 1e6:7.1f} MPa  loading {a:10.4g}  unloading {b:10.4g} ({b / a:4.2f}×)  "
              f"reloading {c:10.4g}")
    print(f"  max plastic depth {r.plastic_depth.max() * 1e9:.1f} nm, RMS height "
          f"{np.std(topo.heights) * 1e9:.0f} nm")
    plot_hysteresis(r, IMG / "hysteresis.png",
                    title="128² self-affine surface, m = 0.2, H = 2 GPa, E' = 110 GPa, P_max = 600 MPa")


if __name__ == "__main__":
    main()
