"""``tcrlab spread``: spreading resistance of a source on a plate (disk, rectangle, several sources)."""

from __future__ import annotations

import math
from typing import Any

import click
import numpy as np

from tcrlab.cli.common import emit_json, make_table
from tcrlab.cli.run import check_plot_path, wide_console, writing
from tcrlab.errors import InputError
from tcrlab.units import parse_quantity

__all__ = ["spread"]

_LAYER_HELP = ("Plate layer THICKNESS:MATERIAL or THICKNESS:CONDUCTIVITY, heated face first; repeat for "
               "bonded layers, e.g. --layer 6mm:Al or --layer '1mm:390 W/(m K)'. Materials take k at 300 K.")


def _layers(specs: tuple[str, ...]) -> tuple[list[tuple[float, float]], list[str]]:
    from tcrlab.materials.registry import default_registry

    if not specs:
        raise InputError("--layer", None, "at least one plate layer, e.g. --layer 6mm:Al", problem="missing")
    layers, names = [], []
    for i, spec in enumerate(specs, start=1):
        if ":" not in spec:
            raise InputError(f"--layer {i}", spec, "THICKNESS:MATERIAL or THICKNESS:CONDUCTIVITY, e.g. 6mm:Al")
        thick_text, what = (s.strip() for s in spec.split(":", 1))
        t = parse_quantity(thick_text, "length", f"--layer {i} thickness")
        if not t > 0:
            raise InputError(f"--layer {i} thickness", thick_text, "a thickness > 0, e.g. 6mm",
                             problem="a zero or negative thickness")
        try:
            k = parse_quantity(what, "conductivity", f"--layer {i} conductivity")
            names.append(f"{thick_text}, {what}")
        except InputError:
            material = default_registry().get_material(what)
            k = material.thermal_conductivity()
            if k is None:
                raise InputError(f"--layer {i} material", what, "a material with a conductivity") from None
            names.append(f"{thick_text} {material.key}")
        if not k > 0:
            raise InputError(f"--layer {i} conductivity", what, "a conductivity > 0")
        layers.append((float(t), float(k)))
    return layers, names


def _h(text: str | None) -> float:
    if text is None or text.strip().lower() in ("inf", "isothermal"):
        return math.inf
    h = parse_quantity(text, "heat_transfer_coefficient", "--h")
    if not h > 0:
        raise InputError("--h", text, "a coefficient > 0, or 'isothermal'")
    return float(h)


def _pair(text: str, option: str) -> tuple[float, float]:
    parts = [p for p in text.replace("×", "x").replace(",", "x").split("x") if p.strip()]
    if len(parts) != 2:
        raise InputError(option, text, "LENGTHxWIDTH, e.g. 2cmx2cm or '2 cm, 2 cm'")
    return tuple(float(parse_quantity(p.strip(), "length", option)) for p in parts)  # type: ignore[return-value]


def _renamed(exc: InputError, mapping: dict[str, str]) -> InputError:
    """The library names its arguments; the user typed options."""
    field = exc.field
    for key, option in mapping.items():
        if field == key or field.startswith(key + "."):
            field = option + field[len(key):]
            break
    if field.startswith("layers["):
        index = field[len("layers["):].split("]")[0]
        field = f"--layer {index}" + field.split("]", 1)[1].replace(".", " ")
    return InputError(field, exc.value, exc.expected, problem=exc.problem)


def _sink(h: float) -> str:
    return "isothermal sink" if math.isinf(h) else f"sink h = {h:.4g} W/(m² K)"


def _fmt(v: Any, spec: str = ".5g") -> str:
    return format(float(v), spec)


def _common(f: Any) -> Any:
    for option in reversed([
        click.option("--layer", "layer_specs", multiple=True, help=_LAYER_HELP),
        click.option("--h", "h_text", help="Sink heat-transfer coefficient on the far face, e.g. '1500 W/(m^2 K)'; "
                                           "default: isothermal."),
        click.option("--rtol", default=1e-4, show_default=True, type=float, help="Relative tolerance of the series."),
        click.option("--json", "as_json", is_flag=True, help="Print machine-readable results (JSON)."),
        click.option("--plot", "plot_file", type=click.Path(dir_okay=False), help="Save a picture (PNG/PDF/SVG)."),
    ]):
        f = option(f)
    return f


