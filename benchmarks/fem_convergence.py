"""Mesh convergence of the FE spreading resistance against the closed-form series (docs/fem.md).

Run:  PYTHONPATH=src .venv/bin/python benchmarks/fem_convergence.py
1. isoflux disk (radius a) on a disk (radius b = 10a, thickness t = b, isothermal base), r–z: R_s·k·a for
   cells per source radius n = 4 … 64 (graded ×4), its error against tcrlab.spreading.disk_resistance and
   the observed order p = log2(e_n / e_2n);
2. the half-space limit: R_s·k·a at b = t = 5a … 40a (n = 32) and the linear extrapolation in a/b, against
   8/(3π²) (Yovanovich's isoflux-disk half-space value on the mean source temperature);
3. a centred and an eccentric 1 cm × 1 cm isoflux source on a 5 cm × 5 cm × 5 mm plate (3-D, k = 200),
   against tcrlab.spreading.rectangle_resistance.
"""

from __future__ import annotations

import math
import time

from tcrlab.fem import Body, Boundary, LayeredAssembly, MeshOptions, SolverOptions, solve
from tcrlab.spreading import disk_resistance, rectangle_resistance


def disk_fe(a: float, b: float, t: float, k: float, n: int, grading: float = 4.0, h: float = math.inf) -> float:
    sink = (Boundary("sink", "disk.bottom", "temperature", 300.0) if math.isinf(h)
            else Boundary("sink", "disk.bottom", "convection", h, ambient=300.0))
    nz = max(4, round(n * 2 * t / b * 4))
    asm = LayeredAssembly("axisymmetric", [Body("disk", ((0.0, b),), t, conductivity=k, cells=nz)],
                          boundaries=[Boundary("src", "disk.top", "power", 1.0, region=((0.0, a),)), sink],
                          mesh=MeshOptions(cell_size=a / n, min_cells=n, grading=grading))
    r = solve(asm)
    one_d = t / (k * math.pi * b * b) + (0.0 if math.isinf(h) else 1.0 / (h * math.pi * b * b))
    return r.resistance("src") - one_d


def rect_fe(c: float, d: float, L: float, W: float, t: float, k: float, cell: float, xc: float, yc: float,
            grading: float = 3.0) -> tuple[float, int]:
    asm = LayeredAssembly("box", [Body("plate", ((0.0, L), (0.0, W)), t, conductivity=k,
                                       cells=max(4, round(t / cell)))],
                          boundaries=[Boundary("src", "plate.top", "power", 1.0,
                                               region=((xc - c / 2, xc + c / 2), (yc - d / 2, yc + d / 2))),
                                      Boundary("sink", "plate.bottom", "temperature", 300.0)],
                          mesh=MeshOptions(cell_size=cell, min_cells=4, grading=grading))
    r = solve(asm, SolverOptions(method="amg", tolerance=1e-10))
    return r.resistance("src") - t / (k * L * W), r.temperature.size


def main() -> None:
    a, k = 1e-3, 100.0
    b = t = 10 * a
    ref = float(disk_resistance(a, b, t, k))
    print(f"1. disk a/b = 0.1, t = b: closed form R_s k a = {ref * k * a:.6f}")
    prev = None
    for n in (4, 8, 16, 32, 64):
        t0 = time.perf_counter()
        rs = disk_fe(a, b, t, k, n)
        err = rs / ref - 1
        order = f"  p = {math.log2(abs(prev / err)):.2f}" if prev else ""
        print(f"   n = {n:3d}: R_s k a = {rs * k * a:.6f}  error {err:+.3e}{order}  ({time.perf_counter() - t0:.1f} s)")
        prev = err
    print("2. half-space limit, n = 32")
    hs = 8 / (3 * math.pi**2)
    vals = {}
    for ratio in (5, 10, 20, 40):
        rs = disk_fe(a, ratio * a, ratio * a, k, 32) * k * a
        vals[ratio] = rs
        cf = float(disk_resistance(a, ratio * a, ratio * a, k)) * k * a
        print(f"   b = t = {ratio:2d} a: FE {rs:.6f}  closed form {cf:.6f}  half-space {hs:.6f}")
    extrap = 2 * vals[40] - vals[20]
    print(f"   linear extrapolation in a/b from 20a, 40a: {extrap:.6f} ({extrap / hs - 1:+.2e} from 8/(3π²))")
    print("3. rectangle 1 cm x 1 cm on 5 cm x 5 cm x 5 mm, k = 200")
    c = d = 0.01
    L = W = 0.05
    tp = 0.005
    for xc, yc in ((0.025, 0.025), (0.015, 0.02)):
        ref = float(rectangle_resistance(c, d, L, W, tp, 200.0, xc=xc, yc=yc))
        prev = None
        for cell in (2.5e-3, 1.25e-3, 0.625e-3):
            t0 = time.perf_counter()
            rs, nn = rect_fe(c, d, L, W, tp, 200.0, cell, xc, yc)
            err = rs / ref - 1
            order = f"  p = {math.log2(abs(prev / err)):.2f}" if prev else ""
            print(f"   centre ({xc * 1e3:.0f}, {yc * 1e3:.0f}) mm, cell {cell * 1e3:.3f} mm, {nn:,} unknowns: "
                  f"R_s = {rs:.6f} vs {ref:.6f} K/W, error {err:+.3e}{order} ({time.perf_counter() - t0:.1f} s)")
            prev = err


if __name__ == "__main__":
    main()
