"""The cross-article ledger on invented fixture sets, through the real pipeline and a real SQLite ledger:
the same event by three outlets, a wire copy with a changed headline, two attacks in one city on one
day, a casualty count that rises over a week."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from newsledger.api import Ledger
from newsledger.ledger.evaluate import pairwise
from newsledger.store import SCHEMA_VERSION, ledger_tables, schema
from tests.conftest import FIXTURES

SETS = FIXTURES / "ledger"
FILES = sorted(str(p) for p in SETS.glob("*.jsonl"))
GOLD = json.loads((SETS / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    db = tmp_path_factory.mktemp("crossledger") / "ledger.db"
    with Ledger(db) as led:
        summary = led.ingest(FILES)
        assert summary.added == 12 and summary.failed == 0
        yield led


def _merged_with(ledger, title: str, trigger: str) -> dict:
    for m in ledger.merged_events(limit=None):
        for r in m["report_list"]:
            if r["title"] == title and r["trigger"]["text"] == trigger:
                return m
    raise AssertionError(f"no report {trigger!r} of {title!r}")


def test_wire_copy_is_linked_to_the_first_stored_and_counted_once(ledger):
    with ledger.store.engine.connect() as conn:
        links = conn.execute(select(ledger_tables.duplicates)).mappings().all()
    assert len(links) == 1 and links[0]["similarity"] >= 0.5
    copy, canonical = (
        ledger.articles(article=links[0][k], include_duplicates=True)[0] for k in ("article_id", "canonical_id")
    )
    assert {copy["outlet"], canonical["outlet"]} == {"Continental Wire", "Lakeside Times"}
    assert copy["added"] >= canonical["added"]
    assert len(ledger.articles(limit=None)) == 11 and len(ledger.articles(limit=None, include_duplicates=True)) == 12
    assert not ledger.events(article=copy["id"], limit=None)
    assert ledger.events(article=copy["id"], limit=None, include_duplicates=True)
    assert not ledger.figures(article=copy["id"]) and not ledger.statements(article=copy["id"])


def test_outlets_reporting_one_strike_make_one_event_that_keeps_every_report(ledger):
    m = _merged_with(ledger, "Russian missile strike hits apartment block in Kharkiv, killing seven", "struck")
    assert m["type"] == "ASSAULT" and m["articles"] == 2 and m["outlets"] == 2
    assert m["outlet_names"] == ["Daily Meridian", "Northwire"] and m["first_reported"] == "2025-03-11"
    assert m["id"] == _merged_with(ledger, "Seven dead as missile slams into Kharkiv housing block", "killed")["id"]
    assert all(r["reason"] for r in m["report_list"])
    assert any("same place Kharkiv; same story" in r["reason"] for r in m["report_list"])
    for r in m["report_list"]:  # each report points at its article's event and span
        ev = ledger.events(article=r["article_id"], include_duplicates=True, limit=None)
        assert r["event_id"] in {e["id"] for e in ev} and r["trigger"]["start"] is not None
    # The third outlet words it apart (another story) and names no participant or place the
    # others name: without positive evidence it is not merged (a known recall miss, not a guess).
    third = _merged_with(ledger, "Kharkiv mourns after overnight missile attack", "attacked")
    assert third["id"] != m["id"]


def test_merged_events_filter_by_distinct_outlets(ledger):
    two = ledger.merged_events(min_outlets=2, limit=None)
    assert two and all(m["outlets"] >= 2 and len(m["outlet_names"]) == m["outlets"] for m in two)
    assert len(ledger.merged_events(min_outlets=3, limit=None)) < len(two)
    # Reports of one article count once: a merged event told twice in one article is one report.
    for m in ledger.merged_events(limit=None):
        assert m["reports"] == len({r["article_id"] for r in m["report_list"]}) <= m["mentions"]


def test_two_attacks_in_one_city_on_one_day_stay_apart(ledger):
    market = _merged_with(ledger, "Market bombing in Mosul leaves 12 dead", "killed")
    checkpoint = _merged_with(ledger, "Three officers shot dead at checkpoint in Mosul", "shot")
    assert market["id"] != checkpoint["id"]
    assert market["articles"] == 2 and checkpoint["articles"] == 2
    assert market["id"] == _merged_with(ledger, "Car bomb kills 12 at Mosul market", "killing")["id"]
    assert (
        checkpoint["id"]
        == _merged_with(ledger, "Gunmen kill three police officers at Mosul checkpoint", "killing")["id"]
    )


def test_rising_toll_is_one_event_and_one_series(ledger):
    m = _merged_with(ledger, "Gunmen kill 15 in attack on Nigerian village", "attacked")
    assert m["articles"] == 3 and m["first_date"] == "2025-02-02"
    [s] = [s for s in ledger.figure_series(about="killed") if 15 in [v["value"] for v in s["values"]]]
    assert [v["value"] for v in s["values"]] == [15, 23, 31]
    assert s["spread"] == {"min": 15, "max": 31}
    relayed = next(v for v in s["values"] if v["value"] == 31)
    # "..., Governor Babagana Zulum said, according to Continental Wire": relayed by the wire, the
    # claim is still the governor's; his two reports are one source, counted once.
    assert relayed["chain"][-1] == "Continental Wire" and relayed["origin"] == "babagana zulum"
    assert s["latest_per_source"]["babagana zulum"]["value"] == 31
    assert s["measure"] == "killed" and s["independent_sources"] == len(s["origins"]) == 2


def test_merge_quality_on_the_fixture_sets(ledger):
    predicted, gold = {}, {}
    for m in ledger.merged_events(limit=None):
        for r in m["report_list"]:
            predicted[(r["article_id"], r["event_id"])] = m["id"]
            story = GOLD.get(r["title"], {}).get(r["trigger"]["text"])
            if story:
                gold[(r["article_id"], r["event_id"])] = story
    scores = pairwise(predicted, gold)
    assert scores["items"] >= 25
    # Precision first: merged only on positive evidence (the fixture's misses: the Kyiv Courier's
    # rewording, and the protest articles' arrests and marches, which name no place of their own).
    assert scores["precision"] >= 0.95 and scores["recall"] >= 0.7, scores


def _snapshot(ledger) -> dict:
    with ledger.store.engine.connect() as conn:
        return {
            t.name: sorted(map(tuple, conn.execute(select(t)).all()), key=repr) for t in ledger_tables.LEDGER_TABLES
        }


def test_reingesting_and_relinking_change_nothing(ledger):
    before = _snapshot(ledger)
    summary = ledger.ingest([FILES[0], FILES[2]])
    assert summary.added == 0
    assert ledger.relink() == {"linked": 0, "duplicates": 0, "reports": 0}
    assert _snapshot(ledger) == before


def test_a_version_1_ledger_gets_the_new_tables_and_can_be_linked(ledger, tmp_path):
    """A ledger made before version 2: its articles are linked by `newsledger link`."""
    import sqlalchemy as sa

    db = tmp_path / "old.db"
    engine = sa.create_engine(f"sqlite:///{db}")
    from tests.store import schema_v2  # the tables as they were (version 1 = version 2 minus the ledger tables)

    v1 = [t for t in schema_v2.metadata.sorted_tables if t not in schema_v2.LEDGER_TABLES]
    with engine.begin() as conn:
        schema_v2.metadata.create_all(conn, tables=v1)
        conn.execute(schema.meta.insert().values(key="schema_version", value="1"))
    engine.dispose()
    from newsledger.store import open_store

    with open_store(db) as store:
        store.add(list(ledger.store.results()))
        assert store.schema_version == SCHEMA_VERSION
    proc = subprocess.run(
        [sys.executable, "-m", "newsledger", "link", "--db", str(db)], capture_output=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert "linked 12 articles: 1 duplicates" in proc.stderr.decode()
    with Ledger(db) as again:
        merged = again.merged_events(min_reports=2, limit=None)
        assert len(merged) >= 3 and len(merged) == len(ledger.merged_events(min_reports=2, limit=None))


def test_cli_merged_events_and_series(ledger):
    def run(*args):
        proc = subprocess.run(
            [sys.executable, "-m", "newsledger", *args, "--db", ledger.db], capture_output=True, timeout=300
        )
        assert proc.returncode == 0, proc.stderr.decode()
        return proc.stdout.decode()

    merged = json.loads(run("events", "--merged", "--min-reports", "3", "--json"))
    assert merged and all(m["reports"] >= 3 and m["independent_sources"] >= 1 for m in merged)
    two = json.loads(run("events", "--merged", "--min-outlets", "2", "--json"))
    assert two and all(m["outlets"] >= 2 and len(m["outlet_names"]) >= 2 for m in two)
    shown = run("events", "--merged", "--min-outlets", "2")
    assert "Daily Meridian" in shown and "Northwire" in shown and "Lakeside Times" not in shown
    table = run("events", "--merged", "--type", "ASSAULT")
    assert "Kharkiv" in table and "Kyiv Courier" in table
    series = json.loads(run("figures", "--about", "killed", "--actor", "IRQ", "--series", "--json"))
    assert [s["actor"] for s in series] == ["IRQ"] and series[0]["spread"] == {"min": 3, "max": 3}
    assert "independent source" in run("figures", "--about", "killed", "--series")
    assert len(json.loads(run("articles", "--all", "--json", "--limit", "100"))) == 12


from tests.store.conftest import pg_url  # noqa: E402,F401  (the PostgreSQL fixture; skips without a server)


def test_linking_on_postgresql_gives_the_same_ledger(ledger, pg_url):  # noqa: F811
    from newsledger.ledger import link
    from newsledger.store import open_store

    with open_store(pg_url) as pg:
        pg.add(list(ledger.store.results()))  # one batch, as the SQLite ledger got them
        counts = link(pg)
        assert counts["linked"] == 12 and counts["duplicates"] == 1
        assert link(pg)["linked"] == 0
        with pg.engine.connect() as conn:
            n_merged = conn.execute(select(func.count()).select_from(ledger_tables.merged_events)).scalar_one()
        with ledger.store.engine.connect() as conn:
            assert n_merged == conn.execute(select(func.count()).select_from(ledger_tables.merged_events)).scalar_one()
