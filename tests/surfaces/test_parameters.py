"""Combined roughness and slope, Ra → Rq and the σ–m correlations (tcrlab.surfaces.parameters)."""

from __future__ import annotations

import pytest

from tcrlab.errors import InputError, ValidityWarning
from tcrlab.surfaces import parameters as sp


def test_combined_surface_parameters() -> None:
    assert sp.combined_roughness(3e-6, 4e-6) == pytest.approx(5e-6)
    assert sp.combined_slope(0.06, 0.08) == pytest.approx(0.1)
    assert sp.rq_from_ra(1.0) == pytest.approx(1.2533, rel=1e-4)  # Gaussian: Rq/Ra = √(π/2)
    with pytest.raises(InputError, match="sigma1"):
        sp.combined_roughness(-1e-6, 1e-6)


def test_slope_correlations_warn_and_follow_published_forms() -> None:
    with pytest.warns(ValidityWarning, match="antonetti"):
        m = sp.slope_from_roughness(1e-6)
    assert m == pytest.approx(0.125)  # Antonetti et al. (1991): m = 0.125 σ^0.402 (σ in µm)
    with pytest.warns(ValidityWarning):
        assert sp.slope_from_roughness(4e-6, "tanner-fahoum") == pytest.approx(0.152 * 4**0.4)
    with pytest.warns(ValidityWarning):
        assert sp.slope_from_roughness(4e-6, "lambert-fletcher") == pytest.approx(0.076 * 4**0.52)
    with pytest.raises(InputError, match="slope_correlation"):
        sp.slope_from_roughness(1e-6, "guess")
