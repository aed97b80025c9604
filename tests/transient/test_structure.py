"""Structure functions: definitions on small ladders and the distributed 1-D slab."""

import numpy as np
import pytest

from tcrlab.errors import InputError
from tcrlab.transient import (
    LayeredPath,
    Resistance,
    Slab,
    cauer_to_foster,
    interface_marks,
    layered_structure_function,
    structure_function,
)


def test_cumulative_and_differential():
    sf = structure_function([1.0, 2.0], [0.5, 1.5])
    assert sf.R_cum.tolist() == [0.0, 1.0, 3.0]
    assert sf.C_cum.tolist() == [0.5, 2.0, 2.0]
    assert sf.K.tolist() == [0.5, 0.75]


def test_foster_input_gives_the_cauer_structure():
    R, C = np.array([0.3, 1.0, 0.7]), np.array([0.01, 0.5, 2.0])
    rf, tau = cauer_to_foster(R, C)
    sf = structure_function(rf, tau=tau)
    assert sf.C_cum[:3] == pytest.approx(np.cumsum(C), rel=1e-9)


def test_slab_slope_is_rho_c_k_area_squared():
    # a uniform slab: dC_Σ/dR_Σ = (ρcA dx)/(dx/(kA)) = ρ c k A² (Székely & Van Bien 1988)
    k, rc, area = 150.0, 1.6e6, 2e-4
    path = LayeredPath((Slab("slab", 1e-3, k, rc, area), Resistance("contact", 0.3)))
    sf = layered_structure_function(path)
    assert np.all(sf.K[:-1] == pytest.approx(rc * k * area**2, rel=1e-12))
    assert sf.K[-1] == 0.0  # the massless contact: a horizontal step (no capacitance gained)
    assert interface_marks(path) == [("contact", pytest.approx(1e-3 / (k * area)), pytest.approx(1e-3 / (k * area) + 0.3))]


def test_needs_one_of_c_or_tau():
    with pytest.raises(InputError):
        structure_function([1.0], [1.0], tau=[1.0])
