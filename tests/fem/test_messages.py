"""Every refusal of the FE model, its transient and its case files names the field, the value and what is
valid: one test per check of LayeredAssembly.check, solve, solve_transient and the case-file reader, so
that each message stays exactly as the user sees it."""

import math
import tomllib
import warnings

import numpy as np
import pytest

from tcrlab.cases.fem import from_document
from tcrlab.errors import CaseFileError, InputError, ValidityWarning
from tcrlab.fem import (
    Body,
    Boundary,
    HeatSource,
    Interface,
    LayeredAssembly,
    MeshOptions,
    SolverOptions,
    TableConductance,
    TransientOptions,
    solve,
    solve_transient,
)

FP = ((0.0, 0.01), (0.0, 0.01))
SINK = Boundary("sink", "a.bottom", "temperature", 300.0)
HEATER = Boundary("heater", "b.top", "power", 1.0)


def _body(name: str, **kw) -> Body:
    kw.setdefault("conductivity", 100.0)
    return Body(name, kw.pop("footprint", FP), kw.pop("thickness", 0.01), **kw)


def _assembly(geometry: str = "box", bodies=None, interfaces=None, boundaries=None, sources=(),
              mesh: MeshOptions | None = None) -> LayeredAssembly:
    bodies = [_body("a"), _body("b")] if bodies is None else bodies
    interfaces = [Interface("ab", ("a", "b"), 1e4)] if interfaces is None else interfaces
    boundaries = [HEATER, SINK] if boundaries is None else boundaries
    return LayeredAssembly(geometry, bodies, interfaces, boundaries, list(sources),
                           mesh or MeshOptions(min_cells=2, layer_cells=2))


class _Negative:
    """An interface conductance that returns an invalid (negative) h_j."""

    nonlinear = False

    def evaluate(self, temperature: np.ndarray, position: np.ndarray) -> np.ndarray:
        return np.full(len(position), -1.0)


ASSEMBLY_ERRORS = {
    "unknown geometry": (lambda: _assembly("sphere"), ("geometry", None, "one of box, axisymmetric, planar")),
    "no body": (lambda: _assembly(bodies=[], interfaces=[]), ("body", None, "at least one body")),
    "min_cells 0": (lambda: _assembly(mesh=MeshOptions(min_cells=0)), ("mesh.min_cells", None, "an integer >= 1")),
    "grading < 1": (lambda: _assembly(mesh=MeshOptions(grading=0.5)),
                    ("mesh.grading", None, "a finite number >= 1 (1 = uniform)")),
    "duplicate name": (lambda: _assembly(bodies=[_body("a"), _body("a")], interfaces=[]),
                       ("body[1].name", "duplicate name", "a name used by one body only")),
    "dotted name": (lambda: _assembly(bodies=[_body("a.b")], interfaces=[], boundaries=[]),
                    ("body[1].name", None, "a non-empty name without '.'")),
    "footprint dims": (lambda: _assembly(bodies=[_body("a", footprint=((0.0, 0.01),)), _body("b")]),
                       ("body[1](a).footprint", None, "2 interval(s) for a box geometry")),
    "empty footprint": (lambda: _assembly(bodies=[_body("a", footprint=((0.0, 0.01), (0.01, 0.0))), _body("b")]),
                        ("body[1](a).footprint", "axis 1 empty", "intervals (lo, hi) with hi > lo, finite [m]")),
    "annulus": (lambda: _assembly("axisymmetric", bodies=[_body("a", footprint=((0.001, 0.01),)),
                                                          _body("b", footprint=((0.0, 0.01),))]),
                ("body[1](a).footprint", None, "a disk (0, R) on the axis (annular bodies are not supported)")),
    "no conductivity": (lambda: _assembly(bodies=[_body("a", conductivity=None), _body("b")]),
                        ("body[1](a).material", "missing", "a material or a conductivity")),
    "zero cells": (lambda: _assembly(bodies=[_body("a", cells=0), _body("b")]),
                   ("body[1](a).cells", None, "an integer >= 1")),
    "three bodies in an interface": (lambda: _assembly(interfaces=[Interface("ab", ("a", "b", "a"), 1e4)]),
                                     ("interface[1](ab).bodies", None, "two body names")),
    "not touching": (lambda: _assembly(bodies=[_body("a"), _body("b"), _body("c")],
                                       interfaces=[Interface("ab", ("a", "b"), 1e4), Interface("bc", ("b", "c"), 1e4),
                                                   Interface("ac", ("a", "c"), 1e4)]),
                     ("interface[3](ac).bodies", "these bodies do not touch",
                      "two bodies that touch (one's top on the other's bottom, overlapping footprints)")),
    "second interface": (lambda: _assembly(interfaces=[Interface("ab", ("a", "b"), 1e4),
                                                       Interface("ba", ("b", "a"), 1e4)]),
                         ("interface[2](ba).bodies", "a second interface for the same pair",
                          "one interface per touching pair")),
    "unknown kind": (lambda: _assembly(boundaries=[Boundary("r", "b.top", "radiation", 1.0), SINK]),
                     ("boundary[1](r).kind", None, "one of power, heat_flux, temperature, convection")),
    "convection without ambient": (lambda: _assembly(boundaries=[HEATER, Boundary("c", "a.bottom", "convection", 10.0)]),
                                   ("boundary[2](c).ambient", "missing", "an ambient temperature")),
    "infinite power": (lambda: _assembly(boundaries=[Boundary("heater", "b.top", "power", math.inf), SINK]),
                       ("boundary[1](heater).power", None, "a finite number")),
    "region on a side face": (lambda: _assembly(boundaries=[HEATER, SINK, Boundary("s", "a.xmin", "heat_flux", 1.0,
                                                                                   region=((0.0, 0.01),))]),
                              ("boundary[3](s).region", None, "a region on a top or bottom face only")),
    "region dims": (lambda: _assembly(boundaries=[Boundary("heater", "b.top", "power", 1.0, region=((0.0, 0.01),)),
                                                  SINK]),
                    ("boundary[1](heater).region", None, "2 interval(s) (lo, hi) with hi > lo")),
    "source power": (lambda: _assembly(sources=[HeatSource("q", "a", math.nan)]),
                     ("heat_source[1](q).power", None, "a finite number")),
}


