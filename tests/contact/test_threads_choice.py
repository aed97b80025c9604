"""The solver's thread count follows the free cores; sweep workers run one thread each; idle pool
threads block instead of spinning."""

import time

import pytest

from tcrlab.contact import _threads
from tcrlab.uq.executors import LocalExecutor


def _threads_in_worker(_):
    import os

    from tcrlab.contact import _threads as t

    t.choose_threads()
    return t.THREADS, os.environ.get("TCRLAB_THREADS")


@pytest.fixture
def automatic(monkeypatch):
    monkeypatch.setattr(_threads, "EXPLICIT", None)
    monkeypatch.setattr(_threads, "MAX_THREADS", 2)
    yield
    _threads.set_threads(_threads.THREADS)


def test_busy_machine_gets_one_thread_idle_machine_all(automatic, monkeypatch):
    monkeypatch.setattr(_threads, "runnable_others", lambda: 2)
    assert _threads.choose_threads() == 1
    monkeypatch.setattr(_threads, "runnable_others", lambda: 0)
    assert _threads.choose_threads() == 2
    monkeypatch.setattr(_threads, "runnable_others", lambda: 1)
    assert _threads.choose_threads() == 1


def test_an_explicit_count_is_kept(monkeypatch):
    monkeypatch.setattr(_threads, "EXPLICIT", 2)
    monkeypatch.setattr(_threads, "runnable_others", lambda: 5)
    assert _threads.choose_threads() == 2


def test_fft_threads_follow(automatic, monkeypatch):
    from tcrlab.contact import _fft

    monkeypatch.setattr(_threads, "runnable_others", lambda: 3)
    _threads.choose_threads()
    assert _fft.THREADS == 1


def test_local_sweep_workers_run_one_thread():
    with LocalExecutor(2) as pool:
        results = [value for _, (status, value, _) in pool.map_unordered(_threads_in_worker, [0, 1])]
    assert results == [(1, "1"), (1, "1")]


def test_idle_pool_threads_do_not_spin():
    _threads._pool()  # make sure the pool exists
    before = time.process_time()
    time.sleep(0.5)
    assert time.process_time() - before < 0.1
