"""Readers of measured maps: the sample files in tests/data/surfaces hold one analytic map
(see make_samples.py): h = A cos(2π·2x/Lx) + B sin(2π·y/Ly), 32 × 24 points over 40 µm × 30 µm,
A = 0.5 µm, B = 0.2 µm, so Rq = √((A² + B²)/2) exactly (full periods in both directions)."""

import shutil
from pathlib import Path

import numpy as np
import pytest

from tcrlab.errors import CaseFileError, InputError
from tcrlab.surfaces import Topography, fill_missing, read_topography, rms_height

DATA = Path(__file__).parents[1] / "data" / "surfaces"
NX, NY, LX, LY, A, B = 32, 24, 40e-6, 30e-6, 0.5e-6, 0.2e-6


def exact() -> np.ndarray:
    x = np.arange(NX) * LX / NX
    y = np.arange(NY) * LY / NY
    return A * np.cos(2 * np.pi * 2 * x / LX)[:, None] + B * np.sin(2 * np.pi * y / LY)[None, :]


@pytest.mark.parametrize("name", ["sample.x3p", "sample.gwy"])
def test_instrument_formats_carry_units_and_size(name):
    t = read_topography(DATA / name)
    assert isinstance(t, Topography)
    assert t.nb_grid_pts == (NX, NY)
    assert t.physical_size == pytest.approx((LX, LY), rel=1e-9)
    assert t.periodic is False
    np.testing.assert_allclose(t.heights, exact(), rtol=0, atol=1e-6 * A)
    assert rms_height(t) == pytest.approx(np.sqrt((A**2 + B**2) / 2), rel=1e-6)
    assert t.info["format"] in ("x3p", "gwy")


@pytest.mark.parametrize("name", ["sample.npy", "sample.txt", "sample.csv"])
def test_unitless_files_take_unit_and_size_text(name):
    t = read_topography(DATA / name, physical_size="40 um x 30 um", unit="um")
    assert t.nb_grid_pts == (NX, NY)
    assert t.physical_size == pytest.approx((LX, LY), rel=1e-12)
    np.testing.assert_allclose(t.heights, exact(), rtol=0, atol=1e-8 * A)


def test_unit_with_a_scale_and_size_as_numbers():
    t = read_topography(DATA / "sample.npy", physical_size=(LX, LY), unit="100 nm")
    # the file stores µm values; one file unit = 100 nm -> heights are 0.1 of the exact map
    np.testing.assert_allclose(t.heights, 0.1 * exact(), rtol=0, atol=1e-8 * A)


@pytest.mark.parametrize(("writer", "suffix"), [("to_x3p", "x3p"), ("to_gwy", "gwy"),
                                               ("to_netcdf", "nc"), ("to_matrix", "txt")])
def test_round_trip_through_surfacetopography_writers(tmp_path, writer, suffix):
    from SurfaceTopography import Topography as STTopography

    h = np.random.default_rng(7).normal(size=(20, 30)) * 1e-7
    path = tmp_path / f"r.{suffix}"
    getattr(STTopography(h, physical_sizes=(2e-5, 3e-5), unit="m"), writer)(str(path))
    t = read_topography(path, periodic=True)
    assert t.periodic is True
    assert t.physical_size == pytest.approx((2e-5, 3e-5), rel=1e-6)  # NetCDF stores float32 sizes
    np.testing.assert_allclose(t.heights, h, rtol=1e-6, atol=0)


def test_size_given_for_a_file_that_stores_one():
    # agreeing values are accepted, contradicting ones rejected
    read_topography(DATA / "sample.x3p", physical_size="40um x 30um")
    with pytest.raises(InputError, match="the file stores"):
        read_topography(DATA / "sample.x3p", physical_size="1 mm")
    with pytest.raises(InputError, match="unit"):
        read_topography(DATA / "sample.x3p", unit="nm")


