"""FE case files and `tcrlab run` on them: parsing, outputs, field files, pictures and bad inputs (each a
one-line message and exit code 2, never a traceback)."""

import copy
import tomllib
from pathlib import Path

import meshio
import numpy as np
import pytest

from tcrlab.cases import build_case
from tcrlab.cli.main import main
from tcrlab.errors import InputError
from tcrlab.fem import SolverOptions, solve

CASE = """
[case]
name = "die on base"
geometry = "box"
[[body]]
name = "base"
conductivity = "167 W/(m K)"
size = ["3 cm", "3 cm"]
thickness = "4 mm"
cells = 3
[[body]]
name = "die"
on = "base"
material = "Si"
size = ["1 cm", "1 cm"]
center = ["0.2 cm", "0 cm"]
thickness = "0.5 mm"
cells = 2
[[interface]]
name = "grease"
bodies = ["die", "base"]
resistance = "1e-4 K m^2/W"
[[boundary]]
name = "junction"
face = "die.top"
power = "20 W"
[[boundary]]
name = "fins"
face = "base.bottom"
h = "3000 W/(m^2 K)"
ambient = "30 degC"
[mesh]
cell_size = "2.5 mm"
min_cells = 2
[output]
resistance = [["junction", "base.bottom"], "junction"]
"""


def doc() -> dict:
    return tomllib.loads(CASE)


def test_case_outputs_are_consistent() -> None:
    case = build_case(doc(), source="t.toml")
    assert case.kind == "fem"
    out = case.outputs()
    assert out["heat_input"] == pytest.approx(20.0)
    assert out["Q[fins]"] == pytest.approx(-20.0, rel=1e-8)
    assert out["Q[grease]"] == pytest.approx(20.0, rel=1e-8)
    assert abs(out["energy_balance_error"]) < 1e-8
    assert out["R[junction->sink]"] == pytest.approx(out["R[junction]"])
    # the junction sits above everything else, and the path to the fins adds up
    assert out["R[junction->sink]"] > out["R[junction->base.bottom]"] > 0
    assert out["picard_iterations"] >= 2  # Si has k(T): Picard


