"""Benchmark: tcrlab's FFT contact solver against Tamaas, ContactMechanics and ASPHER (not a test).

One periodic self-affine surface (H = 0.8, RMS slope 1, E' = 1, size 1 × 1, p̄ = 0.033 E' giving
≈7 % contact area), tolerance 1e-8. Measures, in one run: the rfft2+irfft2 pair time of each FFT backend,
tcrlab's time / iterations / per-iteration cost, and each peer's time and iterations, then checks that
every solver gives the same answer (area fraction and mean gap within 0.1 %, the gap of every solver's
pressure field evaluated with the same kernel).

Peers run in their own Python (default .venv-peers/bin/python, built by `make bench`, or $TCRLAB_PEER_PYTHON), installed
with `pip install tamaas==2.9.0 contactmechanics==1.8.3 aspher==0.1.3.post1` (ASPHER builds from its sdist
and needs Debian's libeigen3-dev). Only their public APIs are called (benchmarks/_peer_runner.py).

usage: python benchmarks/bench_contact.py [--sizes 512 2048] [--peers tamaas contactmechanics aspher]
                                          [--repeat 3] [--big 8192]
       python benchmarks/bench_contact.py --compare OLD/src NEW/src [--sizes 512 2048] [--rounds 4]

--compare runs tcrlab only, from two source trees side by side (one child process per tree and round,
PYTHONPATH switched, TCRLAB_THREADS=2 in both — or $TCRLAB_COMPARE_THREADS — so that the passes
split the same way): iterations,
area, mean gap, load and a SHA-256 of the pressure field of the default solve, the float64-only
solve and an elastic–plastic one (H = 0.5 E') per tree — with MKL_CBWR=AUTO,STRICT, MKL's mode whose
results do not depend on the alignment of the buffers — then the default solve's best wall and CPU
time over interleaved rounds (MKL in its normal mode); --timing-only skips the answers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
PEER_PY = os.environ.get("TCRLAB_PEER_PYTHON", str(HERE.parent / ".venv-peers" / "bin" / "python"))
PBAR = 0.033
TOL = 1e-8


def surface(n: int, seed: int = 1) -> np.ndarray:
    """Periodic self-affine heights: C(q) ∝ q^-(2+2H) for 2π/L ≤ q ≤ π n/L, scaled to RMS slope 1."""
    rng = np.random.default_rng(seed)
    qx = 2 * np.pi * np.fft.fftfreq(n, d=1.0 / n)
    qy = 2 * np.pi * np.fft.rfftfreq(n, d=1.0 / n)
    q = np.hypot(qx[:, None], qy[None, :])
    amp = np.zeros_like(q)
    amp[q > 0] = q[q > 0] ** -1.8
    spec = amp * np.exp(2j * np.pi * rng.random(q.shape))
    h = np.fft.irfft2(spec, s=(n, n))
    slope2 = np.sum(np.abs(spec) ** 2 * q**2 * np.where(qy[None, :] > 0, 2, 1)) / (n * n) ** 2
    return h / np.sqrt(slope2)


def gap_stats(h: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    """(area fraction, mean gap) of a pressure field, gap = K p − h + c with c fixed on the contact."""
    from tcrlab.contact._kernels import periodic_kernel

    k = periodic_kernel(h.shape, (1.0, 1.0), 1.0) * h.size
    u = np.fft.irfft2(np.fft.rfft2(p) * k, s=h.shape)
    w = u - h
    c = p > 0
    g = w - w[c].mean()
    return float(c.mean()), float(np.maximum(g, 0).mean())


def run_tcrlab(h: np.ndarray, repeat: int, dtype: str = "float64", tol: float = TOL,
               mixed: bool = True, precondition: bool | str = True, backend: str | None = None) -> dict:
    from tcrlab.contact import solver
    from tcrlab.contact._fft import default_backend, fft_pair_time
    from tcrlab.surfaces import Topography

    topo = Topography(h, (1.0, 1.0), periodic=True)
    t0 = time.perf_counter()
    solver.solve(topo, 1.0, pressure=PBAR, tol=max(tol, 1e-5), dtype=dtype,
                 precondition=precondition, backend=backend)  # plans FFTs, JIT
    warm = time.perf_counter() - t0
    backend = backend or default_backend(h.shape)  # the fine grid's; pairs are timed with it
    best, res, pair, share = np.inf, None, np.nan, np.nan
    for _ in range(repeat):
        for c in solver._CONVOLVERS.values():
            c.count, c.seconds = 0, 0.0
        before = fft_pair_time(h.shape, backend, repeat=3)
        t0 = time.perf_counter()
        res = solver.solve(topo, 1.0, pressure=PBAR, tol=tol, dtype=dtype, mixed_precision=mixed,
                           precondition=precondition, backend=backend)
        dt = time.perf_counter() - t0
        # the machine's speed drifts: relate each solve to f64 pairs timed right before and after it
        adjacent = min(before, fft_pair_time(h.shape, backend, repeat=3))
        if dt < best:
            pair = adjacent
        # one count per FFT pair: compliance K and (key[2] == "precondition") the preconditioner
        convs = {f"{k[0][0]}{'/f32' if k[3] == '<f4' else ''}{'/M' if k[2] == 'precondition' else ''}":
                 c.count for k, c in solver._CONVOLVERS.items() if c.count}
        # share of the wall time spent in the convolutions themselves (transforms + spectral multiply):
        # unlike a ratio to a separately timed pair, it does not drift with the machine's speed
        conv_share = sum(c.seconds for c in solver._CONVOLVERS.values()) / dt
        if dt < best:
            share = conv_share
        best = min(best, dt)
    n = h.shape[0]
    # cost in units of fine-grid convolutions (a level of side n/2^k costs ≈ 4^-k)
    equiv = sum(cnt * (int(side.split("/")[0]) / n) ** 2 for side, cnt in convs.items())
    return {
        "backend": backend, "time": best, "warmup": warm, "iterations": res.iterations, "convolutions": convs,
        "fine_equiv_convolutions": equiv, "pressure": res.pressure, "fft_pair_adjacent": pair,
        "convolution_time_share": share,
    }


def solve_big(n: int, backend: str | None = None) -> dict:
    """Solve the n² surface once (default options); FFT planning is done first and timed apart."""
    from tcrlab.contact import solve
    from tcrlab.contact._fft import default_backend, fft_pair_time
    from tcrlab.surfaces import Topography

    h = surface(n)
    t0 = time.perf_counter()
    side = n
    while side >= 512:  # every level of the coarse-to-fine start
        for dtype in (np.float32, np.float64):
            fft_pair_time((side, side), backend or default_backend((side, side)), dtype, repeat=1)
        side //= 2
    planning = time.perf_counter() - t0
    from tcrlab.contact import solver

    for c in solver._CONVOLVERS.values():
        c.seconds = 0.0
    t0 = time.perf_counter()
    res = solve(Topography(h, (1.0, 1.0)), 1.0, pressure=PBAR, tol=TOL, backend=backend)
    dt = time.perf_counter() - t0
    return {
        "backend": backend or default_backend((n, n)), "time": dt, "fft_planning": planning,
        "iterations": res.iterations,
        "convolution_time_share": sum(c.seconds for c in solver._CONVOLVERS.values()) / dt,
        "area_fraction": res.area_fraction, "mean_gap": res.mean_gap,
        "maxrss_GB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6,
    }


def run_peer(peer: str, hfile: str, repeat: int, tmp: str) -> dict:
    out = os.path.join(tmp, f"p_{peer}.npy")
    best, info, err = np.inf, None, None
    for _ in range(repeat):
        proc = subprocess.run(
            [PEER_PY, str(HERE / "_peer_runner.py"), peer, hfile, str(PBAR), str(TOL), out],
            capture_output=True, text=True, timeout=7200,
        )
        if proc.returncode != 0:
            err = (proc.stderr or proc.stdout).strip().splitlines()[-1:]
            return {"error": " ".join(err)}
        lines = proc.stdout.strip().splitlines()
        info = json.loads(lines[-1])
        if info["iterations"] < 0:  # Tamaas logs "iteration error" lines; take the last index
            log = lines[:-1] + proc.stderr.splitlines()
            its = [int(x.split()[0]) for x in log if x.split() and x.split()[0].isdigit()]
            info["iterations"] = max(its) if its else -1
        best = min(best, info["time"])
    info["time"] = best
    info["pressure"] = np.load(out)
    return info


COMPARE_CASES = {
    "default": {},
    "f64-only": {"mixed_precision": False},
    "plastic H=0.5": {"hardness": 0.5},
}


def compare_child(hfile: str, cases: list[str], timed: int) -> dict:
    """Solve the saved surface with each of ``cases`` (after one warm-up solve that plans the FFTs and
    loads the JIT cache); ``timed`` solves each, the best time kept."""
    import hashlib

    from tcrlab.contact import solver
    from tcrlab.surfaces import Topography

    topo = Topography(np.load(hfile), (1.0, 1.0), periodic=True)
    out = {}
    for name in cases:
        kw = COMPARE_CASES[name]
        solver.solve(topo, 1.0, pressure=PBAR, tol=1e-5, **kw)
        best, cpu, res = np.inf, np.inf, None
        for _ in range(timed):
            c0, t0 = time.process_time(), time.perf_counter()
            res = solver.solve(topo, 1.0, pressure=PBAR, tol=TOL, **kw)
            best = min(best, time.perf_counter() - t0)
            cpu = min(cpu, time.process_time() - c0)  # all threads: less sensitive to other processes
        out[name] = {"time": best, "cpu_time": cpu, "iterations": res.iterations, "area_fraction": res.area_fraction,
                     "mean_gap": res.mean_gap, "load": res.load, "displacement": res.displacement,
                     "sha256": hashlib.sha256(res.pressure.tobytes()).hexdigest()[:16]}
    return out


def _run_child(src: str, hfile: str, cases: list[str], timed: int, reproducible: bool = False) -> dict:
    env = dict(os.environ, PYTHONPATH=str(Path(src).resolve()),
               TCRLAB_THREADS=os.environ.get("TCRLAB_COMPARE_THREADS", "2"))
    if reproducible:  # MKL's conditional numerical reproducibility: bits that do not depend on the
        env["MKL_CBWR"] = "AUTO,STRICT"  # buffers' alignment (benchmarks/README.md, 2026-12-07)
    proc = subprocess.run([sys.executable, __file__, "--compare-child", hfile, "--cases", *cases,
                           "--timed", str(timed)], capture_output=True, text=True, env=env, timeout=7200)
    if proc.returncode != 0:
        raise RuntimeError(f"{src}: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def compare(srcs: list[str], sizes: list[int], rounds: int, timed: int, answers: bool = True) -> None:
    """Same iterations and answers, and the time of the default solve, of two source trees."""
    labels = [f"{'AB'[i]}" for i in range(len(srcs))]
    for lab, src in zip(labels, srcs, strict=True):
        print(f"{lab}: {src}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            hfile = os.path.join(tmp, f"h{n}.npy")
            np.save(hfile, surface(n))
            runs = [_run_child(src, hfile, list(COMPARE_CASES), 1, reproducible=True)
                    for src in srcs] if answers else []
            print(f"\n== {n}²: answers")
            print(f"{'case':15s} {'tree':4s} {'iter':>5s} {'area':>10s} {'mean gap':>13s} {'load':>12s} "
                  f"{'approach':>12s} {'pressure sha256':>17s}")
            for case in COMPARE_CASES if runs else ():
                for lab, r in zip(labels, runs, strict=True):
                    c = r[case]
                    print(f"{case:15s} {lab:4s} {c['iterations']:5d} {c['area_fraction']:10.7f} "
                          f"{c['mean_gap']:13.9g} {c['load']:12.9g} {c['displacement']:12.9g} {c['sha256']:>17s}")
                same = all(r[case]["sha256"] == runs[0][case]["sha256"] and
                           r[case]["iterations"] == runs[0][case]["iterations"] for r in runs)
                print(f"{'':15s} identical iterations and pressure field: {same}")
            if rounds < 1:
                continue
            times: dict[str, list[float]] = {lab: [] for lab in labels}
            cpus: dict[str, list[float]] = {lab: [] for lab in labels}
            for k in range(rounds):  # interleaved, the order alternating: drifts hit both trees
                order = list(zip(labels, srcs, strict=True))[:: 1 if k % 2 == 0 else -1]
                for lab, src in order:
                    r = _run_child(src, hfile, ["default"], timed)["default"]
                    times[lab].append(r["time"])
                    cpus[lab].append(r["cpu_time"])
            for what, series in (("wall", times), ("CPU", cpus)):
                best = {lab: min(t) for lab, t in series.items()}
                print(f"== {n}²: default solve, {what} time, best of {rounds} rounds × {timed} solves: " +
                      ", ".join(f"{lab} {best[lab]:.3f} s ({', '.join(f'{t:.3f}' for t in series[lab])})"
                                for lab in labels) +
                      f"; {labels[-1]}/{labels[0]} = {best[labels[-1]] / best[labels[0]]:.3f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[512, 2048])
    ap.add_argument("--peers", nargs="*", default=["aspher", "tamaas", "contactmechanics"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--peer-repeat", type=int, default=1)
    ap.add_argument("--big", type=int, default=0, help="also solve an n² grid (tcrlab only)")
    ap.add_argument("--json", default=str(HERE / "results_contact.json"))
    ap.add_argument("--backends", nargs="*", default=None,
                    help="FFT backends for extra rows of the default solve and the big one "
                         "(default: every installed planned one: mkl, fftw)")
    ap.add_argument("--big-child", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--big-backend", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--compare", nargs=2, metavar=("SRC_A", "SRC_B"), default=None,
                    help="tcrlab only: two source trees (their src/ folders) side by side")
    ap.add_argument("--rounds", type=int, default=4, help="interleaved timing rounds of --compare")
    ap.add_argument("--timed", type=int, default=2, help="timed solves per round of --compare")
    ap.add_argument("--timing-only", action="store_true", help="--compare without the answers")
    ap.add_argument("--compare-child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--cases", nargs="*", default=list(COMPARE_CASES), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.compare_child:
        print(json.dumps(compare_child(args.compare_child, args.cases, args.timed)))
        return
    if args.compare:
        compare(args.compare, args.sizes, args.rounds, args.timed, answers=not args.timing_only)
        return
    if args.big_child:
        print(json.dumps(solve_big(args.big_child, args.big_backend)))
        return

    from tcrlab.contact._fft import available_backends, fft_pair_time

    backends = args.backends if args.backends is not None else [
        b for b in available_backends() if b != "scipy"]

    results: dict = {"pbar": PBAR, "tol": TOL, "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            h = surface(n)
            hfile = os.path.join(tmp, f"h{n}.npy")
            np.save(hfile, h)
            row: dict = {"fft_pair": {}}
            for b in available_backends():
                row["fft_pair"][b] = fft_pair_time((n, n), b)
                if b != "scipy":
                    row["fft_pair"][f"{b}_f32"] = fft_pair_time((n, n), b, np.float32)
            tc = run_tcrlab(h, args.repeat)
            tc64 = run_tcrlab(h, args.repeat, mixed=False)
            tc32 = run_tcrlab(h, args.repeat, "float32", 1e-6)
            tcnp = run_tcrlab(h, args.repeat, precondition=False)
            tcfo = run_tcrlab(h, args.repeat, precondition="fourier")
            solvers = {f"tcrlab ({tc['backend']})": tc, "tcrlab-f64-only": tc64,
                       "tcrlab-f32(tol1e-6)": tc32, "tcrlab-no-precond": tcnp, "tcrlab-fourier-precond": tcfo}
            for b in backends:  # the default solve with each backend forced, beside the default
                if b != tc["backend"]:
                    solvers[f"tcrlab ({b})"] = run_tcrlab(h, args.repeat, backend=b)
            for peer in args.peers:
                print(f"[{n}²] running {peer} ...", flush=True)
                solvers[peer] = run_peer(peer, hfile, args.peer_repeat if n > 1024 else args.repeat, tmp)
            a0, g0 = gap_stats(h, tc["pressure"])
            for s in solvers.values():
                if "pressure" in s:
                    a, g = gap_stats(h, s.pop("pressure"))
                    s["area_fraction"], s["mean_gap"] = a, g
                    s["same_answer"] = abs(a / a0 - 1) < 1e-3 and abs(g / g0 - 1) < 1e-3
            for t_ in (tc, tc64, tcnp, tcfo):
                adj = t_["fft_pair_adjacent"]
                t_["per_iteration_in_fft_pairs"] = t_["time"] / max(t_["iterations"], 1) / adj
                t_["per_convolution_in_fft_pairs"] = t_["time"] / t_["fine_equiv_convolutions"] / adj
            row["solvers"] = solvers
            results["sizes"][str(n)] = row
            print(f"\n== {n}² (FFT pair: " + ", ".join(f"{k} {v*1e3:.2f} ms" for k, v in row["fft_pair"].items()) + ")")
            print(f"{'solver':26s} {'time/s':>9s} {'iter':>6s} {'area':>9s} {'mean gap':>11s} same  t/t_tcrlab")
            for name, s in solvers.items():
                if "error" in s:
                    print(f"{name:26s} ERROR {s['error']}")
                    continue
                print(f"{name:26s} {s['time']:9.3f} {s['iterations']:6d} {s['area_fraction']:9.5f} "
                      f"{s['mean_gap']:11.6g} {s['same_answer']!s:5s} {s['time'] / tc['time']:8.1f}")
            for lab, t_ in (("tcrlab", tc), ("tcrlab-f64-only", tc64), ("tcrlab-no-precond", tcnp),
                            ("tcrlab-fourier-precond", tcfo)):
                print(f"{lab}: {t_['convolutions']} convolutions; per fine iteration "
                      f"{t_['per_iteration_in_fft_pairs']:.2f} FFT pairs ({t_['backend']} f64, timed beside it: "
                      f"{t_['fft_pair_adjacent'] * 1e3:.2f} ms), per convolution "
                      f"{t_['per_convolution_in_fft_pairs']:.2f}; {t_['convolution_time_share']:.0%} of the time "
                      f"in convolutions; warm-up (plans + JIT) {t_['warmup']:.2f} s")
            sys.stdout.flush()
        if args.big:
            n = args.big
            results["big"] = {}
            for b in backends or [None]:
                # own process, so that its peak memory is the solve's alone
                cmd = [sys.executable, __file__, "--big-child", str(n)]
                proc = subprocess.run(cmd + (["--big-backend", b] if b else []),
                                      capture_output=True, text=True)
                print(f"\n== {n}² tcrlab, {b or 'default'} backend (FFT plans from wisdom or measured "
                      "first, timed apart):", proc.stdout.strip() or proc.stderr[-500:], flush=True)
                if proc.returncode == 0:
                    results["big"][f"{n}/{b or 'default'}"] = json.loads(proc.stdout.strip().splitlines()[-1])
    out = Path(args.json)
    tmp_out = out.with_name(out.name + ".tmp")
    tmp_out.write_text(json.dumps(results, indent=1, default=float))
    tmp_out.replace(out)  # complete or absent


if __name__ == "__main__":
    main()
