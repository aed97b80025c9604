"""Elements written elsewhere (joints, Kapitza) plug into the circuit through the Element protocol."""

import sys
import tomllib
import types
from dataclasses import dataclass
from typing import ClassVar

import pytest

from tcrlab.cases import build_case
from tcrlab.network import Boundary, ConductionLayer, Element, Stack


@dataclass(frozen=True)
class CubicBoundary:
    """A Kapitza-like interface, h = a·T³ (e.g. Cu–liquid He, Van Sciver, Helium Cryogenics, a ≈ 900 W/m²K⁴),
    evaluated at the mean face temperature."""

    name: str
    a: float
    kind: ClassVar[str] = "kapitza"
    is_interface: ClassVar[bool] = True
    temperature_dependent: ClassVar[bool] = True

    def resistance(self, area, t_hot, t_cold):
        t = 0.5 * (t_hot + t_cold)
        return 1.0 / (self.a * t**3 * area)

    def describe(self):
        return {"kind": self.kind, "a": self.a}


def test_protocol_is_met():
    assert isinstance(CubicBoundary("k", 900.0), Element)
    assert isinstance(ConductionLayer("c", 1e-3, 10.0), Element)


def test_temperature_dependent_interface_is_self_consistent():
    # 1 kW/m² into a Cu–He II boundary held at 1.8 K: the converged jump satisfies q'' = a T_m³ ΔT
    el = CubicBoundary("Cu/He II", 900.0)
    r = Stack((el,), 1.0, Boundary(heat_flux=1e3, sink_temperature=1.8, unit_checks=False)).solve(tolerance=1e-12)
    t_m = 0.5 * (r.T_hot + 1.8)
    assert 900.0 * t_m**3 * (r.T_hot - 1.8) == pytest.approx(1e3, rel=1e-9)
    assert r.iterations > 3


def test_case_file_delegates_joint_layers(monkeypatch):
    calls = {}

    def element_from_table(table, *, field, source, registry):
        calls.update(field=field, source=source, table=dict(table))
        return CubicBoundary(table["name"], 900.0)

    fake = types.ModuleType("tcrlab.cases.joint")
    fake.element_from_table = element_from_table
    monkeypatch.setitem(sys.modules, "tcrlab.cases.joint", fake)
    doc = tomllib.loads("""
[case]
area = "1 m^2"
[boundary]
heat_flux = "1 kW/m^2"
sink_temperature = "1.8 K"
[[layer]]
name = "joint"
kind = "joint"
pressure = "1 MPa"
""")
    out = build_case(doc, source="j.toml").outputs()
    assert calls["field"] == "layer[1]" and calls["source"] == "j.toml"
    assert calls["table"]["pressure"] == "1 MPa"
    assert out["dT[joint]"] > 0
