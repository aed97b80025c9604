"""Heat paths: resistance algebra, thermal circuits, 1-D conduction through layered stacks."""

from tcrlab.network.algebra import parallel, series

__all__ = ["parallel", "series"]
