"""Schema version 3: a v2 ledger is migrated and answers as a new one; totals kept on write; plans."""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlalchemy import create_engine, text

from newsledger.records import Actor, Place
from newsledger.store import SCHEMA_VERSION, open_store, queries, rows
from tests.store import samples, schema_v2
from tests.store.conftest import throwaway_pg_schema

# Every list the web app shows, with the filters it offers (the answers must not change).
CASES = [
    ("articles", {}),
    ("articles", {"since": "2024-06"}),
    ("articles", {"outlet": "ledger"}),
    ("events", {}),
    ("events", {"type": "assault"}),
    ("events", {"mode": "planned"}),
    ("events", {"country": "irn"}),
    ("events", {"since": "2024", "until": "2024-06-30"}),
    ("events", {"actor": "russian"}),
    ("statements", {}),
    ("statements", {"certainty": "denied"}),
    ("statements", {"until": "2024-06-30"}),
    ("figures", {}),
    ("figures", {"about": "drones"}),
    ("times", {}),
    ("times", {"value": "2024"}),
    ("actors", {}),
    ("actors", {"country": "rus"}),
    ("actors", {"since": "2024-06-01"}),
    ("actors", {"article": "art-talks"}),
    ("places", {}),
    ("places", {"name": "go"}),
    ("places", {"until": "2024"}),
]


@pytest.fixture
def second_url(ledger_url, tmp_path):
    """Another empty ledger location on the same backend as ledger_url."""
    if not ledger_url.startswith("postgresql"):
        yield str(tmp_path / "second.db")
        return
    with throwaway_pg_schema() as url:
        yield url


def _write_v2_ledger(url: str, pairs) -> None:
    """A ledger exactly as newsledger with schema version 2 wrote it (frozen tables, its row layout)."""
    from newsledger.store.backend import to_url

    engine = create_engine(to_url(url))
    with engine.begin() as conn:
        schema_v2.metadata.create_all(conn)
        conn.execute(schema_v2.meta.insert(), {"key": "schema_version", "value": "2"})
        for article, result in pairs:
            conn.execute(schema_v2.articles.insert(), rows.article_row(article, result, "2024-01-01T00:00:00+00:00"))
            for kind, kind_rows in rows.to_rows(article.id, result).items():
                table = schema_v2.metadata.tables[kind]
                if kind_rows:  # columns of later versions were not there
                    conn.execute(table.insert(), [{k: v for k, v in r.items() if k in table.c} for r in kind_rows])
    engine.dispose()


def _answers(store) -> dict:
    out = {}
    for kind, filters in CASES:
        got = getattr(store, kind)(**filters, limit=None)
        # a v2 ledger never stored coordinated parties (v4): they are compared in test_v4
        out[(kind, tuple(sorted(filters.items())))] = [
            {k: v for k, v in r.items() if k not in ("added", "co_actors", "co_recipients")} for r in got
        ]
    return out


def test_a_v2_ledger_is_migrated_and_answers_like_a_new_one(ledger_url, second_url):
    _write_v2_ledger(ledger_url, samples.all_pairs())
    with open_store(second_url) as fresh:
        fresh.add(samples.all_pairs())
        expected = _answers(fresh)
    with open_store(ledger_url) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION
        assert migrated.stats()["events"] == 6
        assert _answers(migrated) == expected
        assert all(expected.values())  # the cases are not vacuous
        migrated.add([samples.numbered(1)])  # and it keeps its totals up to date from there on
        assert migrated.actors(name="country 1")[0]["articles"] == 1
    with open_store(ledger_url) as again:  # re-opening is a no-op
        assert again.schema_version == SCHEMA_VERSION and again.stats()["articles"] == 4


def _totals_from_results(store) -> dict:
    """Actors summed by hand from the stored records (the contract), to check the kept totals."""
    acc = defaultdict(lambda: {"articles": set(), "mentions": 0, "events": 0, "dates": []})
    for art, result in store.result_dicts():
        for a in result["actors"]:
            s = acc[(a["name"], a["country"], a["sector"])]
            s["articles"].add(art["id"])
            s["mentions"] += len(a["mentions"])
            s["events"] += sum(
                1
                for e in result["events"]
                if a["id"] in {e["actor"], e["recipient"], *e["co_actors"], *e["co_recipients"]}
            )
            if art["published"]:
                s["dates"].append(art["published"])
    return {
        k: (
            len(s["articles"]),
            s["mentions"],
            s["events"],
            min(s["dates"], default=None),
            max(s["dates"], default=None),
        )
        for k, s in acc.items()
    }


def _totals_listed(store) -> dict:
    return {
        (r["name"], r["country"], r["sector"]): (
            r["articles"],
            r["mentions"],
            r["events"],
            r["first_published"],
            r["last_published"],
        )
        for r in store.actors(limit=None)
    }


