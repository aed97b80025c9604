"""The JSON API: same numbers as the library and the command line, and every bad request a 4xx naming
its field — never a 500 or a hang."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import tcrlab
from tcrlab.cases import load_document
from tcrlab.cli.main import cli
from tcrlab.web import create_app

CPU = Path(tcrlab.__file__).parent / "examples" / "cpu_heatsink.toml"
JOINT = {"solids": ["SS304", "SS304"], "sigma": "1.5 um", "slope": 0.1, "pressure": "1 MPa",
         "gas": "air", "gas_pressure": "1 atm", "temperature": "300 K"}


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def test_stack_api_equals_run_json(client: TestClient) -> None:
    """The article's CPU through /api/stack is what `tcrlab run --json` prints (less the file name)."""
    cli_out = CliRunner().invoke(cli, ["run", str(CPU), "--json"])
    assert cli_out.exit_code == 0, cli_out.output
    expected = json.loads(cli_out.output)
    expected.pop("source")
    r = client.post("/api/stack", json=load_document(CPU))
    assert r.status_code == 200
    assert r.json() == expected
    drops = [e["dT_K"] for e in r.json()["elements"]]
    assert drops == pytest.approx([1.014, 36.0, 7.595], abs=1e-3)  # the article's 1.0 / 36 / 7.6 K


def test_joint_api_equals_library(client: TestClient) -> None:
    r = client.post("/api/joint", json=JOINT)
    assert r.status_code == 200
    direct = tcrlab.Joint("SS304", "SS304", pressure=1e6, sigma=1.5e-6, slope=0.1, gas="air",
                          gas_pressure=101325.0, temperature=300.0).evaluate(emit_warnings=False)
    for key in ("h_c", "h_g", "h_r", "h_j", "R_c"):
        assert r.json()[key] == pytest.approx(float(getattr(direct, key)), rel=1e-12)
    assert "Yovanovich" in r.json()["sources"]["contact_model"]


def test_kapitza_api_equals_library(client: TestClient) -> None:
    r = client.post("/api/kapitza", json={"material1": "Al", "material2": "Si", "temperature": "1 K:300 K:log5"})
    assert r.status_code == 200
    body = r.json()
    direct = tcrlab.kapitza.amm_conductance("Al", "Si", body["T"])
    assert body["h_amm"] == pytest.approx(list(direct), rel=1e-12)
    assert body["measured"] == tcrlab.kapitza.measured_conductances("Al", "Si")
    assert body["measured"], "Al/Si has measured values in the packaged table"


