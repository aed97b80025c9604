"""Latency of the JSON API under concurrent clients (loopback only, bounded).

Starts ``tcrlab serve``'s app on a free 127.0.0.1 port in this process, sends N joint requests from C
concurrent clients (each request a different contact pressure, so no answer is cached), checks every
answer against the library, and prints the median and 95th-percentile latency and the throughput.

    python benchmarks/bench_web.py [--requests 200] [--clients 8]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import numpy as np
import uvicorn

import tcrlab
from tcrlab.web import create_app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{port}/api/joint"
    for _ in range(200):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/materials", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.05)

    pressures = 0.5e6 + 0.01e6 * np.arange(args.requests)
    expected = tcrlab.Joint("SS304", "SS304", pressure=pressures, sigma=1.5e-6, slope=0.1, gas="air",
                            gas_pressure=101325.0, temperature=300.0).evaluate(emit_warnings=False).h_j

    def one(i: int) -> tuple[float, float]:
        body = {"solids": ["SS304", "SS304"], "sigma": "1.5 um", "slope": 0.1, "pressure": f"{pressures[i]} Pa",
                "gas": "air", "gas_pressure": "1 atm", "temperature": "300 K"}
        with httpx.Client(timeout=30) as client:
            t0 = time.perf_counter()
            r = client.post(url, json=body)
            return r.json()["h_j"], time.perf_counter() - t0

    one(0)  # first request loads the gas tables
    start = time.perf_counter()
    with ThreadPoolExecutor(args.clients) as pool:
        answers = list(pool.map(one, range(args.requests)))
    wall = time.perf_counter() - start
    server.should_exit = True
    h = np.array([a[0] for a in answers])
    lat = sorted(a[1] for a in answers)
    wrong = int(np.sum(~np.isclose(h, expected, rtol=1e-12)))
    print(f"{args.requests} joint requests from {args.clients} clients: {wrong} wrong answers; median latency "
          f"{1e3 * statistics.median(lat):.1f} ms, p95 {1e3 * lat[int(0.95 * len(lat))]:.1f} ms, "
          f"{args.requests / wall:.0f} requests/s; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
