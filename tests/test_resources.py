"""Big work is estimated first and refused with the figure; thread counts follow the free cores."""

import subprocess
import sys
import time

import numpy as np
import pytest

from tcrlab import resources
from tcrlab.cli.main import main
from tcrlab.errors import InputError


def test_limits_combine_and_the_env_limit_parses(monkeypatch):
    monkeypatch.setenv("TCRLAB_MEMORY_LIMIT", "512M")
    assert resources.available_memory() <= 512 << 20
    monkeypatch.setenv("TCRLAB_MEMORY_LIMIT", "lots")
    with pytest.raises(InputError, match="TCRLAB_MEMORY_LIMIT"):
        resources.available_memory()


def test_require_memory_names_field_and_figure(monkeypatch):
    monkeypatch.setenv("TCRLAB_MEMORY_LIMIT", "1G")
    with pytest.raises(InputError) as exc:
        resources.require_memory(8.6e9, "a 16384 × 16384 surface", "surface.n", "16384")
    assert exc.value.field == "surface.n" and "8.6 GB" in str(exc.value) and "1.07 GB" in str(exc.value)


def test_cpus_are_at_least_one_and_at_most_the_affinity():
    import os

    assert 1 <= resources.free_cpus() <= resources.available_cpus() <= len(os.sched_getaffinity(0))


@pytest.mark.parametrize("argv, fragments", [
    (["surface", "self-affine:n=16384,H=0.8,slope=0.1,size=100um,seed=1"], ["surface.n", "268,435,456", "GB"]),
    (["contact", "self-affine:n=8192,H=0.8,slope=0.1,size=100um,seed=1", "--pressure", "1MPa",
      "--solids", "SS304,SS304", "--no-plots"], ["surface.n", "67,108,864", "GB"]),
])
def test_cli_refuses_grids_that_do_not_fit_at_once(argv, fragments, monkeypatch, capsys):
    monkeypatch.setenv("TCRLAB_MEMORY_LIMIT", "2G")
    start = time.perf_counter()
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert all(f in err for f in fragments), err
    assert time.perf_counter() - start < 10


def test_contact_solve_estimates_before_working(monkeypatch):
    from tcrlab.contact.solver import solve
    from tcrlab.surfaces.topography import Topography

    topo = Topography(np.random.default_rng(0).normal(size=(512, 512)) * 1e-6, 1e-4, periodic=False)
    monkeypatch.setenv("TCRLAB_MEMORY_LIMIT", "200M")
    with pytest.raises(InputError, match=r"non-periodic contact solve on 512 × 512"):
        solve(topo, 1e11, pressure=1e6)


def test_surface_statistics_estimate(monkeypatch):
    from tcrlab.surfaces.statistics import surface_statistics
    from tcrlab.surfaces.topography import Topography

    topo = Topography(np.zeros((256, 256)), 1e-4)
    monkeypatch.setenv("TCRLAB_MEMORY_LIMIT", "1M")
    with pytest.raises(InputError, match="statistics of a 256 × 256 map"):
        surface_statistics(topo)


def test_contact_emissivity_text_is_a_message(capsys):
    for bad in ("abc", "0.5,,0.5", "1.5"):
        with pytest.raises(SystemExit) as exc:
            main(["contact", "self-affine:n=32,H=0.8,slope=0.1,size=100um,seed=1", "--pressure", "1MPa",
                  "--solids", "SS304,SS304", "--no-plots", "--emissivity", bad])
        assert exc.value.code == 2
        assert "--emissivity" in capsys.readouterr().err


def test_memory_check_runs_in_a_capped_process():
    """Under `ulimit -v` the estimate sees the cap: the refusal comes before any MemoryError."""
    code = ("import resource; resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30));"
            "from tcrlab.cli.main import main; main(['surface', 'self-affine:n=16384,H=0.8,slope=0.1,size=1mm'])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "surface.n" in proc.stderr and "Traceback" not in proc.stderr


def test_monte_carlo_sample_count_is_checked_first(monkeypatch):
    from tcrlab.uq.montecarlo import run_monte_carlo

    doc = {"linear": {"offset": 1.0, "coefficients": {"x1": 2.0}, "x1": {"dist": "normal", "mean": 1.0, "std": 0.1}}}
    monkeypatch.setenv("TCRLAB_MEMORY_LIMIT", "1G")
    start = time.perf_counter()
    with pytest.raises(InputError, match=r"100,000,000 Monte Carlo samples of 3 inputs and outputs"):
        run_monte_carlo(doc, 100_000_000, builder="tcrlab.uq.synthetic:build_linear_case")
    assert time.perf_counter() - start < 5


def test_an_unforeseen_memory_error_is_one_message(monkeypatch, capsys):
    def boom(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr("tcrlab.surfaces.spec.load_surface", boom)
    with pytest.raises(SystemExit) as exc:
        main(["surface", "self-affine:n=32,H=0.8,slope=0.1,size=100um"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "out of memory" in err and "Traceback" not in err
