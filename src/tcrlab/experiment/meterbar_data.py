"""The meter-bar rig and its readings: reference bars, steady-state runs, a data set (SI).

These are the inputs of the reduction (:mod:`tcrlab.experiment.meterbar`); files are read into them by
:mod:`tcrlab.experiment.meterbar_files`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["DEFAULT_HEAT_LOSS_THRESHOLD", "MeterBarData", "MeterBarRun", "ReferenceBar"]

DEFAULT_HEAT_LOSS_THRESHOLD = 0.05  # relative hot/cold flux mismatch that triggers a warning


@dataclass(frozen=True)
class ReferenceBar:
    """A reference (meter) bar: constant conductivity, or a registry material's k(T).

    Attributes
    ----------
    name : str
        Label.
    conductivity : float, optional
        Constant conductivity [W/(m K)].
    u_conductivity : float
        Standard uncertainty of the conductivity [W/(m K)].
    rel_u_conductivity : float
        Relative standard uncertainty of the conductivity [-] (combined with ``u_conductivity`` in
        quadrature).
    material : str, optional
        Registry material whose k(T) is used instead of ``conductivity``.
    """

    name: str
    conductivity: float | None = None
    u_conductivity: float = 0.0
    rel_u_conductivity: float = 0.0
    material: str | None = None

    def k(self, mean_temperature: float) -> tuple[float, float]:
        """Conductivity at the bar's mean temperature and its standard uncertainty."""
        if self.conductivity is not None:
            k = self.conductivity
        else:
            from tcrlab.materials import get_material

            k = float(get_material(str(self.material)).thermal_conductivity(mean_temperature))
        return k, float(np.hypot(self.u_conductivity, self.rel_u_conductivity * k))


@dataclass(frozen=True)
class MeterBarRun:
    """One steady state: readings (K) at positions (m from each bar's face) and optional uncertainties.

    Attributes
    ----------
    label : str
        Run name.
    x_hot, x_cold : ndarray
        Thermocouple positions from each bar's face [m].
    t_hot, t_cold : ndarray
        Readings [K].
    u_hot, u_cold : ndarray, optional
        Standard uncertainties of the readings [K].
    pressure : float, optional
        Contact pressure [Pa].
    thickness : float, optional
        Sample thickness [m] (None for a bare interface).
    """

    label: str
    x_hot: np.ndarray
    t_hot: np.ndarray
    x_cold: np.ndarray
    t_cold: np.ndarray
    u_hot: np.ndarray | None = None
    u_cold: np.ndarray | None = None
    pressure: float | None = None
    thickness: float | None = None


@dataclass(frozen=True)
class MeterBarData:
    """A meter-bar data set: the two bars, the runs and the rig settings (SI).

    Attributes
    ----------
    hot, cold : ReferenceBar
        The meter bars.
    runs : tuple of MeterBarRun
        The steady states.
    area : float, optional
        Contact area [m²].
    u_position : float
        Standard uncertainty of the thermocouple positions [m].
    heat_loss_threshold : float
        Relative flux mismatch that sets a heat-loss warning [-].
    source : str
        The file the data came from.
    """
    hot: ReferenceBar
    cold: ReferenceBar
    runs: tuple[MeterBarRun, ...]
    area: float | None = None
    u_position: float = 0.0
    heat_loss_threshold: float = DEFAULT_HEAT_LOSS_THRESHOLD
    source: str = "<data>"