def test_cli_run_writes_field_and_picture(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.toml"
    path.write_text(CASE)
    vtu, png = tmp_path / "out" / "t.vtu", tmp_path / "t.png"
    with pytest.raises(SystemExit) as exc:
        main(["run", str(path), "--vtk", str(vtu), "--plot", str(png)])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    assert "grease" in text and "energy balance" in text
    m = meshio.read(vtu)
    result = build_case(doc(), source="x").solve()
    assert len(m.points) == result.temperature.size
    np.testing.assert_allclose(m.point_data["T"], result.temperature, rtol=1e-12)
    assert png.stat().st_size > 10_000
    xdmf = tmp_path / "t.xdmf"
    with pytest.raises(SystemExit):
        main(["run", str(path), "--vtk", str(xdmf), "--json"])
    assert meshio.read(xdmf).point_data["T"].shape == result.temperature.shape


def _mutate(fn) -> dict:
    d = copy.deepcopy(doc())
    fn(d)
    return d


BAD = {
    "unknown body in interface": (lambda d: d["interface"][0].update(bodies=["die", "heatsink"]), "heatsink"),
    "zero thickness": (lambda d: d["body"][1].update(thickness="0 mm"), "thickness"),
    "overlapping footprints": (lambda d: d["body"].append({"name": "die2", "on": "base", "conductivity": "100 W/(m K)",
                                                          "size": ["1 cm", "1 cm"], "center": ["0.5 cm", "0 cm"],
                                                          "thickness": "0.5 mm"}), "overlapping"),
    "oversized region": (lambda d: d["boundary"][0].update(region={"size": ["2 cm", "1 cm"]}), "larger than its face"),
    "missing interface": (lambda d: d.pop("interface"), "no interface joins them"),
    "no sink": (lambda d: d["boundary"].pop(1), "no sink"),
    "unknown face": (lambda d: d["boundary"][0].update(face="die.side"), "die.side"),
    "mesh too big": (lambda d: d["mesh"].update(cell_size="1 um"), "mesh too big"),
    "memory": (lambda d: d.update(solver={"max_memory": "1 MB"}), "GB"),
    "negative conductance": (lambda d: d["interface"][0].update(resistance="-1e-4 K m^2/W"), "resistance"),
    "two conductances": (lambda d: d["interface"][0].update(conductance="1e4 W/(m^2 K)"), "exactly one"),
    "bad unit": (lambda d: d["body"][0].update(thickness="4 kg"), "thickness"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_inputs_are_input_errors_naming_the_problem(name: str) -> None:
    change, words = BAD[name]
    with pytest.raises(InputError) as exc:
        build_case(_mutate(change), source="bad.toml").outputs()
    assert words in str(exc.value)
    assert "bad.toml" in str(exc.value)


@pytest.mark.parametrize(("old", "new", "words"), [
    ('bodies = ["die", "base"]', 'bodies = ["die", "sink"]', "sink"),
    ('thickness = "0.5 mm"', 'thickness = "0 mm"', "thickness"),
    ('cell_size = "2.5 mm"', 'cell_size = "0.5 um"', "mesh too big"),
])
def test_cli_bad_case_exit_2(old: str, new: str, words: str, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(CASE.replace(old, new))
    vtu = tmp_path / "never.vtu"
    with pytest.raises(SystemExit) as exc:
        main(["run", str(path), "--vtk", str(vtu)])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and words in err and "Traceback" not in err
    assert not vtu.exists()


def test_cli_rejects_unknown_field_format_before_solving(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.toml"
    path.write_text(CASE)
    with pytest.raises(SystemExit) as exc:
        main(["run", str(path), "--vtk", str(tmp_path / "t.csv")])
    assert exc.value.code == 2
    assert ".vtu" in capsys.readouterr().err


def test_field_file_is_complete_or_absent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tcrlab.fem import output

    result = build_case(doc(), source="x").solve()
    target = tmp_path / "f.vtu"

    def broken(*args, **kwargs):
        Path(args[0]).write_text("partial")
        raise OSError("disk full")

    monkeypatch.setattr(meshio, "write", broken)
    with pytest.raises(OSError):
        output.write_field(result, target)
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_memory_refusal_names_the_estimate() -> None:
    case = build_case(doc(), source="x")
    with pytest.raises(InputError, match=r"needs about \d+\.\d+ GB"):
        solve(case.assembly, SolverOptions(max_memory=1e6))


def test_stack_cases_still_run_with_vtk_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stack = tmp_path / "s.toml"
    stack.write_text('[case]\narea = "1 cm^2"\n[boundary]\npower = "1 W"\nsink_temperature = "300 K"\n'
                     '[[layer]]\nconductivity = "100 W/(m K)"\nthickness = "1 mm"\n')
    with pytest.raises(SystemExit) as exc:
        main(["run", str(stack), "--vtk", str(tmp_path / "x.vtu")])
    assert exc.value.code == 2
    assert "FE case" in capsys.readouterr().err


AXI = """
[case]
geometry = "axisymmetric"
[[body]]
name = "flange"
material = "SS304"
radius = "2 cm"
thickness = "5 mm"
[[body]]
name = "cap"
material = "SS304"
radius = "2 cm"
thickness = "3 mm"
[[interface]]
bodies = ["cap", "flange"]
pressure = { background = "0.5 MPa", bolts = ["0 cm"], bolt_force = "2 kN", spread = "4 mm" }
table = { pressure = ["0.1 MPa", "10 MPa", "100 MPa"], conductance = ["300 W/(m^2 K)", "3e4 W/(m^2 K)", "2e5 W/(m^2 K)"] }
[[boundary]]
face = "cap.top"
heat_flux = "1 W/cm^2"
[[boundary]]
face = "flange.bottom"
temperature = "300 K"
[mesh]
cell_size = "1 mm"
layer_cells = 4
"""


def test_pressure_table_with_an_axial_bolt_and_set_override(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """h(P) table with a central bolt in r–z: h_j largest on the axis and the tabulated value there."""
    case = build_case(tomllib.loads(AXI), source="axi.toml")
    r = case.solve()
    itf = r.interfaces[0]
    p_axis = 0.5e6 + 2000 / (2 * np.pi * 0.004**2)
    first = np.argmin(itf.centres[:, 0])
    assert itf.h.max() == itf.h[first]
    assert itf.h[first] == pytest.approx(np.interp(p_axis, [1e5, 1e7, 1e8], [300, 3e4, 2e5]), rel=0.02)
    assert abs(r.energy_balance_error) < 1e-9
    path = tmp_path / "axi.toml"
    path.write_text(AXI)
    with pytest.raises(SystemExit) as exc:
        main(["run", str(path), "--json", "--set", "body[cap].thickness=6 mm"])
    assert exc.value.code == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert data["outputs"]["T_max"] > r.temperature.max()  # a thicker cap runs hotter
    with pytest.raises(InputError, match="axis"):
        build_case(tomllib.loads(AXI.replace('bolts = ["0 cm"]', 'bolts = ["1 cm"]')), source="axi.toml")
