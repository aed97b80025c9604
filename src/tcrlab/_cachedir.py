"""tcrlab's small per-user caches (gas states, parsed quantities, FFTW wisdom): where they live, and the
JSON file of results that the gas states and parsed quantities share.

``$TCRLAB_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/tcrlab``, else ``~/.cache/tcrlab``;
``TCRLAB_NO_CACHE=1`` turns the result caches off. Only the standard library is imported, so that the
start-up path can use them without loading anything else.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

__all__ = ["DiskCache", "cache_dir", "caching_disabled"]


def cache_dir() -> str:
    """The directory of tcrlab's per-user caches (it need not exist yet).

    Returns
    -------
    str
        ``$TCRLAB_CACHE_DIR``, else ``$XDG_CACHE_HOME/tcrlab``, else ``~/.cache/tcrlab``.

    Examples
    --------
    >>> cache_dir().endswith("tcrlab") or "TCRLAB_CACHE_DIR" in os.environ
    True
    """
    return os.environ.get("TCRLAB_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "tcrlab"
    )


def caching_disabled() -> bool:
    """Whether the user turned the result caches off (``TCRLAB_NO_CACHE`` set to anything but 0).

    Returns
    -------
    bool
        True when cached results must be neither read nor written.
    """
    return os.environ.get("TCRLAB_NO_CACHE", "").strip() not in ("", "0")


class DiskCache:
    """Results kept between runs in one JSON file of the cache directory, as key → value.

    The file holds ``{"stamp": ..., "values": {...}}``; it is read once per process and only entries of
    the current stamp that pass ``valid`` are used, so a file written by another version, or a damaged
    one, is ignored (the cache is only a shortcut). Values added in this process are written at exit (or
    by :meth:`flush`), merged with what the file holds by then, the newest ``limit`` entries kept, and
    written atomically; errors while writing are ignored.

    Parameters
    ----------
    name : callable
        Returns the file name inside :func:`cache_dir` (called when the file is first needed).
    stamp : callable
        Returns what the values depend on (versions, a source's checksum); a file of another stamp is
        ignored and replaced.
    valid : callable
        ``valid(key, value)``: whether an entry read from the file may be used.
    limit : int
        Entries kept in the file at most (the newest).
    """

    def __init__(self, name: Callable[[], str], stamp: Callable[[], str], valid: Callable[[str, Any], bool],
                 limit: int) -> None:
        self._name, self._stamp, self._valid, self.limit = name, stamp, valid, limit
        self._entries: dict[str, Any] | None = None  # the file's valid entries and this process's additions
        self._new: dict[str, Any] = {}  # added in this process, not yet written

    def path(self) -> str | None:
        """The cache file (it need not exist yet).

        Returns
        -------
        str or None
            Its path, or None when caching is turned off.
        """
        if caching_disabled():
            return None
        return os.path.join(cache_dir(), self._name())

    def get(self, key: str) -> Any:
        """The value kept for ``key``.

        Parameters
        ----------
        key : str
            The entry's key.

        Returns
        -------
        object or None
            The value, or None when the key is not kept (or caching is off).
        """
        if caching_disabled():
            return None
        return self._read().get(key)

    def put(self, key: str, value: Any) -> None:
        """Keep ``value`` for ``key`` (written to the file at exit at the latest; nothing when caching is off).

        Parameters
        ----------
        key : str
            The entry's key.
        value : object
            A JSON-serialisable value.
        """
        if self.path() is None:
            return
        entries = self._read()
        if entries.get(key) == value:
            return
        if not self._new:
            import atexit

            atexit.register(self.flush)
        entries[key] = self._new[key] = value

    def flush(self) -> None:
        """Write this process's additions to the file (merged with it, atomically; errors ignored)."""
        path = self.path()
        if path is None or not self._new:
            return
        merged = {**self._load(path), **self._new}
        if len(merged) > self.limit:
            merged = dict(list(merged.items())[-self.limit:])
        import json

        from tcrlab.fileio import atomic_write_text

        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            atomic_write_text(path, json.dumps({"stamp": self._stamp(), "values": merged}))
        except OSError:
            return
        self._new.clear()

    def forget(self) -> None:
        """Drop what this process has read or added (the file is untouched); the next use reads it again."""
        self._entries = None
        self._new.clear()

    def _read(self) -> dict[str, Any]:
        if self._entries is None:
            path = self.path()
            self._entries = self._load(path) if path is not None else {}
        return self._entries

    def _load(self, path: str) -> dict[str, Any]:
        """The valid entries of the file at ``path`` (none when absent, damaged or of another stamp)."""
        import json

        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError):
            return {}
        if not (isinstance(data, dict) and data.get("stamp") == self._stamp() and isinstance(data.get("values"), dict)):
            return {}
        return {k: v for k, v in data["values"].items() if isinstance(k, str) and self._valid(k, v)}
