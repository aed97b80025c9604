"""Bad arguments to the Python API end in InputError naming the argument, never a NumPy error."""

import numpy as np
import pytest

from tcrlab.contact.solver import solve
from tcrlab.contact.thermal import conductance
from tcrlab.errors import InputError
from tcrlab.experiment.fitting import fit_power_law
from tcrlab.joint import Joint
from tcrlab.kapitza import amm_conductance, dmm_conductance
from tcrlab.kapitza.chain import chain_transmission
from tcrlab.surfaces.synthetic import self_affine


def _joint(**kw):
    base = dict(pressure=1e6, sigma=1.5e-6, slope=0.1)
    return Joint("SS304", "SS304", **{**base, **kw})


@pytest.mark.parametrize("call, field", [
    (lambda: _joint(gas="air", gas_pressure=[]).evaluate(), "gas_pressure"),
    (lambda: _joint(pressure=[1e6, 2e6], sigma=[1e-6, 2e-6, 3e-6]).evaluate(), "pressure/sigma"),
    (lambda: amm_conductance("Si", "Cu", []), "T"),
    (lambda: dmm_conductance("Si", "Cu", []), "T"),
    (lambda: fit_power_law([1e6, 2e6, 3e6], [1e3, 2e3]), "pressure/conductance"),
    (lambda: fit_power_law([1e6, 1e6, 1e6], [1e3, 2e3, 3e3]), "pressure"),
    (lambda: chain_transmission("abc", 1, 1, 1, 1, 1), "omega"),
])
def test_input_error_names_the_argument(call, field):
    with pytest.raises(InputError) as exc:
        call()
    assert exc.value.field == field


@pytest.fixture(scope="module")
def small_contact():
    topo = self_affine(32, 0.8, rms_slope=0.1, physical_size=1e-4, seed=1)
    return topo, solve(topo, 1e11, pressure=1e6)


def test_solve_with_an_array_of_pressures(small_contact):
    topo, _ = small_contact
    with pytest.raises(InputError) as exc:
        solve(topo, 1e11, pressure=np.array([1e6, 2e6]))
    assert exc.value.field == "pressure" and "scalar" in str(exc.value)


def test_radiation_needs_a_temperature(small_contact):
    _, result = small_contact
    with pytest.raises(InputError) as exc:
        conductance(result, 16.0, emissivity=(0.5, 0.5))
    assert exc.value.field == "temperature"
    assert conductance(result, 16.0, emissivity=(0.5, 0.5), temperature=300.0).h_r > 0
