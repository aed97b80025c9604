"""Figures that cannot be drawn from their input say so as an InputError naming the input."""

from __future__ import annotations

import numpy as np
import pytest

from tcrlab.errors import InputError
from tcrlab.network import Boundary, Stack
from tcrlab.network.elements import ContactResistance
from tcrlab.plotting.profile import plot_profile


def test_a_batched_solution_has_no_profile() -> None:
    stack = Stack((ContactResistance("joint", np.array([1e-4, 2e-4])),), area=1e-4,
                  boundary=Boundary(power=10.0, sink_temperature=300.0))
    with pytest.raises(InputError, match=r"result = 'a batched solution'.*one solved case"):
        plot_profile(stack.solve())


def test_interface_maps_of_a_model_without_interface() -> None:
    from tcrlab.fem import Body, Boundary, LayeredAssembly, MeshOptions, solve
    from tcrlab.plotting.fem import plot_interface_maps

    bar = LayeredAssembly("planar", [Body("bar", ((0, 0.01),), 0.02, conductivity=100.0)],
                          boundaries=[Boundary("heater", "bar.top", "power", 1.0),
                                      Boundary("sink", "bar.bottom", "temperature", 300.0)],
                          mesh=MeshOptions(cell_size=0.005, min_cells=2, layer_cells=2))
    with pytest.raises(InputError, match="no \\[\\[interface\\]\\] to draw"):
        plot_interface_maps(solve(bar))
