"""Measurements: meter-bar (ASTM D5470-style) reduction, impedance vs thickness, model fitting.

* :mod:`tcrlab.experiment.meterbar` — :func:`reduce_meterbar` (GUM + MC check); the rig in
  :mod:`tcrlab.experiment.meterbar_data`, the file readers (:func:`load_meterbar`) in
  :mod:`tcrlab.experiment.meterbar_files`.
* :mod:`tcrlab.experiment.thickness_series` — :func:`impedance_vs_thickness`.
* :mod:`tcrlab.experiment.fitting` — :func:`fit_power_law`, :func:`fit_cmy`, :func:`fit_curve`.
"""
