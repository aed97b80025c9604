"""The FE model against the closed-form spreading resistances (tcrlab.spreading, Yovanovich–Culham–
Teertstra 1998 disk series; Muzychka–Culham–Yovanovich 2003 rectangular channel) and the exact half-space
value 8/(3π² k a) of an isoflux disk on the mean source temperature (Yovanovich; the limit a/b → 0)."""

import math
import sys
from pathlib import Path

import pytest

from tcrlab.spreading import disk_resistance, disk_resistance_compound, rectangle_resistance

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from fem_convergence import disk_fe, rect_fe

from tcrlab.fem import Body, Boundary, Interface, LayeredAssembly, MeshOptions, solve

A, K = 1e-3, 100.0


@pytest.mark.parametrize(("b", "t", "h"), [(10 * A, 10 * A, math.inf), (4 * A, 2 * A, math.inf),
                                           (5 * A, 1 * A, 2e4)])
def test_disk_on_disk_within_one_percent(b: float, t: float, h: float) -> None:
    ref = float(disk_resistance(A, b, t, K, h))
    assert disk_fe(A, b, t, K, 16, h=h) == pytest.approx(ref, rel=0.01)


def test_compound_disk_within_one_percent() -> None:
    """Two bonded layers (an interface of 10¹¹ W/(m² K) stands for the bond) against the compound series."""
    a, b, t1, k1, t2, k2 = A, 6 * A, 0.5 * A, 400.0, 3 * A, 50.0
    h_bond = 1e11
    asm = LayeredAssembly("axisymmetric",
                          [Body("lower", ((0, b),), t2, conductivity=k2, cells=48),
                           Body("upper", ((0, b),), t1, conductivity=k1, cells=12)],
                          interfaces=[Interface("bond", ("upper", "lower"), h_bond)],
                          boundaries=[Boundary("src", "upper.top", "power", 1.0, region=((0, a),)),
                                      Boundary("sink", "lower.bottom", "temperature", 300.0)],
                          mesh=MeshOptions(cell_size=a / 16, min_cells=16, grading=4.0))
    r = solve(asm)
    rs = r.resistance("src") - (t1 / k1 + t2 / k2 + 1 / h_bond) / (math.pi * b * b)
    assert rs == pytest.approx(float(disk_resistance_compound(a, b, t1, k1, t2, k2)), rel=0.01)


def test_half_space_limit_and_mesh_convergence_order() -> None:
    """R_s k a → 8/(3π²) as a/b → 0: linear extrapolation in a/b of the FE values at b = t = 20a and 40a
    lands within 1 %; on a fixed geometry the error falls at the observed order ≈ 2 (Q1 on a graded grid)."""
    hs = 8 / (3 * math.pi**2)
    v20 = disk_fe(A, 20 * A, 20 * A, K, 12) * K * A
    v40 = disk_fe(A, 40 * A, 40 * A, K, 12) * K * A
    assert v20 < v40 < hs
    assert 2 * v40 - v20 == pytest.approx(hs, rel=0.01)
    ref = float(disk_resistance(A, 10 * A, 10 * A, K))
    errs = [abs(disk_fe(A, 10 * A, 10 * A, K, n) / ref - 1) for n in (4, 8, 16)]
    orders = [math.log2(errs[i] / errs[i + 1]) for i in range(2)]
    assert all(p > 1.7 for p in orders), orders


@pytest.mark.parametrize(("xc", "yc"), [(0.025, 0.025), (0.015, 0.02)])
def test_rectangle_on_channel_within_one_percent(xc: float, yc: float) -> None:
    ref = float(rectangle_resistance(0.01, 0.01, 0.05, 0.05, 0.005, 200.0, xc=xc, yc=yc))
    rs, _ = rect_fe(0.01, 0.01, 0.05, 0.05, 0.005, 200.0, 0.625e-3, xc, yc)
    assert rs == pytest.approx(ref, rel=0.01)
