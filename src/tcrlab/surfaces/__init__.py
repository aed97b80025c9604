"""Rough surfaces: topography maps, synthetic self-affine surfaces, readers, levelling, statistics.

Quick start::

    >>> from tcrlab.surfaces import self_affine, rms_slope, fit_hurst
    >>> t = self_affine(128, hurst=0.8, rms_slope=0.1, physical_size=100e-6, seed=1)
    >>> round(rms_slope(t), 6), round(fit_hurst(t).hurst, 2)
    (0.1, 0.8)
"""

from __future__ import annotations

from tcrlab._lazy import lazy_exports
from tcrlab.surfaces.topography import Topography as Topography

# public name -> module (loaded on first use: the readers import SurfaceTopography lazily anyway)
_API: dict[str, str] = {
    "self_affine": "tcrlab.surfaces.synthetic",
    "composite_topography": "tcrlab.surfaces.composite",
    "read_topography": "tcrlab.surfaces.io",
    "fill_missing": "tcrlab.surfaces.io",
    "supported_formats": "tcrlab.surfaces.io",
    "parse_surface_spec": "tcrlab.surfaces.spec",
    "load_surface": "tcrlab.surfaces.spec",
    "is_surface_spec": "tcrlab.surfaces.spec",
    "level": "tcrlab.surfaces.levelling",
    "polynomial_fit": "tcrlab.surfaces.levelling",
    "HurstFit": "tcrlab.surfaces.statistics",
    "arithmetic_mean_height": "tcrlab.surfaces.statistics",
    "fit_hurst": "tcrlab.surfaces.statistics",
    "kurtosis": "tcrlab.surfaces.statistics",
    "mean_absolute_slope": "tcrlab.surfaces.statistics",
    "peak_to_valley": "tcrlab.surfaces.statistics",
    "power_spectrum": "tcrlab.surfaces.statistics",
    "power_spectrum_2d": "tcrlab.surfaces.statistics",
    "rms_curvature": "tcrlab.surfaces.statistics",
    "rms_height": "tcrlab.surfaces.statistics",
    "rms_slope": "tcrlab.surfaces.statistics",
    "skewness": "tcrlab.surfaces.statistics",
    "surface_statistics": "tcrlab.surfaces.statistics",
}

__all__ = sorted(["Topography", *_API])

__getattr__, __dir__ = lazy_exports(__name__, _API, globals())
