"""Adding to the ledger and querying it, on every available backend."""

from __future__ import annotations

import pytest

from newsledger.contract import problems
from newsledger.errors import UsageError
from tests.store import samples


@pytest.fixture
def filled(store):
    assert store.add(samples.all_pairs()) == 3
    return store


def ids(rows):
    return [(r["article_id"], r["id"]) for r in rows]


def test_add_is_idempotent_and_counts_new_articles(store):
    pairs = samples.all_pairs()
    assert store.add(pairs[:2]) == 2
    before = store.stats()
    assert store.add(pairs) == 1  # only the third is new
    assert store.add([*pairs, pairs[0]]) == 0  # nothing new, duplicates inside the batch too
    assert store.add([]) == 0
    after = store.stats()
    assert after["articles"] == 3
    assert after["events"] == before["events"] + 1 == 6
    assert after["actors"] == 8 and after["statements"] == 5 and after["figures"] == 3


def test_known_ids(filled):
    assert filled.known_ids(["art-talks", "nope", "art-sighting", "art-talks"]) == {"art-talks", "art-sighting"}
    assert filled.known_ids([]) == set()


def test_results_round_trip_what_was_added(filled):
    originals = {a.id: (a, r) for a, r in samples.all_pairs()}
    got = list(filled.results())
    assert [a.id for a, _ in got] == ["art-talks", "art-shelling", "art-sighting"]  # newest first, undated last
    for article, result in got:
        assert (article, result) == originals[article.id]
    ((article, result),) = filled.results(article="art-shelling")
    assert result.figures[1].bound == ">=" and result.events[0].acled["event_type"] == "Explosions/Remote violence"


def test_results_keep_the_contract_promises(filled):
    for article, result in filled.results():
        assert problems(result.to_dict(), article.text) == []
        spans = [m for x in result.actors + result.places for m in x.mentions]
        spans += [x for x in result.times + result.figures]
        spans += [x.trigger for x in result.events]
        spans += [s for st in result.statements for s in (st.source, st.cue, st.content) if s is not None]
        assert spans
        for s in spans:
            assert article.text[s.start : s.end] == s.text


def test_event_rows_carry_article_fields_and_resolved_names(filled):
    (row,) = filled.events(article="art-shelling", text="shelled Russian")
    assert row["type"] == "ASSAULT" and row["trigger"]["text"] == "shelled"
    assert (row["published"], row["outlet"], row["title"]) == (
        "2024-03-05",
        "Harbour Times",
        "Shelling hits border villages",
    )
    assert (row["actor_name"], row["actor_country"], row["actor_sector"]) == ("Russian forces", "RUS", "MIL")
    assert (row["recipient_name"], row["recipient_country"]) == ("Ukraine", "UKR")
    assert (row["place_name"], row["place_lat"], row["place_lon"]) == ("Kharkiv", 49.99, 36.23)
    assert row["time_value"] == "2024-03-05" and row["source_text"] == "Ukrainian officials"
    assert row["figures"] == ["f1"] and row["confidence"] == 0.9


def test_events_order_is_newest_article_first_then_record_order(filled):
    assert ids(filled.events()) == [
        ("art-talks", "e1"),
        ("art-talks", "e2"),
        ("art-talks", "e3"),
        ("art-shelling", "e1"),
        ("art-shelling", "e2"),
        ("art-sighting", "e1"),
    ]
    assert ids(filled.events(limit=2, offset=2)) == [("art-talks", "e3"), ("art-shelling", "e1")]


