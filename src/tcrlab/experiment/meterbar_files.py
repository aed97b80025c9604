"""Reading meter-bar data files: the TOML and CSV forms (docs/measurements.md) into :class:`MeterBarData`.

Values carry their units and are parsed once here, to SI (:func:`tcrlab.units.parse_quantity`); the CSV
form (one reading per row: run, bar, position, temperature, optional uncertainty, pressure and thickness,
with units in the header's brackets and the rig in ``# key = value`` comment lines) is read into the same
document structure as the TOML form, so both are checked by :func:`meterbar_from_document`. Every
malformed file ends in a :class:`~tcrlab.errors.CaseFileError` or :class:`~tcrlab.errors.InputError`
naming the file and the place.
"""

from __future__ import annotations

import csv
import math
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from tcrlab.errors import CaseFileError, InputError, TcrlabError
from tcrlab.experiment.meterbar_data import (
    DEFAULT_HEAT_LOSS_THRESHOLD,
    MeterBarData,
    MeterBarRun,
    ReferenceBar,
)
from tcrlab.units import parse_number, parse_quantity, ureg

__all__ = ["load_meterbar", "meterbar_from_document"]


def _q(value: Any, dimension: str, field_name: str, source: str, unit: str | None = None) -> float:
    if unit is not None and isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):  # say so with the number as written, before it becomes a Quantity
            raise InputError(field_name, value, f"a finite reading in {unit}",
                             problem="not a number (NaN)" if math.isnan(value) else "not finite",
                             source=source)
        value = ureg.Quantity(float(value), unit)
    return float(parse_quantity(value, dimension, field_name, source=source))


def _qlist(values: Any, dimension: str, field_name: str, source: str, unit: str | None) -> np.ndarray:
    if not isinstance(values, list | tuple) or not values:
        raise CaseFileError(f"{source}: {field_name} must be a non-empty list")
    # numbered from 1, as runs and layers are everywhere in tcrlab
    return np.array([_q(v, dimension, f"{field_name}[{i}]", source, unit) for i, v in enumerate(values, start=1)])


def _bar(table: Any, name: str, source: str) -> ReferenceBar:
    if not isinstance(table, Mapping):
        raise CaseFileError(f"{source}: [rig.{name}] table missing (conductivity or material of the {name} bar)")
    known = {"conductivity", "material", "u_conductivity", "rel_u_conductivity", "positions"}
    unknown = set(table) - known
    if unknown:
        raise CaseFileError(f"{source}: rig.{name} has unknown key(s) {', '.join(sorted(unknown))}; "
                            f"valid: {', '.join(sorted(known))}")
    if ("conductivity" in table) == ("material" in table):
        raise CaseFileError(f"{source}: rig.{name} needs exactly one of conductivity or material")
    k = _q(table["conductivity"], "conductivity", f"rig.{name}.conductivity", source) if "conductivity" in table else None
    if k is not None and k <= 0:
        raise InputError(f"rig.{name}.conductivity", table["conductivity"], "> 0", source=source)
    u_k = _q(table["u_conductivity"], "conductivity", f"rig.{name}.u_conductivity", source) if "u_conductivity" in table else 0.0
    rel = float(parse_quantity(table.get("rel_u_conductivity", 0.0), "dimensionless", f"rig.{name}.rel_u_conductivity", source=source))
    if u_k < 0 or rel < 0:
        raise InputError(f"rig.{name}.u_conductivity", table.get("u_conductivity", rel), ">= 0", source=source)
    if "material" in table:
        from tcrlab.materials import get_material

        get_material(str(table["material"]))  # unknown name -> MaterialNotFoundError now
    return ReferenceBar(name, k, u_k, rel, table.get("material"))


