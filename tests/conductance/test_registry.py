"""The joint-model registries: same numbers as before, and a new model is one entry."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tcrlab.cases.joint import joint_from_table
from tcrlab.conductance.constriction import cmy_correlation_conductance, constriction_conductance
from tcrlab.conductance.registry import (
    CONTACT_MODELS,
    GAP_MODELS,
    ContactModel,
    get_contact_model,
    register_contact_model,
)
from tcrlab.errors import InputError
from tcrlab.joint import Joint

_spec = importlib.util.spec_from_file_location("_joint_grid", Path(__file__).with_name("_joint_grid.py"))
_grid = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_grid)
GRID_FILE, cases, evaluate = _grid.GRID_FILE, _grid.cases, _grid.evaluate


def test_every_model_gives_the_numbers_recorded_before_the_registry() -> None:
    """300 joints (6 contact × 2 gap models × 5 media × 5 solid/hardness inputs, 4 pressures × 2 σ each),
    recorded by running the if/elif implementation of ``Joint`` (tests/conductance/_joint_grid.py)."""
    recorded = json.loads(GRID_FILE.read_text())
    grid = cases()
    assert len(grid) == len(recorded) == 300
    for label, kw in grid:
        now, before = evaluate(kw), recorded[label]
        assert set(now) == set(before), label
        for key, value in before.items():
            np.testing.assert_allclose(now[key], value, rtol=1e-12, atol=0.0, err_msg=f"{label}: {key}")


def test_registries_list_the_models() -> None:
    assert list(CONTACT_MODELS) == ["cmy", "cmy-correlation", "mikic", "elastoplastic", "asperity",
                                    "asperity-article"]
    assert list(GAP_MODELS) == ["integral", "simple"]
    for entry in CONTACT_MODELS.values():
        assert entry.source and entry.validity and entry.inputs


def test_unknown_model_names_the_registry_choices() -> None:
    with pytest.raises(InputError, match="cmy-correlation") as exc:
        Joint("SS304", pressure=1e6, sigma=1e-6, slope=0.1, contact_model="nope").evaluate()
    assert exc.value.field == "contact_model"
    with pytest.raises(InputError) as exc:
        get_contact_model("nope")
    assert exc.value.field == "contact_model"


def test_a_model_with_an_unknown_input_is_refused() -> None:
    with pytest.raises(InputError, match="k_s"):
        ContactModel("bad", cmy_correlation_conductance, ("k_s", "shoe_size"), "plastic", "-", "-")


def _twice_cmy(k_s, sigma, m, p_over_h):  # a test model: 2 × the CMY correlation
    return 2.0 * cmy_correlation_conductance(k_s, sigma, m, p_over_h)


@pytest.fixture
def new_model(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setitem(CONTACT_MODELS, "twice-cmy", CONTACT_MODELS["cmy"])  # restored after the test
    register_contact_model(ContactModel("twice-cmy", _twice_cmy, ("k_s", "sigma", "m", "p_over_h"), "plastic",
                                        "a test model", "as cmy-correlation"))
    return "twice-cmy"


def test_a_registered_model_appears_in_joint_and_case_files(new_model: str) -> None:
    kw = {"pressure": 1e6, "sigma": 1.5e-6, "slope": 0.1, "gas": "vacuum"}
    ref = Joint("SS304", contact_model="cmy-correlation", **kw).evaluate(emit_warnings=False)
    new = Joint("SS304", contact_model=new_model, **kw).evaluate(emit_warnings=False)
    assert new.h_c == pytest.approx(2.0 * ref.h_c, rel=1e-14)
    assert new.Y == ref.Y  # the registered "plastic" separation relation
    assert constriction_conductance(new_model, k_s=16.0, sigma=1e-6, m=0.1, p_over_h=1e-3) == pytest.approx(
        2.0 * cmy_correlation_conductance(16.0, 1e-6, 0.1, 1e-3), rel=1e-14)
    table = {"solids": ["SS304", "SS304"], "pressure": "1 MPa", "sigma": "1.5 um", "slope": 0.1,
             "gas": "vacuum", "contact_model": new_model}
    case = joint_from_table(table, field="joint", source="<test>").evaluate(emit_warnings=False)
    assert case.h_c == pytest.approx(new.h_c, rel=1e-12)


def test_a_registered_model_appears_in_the_cli(new_model: str) -> None:
    from click.testing import CliRunner

    from tcrlab.cli.joint import joint

    args = ["--solids", "SS304", "--pressure", "1MPa", "--sigma", "1.5um", "--slope", "0.1", "--gas", "vacuum",
            "--json", "--contact-model"]
    new = CliRunner().invoke(joint, [*args, new_model])
    ref = CliRunner().invoke(joint, [*args, "cmy-correlation"])
    assert new.exit_code == 0, new.output
    h_new = json.loads(new.output)["result"]["h_c"]
    h_ref = json.loads(ref.output)["result"]["h_c"]
    assert h_new == pytest.approx(2.0 * h_ref, rel=1e-12)


def test_cli_refuses_an_unregistered_model_with_exit_code_2() -> None:
    out = subprocess.run([sys.executable, "-m", "tcrlab.cli.main", "joint", "--solids", "SS304", "--pressure",
                          "1MPa", "--sigma", "1.5um", "--slope", "0.1", "--contact-model", "nope"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert "cmy-correlation" in out.stderr + out.stdout
    assert "Traceback" not in out.stderr


def test_the_docs_model_table_is_the_registry() -> None:
    from tcrlab.conductance.registry import model_table

    text = (Path(__file__).resolve().parents[2] / "docs" / "joint.md").read_text()
    start, end = "<!-- model-table:start -->\n", "<!-- model-table:end -->"
    table = text[text.index(start) + len(start):text.index(end)]
    assert table == model_table(), "docs/joint.md's model table differs from the registry: regenerate it " \
                                   "with tcrlab.conductance.registry.model_table()"