def test_openapi_and_pages_are_served_locally(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/joint", "/api/stack", "/api/kapitza"} <= set(spec["paths"])
    for page in ("/", "/joint", "/stack", "/kapitza", "/api"):
        r = client.get(page)
        assert r.status_code == 200
        assert "http://" not in r.text.replace("http://127.0.0.1:8000", "")  # nothing fetched from outside
        assert "https://" not in r.text


def test_case_file_download_reads_back(client: TestClient) -> None:
    """The TOML the heat-path page offers solves to the same result with `tcrlab run`."""
    import tomllib

    doc = load_document(CPU)
    r = client.post("/ui/stack", json=doc)
    assert r.status_code == 200
    assert tomllib.loads(r.json()["toml"]) == doc
    assert "Bottleneck" in r.json()["html"] and "<svg" in r.json()["html"]


BAD = [
    ("/api/joint", {**JOINT, "sigma": "-1.5 um"}, "sigma"),
    ("/api/joint", {**JOINT, "sigma": "1.5 kg"}, "sigma"),
    ("/api/joint", {**JOINT, "pressure": "abc"}, "pressure"),
    ("/api/joint", {**JOINT, "solids": ["unobtainium", "SS304"]}, "unobtainium"),
    ("/api/joint", {**JOINT, "gas": "xenon"}, "gas"),
    ("/api/joint", {**JOINT, "slope": -0.1}, "slope"),
    ("/api/joint", {**JOINT, "temperature": 300}, "temperature"),
    ("/api/joint", {**JOINT, "bogus": 1}, "bogus"),
    ("/api/joint", {**JOINT, "pressure": "1 MPa:100 MPa:log100000"}, "pressure"),
    ("/api/joint", {**JOINT, "sigma": "1" * 500 + " um"}, "sigma"),
    ("/api/joint", {**JOINT, "sigma": "9**9**9 um"}, "sigma"),
    ("/api/joint", {**JOINT, "pressure": "10**10**10 Pa"}, "pressure"),
    ("/api/kapitza", {"material1": "Si", "material2": "Cu", "temperature": "-5 K"}, "temperature"),
    ("/api/kapitza", {"material1": "Si", "material2": "nothing", "temperature": "5 K"}, "nothing"),
    ("/api/kapitza", {"material1": "Si", "material2": "Cu", "temperature": "1 K:300 K:log9999"}, "temperature"),
    ("/api/stack", {"case": {"width": "2 cm", "length": "2 cm"}, "boundary": {"power": "120 kg", "sink_temperature": "40 degC"},
                    "layer": [{"kind": "contact", "resistance": "1e-4 K m^2/W"}]}, "power"),
    ("/api/stack", {"case": {"width": "2 cm", "length": "2 cm"}, "boundary": {"power": "120 W", "sink_temperature": "40 degC"},
                    "layer": [{"kind": "conduction", "material": "Si", "thickness": "0 mm"}]}, "thickness"),
    ("/api/stack", {"case": {"width": "2 cm"}, "boundary": {"power": "120 W", "sink_temperature": "40 degC"},
                    "layer": [{"kind": "contact", "resistance": "1e-4 K m^2/W"}] * 500}, "layer"),
    ("/api/stack", {"solvr": {}, "layer": [{"kind": "warp", "resistance": "1"}]}, ""),
    ("/api/examples/..%2F..%2Fetc%2Fpasswd", None, ""),
]


@pytest.mark.parametrize(("path", "body", "field"), BAD)
def test_bad_requests_are_4xx_naming_the_field(client: TestClient, path: str, body: object, field: str) -> None:
    start = time.monotonic()
    r = client.get(path) if body is None else client.post(path, json=body)
    assert time.monotonic() - start < 5.0
    assert 400 <= r.status_code < 500, r.text
    if body is not None:
        assert r.status_code == 422
        detail = r.json()["detail"][0]
        assert field in (detail.get("field") or "") + detail["msg"]


def test_oversized_and_malformed_bodies(client: TestClient) -> None:
    big = client.post("/api/joint", content=b'{"a": "' + b"x" * 200_000 + b'"}',
                      headers={"content-type": "application/json"})
    assert big.status_code == 413
    assert "too large" in big.json()["detail"][0]["msg"]
    for body in (b"not json", b"[1, 2]", b'"text"'):
        r = client.post("/api/joint", content=body, headers={"content-type": "application/json"})
        assert r.status_code == 422


def test_spreading_page_solves_the_case_tcrlab_run_solves(client: TestClient) -> None:
    """The spreading page's form becomes a one-spreader heat path; its TOML solves to the same R_total."""
    import tomllib

    from tcrlab.cases import build_case

    form = {"shape": "rectangle", "source_length": "2 cm", "source_width": "2 cm", "plate_length": "6 cm",
            "plate_width": "6 cm", "h": "1500 W/(m^2 K)", "power": "120 W", "sink_temperature": "25 degC",
            "plate_layer": [{"thickness": "6 mm", "material": "Al"}, {}, {}]}
    r = client.post("/ui/spreading", json=form)
    assert r.status_code == 200
    doc = tomllib.loads(r.json()["toml"])
    result = build_case(doc, source="test").solve()
    assert f"{float(result.total_resistance):.4g}" in r.json()["html"]
    bad = client.post("/ui/spreading", json={**form, "plate_layer": [{"thickness": "0 mm", "material": "Al"}]})
    assert bad.status_code == 422
    assert "plate_layer[1].thickness" in bad.json()["detail"][0]["field"]


def test_serve_refuses_a_public_address_without_public_flag() -> None:
    """`tcrlab serve` binds to loopback; another address needs --public on purpose."""
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--port", "8799"])
    assert result.exit_code != 0
    from tcrlab.cli.serve import _check_host
    from tcrlab.errors import InputError

    with pytest.raises(InputError, match="--host"):
        _check_host("0.0.0.0", public=False)
    with pytest.raises(InputError, match="--host"):
        _check_host("example.org", public=True)
    _check_host("127.0.0.1", public=False)
    _check_host("::1", public=False)
