"""The disk cache of parsed quantities: text parsed once with pint is read back without pint, only valid
values are kept, and a file of another stamp (tcrlab, pint) or a damaged one is ignored."""

from __future__ import annotations

import json

import pytest

from tcrlab import _quantity_cache, units
from tcrlab.errors import InputError
from tcrlab.units import parse_quantity


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A private cache folder and empty in-memory caches (restored afterwards)."""
    monkeypatch.setenv("TCRLAB_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TCRLAB_NO_CACHE", raising=False)
    saved = dict(units._PARSED)

    def reset():
        units._PARSED.clear()
        _quantity_cache.CACHE.forget()

    reset()
    yield reset
    reset()
    units._PARSED.update(saved)


def _no_pint(monkeypatch):
    def refuse():
        raise AssertionError("pint was needed")

    monkeypatch.setattr(units, "_registry", refuse)


def test_parsed_text_is_read_back_without_pint(fresh, tmp_path, monkeypatch):
    assert parse_quantity("2.5 MPa", "pressure", "p") == 2.5e6
    assert parse_quantity("25 degC", "temperature", "T") == 298.15
    _quantity_cache.flush()
    files = list(tmp_path.glob("quantities-*.json"))
    assert len(files) == 1
    data = json.loads(files[0].read_text())
    assert data["values"] == {"pressure|2.5 MPa": 2.5e6, "temperature|25 degC": 298.15}
    fresh()
    _no_pint(monkeypatch)
    assert parse_quantity(" 2.5 MPa ", "pressure", "p") == 2.5e6
    assert parse_quantity("25 degC", "temperature", "T") == 298.15


def test_the_same_text_of_another_dimension_is_not_taken_from_the_cache(fresh):
    assert parse_quantity("5 degC", "temperature", "T") == 278.15
    assert parse_quantity("5 degC", "temperature_difference", "dT") == 5.0  # a difference, not 278.15 K
    _quantity_cache.flush()
    fresh()
    assert parse_quantity("5 degC", "temperature_difference", "dT") == 5.0
    with pytest.raises(InputError, match="dimension"):
        parse_quantity("5 degC", "pressure", "p")


def test_errors_are_not_cached(fresh, tmp_path):
    for text in ("2 kg", "-5 K"):
        with pytest.raises(InputError):
            parse_quantity(text, "pressure" if text == "2 kg" else "temperature", "x")
    _quantity_cache.flush()
    assert not list(tmp_path.glob("quantities-*.json"))


def test_a_file_of_another_stamp_or_damaged_is_ignored(fresh, tmp_path, monkeypatch):
    parse_quantity("3 mm", "length", "t")
    _quantity_cache.flush()
    path = next(tmp_path.glob("quantities-*.json"))
    data = json.loads(path.read_text())
    data["values"]["length|3 mm"] = 1.0
    data["values"]["length|bad"] = "x"
    data["values"]["length|inf"] = None
    path.write_text(json.dumps({**data, "stamp": "tcrlab 0.0.0"}))
    fresh()
    assert parse_quantity("3 mm", "length", "t") == 3e-3  # other stamp: parsed again
    _quantity_cache.CACHE._new.clear()
    path.write_text(json.dumps(data))  # the right stamp: valid entries are used, others dropped
    fresh()
    assert _quantity_cache.CACHE._read() == {"length|3 mm": 1.0}
    path.write_text("{not json")
    fresh()
    assert parse_quantity("3 mm", "length", "t") == 3e-3


def test_no_cache_turns_the_file_off(fresh, tmp_path, monkeypatch):
    monkeypatch.setenv("TCRLAB_NO_CACHE", "1")
    assert parse_quantity("4 W", "power", "q") == 4.0
    _quantity_cache.flush()
    assert not list(tmp_path.glob("quantities-*.json"))


def test_ureg_and_pint_are_still_module_attributes():
    from tcrlab.units import ureg

    assert units.ureg is ureg
    assert isinstance(ureg.Quantity(1.0, "m"), units.pint.Quantity)
    with pytest.raises(AttributeError):
        _ = units.no_such_name
