"""Results of a solved stack: bottleneck, energy-balance check."""

import pytest

from tcrlab.errors import ConvergenceError, ValidityWarning
from tcrlab.network import Boundary, ConductionLayer, ContactResistance, Stack


def cpu_stack(r_c=1.2e-4, sink=313.15):
    items = (
        ConductionLayer("Si", 0.5e-3, 148.0),
        ContactResistance("interface", r_c),
        ConductionLayer("Al", 6e-3, 237.0),
    )
    return Stack(items, 0.02 * 0.02, Boundary(power=120.0, sink_temperature=sink))


def test_negative_heat_input_keeps_the_bottleneck():
    # regression: with power < 0 every ΔT is negative and argmax(ΔT) picked the SMALLEST drop (Si)
    items = cpu_stack().items
    with pytest.warns(ValidityWarning, match="power < 0"):
        r = Stack(items, 0.02 * 0.02, Boundary(power=-120.0, sink_temperature=313.15)).solve()
    assert r.element("interface").dT == pytest.approx(-36.0, rel=1e-9)
    assert r.bottleneck == "interface"


def test_round_off_dominated_solution_is_rejected():
    # regression: a 1e300 m layer returned T ≈ 2e303 K with an energy-balance error of 3e293
    items = (ConductionLayer("huge", 1e300, 148.0), ContactResistance("interface", 1.2e-4))
    with pytest.raises(ConvergenceError, match="energy"):
        Stack(items, 4e-4, Boundary(power=120.0, sink_temperature=313.15)).solve()
