"""The same Monte Carlo and the same sweep give identical results on local processes and on a real Dask
scheduler + 2 worker processes started on 127.0.0.1 (loopback only)."""

import numpy as np
import pandas as pd
import pytest

from tcrlab.uq.executors import DaskExecutor, LocalExecutor
from tcrlab.uq.montecarlo import run_monte_carlo
from tcrlab.uq.sweep import run_sweep

distributed = pytest.importorskip("distributed")

LINEAR = "tcrlab.uq.synthetic:build_linear_case"
DOC = {
    "linear": {
        "offset": 1.0,
        "coefficients": {"x1": 2.0, "x2": -3.0},
        "x1": {"dist": "normal", "mean": 1.0, "std": 0.1},
        "x2": {"dist": "triangular", "low": 0.0, "mode": 0.2, "high": 1.0},
    }
}


@pytest.fixture(scope="module")
def scheduler_address():
    cluster = distributed.LocalCluster(host="127.0.0.1", n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    try:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_mc_and_sweep_identical_on_dask_and_local_processes(scheduler_address):
    with LocalExecutor(2) as local:
        mc_local = run_monte_carlo(DOC, 12_000, seed=42, builder=LINEAR, batch_size=4096, executor=local)
        sw_local = run_sweep(DOC, ["linear.x1=0:2:50", "linear.mode=single,double"], builder=LINEAR,
                             batch_size=16, executor=local)
    with DaskExecutor(scheduler_address) as dask:
        assert dask.name.startswith("dask")
        mc_dask = run_monte_carlo(DOC, 12_000, seed=42, builder=LINEAR, batch_size=8192, executor=dask)
        sw_dask = run_sweep(DOC, ["linear.x1=0:2:50", "linear.mode=single,double"], builder=LINEAR,
                            batch_size=16, executor=dask)
    np.testing.assert_array_equal(mc_dask.outputs["y"], mc_local.outputs["y"])
    assert mc_dask.summary() == mc_local.summary()
    pd.testing.assert_frame_equal(sw_dask.table, sw_local.table)
    assert not mc_dask.failures and not sw_dask.failures


def test_unreachable_scheduler_is_a_clear_error():
    from tcrlab.errors import InputError

    with pytest.raises(InputError, match="scheduler"):
        DaskExecutor("tcp://127.0.0.1:9", timeout=1)


def test_mc_command_with_scheduler_option(scheduler_address, tmp_path, capsys):
    import json

    from tcrlab.cli.main import main

    case = tmp_path / "lin.toml"
    case.write_text('[linear]\noffset = 1.0\ncoefficients = { x1 = 2.0 }\n'
                    'x1 = { dist = "lognormal", median = 1.0, gsd = 1.5 }\n')
    results = []
    for extra in (["--scheduler", scheduler_address], ["--workers", "1"]):
        with pytest.raises(SystemExit) as info:
            main(["mc", str(case), "-n", "5000", "--batch", "2048", "--json", "--builder", LINEAR, *extra])
        assert info.value.code == 0
        results.append(json.loads(capsys.readouterr().out))
    assert results[0]["executor"].startswith("dask")
    assert results[0]["summary"] == results[1]["summary"]
