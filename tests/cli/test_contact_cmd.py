"""`tcrlab contact`: table, figures, JSON and clear errors."""

from __future__ import annotations

import json

import pytest

from tcrlab.cli.main import main

SPEC = "self-affine:n=64,H=0.8,slope=0.1,size=50um,seed=1"


def test_contact_table_figures_and_json(tmp_path, capsys) -> None:
    out = tmp_path / "res.json"
    with pytest.raises(SystemExit) as exc:
        main(["contact", SPEC, "--pressure", "1MPa:100MPa:log3", "--solids", "SS304,SS304",
              "--gas", "air", "--out-dir", str(tmp_path), "--json", str(out), "--barber"])
    assert exc.value.code in (0, None)
    text = capsys.readouterr().out
    assert "h_j" in text
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
