"""Model fitting: parameters recovered from synthetic data, interval coverage, bad input."""

import warnings

import numpy as np
import pytest

from tcrlab.errors import CaseFileError, InputError
from tcrlab.experiment.fitting import fit_cmy, fit_curve, fit_power_law, load_conductance_data

P = np.geomspace(0.3e6, 10e6, 10)


def test_power_law_exact_data():
    fit = fit_power_law(P, 0.02 * P**0.9)
    assert fit.params()["a"] == pytest.approx(0.02, rel=1e-8)
    assert fit.params()["n"] == pytest.approx(0.9, rel=1e-10)


def test_power_law_interval_coverage():
    rng = np.random.default_rng(4)
    hits = 0
    for _ in range(200):
        h = 0.02 * P**0.9 * np.exp(rng.normal(0, 0.05, P.size))
        fit = fit_power_law(P, h)
        hits += fit.ci_low[1] <= 0.9 <= fit.ci_high[1]
    assert hits / 200 >= 0.90


def test_linear_fit_matches_closed_form_least_squares():
    rng = np.random.default_rng(1)
    x = np.linspace(0, 1, 12)
    y = 1.0 + 2.0 * x + rng.normal(0, 0.05, x.size)
    fit = fit_curve(lambda x, p: p[0] + p[1] * x, x, y, [0.0, 1.0], ["b", "m"])
    coef, cov = np.polyfit(x, y, 1, cov=True)  # numpy's scaled covariance s²(XᵀX)⁻¹
    np.testing.assert_allclose(fit.values[::-1], coef, rtol=1e-8)
    np.testing.assert_allclose(fit.covariance[::-1, ::-1], cov, rtol=1e-5)


def correlation_cmy(k_s, sigma, m, p_over_h):
    """CMY correlation h σ/(k_s m) = 1.25 (P/H_c)^0.95 (Yovanovich 1982) — a stand-in model."""
    return 1.25 * k_s * m / sigma * np.asarray(p_over_h) ** 0.95


@pytest.mark.parametrize("free", [("m",), ("hardness",)])
def test_cmy_fit_recovers_slope_or_hardness(free):
    rng = np.random.default_rng(2)
    h = correlation_cmy(16.2, 1.5e-6, 0.1, P / 4e9) * np.exp(rng.normal(0, 0.03, P.size))
    kw = {"m": 0.1} if free == ("hardness",) else {"hardness": 4e9}
    fit = fit_cmy(P, h, k_s=16.2, sigma=1.5e-6, free=free, model=correlation_cmy, **kw)
    truth = {"m": 0.1, "hardness": 4e9}[free[0]]
    assert fit.ci_low[0] <= truth <= fit.ci_high[0]
    assert fit.values[0] == pytest.approx(truth, rel=0.06)


def test_cmy_fit_with_the_exact_model():
    pytest.importorskip("tcrlab.conductance.constriction")
    from tcrlab.conductance.constriction import cmy_conductance

    h = cmy_conductance(16.2, 1.5e-6, 0.08, P / 3e9)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = fit_cmy(P, h, k_s=16.2, sigma=1.5e-6, hardness=3e9, free=["m"])
    assert fit.values[0] == pytest.approx(0.08, rel=1e-6)


def test_bad_fit_inputs(tmp_path):
    with pytest.raises(InputError, match="pressure"):
        fit_power_law([-1, 1, 2], [1, 2, 3])
    with pytest.raises(InputError, match="free"):
        fit_cmy(P, P, k_s=1, sigma=1e-6, free=["c3"], model=correlation_cmy)
    with pytest.raises(InputError, match="hardness"):
        fit_cmy(P, P, k_s=1, sigma=1e-6, free=["m"], model=correlation_cmy)
    path = tmp_path / "h.csv"
    path.write_text("pressure [MPa],h [W/(m^2 K)]\n1,100\n2\n")
    with pytest.raises(CaseFileError, match="row 3"):
        load_conductance_data(path)
    path.write_text("pressure,h [W/(m^2 K)]\n1,100\n")
    with pytest.raises(CaseFileError, match="unit"):
        load_conductance_data(path)
    path.write_text("pressure [MPa],resistance [cm^2 K/W]\n1,2\n")
    data = load_conductance_data(path)
    assert data["h"][0] == pytest.approx(5000.0) and data["pressure"][0] == 1e6


def test_cmy_fit_recovers_vickers_c1():
    pytest.importorskip("tcrlab.contact.microhardness")
    from tcrlab.conductance.constriction import cmy_conductance
    from tcrlab.contact.microhardness import relative_pressure

    # SS304 Vickers coefficients c1 = 6.27 GPa, c2 = -0.229 (Hegazy 1985, tabulated by Sridhar & Yovanovich 1996)
    sigma, m = 1.5e-6, 0.1
    h = cmy_conductance(16.2, sigma, m, relative_pressure(P, sigma, m, 6.27e9, -0.229, warn=False))
    h = h * np.exp(np.random.default_rng(3).normal(0, 0.03, P.size))
    fit = fit_cmy(P, h, k_s=16.2, sigma=sigma, m=m, c2=-0.229, free=["c1"])
    assert fit.ci_low[0] <= 6.27e9 <= fit.ci_high[0]
    assert fit.values[0] == pytest.approx(6.27e9, rel=0.1)
    with pytest.raises(InputError, match="c2"):
        fit_cmy(P, h, k_s=16.2, sigma=sigma, m=m, free=["c1"])
