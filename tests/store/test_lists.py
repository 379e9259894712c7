"""The lists' sort, total and facets (newsledger.store.listing), and schema version 6 (outlet and ACLED
type copied onto the records), on every available backend."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import create_engine, text

from newsledger.ledger import link
from newsledger.store import SCHEMA_VERSION, open_store
from newsledger.store.backend import to_url
from newsledger.store.filtering import FilterError
from newsledger.store.listing import FACETS, SORTS
from tests.store import samples

KINDS = ("articles", "events", "statements", "figures", "actors", "places", "times")


@pytest.fixture
def filled(store):
    store.add(samples.all_pairs())
    store.add([samples.numbered(i) for i in range(6)])
    link(store)
    return store


def _key(row, key):
    """The value a sort key orders by, as the row shows it (spans by their text)."""
    if key == "acled_type":  # a column of its own for filters, sorts and facets
        return (row["acled"] or {}).get("event_type")
    value = row[key]
    return value["text"] if isinstance(value, dict) else value


@pytest.mark.parametrize("kind", KINDS)
def test_every_sort_orders_the_whole_list_and_descending_reverses_it(filled, kind):
    everything = getattr(filled, kind)(limit=None)
    for key in SORTS[kind]:
        for descending in (False, True):
            rows = getattr(filled, kind)(limit=None, sort=("-" if descending else "") + key)
            assert sorted(map(repr, rows)) == sorted(map(repr, everything))  # the same rows, reordered
            values = [_key(r, key) for r in rows]
            present = [v for v in values if v is not None]
            assert present == sorted(present, reverse=descending), (kind, key, descending)
            assert all(v is None for v in values[len(present) :]), "NULLs come last either way"
            page = getattr(filled, kind)(limit=2, offset=1, sort=("-" if descending else "") + key)
            assert page == rows[1:3]  # a page of the sorted list


def test_a_sort_the_kind_does_not_have_is_an_error_naming_it(filled):
    with pytest.raises(FilterError, match="sort") as e:
        filled.events(sort="text; DROP TABLE events")
    assert e.value.name == "sort"
    with pytest.raises(FilterError, match="certainty"):
        filled.events(sort="certainty")  # a statements sort


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("given", [{}, {"since": "2024-01-01"}, {"include_duplicates": True}])
def test_count_is_the_length_of_the_whole_filtered_list(filled, kind, given):
    given = {k: v for k, v in given.items() if (k != "include_duplicates" or kind in ("articles", "events"))}
    if kind in ("actors", "places") and "include_duplicates" in given:
        return
    assert filled.count(kind, **given) == len(getattr(filled, kind)(limit=None, **given)) > 0


def test_count_follows_every_filter(filled):
    assert filled.count("events", type="ASSAULT") == len(filled.events(type="ASSAULT", limit=None)) == 2
    assert filled.count("events", country="UA") == filled.count("events", country="UKR") == 1
    assert filled.count("events", type="NOPE") == 0


def test_merged_events_count_sort_and_facets(filled):
    from newsledger.ledger import merged_events

    rows = merged_events(filled, limit=None)
    assert filled.count("merged_events") == len(rows) > 0
    by_type = merged_events(filled, limit=None, sort="type")
    assert [r["type"] for r in by_type] == sorted(r["type"] for r in rows)
    assert [r["type"] for r in merged_events(filled, limit=None, sort="-type")] == sorted(
        (r["type"] for r in rows), reverse=True
    )
    facets = filled.facets("merged_events")
    assert {f["value"]: f["n"] for f in facets["type"]} == Counter(r["type"] for r in rows)


@pytest.mark.parametrize("kind", KINDS)
def test_facets_count_the_rows_of_the_list(filled, kind):
    rows = getattr(filled, kind)(limit=None)
    facets = filled.facets(kind)
    assert set(facets) == set(FACETS[kind])
    for name, columns in FACETS[kind].items():
        expected: Counter = Counter()
        for r in rows:
            values = {_key(r, c) for c in columns}
            expected.update(v for v in values if v is not None)  # a row once per distinct value
        assert {f["value"]: f["n"] for f in facets[name]} == expected, name
        assert [f["n"] for f in facets[name]] == sorted((f["n"] for f in facets[name]), reverse=True)


def test_facets_follow_the_filters_and_a_facet_value_is_a_filter(filled):
    facets = filled.facets("events", country="UKR", fields="type,country")
    assert set(facets) == {"type", "country"}
    assert facets["type"] == [{"value": "ASSAULT", "n": 1}]
    assert {f["value"] for f in facets["country"]} == {"UKR", "RUS"}  # the actor's or the recipient's
    for f in filled.facets("events")["outlet"]:
        assert filled.count("events", outlet=f["value"]) == f["n"]
    for f in filled.facets("events")["acled_type"]:
        assert filled.count("events", acled_type=f["value"]) == f["n"]
    with pytest.raises(FilterError, match="facets"):
        filled.facets("events", fields="certainty")


def test_listed_is_the_whole_list_in_its_order(filled):
    assert list(filled.listed("events", sort="-type")) == filled.events(limit=None, sort="-type")
    assert list(filled.listed("statements", country="UKR")) == filled.statements(country="UKR", limit=None)


def test_records_carry_their_articles_outlet_and_acled_type(filled):
    shelled = next(e for e in filled.events(limit=None) if e["type"] == "ASSAULT" and e["acled"])
    assert shelled["outlet"] == "Harbour Times"
    assert filled.events(acled_type="Explosions/Remote violence", limit=None) == [shelled]


def test_a_v5_ledger_gets_outlets_and_acled_types(ledger_url):
    with open_store(ledger_url) as store:
        store.add(samples.all_pairs())
        before = store.events(limit=None)
    engine = create_engine(to_url(ledger_url))
    with engine.begin() as conn:  # the ledger as version 5 left it
        for index in ("ix_events_outlet", "ix_events_acled_type", "ix_events_country"):
            conn.execute(text(f"DROP INDEX {index}"))
        conn.execute(text("DROP INDEX ix_statements_outlet"))
        conn.execute(text("DROP INDEX ix_figures_outlet"))
        for table in ("events", "statements", "figures"):
            conn.execute(text(f"ALTER TABLE {table} DROP COLUMN outlet"))
        conn.execute(text("ALTER TABLE events DROP COLUMN acled_type"))
        conn.execute(text("UPDATE meta SET value = '5' WHERE key = 'schema_version'"))
    engine.dispose()
    with open_store(ledger_url) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION
        assert migrated.events(limit=None) == before
        assert migrated.count("events", acled_type="Explosions/Remote violence") == 1
        assert migrated.count("statements", outlet="Harbour Times") == 2
