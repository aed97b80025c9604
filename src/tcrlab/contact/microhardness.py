"""Moved to :mod:`tcrlab.mechanics.microhardness`; this import path is kept for existing code."""

from tcrlab.mechanics.microhardness import *  # noqa: F403
from tcrlab.mechanics.microhardness import BRINELL_RANGE, P_OVER_H_RANGE, SIGMA0  # noqa: F401
from tcrlab.mechanics.microhardness import __all__ as __all__
