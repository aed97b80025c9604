"""Sweeps: --vary parsing, grid evaluation against the linear case's exact values, tidy tables."""

import numpy as np
import pandas as pd
import pytest

from tcrlab.errors import InputError
from tcrlab.uq.document import find_distribution_specs, resolve_path, split_path
from tcrlab.uq.sweep import parse_vary, run_sweep, write_table

LINEAR = "tcrlab.uq.synthetic:build_linear_case"
DOC = {"linear": {"offset": 1.0, "coefficients": {"x1": 2.0, "x2": -3.0}, "x1": 0.5, "x2": 0.25}}


def test_parse_vary_forms():
    v = parse_vary("pressure=0.1MPa:10MPa:log3")
    assert v.dimension == "pressure" and v.log
    np.testing.assert_allclose(v.values, [1e5, 1e6, 1e7])
    g = parse_vary("gas=air,He,vacuum")
    assert g.values == ("air", "He", "vacuum") and g.dimension is None
    t = parse_vary("layer[2].thickness=0.1mm,0.3mm")
    np.testing.assert_allclose(t.values, [1e-4, 3e-4])
    d = parse_vary("x=0:1:5")
    assert d.dimension == "dimensionless" and len(d.values) == 5
    for bad in ("pressure", "pressure=", "pressure=1MPa:2MPa:x"):
        with pytest.raises(InputError):
            parse_vary(bad)


def test_paths_aliases_and_one_based_indices():
    doc = {"case": {"name": "x"}, "layer": [{"thickness": "1 mm"}, {"resistance": {"dist": "normal",
                                                                                 "mean": "1 K/W", "std": "0.1 K/W"}}],
           "joint": {"pressure": "1 MPa"}}
    assert split_path("layer[2].resistance") == ["layer", 1, "resistance"]
    assert list(find_distribution_specs(doc)) == ["layer[2].resistance"]
    assert resolve_path(doc, "pressure") == "joint.pressure"
    assert resolve_path(doc, "resistance") == "layer[2].resistance"
    doc["layer"][1]["thickness"] = "2 mm"
    with pytest.raises(InputError, match="ambiguous"):
        resolve_path(doc, "thickness")
    # a name absent from the document goes into the case's single table (e.g. gas = "He" in [joint])
    assert resolve_path(doc, "gas") == "joint.gas"
    doc["boundary"] = {"power": "1 W"}
    with pytest.raises(InputError, match="not found"):
        resolve_path(doc, "roughness")


def test_grid_values_are_exact_and_tidy(tmp_path):
    res = run_sweep(DOC, ["linear.x1=0:1:5", "linear.mode=single,double", "linear.x2=0.1,0.2"], builder=LINEAR,
                    batch_size=3)
    t = res.table
    assert len(t) == 5 * 2 * 2
    assert list(t.columns) == ["linear.x1", "linear.mode", "linear.x2", "y", "y_squared"]
    factor = np.where(t["linear.mode"] == "double", 2.0, 1.0)
    np.testing.assert_allclose(t["y"], factor * (1 + 2 * t["linear.x1"] - 3 * t["linear.x2"]), rtol=1e-14)
    # first name varies slowest
    assert (t["linear.x1"].iloc[:4] == 0).all()
    for name in ("out.csv", "out.parquet"):
        write_table(t, tmp_path / name)
        back = pd.read_csv(tmp_path / name) if name.endswith("csv") else pd.read_parquet(tmp_path / name)
        np.testing.assert_allclose(back["y"], t["y"])
    assert [p.name for p in tmp_path.iterdir()] and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    with pytest.raises(InputError, match=r"\.csv"):
        write_table(t, tmp_path / "out.xlsx")


def test_distributions_are_replaced_by_their_mean_in_a_sweep():
    doc = {"linear": {**DOC["linear"], "x2": {"dist": "uniform", "low": 0.0, "high": 1.0}}}
    res = run_sweep(doc, ["linear.x1=1"], builder=LINEAR)
    assert res.table["y"].iloc[0] == pytest.approx(1 + 2 - 1.5)


def test_unknown_string_value_is_reported_not_lost():
    res = run_sweep(DOC, ["linear.x1=0:1:3", "linear.mode=single,triple"], builder=LINEAR)
    assert len(res.failures) == 1 and "triple" in str(res.failures[0].inputs)
    assert res.table["y"].notna().sum() == 3
