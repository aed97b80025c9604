"""Structure functions of tcrlab and PyRth on the same synthetic Zth curve, with the time of each.

    python benchmarks/bench_transient_peer.py [--points 2000]

The curve: the exact Zth of ``examples/transient_die_attach.toml`` (die / die attach / Cu / TIM / Al /
coolant, layered Laplace solution), noise-free, 1 µs … 316 s. PyRth (MIT; PyPI ``pyrth``) runs in its own
venv (``TCRLAB_PYRTH_PYTHON``, default ``.venv-pyrth/bin/python``; see the Makefile's ``pyrth-venv``
target) through ``_pyrth_runner.py`` with its default Bayesian deconvolution and Sobhy structure
function; it is never imported by tcrlab. Both cumulative structure functions are compared with the exact
distributed one by R_Σ at the middle capacitance of each slab and by C_Σ in the middle of each interface
step (the plateau that places the interface).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from tcrlab.cases import load_case
from tcrlab.cases.transient import case_path
from tcrlab.transient import Slab, identify_network, interface_marks, layered_structure_function
from tcrlab.transient.structure import StructureFunction

ROOT = Path(__file__).resolve().parents[1]


def r_at(r_cum: np.ndarray, c_cum: np.ndarray, c: np.ndarray) -> np.ndarray:
    keep = np.isfinite(c_cum) & (c_cum > 0)
    return StructureFunction(r_cum[keep], c_cum[keep], r_cum[keep][:-1], c_cum[keep][:-1]).resistance_at(c)


def c_at(r_cum: np.ndarray, c_cum: np.ndarray, r: np.ndarray) -> np.ndarray:
    keep = np.isfinite(c_cum) & (c_cum > 0)
    return StructureFunction(r_cum[keep], c_cum[keep], r_cum[keep][:-1], c_cum[keep][:-1]).capacitance_at(r)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=2000)
    args = parser.parse_args()
    path = case_path(load_case(ROOT / "examples" / "transient_die_attach.toml"))
    t = np.logspace(-6, 2.5, args.points)
    z = path.zth(t)
    exact = layered_structure_function(path)
    c_mid, names, c_run = [], [], 0.0
    for e in path.elements:
        if isinstance(e, Slab):
            c_mid.append(c_run + 0.5 * float(e.capacitance))
            names.append(e.name)
            c_run += float(e.capacitance)
    c_mid = np.array(c_mid)
    t0 = time.perf_counter()
    ident = identify_network(t, z, per_decade=20, noise=3e-4 * float(z[-1]))
    ours = time.perf_counter() - t0
    peer_python = os.environ.get("TCRLAB_PYRTH_PYTHON", str(ROOT / ".venv-pyrth" / "bin" / "python"))
    if not Path(peer_python).exists():
        print(f"PyRth's python {peer_python} not found (make pyrth-venv); tcrlab alone: {ours:.2f} s")
        return
    with tempfile.TemporaryDirectory() as tmp:
        np.savez(Path(tmp) / "in.npz", t=t, zth=z)
        subprocess.run([peer_python, str(ROOT / "benchmarks" / "_pyrth_runner.py"), str(Path(tmp) / "in.npz"),
                        str(Path(tmp) / "out.npz")], check=True, capture_output=True)
        peer = np.load(Path(tmp) / "out.npz")
        r_peer = r_at(peer["R_cum"], peer["C_cum"], c_mid)
        marks = interface_marks(path)[:-1]  # the last one (the coolant) ends at the sink
        r_mid = np.array([0.5 * (a + b) for _, a, b in marks])
        c_peer = c_at(peer["R_cum"], peer["C_cum"], r_mid)
        peer_time = float(peer["seconds"])
        peer_total = float(peer["R_cum"][-1])
    r_exact = exact.resistance_at(c_mid)
    r_ours = ident.structure.resistance_at(c_mid)
    print(f"{args.points} points, noise-free; R_total exact {float(path.steady_resistance):.4f} K/W, "
          f"tcrlab {ident.structure.R_cum[-1]:.4f}, PyRth {peer_total:.4f}")
    print(f"{'R_Σ at mid-slab C':28s} {'exact':>8s} {'tcrlab':>8s} {'PyRth':>8s} {'tcrlab−PyRth':>13s}")
    for n, c, a, b, p in zip(names, c_mid, r_exact, r_ours, r_peer, strict=True):
        print(f"{n + f' (C = {c:.3g} J/K)':28s} {a:8.4f} {b:8.4f} {p:8.4f} {100 * (b - p) / a:+12.1f} %")
    c_exact = exact.capacitance_at(r_mid)
    c_ours = ident.structure.capacitance_at(r_mid)
    print(f"{'C_Σ on the interface step':28s} {'exact':>8s} {'tcrlab':>8s} {'PyRth':>8s} {'tcrlab−PyRth':>13s}")
    for (n, a, b), ce, co, cp in zip(marks, c_exact, c_ours, c_peer, strict=True):
        label = f"{n} (R_Σ = {0.5 * (a + b):.3g} K/W)"
        print(f"{label:28s} {ce:8.4f} {co:8.4f} {cp:8.4f} {100 * (co - cp) / ce:+12.1f} %")
    print(f"time: tcrlab identify_network {ours:.2f} s, PyRth standard_module {peer_time:.2f} s "
          f"(python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
