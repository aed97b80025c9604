"""Test-side readers of the FE formats (independent of the writers' code): each returns
(axis values, temperatures or None, h[T, axis]) in the file's own units."""

from __future__ import annotations

import re

import numpy as np


def _rows_to_grid(rows: list[list[float]], x_col: int, t_col: int | None, h_col: int):
    a = np.array(rows)
    if t_col is None:
        return a[:, x_col], None, a[None, :, h_col]
    temps = np.unique(a[:, t_col])
    xs = a[a[:, t_col] == temps[0], x_col]
    h = np.stack([a[a[:, t_col] == t, h_col] for t in temps])
    return xs, temps, h


def keyword_table(text: str, keyword: str):
    """Data lines after ``keyword`` (Abaqus/CalculiX): 'h, x[, T]' until the next keyword or the end."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().upper() == keyword.upper())
    rows = []
    for line in lines[start + 1:]:
        s = line.strip()
        if not s or s.startswith("**"):
            continue
        if s.startswith("*"):
            break
        rows.append([float(v) for v in s.split(",")])
    ncol = len(rows[0])
    return _rows_to_grid(rows, 1, 2 if ncol == 3 else None, 0)


def apdl_table(text: str):
    dim = re.search(r"\*DIM,(\w+),TABLE,(\d+),(\d+),1,PRES,TEMP", text)
    name, n, m = dim.group(1), int(dim.group(2)), int(dim.group(3))
    grid = np.full((n + 1, m + 1), np.nan)
    for i, j, v in re.findall(rf"^{name}\((\d+),(\d+)\)=(\S+)$", text, flags=re.M):
        grid[int(i), int(j)] = float(v)
    return grid[1:, 0], grid[0, 1:], grid[1:, 1:].T


def comsol_file(text: str):
    rows = [[float(v) for v in line.split()] for line in text.splitlines()
            if line.strip() and not line.startswith("%")]
    ncol = len(rows[0])
    return _rows_to_grid(rows, 0, 1 if ncol == 3 else None, ncol - 1)


def csv_file(text: str, path: str):
    lines = text.splitlines()[1:]
    rows = []
    for line in lines:
        kind, p, d, t, h = line.split(",")
        if kind == path:
            rows.append([float(p) if path == "closed" else float(d), float(t), float(h)])
    return _rows_to_grid(rows, 0, 1, 2)
