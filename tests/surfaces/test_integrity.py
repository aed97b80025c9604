"""Damaged topography files are refused: truncated .npy, X3P checksum mismatch, implausible heights."""

import zipfile
from pathlib import Path

import numpy as np
import pytest

from tcrlab.cli.main import main
from tcrlab.errors import CaseFileError, InputError
from tcrlab.surfaces.io import read_topography
from tcrlab.surfaces.topography import Topography

DATA = Path(__file__).parents[1] / "data" / "surfaces"


def _npy(tmp_path, name="ok.npy"):
    path = tmp_path / name
    np.save(path, np.random.default_rng(0).normal(size=(32, 32)))
    return path


def test_truncated_npy_is_refused_both_ways(tmp_path):
    good = _npy(tmp_path)
    data = good.read_bytes()
    short = tmp_path / "short.npy"
    short.write_bytes(data[: len(data) // 2])
    for missing in ("error", "fill"):
        with pytest.raises(CaseFileError, match=r"truncated.*32 × 32"):
            read_topography(short, "100 um", "um", missing=missing)
    long = tmp_path / "long.npy"
    long.write_bytes(data + b"\0" * 16)
    with pytest.raises(CaseFileError, match="longer than its header"):
        read_topography(long, "100 um", "um")
    assert read_topography(good, "100 um", "um").heights.shape == (32, 32)


def test_npy_of_objects_is_refused(tmp_path):
    path = tmp_path / "obj.npy"
    np.save(path, np.array([[1, "a"], [2, 3]], dtype=object), allow_pickle=True)
    with pytest.raises(CaseFileError, match="objects"):
        read_topography(path, "100 um", "um")


def _x3p_with(tmp_path, mutate):
    out = tmp_path / "scan.x3p"
    with zipfile.ZipFile(DATA / "sample.x3p") as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, mutate(name, src.read(name)))
    return out


def test_x3p_whose_data_no_longer_match_the_checksum_is_refused(tmp_path):
    def flip(name, data):
        return data[:-8] + np.float64(1e-3).tobytes() if name == "bindata/data.bin" else data

    with pytest.raises(CaseFileError, match="MD5 checksum"):
        read_topography(_x3p_with(tmp_path, flip))
    unchanged = _x3p_with(tmp_path, lambda name, data: data)
    assert read_topography(unchanged).heights.shape == (32, 24)


def test_implausible_heights_are_refused_in_the_api():
    with pytest.raises(InputError, match="heights"):
        Topography(np.full((4, 4), 2.0), 1e-3)


def test_one_huge_csv_height_exits_2_without_nan(tmp_path, capsys):
    path = tmp_path / "h.csv"
    path.write_text("0,1,0,1\n1,0,1e200,0\n0,1,0,1\n1,0,1,0\n")
    for argv in (["surface", str(path), "--unit", "um", "--size", "100um"],
                 ["contact", str(path), "--unit", "um", "--size", "100um", "--pressure", "1MPa",
                  "--solids", "SS304,SS304", "--no-plots"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        captured = capsys.readouterr()
        assert exc.value.code == 2
        assert "heights" in captured.err and "nan" not in captured.out.lower()


def test_truncated_npy_exits_2(tmp_path, capsys):
    path = _npy(tmp_path)
    path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(SystemExit) as exc:
        main(["surface", str(path), "--unit", "um", "--size", "100um", "--fill-missing"])
    assert exc.value.code == 2
    assert "truncated" in capsys.readouterr().err
