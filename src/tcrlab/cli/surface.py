"""``tcrlab surface``: statistics, PSD and a picture of a measured or synthetic topography."""

from __future__ import annotations

from typing import Any

import click


def _length(value: float) -> str:
    from tcrlab.plotting.surface import length_unit

    name, scale = length_unit(value)
    return f"{value / scale:.4g} {name}"


def _rows(stats: dict[str, Any]) -> list[tuple[str, str, str]]:
    nx, ny = stats["nb_grid_pts"]
    lx, ly = stats["physical_size"]
    dx, dy = stats["pixel_size"]

    def num(v: Any) -> str:
        return "—" if v is None else f"{v:.4g}"

    rows = [
        ("grid", f"{nx} × {ny}", "periodic" if stats["periodic"] else "non-periodic"),
        ("size Lx × Ly", f"{_length(lx)} × {_length(ly)}", ""),
        ("pixel Δx × Δy", f"{_length(dx)} × {_length(dy)}", ""),
        ("Rq (RMS height)", _length(stats["rms_height"]), ""),
        ("Ra (mean absolute height)", _length(stats["arithmetic_mean_height"]), ""),
        ("Sz (peak to valley)", _length(stats["peak_to_valley"]), ""),
        ("skewness", num(stats["skewness"]), ""),
        ("kurtosis", num(stats["kurtosis"]), "3 for Gaussian"),
        ("RMS slope (spectral)", num(stats["rms_slope_spectral"]), ""),
        ("RMS slope (finite diff.)", num(stats["rms_slope_fd"]), ""),
        ("RMS profile slope x / y", f"{num(stats['rms_slope_x'])} / {num(stats['rms_slope_y'])}", ""),
        ("mean |∂h/∂x|", num(stats["mean_absolute_slope_x"]), ""),
        ("RMS curvature ∇²h/2", num(stats["rms_curvature"]), "1/m"),
    ]
    if stats["hurst"] is not None:
        q0, q1 = stats["hurst_q_range"]
        rows.append(("Hurst exponent H", f"{stats['hurst']:.3f}", f"q {q0:.2g}–{q1:.2g} rad/m"))
    else:
        why = ("flat surface: no roughness to fit" if not stats["rms_height"]
               else "grid too small for a fit")
        rows.append(("Hurst exponent H", "—", why))
    return rows


@click.command("surface")
@click.argument("surface")
@click.option("--size", "size", default=None,
              help="Lateral size when the file has none: '100 um' or '100 um x 50 um'.")
@click.option("--unit", default=None, help="Height unit when the file has none: 'um', 'nm', '10 nm'.")
@click.option("--periodic/--non-periodic", default=None,
              help="Treat the map as one period of a periodic surface (files default: non-periodic).")
@click.option("--fill-missing", is_flag=True, help="Interpolate undefined points instead of failing.")
@click.option("--channel", type=int, default=None,
              help="Data channel of a multi-channel file (default: its height channel).")
@click.option("--level", "level_kind", default="auto", show_default=True,
              type=click.Choice(["auto", "none", "mean", "tilt", "curvature"]),
              help="Levelling before the statistics (auto: tilt for non-periodic maps, none otherwise).")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON (SI units).")
@click.option("--plot", "plot_path", default=None, type=click.Path(dir_okay=False),
              help="Write the height map, PSD and profile figure (PNG, PDF, SVG).")
def surface(
    surface: str,
    size: str | None,
    unit: str | None,
    periodic: bool | None,
    fill_missing: bool,
    channel: int | None,
    level_kind: str,
    as_json: bool,
    plot_path: str | None,
) -> None:
    """Statistics of a surface topography: SURFACE is a file (text/CSV matrix, .npy, .gwy, .sur, .x3p,
    .ibw, .datx, ...) or a synthetic specification such as
    'self-affine:n=512,H=0.8,slope=0.1,size=100um,seed=1'.

    Prints Rq, Ra, RMS slope (spectral and finite-difference), RMS curvature, skewness, kurtosis and
    the Hurst exponent of the PSD's power-law region.
    """
    from tcrlab.cli.common import console, emit_json, make_table
    from tcrlab.cli.run import check_plot_path, writing
    from tcrlab.surfaces.levelling import level
    from tcrlab.surfaces.spec import load_surface
    from tcrlab.surfaces.statistics import surface_statistics

    check_plot_path("--plot", plot_path)
    topography = load_surface(
        surface, physical_size=size, unit=unit, periodic=periodic,
        missing="fill" if fill_missing else "error", channel=channel,
    )
    kind = level_kind
    if kind == "auto":
        kind = "none" if topography.periodic else "tilt"
    topography = level(topography, kind)
    stats = surface_statistics(topography)
    stats["source"] = surface
    stats["levelling"] = kind
    if "filled_points" in topography.info:
        stats["filled_points"] = topography.info["filled_points"]
    if plot_path is not None:
        from tcrlab.plotting.surface import plot_surface

        with writing("--plot", plot_path):
            plot_surface(topography, plot_path, title=surface if len(surface) < 80 else None)
    if as_json:
        emit_json(stats)
        return
    table = make_table(f"surface: {surface}  (levelling: {kind})", ["quantity", "value", "note"], _rows(stats))
    console.print(table)
    if "filled_points" in stats:
        console.print(f"{stats['filled_points']} undefined points were filled by harmonic interpolation")
    if plot_path is not None:
        console.print(f"figure written to {plot_path}")
