"""Elastoplastic hardness, separation and area ratio (tcrlab.mechanics): exact limits and Gaussian identities."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import erfc

from tcrlab.errors import InputError
from tcrlab.mechanics.area import elastic_area_ratio, elastoplastic_area_ratio
from tcrlab.mechanics.elastoplastic import elastoplastic_hardness, elastoplastic_weight
from tcrlab.mechanics.separation import (
    elastic_separation,
    elastoplastic_separation,
    plastic_separation,
)

SIGMA, M, E = 1.2e-6, 0.1, 100e9


def test_elastic_area_ratio_is_a_quarter_erfc_of_the_separation() -> None:
    """Mikic (1974): A_r/A_0 = ¼ erfc(Y/(√2σ)) = P/H_e — the area and the separation of one Gaussian cut."""
    p = np.geomspace(1e5, 1e8, 7)
    y = elastic_separation(SIGMA, M, p, E)
    np.testing.assert_allclose(elastic_area_ratio(M, p, E), 0.25 * erfc(y / (np.sqrt(2.0) * SIGMA)), rtol=1e-10)


def test_elastoplastic_separation_reaches_its_limits() -> None:
    p = 1e6
    # ε* = 1.67 m E'/S_f → 0: w → 0, the elastic relation
    assert elastoplastic_separation(SIGMA, M, p, E, 1e13) == pytest.approx(elastic_separation(SIGMA, M, p, E),
                                                                           rel=1e-6)
    # ε* → ∞ (S_f small against m E'): w → 1, the plastic relation at P/H_ep with H_ep → 2.76 S_f
    sf = 1e7
    with pytest.warns(Warning):  # ε* > 400 is outside the H_ep fit
        y = elastoplastic_separation(SIGMA, M, p, E, sf)
        ratio = elastoplastic_area_ratio(M, p, E, sf)
    assert ratio == pytest.approx(p / (2.76 * sf), rel=1e-4)
    assert y == pytest.approx(plastic_separation(SIGMA, ratio), rel=1e-4)


@settings(max_examples=40, deadline=None)
@given(log_sf=st.floats(8.0, 11.0), log_p=st.floats(4.0, 6.0), f=st.floats(1.1, 3.0))
def test_separation_falls_and_area_rises_with_load(log_sf: float, log_p: float, f: float) -> None:
    sf, p = 10.0**log_sf, 10.0**log_p
    assert elastoplastic_separation(SIGMA, M, f * p, E, sf) < elastoplastic_separation(SIGMA, M, p, E, sf)
    assert elastoplastic_area_ratio(M, f * p, E, sf) > elastoplastic_area_ratio(M, p, E, sf)
    assert 0.0 <= elastoplastic_weight(M, E, sf) < 1.0
    assert elastoplastic_hardness(M, E, sf) < 2.76 * sf


def test_full_contact_is_an_input_error() -> None:
    with pytest.raises(InputError, match="full contact"):
        elastoplastic_separation(SIGMA, M, 1e10, E, 1e13)
