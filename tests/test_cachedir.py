"""The shared disk cache of results: merged with what other processes wrote, newest entries kept,
files of another stamp ignored, nothing read or written when caching is off."""

from __future__ import annotations

import json

import pytest

from tcrlab._cachedir import DiskCache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TCRLAB_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TCRLAB_NO_CACHE", raising=False)
    return tmp_path


def _cache(stamp: str = "v1", limit: int = 3) -> DiskCache:
    return DiskCache(lambda: "results.json", lambda: stamp, lambda k, v: isinstance(v, int), limit=limit)


def test_two_processes_merge_and_the_newest_entries_are_kept(folder) -> None:
    first, second = _cache(), _cache()
    first.put("a", 1)
    second.put("b", 2)
    first.flush()
    second.flush()
    assert json.loads((folder / "results.json").read_text()) == {"stamp": "v1", "values": {"a": 1, "b": 2}}
    for key, value in (("c", 3), ("d", 4)):
        second.put(key, value)
    second.flush()
    assert json.loads((folder / "results.json").read_text())["values"] == {"b": 2, "c": 3, "d": 4}
    assert _cache().get("d") == 4 and _cache().get("a") is None


def test_another_stamp_and_invalid_entries_are_ignored(folder) -> None:
    (folder / "results.json").write_text(json.dumps({"stamp": "v1", "values": {"a": 1, "b": "x"}}))
    assert _cache().get("a") == 1 and _cache().get("b") is None
    assert _cache(stamp="v2").get("a") is None
    (folder / "results.json").write_text("{damaged")
    assert _cache().get("a") is None


def test_caching_off_reads_and_writes_nothing(folder, monkeypatch) -> None:
    monkeypatch.setenv("TCRLAB_NO_CACHE", "1")
    cache = _cache()
    cache.put("a", 1)
    cache.flush()
    assert cache.path() is None and cache.get("a") is None
    assert not list(folder.iterdir())
