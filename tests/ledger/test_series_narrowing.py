"""figure_series narrowed in SQL (newsledger.ledger.series_filter) gives the series that reading every
figure gives, on a ledger of real text (the demo corpus, the cross-article fixture sets and the worked
example) on SQLite and PostgreSQL; and the narrowing reads fewer figures."""

from __future__ import annotations

import itertools

import pytest

from newsledger.api import Ledger
from newsledger.demo import DEMO_DIR
from newsledger.ledger import figure_series, newest_figure_series, series_filter, views
from tests.conftest import FIXTURES, SHARED_DATA
from tests.store.conftest import pg_url  # noqa: F401  (the PostgreSQL fixture; skips without a server)

INPUTS = [str(DEMO_DIR), *sorted(str(p) for p in (FIXTURES / "ledger").glob("*.jsonl"))]
EXAMPLE = SHARED_DATA / "examples" / "north-korea-troops-2024-12-23.txt"  # used when present

ABOUT = [
    None,
    "soldiers",
    "troops",
    "killed",
    "kill",
    "KILLED",
    "wound",
    "people",
    "i",
    "de",
    "casualties",
    "x%_",
    "été",
]
SUBJECT = [
    {},
    {"country": "PRK"},
    {"country": "UKR"},
    {"country": "RUS"},
    {"country": "MLI"},
    {"actor": "korea"},
    {"actor": "PRK"},
    {"actor": "north korea"},
    {"actor": "ukraine", "country": "UKR"},
]
MORE = [{}, {"since": "2024-11-01"}, {"until": "2024-10-31"}, {"text": "killed"}, {"include_duplicates": True}]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory, extractor):
    db = tmp_path_factory.mktemp("series") / "ledger.db"
    inputs = INPUTS + ([str(EXAMPLE)] if EXAMPLE.is_file() else [])
    with Ledger(db, extractor=extractor) as led:
        summary = led.ingest(inputs)
        assert summary.failed == 0
        yield led


def _cases():
    """Each `about` with each subject filter, with one of the other filters in turn."""
    more = itertools.cycle(MORE)
    for about, subject in itertools.product(ABOUT, SUBJECT):
        yield {"about": about, **subject, **next(more)}


def _same(store, case) -> int:
    fast = figure_series(store, **case)
    assert fast == figure_series(store, **case, narrow=False), case
    return len(fast)


def test_narrowed_series_are_the_series_of_every_figure(ledger):
    found = sum(_same(ledger.store, case) > 0 for case in _cases())
    assert found > 10  # the filters find series, so the comparison compares something


def test_narrowed_series_are_the_same_on_postgresql(ledger, pg_url):  # noqa: F811
    from newsledger.ledger import link
    from newsledger.store import open_store

    with open_store(pg_url) as pg:
        pg.add(list(ledger.store.results()))
        link(pg)
        for case in _cases():
            assert figure_series(pg, **case) == figure_series(ledger.store, **case), case
            _same(pg, case)


def test_narrowing_reads_fewer_figures(ledger):
    every = views._series_rows(ledger.store, None, None, None, None, None, None, False, False)
    soldiers = views._series_rows(ledger.store, "soldiers", None, None, None, None, None, False, True)
    assert 0 < len(soldiers) < len(every)

    # Some subject narrows too (the series compared above then came from fewer figures).
    def rows(case, **subject):
        given = {k: case.get(k) for k in ("since", "until", "text")}
        return len(
            views._series_rows(
                ledger.store,
                case["about"],
                subject.get("actor"),
                subject.get("country"),
                **given,
                include_duplicates=bool(case.get("include_duplicates")),
                narrow=True,
            )
        )

    cases = [c for c in _cases() if c.get("country")]
    assert any(rows(c, country=c["country"]) < rows(c) for c in cases)


def test_subjects_narrow_only_when_every_figure_has_one():
    pairs = [("PRK", "North Korea"), ("UKR", "Ukraine"), (None, "Wagner"), ("RUS", None)]
    assert series_filter.subjects(pairs, country="PRK", actor=None) == ({"PRK"}, set())
    assert series_filter.subjects(pairs, country=None, actor="wag") == (set(), {"Wagner"})
    assert series_filter.subjects(pairs, country=None, actor="korea") == ({"PRK"}, set())
    # A needle with a space can span two actor names of a series: only the country narrows then.
    assert series_filter.subjects(pairs, country=None, actor="korea ukraine") == ({"PRK", "UKR", "RUS"}, {"Wagner"})
    assert series_filter.subjects([*pairs, (None, None)], country="PRK", actor=None) is None


def test_contains_finds_what_python_lower_finds():
    assert series_filter.contains("été", []) is None  # the databases fold non-ASCII case differently
    assert series_filter.cue_words({"killed"})[:2] == ["die", "dead"]
    assert "kills" not in series_filter.cue_words({"killed"})  # "kill" finds it


def test_newest_figure_series_groups_only_the_newest_figures(ledger):
    every = figure_series(ledger.store, about="killed")
    assert newest_figure_series(ledger.store, 10_000, about="killed") == (every, False)
    newest = views._series_rows(ledger.store, "killed", None, None, None, None, None, False, True, 3)
    found, truncated = newest_figure_series(ledger.store, 3, about="killed")
    assert truncated and found != every
    shown = {(v["article_id"], v["figure_id"]) for s in found for v in s["values"]}
    assert shown and shown <= {(r["article_id"], r["id"]) for r in newest[:3]}
