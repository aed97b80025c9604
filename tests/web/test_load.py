"""Bounded load on loopback: 200 joint requests from 8 concurrent clients, all answered correctly."""

from __future__ import annotations

import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

import tcrlab

N_REQUESTS = 200
N_CLIENTS = 8


def test_concurrent_joint_requests(live_server: str) -> None:
    pressures = [0.5e6 + 0.05e6 * i for i in range(N_REQUESTS)]
    expected = tcrlab.Joint("SS304", "SS304", pressure=pressures, sigma=1.5e-6, slope=0.1, gas="air",
                            gas_pressure=101325.0, temperature=300.0).evaluate(emit_warnings=False).h_j

    def one(i: int) -> tuple[float, float]:
        body = {"solids": ["SS304", "SS304"], "sigma": "1.5 um", "slope": 0.1,
                "pressure": f"{pressures[i]} Pa", "gas": "air", "gas_pressure": "1 atm", "temperature": "300 K"}
        with httpx.Client(timeout=30) as client:
            start = time.perf_counter()
            r = client.post(live_server + "/api/joint", json=body)
            elapsed = time.perf_counter() - start
        assert r.status_code == 200, r.text
        return r.json()["h_j"], elapsed

    start = time.perf_counter()
    with ThreadPoolExecutor(N_CLIENTS) as pool:
        answers = list(pool.map(one, range(N_REQUESTS)))
    wall = time.perf_counter() - start
    h = [a[0] for a in answers]
    latency = [a[1] for a in answers]
    assert h == pytest.approx(list(expected), rel=1e-12)
    median = statistics.median(latency)
    print(f"\n{N_REQUESTS} joint requests, {N_CLIENTS} clients: median latency {1e3 * median:.1f} ms, "
          f"p95 {1e3 * sorted(latency)[int(0.95 * N_REQUESTS)]:.1f} ms, {N_REQUESTS / wall:.0f} requests/s")
    assert wall < 120.0
