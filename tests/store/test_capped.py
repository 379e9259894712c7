"""A list page's capped total and facets (Store.count(cap=), Store.facets(cap=)): the web pages count
at most COUNT_CAP rows and facet the newest FACET_ROWS, so a page costs the same at any ledger size.
On every available backend, against the full lists."""

from __future__ import annotations

from collections import Counter

import pytest

from newsledger.errors import UsageError
from newsledger.ledger import link, merged_events
from newsledger.store.listing import FACETS
from tests.store import samples

KINDS = ("articles", "events", "statements", "figures", "actors", "places", "merged_events")


@pytest.fixture
def filled(store):
    store.add(samples.all_pairs())
    store.add([samples.numbered(i) for i in range(12)])
    link(store)
    return store


def _rows(store, kind: str, **given) -> list[dict]:
    if kind == "merged_events":
        return merged_events(store, limit=None, **given)
    return getattr(store, kind)(limit=None, **given)


def _counts(rows: list[dict], kind: str) -> dict[str, Counter]:
    """Each facet's values over these rows, a row once per distinct value (as Store.facets counts)."""
    out = {}
    for name, columns in FACETS[kind].items():
        c: Counter = Counter()
        for r in rows:
            if kind == "merged_events":  # the list's rows name these columns alike
                values = {r[col] for col in columns}
            else:
                values = {(r["acled"] or {}).get("event_type") if col == "acled_type" else r[col] for col in columns}
            c.update(v for v in values if v is not None)
        out[name] = c
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_a_capped_count_is_exact_up_to_the_cap_and_says_more_above_it(filled, kind):
    n = len(_rows(filled, kind))
    assert n >= 3
    assert filled.count(kind, cap=n) == filled.count(kind, cap=n + 100) == filled.count(kind) == n
    assert filled.count(kind, cap=n - 1) == n  # cap + 1: "more than the cap"
    assert filled.count(kind, cap=1) == 2
    assert filled.count(kind, cap=0) == 1


def test_a_capped_count_follows_the_filters_and_the_search(filled):
    assert filled.count("events", type="AID", cap=100) == len(filled.events(type="AID", limit=None)) > 3
    assert filled.count("events", type="AID", cap=3) == 4
    found = len(filled.events(text="country", limit=None))
    assert found > 3
    assert filled.count("events", text="country", cap=1000) == found
    assert filled.count("events", text="country", cap=2) == 3
    assert filled.count("events", text="country", type="ASSAULT", cap=2) == 0


@pytest.mark.parametrize("kind", KINDS)
def test_capped_facets_count_the_first_rows_of_the_list(filled, kind):
    rows = _rows(filled, kind)
    for cap in (1, 4, len(rows), len(rows) + 5):
        facets = filled.facets(kind, cap=cap)
        expected = _counts(rows[:cap], kind)
        assert {name: {f["value"]: f["n"] for f in values} for name, values in facets.items()} == expected, cap
    assert filled.facets(kind, cap=len(rows)) == filled.facets(kind)  # the whole list: the exact facets


def test_capped_facets_of_a_search_count_its_newest_rows(filled):
    newest = filled.events(text="country", sort="-published", limit=5)
    facets = filled.facets("events", text="country", cap=5)
    assert {f["value"]: f["n"] for f in facets["outlet"]} == _counts(newest, "events")["outlet"]
    assert sum(f["n"] for f in facets["type"]) == 5


def test_a_cap_must_be_a_whole_number(filled):
    for bad in (-1, 2.5, "10", True):
        with pytest.raises(UsageError, match="cap"):
            filled.count("events", cap=bad)
        with pytest.raises(UsageError, match="cap"):
            filled.facets("events", cap=bad)


@pytest.mark.parametrize("kind", (*KINDS, "times"))
def test_count_and_facets_give_the_capped_count_and_the_capped_facets(filled, kind):
    n = filled.count(kind)
    for given in ({}, {"text": "country"} if kind in ("articles", "events", "figures", "times") else {}):
        for cap, facet_rows in ((n + 5, n + 5), (n + 5, n), (n + 5, 2), (2, n + 5), (2, 3), (0, 1)):
            got = filled.count_and_facets(kind, cap=cap, facet_rows=facet_rows, **given)
            assert got == (filled.count(kind, cap=cap, **given), filled.facets(kind, cap=facet_rows, **given)), (
                cap,
                facet_rows,
                given,
            )
