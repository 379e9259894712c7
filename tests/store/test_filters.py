"""The filter table (newsledger.store.filters): every filter read the same way and applied by its queries,
on every available backend."""

from __future__ import annotations

import pytest

from newsledger.errors import UsageError
from newsledger.store import filters, queries
from newsledger.store.filtering import FilterError
from tests.store import samples

SAMPLE = {"Text": "x", "Code": "X", "Country": "UA", "Date": "2024-06", "Count": 2, "Flag": False, "Id": "art-talks"}


@pytest.fixture
def filled(store):
    assert store.add(samples.all_pairs()) == 3
    return store


def ids(rows):
    return [(r["article_id"], r["id"]) for r in rows]


@pytest.mark.parametrize("kind", list(queries.QUERIES))
def test_every_filter_of_a_query_kind_narrows_its_query(kind):
    unfiltered = str(queries.build(kind, {})[0])
    for f in filters.of_kind(kind):
        q, _ = queries.build(kind, {f.name: SAMPLE[type(f.read_as).__name__]})
        # a condition; a text search joins its hits instead (store.search)
        assert str(q) != unfiltered and (q.whereclause is not None or f.match == "search"), f.name


def test_every_kind_in_the_table_is_a_query_or_a_ledger_view():
    assert set(filters.kinds()) == set(queries.QUERIES) | {"merged_events", "figure_series"}


def test_values_are_read_the_same_way_for_every_kind():
    assert filters.read("events", type=" assault ", mode="Planned").values == {"type": "ASSAULT", "mode": "planned"}
    assert filters.read("merged_events", type="assault").values == {"type": "ASSAULT"}
    assert filters.read("statements", certainty="DENIED").values == {"certainty": "denied"}
    assert filters.read("actors", sector="mil").values == {"sector": "MIL"}
    # country: alpha-3 where actors' codes are compared, alpha-2 for places; other codes as given
    for kind in ("events", "merged_events", "statements", "figures", "figure_series", "actors"):
        assert filters.read(kind, country="ua").values == filters.read(kind, country="ukr").values == {"country": "UKR"}
    assert (
        filters.read("places", country="UKR").values == filters.read("places", country="ua").values == {"country": "UA"}
    )
    assert filters.read("actors", country="nato").values == {"country": "NATO"}
    # dates: a month or a year is its first (since) or last (until) day
    assert filters.read("events", since="2024-02", until="2024-02").values == {
        "since": "2024-02-01",
        "until": "2024-02-29",
    }
    assert filters.read("merged_events", min_reports="3").values == {"min_reports": 3}
    assert filters.read("events", type=["assault", "protest"]).values == {"type": ("ASSAULT", "PROTEST")}
    # blank means no filter, as an empty web form field does
    assert filters.read("events", type=" ", text="").values == {}


@pytest.mark.parametrize(
    "kind, given, words",
    [
        ("events", {"since": "2024-13"}, ["since", "'2024-13'", "month 13"]),
        ("articles", {"until": "yesterday"}, ["until", "'yesterday'", "YYYY-MM-DD"]),
        ("merged_events", {"min_reports": 0}, ["min_reports", "0", "between 1"]),
        ("merged_events", {"min_reports": "many"}, ["min_reports", "'many'", "whole number"]),
        ("events", {"include_duplicates": "maybe"}, ["include_duplicates", "'maybe'", "true or false"]),
        ("events", {"text": ["a", "b"]}, ["text", "one value"]),
        ("merged_events", {"type": "\x00"}, ["type", "'\\x00'", "control character U+0000"]),
        ("places", {"name": "Goma\n"}, ["name", "U+000A"]),
    ],
)
def test_a_bad_value_is_one_error_naming_the_filter_and_the_value(kind, given, words):
    with pytest.raises(FilterError) as err:
        filters.read(kind, given)
    assert err.value.name == next(iter(given))
    for word in words:
        assert word in str(err.value)


def test_a_filter_the_kind_lacks_or_an_unknown_kind_is_a_usage_error():
    with pytest.raises(UsageError, match="places cannot be filtered by type"):
        filters.read("places", type="ASSAULT")
    with pytest.raises(UsageError, match="unknown kind"):
        filters.read("planets", name="x")


def test_country_codes_of_either_width_find_the_same_rows_on_every_kind(filled):
    assert (
        ids(filled.events(country="ir"))
        == ids(filled.events(country="IRN"))
        == [("art-talks", "e2"), ("art-talks", "e3")]
    )
    assert ids(filled.statements(country="ua")) == ids(filled.statements(country="UKR"))
    assert ids(filled.figures(country="UA")) == ids(filled.figures(country="ukr")) == [("art-shelling", "f2")]
    assert [a["name"] for a in filled.actors(country="ir")] == [a["name"] for a in filled.actors(country="IRN")]
    assert (
        [p["name"] for p in filled.places(country="COD")]
        == [p["name"] for p in filled.places(country="cd")]
        == ["Goma"]
    )
    # with an article: the place rows, not the totals kept on write
    assert [p["name"] for p in filled.places(country="cod", article="art-sighting")] == ["Goma"]