@pytest.mark.parametrize("name", list(ASSEMBLY_ERRORS))
def test_assembly_check_names_the_entry(name: str) -> None:
    build, (field, problem, expected) = ASSEMBLY_ERRORS[name]
    with pytest.raises(InputError) as exc:
        build().check()
    assert (exc.value.field, exc.value.problem, exc.value.expected) == (field, problem, expected)


def test_an_invalid_interface_conductance_is_refused_by_both_solvers() -> None:
    a = _assembly(bodies=[_body("a", density=1.0, specific_heat=1.0), _body("b", density=1.0, specific_heat=1.0)],
                  interfaces=[Interface("ab", ("a", "b"), _Negative())])
    for run in (lambda: solve(a), lambda: solve_transient(a, TransientOptions(t_min=1e-3, t_max=1.0, points=2))):
        with pytest.raises(InputError) as exc:
            run()
        assert (exc.value.field, exc.value.expected) == ("interface ab.conductance", "finite values > 0 at every cell")


def test_validity_warnings_of_the_picard_loop_reach_the_caller_once() -> None:
    table = TableConductance("temperature", (200.0, 250.0), (5e3, 6e3))  # the interface runs above 300 K
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        r = solve(_assembly(interfaces=[Interface("ab", ("a", "b"), table)]))
    messages = [str(w.message) for w in record if issubclass(w.category, ValidityWarning)]
    assert messages == ["interface h(temperature) table covers 200–250; holding the end value outside it"]
    assert r.warnings == tuple(messages)
    assert r.interfaces[0].mean_h == pytest.approx(6e3)


def _transient_assembly(boundaries, sources=()) -> LayeredAssembly:
    bodies = [_body("a", density=1000.0, specific_heat=1000.0), _body("b", density=1000.0, specific_heat=1000.0)]
    return _assembly(bodies=bodies, boundaries=boundaries, sources=sources)


TIMES = TransientOptions(t_min=1e-3, t_max=1.0, points=3)


def test_transient_refuses_sinks_at_two_temperatures() -> None:
    a = _transient_assembly([HEATER, SINK, Boundary("fins", "a.xmin", "convection", 10.0, ambient=310.0)])
    with pytest.raises(InputError) as exc:
        solve_transient(a, TIMES)
    assert (exc.value.field, exc.value.value, exc.value.problem) == ("boundary", [300.0, 310.0],
                                                                     "sinks at different temperatures")


def test_transient_refuses_a_model_without_heat_input() -> None:
    a = _transient_assembly([Boundary("heater", "b.top", "power", 0.0), SINK])
    with pytest.raises(InputError) as exc:
        solve_transient(a, TIMES)
    assert (exc.value.field, exc.value.value, exc.value.problem) == ("boundary", ["heater"], "no heat input")


def test_transient_with_a_volume_source_needs_a_face_to_report() -> None:
    a = _transient_assembly([SINK], sources=[HeatSource("q", "b", 1.0)])
    with pytest.raises(InputError) as exc:
        solve_transient(a, TIMES)
    assert (exc.value.field, exc.value.expected) == ("faces", "a power / heat_flux boundary or a named face to report")
    r = solve_transient(a, TIMES, faces=["b.top"])
    assert r.source == "b.top" and r.steady["b.top"] > 0


