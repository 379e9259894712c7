"""The gazetteer's on-disk index: built once, atomically, opened without loading, the same
lookups as the in-memory tables, and rebuilt (with a message) when damaged."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3

import pytest

from newsledger.geo import Gazetteer, GeoEntry
from newsledger.geo.index import IndexedGazetteer, open_or_build, write_index

PARIS = GeoEntry(990000010, "Saint Paris", "US", 40.13, -83.96, "town", "US.OH", 30.0)
KURSK = GeoEntry(990000020, "Kursk", "RU", 51.73, 36.19, "city", "RU.41", 56.0)
KURSK_OBLAST = GeoEntry(990000021, "Kursk Oblast", "RU", 51.5, 36.0, "region", "RU.41", 60.0)


def small_gazetteer() -> Gazetteer:
    g = Gazetteer()
    g.add("Saint Paris", PARIS)
    g.add("Kursk", KURSK)
    g.add("Kursk", KURSK_OBLAST, primary=False)
    g.add("Kurskaya", KURSK_OBLAST, primary=False)
    g.admin1["RU.41"] = KURSK_OBLAST
    g.demonyms["kurskian"] = KURSK
    return g


def test_index_answers_like_the_tables_it_was_built_from(tmp_path):
    g = small_gazetteer()
    g.load_bundled()
    write_index(g, tmp_path / "g.sqlite")
    ix = IndexedGazetteer(tmp_path / "g.sqlite")
    assert ix.index == {}  # nothing of the name index is in memory
    for key, bucket in g.index.items():
        assert ix._bucket(key) == bucket, key
    assert (ix.countries, ix.admin1, ix.demonyms) == (g.countries, g.admin1, g.demonyms)
    for name in ("Georgia", "La.", "St. Paris", "Kursk", "Gaza Strip", "Nowhere At All"):
        assert ix.lookup(name) == g.lookup(name), name
    assert ix.demonym("Russians") == g.demonym("Russians")
    assert ix.lookup("Kursk")[:2] == [(KURSK, True), (KURSK_OBLAST, False)]  # order and flags kept


def test_lookup_results_are_fresh_lists(tmp_path):
    write_index(small_gazetteer(), tmp_path / "g.sqlite")
    ix = IndexedGazetteer(tmp_path / "g.sqlite")
    first = ix.lookup("Kursk")
    first.clear()  # a caller's edit must not reach the cache
    assert len(ix.lookup("Kursk")) == 2
    with pytest.raises(TypeError):
        ix.add("Orel", KURSK)


def test_built_once_then_opened(tmp_path, capsys):
    calls = []

    def build():
        calls.append(1)
        return small_gazetteer()

    path = tmp_path / "cache" / "g.sqlite"
    first = open_or_build(path, build)
    second = open_or_build(path, build)
    assert len(calls) == 1 and second.lookup("Kursk") == first.lookup("Kursk")
    assert "building the place-name index" in capsys.readouterr().err
    assert sorted(p.name for p in path.parent.iterdir()) == ["g.sqlite", "g.sqlite.lock"]  # no temp file left


@pytest.mark.parametrize("damage", ["garbage", "truncated", "no mark"])
def test_a_damaged_or_partial_index_is_rebuilt_with_a_message(tmp_path, capsys, damage):
    path = tmp_path / "g.sqlite"
    write_index(small_gazetteer(), path)
    if damage == "garbage":
        path.write_bytes(b"not a database at all" * 100)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:2048])
    else:
        with sqlite3.connect(path) as con:  # a build that stopped before its last step
            con.execute("DELETE FROM meta")
    ix = open_or_build(path, small_gazetteer)
    assert ix.lookup("Kursk")[0] == (KURSK, True)
    err = capsys.readouterr().err
    assert "is damaged" in err and str(path) in err


def _build_in_child(path, marks, q):
    def build():
        with open(marks, "a") as fh:
            fh.write("built\n")
        return small_gazetteer()

    q.put(open_or_build(path, build).lookup("Kursk")[0][0].geonameid)


def test_concurrent_first_runs_build_once(tmp_path):
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    path, marks = tmp_path / "g.sqlite", tmp_path / "marks"
    procs = [ctx.Process(target=_build_in_child, args=(path, marks, q)) for _ in range(3)]
    for p in procs:
        p.start()
    results = [q.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert results == [KURSK.geonameid] * 3
    assert marks.read_text().count("built") == 1


def _lookup_in_child(ix, q):
    q.put(ix.lookup("Kurskaya"))


def test_an_index_opened_before_fork_works_in_the_child(tmp_path):
    write_index(small_gazetteer(), tmp_path / "g.sqlite")
    ix = IndexedGazetteer(tmp_path / "g.sqlite")
    assert ix.lookup("Kursk")
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=_lookup_in_child, args=(ix, q))
    p.start()
    assert q.get(timeout=60) == [(KURSK_OBLAST, False)]
    p.join(timeout=60)


def test_the_process_gazetteer_is_the_index(tmp_path, monkeypatch):
    from newsledger.geo import gazetteer

    monkeypatch.setenv("NEWSLEDGER_HOME", str(tmp_path))
    monkeypatch.setattr(gazetteer, "_build", small_gazetteer)  # the real build takes 10 s
    gazetteer.reset_gazetteer()
    try:
        g = gazetteer.get_gazetteer()
        assert isinstance(g, IndexedGazetteer) and g.path.parent == tmp_path / "cache"
        assert g.path.suffix == ".sqlite" and g.lookup("St. Paris")[0][0] == PARIS
    finally:
        gazetteer.reset_gazetteer()