def test_mode_and_certainty_are_case_insensitive_like_type(filled):
    assert ids(filled.events(mode="PLANNED")) == ids(filled.events(mode="planned")) == [("art-talks", "e1")]
    assert ids(filled.statements(certainty="Denied")) == [("art-talks", "s2")]


def test_control_characters_are_refused_before_any_sql(filled):
    """NUL in a filter value broke PostgreSQL (issue #20): every kind refuses it with a usage error."""
    for kind, name in (
        ("events", "type"),
        ("events", "actor"),
        ("statements", "source"),
        ("figures", "about"),
        ("actors", "name"),
        ("places", "country"),
        ("times", "value"),
        ("articles", "article"),
    ):
        with pytest.raises(FilterError, match="control character"):
            getattr(filled, kind)(**{name: "a\x00b"})
    with pytest.raises(FilterError):
        list(filled.rows("events", text="\x1b[31m"))
    assert filled.stats()["events"] == 6


def test_merged_events_and_figure_series_read_their_filters_from_the_table(ledger_url):
    from newsledger import Ledger

    with Ledger(ledger_url) as ledger:
        ledger.store.add(samples.all_pairs())
        with pytest.raises(FilterError, match="control character"):
            ledger.merged_events(type="\x00")
        with pytest.raises(FilterError, match="month 13"):
            ledger.merged_events(until="2024-13")
        with pytest.raises(UsageError, match="merged_events cannot be filtered by mode"):
            ledger.merged_events(mode="actual")
        assert ledger.merged_events(type="assault", country="ua", limit=None) == ledger.merged_events(
            type="ASSAULT", country="UKR", limit=None
        )
        with pytest.raises(FilterError, match="control character"):
            ledger.figure_series(about="\x00")


def test_a_given_filters_value_is_used_as_is(filled):
    f = filters.read("events", type="assault", country="ru")
    assert ids(filled.events(f)) == ids(filled.events(type="ASSAULT", country="RUS")) == [("art-shelling", "e1")]
    assert ids(filled.events(f, limit=1, since="2024-03")) == [("art-shelling", "e1")]


def test_a_nul_in_a_web_filter_is_a_400_not_a_500_on_every_backend(ledger_url):
    """Issue #20: /api/merged-events?type=%00 answered 500 on PostgreSQL."""
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    from fastapi.testclient import TestClient

    from newsledger import Ledger
    from newsledger.web import create_app

    with Ledger(ledger_url) as ledger, TestClient(create_app(ledger=ledger)) as client:
        ledger.store.add(samples.all_pairs())
        for path in ("/api/merged-events", "/api/events", "/api/actors", "/merged-events", "/places"):
            param = "name" if path in ("/api/actors", "/places") else "type"
            r = client.get(path + f"?{param}=%00")
            assert r.status_code == 400, (path, r.text)
            assert "control character U+0000" in r.text
        assert client.get("/api/merged-events", params={"type": "ASSAULT"}).status_code == 200


def test_the_merged_event_rows_build_the_same_list_as_the_view(ledger_url):
    """The table's merged_events columns are ready for the view's query: same events for the same filters."""
    from sqlalchemy import func, select

    from newsledger import Ledger
    from newsledger.ledger import link
    from newsledger.store import ledger_tables
    from newsledger.store.conditions import where

    me, er = ledger_tables.merged_events, ledger_tables.event_reports
    counted = select(er.c.merged_id, func.count().label("n_reports")).group_by(er.c.merged_id).subquery("counted")
    joined = me.join(counted, counted.c.merged_id == me.c.id)
    with Ledger(ledger_url) as ledger:
        ledger.store.add(samples.all_pairs())
        link(ledger.store)
        cases = [
            {},
            {"type": "assault"},
            {"country": "ua"},
            {"since": "2024-06"},
            {"until": "2024-03"},
            {"min_reports": 2},
            {"type": "sanction", "country": "IR", "since": "2024"},
            {"type": "protest"},
        ]
        with ledger.store.engine.connect() as conn:
            for given in cases:
                f = filters.read("merged_events", given)
                q = select(me.c.id).select_from(joined).where(*where(f, me, joined))
                assert sorted(conn.execute(q).scalars()) == sorted(
                    m["id"] for m in ledger.merged_events(f, limit=None)
                ), given
        assert ledger.merged_events(limit=None)  # the cases above compare real rows
