"""Revisiting: when a report joins a merged event, another merged event whose own report is now that
event on positive evidence (and conflicts with nothing) is folded in: what merges does not depend on
the order reports arrive. Hand-built reports and a real SQLite ledger."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from newsledger.ledger import merge, revisit
from newsledger.ledger.merge import Cluster, Report
from newsledger.ledger.update import _new_cluster, fold
from newsledger.store import ledger_tables, open_store


def _report(article: str, **kw) -> Report:
    base = dict(event_id="e1", type="ASSAULT", mode="actual", date=dt.date(2025, 4, 7), dated=False, story="s1")
    base.update(kw)
    return Report(article_id=article, **base)


def _cluster(*reports: Report, id: int) -> Cluster:
    return Cluster(id, reports[0].type, reports[0].mode, reports[0].date, reports[0].date, list(reports))


def test_a_merged_event_that_a_joining_report_shows_to_be_the_same_is_folded_in():
    # a: a later sentence naming the gunman; b: another article's lead, naming no one. Apart they
    # share nothing; the report r (a lead naming the gunman as its doer) joins a, and then b's lead
    # is a's event (two leads of one story of which one names who did it).
    a = _cluster(_report("a", sentence=6, participants=["S:p:lopez"]), id=1)
    b = _cluster(_report("b", sentence=0), id=2)
    r = _report("c", sentence=0, participants=["A:p:lopez", "S:p:lopez"])
    assert not revisit.same_event(a, b)
    assert merge.compare(r, a)
    assert [c.id for c in revisit.also_same(a, r, [a, b], [])] == [2]
    assert revisit.also_same(a, r, [a, b], [b]) == []  # already found by choose(): not twice


def test_a_merged_event_that_conflicts_is_not_folded_in():
    far = dict(place_name="Erbil", lat=36.19, lon=44.01, place_kind="city")
    a = _cluster(
        _report(
            "a", sentence=6, participants=["S:p:lopez"], place_name="Mosul", lat=36.34, lon=43.13, place_kind="district"
        ),
        id=1,
    )
    b = _cluster(_report("b", sentence=0, **far), id=2)
    r = _report("c", sentence=0, participants=["S:p:lopez"])
    assert merge.compare(r, a)
    assert revisit.also_same(a, r, [a, b], []) == []
    other_kind = _cluster(_report("b", type="PROTEST", sentence=0), id=3)
    assert revisit.also_same(a, r, [a, other_kind], []) == []


def test_a_folded_merged_events_id_is_never_given_to_a_new_one(tmp_path):
    # SQLite hands out the largest rowid again once its row is deleted; a folded id redirects.
    with open_store(tmp_path / "l.db") as store, store.engine.begin() as conn:
        r = _report("a", sentence=0)
        first, second = _new_cluster(conn, r), _new_cluster(conn, r)
        fold(conn, second, first, "test")
        third = _new_cluster(conn, r)
        assert third not in (first, second)
        me, rd = ledger_tables.merged_events, ledger_tables.merged_redirects
        assert sorted(conn.execute(select(me.c.id)).scalars()) == [first, third]
        assert conn.execute(select(rd.c.new_id).where(rd.c.old_id == second)).scalar() == first