def _check_run(run: MeterBarRun, source: str) -> None:
    for bar, x, t, u in (("hot", run.x_hot, run.t_hot, run.u_hot), ("cold", run.x_cold, run.t_cold, run.u_cold)):
        if x.size != t.size:
            raise CaseFileError(f"{source}: run {run.label!r}: {t.size} {bar} readings for {x.size} positions")
        if u is not None and u.size != t.size:
            raise CaseFileError(f"{source}: run {run.label!r}: {u.size} {bar} uncertainties for {t.size} readings")
        if t.size < 2:
            raise CaseFileError(f"{source}: run {run.label!r}: the {bar} bar needs >= 2 readings")
        if (x < 0).any() or np.unique(x).size != x.size:
            raise CaseFileError(f"{source}: run {run.label!r}: {bar} positions must be distinct distances "
                                "(>= 0) from the bar's interface face")
        if u is not None and (u <= 0).any():
            raise InputError(f"run {run.label!r}: u_{bar}", u.tolist(), "> 0", source=source)


def meterbar_from_document(doc: Mapping[str, Any], *, source: str = "<data>") -> MeterBarData:
    """Meter-bar data from a TOML document (format: ``examples/meterbar/*.toml``, docs/measurements.md).

    Parameters
    ----------
    doc : Mapping
        The parsed TOML document.
    source : str
        The file name used in messages.

    Returns
    -------
    MeterBarData
        The data set (SI).
    """
    rig = doc.get("rig")
    if not isinstance(rig, Mapping):
        raise CaseFileError(f"{source}: a [rig] table is needed (area, u_temperature, [rig.hot], [rig.cold])")
    rig_keys = {"area", "diameter", "u_temperature", "u_position", "heat_loss_threshold", "temperature_unit",
                "position_unit", "hot", "cold"}
    unknown = set(rig) - rig_keys
    if unknown:
        raise CaseFileError(f"{source}: rig has unknown key(s) {', '.join(sorted(unknown))}; "
                            f"valid: {', '.join(sorted(rig_keys))}")
    t_unit = rig.get("temperature_unit")
    x_unit = rig.get("position_unit")
    hot = _bar(rig.get("hot"), "hot", source)
    cold = _bar(rig.get("cold"), "cold", source)
    area = None
    if "area" in rig:
        area = _q(rig["area"], "area", "rig.area", source)
    elif "diameter" in rig:
        area = np.pi / 4 * _q(rig["diameter"], "length", "rig.diameter", source) ** 2
    u_t = _q(rig["u_temperature"], "temperature_difference", "rig.u_temperature", source) if "u_temperature" in rig else None
    u_x = _q(rig.get("u_position", "0 m"), "length", "rig.u_position", source)
    threshold = float(rig.get("heat_loss_threshold", DEFAULT_HEAT_LOSS_THRESHOLD))
    runs_doc = doc.get("run")
    if not isinstance(runs_doc, list) or not runs_doc:
        raise CaseFileError(f"{source}: no [[run]] tables (each with hot = [...] and cold = [...] readings)")
    runs = []
    for i, r in enumerate(runs_doc):
        label = str(r.get("label", f"run {i + 1}"))
        where = f"run[{i + 1}]"
        for key in ("hot", "cold"):
            if key not in r:
                raise CaseFileError(f"{source}: {where} has no {key} = [...] readings")
        positions = {}
        for bar in ("hot", "cold"):
            spec = r.get(f"{bar}_positions", rig.get(bar, {}).get("positions"))
            if spec is None:
                raise CaseFileError(f"{source}: positions of the {bar} bar missing (rig.{bar}.positions)")
            positions[bar] = _qlist(spec, "length", f"rig.{bar}.positions", source, x_unit)
        t_h = _qlist(r["hot"], "temperature", f"{where}.hot", source, t_unit)
        t_c = _qlist(r["cold"], "temperature", f"{where}.cold", source, t_unit)

        def _u(key: str, n: int, where: str = where, r: Mapping[str, Any] = r) -> np.ndarray | None:
            if key in r:
                return _qlist(r[key], "temperature_difference", f"{where}.{key}", source, "K")
            return None if u_t is None else np.full(n, u_t)

        run = MeterBarRun(
            label, positions["hot"], t_h, positions["cold"], t_c, _u("u_hot", t_h.size), _u("u_cold", t_c.size),
            _q(r["pressure"], "pressure", f"{where}.pressure", source) if "pressure" in r else None,
            _q(r["thickness"], "length", f"{where}.thickness", source) if "thickness" in r else None,
        )
        _check_run(run, source)
        runs.append(run)
    return MeterBarData(hot, cold, tuple(runs), area, u_x, threshold, source)



