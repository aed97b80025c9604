"""The transient path of a case file: steady state = `tcrlab run`'s R_total, capacity checks."""

from pathlib import Path

import numpy as np
import pytest

from tcrlab.cases import build_case, load_case
from tcrlab.cases.transient import case_path, case_power, transient_settings
from tcrlab.errors import InputError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("name", ["transient_die_attach.toml", "cpu_heatsink.toml"])
def test_steady_state_equals_r_total(name):
    case = load_case(EXAMPLES / name)
    path = case_path(case)
    r_total = float(case.solve().total_resistance)
    assert float(path.steady_resistance) == pytest.approx(r_total, rel=1e-9)
    assert float(path.zth([1e6])[0]) == pytest.approx(r_total, rel=1e-9)


def _doc(extra=""):
    import tomllib

    return tomllib.loads(f"""
[case]
area = "1 cm^2"
[boundary]
power = "10 W"
sink_temperature = "300 K"
[[layer]]
name = "ceramic"
conductivity = "20 W/(m K)"
thickness = "1 mm"
[[layer]]
name = "sink"
kind = "convection"
h = "1e4 W/(m^2 K)"
{extra}
""")


def test_layer_without_heat_capacity_is_named():
    case = build_case(_doc(), source="c.toml")
    with pytest.raises(InputError, match="ceramic") as info:
        case_path(case)
    assert "density" in str(info.value)


def test_transient_table_supplies_heat_capacity():
    doc = _doc('[transient]\nt_max = "10 s"\n[transient.layer.ceramic]\ndensity = "3000 kg/m^3"\n'
               'specific_heat = "800 J/(kg K)"\n')
    case = build_case(doc, source="c.toml")
    path = case_path(case)
    assert float(path.elements[0].heat_capacity) == pytest.approx(2.4e6)
    assert transient_settings(doc).t_max == 10.0
    assert case_power(case) == 10.0
    with pytest.raises(InputError, match=r"transient\.layer\.nope"):
        case_path(build_case(_doc('[transient.layer.nope]\ndensity = "1 kg/m^3"\n'), source="c.toml"))


def test_response_superposition():
    from tcrlab.transient import power_profile_response

    path = case_path(load_case(EXAMPLES / "transient_die_attach.toml"))
    t = np.logspace(-3, 3, 30)
    # a step at t0 = 0.1 s: the shifted Zth; switched off again at 1 s: heating minus a later heating
    on = power_profile_response(path.zth, t, [0.1], [5.0])
    assert on == pytest.approx(np.where(t > 0.1, 5.0 * path.zth(np.maximum(t - 0.1, 0.0)), 0.0), rel=1e-12)
    pulse = power_profile_response(path.zth, t, [0.1, 1.0], [5.0, 0.0])
    assert pulse[-1] == pytest.approx(5.0 * (path.zth([t[-1] - 0.1])[0] - path.zth([t[-1] - 1.0])[0]), rel=1e-9)
    assert np.max(pulse) <= np.max(on)