def test_actor_totals_add_up_across_batches_and_skip_articles_stored_already(store):
    store.add([samples.shelling()])
    store.add(samples.all_pairs())  # shelling again: skipped, not counted twice
    art, res = samples.numbered(5)
    res.actors.append(Actor("a2", "Russian forces", "RUS", "MIL", [res.actors[0].mentions[0]]))
    res.actors.append(Actor("a3", "Russian forces", "RUS", "MIL", [res.actors[0].mentions[0]]))
    store.add([(art, res)])  # named twice in one article: one article, two mentions
    listed = _totals_listed(store)
    assert listed == _totals_from_results(store)
    assert listed[("Russian forces", "RUS", "MIL")][0] == 3
    assert listed[("Russian forces", "RUS", "MIL")][3:] == ("2023-01-06", "2024-03-05")  # undated: no say
    assert listed[("rebels", "COD", "REB")] == (1, 1, 1, None, None)  # only in the undated article, a co-actor
    assert store.actors(limit=None)[0]["name"] == "Russian forces"


def test_places_totals_match_the_rows(store):
    store.add(samples.all_pairs())
    by_rows = store.places(since="1900", limit=None) + store.places(article="art-sighting", limit=None)
    listed = store.places(limit=None)
    assert sorted(listed, key=str) == sorted(by_rows, key=str)


def test_totals_of_two_concurrent_writers_add_up(ledger_url):
    from tests.store.test_atomicity import _run_two_writers

    assert sum(_run_two_writers(ledger_url)) == 80
    with open_store(ledger_url) as store:
        listed = _totals_listed(store)
        assert len(listed) == 80 and listed == _totals_from_results(store)


@pytest.mark.parametrize(
    "kind,filters",
    [
        ("events", {}),
        ("events", {"actor": "russian"}),
        ("events", {"country": "rus", "type": "assault"}),
        ("events", {"text": "said or sent"}),  # a search, ranked
        ("statements", {}),
        ("statements", {"source": "a"}),
        ("figures", {}),
        ("figures", {"about": "s"}),
    ],
)
def test_a_page_found_first_is_the_same_slice_of_the_whole_list(store, kind, filters):
    store.add(samples.all_pairs() + [samples.numbered(i) for i in range(6)])
    whole = getattr(store, kind)(**filters, limit=None)
    assert whole
    for offset in range(len(whole) + 1):
        assert getattr(store, kind)(**filters, limit=2, offset=offset) == whole[offset : offset + 2]


def _plan(store, kind: str, filters: dict) -> str:
    q, _ = queries.build(kind, filters)
    if kind in queries.PAGE_FIRST:  # a page is found on the record table first
        q, _ = queries.page_first(kind, q)
    with store.engine.connect() as conn:
        sql = str(q.limit(50).compile(conn, compile_kwargs={"literal_binds": True}))
        if conn.dialect.name == "sqlite":
            return "\n".join(r[-1] for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))
        # Tiny tables: forbid what a large one would make too costly, to see if an index CAN serve it.
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        conn.execute(text("SET LOCAL enable_sort = off"))
        return "\n".join(r[0] for r in conn.execute(text("EXPLAIN " + sql)))


@pytest.mark.parametrize(
    "kind,filters,index",
    [
        ("events", {}, "ix_events_newest"),
        ("events", {"type": "ASSAULT"}, "ix_events_type_newest"),
        ("events", {"mode": "planned"}, "ix_events_mode_newest"),
        ("statements", {}, "ix_statements_newest"),
        ("statements", {"certainty": "denied"}, "ix_statements_certainty_newest"),
        ("statements", {"country": "IRN"}, "ix_statements_country_newest"),
        ("figures", {}, "ix_figures_newest"),
        ("figures", {"country": "XXX"}, "ix_figures_country_newest"),
        ("times", {}, "ix_times_newest"),
        ("articles", {}, "ix_articles_newest"),
        ("actors", {}, "ix_actor_totals_rank"),
        ("places", {}, "ix_place_totals_rank"),
    ],
)
def test_list_pages_are_read_in_index_order_without_sorting_every_row(store, kind, filters, index):
    for i in range(40):
        art, res = samples.numbered(i)
        res.places.append(
            Place("p1", f"Town {i % 20}", "XX", 1.0, float(i % 20), 100 + i % 20, "city", res.actors[0].mentions)
        )
        store.add([(art, res)])
    store.add(samples.all_pairs())
    with store.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    plan = _plan(
        store,
        kind,
        {"include_duplicates": False, **filters}
        if kind in ("events", "statements", "figures", "articles")
        else filters,
    )
    assert index in plan, plan
    if store.engine.dialect.name == "sqlite":
        # the rank index orders by count only; ties are sorted, a few rows at a time
        assert "TEMP B-TREE FOR ORDER BY" not in plan, plan
    else:
        assert "\n Sort " not in plan and not plan.startswith("Sort") and "-> Sort" not in plan, plan
