"""AMM/DMM/radiation limit and the empirical model against the measured thermal boundary conductances of
the Wu, Fang & Xu (npj Comput. Mater. 5, 56 (2019)) compilation. The statistics pinned here are the ones
docs/kapitza.md reports (written by benchmarks/validate_kapitza.py)."""

from __future__ import annotations

import json
import warnings
from importlib import resources

import numpy as np
import pytest

from tcrlab.errors import InputError, ValidityWarning
from tcrlab.kapitza.tbc_data import load_measurements, modelled_rows
from tcrlab.kapitza.validation import MODELS, physics_predictions, statistics
from tcrlab.materials.registry import load_user_materials


@pytest.fixture(scope="module")
def predictions():
    return physics_predictions()


def test_rows_used() -> None:
    rows = modelled_rows()
    assert len(load_measurements()) == 1330
    assert len(rows) == 479 and rows["pair"].nunique() == 66
    assert set(rows["row_id"]).isdisjoint(set(load_measurements().query("interlayer_flag == 1")["row_id"]))
    # "C" is diamond only where the substrate details say so (CuPc/C is ITO and is not modelled)
    assert "diamond" in set(rows["key2"]) and (rows["film"] != "CuPc").all()
    assert rows.groupby("pair_class").size().to_dict() == {"dielectric/dielectric": 29, "metal/dielectric": 383,
                                                           "metal/metal": 67}


def test_dmm_never_exceeds_the_radiation_limit(predictions) -> None:
    # exact bound: the DMM flux M1 M2/(M1 + M2) <= min(M1, M2) at every frequency (Swartz & Pohl 1989)
    assert (predictions["h_dmm"] <= predictions["h_limit"] * (1 + 1e-9)).all()


# (model column, class) -> (log-RMS, bias, within 2x), as reported in docs/kapitza.md
PINNED = {
    ("h_amm", "all"): (1.428, 0.144, 0.257),
    ("h_amm", "metal/dielectric"): (0.706, 0.577, 0.227),
    ("h_amm", "metal/metal"): (3.400, -2.460, 0.358),
    ("h_dmm", "metal/dielectric"): (0.813, 0.733, 0.091),
    ("h_dmm", "dielectric/dielectric"): (0.567, 0.407, 0.414),
    ("h_dmm_common", "dielectric/dielectric"): (0.475, 0.239, 0.793),
    ("h_limit", "metal/dielectric"): (0.954, 0.878, 0.063),
}


def test_physics_model_statistics_are_the_reported_ones(predictions) -> None:
    stats = statistics(predictions, MODELS).set_index(["model", "class"])
    for (col, cls), (rms, bias, w2) in PINNED.items():
        row = stats.loc[(MODELS[col], cls)]
        assert row["log_rms"] == pytest.approx(rms, abs=2e-3)
        assert row["bias"] == pytest.approx(bias, abs=2e-3)
        assert row["within_2x"] == pytest.approx(w2, abs=2e-3)


def test_cached_cv_error_belongs_to_these_data() -> None:
    from tcrlab.kapitza.empirical import CV_CACHE, fingerprint

    cached = json.loads(resources.files("tcrlab.kapitza").joinpath(CV_CACHE).read_text("utf-8"))
    assert cached["fingerprint"] == fingerprint()
    assert cached["sigma_log10"] == pytest.approx(0.419, abs=2e-3)
    assert (cached["n_rows"], cached["n_pairs"]) == (479, 66)


@pytest.mark.slow
def test_leave_one_interface_out_statistics(predictions) -> None:
    from tcrlab.kapitza.empirical import cross_validate

    rows = predictions.copy()
    rows["h_data"] = cross_validate()["h_data"].to_numpy()
    stats = statistics(rows, {"h_data": "gbm"}).set_index("class")
    assert stats.loc["all", "log_rms"] == pytest.approx(0.419, abs=3e-3)
    assert stats.loc["metal/dielectric", "log_rms"] == pytest.approx(0.308, abs=3e-3)
    assert stats.loc["all", "within_2x"] == pytest.approx(0.585, abs=5e-3)
    # better than every physics model on the same held-out rows, overall and for metal/dielectric
    phys = statistics(predictions, MODELS).set_index(["model", "class"])
    for label in MODELS.values():
        assert stats.loc["all", "log_rms"] < phys.loc[(label, "all"), "log_rms"]
        assert stats.loc["metal/dielectric", "log_rms"] < phys.loc[(label, "metal/dielectric"), "log_rms"]


def test_empirical_model_domain_and_label(tmp_path) -> None:
    from tcrlab.kapitza.empirical import trained_model

    model = trained_model()
    assert "empirical" in model.label and "trained on 479" in model.label
    h, factor = model.predict("Al", "sapphire", [100.0, 300.0])
    assert np.all((h > 1e7) & (h < 1e9)) and factor == pytest.approx(10**0.419, rel=0.01)
    with pytest.raises(InputError, match="25-505 K"):  # metal/dielectric data start at 25 K
        model.predict("Al", "sapphire", 5.0)
    with pytest.raises(InputError, match="25-505 K"):
        model.predict("Al", "sapphire", 800.0)
    assert model.predict("Cu", "Pb", 2.0)[0] > 0  # metal/metal pairs were measured down to 1 K
    with pytest.raises(InputError, match="grease"):
        model.predict("grease", "Si", 300.0)  # no acoustic data: not describable
    f = tmp_path / "stiff.toml"
    f.write_text('[materials.stiff]\nconductivity = "100 W/(m K)"\ndensity = "1000 kg/m^3"\n'
                 'sound_speed_longitudinal = "40000 m/s"\nsound_speed_transverse = "25000 m/s"\n'
                 'debye_temperature = "3000 K"\n')
    with pytest.raises(InputError, match="training domain"):
        model.predict("stiff", "Si", 300.0, registry=load_user_materials(f))
    with pytest.warns(ValidityWarning, match="never appears"):
        model.predict("In", "Si", 300.0)


def test_cli_data_model(capsys) -> None:
    from tcrlab.cli.main import main

    with pytest.raises(SystemExit) as exc:
        main(["kapitza", "Al", "sapphire", "--model", "data", "--T", "300 K", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert exc.value.code == 0 and out["label"].startswith("empirical")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(SystemExit) as exc:
            main(["kapitza", "Al", "sapphire", "--model", "data", "--T", "0.1 K"])
    assert exc.value.code == 2 and "training domain" in capsys.readouterr().err
