"""Merged events for the web: one merged event with every report's evidence, and the event -> merged link."""

from __future__ import annotations

from fastapi import HTTPException
from sqlalchemy import func, select

from ..ledger import merged_events
from ..store import ledger_tables
from . import highlight

EXCERPT_PAD = 160  # characters of context either side of a report's evidence


def load_merged(store, merged_id: int) -> dict:
    """The merged event with each report's event, statement source, evidence spans and relay chain."""
    rows = merged_events(store, id=merged_id, limit=1)
    if not rows:
        raise HTTPException(404, f"no merged event with id {merged_id} in this ledger")
    m = rows[0]
    events = _events(store, {r["article_id"] for r in m["report_list"]})
    for r in m["report_list"]:
        ev = events.get((r["article_id"], r["event_id"]), {})
        r.update(
            mode=ev.get("mode"),
            url=ev.get("url"),
            actor_name=ev.get("actor_name"),
            recipient_name=ev.get("recipient_name"),
            place_name=ev.get("place_name"),
            evidence=ev.get("evidence") or [],
            relayed=len(r.get("chain") or []) > 1,
            event_path=f"/events/{r['article_id']}/{r['event_id']}",
            article_path=f"/articles/{r['article_id']}",
        )
    return m


def _events(store, article_ids: set[str]) -> dict[tuple[str, str], dict]:
    # A wire copy's events are hidden from default queries but are still reports of the merged event.
    return {
        (aid, e["id"]): e for aid in article_ids for e in store.events(article=aid, include_duplicates=True, limit=None)
    }


def excerpts(store, m: dict) -> list[list[highlight.Segment]]:
    """Per report, the article text around its evidence, cut into highlighted segments (same order)."""
    texts = {
        aid: art["text"]
        for aid in {r["article_id"] for r in m["report_list"]}
        for art, _ in store.result_dicts(article=aid)
    }
    statements = {}
    for aid in texts:
        for s in store.statements(article=aid, include_duplicates=True, limit=None):
            statements[(aid, s["id"])] = s
    out = []
    for r in m["report_list"]:
        text = texts.get(r["article_id"], "")
        st = statements.get((r["article_id"], r.get("statement")))
        marks = [
            *(m for sp in r["evidence"] for m in highlight.span_mark(sp, "evidence", "evidence")),
            *highlight.span_mark(r.get("trigger"), "trigger", f"{m['type']} trigger"),
        ]
        if st:
            marks += highlight.span_mark(st.get("source"), "source", "who says so")
            marks += highlight.span_mark(st.get("cue"), "cue", "cue")
            if not r["evidence"]:  # no evidence span: the statement's content is what backs the report
                marks += highlight.span_mark(st.get("content"), "statement", "the statement that asserts it")
        out.append(highlight.excerpt(text, marks, EXCERPT_PAD))
    return out


def merged_of(store, article_id: str, event_id: str) -> dict | None:
    """{'id', 'reports'} of the merged event an extracted event is a report of, or None."""
    er = ledger_tables.event_reports
    with store.engine.connect() as conn:
        mid = conn.execute(
            select(er.c.merged_id).where(er.c.article_id == article_id, er.c.event_id == event_id)
        ).scalar()
        if mid is None:
            return None
        # Reports of one article count once (as in the merged-events list).
        n = conn.execute(select(func.count(er.c.article_id.distinct())).where(er.c.merged_id == mid)).scalar()
    return {"id": mid, "reports": n, "outlets": _outlets(store, mid)}


def _outlets(store, merged_id: int) -> list[str]:
    """The outlets that reported a merged event, each once, in the order they first reported it."""
    rows = merged_events(store, id=merged_id, limit=1)
    reports = sorted(rows[0]["report_list"], key=lambda r: r.get("published") or "") if rows else []
    return list(dict.fromkeys(r.get("outlet") or "unknown outlet" for r in reports))
