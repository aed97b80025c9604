"""FFT convolution plumbing of the contact solver: planner wisdom kept between processes, kernel cache."""

from __future__ import annotations

import numpy as np
import pytest

from tcrlab.contact import _fft, solver

pytestmark = pytest.mark.skipif("fftw" not in _fft.available_backends(), reason="pyFFTW not installed")
needs_mkl = pytest.mark.skipif("mkl" not in _fft.available_backends(), reason="mkl_fft not installed")


def test_fftw_wisdom_saved_and_reloaded(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TCRLAB_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(_fft, "_WISDOM_LOADED", False)
    shape = (512, 514)  # a shape no other test plans
    _fft._PLANS.pop((shape, np.dtype(np.float64).str, "fftw"), None)
    _fft._plan(shape, np.dtype(np.float64), "fftw")
    path = _fft.wisdom_path()
    assert path.parent == tmp_path and path.stat().st_size > 0
    # a damaged file is ignored: planning still works and rewrites it
    path.write_bytes(b"not wisdom")
    monkeypatch.setattr(_fft, "_WISDOM_LOADED", False)
    shape2 = (514, 512)
    _fft._PLANS.pop((shape2, np.dtype(np.float64).str, "fftw"), None)
    plan = _fft._plan(shape2, np.dtype(np.float64), "fftw")
    plan.real[...] = 1.0
    plan.forward()
    plan.backward()
    assert np.allclose(plan.real, shape2[0] * shape2[1])  # unnormalised round trip
    assert path.read_bytes() != b"not wisdom"


def test_kernel_cache_is_bounded_and_keeps_the_latest() -> None:
    from tcrlab.contact._cache import ConvolverCache, convolver

    one = convolver((64, 64), (1.0, 1.0), True, np.float64, None, ConvolverCache()).kernel.nbytes
    cache = ConvolverCache(max_bytes=3 * one)
    for n in (64, 66, 68, 70, 72):
        convolver((n, n), (1.0, 1.0), True, np.float64, None, cache)
    assert cache.nbytes <= cache.max_bytes and len(cache) < 5
    assert next(reversed(cache))[0] == (72, 72)
    assert ((64, 64), (1.0, 1.0), True, "<f8", None) not in cache


@pytest.mark.parametrize("backend", ["fftw", "scipy", pytest.param("mkl", marks=needs_mkl)])
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


@needs_mkl
def test_default_backend_is_mkl_on_large_grids_only() -> None:
    """MKL is no faster than FFTW in a solve at 256² and below (measured; _fft docstring)."""
    assert _fft.default_backend((256, 256)) == "fftw"
    assert _fft.default_backend((512, 512)) == "mkl"
    assert _fft.default_backend((1024, 2048)) == "mkl"
    assert solver._convolver((512, 512), (1.0, 1.0), True, np.float32, None).backend == "mkl"


@needs_mkl
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("periodic", [True, False])
def test_mkl_convolution_equals_fftw(dtype: type, periodic: bool) -> None:
    """The same K x and Parseval sum Σ x·(K x) from both planned backends (unnormalised transforms,
    kernel pre-divided by the point count), on a grid whose sides differ and one side is odd."""
    shape, size = (96, 75), (1.2, 0.9)
    x = np.random.default_rng(7).standard_normal(shape).astype(dtype)
    got = {}
    for backend in ("mkl", "fftw"):
        conv = solver._convolver(shape, size, periodic, dtype, backend)
        y, dot = conv.apply(x, out=np.empty(shape, dtype))
        got[backend] = (y, dot)
    rtol = 1e-11 if dtype == np.float64 else 2e-5
    scale = np.abs(got["fftw"][0]).max()
    assert np.allclose(got["mkl"][0], got["fftw"][0], rtol=0, atol=rtol * scale)
    assert got["mkl"][1] == pytest.approx(got["fftw"][1], rel=rtol)
    x64 = x.astype(np.float64)
    assert got["mkl"][1] == pytest.approx(float(np.sum(x64 * got["mkl"][0])), rel=10 * rtol)


@pytest.mark.parametrize("backend", ["fftw", "scipy", pytest.param("mkl", marks=needs_mkl)])
def test_apply_reads_and_writes_callers_arrays_without_changing_them(backend: str) -> None:
    """MKL transforms the caller's array and writes ``out`` directly, FFTW copies through its plan's
    buffers: every input layout (the plan's own buffer, a contiguous array, a strided view, another
    precision) and every ``out`` (contiguous, strided) gives the reference K x, and the input is
    left as it was (the contact solver reads its direction t again after K t)."""
    shape, size = (64, 48), (1.0, 0.75)
    rng = np.random.default_rng(3)
    x = rng.standard_normal(shape)
    conv = solver._convolver(shape, size, True, np.float64, backend)
    k = conv.kernel * conv.n_points
    ref = np.fft.irfft2(np.fft.rfft2(x) * k, s=shape)
    t = np.zeros(shape)
    assert (conv.input_for(t) is t) == (backend != "fftw")
    assert solver._convolver(shape, size, False, np.float64, backend).input_for(t) is t  # padded
    wide = np.zeros((shape[0], 2 * shape[1]))
    wide[:, ::2] = x
    own = conv.input_buffer()
    own[...] = x
    inputs = {"own buffer": own, "contiguous": x.copy(), "strided": wide[:, ::2],
              "float32": x.astype(np.float32)}
    for name, arr in inputs.items():
        before = np.array(arr, copy=True)
        for out in (np.empty(shape), np.zeros((shape[0], 2 * shape[1]))[:, 1::2], None):
            y, _ = conv.apply(arr, out=out)
            tol = 1e-5 if name == "float32" else 1e-12
            assert np.allclose(y, ref, rtol=0, atol=tol * np.abs(ref).max()), (name, backend)
            if out is not None:
                assert y is out
            if name == "own buffer":  # the plan's own buffer is the transforms' workspace: refill
                own[...] = x
            else:
                assert np.array_equal(arr, before), (name, backend)


@needs_mkl
def test_contact_solve_same_with_mkl_and_fftw() -> None:
    """A rough contact solved with either backend: the same contact set, load and mean gap."""
    from tcrlab.surfaces import self_affine

    topo = self_affine(256, 0.8, rms_slope=1.0, seed=5, physical_size=(1.0, 1.0))
    res = {b: solver.solve(topo, 1.0, pressure=0.03, tol=1e-10, backend=b) for b in ("mkl", "fftw")}
    assert np.array_equal(res["mkl"].pressure > 0, res["fftw"].pressure > 0)
    assert res["mkl"].mean_gap == pytest.approx(res["fftw"].mean_gap, rel=1e-8)
    assert np.allclose(res["mkl"].pressure, res["fftw"].pressure, atol=1e-8 * res["fftw"].pressure.max())
    assert res["mkl"].pressure.mean() == pytest.approx(0.03, rel=1e-9)


def test_without_mkl_the_default_is_fftw(monkeypatch) -> None:
    monkeypatch.setattr(_fft, "_HAVE_MKL", False)
    assert "mkl" not in _fft.available_backends()
    assert _fft.default_backend((2048, 2048)) == "fftw"
    with pytest.raises(ValueError, match="mkl"):
        _fft.Convolver(np.ones((64, 33)), (64, 64), (64, 64), backend="mkl")


def _area_in_child(args: tuple) -> float:
    topo, backend = args
    return solver.solve(topo, 1.0, pressure=0.03, tol=1e-8, backend=backend).area_fraction


@pytest.mark.parametrize("backend", ["fftw", pytest.param("mkl", marks=needs_mkl)])
def test_solve_in_a_fork_started_worker_after_one_in_the_parent(backend: str) -> None:
    """multiprocessing's default start on Linux is fork: the child inherits the parent's thread pool
    and FFTW's worker threads as records only. Before the at-fork hooks a solve there waited forever."""
    import multiprocessing as mp

    from tcrlab.surfaces import self_affine

    topo = self_affine(512, 0.8, rms_slope=1.0, seed=2, physical_size=(1.0, 1.0))
    parent = _area_in_child((topo, backend))  # threads, plans and buffers now exist in this process
    pool = mp.get_context("fork").Pool(1)
    try:
        child = pool.apply_async(_area_in_child, ((topo, backend),)).get(timeout=120)
    except mp.TimeoutError:
        pytest.fail(f"a {backend} solve in a forked worker did not finish in 120 s (hung)")
    finally:
        pool.terminate()
        pool.join()
    assert child == pytest.approx(parent, rel=1e-6)
