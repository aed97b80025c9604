"""Where tcrlab keeps its small per-user caches (gas states, parsed quantities, FFTW wisdom).

``$TCRLAB_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/tcrlab``, else ``~/.cache/tcrlab``;
``TCRLAB_NO_CACHE=1`` turns the result caches off. Only :mod:`os` is imported, so that the start-up
path can ask without loading anything else.
"""

from __future__ import annotations

import os

__all__ = ["cache_dir", "caching_disabled"]


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
