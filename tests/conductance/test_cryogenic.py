"""Measured cryogenic joints (Ekin 2006, p. 63, digitised in NIST cryoheatflow): the data are reproduced at
the measured points, interpolated as piecewise power laws, warned outside the measured range, and usable
as heat-path layers."""

from __future__ import annotations

import tomllib
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tcrlab.cases import build_case
from tcrlab.cases.stack import variant_document
from tcrlab.conductance.cryogenic import (
    cryogenic_joint_conductance,
    cryogenic_joint_data,
    temperature_range,
)
from tcrlab.errors import InputError, ValidityWarning

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_published_points_are_reproduced() -> None:
    # Ekin (2006) p. 63 as digitised: grease 1.89 W/(K cm²) at 296 K, Pb-Sn 0.703 W/(K cm²) at 2.75 K
    assert cryogenic_joint_conductance("grease", 296.0) == pytest.approx(1.89e4, rel=1e-12)
    assert cryogenic_joint_conductance("PbSn-solder", 2.75) == pytest.approx(7.03e3, rel=1e-12)
    for kind in ("grease", "PbSn-solder"):
        t, h = cryogenic_joint_data(kind)
        np.testing.assert_allclose(cryogenic_joint_conductance(kind, t), h, rtol=1e-12)
    assert temperature_range("grease") == (0.365, 296.0)
    assert temperature_range("solder") == (2.75, 288.0)


def test_between_points_a_power_law() -> None:
    t, h = cryogenic_joint_data("grease")
    mid = np.sqrt(t[2] * t[3])  # geometric midpoint: the geometric mean of the two h
    assert cryogenic_joint_conductance("grease", mid) == pytest.approx(np.sqrt(h[2] * h[3]), rel=1e-12)


@settings(max_examples=40, deadline=None)
@given(st.floats(0.4, 290.0))
def test_grease_conductance_rises_with_temperature(t: float) -> None:
    # every measured grease point lies above the previous one, so the interpolant is monotone
    assert cryogenic_joint_conductance("grease", 1.01 * t) > cryogenic_joint_conductance("grease", t)


def test_outside_the_measured_range_warns_and_bad_input_refused() -> None:
    with pytest.warns(ValidityWarning, match="0.365"):
        h = cryogenic_joint_conductance("grease", 0.1)
    t, hh = cryogenic_joint_data("grease")
    slope = np.log(hh[1] / hh[0]) / np.log(t[1] / t[0])
    assert h == pytest.approx(hh[0] * (0.1 / t[0]) ** slope, rel=1e-12)  # the end power law extended
    with pytest.raises(InputError, match="grease"):
        cryogenic_joint_conductance("epoxy", 4.0)
    with pytest.raises(InputError, match="temperature"):
        cryogenic_joint_conductance("grease", -1.0)


def test_as_heat_path_layers() -> None:
    doc = tomllib.loads((EXAMPLES / "cryogenic_detector_4k.toml").read_text())
    with warnings.catch_warnings():
        warnings.simplefilter("error", ValidityWarning)  # 4.2 K lies inside both data ranges
        greased = build_case(doc, source="4k").solve()
        soldered = build_case(variant_document(doc, doc["variant"][0]), source="4k").solve()
    el = {e.name: e for e in greased.elements}["chip/stage interface"]
    t_mean = 0.5 * (el.T_in + el.T_in - el.dT)
    assert el.resistance == pytest.approx(1.0 / (1e-4 * cryogenic_joint_conductance("grease", t_mean)), rel=1e-4)
    r_solder = {e.name: e for e in soldered.elements}["chip/stage interface"].resistance
    assert r_solder < el.resistance / 10  # solder joints conduct > 10x better than grease at 4 K


def test_below_the_data_the_circuit_warns() -> None:
    doc = tomllib.loads((EXAMPLES / "cryogenic_detector.toml").read_text())
    for variant in doc["variant"]:
        with pytest.warns(ValidityWarning, match="measured range"):
            build_case(variant_document(doc, variant), source="0.1 K").solve()
    bad = variant_document(doc, doc["variant"][0])
    bad["layer"][1]["joint"] = "epoxy"
    with pytest.raises(InputError, match="layer"):
        build_case(bad, source="x")
