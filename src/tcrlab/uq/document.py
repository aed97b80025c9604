"""Addressing values inside a case document by dotted path: ``joint.pressure``, ``layer[2].resistance``.

Indices in paths count from 1, as case-file messages do (``layer[1]`` is the first ``[[layer]]`` table). A short alias such as
``pressure`` names the single value whose last key is ``pressure``; an ambiguous alias is an error that
lists the full paths to choose from.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from typing import Any

from tcrlab.errors import InputError
from tcrlab.uq.distributions import is_distribution_spec

__all__ = ["find_distribution_specs", "get_path", "iter_leaves", "resolve_path", "set_path", "split_path"]

_PART = re.compile(r"^([^\[\]]+)((?:\[\d+\])*)$")


def split_path(path: str) -> list[str | int]:
    """``"layer[2].resistance"`` → ``["layer", 1, "resistance"]`` (internal indices from 0).

    Parameters
    ----------
    path : str
        Dotted path with 1-based indices in brackets.

    Returns
    -------
    list of str or int
        Keys and 0-based indices.

    Examples
    --------
    >>> split_path("layer[2].resistance")
    ['layer', 1, 'resistance']
    """
    parts: list[str | int] = []
    for chunk in path.split("."):
        m = _PART.match(chunk.strip())
        if not m:
            raise InputError("path", path, "dotted keys with optional [index], e.g. 'layer[2].resistance'")
        parts.append(m.group(1))
        for i in re.findall(r"\[(\d+)\]", m.group(2)):
            if int(i) < 1:
                raise InputError("path", path, "array indices counted from 1, e.g. 'layer[1].thickness'")
            parts.append(int(i) - 1)
    return parts


def join_path(parts: list[str | int]) -> str:
    text = ""
    for p in parts:
        text += f"[{p + 1}]" if isinstance(p, int) else (f".{p}" if text else str(p))
    return text


def iter_leaves(doc: Any, prefix: list[str | int] | None = None) -> Iterator[tuple[list[str | int], Any]]:
    """Every value that is not a table/array (distribution tables count as leaves), with its path.

    Parameters
    ----------
    doc : object
        A parsed document (or part of one).
    prefix : list of str or int, optional
        Path of ``doc`` in its document.

    Yields
    ------
    path : list of str or int
        The leaf's path.
    value : object
        The leaf.

    Examples
    --------
    >>> list(iter_leaves({"joint": {"sigma": "1 um", "gas": "air"}}))
    [(['joint', 'sigma'], '1 um'), (['joint', 'gas'], 'air')]
    """
    prefix = prefix or []
    if isinstance(doc, Mapping) and not is_distribution_spec(doc):
        for key, value in doc.items():
            yield from iter_leaves(value, [*prefix, str(key)])
    elif isinstance(doc, list) and any(isinstance(v, Mapping) for v in doc):
        for i, value in enumerate(doc):
            yield from iter_leaves(value, [*prefix, i])
    else:
        yield prefix, doc


def find_distribution_specs(doc: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """Dotted path → distribution table for every table with a ``dist`` key in the document.

    Parameters
    ----------
    doc : Mapping
        The parsed document.

    Returns
    -------
    dict of str to Mapping
        Distribution tables by dotted path.

    Examples
    --------
    >>> find_distribution_specs({"joint": {"pressure": {"dist": "uniform", "low": "1 MPa", "high": "2 MPa"}}})
    {'joint.pressure': {'dist': 'uniform', 'low': '1 MPa', 'high': '2 MPa'}}
    """
    return {join_path(p): v for p, v in iter_leaves(doc) if is_distribution_spec(v)}


def get_path(doc: Any, path: str) -> Any:
    """The value at a dotted path of a document.

    Parameters
    ----------
    doc : object
        The parsed document.
    path : str
        Dotted path with 1-based indices in brackets (``"layer[2].resistance"``).

    Returns
    -------
    object
        The value.

    Raises
    ------
    InputError
        When the path does not exist.

    Examples
    --------
    >>> get_path({"layer": [{"name": "a"}, {"name": "b"}]}, "layer[2].name")
    'b'
    """
    node = doc
    for part in split_path(path):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            raise InputError("path", path, "a value present in the case document") from None
    return node


def set_path(doc: Any, path: str, value: Any, *, create: bool = True) -> None:
    """Set a value in place (the parent table must exist; the last key is created when missing).

    Parameters
    ----------
    doc : object
        The parsed document, changed in place.
    path : str
        Dotted path.
    value : object
        The new value.
    create : bool
        Create the last key when it is missing.
    """
    parts = split_path(path)
    node = doc
    for part in parts[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            raise InputError("path", path, "a path whose parent table exists in the case document") from None
    last = parts[-1]
    if isinstance(last, int):
        if not isinstance(node, list) or last >= len(node):
            raise InputError("path", path, "an index within the array")
    elif not isinstance(node, dict) or (not create and last not in node):
        raise InputError("path", path, "a key of a table in the case document")
    node[last] = value


def resolve_path(doc: Mapping[str, Any], name: str, *, source: str | None = None) -> str:
    """Full dotted path for ``name``: itself when present (or when its parent table exists), else the
    unique path ending in it (``pressure`` → ``joint.pressure``).

    Parameters
    ----------
    doc : Mapping
        The parsed document.
    name : str
        A dotted path or its last part.
    source : str, optional
        The file name used in errors.

    Returns
    -------
    str
        The full dotted path.

    Raises
    ------
    InputError
        When the name is not found or is ambiguous.

    Examples
    --------
    >>> resolve_path({"joint": {"pressure": "1 MPa"}}, "pressure")
    'joint.pressure'
    """
    leaves = [join_path(p) for p, _ in iter_leaves(doc)]
    if name in leaves:
        return name
    suffix = [p for p in leaves if p.endswith("." + name) or p.endswith("]." + name)]
    if len(suffix) == 1:
        return suffix[0]
    if len(suffix) > 1:
        raise InputError(name, name, "one of " + ", ".join(suffix), problem="ambiguous name",
                         source=source)
    parts = split_path(name)
    if len(parts) > 1:  # a new key in an existing table
        try:
            parent = get_path(doc, join_path(parts[:-1]))
        except InputError:
            parent = None
        if isinstance(parent, dict):
            return name
    # a new key in the single top-level table of the case (e.g. 'gas' in [joint])
    tables = [k for k, v in doc.items() if isinstance(v, dict) and k not in {"case", "materials", "sources"}]
    if len(parts) == 1 and len(tables) == 1:
        return f"{tables[0]}.{name}"
    shown = ", ".join(leaves[:30]) + (" ..." if len(leaves) > 30 else "")
    raise InputError(name, name, f"a value of the case document, e.g. {shown}", problem="not found",
                     source=source)


def substituted(doc: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy of ``doc`` with ``values`` (path → value) put in."""
    out = copy.deepcopy(dict(doc))
    for path, value in values.items():
        set_path(out, path, value)
    return out
