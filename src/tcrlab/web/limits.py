"""Bounds on the work one web request may ask for (refused with HTTP 413/422 before any work)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LIMITS", "WebLimits"]


@dataclass(frozen=True)
class WebLimits:
    """Per-request limits of the web app.

    Attributes
    ----------
    max_body_bytes : int
        Largest request body accepted [bytes]; larger bodies get HTTP 413.
    max_points : int
        Most points in any range or list (pressures, temperatures) of one request.
    max_layers : int
        Most layers (counting branch layers) in one heat path.
    max_text : int
        Longest text value (names, values with units) [characters].
    time_limit : float
        Wall-clock limit of one calculation [s]; a request past it gets HTTP 503.
    """

    max_body_bytes: int = 64 * 1024
    max_points: int = 200
    max_layers: int = 60
    max_text: int = 200
    time_limit: float = 20.0


LIMITS = WebLimits()
