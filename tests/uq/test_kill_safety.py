"""Killed runs: the target file is complete or absent, no worker outlives its parent by more than 5 s,
the next run leaves no stale temporary file, and --resume finishes an interrupted sweep to the same
table as an uninterrupted one."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tcrlab.uq.sweep import run_sweep, write_table

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups, /proc")

BUILDER = "tcrlab.uq.synthetic:build_linear_case"
CASE = """[linear]
offset = 1.0
coefficients = { x1 = 2.0, x2 = -3.0 }
x1 = 0.5
x2 = 0.25
delay = 0.3
"""
VARY = ["--vary", "linear.x1=0:1:24"]


def _env():
    src = str(Path(__file__).parents[2] / "src")
    return {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", ""),
            "TCRLAB_NO_PROGRESS": "1"}


def _children(pid):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid):
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _sweep(tmp_path, *extra):
    cmd = [sys.executable, "-m", "tcrlab.cli.main", "sweep", str(tmp_path / "lin.toml"), *VARY, "--batch", "2",
           "--workers", "2", "-o", str(tmp_path / "out.csv"), "--builder", BUILDER, "--no-progress", *extra]
    return subprocess.Popen(cmd, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_blocks(tmp_path, n, proc, timeout=60):
    folder = tmp_path / ".out.csv.blocks"
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if len(list(folder.glob("block-*.pkl"))) >= n:
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    pytest.fail("no finished block in time")


@pytest.mark.parametrize("signum", [pytest.param(signal.SIGINT, marks=pytest.mark.slow),
                                    pytest.param(signal.SIGTERM, marks=pytest.mark.slow), signal.SIGKILL])
def test_killed_sweep_leaves_no_workers_and_resumes(tmp_path, signum):
    (tmp_path / "lin.toml").write_text(CASE)
    proc = _sweep(tmp_path)
    _wait_for_blocks(tmp_path, 2, proc)
    workers = _children(proc.pid)
    assert len(workers) >= 2
    os.kill(proc.pid, signum)
    proc.wait(timeout=20)
    if signum != signal.SIGKILL:
        assert proc.returncode == 130
    deadline = time.monotonic() + 5
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)], "a worker outlived its parent by more than 5 s"
    assert not (tmp_path / "out.csv").exists()  # complete or absent
    kept = len(list((tmp_path / ".out.csv.blocks").glob("block-*.pkl")))
    assert kept >= 2

    resumed = _sweep(tmp_path, "--resume")
    out, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, err
    assert "resumed" in out
    doc = {"linear": {"offset": 1.0, "coefficients": {"x1": 2.0, "x2": -3.0}, "x1": 0.5, "x2": 0.25}}
    whole = run_sweep(doc, [VARY[1]], builder=BUILDER, batch_size=2).table
    write_table(whole, tmp_path / "whole.csv")
    assert (tmp_path / "out.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lin.toml", "out.csv", "whole.csv"]


def test_sigkill_while_writing_leaves_target_absent_and_next_run_cleans(tmp_path):
    target = tmp_path / "table.csv"
    code = ("import sys, time; from tcrlab.fileio import atomic_path\n"
            f"with atomic_path({str(target)!r}) as tmp:\n"
            "    open(tmp, 'w').write('partial' * 1000); print(tmp, flush=True); time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], env=_env(), stdout=subprocess.PIPE, text=True)
    tmp = Path(proc.stdout.readline().strip())
    assert tmp.exists() and str(proc.pid) in tmp.name
    proc.kill()
    proc.wait(timeout=10)
    assert not target.exists() and tmp.exists()
    from tcrlab.fileio import atomic_write_text

    atomic_write_text(target, "complete\n")
    assert target.read_text() == "complete\n"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


def test_sigterm_is_handled_as_an_interrupt():
    from tcrlab.cli.main import _terminate_like_interrupt

    previous = signal.getsignal(signal.SIGTERM)
    try:
        _terminate_like_interrupt()
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
    finally:
        signal.signal(signal.SIGTERM, previous)
