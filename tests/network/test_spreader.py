"""The spreader element in a heat path: its rows add up to the spreading solution, its limits, k(T)."""

import math

import numpy as np
import pytest

from tcrlab.errors import InputError
from tcrlab.materials.registry import default_registry
from tcrlab.network import (
    Boundary,
    Branch,
    ConductionLayer,
    ContactResistance,
    Convection,
    ParallelGroup,
    Stack,
)
from tcrlab.network.spreader import SpreadingResistance
from tcrlab.spreading import disk_spreading, rectangle_spreading


def _stack(source, plate, h, layers, shape="rectangle"):
    sp = SpreadingResistance("base: spreading", shape, source, plate, tuple(layers), h)
    items = [sp, *layers] + ([Convection("base: sink", h)] if math.isfinite(h) else [])
    area = source[0] * source[1] if shape == "rectangle" else math.pi * source[0] ** 2 / 4
    die = ContactResistance("interface", 1e-4)
    group = ParallelGroup("base", (Branch(tuple(items), "base", area=sp.plate_area),))
    return Stack((die, group), area, Boundary(power=100.0, sink_temperature=300.0), name="t")


def test_rows_add_up_to_the_spreading_solution():
    layers = [ConductionLayer("base: Al", 0.006, conductivity=237.0)]
    res = _stack((0.02, 0.02), (0.06, 0.06), 1500.0, layers).solve()
    ref = rectangle_spreading(0.02, 0.02, 0.06, 0.06, [(0.006, 237.0)], 1500.0)
    rise = float(res.T_hot) - 300.0
    assert rise == pytest.approx(100.0 * (1e-4 / 4e-4 + ref.total), rel=1e-9)
    row = res.element("base: spreading")
    assert row.kind == "spreading"
    assert float(row.dT) == pytest.approx(100.0 * ref.spreading, rel=1e-9)
    assert float(row.share) == pytest.approx(100.0 * ref.spreading / rise, rel=1e-9)


def test_disk_shape_uses_the_disk_series():
    layers = [ConductionLayer("base: Cu", 0.003, conductivity=390.0)]
    res = _stack((0.01,), (0.05,), math.inf, layers, shape="disk").solve()
    ref = disk_spreading(0.005, 0.025, [(0.003, 390.0)])
    assert float(res.element("base: spreading").resistance) == pytest.approx(ref.spreading, rel=1e-12)


def test_source_covering_the_plate_is_the_1d_stack():
    layers = [ConductionLayer("base: Al", 0.006, conductivity=237.0)]
    res = _stack((0.03, 0.02), (0.03, 0.02), 2000.0, layers).solve()
    expected = 100.0 * (1e-4 / 6e-4 + 0.006 / (237.0 * 6e-4) + 1.0 / (2000.0 * 6e-4))
    assert float(res.T_hot) - 300.0 == pytest.approx(expected, rel=1e-12)
    assert float(res.element("base: spreading").dT) == 0.0


def test_conductivity_of_temperature_is_taken_at_the_element():
    al = default_registry().get_material("Al")
    layer = ConductionLayer("base: Al", 0.006, material=al)
    assert layer.temperature_dependent
    res = _stack((0.02, 0.02), (0.06, 0.06), 1500.0, [layer]).solve()
    row = res.element("base: spreading")
    t_mean = 0.5 * (float(row.T_in) + float(row.T_out))
    k = float(layer.mean_conductivity(t_mean, t_mean))
    ref = rectangle_spreading(0.02, 0.02, 0.06, 0.06, [(0.006, k)], 1500.0)
    assert float(row.resistance) == pytest.approx(ref.spreading, rel=1e-9)


def test_sampled_inputs_broadcast():
    layers = [ConductionLayer("base: Al", np.array([0.004, 0.006, 0.01]), conductivity=237.0)]
    res = _stack((0.02, 0.02), (0.06, 0.06), 1500.0, layers).solve()
    ref = rectangle_spreading(0.02, 0.02, 0.06, 0.06, [(np.array([0.004, 0.006, 0.01]), 237.0)], 1500.0)
    np.testing.assert_allclose(res.element("base: spreading").resistance, ref.spreading, rtol=1e-12)


def test_bad_geometry_names_the_field():
    layers = (ConductionLayer("Al", 0.006, conductivity=237.0),)
    with pytest.raises(InputError, match="larger than the plate") as exc:
        SpreadingResistance("s", "rectangle", (0.07, 0.02), (0.06, 0.06), layers)
    assert exc.value.field == "s.source[1]"
    with pytest.raises(InputError) as exc:
        SpreadingResistance("s", "hexagon", (0.02, 0.02), (0.06, 0.06), layers)
    assert exc.value.field == "s.shape"
    with pytest.raises(InputError):
        SpreadingResistance("s", "rectangle", (0.02, 0.02), (0.06, 0.06), ())
