"""Measurements: meter-bar (ASTM D5470-style) reduction, impedance vs thickness, model fitting.

* :mod:`tcrlab.experiment.meterbar` — :func:`load_meterbar`, :func:`reduce_meterbar` (GUM + MC check).
* :mod:`tcrlab.experiment.thickness_series` — :func:`impedance_vs_thickness`.
* :mod:`tcrlab.experiment.fitting` — :func:`fit_power_law`, :func:`fit_cmy`, :func:`fit_curve`.
"""