def test_event_filters(filled):
    assert ids(filled.events(type="assault")) == [("art-shelling", "e1"), ("art-shelling", "e2")]
    assert ids(filled.events(mode="planned")) == [("art-talks", "e1")]
    # actor: case-insensitive substring of the actor's or the recipient's name
    assert ids(filled.events(actor="RUSSIAN")) == [("art-shelling", "e1"), ("art-sighting", "e1")]
    assert ids(filled.events(actor="ukrain")) == [("art-shelling", "e1")]
    # country: the actor's OR the recipient's country code
    assert ids(filled.events(country="irn")) == [("art-talks", "e2"), ("art-talks", "e3")]
    assert ids(filled.events(country="UKR")) == [("art-shelling", "e1")]
    assert ids(filled.events(since="2024-06-10")) == [("art-talks", "e1"), ("art-talks", "e2"), ("art-talks", "e3")]
    assert ids(filled.events(until="2024-06-09")) == [("art-shelling", "e1"), ("art-shelling", "e2")]
    assert ids(filled.events(since="2024-03", until="2024-03")) == [("art-shelling", "e1"), ("art-shelling", "e2")]
    assert ids(filled.events(text="SUPPLIED")) == [("art-talks", "e3")]
    assert len(filled.events(text="geneva")) == 3  # matches the title
    assert ids(filled.events(type="ASSAULT", country="RUS", since="2024")) == [("art-shelling", "e1")]
    assert filled.events(type="AGREE") == []


def test_statement_filters_and_source_country(filled):
    rows = filled.statements(certainty="denied")
    assert ids(rows) == [("art-talks", "s2")]
    start = samples.talks()[0].text.index("Iran denied")
    assert rows[0]["source"] == {"start": start, "end": start + 4, "text": "Iran", "actor": "a3"}
    assert rows[0]["source_country"] == "IRN" and rows[0]["cue"]["text"] == "denied"
    assert ids(filled.statements(source="spokes")) == [("art-talks", "s1")]
    assert ids(filled.statements(source="ukraine")) == [("art-shelling", "s1")]  # by the actor's name
    assert ids(filled.statements(country="UKR")) == [("art-shelling", "s1"), ("art-shelling", "s2")]
    assert ids(filled.statements(text="civilians")) == [("art-shelling", "s2")]
    assert ids(filled.statements(article="art-sighting")) == [("art-sighting", "s1")]
    assert filled.statements(article="art-sighting")[0]["hedged"] is True


def test_figure_filters(filled):
    rows = filled.figures(about="civilian")
    assert ids(rows) == [("art-shelling", "f2")]
    assert rows[0]["value"] == 40 and rows[0]["bound"] == ">=" and rows[0]["actor_name"] == "Ukraine"
    # who gives the figure: the statement whose content contains it
    assert (rows[0]["statement"], rows[0]["source_text"]) == ("s2", "the regional governor")
    assert filled.figures(about="drones")[0]["source_text"] == "Iran"
    filled.add([samples.numbered(1)])  # a figure nobody is quoted giving
    assert filled.figures(article="gen-0001")[0]["source_text"] is None

    assert ids(filled.figures(actor="iran")) == [("art-talks", "f1")]
    assert ids(filled.figures(country="UKR")) == [("art-shelling", "f2")]
    assert ids(filled.figures(about="village")) == [("art-shelling", "f1")]
    assert ids(filled.figures(text="drones", since="2024-06-01")) == [("art-talks", "f1")]


def test_actors_are_aggregated_across_articles(filled):
    rows = filled.actors(name="russian")
    assert len(rows) == 1
    r = rows[0]
    assert (r["name"], r["country"], r["sector"]) == ("Russian forces", "RUS", "MIL")
    assert (r["articles"], r["mentions"], r["events"]) == (2, 2, 2)
    (iran,) = filled.actors(country="irn")
    assert (iran["mentions"], iran["events"]) == (2, 2)
    assert {r["name"] for r in filled.actors(sector="reb")} == {"rebels"}
    assert filled.actors()[0]["name"] == "Russian forces"  # most articles first
    assert len(filled.actors(limit=3)) == 3


