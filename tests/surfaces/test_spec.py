"""Synthetic surface specifications ("self-affine:n=...,H=...,slope=...,size=...") and load_surface."""

from pathlib import Path

import numpy as np
import pytest

from tcrlab.errors import CaseFileError, InputError
from tcrlab.surfaces import (
    is_surface_spec,
    load_surface,
    parse_surface_spec,
    rms_height,
    rms_slope,
    self_affine,
)

DATA = Path(__file__).parents[1] / "data" / "surfaces"


def test_spec_equals_the_direct_call():
    t = parse_surface_spec("self-affine:n=128,H=0.8,slope=0.1,size=100um,seed=1")
    ref = self_affine(128, 0.8, rms_slope=0.1, physical_size=100e-6, seed=1)
    np.testing.assert_allclose(t.heights, ref.heights, rtol=1e-12, atol=1e-12 * 1e-6)  # "100um" ≈ 1e-4
    assert t.physical_size == pytest.approx((100e-6, 100e-6))
    assert t.info["source"].startswith("self-affine:")


def test_spec_with_all_keys():
    t = parse_surface_spec(
        "self-affine: n=64x32, hurst=0.7, Rq=1.5 um, size=200umx100um, short=8um, long=50um,"
        " periodic=false, random=yes, seed=3"
    )
    assert t.nb_grid_pts == (64, 32)
    assert t.physical_size == pytest.approx((200e-6, 100e-6))
    assert t.periodic is False
    assert rms_height(t) == pytest.approx(1.5e-6, rel=1e-12)
    assert t.info["short_cutoff"] == pytest.approx(8e-6)
    assert t.info["long_cutoff"] == pytest.approx(50e-6)
    assert t.info["random_amplitudes"] is True


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("self-affine:n=64,H=0.8,size=1um", "surface.slope/rms"),
        ("self-affine:n=64,H=0.8,slope=0.1,rms=1um,size=1um", "surface.slope/rms"),
        ("self-affine:n=64,slope=0.1,size=1um", "surface.hurst"),
        ("self-affine:n=64,H=0.8,slope=0.1", "surface.size"),
        ("self-affine:n=64,H=0.8,slope=0.1,size=5", "surface.size"),
        ("self-affine:n=64,H=0.8,slope=0.1,size=5 kg", "surface.size"),
        ("self-affine:n=64,H=0.8,rms=0.1,size=5um", "surface.rms"),
        ("self-affine:n=sixty,H=0.8,slope=0.1,size=5um", "surface.n"),
        ("self-affine:n=64,H=0.8,slope=0.1,size=5um,colour=red", "surface.colour"),
        ("self-affine:n=64,H=0.8,slope=0.1,size=5um,periodic=maybe", "surface.periodic"),
        ("self-affine:n=64,H=0.8,slope=0.1,size=5um,H=0.7", "surface.H"),
        ("self-affine:n=64,H=0.8,slope", "surface"),
        ("fractal:n=64", "surface"),
        ("self-affine:n=64,H=1.5,slope=0.1,size=5um", "hurst"),
    ],
)
def test_bad_specs_name_the_key(text, field):
    with pytest.raises(InputError) as info:
        load_surface(text)
    assert info.value.field == field


def test_load_surface_dispatches_files_and_specs():
    assert is_surface_spec("self-affine:n=8,H=0.5,slope=1,size=1um")
    assert not is_surface_spec(str(DATA / "sample.x3p"))
    t = load_surface(DATA / "sample.x3p")
    assert t.periodic is False
    t = load_surface(str(DATA / "sample.npy"), physical_size="40um x 30um", unit="um", periodic=True)
    assert t.periodic is True
    # periodic=False only re-flags the generated map (the solver then treats it as an isolated patch)
    s = load_surface("self-affine:n=32,H=0.5,slope=0.2,size=10um", periodic=False)
    p = load_surface("self-affine:n=32,H=0.5,slope=0.2,size=10um")
    assert s.periodic is False and p.periodic is True
    assert np.array_equal(s.heights, p.heights) and rms_slope(p) == pytest.approx(0.2)
    assert load_surface(s) is s
    with pytest.raises(InputError, match="size/unit"):
        load_surface("self-affine:n=32,H=0.5,slope=0.2,size=10um", unit="um")
    with pytest.raises(CaseFileError, match="no such file"):
        load_surface("missing-surface.x3p")
