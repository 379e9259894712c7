"""Full-text search (the `text` filter, newsledger.store.search) on every available backend: several
words, phrases, or, -word, stemming, ranking, counts and facets of a search, the records' search text,
and schema version 7 indexing the records a version 6 ledger holds."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, select, text

from newsledger.records import Actor, Article, Event, Statement
from newsledger.store import SCHEMA_VERSION, open_store, schema
from newsledger.store.backend import to_url
from newsledger.store.search import fts5_query
from tests.store import samples

KINDS = ("articles", "events", "statements", "figures", "times")
Q = "Russia or killed or Tuesday"  # something of every kind


def korea() -> tuple[Article, object]:
    """The worked example's sentence (DESIGN.md), with its source, figure and events."""
    t = samples._Text(
        "South Korea's military has said that North Korea is preparing to deploy more troops to Russia "
        "after approximately 1,100 soldiers have been killed, according to Yonhap News Agency."
    )
    art = Article(text=t.text, id="art-korea", title="Troops to Russia", outlet="Seoul Wire", published="2024-12-23")
    return samples._pair(
        art,
        actors=[
            Actor("a1", "North Korea", "PRK", "GOV", [t.span("North Korea")], "country"),
            Actor("a2", "South Korean military", "KOR", "MIL", [t.span("South Korea's military")]),
            Actor("a3", "Russia", "RUS", "GOV", [t.span("Russia")], "country"),
        ],
        figures=[t.figure("f1", "approximately 1,100 soldiers", value=1100, approx=True, counted="soldiers")],
        statements=[
            Statement(
                "s1",
                False,
                t.source("South Korea's military", "a2"),
                t.span("has said"),
                t.span("North Korea is preparing to deploy more troops to Russia after approximately 1,100 soldiers"),
            )
        ],
        events=[
            Event("e1", "MOBILIZE", t.span("deploy"), actor="a1", recipient="a3", statement="s1", mode="planned"),
            Event("e2", "ASSAULT", t.span("killed"), figures=["f1"]),
        ],
    )


@pytest.fixture
def filled(store):
    store.add([*samples.all_pairs(), korea(), *(samples.numbered(i) for i in range(4))])
    return store


def found(store, kind, query, **more):
    key = "id" if kind == "articles" else "article_id"
    return [r[key] for r in getattr(store, kind)(text=query, limit=None, **more)]


def test_north_korea_killed_finds_the_article_the_statement_and_the_figure(filled):
    assert found(filled, "articles", "North Korea killed") == ["art-korea"]
    assert found(filled, "statements", "North Korea soldiers") == ["art-korea"]  # its content
    assert found(filled, "figures", "North Korea soldiers") == ["art-korea"]  # through the statement
    assert found(filled, "events", "North Korea deploy") == ["art-korea"]  # actor name and trigger
    assert [e["id"] for e in filled.events(text="Russia killed")] == ["e2"]  # the title and the trigger


def test_all_words_must_match_in_any_form(filled):
    assert found(filled, "articles", "North Korea Kharkiv") == []
    assert found(filled, "articles", "shell") == ["art-shelling"]  # "shelled", "Shelling": stemmed
    assert found(filled, "articles", "KILLING") == found(filled, "articles", "killed")


def test_phrases_or_and_leaving_words_out(filled):
    assert found(filled, "articles", '"North Korea"') == ["art-korea"]
    assert found(filled, "articles", '"Korea North"') == []  # the words, not in that order
    assert sorted(found(filled, "articles", "Geneva or Kharkiv")) == ["art-shelling", "art-talks"]
    assert found(filled, "articles", "Korea -Yonhap") == []
    assert found(filled, "articles", "Korea -Kharkiv") == ["art-korea"]


@pytest.mark.parametrize("query", ["NEAR(a b)", 'a" OR "b', "*", "!!!", "AND", "-", '"', "'; DROP TABLE articles; --"])
def test_search_syntax_is_never_an_error(filled, query):
    for kind in KINDS:
        getattr(filled, kind)(text=query, limit=None)
        filled.count(kind, text=query)