def test_places_times_and_articles(filled):
    (kharkiv,) = filled.places(name="khar")
    assert (kharkiv["country"], kharkiv["geonameid"], kharkiv["articles"], kharkiv["events"]) == ("UA", 706483, 1, 1)
    assert [p["name"] for p in filled.places(country="cd")] == ["Goma"]
    assert ids(filled.times(value="2024-W")) == [("art-talks", "t1")]
    assert ids(filled.times(text="tuesday")) == [("art-shelling", "t1")]
    arts = filled.articles()
    assert [a["id"] for a in arts] == ["art-talks", "art-shelling", "art-sighting"]
    assert arts[1]["events"] == 2 and arts[1]["chars"] == len(samples.shelling()[0].text)
    assert [a["id"] for a in filled.articles(outlet="harbour")] == ["art-shelling"]
    assert [a["id"] for a in filled.articles(text="witnesses")] == ["art-sighting"]  # body text
    assert [a["id"] for a in filled.articles(since="2024-04-01")] == ["art-talks"]


@pytest.mark.parametrize("evil", ["x'; DROP TABLE events; --", "' OR '1'='1", "%", "_", "\\", "ü\U0001f6a8"])
def test_hostile_filter_values_match_nothing_and_break_nothing(filled, evil):
    before = filled.stats()
    assert filled.events(actor=evil) == []
    assert filled.events(text=evil, type=evil, country=evil) == []
    assert filled.statements(source=evil) == [] and filled.figures(about=evil) == []
    assert filled.actors(name=evil) == [] and filled.articles(outlet=evil) == []
    assert filled.known_ids([evil]) == set()
    assert filled.stats() == before


def test_bad_dates_and_pages_are_usage_errors(filled):
    for bad in ("yesterday", "2024-13", "2024-02-30", "2024-06-10'; --"):
        with pytest.raises(UsageError):
            filled.events(since=bad)
    with pytest.raises(UsageError):
        filled.events(limit=-1)
    with pytest.raises(UsageError):
        filled.actors(offset="many")


def test_stats_and_ingest_summaries(filled):
    stats = filled.stats()
    assert stats["last_ingest"] is None
    filled.record_ingest(
        {
            "started": "2024-06-11T10:00:00",
            "finished": "2024-06-11T10:01:00",
            "inputs": 5,
            "articles_added": 3,
            "articles_skipped": 0,
            "failed": 1,
            "failures": ["x.html: empty page"],
        }
    )
    filled.record_ingest(
        {
            "started": "2024-06-12T10:00:00",
            "finished": "2024-06-12T10:00:30",
            "inputs": 4,
            "articles_added": 0,
            "articles_skipped": 3,
            "failures": ["a.warc: truncated", "b: gone"],
            "note": "second run",
        }
    )
    stats = filled.stats()
    assert {k: stats[k] for k in ("articles", "actors", "places", "times", "figures", "statements", "events")} == {
        "articles": 3,
        "actors": 8,
        "places": 3,
        "times": 2,
        "figures": 3,
        "statements": 5,
        "events": 6,
    }
    last = stats["last_ingest"]
    assert last["run"] == 2
    assert last["started"] == "2024-06-12T10:00:00" and last["articles_skipped"] == 3
    assert last["failed"] == 2 and last["failures"] == ["a.warc: truncated", "b: gone"]
    assert last["note"] == "second run"


def test_odd_articles_are_stored_and_read_back(store):
    from newsledger.records import Article, ArticleResult, Span, Statement

    empty = Article(text="")
    huge_text = "ALL CAPS HEADLINE \U0001f4a5 " * 40_000 + "\x00 end"
    huge = Article(text=huge_text, id="huge")
    odd = ArticleResult(id="huge", statements=[Statement("s1", True, None, None, Span(0, 17, "ALL CAPS HEADLINE"))])
    assert store.add([(empty, ArticleResult(id=empty.id)), (huge, odd)]) == 2
    got = dict((a.id, (a, r)) for a, r in store.results())
    assert got[empty.id][0].text == "" and got[empty.id][1] == ArticleResult(id=empty.id)
    article, result = got["huge"]
    assert len(article.text) == len(huge_text) and article.text.endswith("\ufffd end")  # NUL kept as one char
    assert result.statements[0].source is None and result.statements[0].content.text == "ALL CAPS HEADLINE"
    assert store.statements(text="all caps")[0]["direct"] is True