_META = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\s*=\s*(.+?)\s*$")
_HEADER = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[(.+)\])?\s*$")
_COLUMNS = {"run": None, "bar": None, "position": "length", "temperature": "temperature",
            "u_temperature": "temperature_difference", "pressure": "pressure", "thickness": "length"}



def _csv_document(path: Path) -> dict[str, Any]:
    """Read the CSV form into the same document structure as the TOML form."""
    source = str(path)
    meta, lines = _split_comments(path.read_text("utf-8"))
    if not lines:
        raise CaseFileError(f"{source}: no data rows")
    reader = csv.reader(lines)
    columns = _csv_columns(next(reader), source)
    runs: dict[str, dict[str, Any]] = {}
    for lineno, row in enumerate(reader, start=2):
        if len(row) != len(columns):
            raise CaseFileError(f"{source}: data row {lineno} has {len(row)} fields, the header {len(columns)}")
        rec = _csv_record(columns, row, lineno, source)
        _add_reading(runs, rec, _csv_bar(rec, lineno, source), source)
    for r in runs.values():
        _check_uncertainties(r, source)
    return {"rig": _csv_rig(meta, source), "run": list(runs.values())}


def _split_comments(text: str) -> tuple[dict[str, str], list[str]]:
    """The ``# key = value`` metadata and the non-empty, non-comment lines (other comments are ignored)."""
    meta: dict[str, str] = {}
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            m = _META.match(stripped.lstrip("#"))
            if m:  # '# key = value' metadata; other comments are ignored
                meta[m.group(1)] = m.group(2).strip().strip('"')
        elif stripped:
            lines.append(line)
    return meta, lines


def _csv_columns(header: list[str], source: str) -> list[tuple[str, str | None]]:
    """(name, unit) of each header cell such as ``position [mm]``; bar, position and temperature are needed."""
    columns: list[tuple[str, str | None]] = []
    for h in header:
        m = _HEADER.match(h)
        if not m or m.group(1) not in _COLUMNS:
            raise CaseFileError(f"{source}: unknown column {h!r}; valid: {', '.join(_COLUMNS)} "
                                "(units in brackets, e.g. 'position [mm]')")
        columns.append((m.group(1), m.group(2)))
    names = [c[0] for c in columns]
    for required in ("bar", "position", "temperature"):
        if required not in names:
            raise CaseFileError(f"{source}: column {required!r} missing (need bar, position, temperature)")
    return columns


def _csv_record(columns: list[tuple[str, str | None]], row: list[str], lineno: int, source: str) -> dict[str, str]:
    """One data row as ``{column: text}``; numbers are checked and written with their column's unit."""
    rec = {}
    for (name, unit), cell in zip(columns, row, strict=True):
        cell = cell.strip()
        if name in ("run", "bar"):
            rec[name] = cell
            continue
        if cell == "":
            if name in ("position", "temperature"):
                raise CaseFileError(f"{source}: row {lineno}, column {name!r} is empty; every reading "
                                    "needs a position and a temperature (delete the row if it has none)")
            continue
        try:
            number = parse_number(cell, f"row {lineno}, column {name!r}", source=source)
        except InputError as exc:
            raise CaseFileError(str(exc)) from None
        rec[name] = f"{number!r} {unit}" if unit else cell
        if name == "temperature" and not unit:
            raise CaseFileError(f"{source}: column 'temperature' needs a unit, e.g. 'temperature [degC]'")
        if name == "position" and not unit:
            raise CaseFileError(f"{source}: column 'position' needs a unit, e.g. 'position [mm]'")
    return rec


