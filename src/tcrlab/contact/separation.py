"""Moved to :mod:`tcrlab.mechanics.separation`; this import path is kept for existing code."""

from tcrlab.mechanics.separation import *  # noqa: F403
from tcrlab.mechanics.separation import __all__ as __all__
