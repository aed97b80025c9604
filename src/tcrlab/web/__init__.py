"""tcrlab in the browser: calculator pages and a JSON API over the library's models.

The web layer only wires: it turns a request (values with units, as in case files) into the same case
documents ``tcrlab run`` reads, calls the library, and renders the results. Every number it shows comes
from a library call; every error is the library's :class:`~tcrlab.errors.InputError`, shown next to the
field it names.

Start it with ``tcrlab serve`` (binds to 127.0.0.1:8000) or build the ASGI app with :func:`create_app`.
"""

from __future__ import annotations

from tcrlab.web.app import create_app
from tcrlab.web.limits import LIMITS, WebLimits

__all__ = ["LIMITS", "WebLimits", "create_app"]
