"""Rough surfaces: topography maps, synthetic self-affine surfaces, readers, statistics."""

from tcrlab.surfaces.topography import Topography

__all__ = ["Topography"]
