"""Compiling a stack into nodes, edges and fixed temperatures."""

import pytest

from tcrlab.errors import InputError
from tcrlab.network import (
    Boundary,
    Branch,
    ContactResistance,
    FixedResistance,
    ParallelGroup,
    Stack,
)
from tcrlab.network.netlist import compile_stack


def test_parallel_group_shares_its_start_and_join_nodes():
    group = ParallelGroup("g", (
        Branch((FixedResistance("r1", resistance_abs=1.0), FixedResistance("s1", resistance_abs=1.0)), "a"),
        Branch((FixedResistance("r2", resistance_abs=2.0),), "b", area_fraction=0.25),
    ))
    stack = Stack((ContactResistance("c", 1e-4), group, ContactResistance("d", 1e-4)), 1e-4,
                  Boundary(power=1.0, sink_temperature=300.0))
    net, hot, sink = compile_stack(stack)
    edges = {e.element.name: e for e in net.edges}
    assert net.node_names[hot] == "hot end" and net.node_names[sink] == "sink"
    assert net.fixed == {sink: 300.0}
    # both branches start after "c" and end at the same join node, before "d"
    assert edges["r1"].a == edges["r2"].a == edges["c"].b
    assert edges["s1"].b == edges["r2"].b == edges["d"].a
    assert edges["d"].b == sink
    assert edges["r2"].area == pytest.approx(0.25e-4)
    assert edges["r1"].path == "g/a" and edges["d"].path == ""
    assert (edges["r2"].group, edges["r2"].branch) == (1, 1)


def test_branch_with_its_own_sink_gets_a_fixed_node():
    group = ParallelGroup("exits", (
        Branch((FixedResistance("up", resistance_abs=0.5),), "up", sink_temperature=313.15),
        Branch((FixedResistance("down", resistance_abs=10.0),), "down", sink_temperature=333.15),
    ))
    net, _hot, sink = compile_stack(Stack((group,), 1e-4, Boundary(power=50.0)))
    assert sink is None
    assert sorted(net.fixed.values()) == [313.15, 333.15]


def test_no_fixed_temperature_is_an_input_error():
    with pytest.raises(InputError, match="fixed temperature"):
        Stack((ContactResistance("c", 1e-4),), 1e-4, Boundary(power=1.0)).solve()


def test_group_followed_by_layers_needs_a_rejoining_branch():
    group = ParallelGroup("exits", (Branch((ContactResistance("up", 1e-4),), "up", sink_temperature=313.15),))
    with pytest.raises(InputError, match="the heat must go on"):
        compile_stack(Stack((group, ContactResistance("after", 1e-4)), 1e-4,
                            Boundary(power=1.0, sink_temperature=300.0)))
