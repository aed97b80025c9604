"""Writers of a :class:`~tcrlab.export.table.ConductanceTable` in each FE program's own input syntax.

=========  ==========================================================================================
format     what is written
=========  ==========================================================================================
abaqus     ``*GAP CONDUCTANCE, PRESSURE`` (form "pressure") or ``*GAP CONDUCTANCE`` (form
           "clearance"): data lines ``conductance, pressure|clearance[, temperature]``, the first
           independent variable varying fastest within each temperature (columns as the Abaqus
           scripting reference lists the ThermalConductance pressureDepTable / clearanceDepTable;
           the lines go under a ``*SURFACE INTERACTION``)
calculix   ``*GAP CONDUCTANCE``: ``conductance, contact pressure[, temperature]`` (CalculiX ccx User's
           Manual, ``*GAP CONDUCTANCE``; ccx interpolates linearly in pressure and holds the end values —
           ``springforc_f2f_th.f``); pressure form only
ansys      an APDL table ``*DIM,name,TABLE,nP,nT,1,PRES,TEMP`` filled element by element, for the
           thermal contact conductance real constant TCC of the CONTA17x elements (``%name%``);
           pressure form only
comsol     an interpolation-function text file (spreadsheet format: argument columns then the value,
           ``%`` comments), pressure or clearance form
csv        long format: path, pressure, clearance, temperature, h (SI, with units in the header)
json       :meth:`ConductanceTable.to_dict` (SI)
=========  ==========================================================================================

Units: ``units="SI"`` (W/(m² K), Pa, m) or ``"mm"`` (the consistent mm–N–s–mW system of many
Abaqus/CalculiX models: mW/(mm² K), MPa, mm); temperatures in K or, with ``temperature_unit="degC"``,
in °C. Every file starts with comment lines naming the source, the units and the measured interpolation
error. Numbers are written with 9 significant digits.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from tcrlab.errors import InputError
from tcrlab.export.table import ConductanceTable
from tcrlab.fileio import atomic_write_text

__all__ = ["FORMATS", "UNIT_SYSTEMS", "format_table", "write_table"]

# factors from SI: (h, pressure, clearance)
UNIT_SYSTEMS: dict[str, tuple[float, float, float, tuple[str, str, str]]] = {
    "SI": (1.0, 1.0, 1.0, ("W/(m2 K)", "Pa", "m")),
    "mm": (1e-3, 1e-6, 1e3, ("mW/(mm2 K)", "MPa", "mm")),
}
_FMT = "{:.9g}"


def _num(x: float) -> str:
    return _FMT.format(float(x))


def _axis(table: ConductanceTable, form: str) -> tuple[np.ndarray, np.ndarray, str]:
    if form == "pressure":
        return table.pressure, table.h_pressure, "pressure"
    if form == "clearance":
        return table.clearance, table.h_clearance, "clearance"
    raise InputError("form", form, "pressure | clearance")


def _header(table: ConductanceTable, comment: str, units: str, t_unit: str, form: str) -> list[str]:
    hu, pu, du = UNIT_SYSTEMS[units][3]
    desc = ", ".join(f"{k}={v}" for k, v in table.description.items())
    lines = [
        f"{comment} tcrlab joint conductance table ({form} form)",
        f"{comment} source: {desc}" if desc else f"{comment} source: tcrlab",
        f"{comment} units: conductance {hu}, pressure {pu}, clearance {du}, temperature {t_unit}",
        f"{comment} interpolation error against the direct model: PCHIP {table.error_pchip:.2g}, "
        f"linear {table.error_linear:.2g} (target {table.tolerance:.2g})",
        f"{comment} pressure 0 = contact onset (touch pressure "
        f"{table.description.get('touch_pressure', float('nan')):.4g} Pa); clearance measured from there",
    ]
    lines += [f"{comment} note: {w}" for w in table.warnings]
    return lines


def _scaled(table: ConductanceTable, form: str, units: str, t_unit: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if units not in UNIT_SYSTEMS:
        raise InputError("units", units, " | ".join(UNIT_SYSTEMS))
    if t_unit not in ("K", "degC"):
        raise InputError("temperature_unit", t_unit, "K | degC")
    x, h, _ = _axis(table, form)
    fh, fp, fd = UNIT_SYSTEMS[units][:3]
    t = table.temperature - (273.15 if t_unit == "degC" else 0.0)
    return x * (fp if form == "pressure" else fd), h * fh, t


def _keyword_lines(table: ConductanceTable, form: str, units: str, t_unit: str) -> list[str]:
    x, h, t = _scaled(table, form, units, t_unit)
    lines = []
    for j in range(t.size):
        for i in range(x.size):
            row = [_num(h[j, i]), _num(x[i])] + ([_num(t[j])] if t.size > 1 else [])
            lines.append(", ".join(row))
    return lines


def format_abaqus(table: ConductanceTable, *, form: str = "pressure", units: str = "SI",
                  temperature_unit: str = "K") -> str:
    lines = _header(table, "**", units, temperature_unit, form)
    lines.append("*GAP CONDUCTANCE, PRESSURE" if form == "pressure" else "*GAP CONDUCTANCE")
    lines += _keyword_lines(table, form, units, temperature_unit)
    return "\n".join(lines) + "\n"


def format_calculix(table: ConductanceTable, *, form: str = "pressure", units: str = "SI",
                    temperature_unit: str = "K") -> str:
    if form != "pressure":
        raise InputError("form", form, "pressure (CalculiX tables the conductance over contact pressure; "
                         "use its gapcon user routine for clearance dependence)")
    lines = _header(table, "**", units, temperature_unit, form)
    lines.append("*GAP CONDUCTANCE")
    lines += _keyword_lines(table, form, units, temperature_unit)
    return "\n".join(lines) + "\n"


def format_ansys(table: ConductanceTable, *, form: str = "pressure", units: str = "SI",
                 temperature_unit: str = "K", name: str = "TCC_TAB") -> str:
    if form != "pressure":
        raise InputError("form", form, "pressure (TCC acts on closed contact)")
    if not name.isidentifier() or len(name) > 32:
        raise InputError("name", name, "an APDL parameter name (letters, digits, _; ≤ 32 characters)")
    x, h, t = _scaled(table, form, units, temperature_unit)
    lines = _header(table, "!", units, temperature_unit, form)
    lines.append(f"*DIM,{name},TABLE,{x.size},{t.size},1,PRES,TEMP")
    lines += [f"{name}({i + 1},0)={_num(v)}" for i, v in enumerate(x)]
    lines += [f"{name}(0,{j + 1})={_num(v)}" for j, v in enumerate(t)]
    lines += [f"{name}({i + 1},{j + 1})={_num(h[j, i])}" for j in range(t.size) for i in range(x.size)]
    lines.append(f"! use as the thermal contact conductance real constant: RMODIF,<real set>,14,%{name}%")
    return "\n".join(lines) + "\n"


def format_comsol(table: ConductanceTable, *, form: str = "pressure", units: str = "SI",
                  temperature_unit: str = "K") -> str:
    x, h, t = _scaled(table, form, units, temperature_unit)
    hu, pu, du = UNIT_SYSTEMS[units][3]
    lines = _header(table, "%", units, temperature_unit, form)
    arg = f"{form} [{pu if form == 'pressure' else du}]"
    lines.append(f"% {arg}" + (f"  temperature [{temperature_unit}]" if t.size > 1 else "") + f"  h [{hu}]")
    for j in range(t.size):
        for i in range(x.size):
            row = [_num(x[i])] + ([_num(t[j])] if t.size > 1 else []) + [_num(h[j, i])]
            lines.append(" ".join(row))
    return "\n".join(lines) + "\n"


def format_csv(table: ConductanceTable, **_: Any) -> str:
    out = io.StringIO()
    out.write("path,pressure [Pa],clearance [m],temperature [K],h [W/(m2 K)]\n")
    for j, tj in enumerate(table.temperature):
        for i, p in enumerate(table.pressure):
            out.write(f"closed,{_num(p)},0,{_num(tj)},{_num(table.h_pressure[j, i])}\n")
        for i, d in enumerate(table.clearance):
            out.write(f"open,0,{_num(d)},{_num(tj)},{_num(table.h_clearance[j, i])}\n")
    return out.getvalue()


def format_json(table: ConductanceTable, **_: Any) -> str:
    return json.dumps(_plain(table.to_dict()), indent=1) + "\n"


def _plain(obj: Any) -> Any:
    """JSON types: NumPy scalars and arrays to Python, NaN/inf to null (strict JSON)."""
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | np.ndarray):
        return [_plain(v) for v in obj]
    if isinstance(obj, np.generic):
        obj = obj.item()
    if isinstance(obj, float) and not np.isfinite(obj):
        return None
    return obj


FORMATS: dict[str, Callable[..., str]] = {
    "abaqus": format_abaqus, "calculix": format_calculix, "ansys": format_ansys,
    "comsol": format_comsol, "csv": format_csv, "json": format_json,
}


def format_table(table: ConductanceTable, fmt: str, **options: Any) -> str:
    """The table as text in format ``fmt`` (one of :data:`FORMATS`); options: form, units,
    temperature_unit (and name for ansys).

    Parameters
    ----------
    table : ConductanceTable
        The sampled table (SI).
    fmt : str
        One of :data:`FORMATS` ("abaqus", "calculix", "ansys", "comsol", "csv", "json").
    **options
        ``form`` ("pressure" or "clearance"), ``units`` ("SI" or "mm"), ``temperature_unit``, and
        ``name`` for ansys (see the module docstring).

    Returns
    -------
    str
        The file's text.

    Examples
    --------
    >>> import numpy as np
    >>> t = ConductanceTable(np.array([0.0, 1e6]), np.array([0.0, 1e-5]), np.array([300.0]),
    ...                      np.array([[10.0, 1e4]]), np.array([[10.0, 5.0]]))
    >>> format_table(t, "calculix").splitlines()[-1]
    '10000, 1000000'
    """
    key = str(fmt).strip().lower()
    if key not in FORMATS:
        raise InputError("format", fmt, " | ".join(FORMATS))
    return FORMATS[key](table, **options)


def write_table(table: ConductanceTable, path: str | Path, fmt: str, **options: Any) -> Path:
    """Write :func:`format_table` output atomically (the file is complete or absent).

    Parameters
    ----------
    table : ConductanceTable
        The sampled table (SI).
    path : str or Path
        The target file.
    fmt : str
        One of :data:`FORMATS`.
    **options
        As for :func:`format_table`.

    Returns
    -------
    Path
        ``path``.
    """
    text = format_table(table, fmt, **options)
    atomic_write_text(path, text)
    return Path(path)
