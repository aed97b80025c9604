"""Moved to :mod:`tcrlab.mechanics.area`; this import path is kept for existing code."""

from tcrlab.mechanics.area import plastic_area_ratio

__all__ = ["plastic_area_ratio"]
