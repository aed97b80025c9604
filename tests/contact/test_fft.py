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


@pytest.mark.parametrize("backend", ["fftw", "scipy"])
@pytest.mark.parametrize("periodic", [True, False])
def test_sparse_support_convolution_equals_the_dense_one(backend: str, periodic: bool) -> None:
    """K x for x non-zero on a support only (the contact-set vectors of the active-set polish) equals
    the dense convolution at the support; switching the support clears the previous one."""
    shape, size = (64, 48), (1.0, 0.75)
    conv = solver._convolver(shape, size, periodic, np.float64, backend)
    rng = np.random.default_rng(4)
    for fraction in (0.1, 0.3):  # two different supports in a row
        mask = rng.random(shape) < fraction
        idx = np.flatnonzero(mask)
        vals = rng.standard_normal(idx.size)
        x = np.zeros(shape)
        x.reshape(-1)[idx] = vals
        dense, dot_dense = conv.apply(x, out=np.empty(shape))
        out = np.empty(idx.size)
        dot, total = conv.apply_sparse(conv.support_index(idx), vals, out)
        assert np.allclose(out, dense.reshape(-1)[idx], rtol=1e-12, atol=1e-14 * np.abs(dense).max())
        assert dot == pytest.approx(dot_dense, rel=1e-10)
        assert dot == pytest.approx(float(vals @ out), rel=1e-10)  # Parseval: Σ x·(K x)
        assert total == pytest.approx(out.sum(), rel=1e-10, abs=1e-12)
