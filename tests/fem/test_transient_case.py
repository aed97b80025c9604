"""FE cases with a [transient] table: `tcrlab transient` on an FE case (JSON, CSV, plot) and bad input
ending in one message naming the field, exit code 2."""

import json
from pathlib import Path

import numpy as np
import pytest

from tcrlab.cases import build_case, load_case
from tcrlab.cli.main import main
from tcrlab.errors import InputError

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "fem" / "die_on_base_transient.toml"


def _run(args, capsys, code=0):
    with pytest.raises(SystemExit) as info:
        main(args)
    out = capsys.readouterr()
    assert info.value.code == code, out.err
    return out


def _doc(**transient):
    return {"case": {"geometry": "axisymmetric"},
            "body": [{"name": "cu", "conductivity": "400 W/(m K)", "density": "8900 kg/m^3",
                      "specific_heat": "385 J/(kg K)", "radius": "5 mm", "thickness": "2 mm", "cells": 6}],
            "boundary": [{"name": "heater", "face": "cu.top", "power": "1 W"},
                         {"name": "sink", "face": "cu.bottom", "temperature": "300 K"}],
            "mesh": {"min_cells": 2}, "transient": transient}


def test_example_json_plot_csv_reach_the_steady_fe_resistance(capsys, tmp_path):
    png, csv = tmp_path / "t.png", tmp_path / "t.csv"
    out = _run(["transient", str(EXAMPLE), "--json", "--plot", str(png), "--csv", str(csv)], capsys)
    data = json.loads(out.out)
    steady = load_case(str(EXAMPLE)).solve().resistance("junction")
    assert data["kind"] == "fem"
    assert data["steady_resistance_K_per_W"] == pytest.approx(steady, rel=1e-9)
    assert data["Zth_K_per_W"][-1] == pytest.approx(steady, rel=1e-6)
    assert len(data["t_s"]) == 121
    assert data["faces"]["base.top"]["Zth_K_per_W"][-1] < data["Zth_K_per_W"][-1]
    assert data["energy_balance_error"] < 1e-8
    # the identified network ends at the same total resistance
    assert data["identification"]["R_total_K_per_W"] == pytest.approx(steady, rel=0.02)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    rows = np.loadtxt(csv, delimiter=",", skiprows=1)
    assert rows.shape == (121, 4)
    assert np.all(np.diff(rows[:, 1]) >= -1e-7 * steady)


def test_case_density_override_and_time_grid():
    case = build_case(_doc(t_min="1 ms", t_max="10 s", points=12, mass="lumped"))
    r = case.solve_transient()
    assert r.t[0] == pytest.approx(1e-3) and r.t.size == 12 and r.mass == "lumped"
    assert r.heat_capacity == pytest.approx(8900 * 385 * np.pi * 0.005**2 * 0.002, rel=1e-12)


@pytest.mark.parametrize(("transient", "field"), [
    ({"t_min": "1 s", "t_max": "1 ms"}, "transient.t_max"), ({"points": 1}, "transient.points"),
    ({"mass": "diagonal"}, "transient.mass"), ({"step": 3}, "transient.step")])
def test_bad_transient_table_names_the_field(transient, field):
    with pytest.raises(InputError) as exc:
        build_case(_doc(**transient))
    assert exc.value.field == field


def test_missing_specific_heat_exits_2(capsys, tmp_path):
    f = tmp_path / "c.toml"
    f.write_text('[case]\ngeometry = "axisymmetric"\n[[body]]\nname = "cu"\nconductivity = "400 W/(m K)"\n'
                 'density = "8900 kg/m^3"\nradius = "5 mm"\nthickness = "2 mm"\n[[boundary]]\nface = "cu.top"\n'
                 'power = "1 W"\n[[boundary]]\nface = "cu.bottom"\ntemperature = "300 K"\n', encoding="utf-8")
    out = _run(["transient", str(f)], capsys, code=2)
    assert "body[1](cu).specific_heat" in out.err and "Traceback" not in out.err
