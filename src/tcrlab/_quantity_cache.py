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

from tcrlab._cachedir import cache_dir, caching_disabled

__all__ = ["flush", "lookup", "remember"]

_DISK_LIMIT = 20_000  # entries kept (the newest); ~40 bytes each
_DISK: list[dict[str, float]] = []  # the file's valid entries, read once
_NEW: dict[str, float] = {}  # converted in this process, not yet written
_UNITS_SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "units.py")


def _key(text: str, dimension: str) -> str:
    return f"{dimension}|{text}"


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


def _path() -> str | None:
    if caching_disabled():
        return None
    import zlib

    return os.path.join(cache_dir(), f"quantities-{zlib.crc32(_stamp().encode()):08x}.json")


def _entries() -> dict[str, float]:
    """The file's valid entries (read once per process; absent or damaged: none)."""
    if not _DISK:
        entries: dict[str, float] = {}
        path = _path()
        if path is not None:
            import json

            try:
                with open(path, encoding="utf-8") as fh:
                    data = json.load(fh)
            except (OSError, ValueError):  # absent or damaged: the cache is only a shortcut
                data = None
            if isinstance(data, dict) and data.get("stamp") == _stamp() and isinstance(data.get("values"), dict):
                entries = {k: v for k, v in data["values"].items()
                           if isinstance(k, str) and type(v) is float and math.isfinite(v)}
        _DISK.append(entries)
    return _DISK[0]


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
    if caching_disabled():
        return None
    return _entries().get(_key(text, dimension))


def remember(text: str, dimension: str, value: float) -> None:
    """Keep a valid conversion for the disk cache (written by :func:`flush`, at the latest at exit).

    Parameters
    ----------
    text : str
        The quantity text, stripped.
    dimension : str
        The dimension it was read as.
    value : float
        Its value in SI units (finite and valid for the dimension).
    """
    key = _key(text, dimension)
    cached = _entries()
    if cached.get(key) == value or _path() is None:
        return
    if not _NEW:
        import atexit

        atexit.register(flush)
    cached[key] = _NEW[key] = value


def flush() -> None:
    """Write this process's new conversions to the disk cache.

    They are merged with what the file holds and written atomically (a reader sees the old or the new
    file, never a part); errors are ignored, as the cache is only a shortcut.
    """
    path = _path()
    if path is None or not _NEW:
        return
    import json

    from tcrlab.fileio import atomic_write_text

    stamp = _stamp()
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        old = data["values"] if isinstance(data, dict) and data.get("stamp") == stamp else {}
    except (OSError, ValueError, KeyError, TypeError):
        old = {}
    merged = {**(old if isinstance(old, dict) else {}), **_NEW}
    if len(merged) > _DISK_LIMIT:
        merged = dict(list(merged.items())[-_DISK_LIMIT:])
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        atomic_write_text(path, json.dumps({"stamp": stamp, "values": merged}))
    except OSError:
        return
    _NEW.clear()