def _result_rows(res: Any, power: float | None, extra: list[list[str]]) -> list[list[str]]:
    rows = [
        ["R_s  spreading (on the mean source temperature)", _fmt(res.spreading), "K/W"],
        ["R_1d plate layers + sink, (Σt/k + 1/h)/A_plate", _fmt(res.one_d), "K/W"],
        ["R_total = R_s + R_1d", _fmt(res.total), "K/W"],
        ["spreading share of R_total", _fmt(100 * res.spreading / res.total, ".3g") if res.total > 0 else "0", "%"],
        ["truncation error (estimate)", _fmt(res.truncation_error, ".2e"), "K/W"],
        ["series terms", str(int(res.terms)), "-"],
        ["converged to --rtol", "yes" if res.converged else "NO", "-"],
        *extra,
    ]
    if power is not None:
        rows += [["ΔT spreading = P·R_s", _fmt(power * res.spreading, ".4g"), "K"],
                 ["ΔT source mean above sink = P·R_total", _fmt(power * res.total, ".4g"), "K"]]
    return rows


@click.group()
def spread() -> None:
    """Spreading resistance of a source on a plate (series solutions of Yovanovich, Muzychka and Culham)."""


@spread.command()
@click.option("--source", "source_text", required=True, help="Source diameter, e.g. 2cm.")
@click.option("--plate", "plate_text", required=True, help="Plate (disk) diameter, e.g. 6cm.")
@click.option("--power", "power_text", help="Heat input, e.g. 120W (adds the temperature rises).")
@_common
def disk(source_text: str, plate_text: str, power_text: str | None, layer_specs: tuple[str, ...], h_text: str | None,
         rtol: float, as_json: bool, plot_file: str | None) -> None:
    """Circular isoflux source centred on a (layered) disk with an adiabatic rim."""
    from tcrlab.spreading import disk_resistance, disk_spreading, song_lee_au_resistance

    check_plot_path("--plot", plot_file)
    a = float(parse_quantity(source_text, "length", "--source")) / 2
    b = float(parse_quantity(plate_text, "length", "--plate")) / 2
    power = float(parse_quantity(power_text, "power", "--power")) if power_text else None
    layers, names = _layers(layer_specs)
    h = _h(h_text)
    names_map = {"a": "--source", "b": "--plate", "h": "--h", "rtol": "--rtol"}
    try:
        res = disk_spreading(a, b, layers, h, rtol=rtol)
    except InputError as exc:
        raise _renamed(exc, names_map) from None
    extra = []
    if len(layers) == 1:
        sla = song_lee_au_resistance(a, b, layers[0][0], layers[0][1], h)
        extra.append(["R_s,max  Song–Lee–Au closed form (centre temperature)", _fmt(sla), "K/W"])
    if plot_file:
        from tcrlab.fileio import save_figure
        from tcrlab.plotting.spreading import plot_ratio_sweep

        ratio = np.linspace(0.02, 0.98, 80)
        curves = {"series (mean source T)": np.asarray(disk_spreading(ratio * b, b, layers, h, rtol=1e-3).spreading)}
        if len(layers) == 1:
            curves["Song–Lee–Au (centre T)"] = np.asarray(song_lee_au_resistance(ratio * b, b, *layers[0], h))
        with writing("--plot", plot_file):
            save_figure(plot_ratio_sweep(ratio, curves, marker=(a / b, res.spreading), xlabel="source / plate diameter",
                                         title=f"disk Ø{2 * b * 1e3:.4g} mm, " + " + ".join(names) + ", " + _sink(h)), plot_file, dpi=130)
    if as_json:
        out = {"geometry": {"source_radius_m": a, "plate_radius_m": b, "layers": layers, "h_W_per_m2K": h},
               **res.to_dict()}
        if power is not None:
            out["power_W"] = power
        emit_json(out)
        return
    _ = disk_resistance  # the public one-layer form; disk_spreading adds the layers and the error
    console = wide_console()
    console.print(make_table(
        f"Disk: source Ø{2 * a * 1e3:.4g} mm on plate Ø{2 * b * 1e3:.4g} mm ({' + '.join(names)}), "
        f"sink {'isothermal' if math.isinf(h) else f'h = {h:.4g} W/(m² K)'}",
        ["quantity", "value", "unit"], [["a/b  source/plate radius", _fmt(a / b, ".4g"), "-"],
                                        *_result_rows(res, power, extra)]))
    if plot_file:
        console.print(f"plot written to {plot_file}")


