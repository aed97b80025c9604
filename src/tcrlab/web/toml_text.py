"""Write a case document (nested dicts, lists of tables, text and numbers) as TOML text.

Only what case files hold is supported: tables, arrays of tables (``[[layer]]``), and values that are
text, numbers, booleans or flat lists of those. The output reads back with :mod:`tomllib` to the same
document (tested).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from tcrlab.errors import InputError

__all__ = ["document_to_toml"]


def _key(key: str) -> str:
    bare = key.replace("_", "").replace("-", "").isalnum() and key.isascii()
    return key if bare else json.dumps(key, ensure_ascii=False)


def _value(value: Any, where: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InputError(where, value, "a finite number")
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    if isinstance(value, list | tuple) and not any(isinstance(v, Mapping) for v in value):
        return "[" + ", ".join(_value(v, where) for v in value) + "]"
    if isinstance(value, Mapping):  # an inline table
        return "{ " + ", ".join(f"{_key(k)} = {_value(v, f'{where}.{k}')}" for k, v in value.items()) + " }"
    raise InputError(where, value, "text, a number, a boolean or a list of those")


def _table(lines: list[str], name: str, table: Mapping[str, Any], *, array: bool = False) -> None:
    scalars = {k: v for k, v in table.items() if not _is_table(v) and not _is_table_array(v)}
    lines.append(f"[[{name}]]" if array else f"[{name}]")
    lines.extend(f"{_key(k)} = {_value(v, f'{name}.{k}')}" for k, v in scalars.items())
    lines.append("")
    for k, v in table.items():
        if _is_table(v):
            _table(lines, f"{name}.{_key(k)}", v)
        elif _is_table_array(v):
            for item in v:
                _table(lines, f"{name}.{_key(k)}", item, array=True)


def _is_table(value: Any) -> bool:
    return isinstance(value, Mapping)


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list | tuple) and bool(value) and all(isinstance(v, Mapping) for v in value)


def document_to_toml(doc: Mapping[str, Any], *, header: str = "") -> str:
    """TOML text of a case document.

    Parameters
    ----------
    doc : Mapping
        Top-level tables (``case``, ``boundary``, ``joint`` …) and arrays of tables (``layer``).
    header : str
        Comment lines put first (each prefixed with "# ").

    Returns
    -------
    str
        TOML that :func:`tomllib.loads` reads back to ``doc``.

    Examples
    --------
    >>> print(document_to_toml({"joint": {"solids": ["SS304", "SS304"], "pressure": "1 MPa"}}))
    [joint]
    solids = ["SS304", "SS304"]
    pressure = "1 MPa"
    <BLANKLINE>
    """
    lines = [f"# {line}" for line in header.splitlines()]
    if lines:
        lines.append("")
    top = {k: v for k, v in doc.items() if not isinstance(v, Mapping) and not _is_table_array(v)}
    lines.extend(f"{_key(k)} = {_value(v, k)}" for k, v in top.items())
    if top:
        lines.append("")
    for k, v in doc.items():
        if isinstance(v, Mapping):
            _table(lines, _key(k), v)
        elif _is_table_array(v):
            for item in v:
                _table(lines, _key(k), item, array=True)
    return "\n".join(lines)
