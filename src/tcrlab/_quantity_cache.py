"""Disk cache of quantity text already converted to SI by :mod:`tcrlab.units`.

Importing pint and building its registry costs ~0.2 s of CPU, more than a single joint evaluation.
Text that pint has converted once — the packaged materials' values, "1 MPa", "300 K" — is kept in a
small JSON file (``quantities-<stamp>.json`` in :func:`tcrlab._cachedir.cache_dir`), keyed by the text
and its dimension and stamped with what the values depend on (tcrlab's version, the text of
``units.py``, the installed pint), so a repeated command does not load pint at all. Only valid values
are stored, so every error is still raised, with its own field and file, by the parser.
``TCRLAB_NO_CACHE=1`` turns the file off.
"""

from __future__ import annotations

import math
import os
from functools import cache
from typing import Any

from tcrlab._cachedir import DiskCache

__all__ = ["CACHE", "flush", "lookup", "remember"]

_UNITS_SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "units.py")


@cache
def _stamp() -> str:
    """What the cached values depend on: tcrlab's version, the text of ``units.py`` (how text is read),
    and the installed pint (its package file's size and time, which change with every install; asking
    for pint's version would import importlib.metadata)."""
    import importlib.util
    import zlib

    from tcrlab import __version__

    try:
        with open(_UNITS_SOURCE, "rb") as fh:
            own = f"{zlib.crc32(fh.read()):08x}"
    except OSError:
        own = "-"
    spec = importlib.util.find_spec("pint")
    try:
        st = os.stat(spec.origin) if spec is not None and spec.origin else None
    except OSError:
        st = None
    return f"tcrlab {__version__} units {own}; pint {st.st_size}:{st.st_mtime_ns}" if st else "no pint"


def _name() -> str:
    import zlib

    return f"quantities-{zlib.crc32(_stamp().encode()):08x}.json"


def _valid(key: str, value: Any) -> bool:
    return type(value) is float and math.isfinite(value)


# entries kept (the newest); ~40 bytes each
CACHE = DiskCache(_name, _stamp, _valid, limit=20_000)


def _key(text: str, dimension: str) -> str:
    return f"{dimension}|{text}"


def lookup(text: str, dimension: str) -> float | None:
    """The SI value cached for ``text`` read as ``dimension``.

    Parameters
    ----------
    text : str
        The quantity text, stripped (e.g. ``"2.5 MPa"``).
    dimension : str
        The dimension it was read as (a key of :data:`tcrlab.units.DIMENSIONS`).

    Returns
    -------
    float or None
        The value in SI units, or None when the text is not cached (or caching is off).
    """
    return CACHE.get(_key(text, dimension))


def remember(text: str, dimension: str, value: float) -> None:
    """Keep a valid conversion for the disk cache (written at exit at the latest).

    Parameters
    ----------
    text : str
        The quantity text, stripped.
    dimension : str
        The dimension it was read as.
    value : float
        Its value in SI units (finite and valid for the dimension).
    """
    CACHE.put(_key(text, dimension), value)


def flush() -> None:
    """Write this process's new conversions to the disk cache (see :meth:`DiskCache.flush`)."""
    CACHE.flush()