@spread.command()
@click.option("--source", "source_text", required=True, help="Source LENGTHxWIDTH, e.g. 2cmx2cm.")
@click.option("--plate", "plate_text", required=True, help="Plate LENGTHxWIDTH, e.g. 6cmx6cm.")
@click.option("--position", "position_text", help="Source centre X,Y from the plate corner (default: centred).")
@click.option("--power", "power_text", help="Heat input, e.g. 120W (adds the temperature rises).")
@_common
def rectangle(source_text: str, plate_text: str, position_text: str | None, power_text: str | None,
              layer_specs: tuple[str, ...], h_text: str | None, rtol: float, as_json: bool,
              plot_file: str | None) -> None:
    """Rectangular isoflux source (centred or eccentric) on a (layered) rectangular plate."""
    from tcrlab.spreading import rectangle_spreading, song_lee_au_resistance

    check_plot_path("--plot", plot_file)
    sl, sw = _pair(source_text, "--source")
    pl, pw = _pair(plate_text, "--plate")
    xc, yc = _pair(position_text, "--position") if position_text else (None, None)
    power = float(parse_quantity(power_text, "power", "--power")) if power_text else None
    layers, names = _layers(layer_specs)
    h = _h(h_text)
    names_map = {"source_length": "--source", "source_width": "--source", "plate_length": "--plate",
                 "plate_width": "--plate", "xc": "--position", "yc": "--position", "h": "--h", "rtol": "--rtol"}
    try:
        res = rectangle_spreading(sl, sw, pl, pw, layers, h, xc=xc, yc=yc, rtol=rtol)
    except InputError as exc:
        raise _renamed(exc, names_map) from None
    extra = []
    if len(layers) == 1 and xc is None:
        a_eq, b_eq = math.sqrt(sl * sw / math.pi), math.sqrt(pl * pw / math.pi)
        sla = song_lee_au_resistance(a_eq, b_eq, layers[0][0], layers[0][1], h)
        extra.append(["R_s,max  Song–Lee–Au, equivalent radii (centre temperature)", _fmt(sla), "K/W"])
    if plot_file:
        from tcrlab.fileio import save_figure
        from tcrlab.plotting.spreading import plot_ratio_sweep

        ratio = np.linspace(0.05, 0.98, 48)
        sweep = rectangle_spreading(ratio * pl, ratio * pw * sw / sl if sw / sl * pw <= pl else ratio * pw,
                                    pl, pw, layers, h, rtol=1e-3).spreading
        with writing("--plot", plot_file):
            save_figure(plot_ratio_sweep(ratio, {"series, centred (mean source T)": np.asarray(sweep)},
                                         marker=(sl / pl, res.spreading) if xc is None else None,
                                         xlabel="source / plate length (source aspect kept)",
                                         title=f"plate {pl * 1e3:.4g} × {pw * 1e3:.4g} mm, " + " + ".join(names) + ", " + _sink(h)),
                        plot_file, dpi=130)
    if as_json:
        out = {"geometry": {"source_m": [sl, sw], "plate_m": [pl, pw], "position_m": None if xc is None else [xc, yc],
                            "layers": layers, "h_W_per_m2K": h}, **res.to_dict()}
        if power is not None:
            out["power_W"] = power
        emit_json(out)
        return
    where = "centred" if xc is None else f"centre at ({xc * 1e3:.4g}, {yc * 1e3:.4g}) mm"
    console = wide_console()
    console.print(make_table(
        f"Rectangle: source {sl * 1e3:.4g} × {sw * 1e3:.4g} mm ({where}) on plate {pl * 1e3:.4g} × {pw * 1e3:.4g} mm "
        f"({' + '.join(names)}), sink {'isothermal' if math.isinf(h) else f'h = {h:.4g} W/(m² K)'}",
        ["quantity", "value", "unit"], _result_rows(res, power, extra)))
    if plot_file:
        console.print(f"plot written to {plot_file}")


def _source(text: str, i: int) -> Any:
    from tcrlab.spreading import RectSource

    parts = [p.strip() for p in text.split(",")]
    if len(parts) not in (5, 6):
        raise InputError(f"--source {i}", text, "X,Y,LENGTH,WIDTH,POWER[,NAME], e.g. 15mm,30mm,10mm,10mm,20W")
    x, y, sl, sw = (float(parse_quantity(p, "length", f"--source {i}")) for p in parts[:4])
    q = float(parse_quantity(parts[4], "power", f"--source {i} power"))
    return RectSource(x, y, sl, sw, q, parts[5] if len(parts) == 6 else f"S{i}")


