"""Reading measured heating curves: two-column CSV files of time and Zth (or temperature rise).

::

    t [s], Zth [K/W]          # or: t [s], dT [K]  (then give the heating power)
    1.0e-6, 0.0021
    ...

A header line is optional. The second column is read as Zth unless its header names a temperature
(``dT``, ``T``, ``[K]`` without ``/W``) or a power is given, in which case Zth = ΔT / P.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from tcrlab.errors import InputError

__all__ = ["load_zth_csv", "read_two_columns"]


def _is_temperature(header: str) -> bool:
    h = header.lower().replace(" ", "")
    return ("k/w" not in h and "zth" not in h) and ("[k]" in h or h.startswith("dt") or h.startswith("t_j")
                                                    or h.startswith("temp") or h == "t")


def read_two_columns(path: str | Path, *, name: str = "DATA",
                     min_rows: int = 1) -> tuple[NDArray[np.float64], NDArray[np.float64], list[str] | None]:
    """The two numeric columns of a CSV file (a header line and ``#`` comments allowed) and the header.

    Parameters
    ----------
    path : str or Path
        The file.
    name : str
        How the file is called in messages (the command-line argument).
    min_rows : int
        Fewest data rows accepted.

    Returns
    -------
    x, y : ndarray
        The two columns.
    header : list of str or None
        The header names, if the file has a header line.
    """
    p = Path(path)
    try:
        text = p.read_text("utf-8")
    except FileNotFoundError:
        raise InputError(name, str(p), "an existing CSV file", problem="file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(name, str(p), "a readable UTF-8 CSV file", problem=str(exc)) from None
    rows = list(csv.reader(line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")))
    header = None
    if rows:
        try:
            float(rows[0][0])
        except (ValueError, IndexError):
            header = rows.pop(0)
    values = []
    for i, row in enumerate(rows, start=2 if header else 1):
        if len(row) < 2:
            raise InputError(f"{p.name}:{i}", ",".join(row), "two columns of numbers")
        try:
            values.append((float(row[0]), float(row[1])))
        except ValueError:
            raise InputError(f"{p.name}:{i}", ",".join(row), "two columns of numbers") from None
    if len(values) < max(min_rows, 1):
        raise InputError(name, str(p), f"at least {max(min_rows, 1)} data rows", problem=f"{len(values)} rows")
    data = np.asarray(values, dtype=float).reshape(-1, 2)
    return data[:, 0], data[:, 1], header


def load_zth_csv(path: str | Path, *, power: float | None = None,
                 name: str = "DATA") -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    r"""Times [s] and Zth [K/W] from a two-column CSV file.

    Parameters
    ----------
    path : str or Path
        The file.
    power : float, optional
        Heating power [W]: the second column is then a temperature rise [K] and Zth = ΔT/P.
    name : str
        How the file is called in messages.

    Returns
    -------
    t, zth : ndarray

    Examples
    --------
    >>> import tempfile, os
    >>> f = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
    >>> _ = f.write("t [s], Zth [K/W]\n1e-3, 0.1\n1e-2, 0.2\n"); f.close()
    >>> t, z = load_zth_csv(f.name); os.unlink(f.name)
    >>> z.tolist()
    [0.1, 0.2]
    """
    t, y, header = read_two_columns(path, name=name)
    temperature = header is not None and len(header) > 1 and _is_temperature(header[1])
    if power is not None:
        if not (np.isfinite(power) and power > 0):
            raise InputError("--power", power, "a heating power > 0 W")
        return t, y / power
    if temperature:
        raise InputError("--power", None, f"the heating power (the second column of {Path(path).name} is a "
                         f"temperature rise: {header[1].strip()!r})", problem="missing")
    return t, y
