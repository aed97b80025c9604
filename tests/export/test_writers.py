"""Every writer's output read back by an independent parser gives the table's numbers."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from tcrlab.errors import InputError
from tcrlab.export import ConductanceTable, format_table, write_table
from tcrlab.export.gapcon import gapcon

_spec = importlib.util.spec_from_file_location("_export_parse", Path(__file__).with_name("_parse.py"))
parse = importlib.util.module_from_spec(_spec)
sys.modules["_export_parse"] = parse
_spec.loader.exec_module(parse)


def _table(n_t: int = 2) -> ConductanceTable:
    p = np.array([0.0, 1e5, 3e5, 1e6, 1e7])
    d = np.array([0.0, 1e-6, 1e-5, 1e-4])
    t = np.array([300.0, 400.0, 500.0])[:n_t]
    hp = np.stack([np.array([3000.0, 3100.0, 3500.0, 5000.0, 20000.0]) * (1 + 0.1 * j) for j in range(n_t)])
    hd = np.stack([np.array([3000.0, 2500.0, 900.0, 250.0]) * (1 + 0.1 * j) for j in range(n_t)])
    return ConductanceTable(p, d, t, hp, hd, tolerance=2e-3, error_pchip=1e-3, error_linear=1.5e-3,
                            description={"solid1": "SS304", "touch_pressure": 1e5})


@pytest.mark.parametrize("n_t", [1, 2])
@pytest.mark.parametrize("form", ["pressure", "clearance"])
def test_abaqus_round_trip(form: str, n_t: int) -> None:
    t = _table(n_t)
    text = format_table(t, "abaqus", form=form)
    kw = "*GAP CONDUCTANCE, PRESSURE" if form == "pressure" else "*GAP CONDUCTANCE"
    x, temps, h = parse.keyword_table(text, kw)
    axis, values = (t.pressure, t.h_pressure) if form == "pressure" else (t.clearance, t.h_clearance)
    np.testing.assert_allclose(x, axis, rtol=1e-8)
    np.testing.assert_allclose(h, values, rtol=1e-8)
    if n_t > 1:
        np.testing.assert_allclose(temps, t.temperature)


def test_calculix_round_trip_and_mm_units() -> None:
    t = _table()
    x, temps, h = parse.keyword_table(format_table(t, "calculix"), "*GAP CONDUCTANCE")
    np.testing.assert_allclose(x, t.pressure, rtol=1e-8)
    np.testing.assert_allclose(h, t.h_pressure, rtol=1e-8)
    # mm–N–s–mW: MPa and mW/(mm² K) (1 W/(m² K) = 1e-3 mW/(mm² K)); °C
    x, temps, h = parse.keyword_table(format_table(t, "calculix", units="mm", temperature_unit="degC"),
                                      "*GAP CONDUCTANCE")
    np.testing.assert_allclose(x, t.pressure * 1e-6, rtol=1e-8)
    np.testing.assert_allclose(h, t.h_pressure * 1e-3, rtol=1e-8)
    np.testing.assert_allclose(temps, t.temperature - 273.15, rtol=1e-8)
    with pytest.raises(InputError, match="form"):
        format_table(t, "calculix", form="clearance")


def test_ansys_round_trip() -> None:
    t = _table()
    text = format_table(t, "ansys", name="TCC1")
    x, temps, h = parse.apdl_table(text)
    np.testing.assert_allclose(x, t.pressure, rtol=1e-8)
    np.testing.assert_allclose(temps, t.temperature)
    np.testing.assert_allclose(h, t.h_pressure, rtol=1e-8)
    assert "%TCC1%" in text
    with pytest.raises(InputError, match="name"):
        format_table(t, "ansys", name="1bad name")


@pytest.mark.parametrize("form", ["pressure", "clearance"])
def test_comsol_round_trip(form: str) -> None:
    t = _table()
    x, _temps, h = parse.comsol_file(format_table(t, "comsol", form=form))
    axis, values = (t.pressure, t.h_pressure) if form == "pressure" else (t.clearance, t.h_clearance)
    np.testing.assert_allclose(x, axis, rtol=1e-8)
    np.testing.assert_allclose(h, values, rtol=1e-8)


def test_csv_and_json_round_trip(tmp_path: Path) -> None:
    t = _table()
    text = format_table(t, "csv")
    _x, temps, h = parse.csv_file(text, "closed")
    np.testing.assert_allclose(temps, t.temperature)
    np.testing.assert_allclose(h, t.h_pressure, rtol=1e-8)
    x, _temps, h = parse.csv_file(text, "open")
    np.testing.assert_allclose(x, t.clearance, rtol=1e-8)
    np.testing.assert_allclose(h, t.h_clearance, rtol=1e-8)
    path = write_table(t, tmp_path / "t.json", "json")
    data = json.loads(path.read_text())
    back = ConductanceTable.from_dict(data)
    np.testing.assert_array_equal(back.h_pressure, t.h_pressure)
    # the callable from the JSON file interpolates like the table itself
    f = gapcon(path)
    assert f(2e6, 0.0, 350.0) == t.gapcon(2e6, 0.0, 350.0)


def test_unknown_format_and_bad_json(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="format"):
        format_table(_table(), "nastran")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(InputError, match="JSON"):
        gapcon(bad)
