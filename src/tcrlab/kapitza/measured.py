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
    """Measured entries (dicts: materials, temperature or temperature_range, h or h_over_T3, source,
    verified, note) for the pair mat1/mat2 in either order; all entries when no pair is given."""
    rows = [dict(r) for r in _load()]
    if mat1 is None or mat2 is None:
        return rows
    want = {_norm(mat1), _norm(mat2)}
    return [r for r in rows if {_norm(m) for m in r["materials"]} == want]