@spread.command()
@click.option("--plate", "plate_text", required=True, help="Plate LENGTHxWIDTH, e.g. 6cmx4cm.")
@click.option("--source", "source_texts", multiple=True, required=True,
              help="X,Y,LENGTH,WIDTH,POWER[,NAME]: centre from the plate corner, size, heat; repeat per source.")
@click.option("--modes", type=int, help="Fourier modes per direction (default from the smallest source).")
@click.option("--sink-temperature", "sink_text", help="Sink temperature, e.g. 25degC (adds absolute temperatures).")
@click.option("--layer", "layer_specs", multiple=True, help=_LAYER_HELP)
@click.option("--h", "h_text", help="Sink heat-transfer coefficient, e.g. '2000 W/(m^2 K)'; default: isothermal.")
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable results (JSON).")
@click.option("--plot", "plot_file", type=click.Path(dir_okay=False), help="Save the surface temperature map.")
def sources(plate_text: str, source_texts: tuple[str, ...], modes: int | None, sink_text: str | None,
            layer_specs: tuple[str, ...], h_text: str | None, as_json: bool, plot_file: str | None) -> None:
    """Several rectangular sources on one plate: each source's mean and maximum temperature (superposition)."""
    from tcrlab.spreading import multiple_sources, surface_temperature_rise

    check_plot_path("--plot", plot_file)
    pl, pw = _pair(plate_text, "--plate")
    srcs = [_source(t, i) for i, t in enumerate(source_texts, start=1)]
    layers, names = _layers(layer_specs)
    h = _h(h_text)
    sink = float(parse_quantity(sink_text, "temperature", "--sink-temperature")) if sink_text else None
    mapping = {"plate_length": "--plate", "plate_width": "--plate", "h": "--h", "modes": "--modes"}
    mapping.update({f"sources[{i}]": f"--source {i}" for i in range(1, len(srcs) + 1)})
    mapping.update({s.name: f"--source {i} ({s.name})" for i, s in enumerate(srcs, start=1)})
    try:
        res = multiple_sources(srcs, pl, pw, layers, h, modes=modes)
    except InputError as exc:
        raise _renamed(exc, mapping) from None
    if plot_file:
        from tcrlab.fileio import save_figure
        from tcrlab.plotting.spreading import plot_surface

        x, y, rise = surface_temperature_rise(srcs, pl, pw, layers, h, points=161, modes=modes)
        with writing("--plot", plot_file):
            save_figure(plot_surface(x, y, rise, srcs, sink_temperature=sink,
                                     title=f"heated face of a {pl * 1e3:.4g} × {pw * 1e3:.4g} mm plate, {_sink(h)}\n"
                                     + " + ".join(names)),
                        plot_file, dpi=130)
    if as_json:
        out = res.to_dict()
        if sink is not None:
            out["sink_temperature_K"] = sink
        emit_json(out)
        return
    off = 0.0 if sink is None else sink - 273.15
    unit = "K above sink" if sink is None else "°C"
    rows = [[s.name, _fmt(s.power, ".4g"), f"{s.length * 1e3:.4g} × {s.width * 1e3:.4g}",
             f"({s.x * 1e3:.4g}, {s.y * 1e3:.4g})", _fmt(m + off, ".4g"), _fmt(x + off, ".4g"),
             f"({loc[0] * 1e3:.3g}, {loc[1] * 1e3:.3g})", _fmt(max(me, xe), ".1e")]
            for s, m, x, loc, me, xe in zip(srcs, res.mean_rise, res.max_rise, res.max_location, res.mean_error,
                                             res.max_error, strict=True)]
    console = wide_console()
    console.print(make_table(
        f"{len(srcs)} sources on plate {pl * 1e3:.4g} × {pw * 1e3:.4g} mm ({' + '.join(names)}), sink "
        f"{'isothermal' if math.isinf(h) else f'h = {h:.4g} W/(m² K)'}; {res.modes[0]} × {res.modes[1]} modes",
        ["source", "P [W]", "size \\[mm]", "centre \\[mm]", f"T mean [{unit}]", f"T max [{unit}]", "max at \\[mm]",
         "truncation [K]"], rows))
    if plot_file:
        console.print(f"plot written to {plot_file}")