def _csv_bar(rec: dict[str, str], lineno: int, source: str) -> str:
    """The row's bar, ``hot`` or ``cold`` (``upper``/``lower`` accepted)."""
    if not rec.get("bar"):
        raise CaseFileError(f"{source}: row {lineno}, column 'bar' is empty; valid: hot or cold")
    bar = rec["bar"].lower()
    bar = {"upper": "hot", "lower": "cold"}.get(bar, bar)
    if bar not in ("hot", "cold"):
        raise CaseFileError(f"{source}: row {lineno}: bar {rec['bar']!r} is not hot/cold (or upper/lower)")
    return bar


def _add_reading(runs: dict[str, dict[str, Any]], rec: dict[str, str], bar: str, source: str) -> None:
    """Append the row's reading to its run (one pressure and thickness per run)."""
    label = rec.get("run", "") or "run 1"
    r = runs.setdefault(label, {"label": label, "hot": [], "cold": [], "hot_positions": [],
                                "cold_positions": [], "u_hot": [], "u_cold": []})
    r[bar].append(rec["temperature"])
    r[f"{bar}_positions"].append(rec["position"])
    if "u_temperature" in rec:
        r[f"u_{bar}"].append(rec["u_temperature"])
    for key in ("pressure", "thickness"):
        if key in rec:
            if key in r and r[key] != rec[key]:
                raise CaseFileError(f"{source}: run {label!r} has two different {key} values")
            r[key] = rec[key]


def _check_uncertainties(r: dict[str, Any], source: str) -> None:
    """A bar's u_temperature is given for every reading or for none (then the key is dropped)."""
    for bar in ("hot", "cold"):
        if r[f"u_{bar}"] and len(r[f"u_{bar}"]) != len(r[bar]):
            raise CaseFileError(f"{source}: run {r['label']!r}: u_temperature given for only some readings")
        if not r[f"u_{bar}"]:
            del r[f"u_{bar}"]


def _csv_rig(meta: dict[str, str], source: str) -> dict[str, Any]:
    """The [rig] table from the metadata: ``hot.*`` and ``cold.*`` nest, the rest are rig keys."""
    rig: dict[str, Any] = {"hot": {}, "cold": {}}
    for key, value in meta.items():
        if "." in key:
            bar, _, sub = key.partition(".")
            if bar not in rig:
                raise CaseFileError(f"{source}: metadata key {key!r}: only hot.* and cold.* are nested")
            rig[bar][sub] = value
        else:
            rig[key] = _coerce(value)
    return rig


def _coerce(text: str) -> Any:
    try:
        return parse_number(text, "metadata")
    except InputError:  # text (a quantity, a name): checked where it is used
        return text


def load_meterbar(path: str | Path) -> MeterBarData:
    """Read a meter-bar data file (``.toml`` or ``.csv``; formats in docs/measurements.md).

    Parameters
    ----------
    path : str or Path
        The data file.

    Returns
    -------
    MeterBarData
        The data set (SI).
    """
    path = Path(path)
    if not path.is_file():
        raise CaseFileError(f"{path}: data file not found")
    suffix = path.suffix.lower()
    try:
        if suffix == ".toml":
            doc = tomllib.loads(path.read_text("utf-8"))
        elif suffix == ".csv":
            doc = _csv_document(path)
        else:
            raise CaseFileError(f"{path}: unknown data file type {suffix!r}; use .csv or .toml")
    except tomllib.TOMLDecodeError as exc:
        raise CaseFileError(f"{path}: not valid TOML ({exc})") from None
    except UnicodeDecodeError:
        raise CaseFileError(f"{path}: not a text file") from None
    try:
        return meterbar_from_document(doc, source=str(path))
    except (TcrlabError, ValueError):
        raise
    except (KeyError, TypeError, AttributeError) as exc:
        raise CaseFileError(f"{path}: malformed meter-bar data ({type(exc).__name__}: {exc})") from None
