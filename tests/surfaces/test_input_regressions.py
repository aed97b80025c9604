"""Hostile inputs to the surface generator and reader (regressions)."""

import numpy as np
import pytest

from tcrlab.errors import CaseFileError, InputError
from tcrlab.surfaces.io import read_topography
from tcrlab.surfaces.synthetic import self_affine


@pytest.mark.parametrize("seed", [-1, 1.5, "a", True])
def test_self_affine_bad_seed(seed):
    # regression: NumPy's "expected non-negative integer" / SeedSequence TypeError escaped
    with pytest.raises(InputError, match="seed"):
        self_affine(16, 0.8, rms_slope=0.1, physical_size=1e-4, seed=seed)


@pytest.mark.parametrize("n", [64.5, "64", True, (64, 2.5)])
def test_self_affine_non_integer_grid(n):
    # regression: n = 64.5 was silently truncated to 64
    with pytest.raises(InputError, match="n = "):
        self_affine(n, 0.8, rms_slope=0.1, physical_size=1e-4)


def test_self_affine_grid_too_large_for_memory():
    # regression: n = 10**7 ended in a MemoryError (728 TiB)
    with pytest.raises(InputError, match="grid points"):
        self_affine(10**7, 0.8, rms_slope=0.1, physical_size=1e-4)


def test_seed_zero_and_integral_float_still_accepted():
    a = self_affine(16, 0.8, rms_slope=0.1, physical_size=1e-4, seed=3)
    b = self_affine(16.0, 0.8, rms_slope=0.1, physical_size=1e-4, seed=np.int64(3))
    assert np.array_equal(a.heights, b.heights)


@pytest.mark.parametrize("name, data", [
    ("junk.bin", bytes(range(256)) * 7 + bytes(8)),  # 1800 bytes = 2·30²: the SRTM size signature
    ("complex.npy", None),
])
def test_binary_garbage_is_not_read_as_a_height_map(tmp_path, name, data):
    # regression: any file of 2·n² bytes was read as an SRTM .hgt elevation map (e.g. a complex .npy)
    path = tmp_path / name
    if data is None:
        np.save(path, np.ones((8, 8)) * 1j)
    else:
        path.write_bytes(data)
    with pytest.raises(CaseFileError, match="unknown or unsupported"):
        read_topography(path, physical_size=1e-6, unit="um")


@pytest.mark.parametrize("nb_bins", [-3, 1.5, 0, True])
def test_power_spectrum_bad_bin_count(nb_bins):
    # regression: -3 ended in NumPy's "Number of samples, -2, must be non-negative"; 1.5 was truncated
    from tcrlab.surfaces.statistics import power_spectrum

    t = self_affine(32, 0.8, rms_slope=0.1, physical_size=1e-4, seed=1)
    with pytest.raises(InputError, match="nb_bins"):
        power_spectrum(t, spacing="log", nb_bins=nb_bins)


@pytest.mark.parametrize("kw", [dict(q_range=(1.0, 2.0, 3.0)), dict(nb_bins=0)])
def test_fit_hurst_bad_arguments(kw):
    # regressions: a 3-tuple raised "too many values to unpack"; nb_bins=0 was silently replaced
    from tcrlab.surfaces.statistics import fit_hurst

    t = self_affine(64, 0.8, rms_slope=0.1, physical_size=1e-4, seed=1)
    with pytest.raises(InputError):
        fit_hurst(t, **kw)


@pytest.mark.parametrize("heights", [np.ones((8, 8)) * 1j, [["a"] * 8] * 8])
def test_topography_rejects_complex_and_text_heights(heights):
    # regressions: complex heights silently lost their imaginary part; text raised a bare ValueError
    from tcrlab.surfaces.topography import Topography

    with pytest.raises(InputError, match="heights"):
        Topography(heights, (1e-6, 1e-6))