def test_missing_unit_or_size_is_explained():
    with pytest.raises(InputError, match="does not store its height unit"):
        read_topography(DATA / "sample.npy", physical_size="40 um")
    with pytest.raises(InputError, match="does not store its lateral size"):
        read_topography(DATA / "sample.npy", unit="um")
    with pytest.raises(InputError, match="physical_size"):
        read_topography(DATA / "sample.npy", unit="um", physical_size="40 K")
    with pytest.raises(InputError, match="unit"):
        read_topography(DATA / "sample.npy", unit="seconds", physical_size="40 um")


def test_missing_data_error_or_harmonic_fill(tmp_path):
    # a plane is harmonic (∇²h = 0), so the discrete harmonic fill restores interior holes exactly;
    # a missing corner takes the mean of its two in-grid neighbours (natural boundary condition)
    x, y = np.meshgrid(np.arange(16.0), np.arange(12.0), indexing="ij")
    plane = 0.3 * x - 0.2 * y + 1.0
    holed = plane.copy()
    holed[3:6, 4:7] = np.nan
    holed[0, 0] = np.nan
    np.save(tmp_path / "holes.npy", holed)
    with pytest.raises(CaseFileError, match=r"10 of 192 heights are undefined"):
        read_topography(tmp_path / "holes.npy", physical_size="16 um x 12 um", unit="um")
    t = read_topography(tmp_path / "holes.npy", physical_size="16 um x 12 um", unit="um",
                        missing="fill")
    expected = plane.copy()
    expected[0, 0] = (plane[1, 0] + plane[0, 1]) / 2
    np.testing.assert_allclose(t.heights, expected * 1e-6, rtol=1e-10)
    assert t.info["filled_points"] == 10


def test_fill_missing_directly():
    h = np.arange(20.0).reshape(4, 5)
    mask = np.zeros_like(h, dtype=bool)
    mask[1:3, 2] = True
    np.testing.assert_allclose(fill_missing(np.where(mask, np.nan, h), mask), h)
    with pytest.raises(InputError):
        fill_missing(h, np.ones_like(mask))


def test_bad_files_give_clear_errors(tmp_path):
    with pytest.raises(CaseFileError, match="no such file"):
        read_topography(tmp_path / "absent.x3p")
    with pytest.raises(CaseFileError, match="is a directory"):
        read_topography(tmp_path)
    unknown = tmp_path / "notes.xyz123"
    unknown.write_bytes(b"\x00\x01 this is not a surface \xff" * 10)
    with pytest.raises(CaseFileError, match=r"unknown or unsupported surface file format.*Gwyddion"):
        read_topography(unknown)
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("1,2,three\n4,5,6\n")
    with pytest.raises(CaseFileError, match="not a CSV matrix"):
        read_topography(bad_csv, physical_size="1 um", unit="um")
    tiny = tmp_path / "tiny.npy"
    np.save(tiny, np.zeros((3, 10)))
    with pytest.raises(InputError, match="at least 4"):
        read_topography(tiny, physical_size="1 um", unit="um")
    line = tmp_path / "line.npy"
    np.save(line, np.zeros(10))
    with pytest.raises((CaseFileError, InputError)):
        read_topography(line, physical_size="1 um", unit="um")
    infinite = tmp_path / "inf.npy"
    data = np.zeros((8, 8))
    data[2, 2] = np.inf
    np.save(infinite, data)
    with pytest.raises(CaseFileError, match="1 of 64 heights are undefined"):
        read_topography(infinite, physical_size="1 um", unit="um")
    truncated = tmp_path / "cut.x3p"
    truncated.write_bytes((DATA / "sample.x3p").read_bytes()[:500])
    with pytest.raises(CaseFileError, match=r"cut\.x3p"):
        read_topography(truncated)


def test_copied_file_keeps_working(tmp_path):
    # the format is detected from the content, not the name
    shutil.copy(DATA / "sample.gwy", tmp_path / "scan.dat0")
    t = read_topography(tmp_path / "scan.dat0")
    assert t.nb_grid_pts == (NX, NY)
