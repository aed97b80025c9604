"""`tcrlab demo`: the 120 W CPU example's numbers and the interface variants."""

import json

import pytest

from tcrlab.cli.main import main


def test_demo_table(capsys):
    with pytest.raises(SystemExit) as info:
        main(["demo"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "Bottleneck: die / heat-sink interface" in out
    assert "36.000" in out and "1.014" in out and "7.595" in out
    assert "vacuum" in out and "paste" in out


def test_demo_json_and_plots(tmp_path, capsys):
    png, cmp_png = tmp_path / "p.png", tmp_path / "c.png"
    with pytest.raises(SystemExit) as info:
        main(["demo", "--json", "--plot", str(png), "--compare-plot", str(cmp_png)])
    assert info.value.code == 0
    data = json.loads(capsys.readouterr().out)
    drops = {e["name"]: e["dT_K"] for e in data["case"]["elements"]}
    assert drops["silicon die"] == pytest.approx(1.0, abs=0.05)
    assert drops["die / heat-sink interface"] == pytest.approx(36.0)
    assert drops["aluminium base (first 6 mm)"] == pytest.approx(7.6, abs=0.05)
    rows = {r["variant"]: r for r in data["variants"]}
    # Bergman et al. (2011) Table 3.1(b): glycerin 0.265e-4 m²K/W -> 7.95 K at 300 kW/m²
    glycerin = next(r for n, r in rows.items() if "glycerin" in n)
    assert glycerin["dT_interface_K"] == pytest.approx(7.95)
    assert png.read_bytes()[:4] == b"\x89PNG" and cmp_png.read_bytes()[:4] == b"\x89PNG"
