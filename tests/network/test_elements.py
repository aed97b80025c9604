"""Heat-path elements: the Kirchhoff transform, TIM layers and the checks of element inputs."""

import numpy as np
import pytest

from tcrlab.errors import InputError
from tcrlab.network import (
    ConductionLayer,
    ContactResistance,
    Convection,
    FixedResistance,
    KirchhoffTransform,
    TIMLayer,
)


def test_kirchhoff_transform_inverse_roundtrip():
    kt = KirchhoffTransform(((100.0, 884.0), (200.0, 264.0), (300.0, 148.0), (600.0, 61.9)))
    t = np.linspace(50.0, 900.0, 200)
    np.testing.assert_allclose(kt.inverse(kt.theta(t)), t, rtol=1e-12)
    # mean k over one linear segment is the arithmetic mean of the end values
    assert kt.mean_conductivity(300.0, 200.0) == pytest.approx((148 + 264) / 2)


def test_tim_layer_resistance():
    tim = TIMLayer("grease", thickness=25e-6, conductivity=0.7, boundary_resistance=2e-6)
    assert tim.area_resistance() == pytest.approx(25e-6 / 0.7 + 2e-6)
    assert TIMLayer("pad", resistance_area=1e-5).resistance(1e-4, 300, 300) == pytest.approx(0.1)


@pytest.mark.parametrize(
    "make, field",
    [
        (lambda: ConductionLayer("die", -1e-3, 148.0), "die.thickness"),
        (lambda: ConductionLayer("die", 1e-3, -148.0), "die.conductivity"),
        (lambda: ContactResistance("gap", -1e-4), "gap.resistance"),
        (lambda: Convection("air", 0.0), "air.h"),
        (lambda: Convection("air", 10.0, area=0.0), "air.area"),
        (lambda: FixedResistance("r"), "r.resistance"),
    ],
)
def test_bad_elements_name_element_and_field(make, field):
    with pytest.raises(InputError) as info:
        make()
    assert info.value.field == field
