"""FFT convolution plumbing of the contact solver: planner wisdom kept between processes, kernel cache."""

from __future__ import annotations

import numpy as np
import pytest

from tcrlab.contact import _fft, solver

pytestmark = pytest.mark.skipif("fftw" not in _fft.available_backends(), reason="pyFFTW not installed")


def test_fftw_wisdom_saved_and_reloaded(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TCRLAB_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(_fft, "_WISDOM_LOADED", False)
    shape = (512, 514)  # a shape no other test plans
    _fft._PLANS.pop((shape, np.dtype(np.float64).str), None)
    _fft._fftw_plan(shape, np.dtype(np.float64))
    path = _fft.wisdom_path()
    assert path.parent == tmp_path and path.stat().st_size > 0
    # a damaged file is ignored: planning still works and rewrites it
    path.write_bytes(b"not wisdom")
    monkeypatch.setattr(_fft, "_WISDOM_LOADED", False)
    shape2 = (514, 512)
    _fft._PLANS.pop((shape2, np.dtype(np.float64).str), None)
    fwd, bwd, real, _ = _fft._fftw_plan(shape2, np.dtype(np.float64))
    real[...] = 1.0
    fwd.execute()
    bwd.execute()
    assert np.allclose(real, shape2[0] * shape2[1])  # unnormalised round trip
    assert path.read_bytes() != b"not wisdom"


def test_kernel_cache_is_bounded_and_keeps_the_latest(monkeypatch) -> None:
    monkeypatch.setattr(solver, "_CONVOLVERS", type(solver._CONVOLVERS)())
    one = solver._convolver((64, 64), (1.0, 1.0), True, np.float64, None).kernel.nbytes
    monkeypatch.setattr(solver, "CACHE_BYTES", 3 * one)
    for n in (64, 66, 68, 70, 72):
        solver._convolver((n, n), (1.0, 1.0), True, np.float64, None)
    assert sum(c.kernel.nbytes for c in solver._CONVOLVERS.values()) <= solver.CACHE_BYTES
    assert next(reversed(solver._CONVOLVERS))[0] == (72, 72)
    assert ((64, 64), (1.0, 1.0), True, "<f8", None) not in solver._CONVOLVERS
