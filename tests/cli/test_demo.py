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
    # the same CPU on a real heat-sink base, with the spreading share named
    assert "heat-sink base: spreading" in out
    assert "Spreading in the base: R_s =" in out and "junction-to-air rise" in out
    assert "Like for like with the article" in out


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
    # the same CPU on a 6 cm × 6 cm, 6 mm Al base with the fin-side h: the spreading row equals the
    # rectangular-source series (Muzychka, Culham & Yovanovich 2003), and the junction adds up
    from tcrlab.spreading import rectangle_spreading

    base = {e["name"]: e for e in data["heat_sink_base"]["elements"]}
    spread = base["heat-sink base: spreading"]
    k_al = base["heat-sink base: aluminium, 6 mm"]["inputs"]["conductivity_at_reference"]
    ref = rectangle_spreading(0.02, 0.02, 0.06, 0.06, [(0.006, k_al)], 1500.0)
    assert spread["R_K_per_W"] == pytest.approx(ref.spreading, rel=1e-12)
    assert spread["dT_K"] == pytest.approx(120.0 * ref.spreading, rel=1e-9)
    assert 0.05 < spread["share"] < 0.5
    assert data["heat_sink_base"]["T_hot_K"] - 298.15 == pytest.approx(
        120.0 * (0.5e-3 / (148.0 * 4e-4) + 1.2e-4 / 4e-4 + ref.total), rel=2e-3)
