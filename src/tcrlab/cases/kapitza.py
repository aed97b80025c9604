"""Kapitza case files and the Kapitza interface element of heat-path stacks.

A ``[kapitza]`` case::

    [kapitza]
    material1 = "Si"
    material2 = "Cu"
    temperature = "0.1 K:300 K:log30"   # a range (START:STOP[:N|logN]), a list, or one value
    models = ["amm", "dmm", "radiation"] # optional (default all three)
    amm_model = "full"                   # full | scalar_z_over_cos | scalar_z_cos
    cutoff = "branch"                    # branch | common | none (Debye cutoff convention)
    convention = "emitted"               # emitted | equilibrium (phonon temperature)

outputs(): ``T`` and, per model, ``h_<model>`` (W/m²K) and ``R_<model>`` (m²K/W).

A ``kind = "kapitza"`` layer in a stack (zero thickness, pressure-independent, temperature-dependent)::

    [[layer]]
    kind = "kapitza"
    name = "Si/Cu boundary"
    material1 = "Si"        # or materials = ["Si", "Cu"]
    material2 = "Cu"
    model = "dmm"           # amm | dmm | radiation (default amm)

Its resistance at face temperatures (T_hot, T_cold) is R''(T_m)/A with T_m = (T_hot + T_cold)/2
(linear response; valid while T_hot − T_cold ≪ T_m).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tcrlab.errors import CaseFileError, InputError
from tcrlab.kapitza.amm import AMM_MODELS, amm_conductance
from tcrlab.kapitza.dmm import dmm_conductance
from tcrlab.kapitza.landauer import CONVENTIONS, phonon_radiation_limit
from tcrlab.kapitza.phonons import CUTOFF_CONVENTIONS, acoustic_medium
from tcrlab.units import parse_quantity, parse_range

__all__ = [
    "MODELS",
    "KapitzaCase",
    "KapitzaInterface",
    "conductance",
    "element_from_table",
    "from_document",
    "parse_temperatures",
]

MODELS = ("amm", "dmm", "radiation")
CASE_FIELDS = ("material1", "material2", "materials", "temperature", "models", "amm_model", "cutoff",
               "convention", "name")
LAYER_FIELDS = ("name", "kind", "material1", "material2", "materials", "model", "amm_model", "cutoff",
                "convention")
DEFAULT_POINTS = "log25"


# Above the highest melting/sublimation point of any solid (tungsten melts at 3695 K, graphite sublimes at
# 4098 K; Guinness World Records, "Highest melting point of any element") with a margin.
T_MAX_SOLID = 5000.0


def parse_temperatures(value: Any, field_name: str, source: str | None = None) -> NDArray[np.float64]:
    """Temperatures from a range text ("0.1K:300K", default log spacing with 25 points, or
    "START:STOP:N" / ":logN"), a list of quantities, or one quantity; all must be > 0 K.

    Parameters
    ----------
    value : str or sequence of str or float
        A range text, a list of quantities or one quantity.
    field_name : str
        The name reported in errors.
    source : str, optional
        The file the value came from.

    Returns
    -------
    ndarray
        Temperatures [K].

    Examples
    --------
    >>> parse_temperatures("1 K:100 K:3", "kapitza.temperature")
    array([  1. ,  50.5, 100. ])
    """
    if isinstance(value, list | tuple):
        t = np.array([parse_quantity(v, "temperature", field_name, source=source) for v in value], float)
    elif isinstance(value, str) and value.count(":") == 1:
        t = parse_range(f"{value}:{DEFAULT_POINTS}", "temperature", field_name, source=source)
    else:
        t = np.atleast_1d(parse_range(value, "temperature", field_name, source=source))
    t = np.asarray(t, dtype=float)
    if t.size == 0 or np.any(~np.isfinite(t)) or np.any(t <= 0):
        bad = t[~(t > 0)] if t.size else value
        raise InputError(field_name, float(bad.flat[0]) if np.size(bad) else value,
                         "absolute temperatures > 0 K", source=source)
    if np.any(t > T_MAX_SOLID):
        raise InputError(field_name, float(t[t > T_MAX_SOLID][0]), f"0 K < T <= {T_MAX_SOLID:g} K",
                         problem="no solid exists there, so there are no phonons to transmit (tungsten melts "
                                 "at 3695 K, graphite sublimes at 4098 K)", source=source)
    return t


def _choice(value: Any, options: tuple[str, ...], field_name: str, source: str | None) -> str:
    if value not in options:
        raise InputError(field_name, value, " | ".join(options), source=source)
    return str(value)


def conductance(model: str, mat1: Any, mat2: Any, T: Any, *, amm_model: str = "full",
                cutoff: str = "branch", convention: str = "emitted", registry: Any = None) -> Any:
    """h(T) in W/m²K of ``model`` ("amm", "dmm" or "radiation").

    Parameters
    ----------
    model : {"amm", "dmm", "radiation"}
        Boundary-conductance model (radiation: the phonon radiation limit).
    mat1, mat2 : str or Material
        The two media.
    T : array_like
        Temperature [K].
    amm_model : str
        AMM transmission model (see :data:`tcrlab.kapitza.amm.AMM_MODELS`).
    cutoff : {"branch", "common", "none"}
        Debye cutoff convention.
    convention : {"emitted", "equilibrium"}
        Phonon temperature convention.
    registry : MaterialRegistry, optional
        Where material names are looked up.

    Returns
    -------
    float or ndarray
        Conductance h [W/(m² K)].

    References
    ----------
    Swartz & Pohl, Rev. Mod. Phys. 61, 605 (1989).

    Examples
    --------
    >>> f"{conductance('dmm', 'Al', 'sapphire', 300.0):.3g}"
    '1.02e+09'
    """
    if model == "amm":
        return amm_conductance(mat1, mat2, T, model=amm_model, cutoff=cutoff, convention=convention,
                               registry=registry)
    if model == "dmm":
        return dmm_conductance(mat1, mat2, T, cutoff=cutoff, convention=convention, registry=registry)
    if model == "radiation":
        return phonon_radiation_limit(mat1, mat2, T, cutoff=cutoff, registry=registry)
    raise InputError("model", model, " | ".join(MODELS))


def _pair(table: Mapping[str, Any], where: str, source: str) -> tuple[str, str]:
    if "materials" in table:
        mats = table["materials"]
        if not (isinstance(mats, list | tuple) and len(mats) == 2):
            raise InputError(f"{where}.materials", mats, "a list of two material names", source=source)
        return str(mats[0]), str(mats[1])
    missing = [k for k in ("material1", "material2") if k not in table]
    if missing:
        raise CaseFileError(f"{source}: {where}.{missing[0]} is missing; give material1 and material2 "
                            "(registry names or inline [materials.<key>] tables)")
    return str(table["material1"]), str(table["material2"])


def _resolve(names: tuple[str, str], registry: Any, where: str, source: str) -> tuple[Any, Any]:
    out = []
    for name in names:
        try:
            out.append(acoustic_medium(name, registry=registry))
        except InputError as exc:
            raise InputError(exc.field, exc.value, exc.expected, problem=exc.problem,
                             source=source) from None
    return out[0], out[1]


@dataclass
class KapitzaCase:
    """A Kapitza case: boundary conductance and resistance of one interface vs temperature.

    Attributes
    ----------
    material1, material2 : str or Material
        The two media.
    temperature : ndarray
        Temperatures of the results [K].
    models : tuple of str
        Models evaluated ("amm", "dmm", "radiation").
    amm_model : str
        AMM transmission model.
    cutoff : str
        Debye cutoff convention.
    convention : str
        Phonon temperature convention.
    name : str
        Label.
    kind : str
        Always ``"kapitza"``.
    """

    material1: Any
    material2: Any
    temperature: NDArray[np.float64]
    models: tuple[str, ...] = MODELS
    amm_model: str = "full"
    cutoff: str = "branch"
    convention: str = "emitted"
    name: str = ""
    kind: str = field(default="kapitza", init=False)

    def outputs(self) -> dict[str, Any]:
        out: dict[str, Any] = {"T": self.temperature}
        for m in self.models:
            h = conductance(m, self.material1, self.material2, self.temperature, amm_model=self.amm_model,
                            cutoff=self.cutoff, convention=self.convention)
            out[f"h_{m}"] = h
            out[f"R_{m}"] = 1.0 / h
        return out


def from_document(doc: Mapping[str, Any], *, source: str, registry: Any) -> KapitzaCase:
    """Build a :class:`KapitzaCase` from a TOML document with a ``[kapitza]`` table.

    Parameters
    ----------
    doc : Mapping
        The parsed TOML document.
    source : str
        The file name used in messages.
    registry : MaterialRegistry
        Where material names are looked up.

    Returns
    -------
    KapitzaCase
        The case.
    """
    table = doc.get("kapitza")
    if not isinstance(table, Mapping):
        raise CaseFileError(f"{source}: a Kapitza case needs a [kapitza] table")
    unknown = sorted(set(table) - set(CASE_FIELDS))
    if unknown:
        raise InputError(f"kapitza.{unknown[0]}", table[unknown[0]], "one of: " + ", ".join(CASE_FIELDS),
                         problem="unknown field", source=source)
    m1, m2 = _resolve(_pair(table, "kapitza", source), registry, "kapitza", source)
    if "temperature" not in table:
        raise CaseFileError(f"{source}: kapitza.temperature is missing, e.g. temperature = '1 K:300 K'")
    t = parse_temperatures(table["temperature"], "kapitza.temperature", source)
    models = table.get("models", list(MODELS))
    if isinstance(models, str):
        models = [models]
    models = tuple(_choice(m, MODELS, "kapitza.models", source) for m in models)
    return KapitzaCase(
        m1, m2, t, models,
        _choice(table.get("amm_model", "full"), AMM_MODELS, "kapitza.amm_model", source),
        _choice(table.get("cutoff", "branch"), CUTOFF_CONVENTIONS, "kapitza.cutoff", source),
        _choice(table.get("convention", "emitted"), CONVENTIONS, "kapitza.convention", source),
        str(table.get("name", f"{m1.name}/{m2.name}")),
    )


@dataclass
class KapitzaInterface:
    """Heat-path element: a perfect interface's boundary resistance R''(T) (zero thickness).

    Temperature-dependent (≈ T⁻³ at low T), independent of contact pressure. R''(T) is tabulated once
    on a log grid 1 mK–3000 K (800 points) and interpolated in log–log (relative error ≲ 1e-4;
    below 1 mK the T⁻³ law is used).

    Attributes
    ----------
    name : str
        Element name in the stack.
    material1, material2 : str or Material
        The two media.
    model : {"amm", "dmm", "radiation"}
        Boundary-conductance model.
    amm_model : str
        AMM transmission model.
    cutoff : str
        Debye cutoff convention.
    convention : str
        Phonon temperature convention.
    """

    name: str
    material1: Any
    material2: Any
    model: str = "amm"
    amm_model: str = "full"
    cutoff: str = "branch"
    convention: str = "emitted"
    kind: str = field(default="kapitza", init=False)
    is_interface: bool = field(default=True, init=False)
    temperature_dependent: bool = field(default=True, init=False)

    def __post_init__(self) -> None:
        self._t = np.geomspace(1e-3, 3e3, 800)
        h = conductance(self.model, self.material1, self.material2, self._t, amm_model=self.amm_model,
                        cutoff=self.cutoff, convention=self.convention)
        self._log_r = np.log(np.maximum(1.0 / np.asarray(h), 1e-300))

    def area_resistance(self, temperature: Any) -> Any:
        """R'' (m²K/W) at ``temperature`` (K)."""
        t = np.asarray(temperature, dtype=float)
        if np.any(~(t > 0)):
            raise InputError(f"{self.name}.temperature", temperature, "> 0 K")
        r = np.exp(np.interp(np.log(t), np.log(self._t), self._log_r))
        low = t < self._t[0]  # below the table: pure T^-3 law
        r = np.where(low, np.exp(self._log_r[0]) * (self._t[0] / np.where(low, t, 1.0)) ** 3, r)
        return float(r) if r.ndim == 0 else r

    def resistance(self, area: float, t_hot: float, t_cold: float) -> Any:
        a = np.asarray(area, dtype=float)
        if np.any(~(a > 0)):
            raise InputError("area", area, "> 0 m²")
        r = self.area_resistance(0.5 * (np.asarray(t_hot, float) + np.asarray(t_cold, float))) / a
        return float(r) if np.ndim(r) == 0 else r

    def describe(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "name": self.name, "model": self.model, "amm_model": self.amm_model,
            "cutoff": self.cutoff, "convention": self.convention,
            "material1": getattr(self.material1, "name", str(self.material1)),
            "material2": getattr(self.material2, "name", str(self.material2)),
            "R_T3_low_T": float(np.exp(self._log_r[0]) * self._t[0] ** 3),
        }


def element_from_table(table: Mapping[str, Any], *, field: str, source: str, registry: Any) -> KapitzaInterface:
    """A :class:`KapitzaInterface` from a stack ``[[layer]]`` table with ``kind = "kapitza"``.

    Parameters
    ----------
    table : Mapping
        The ``[[layer]]`` table.
    field : str
        Its name in messages (``"layer[3]"``).
    source : str
        The file name used in messages.
    registry : MaterialRegistry
        Where material names are looked up.

    Returns
    -------
    KapitzaInterface
        The heat-path element.
    """
    unknown = sorted(set(table) - set(LAYER_FIELDS))
    if unknown:
        raise InputError(f"{field}.{unknown[0]}", table[unknown[0]], "one of: " + ", ".join(LAYER_FIELDS),
                         problem="unknown field for a kapitza layer", source=source)
    m1, m2 = _resolve(_pair(table, field, source), registry, field, source)
    return KapitzaInterface(
        str(table.get("name", f"{m1.name}/{m2.name} boundary")), m1, m2,
        _choice(table.get("model", "amm"), MODELS, f"{field}.model", source),
        _choice(table.get("amm_model", "full"), AMM_MODELS, f"{field}.amm_model", source),
        _choice(table.get("cutoff", "branch"), CUTOFF_CONVENTIONS, f"{field}.cutoff", source),
        _choice(table.get("convention", "emitted"), CONVENTIONS, f"{field}.convention", source),
    )