CASE = """
[case]
geometry = "box"
[[body]]
name = "a"
conductivity = "100 W/(m K)"
size = ["1 cm", "1 cm"]
thickness = "1 cm"
[[body]]
name = "b"
conductivity = "100 W/(m K)"
size = ["1 cm", "1 cm"]
thickness = "1 cm"
[[interface]]
bodies = ["b", "a"]
conductance = "1e4 W/(m^2 K)"
[[boundary]]
name = "heater"
face = "b.top"
power = "1 W"
[[boundary]]
face = "a.bottom"
temperature = "300 K"
[mesh]
min_cells = 2
layer_cells = 2
"""


def _doc(edit=None) -> dict:
    d = tomllib.loads(CASE)
    if edit is not None:
        edit(d)
    return d


CASE_ERRORS = {
    "unknown table": (lambda d: d.update(foo={}), ("foo", "unknown table")),
    "geometry": (lambda d: d["case"].update(geometry="sphere"), ("case.geometry", None)),
    "depth of a box": (lambda d: d["case"].update(depth="1 m"), ("case.depth", None)),
    "conductivity mode": (lambda d: d.update(solver={"conductivity": "bogus"}), ("solver.conductivity", None)),
    "no thickness": (lambda d: d["body"][0].pop("thickness"), ("body[1].thickness", "missing")),
    "negative thickness": (lambda d: d["body"][0].update(thickness="-1 mm"),
                           ("body[1](a).thickness", "zero or negative thickness")),
    "material and conductivity": (lambda d: d["body"][0].update(material="Cu"), ("body[1].material", None)),
    "unknown material": (lambda d: (d["body"][0].pop("conductivity"), d["body"][0].update(material="unobtainium")),
                         ("body[1].material", "unknown material")),
    "temperature_dependent": (lambda d: (d["body"][0].pop("conductivity"),
                                         d["body"][0].update(material="Cu", temperature_dependent="yes")),
                              ("body[1].temperature_dependent", None)),
    "negative conductivity": (lambda d: d["body"][0].update(conductivity="-1 W/(m K)"), ("body[1].conductivity", None)),
    "negative density": (lambda d: d["body"][1].update(density="-1 kg/m^3"), ("body[2].density", None)),
    "interface bodies": (lambda d: d["interface"][0].update(bodies="a"), ("interface[1].bodies", None)),
    "interface unknown body": (lambda d: d["interface"][0].update(bodies=["a", "c"]),
                               ("interface[1].bodies", "no such body")),
    "boundary without face": (lambda d: d["boundary"][0].pop("face"), ("boundary[1].face", "missing")),
    "two kinds": (lambda d: d["boundary"][0].update(heat_flux="1 W/m^2"), ("boundary[1]", None)),
    "h without ambient": (lambda d: (d["boundary"][1].pop("temperature"), d["boundary"][1].update(h="10 W/(m^2 K)")),
                          ("boundary[2].ambient", "missing")),
    "ambient without h": (lambda d: d["boundary"][0].update(ambient="300 K"), ("boundary[1].ambient", None)),
    "region not a table": (lambda d: d["boundary"][0].update(region="all"), ("boundary[1].region", None)),
    "heat source without power": (lambda d: d.update(heat_source=[{"body": "a"}]), ("heat_source[1]", "missing")),
    "resistance entry": (lambda d: d.update(output={"resistance": [3]}), ("output.resistance[1]", None)),
}


@pytest.mark.parametrize("name", list(CASE_ERRORS))
def test_case_file_errors_name_the_field(name: str) -> None:
    edit, (field, problem) = CASE_ERRORS[name]
    with pytest.raises(InputError) as exc:
        from_document(_doc(edit), source="c.toml")
    assert (exc.value.field, exc.value.problem, exc.value.source) == (field, problem, "c.toml")


def test_case_without_bodies_is_a_case_file_error() -> None:
    with pytest.raises(CaseFileError, match=r"c\.toml: an FE case needs \[\[body\]\] tables"):
        from_document(_doc(lambda d: d.pop("body")), source="c.toml")


def test_case_heat_source_and_solver_table() -> None:
    case = from_document(_doc(lambda d: d.update(
        heat_source=[{"body": "a", "power": "2 W"}],
        solver={"method": "direct", "tolerance": 1e-8, "picard_tolerance": "1e-3 K", "max_iterations": 5,
                "max_memory": "1 GB"})), source="c.toml")
    assert case.assembly.sources == [HeatSource("a", "a", 2.0)]
    assert case.options == SolverOptions(method="direct", tolerance=1e-8, picard_tolerance=1e-3, max_iterations=5,
                                         max_memory=1e9)
    out = case.outputs()
    assert out["heat_input"] == pytest.approx(3.0)
    assert abs(out["energy_balance_error"]) < 1e-9
