"""Measured boundary conductances shipped with tcrlab (``kapitza/data/measured.toml``), with sources."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["measured_conductances"]


def _norm(name: str) -> str:
    key = " ".join(str(name).strip().lower().replace("_", " ").replace("-", " ").split())
    try:
        from tcrlab.materials import get_material

        return get_material(name).key.lower()
    except Exception:
        return key


@cache
def _load() -> tuple[dict[str, Any], ...]:
    text = resources.files("tcrlab.kapitza").joinpath("data/measured.toml").read_text("utf-8")
    return tuple(tomllib.loads(text)["measurement"])


def measured_conductances(mat1: str | None = None, mat2: str | None = None) -> list[dict[str, Any]]:
    """Measured boundary conductances packaged with tcrlab for the pair mat1/mat2 (in either order).

    Parameters
    ----------
    mat1, mat2 : str, optional
        Material names as written in the data file (case-insensitive); all entries when either is None.

    Returns
    -------
    list of dict
        Entries with keys materials, temperature or temperature_range [K], h [W/(m² K)] or
        h_over_T3 [W/(m² K⁴)], source, verified and note.

    Examples
    --------
    >>> [r["materials"] for r in measured_conductances("sapphire", "Al")]
    [['Al', 'sapphire']]
    """
    rows = [dict(r) for r in _load()]
    if mat1 is None or mat2 is None:
        return rows
    want = {_norm(mat1), _norm(mat2)}
    return [r for r in rows if {_norm(m) for m in r["materials"]} == want]
