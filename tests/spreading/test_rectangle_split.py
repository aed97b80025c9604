"""The rectangle's split (Ewald-type) evaluation against direct summation of the same double series."""

import numpy as np
import pytest

from tcrlab.spreading import _rect_split as split
from tcrlab.spreading.layers import check_layers
from tcrlab.spreading.rectangle import _rectangle_spreading, rectangle_spreading


def _grid():
    """A grid over source/plate ratios, aspect, position, 1–3 layers and both sink kinds."""
    rows = []
    for ea in (0.1, 0.5, 0.9):
        for eb in (0.2, 0.7):
            for d in (0.6, 1.7):
                for where in ("centre", "wall"):
                    a, b = ea, eb * d
                    x = 0.5 if where == "centre" else a / 2 + 0.05 * (1 - ea)
                    rows.append((a, b, 1.0, d, x, 0.4 * d if where == "wall" else d / 2))
    return np.array(rows).T


@pytest.mark.parametrize(("layers", "h"), [
    ([(0.3, 200.0)], np.inf),
    ([(0.1, 50.0)], 2000.0),
    ([(0.2, 380.0), (0.5, 20.0)], 300.0),
    ([(0.08, 150.0), (0.02, 1.0), (0.6, 200.0)], np.inf),
])
def test_split_equals_direct_summation(layers, h):
    a, b, c, d, x, y = _grid()
    new = _rectangle_spreading(a, b, c, d, layers, h, x, y, 1e-4, 4096, split=True)
    old = _rectangle_spreading(a, b, c, d, layers, h, x, y, 1e-5, 4096, split=False)
    assert np.all(new.converged) and np.all(old.converged)
    diff = np.abs(new.spreading - old.spreading)
    assert np.all(diff <= 1e-4 * old.spreading)
    assert np.all(diff <= new.truncation_error + old.truncation_error)


def test_reported_error_bounds_the_change_to_a_much_tighter_evaluation():
    a, b, c, d, x, y = _grid()
    loose = rectangle_spreading(a, b, c, d, [(0.15, 100.0), (0.4, 300.0)], 800.0, xc=x, yc=y, rtol=1e-3)
    tight = rectangle_spreading(a, b, c, d, [(0.15, 100.0), (0.4, 300.0)], 800.0, xc=x, yc=y, rtol=1e-7)
    assert np.all(loose.converged) and np.all(tight.converged)
    assert np.all(loose.truncation_error <= 1e-3 * loose.spreading)
    assert np.all(np.abs(tight.spreading - loose.spreading) <= loose.truncation_error + tight.truncation_error)


def test_image_form_of_the_strip_factor_equals_its_fourier_series():
    # F(s) = Σ_m ε_m u_m² exp(−λ_m² s²) summed directly (it converges fast for these s)
    size, centre, plate = 0.3, 0.2, 1.0
    s = np.array([[0.01, 0.05, 0.2, 0.6]])
    m = np.arange(4000)
    lam = m * np.pi / plate
    u2 = (np.cos(lam * centre) * np.sinc(lam * size / (2 * np.pi))) ** 2 * np.where(m > 0, 2.0, 1.0)
    series = np.sum(u2[:, None] * np.exp(-np.outer(lam**2, s[0] ** 2)), axis=0)
    images = split.strip_factor(np.array([[size]]), np.array([[centre]]), np.array([[plate]]), s)[0]
    np.testing.assert_allclose(images, series, rtol=1e-10)


def test_compiled_split_equals_numpy_split():
    rng = np.random.default_rng(3)
    n = 40
    a, b, c, d = rng.uniform(0.1, 0.9, n), rng.uniform(0.1, 0.9, n), np.ones(n), rng.uniform(0.5, 2, n)
    b = b * d
    x, y = a / 2 + rng.uniform(0, 1, n) * (1 - a), b / 2 + rng.uniform(0, 1, n) * (d - b)
    lay = check_layers([(rng.uniform(0.1, 1, n), 200.0), (0.3, rng.uniform(10, 400, n))],
                       np.where(np.arange(n) % 2, np.inf, 500.0)).flat(slice(None), (n,))
    big_m, big_n = split.mode_counts(np.maximum(8 / lay.thickness[0], 40.0), c, d, ladder=True)
    args = (a, b, c, d, x, y, lay, big_m, big_n)
    v1, e1 = split.split_sums(*args, compiled=False)
    v2, e2 = split.split_sums(*args, compiled=True)
    np.testing.assert_allclose(v2, v1, rtol=1e-12)
    np.testing.assert_allclose(e2, e1, rtol=1e-6, atol=1e-10 * float(np.max(v1)))