def test_the_best_match_comes_first_unless_a_sort_is_asked(filled):
    # Both mention Russian forces; the shelling article has "shell" in its title and its text.
    ranked = found(filled, "articles", "shelled Russian")
    assert ranked == ["art-shelling"]
    both = found(filled, "articles", "Russian or Russia or shelled")
    assert both[0] == "art-shelling" and set(both) == {"art-shelling", "art-korea", "art-sighting"}
    by_date = [r["published"] for r in filled.articles(text="Russian or Russia", sort="published", limit=None)]
    assert [d for d in by_date if d] == sorted(d for d in by_date if d)


@pytest.mark.parametrize("kind", KINDS)
def test_count_and_facets_of_a_search(filled, kind):
    rows = getattr(filled, kind)(text=Q, limit=None)
    assert filled.count(kind, text=Q) == len(rows) > 0
    facets = filled.facets(kind, text=Q)
    for values in facets.values():
        assert sum(v["n"] for v in values) <= 2 * len(rows)
    page = getattr(filled, kind)(text=Q, limit=1, offset=1)
    assert page == rows[1:2]


def test_records_search_text_holds_names_and_the_statement(filled):
    with filled.engine.connect() as conn:
        fig = conn.execute(
            select(schema.figures.c.search_text).where(schema.figures.c.article_id == "art-korea")
        ).scalar()
    assert fig.startswith("Troops to Russia approximately 1,100 soldiers soldiers")
    assert "South Korea's military North Korea is preparing" in fig


def test_fts5_query_quotes_every_term():
    assert fts5_query("North Korea killed") == '"North" AND "Korea" AND "killed"'
    assert fts5_query('"North Korea" -Seoul') == '"North Korea" NOT "Seoul"'
    assert fts5_query("a or b c") == '("a" OR "b") AND "c"'
    assert fts5_query('say "it"" now') == '"say" AND "it" AND "now"'
    assert fts5_query("!!! ...") is None


def test_a_v6_ledger_is_indexed_for_search(ledger_url):
    pairs = [*samples.all_pairs(), korea()]
    with open_store(ledger_url) as store:
        store.add(pairs)
        written = {
            kind: sorted(store.engine.connect().execute(select(t.c.article_id, t.c.ord, t.c.search_text)).all())
            for kind, t in schema.RECORD_TABLES.items()
            if "search_text" in t.c
        }
        expected = {kind: found(store, kind, Q) for kind in KINDS}
    engine = create_engine(to_url(ledger_url))
    with engine.begin() as conn:  # the ledger as version 6 left it
        if engine.dialect.name == "sqlite":
            for table in ("articles", *written):
                conn.execute(text(f"DROP TABLE {table}_fts"))
                for event in ("insert", "delete", "update"):
                    conn.execute(text(f"DROP TRIGGER {table}_fts_{event}"))
        else:
            for table in ("articles", *written):
                conn.execute(text(f"ALTER TABLE {table} DROP COLUMN search_tsv"))
        for table in written:
            conn.execute(text(f"ALTER TABLE {table} DROP COLUMN search_text"))
        conn.execute(text("UPDATE meta SET value = '6' WHERE key = 'schema_version'"))
    engine.dispose()
    with open_store(ledger_url) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION
        for kind, t in schema.RECORD_TABLES.items():
            if kind in written:  # the migration writes what a new record gets
                with migrated.engine.connect() as conn:
                    assert sorted(conn.execute(select(t.c.article_id, t.c.ord, t.c.search_text)).all()) == written[kind]
        assert {kind: found(migrated, kind, Q) for kind in KINDS} == expected
        migrated.add([samples.numbered(9)])  # and what is added later is found
        assert found(migrated, "articles", "trucks") == ["gen-0009"]
