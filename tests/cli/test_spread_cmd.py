"""`tcrlab spread`: tables with units, JSON equal to the library, plots, errors that name the option."""

import json

import pytest

from tcrlab.cli.main import main
from tcrlab.spreading import RectSource, disk_spreading, multiple_sources, rectangle_spreading

H = "1500 W/(m^2 K)"


def _run(args, capsys, code=0):
    with pytest.raises(SystemExit) as info:
        main(args)
    out = capsys.readouterr()
    assert info.value.code == code, out.err
    return out


def test_disk_table_and_json(capsys):
    out = _run(["spread", "disk", "--source", "2cm", "--plate", "6cm", "--layer", "6mm:237 W/(m K)", "--h", H,
                "--power", "120W"], capsys).out
    assert "K/W" in out and "Song–Lee–Au" in out and "ΔT spreading" in out
    data = json.loads(_run(["spread", "disk", "--source", "2cm", "--plate", "6cm", "--layer", "6mm:237 W/(m K)",
                            "--h", H, "--json"], capsys).out)
    ref = disk_spreading(0.01, 0.03, [(0.006, 237.0)], 1500.0)
    assert data["R_spreading_K_per_W"] == pytest.approx(ref.spreading, rel=1e-12)
    assert data["R_total_K_per_W"] == pytest.approx(ref.total, rel=1e-12)


def test_rectangle_json_eccentric_and_layers(capsys):
    data = json.loads(_run(["spread", "rectangle", "--source", "10mmx20mm", "--plate", "40mmx60mm", "--position",
                            "10mm,15mm", "--layer", "1mm:Cu", "--layer", "4mm:20 W/(m K)", "--json"], capsys).out)
    from tcrlab.materials.registry import default_registry

    k_cu = default_registry().get_material("Cu").thermal_conductivity()
    ref = rectangle_spreading(0.01, 0.02, 0.04, 0.06, [(0.001, k_cu), (0.004, 20.0)], xc=0.01, yc=0.015)
    assert data["R_spreading_K_per_W"] == pytest.approx(ref.spreading, rel=1e-12)
    assert data["converged"] is True


def test_sources_table_json_and_map(tmp_path, capsys):
    png = tmp_path / "map.png"
    args = ["spread", "sources", "--plate", "60mmx40mm", "--source", "15mm,20mm,10mm,10mm,30W,A",
            "--source", "45mm,20mm,10mm,10mm,20W,B", "--layer", "3mm:200 W/(m K)", "--h", "8000 W/(m^2 K)",
            "--sink-temperature", "65degC"]
    out = _run([*args, "--plot", str(png)], capsys).out
    assert "T max [°C]" in out and "size [mm]" in out
    assert png.read_bytes()[:4] == b"\x89PNG"
    data = json.loads(_run([*args, "--json"], capsys).out)
    ref = multiple_sources([RectSource(0.015, 0.02, 0.01, 0.01, 30.0), RectSource(0.045, 0.02, 0.01, 0.01, 20.0)],
                           0.06, 0.04, [(0.003, 200.0)], 8000.0)
    assert [s["mean_rise_K"] for s in data["sources"]] == pytest.approx(list(ref.mean_rise), rel=1e-12)


def test_plot_of_the_ratio_sweep(tmp_path, capsys):
    png = tmp_path / "r.png"
    _run(["spread", "rectangle", "--source", "2cmx2cm", "--plate", "6cmx6cm", "--layer", "6mm:Al", "--plot", str(png)],
         capsys)
    assert png.stat().st_size > 1000


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["disk", "--source", "8cm", "--plate", "6cm", "--layer", "6mm:Al"], ["--source", "larger than the plate"]),
        (["rectangle", "--source", "7cmx2cm", "--plate", "6cmx6cm", "--layer", "6mm:Al"], ["--source", "larger"]),
        (["rectangle", "--source", "2cmx2cm", "--plate", "6cmx6cm", "--layer", "0mm:Al"], ["--layer 1 thickness"]),
        (["rectangle", "--source", "2cmx2cm", "--plate", "6cmx6cm", "--layer", "6mm:Al", "--position", "5.5cm,3cm"],
         ["--position", "beyond the plate edge"]),
        (["rectangle", "--source", "2cmx2cm", "--plate", "6cmx6cm", "--layer", "6mm:unobtainium"], ["unobtainium"]),
        (["disk", "--source", "2cm", "--plate", "6cm"], ["--layer"]),
        (["sources", "--plate", "60mmx40mm", "--source", "15mm,20mm,10mm,10mm,30W", "--source", "20mm,20mm,10mm,10mm,30W",
          "--layer", "3mm:Al"], ["--source 2", "overlaps"]),
        (["disk", "--source", "2cm", "--plate", "6cm", "--layer", "6mm:Al", "--h", "0 W/(m^2 K)"], ["--h"]),
    ],
)
def test_bad_input_exits_2_naming_the_option(args, names, capsys):
    err = _run(["spread", *args], capsys, code=2).err
    assert err.startswith("error:") and "Traceback" not in err
    for name in names:
        assert name in err
