"""A real local Dask cluster (scheduler, one nanny with its worker, on 127.0.0.1) whose worker and
nanny are killed mid-sweep: the sweep ends with a clear message within the stated time and keeps
its finished blocks for --resume."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")
# starting a scheduler and a nanny takes 10-50 s on a busy 2-core machine: run with -m slow
pytestmark = [pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc"), pytest.mark.slow]

BUILDER = "tcrlab.uq.synthetic:build_linear_case"
WORKER_TIMEOUT = 3.0


def _env():
    src = str(Path(__file__).parents[2] / "src")
    return {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", ""),
            "TCRLAB_NO_PROGRESS": "1"}


def _dask(*args):
    return subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_" + args[0], *args[1:]], env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _wait(predicate, timeout, what):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.1)
    pytest.fail(f"{what} not within {timeout} s")


def _children(pid):
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    kids.append(int(entry.name))
            except (OSError, ValueError):
                pass
    return kids


def test_sweep_gives_up_when_every_worker_died(tmp_path):
    info = tmp_path / "scheduler.json"
    scheduler = _dask("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                      "--scheduler-file", str(info))
    nanny = None
    try:
        _wait(info.exists, 60, "the scheduler")
        nanny = _dask("worker", "--scheduler-file", str(info), "--nworkers", "1", "--nthreads", "1",
                      "--no-dashboard", "--host", "127.0.0.1")
        address = json.loads(info.read_text())["address"]
        case = tmp_path / "lin.toml"
        case.write_text("[linear]\noffset = 1.0\ncoefficients = { x1 = 2.0 }\nx1 = 0.5\ndelay = 0.4\n")
        out = tmp_path / "out.csv"
        sweep = subprocess.Popen(
            [sys.executable, "-m", "tcrlab.cli.main", "sweep", str(case), "--vary", "linear.x1=0:1:40",
             "--batch", "1", "--scheduler", address, "--worker-timeout", str(WORKER_TIMEOUT), "-o", str(out),
             "--builder", BUILDER, "--no-progress"],
            env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        blocks = tmp_path / ".out.csv.blocks"
        _wait(lambda: len(list(blocks.glob("block-*.pkl"))) >= 1 or sweep.poll() is not None, 90, "a first block")
        assert sweep.poll() is None, sweep.communicate()
        for pid in _children(nanny.pid):  # the worker process, then its nanny
            os.kill(pid, signal.SIGKILL)
        os.kill(nanny.pid, signal.SIGKILL)
        killed = time.monotonic()
        _, err = sweep.communicate(timeout=WORKER_TIMEOUT + 30)
        waited = time.monotonic() - killed
        assert sweep.returncode == 2
        assert "no Dask worker" in err and f"{WORKER_TIMEOUT:g} s" in err and "Traceback" not in err
        assert waited < WORKER_TIMEOUT + 20
        assert not out.exists()
        assert len(list(blocks.glob("block-*.pkl"))) >= 1
    finally:
        for proc in (nanny, scheduler):
            if proc is not None and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
