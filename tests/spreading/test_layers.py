"""The layered modal impedance against the single-layer spreading function of the papers."""

import math

import numpy as np
import pytest

from tcrlab.errors import InputError
from tcrlab.spreading import mode_impedance
from tcrlab.spreading.layers import check_layers


def test_single_layer_is_the_papers_phi():
    # φ = (tanh βt + β/Bi')/(1 + (β/Bi') tanh βt), Bi' = h/k (Yovanovich et al. 1998; Muzychka et al. 2003)
    beta = np.geomspace(1.0, 1e4, 50)
    t, k, h = 0.004, 150.0, 900.0
    x = beta * k / h
    phi = (np.tanh(beta * t) + x) / (1 + x * np.tanh(beta * t))
    np.testing.assert_allclose(mode_impedance(beta, check_layers([(t, k)], h)) * k * beta, phi, rtol=1e-13)
    np.testing.assert_allclose(mode_impedance(beta, check_layers([(t, k)])) * k * beta, np.tanh(beta * t), rtol=1e-13)


def test_layer_split_and_thick_limits():
    beta = np.geomspace(1.0, 1e4, 30)
    one = mode_impedance(beta, check_layers([(0.005, 80.0)], 300.0))
    two = mode_impedance(beta, check_layers([(0.002, 80.0), (0.003, 80.0)], 300.0))
    np.testing.assert_allclose(two, one, rtol=1e-12)
    thick = mode_impedance(1e6, check_layers([(0.01, 5.0), (0.01, 400.0)], 10.0))
    assert thick == pytest.approx(1.0 / (5.0 * 1e6), rel=1e-12)  # only the top layer is seen


def test_bad_layers():
    with pytest.raises(InputError) as exc:
        check_layers([(0.001, 100.0), (0.0, 50.0)])
    assert exc.value.field == "layers[2].thickness"
    with pytest.raises(InputError) as exc:
        check_layers([])
    assert exc.value.field == "layers"
    with pytest.raises(InputError) as exc:
        check_layers([(0.001, 100.0)], 0.0)
    assert exc.value.field == "h"
    assert math.isinf(float(check_layers([(0.001, 100.0)]).h))
