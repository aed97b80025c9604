"""Distribution specs from case files: parsing to SI, moments, bad input."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcrlab.errors import InputError
from tcrlab.uq.distributions import parse_distribution


def test_normal_with_units_is_si():
    d = parse_distribution({"dist": "normal", "mean": "2 MPa", "std": "0.3 MPa"}, "joint.pressure")
    assert d.params == {"mean": 2e6, "std": 3e5}
    assert d.dimension == "pressure" and d.unit == "Pa"


def test_temperature_spread_in_degc_is_a_difference():
    d = parse_distribution({"dist": "normal", "mean": "25 degC", "std": "0.5 degC"}, "t")
    assert d.params["mean"] == pytest.approx(298.15)
    assert d.params["std"] == pytest.approx(0.5)


def test_bare_numbers_with_unit_key_and_rel_std():
    d = parse_distribution({"dist": "normal", "mean": 1.2, "rel_std": 0.2, "unit": "um"}, "sigma")
    assert d.params["mean"] == pytest.approx(1.2e-6)
    assert d.params["std"] == pytest.approx(0.24e-6)


# analytic moments (textbook formulas: uniform (b-a)^2/12; triangular (a²+b²+c²-ab-ac-bc)/18;
# lognormal mean exp(mu+s²/2), var (e^{s²}-1)e^{2mu+s²}; truncated normal, Johnson, Kotz &
# Balakrishnan, Continuous Univariate Distributions vol. 1, ch. 13) vs 400 000 samples
@pytest.mark.parametrize(
    "spec",
    [
        {"dist": "normal", "mean": "2 MPa", "std": "0.3 MPa"},
        {"dist": "normal", "mean": "1 MPa", "std": "1 MPa", "low": "0 MPa"},
        {"dist": "uniform", "low": "1 um", "high": "3 um"},
        {"dist": "lognormal", "median": 0.1, "gsd": 1.3},
        {"dist": "lognormal", "mean": "2 GPa", "std": "0.4 GPa"},
        {"dist": "triangular", "low": "1 um", "mode": "1.5 um", "high": "4 um"},
    ],
)
def test_sample_moments_match_analytic(spec):
    d = parse_distribution(spec, "x")
    x = d.sample(np.random.default_rng(7), 400_000)
    assert x.mean() == pytest.approx(d.mean, rel=3e-3, abs=1e-12)
    assert x.var() == pytest.approx(d.variance, rel=1.5e-2)
    if "low" in d.params:
        assert x.min() >= d.params["low"]


def test_lognormal_mean_std_form_reproduces_mean_and_std():
    d = parse_distribution({"dist": "lognormal", "mean": "2 GPa", "std": "0.4 GPa"}, "h")
    assert d.mean == pytest.approx(2e9)
    assert np.sqrt(d.variance) == pytest.approx(0.4e9)


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ({"dist": "gaussian", "mean": 1, "std": 1}, "unknown distribution"),
        ({"dist": "normal", "mean": "2 MPa", "std": "-0.3 MPa"}, "negative"),
        ({"dist": "normal", "mean": "2 MPa"}, "missing std"),
        ({"dist": "uniform", "low": "3 um", "high": "1 um"}, "below high"),
        ({"dist": "triangular", "low": "1 um", "mode": "5 um", "high": "4 um"}, "within"),
        ({"dist": "normal", "mean": "2 MPa", "std": "1 mm"}, "dimension"),
        ({"dist": "normal", "mean": "2 MPa", "std": "1 MPa", "scale": 2}, "unknown parameter"),
        ({"dist": "lognormal", "median": 1.0, "gsd": 0.5}, "gsd"),
    ],
)
def test_bad_specs_are_clear_errors(spec, words):
    with pytest.raises(InputError) as info:
        parse_distribution(spec, "joint.pressure", source="case.toml")
    text = str(info.value)
    assert words in text and "joint.pressure" in text and "case.toml" in text


@given(lo=st.floats(-1e3, 1e3), width=st.floats(1e-3, 1e3), seed=st.integers(0, 2**32 - 1))
def test_uniform_and_triangular_samples_stay_in_support(lo, width, seed):
    rng = np.random.default_rng(seed)
    u = parse_distribution({"dist": "uniform", "low": lo, "high": lo + width}, "x").sample(rng, 500)
    t = parse_distribution({"dist": "triangular", "low": lo, "mode": lo + width / 3, "high": lo + width},
                           "x").sample(rng, 500)
    assert (u >= lo).all() and (u <= lo + width).all()
    assert (t >= lo).all() and (t <= lo + width).all()
