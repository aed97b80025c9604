"""Surfaces named on the command line: a file path or a synthetic specification string.

A specification reads ``GENERATOR:key=value,key=value,...``, e.g.::

    self-affine:n=512,H=0.8,slope=0.1,size=100um,seed=1
    self-affine:n=256x128,H=0.7,rms=1um,size=200umx100um,short=2um,long=50um,periodic=false

Keys of ``self-affine`` (case-insensitive; aliases in brackets): ``n`` (grid, ``512`` or ``512x256``),
``H`` [hurst], ``slope`` [rms_slope] or ``rms`` [rms_height, Rq] (a length with unit), ``size`` [L]
(a length, or ``LxxLy`` such as ``100umx50um``), ``seed``, ``short`` [short_cutoff] and ``long``
[long_cutoff, rolloff] (lengths), ``periodic`` (true/false), ``random`` [random_amplitudes].
Values with units are parsed by :func:`tcrlab.units.parse_quantity`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tcrlab.errors import InputError
from tcrlab.resources import require_memory
from tcrlab.surfaces.synthetic import self_affine
from tcrlab.surfaces.topography import Topography
from tcrlab.units import parse_quantity

__all__ = ["GENERATORS", "is_surface_spec", "load_surface", "parse_surface_spec"]

GENERATORS = ("self-affine",)
_ALIASES = {
    "n": "n", "grid": "n",
    "h": "hurst", "hurst": "hurst",
    "slope": "rms_slope", "rms_slope": "rms_slope",
    "rms": "rms_height", "rms_height": "rms_height", "rq": "rms_height", "sq": "rms_height",
    "size": "physical_size", "l": "physical_size", "physical_size": "physical_size",
    "seed": "seed",
    "short": "short_cutoff", "short_cutoff": "short_cutoff",
    "long": "long_cutoff", "long_cutoff": "long_cutoff", "rolloff": "long_cutoff",
    "periodic": "periodic",
    "random": "random_amplitudes", "random_amplitudes": "random_amplitudes",
}
_SPEC = re.compile(r"^\s*([A-Za-z][A-Za-z_-]*)\s*:(.*)$", re.S)
_EXAMPLE = "self-affine:n=512,H=0.8,slope=0.1,size=100um,seed=1"


def is_surface_spec(text: str) -> bool:
    """True when ``text`` looks like ``generator:key=value,...`` (and is not an existing file).

    Parameters
    ----------
    text : str
        A command-line argument.

    Returns
    -------
    bool
        Whether it is a specification.

    Examples
    --------
    >>> is_surface_spec("self-affine:n=64,H=0.8,slope=0.1,size=100um,seed=1"), is_surface_spec("map.npy")
    (True, False)
    """
    m = _SPEC.match(text)
    return bool(m) and m.group(1).lower().replace("_", "-") in GENERATORS and not Path(text).exists()


def _bool(value: str, field: str) -> bool:
    low = value.strip().lower()
    if low in ("1", "true", "yes", "on"):
        return True
    if low in ("0", "false", "no", "off"):
        return False
    raise InputError(field, value, "true or false")


def _int(value: str, field: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise InputError(field, value, "an integer") from None


# Peak memory of generating a self-affine map (complex spectrum, float64 heights, copies): 30-36 B per
# point, measured with /usr/bin/time from 1024² to 4096².
_GENERATION_BYTES_PER_POINT = 36


def parse_surface_spec(text: str) -> Topography:
    """Build the synthetic surface a specification string describes (see the module docstring).

    Parameters
    ----------
    text : str
        ``GENERATOR:key=value,...``.

    Returns
    -------
    Topography
        The synthetic surface (heights and size in m).

    Raises
    ------
    InputError
        For an unknown generator or key, or a bad value.

    Examples
    --------
    >>> t = parse_surface_spec("self-affine:n=64,H=0.8,slope=0.1,size=100um,seed=1")
    >>> t.heights.shape, t.periodic
    ((64, 64), True)
    """
    m = _SPEC.match(text) if isinstance(text, str) else None
    if not m:
        raise InputError("surface", text, f"a file or a specification such as '{_EXAMPLE}'")
    generator = m.group(1).lower().replace("_", "-")
    if generator not in GENERATORS:
        raise InputError("surface", text, "a generator among: " + ", ".join(GENERATORS))
    raw: dict[str, str] = {}
    for item in filter(None, (p.strip() for p in m.group(2).split(","))):
        if "=" not in item:
            raise InputError("surface", item, f"key=value pairs, e.g. '{_EXAMPLE}'")
        key, value = (s.strip() for s in item.split("=", 1))
        name = _ALIASES.get(key.lower())
        if name is None:
            raise InputError(
                f"surface.{key}", value, "one of " + ", ".join(sorted(set(_ALIASES.values())))
            )
        if name in raw:
            raise InputError(f"surface.{key}", value, "each key once")
        raw[name] = value
    for required in ("n", "hurst"):
        if required not in raw:
            raise InputError(f"surface.{required}", None, f"a value, e.g. '{_EXAMPLE}'")
    if ("rms_slope" in raw) == ("rms_height" in raw):
        raise InputError("surface.slope/rms", None, "exactly one of slope=... or rms=<length>")
    kwargs: dict[str, Any] = {}
    grid = raw["n"].lower().split("x")
    kwargs["n"] = tuple(_int(g, "surface.n") for g in grid) if len(grid) == 2 else _int(grid[0], "surface.n")
    kwargs["hurst"] = parse_quantity(raw["hurst"], "dimensionless", "surface.H")
    if "rms_slope" in raw:
        kwargs["rms_slope"] = parse_quantity(raw["rms_slope"], "dimensionless", "surface.slope")
    else:
        kwargs["rms_height"] = parse_quantity(raw["rms_height"], "length", "surface.rms")
    if "physical_size" in raw:
        parts = re.split(r"(?<=[A-Za-zµμ])x(?=[\d.])", raw["physical_size"])
        sizes = [parse_quantity(p, "length", "surface.size") for p in parts]
        if len(sizes) > 2:
            raise InputError("surface.size", raw["physical_size"], "L or LxxLy, e.g. 100umx50um")
        kwargs["physical_size"] = (sizes[0], sizes[-1])
    else:
        raise InputError("surface.size", None, "the lateral size with a unit, e.g. size=100um")
    if "seed" in raw:
        kwargs["seed"] = _int(raw["seed"], "surface.seed")
    for key in ("short_cutoff", "long_cutoff"):
        if key in raw:
            kwargs[key] = parse_quantity(raw[key], "length", f"surface.{key}")
    if "periodic" in raw:
        kwargs["periodic"] = _bool(raw["periodic"], "surface.periodic")
    if "random_amplitudes" in raw:
        kwargs["random_amplitudes"] = _bool(raw["random_amplitudes"], "surface.random")
    n = kwargs["n"] if isinstance(kwargs["n"], tuple) else (kwargs["n"], kwargs["n"])
    if min(n) < 1:
        raise InputError("surface.n", raw["n"], "a grid of at least 2 × 2 points")
    require_memory(
        _GENERATION_BYTES_PER_POINT * n[0] * n[1], f"a {n[0]} × {n[1]} surface ({n[0] * n[1]:,} points)",
        "surface.n", raw["n"], hint="a smaller grid",
    )
    topography = self_affine(**kwargs)
    return topography.with_heights(topography.heights, source=text.strip())


def load_surface(
    source: str | Path | Topography,
    *,
    physical_size: Any = None,
    unit: Any = None,
    periodic: bool | None = None,
    missing: str = "error",
    channel: int | None = None,
) -> Topography:
    """A Topography from a file path or a specification string (what ``tcrlab surface/contact`` take).

    Files are read by :func:`tcrlab.surfaces.read_topography` (``periodic`` defaults to False there);
    specifications by :func:`parse_surface_spec` (``physical_size``/``unit`` must then be None).

    Parameters
    ----------
    source : str or Path or Topography
        A file, a specification string, or a Topography (returned as is).
    physical_size : str or tuple of float, optional
        Lateral size of a file that does not store one (``"100 um"``, or (Lx, Ly) [m]).
    unit : str, optional
        Unit of the stored heights of a file that has none.
    periodic : bool, optional
        Whether the map repeats.
    missing : {"error", "fill"}
        What to do with undefined points of a file.
    channel : int, optional
        Data channel of a multi-channel file.

    Returns
    -------
    Topography
        The surface (SI).
    """
    if isinstance(source, Topography):
        return source
    text = str(source)
    m = _SPEC.match(text)
    if m and len(m.group(1)) > 1 and not Path(text).exists():  # (one letter: a Windows drive)
        if physical_size is not None or unit is not None:
            raise InputError(
                "size/unit", (physical_size, unit), "none for a synthetic surface (give size= in the spec)"
            )
        if channel is not None:
            raise InputError("channel", channel, "none for a synthetic surface (channels are a file's)")
        topography = parse_surface_spec(text)
        if periodic is not None and periodic != topography.periodic:
            topography = Topography(topography.heights, topography.physical_size, periodic, topography.info)
        return topography
    from tcrlab.surfaces.io import read_topography

    return read_topography(
        text, physical_size=physical_size, unit=unit, periodic=bool(periodic),
        missing=missing, channel=channel,  # type: ignore[arg-type]
    )
