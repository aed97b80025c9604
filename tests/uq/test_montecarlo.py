"""Monte Carlo: analytic variance of a linear case, reproducibility whatever the executor and batching,
rank sensitivities, the per-sample fallback and failed-task reporting."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tcrlab.errors import CaseFileError, InputError
from tcrlab.uq.executors import LocalExecutor, SerialExecutor, TaskFailedError
from tcrlab.uq.montecarlo import run_monte_carlo

LINEAR = "tcrlab.uq.synthetic:build_linear_case"


def linear_doc(**extra):
    table = {
        "offset": 1.0,
        "coefficients": {"x1": 2.0, "x2": -3.0},
        "x1": {"dist": "normal", "mean": 1.0, "std": 0.1},
        "x2": {"dist": "uniform", "low": 0.0, "high": 1.0},
    }
    table.update(extra)
    return {"linear": table}


def test_linear_case_matches_analytic_mean_and_variance():
    # y = 1 + 2 x1 - 3 x2, x1 ~ N(1, 0.1²), x2 ~ U(0, 1): E y = 1.5, Var y = 4(0.01) + 9/12 = 0.79 exactly
    res = run_monte_carlo(linear_doc(), 200_000, seed=3, builder=LINEAR)
    s = res.summary()["y"]
    assert s["mean"] == pytest.approx(1.5, abs=4 * np.sqrt(0.79 / 200_000))
    # sampling error of a variance estimate ~ sqrt(2/n) relative (less for the platykurtic uniform)
    assert s["std"] ** 2 == pytest.approx(0.79, rel=4 * np.sqrt(2 / 200_000))
    # percentiles of y: 3-sigma band about the analytic median 1.5 (symmetric distribution)
    assert s["P50"] == pytest.approx(1.5, abs=0.01)


def test_rank_sensitivities_match_linear_correlations():
    # for independent inputs Pearson r(y, x_i) = c_i sd_i / sd_y: x1 0.2/0.8888 = 0.225, x2 -0.866/0.8888
    res = run_monte_carlo(linear_doc(), 100_000, seed=5, builder=LINEAR)
    sens = res.sensitivities()["y"]
    assert sens["linear.x1"] == pytest.approx(0.2 / np.sqrt(0.79), abs=0.02)
    assert sens["linear.x2"] == pytest.approx(-np.sqrt(0.75) / np.sqrt(0.79), abs=0.02)


def test_same_seed_same_results_whatever_the_batching_and_executor():
    ref = run_monte_carlo(linear_doc(), 20_000, seed=11, builder=LINEAR, batch_size=1024)
    again = run_monte_carlo(linear_doc(), 20_000, seed=11, builder=LINEAR, batch_size=20_000)
    with LocalExecutor(2) as ex:
        local = run_monte_carlo(linear_doc(), 20_000, seed=11, builder=LINEAR, batch_size=3000, executor=ex)
    for other in (again, local):
        np.testing.assert_array_equal(other.outputs["y"], ref.outputs["y"])
        np.testing.assert_array_equal(other.inputs["linear.x2"], ref.inputs["linear.x2"])
    assert local.executor == "local processes"
    different = run_monte_carlo(linear_doc(), 20_000, seed=12, builder=LINEAR)
    assert not np.array_equal(different.outputs["y"], ref.outputs["y"])


def test_scalar_only_case_falls_back_to_per_sample_loop():
    vec = run_monte_carlo(linear_doc(), 1500, seed=2, builder=LINEAR)
    loop = run_monte_carlo(linear_doc(scalar_only=True), 1500, seed=2, builder=LINEAR)
    np.testing.assert_allclose(loop.outputs["y"], vec.outputs["y"], rtol=1e-14)


def _fails_on_large(doc, source="<case>", registry=None):
    from tcrlab.uq.synthetic import build_linear_case

    case = build_linear_case(doc, source=source)
    if np.max(case.outputs()["y"]) > 10:  # refuses some samples: per-sample fallback fails too
        raise InputError("y", float(np.max(case.outputs()["y"])), "<= 10")
    return case


def test_failed_task_is_reported_with_inputs_and_the_rest_kept():
    doc = linear_doc()
    doc["linear"]["x1"] = {"dist": "normal", "mean": 1.0, "std": 1.2}  # y > 10 happens, rarely
    res = run_monte_carlo(doc, 8 * 1024, seed=1, builder=_fails_on_large, batch_size=1024,
                          executor=SerialExecutor())
    assert res.failures, "some batch should have failed"
    failure = res.failures[0]
    assert "samples" in failure.inputs and "linear.x1" in failure.inputs["inputs"]
    assert "<= 10" in failure.error
    assert res.outputs["y"].size == (8 - len(res.failures)) * 1024
    doc["linear"]["x1"] = {"dist": "normal", "mean": 100.0, "std": 1.0}  # every task fails
    with pytest.raises(TaskFailedError, match="task"):
        run_monte_carlo(doc, 2048, seed=1, builder=_fails_on_large, batch_size=1024)


def test_bad_inputs():
    with pytest.raises(CaseFileError, match="no uncertain inputs"):
        run_monte_carlo({"linear": {"offset": 1.0}}, 100, builder=LINEAR)
    with pytest.raises(InputError, match="n"):
        run_monte_carlo(linear_doc(), 1, builder=LINEAR)
    with pytest.raises(InputError, match="seed"):
        run_monte_carlo(linear_doc(), 100, seed=-1, builder=LINEAR)
    doc = linear_doc()
    doc["linear"]["x1"] = {"dist": "weibull", "k": 2}
    with pytest.raises(InputError, match="unknown distribution"):
        run_monte_carlo(doc, 100, builder=LINEAR)


@settings(max_examples=15, deadline=None)
@given(batch=st.integers(1, 6000), n=st.integers(2, 5000), seed=st.integers(0, 2**31))
def test_results_do_not_depend_on_the_batch_size(batch, n, seed):
    a = run_monte_carlo(linear_doc(), n, seed=seed, builder=LINEAR, batch_size=batch)
    b = run_monte_carlo(linear_doc(), n, seed=seed, builder=LINEAR, batch_size=4096)
    assert a.outputs["y"].size == n
    np.testing.assert_array_equal(a.outputs["y"], b.outputs["y"])
