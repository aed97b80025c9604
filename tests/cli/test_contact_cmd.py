"""`tcrlab contact`: table, figures, JSON and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tcrlab.cli.main import main

SPEC = "self-affine:n=64,H=0.8,slope=0.1,size=50um,seed=1"


def test_contact_table_figures_and_json(tmp_path, capsys) -> None:
    out = tmp_path / "res.json"
    with pytest.raises(SystemExit) as exc:
        main(["contact", SPEC, "--pressure", "1MPa:100MPa:log3", "--solids", "SS304,SS304",
              "--gas", "air", "--out-dir", str(tmp_path), "--json", str(out), "--barber", "--elastic"])
    assert exc.value.code in (0, None)
    captured = capsys.readouterr()
    assert "JSON written" in captured.err and "h_j" in captured.out  # a file: the table still printed
    assert (tmp_path / "contact_maps.png").stat().st_size > 1000
    assert (tmp_path / "contact_h_vs_p.png").stat().st_size > 1000
    doc = json.loads(out.read_text())
    rows = doc["rows"]
    assert len(rows) == 3
    # more load: more contact area, higher h_c, smaller mean gap
    assert rows[0]["area_fraction"] < rows[1]["area_fraction"] < rows[2]["area_fraction"]
    assert rows[0]["h_c"] < rows[1]["h_c"] < rows[2]["h_c"]
    assert rows[0]["mean_gap"] > rows[2]["mean_gap"]
    for r in rows:
        assert r["h_j"] == pytest.approx(r["h_c"] + r["h_g"] + r["h_r"])
        assert r["h_c_barber"] == pytest.approx(r["h_c"], rel=0.01)
        assert r["h_g"] > 0


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--pressure", "-1MPa"], "pressure"),
        (["--pressure", "1MPa", "--solids", "Unobtainium"], "Unobtainium"),
        (["--pressure", "1MPa", "--gas", "plasma"], "plasma"),
    ],
)
def test_contact_errors(args, needle, capsys) -> None:
    base = ["contact", SPEC, "--solids", "SS304", "--no-plots"]
    if "--solids" in args:
        base = ["contact", SPEC, "--no-plots"]
    with pytest.raises(SystemExit) as exc:
        main(base + args)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "error" in err and needle.lower() in err.lower()


def test_contact_unknown_file_format(tmp_path, capsys) -> None:
    bad = tmp_path / "scan.xyzzy"
    bad.write_text("not a surface")
    with pytest.raises(SystemExit) as exc:
        main(["contact", str(bad), "--pressure", "1MPa", "--solids", "SS304", "--no-plots"])
    assert exc.value.code == 2
    assert "error" in capsys.readouterr().err


DEMO = str(Path(__file__).resolve().parents[1] / "data" / "surfaces" / "demo_scan.x3p")
SPEC64 = "self-affine:n=64,H=0.8,slope=0.1,size=100um,seed=1"


def _run(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main(args)
    out = capsys.readouterr()
    return exc.value.code or 0, out.out, out.err


def test_complete_contact_gives_the_no_constriction_limit(capsys) -> None:
    """20 GPa on SS304 used to end in a ZeroDivisionError. Elastic: complete contact, h_c = ∞ (R_c = 0),
    stated; elastic–plastic (default): P ≥ H_c has no rough-contact solution, said with exit code 2."""
    code, out, err = _run(["contact", SPEC64, "--pressure", "20GPa", "--solids", "SS304,SS304",
                           "--elastic", "--json", "-"], capsys)
    assert code == 0
    row = json.loads(out)["rows"][0]
    assert row["h_c"] == "inf" and row["area_fraction"] == 1.0
    assert "complete contact" in err and "Traceback" not in err
    code, _, err = _run(["contact", SPEC64, "--pressure", "20GPa", "--solids", "SS304,SS304"], capsys)
    assert code == 2 and "--pressure" in err and "H_c" in err and "--elastic" in err


def test_elastic_plastic_with_registry_microhardness_is_the_default_and_said(capsys) -> None:
    code, out, _ = _run(["contact", SPEC64, "--pressure", "10MPa", "--solids", "SS304", "--json"], capsys)
    doc = json.loads(out)
    assert code == 0 and doc["plasticity"].startswith("elastic–plastic")
    assert "SS304" in doc["plasticity"] and 3e9 < doc["microhardness"][0] < 6e9
    code, out, _ = _run(["contact", SPEC64, "--pressure", "10MPa", "--solids", "SS304"], capsys)
    assert "solve: elastic–plastic, pressure capped at the H_c" in " ".join(out.split())
    # a material without Vickers coefficients: elastic, and the output says why
    code, out, _ = _run(["contact", SPEC64, "--pressure", "10MPa", "--solids", "Cu", "--json"], capsys)
    assert "no microhardness for Cu" in json.loads(out)["plasticity"]


def test_elastic_solve_warns_of_pressures_above_the_microhardness(capsys) -> None:
    """100 MPa on SS304, elastic: local pressures of ~10-20 GPa, several times H_c, must be warned."""
    code, out, err = _run(["contact", SPEC64, "--pressure", "100MPa", "--solids", "SS304", "--elastic",
                           "--json"], capsys)
    doc = json.loads(out)
    hot = [w for w in doc["warnings"] if "above" in w or "microhardness H_c" in w]
    assert code == 0 and hot and "× the microhardness" in hot[0]
    assert "× the microhardness" in err


def test_unresolved_spots_of_the_demo_scan_are_warned(capsys) -> None:
    """demo_scan.x3p at 1 MPa: a couple of spots on a few pixels over-conduct (h_c far above Mikic)."""
    code, out, err = _run(["contact", DEMO, "--pressure", "1MPa", "--solids", "SS304,SS304", "--json"], capsys)
    doc = json.loads(out)
    assert code == 0 and any("unresolved" in w for w in doc["warnings"])
    assert "contact spots are unresolved" in err


def test_json_to_stdout_is_one_document_and_no_figures_unasked(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(["contact", SPEC64, "--pressure", "1MPa:10MPa:log2", "--solids", "SS304",
                         "--json", "-"], capsys)
    assert code == 0
    doc = json.loads(out)  # the whole of stdout parses: no table before or after
    assert len(doc["rows"]) == 2
    assert not list(tmp_path.glob("*.png"))


def test_json_into_a_directory_names_the_directory(tmp_path, capsys) -> None:
    code, _, err = _run(["contact", SPEC64, "--pressure", "1MPa", "--solids", "SS304", "--json",
                         str(tmp_path)], capsys)
    assert code == 2 and "--json" in err and "directory" in err and "/." not in err


def test_two_measured_surfaces_are_solved_as_their_composite(tmp_path, capsys) -> None:
    """Two surfaces, one per solid: the composite h1 + h2 (Johnson 1985 §13.1; Greenwood & Tripp 1970),
    so the pair gives exactly what the summed map gives."""
    from tcrlab.surfaces import load_surface

    a = "self-affine:n=32,H=0.8,slope=0.1,size=100um,seed=1"
    b = "self-affine:n=32,H=0.8,slope=0.1,size=100um,seed=2"
    total = load_surface(a).heights + load_surface(b).heights
    np.save(tmp_path / "sum.npy", total)
    args = ["--pressure", "10MPa", "--solids", "SS304,SS304", "--elastic", "--json"]
    _, out_pair, _ = _run(["contact", a, b, *args], capsys)
    _, out_sum, _ = _run(["contact", str(tmp_path / "sum.npy"), "--size", "100um", "--unit", "m",
                          "--periodic", *args], capsys)
    pair, summed = json.loads(out_pair), json.loads(out_sum)
    assert pair["composite"] is True
    assert pair["rows"][0]["h_c"] == pytest.approx(summed["rows"][0]["h_c"], rel=1e-9)
    assert pair["sigma"] == pytest.approx(float(np.std(total)), rel=1e-9)


def test_two_surfaces_on_different_grids_are_refused(capsys) -> None:
    code, _, err = _run(["contact", "self-affine:n=32,H=0.8,slope=0.1,size=100um,seed=1",
                         "self-affine:n=64,H=0.8,slope=0.1,size=100um,seed=2", "--pressure", "1MPa",
                         "--solids", "SS304"], capsys)
    assert code == 2 and "second surface" in err and "32 × 32" in err


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        (["--emissivity", "0.3,0.3,0.3"], "--emissivity"),  # three values for two surfaces
        (["--emissivity", "1.5"], "(0, 1]"),  # an emissivity above the black body's
    ],
)
def test_contact_refuses_bad_emissivities(extra, needle, capsys) -> None:
    code, _, err = _run(["contact", SPEC64, "--pressure", "1MPa", "--solids", "SS304", *extra], capsys)
    assert code == 2 and "error" in err and needle in err and "Traceback" not in err


def test_contact_refuses_three_surfaces(capsys) -> None:
    code, _, err = _run(["contact", SPEC64, SPEC64, SPEC64, "--pressure", "1MPa", "--solids", "SS304"], capsys)
    assert code == 2 and "SURFACE" in err and "one surface, or two" in err


def test_contact_emissivity_adds_radiation_to_the_joint(capsys) -> None:
    """With emissivities h_r > 0 and h_j = h_c + h_g + h_r; one value serves both surfaces."""
    base = ["contact", SPEC64, "--pressure", "1MPa", "--solids", "SS304", "--json", "-"]
    code, out, _ = _run([*base, "--emissivity", "0.5"], capsys)
    assert code == 0
    row = json.loads(out)["rows"][0]
    assert row["h_r"] > 0 and row["h_j"] == pytest.approx(row["h_c"] + row["h_g"] + row["h_r"])
    code, out, _ = _run([*base, "--emissivity", "0.5,0.5"], capsys)
    assert code == 0 and json.loads(out)["rows"][0]["h_r"] == pytest.approx(row["h_r"])
    code, out, _ = _run(base, capsys)
    assert code == 0 and json.loads(out)["rows"][0]["h_r"] == 0


def test_a_load_series_warns_once_per_kind(capsys) -> None:
    """Four light loads on the demo scan: the unresolved spots are one warning naming the pressures."""
    code, out, err = _run(["contact", DEMO, "--pressure", "0.5MPa,1MPa,2MPa,4MPa", "--solids", "SS304,SS304",
                           "--json"], capsys)
    doc = json.loads(out)
    unresolved = [w for w in doc["warnings"] if "unresolved" in w]
    assert code == 0 and len(unresolved) == 1
    assert " of 4 pressures (0.5–" in unresolved[0]
    assert err.count("contact spots are unresolved") == 1
