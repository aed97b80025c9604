"""Uncertainty propagation and parameter studies.

* :mod:`tcrlab.uq.distributions` — ``{dist = ...}`` specs from case files → SI distributions.
* :mod:`tcrlab.uq.montecarlo` — :func:`run_monte_carlo` (seeded, batch-invariant), rank sensitivities.
* :mod:`tcrlab.uq.sweep` — :func:`run_sweep` over ``--vary`` grids → tidy tables.
* :mod:`tcrlab.uq.executors` — one interface: in-process, local processes, or a Dask cluster.
"""
