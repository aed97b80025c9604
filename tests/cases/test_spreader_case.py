"""`kind = "spreader"` in stack case files: the rows it adds, the examples using it, clear errors."""

import tomllib

import pytest

from tcrlab.cases import build_case
from tcrlab.errors import CaseFileError, InputError
from tcrlab.spreading import rectangle_spreading

CASE = """
[case]
name = "cpu on a base"
width = "2 cm"
length = "2 cm"
[boundary]
power = "120 W"
sink_temperature = "25 degC"
[solver]
conductivity = "reference"
[[layer]]
name = "die / base"
kind = "contact"
resistance = "1.2e-4 K m^2/W"
[[layer]]
name = "base"
kind = "spreader"
source = ["2 cm", "2 cm"]
plate = ["6 cm", "6 cm"]
h = "1500 W/(m^2 K)"
[[layer.plate_layer]]
name = "Al"
conductivity = "237 W/(m K)"
thickness = "6 mm"
"""


def _doc(**edits):
    doc = tomllib.loads(CASE)
    doc["layer"][1].update(edits)
    return doc


def test_spreader_rows_and_total():
    res = build_case(_doc(), source="t.toml").solve()
    names = [e.name for e in res.elements]
    assert names == ["die / base", "base: spreading", "base: Al", "base: sink side (h)"]
    ref = rectangle_spreading(0.02, 0.02, 0.06, 0.06, [(0.006, 237.0)], 1500.0)
    assert float(res.T_hot) - 298.15 == pytest.approx(120.0 * (1.2e-4 / 4e-4 + ref.total), rel=1e-9)


def test_isothermal_sink_and_position():
    doc = _doc(sink="isothermal", source_position=["1 cm", "1 cm"])
    doc["layer"][1].pop("h")
    res = build_case(doc, source="t.toml").solve()
    assert [e.name for e in res.elements][-1] == "base: Al"
    ref = rectangle_spreading(0.02, 0.02, 0.06, 0.06, [(0.006, 237.0)], xc=0.01, yc=0.01)
    assert float(res.element("base: spreading").resistance) == pytest.approx(ref.spreading, rel=1e-12)


@pytest.mark.parametrize(
    ("edits", "field", "error"),
    [
        ({"source": ["8 cm", "2 cm"]}, "layer[2].source[1]", InputError),
        ({"source_position": ["5.5 cm", "3 cm"]}, "xc", InputError),
        ({"plate_layer": [{"name": "Al", "conductivity": "237 W/(m K)", "thickness": "0 mm"}]},
         "layer[2].plate_layer[1].thickness", InputError),
        ({"sink": "isothermal"}, "layer[2].h", CaseFileError),
        ({"colour": "red"}, "layer[2].colour", InputError),
        ({"plate": "6 cm"}, "layer[2].plate", InputError),
    ],
)
def test_bad_spreader_names_the_field(edits, field, error):
    with pytest.raises(error) as exc:
        build_case(_doc(**edits), source="t.toml").solve()
    assert field in str(exc.value)
    assert "t.toml" in str(exc.value)
