"""Hostile inputs to the joint models: each ends in an InputError naming the field (regressions)."""

import math

import numpy as np
import pytest

from tcrlab import Joint
from tcrlab.conductance.constriction import cmy_conductance, mikic_elastic_conductance
from tcrlab.conductance.gap import gap_conductance
from tcrlab.conductance.radiation import radiation_conductance
from tcrlab.errors import InputError
from tcrlab.mechanics.microhardness import relative_pressure
from tcrlab.properties.gases import gas_properties


@pytest.mark.parametrize("c2", [math.nan, math.inf, [-0.2, math.nan], "x"])
def test_relative_pressure_rejects_non_finite_c2(c2):
    # regression: c2 = NaN returned P/H_c = NaN silently; a string gave a bare ValueError
    with pytest.raises(InputError, match="c2"):
        relative_pressure(1e6, 1e-6, 0.1, 6.27e9, c2)


def test_gas_properties_array_state_is_an_input_error():
    # regression: arrays raised "TypeError: only 0-dimensional arrays can be converted"
    with pytest.raises(InputError, match="one state"):
        gas_properties("air", [300.0, 400.0], 1e5)
    with pytest.raises(InputError, match="one state"):
        gas_properties("air", 300.0, np.array([1e5, 2e5]))


@pytest.mark.parametrize("call", [
    lambda: cmy_conductance([10.0, 20.0], 1e-6, 0.1, [1e-3, 2e-3, 3e-3]),
    lambda: mikic_elastic_conductance(10.0, 1e-6, [0.1, 0.2], [1e6, 2e6, 3e6], 1e11),
    lambda: gap_conductance(0.026, [1e-6, 2e-6], [1e-6, 2e-6, 3e-6], 1e-7),
    lambda: radiation_conductance([0.5, 0.6], 0.5, [300.0, 400.0, 500.0]),
    lambda: relative_pressure([1e6, 2e6], 1e-6, 0.1, 6.27e9, [-0.2, -0.2, -0.2]),
    lambda: Joint("SS304", sigma=[1e-6, 2e-6], slope=0.1, pressure=[1e6, 2e6, 3e6]).evaluate(),
], ids=["cmy", "mikic", "gap", "radiation", "relative_pressure", "Joint"])
def test_mismatched_array_lengths_name_the_fields(call):
    # regression: NumPy's "operands could not be broadcast together" ValueError escaped
    with pytest.raises(InputError, match="array shapes do not match"):
        call()


def test_joint_radiation_flag_must_be_true_false_or_none():
    # regression: radiation="yes" was silently treated as "auto"
    with pytest.raises(InputError, match="radiation"):
        Joint("SS304", sigma=1e-6, slope=0.1, pressure=1e6, radiation="yes").evaluate()


@pytest.mark.parametrize("kw", [dict(sigma=1e-6, ra=1e-6), dict(sigma=1e-6, sigma1=1e-6),
                                dict(ra=1e-6, ra2=1e-6)])
def test_joint_roughness_given_twice_is_rejected(kw):
    # regression: with sigma and ra both given, ra was silently ignored
    with pytest.raises(InputError, match="one form only"):
        Joint("SS304", slope=0.1, pressure=1e6, **kw).evaluate()


def test_joint_slope_given_twice_is_rejected():
    with pytest.raises(InputError, match="one form only"):
        Joint("SS304", sigma=1e-6, slope=0.1, slope1=0.05, pressure=1e6).evaluate()


def test_joint_hardness_given_twice_is_rejected():
    # regression: microhardness silently overrode c1, c2
    with pytest.raises(InputError, match="one form only"):
        Joint("SS304", sigma=1e-6, slope=0.1, pressure=1e6, microhardness=3e9, c1=6e9, c2=-0.2).evaluate()


def test_joint_pair_overrides_are_named():
    # regression: errors said "E1" / "nu1" for youngs_modulus / poisson_ratio given in the case
    with pytest.raises(InputError, match=r"youngs_modulus\[1\]"):
        Joint("SS304", sigma=1e-6, slope=0.1, pressure=1e6, contact_model="mikic",
              youngs_modulus=(-1e9, 2e11)).evaluate()
    with pytest.raises(InputError, match=r"poisson_ratio\[2\]"):
        Joint("SS304", sigma=1e-6, slope=0.1, pressure=1e6, contact_model="mikic",
              poisson_ratio=(0.3, 0.6)).evaluate()


def test_joint_liquid_filler_needs_positive_conductivity():
    # regression: liquid_conductivity = 0 gave h_g = 0 for a "liquid" (a vacuum in disguise)
    with pytest.raises(InputError, match="liquid_conductivity"):
        Joint("SS304", sigma=1e-6, slope=0.1, pressure=1e6, liquid_conductivity=0.0).evaluate()


def test_gap_knudsen_regime_is_flagged():
    # Λ/Y > 10: outside the temperature-jump model's validated regime -> ValidityWarning, not silence
    from tcrlab.errors import ValidityWarning

    with pytest.warns(ValidityWarning, match="Knudsen"):
        gap_conductance(0.026, 1e-6, 3e-6, 1e-3, mean_free_path=6.7e-3)  # air at ≈1 Pa
    joint = Joint("SS304", sigma=1e-6, slope=0.1, pressure=1e6, gas="air", gas_pressure=1.0)
    assert any("Knudsen" in w for w in joint.evaluate(emit_warnings=False).warnings)


def test_microhardness_and_antonetti_fit_warn_outside_their_range():
    # regressions: microhardness() called relative_pressure(warn=False) and the Antonetti separation fit
    # never warned, so out-of-range use was silent
    from tcrlab.errors import ValidityWarning
    from tcrlab.mechanics.microhardness import microhardness
    from tcrlab.mechanics.separation import plastic_separation_antonetti

    with pytest.warns(ValidityWarning, match="P/H_c"):
        microhardness(1.0, 1e-6, 0.1, 6.27e9, -0.229)  # P/H_c ≈ 2e-10
    with pytest.warns(ValidityWarning, match="Antonetti"):
        plastic_separation_antonetti(1e-6, 0.1)
