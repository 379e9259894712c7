"""Records <-> table rows. The only place that knows how a record is laid out in its table.

to_rows() flattens one ArticleResult into rows per table; the *_dict() functions turn a
row (a mapping with the table's column names) back into the record's JSON-contract dict,
which is what both queries and results() build on.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from ..records import PLACE_ROLES, Article, ArticleResult, Span

ARTICLE_FIELDS = ("id", "title", "url", "outlet", "author", "published", "source", "kind", "text")


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def clean(value: Any) -> Any:
    """The one rule for text at the Store's edge: NUL and lone surrogates -> U+FFFD.

    PostgreSQL text cannot hold NUL (psycopg raises DataError), SQLite cuts LIKE patterns at it,
    and neither driver can encode a surrogate. One character for one, so every offset stays valid.
    Applied to every parameter of every statement (backend.clean_parameters) and to COPY rows.
    """
    return _UNSTORABLE.sub("\ufffd", value) if needs_cleaning(value) else value


def needs_cleaning(value: Any) -> bool:
    """Whether clean() would change this value: a string with NUL or a lone surrogate (plain ASCII
    without NUL, almost every string, is let through without the regex)."""
    if not isinstance(value, str) or (value.isascii() and "\x00" not in value):
        return False
    return _UNSTORABLE.search(value) is not None


def clean_row(row: dict) -> dict:
    for k, v in row.items():
        if isinstance(v, str):
            row[k] = clean(v)
    return row


def _span_cols(prefix: str, span: Span | None) -> dict:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end, f"{prefix}_text": span.text}


def _span_dict(row: Mapping, prefix: str) -> dict | None:
    start, end, text = row[f"{prefix}_start"], row[f"{prefix}_end"], row[f"{prefix}_text"]
    if start is None and end is None and text is None:
        return None
    return {"start": start, "end": end, "text": text}


def _number(x: Any) -> Any:
    """Floats read back from a Float column: whole numbers become ints again (1100, not 1100.0)."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**53:
        return int(x)
    return x


def _mentions(spans: list[Span] | None) -> list[dict]:
    return [m.to_dict() for m in spans or []]


def article_row(article: Article, result: ArticleResult, added: str) -> dict:
    row = {f: getattr(article, f) for f in ARTICLE_FIELDS}
    for f in ("published", "title", "url", "outlet"):  # the result may know what the article did not
        if row[f] is None:
            row[f] = getattr(result, f, None)
    row["text"] = row["text"] or ""
    row["added"] = added
    return clean_row(row)


def to_rows(article_id: str, result: ArticleResult) -> dict[str, list[dict]]:
    """Rows per record table for one article's result."""
    rows: dict[str, list[dict]] = {}
    # Counted once here, so the cross-article actor/place tables need no join over all events.
    in_events = Counter(
        ref for e in result.events for ref in {e.actor, e.recipient, *e.co_actors, *e.co_recipients} if ref is not None
    )
    at_place = Counter(e.place for e in result.events if e.place is not None)
    rows["actors"] = [
        {
            "name": a.name,
            "country": a.country,
            "sector": a.sector,
            "kind": a.kind,
            "mentions": _mentions(a.mentions),
            "n_mentions": len(a.mentions or []),
            "n_events": in_events[a.id],
            "id": a.id,
        }
        for a in result.actors
    ]
    rows["places"] = [
        {
            "name": p.name,
            "country": p.country,
            "lat": p.lat,
            "lon": p.lon,
            "geonameid": p.geonameid,
            "kind": p.kind,
            "mentions": _mentions(p.mentions),
            "n_mentions": len(p.mentions or []),
            "n_events": at_place[p.id],
            "id": p.id,
        }
        for p in result.places
    ]
    rows["times"] = [
        {"id": t.id, "start": t.start, "end": t.end, "text": t.text, "value": t.value, "mod": t.mod}
        for t in result.times
    ]
    rows["figures"] = [
        {
            "id": f.id,
            "start": f.start,
            "end": f.end,
            "text": f.text,
            "value": f.value,
            "low": f.low,
            "high": f.high,
            "approx": bool(f.approx),
            "bound": f.bound,
            "unit": f.unit,
            "counted": f.counted,
            "actor": f.actor,
        }
        for f in result.figures
    ]
    rows["statements"] = [
        {
            "id": s.id,
            "direct": bool(s.direct),
            **_span_cols("source", s.source),
            "source_actor": getattr(s.source, "actor", None),
            **_span_cols("cue", s.cue),
            **_span_cols("content", s.content),
            "certainty": s.certainty,
            "via": s.via,
            "hedged": bool(s.hedged),
        }
        for s in result.statements
    ]
    rows["events"] = [
        {
            "id": e.id,
            "type": e.type,
            "mode": e.mode,
            "acled": e.acled,
            **_span_cols("trigger", e.trigger),
            "actor": e.actor,
            "recipient": e.recipient,
            "place": e.place,
            "time": e.time,
            "figures": list(e.figures or []),
            "statement": e.statement,
            "confidence": e.confidence,
            "evidence": [sp.to_dict() for sp in getattr(e, "evidence", None) or []],
            "co_actors": list(e.co_actors),
            "co_recipients": list(e.co_recipients),
        }
        for e in result.events
    ]
    for kind_rows in rows.values():
        for ord_, row in enumerate(kind_rows):
            row["article_id"] = article_id
            row["ord"] = ord_
            clean_row(row)
    return rows


def add_copies(
    rows: dict[str, list[dict]], published: str | None, outlet: str | None = None, title: str | None = None
) -> None:
    """Schema 3, 6 and 7: values copied from the article and from the actors a record names, so the
    lists can filter, count and sort on the record's own row, and what full-text search reads
    (search_texts; see schema.py). Articles and records never change."""
    country = {a["id"]: a["country"] for a in rows["actors"]}
    for kind_rows in rows.values():
        for r in kind_rows:
            r["published"] = published
    for kind in ("events", "statements", "figures"):
        for r in rows[kind]:
            r["outlet"] = outlet
    for e in rows["events"]:
        e["actor_country"], e["recipient_country"] = country.get(e["actor"]), country.get(e["recipient"])
        e["acled_type"] = e["acled"].get("event_type") if isinstance(e["acled"], dict) else None
    for s in rows["statements"]:
        s["source_country"] = country.get(s["source_actor"])
    for f in rows["figures"]:
        f["actor_country"] = country.get(f["actor"])
    search_texts(rows, title)


def search_texts(rows: dict[str, list[dict]], title: str | None) -> None:
    """Each record's `search_text`: its own text, the names it points to, the statement that gives it
    and the article's title, so "North Korea killed" finds the figure whose statement says so.
    The same parts, in the same order, as migrations.SEARCH_TEXT builds for records stored before."""
    names = {a["id"]: a["name"] for a in rows["actors"]}
    places = {p["id"]: p["name"] for p in rows["places"]}
    said = {s["id"]: s for s in rows["statements"]}
    for e in rows["events"]:
        st = said.get(e["statement"]) or {}
        e["search_text"] = _joined(
            title,
            e["trigger_text"],
            names.get(e["actor"]),
            names.get(e["recipient"]),
            places.get(e["place"]),
            st.get("source_text"),
            st.get("content_text"),
        )
    for s in rows["statements"]:
        s["search_text"] = _joined(
            title, s["source_text"], names.get(s["source_actor"]), s["cue_text"], s["content_text"]
        )
    for f in rows["figures"]:
        st = next(
            (
                s
                for s in rows["statements"]
                if s["content_start"] is not None
                and f["start"] is not None
                and s["content_start"] <= f["start"]
                and s["content_end"] >= f["end"]
            ),
            {},
        )
        f["search_text"] = _joined(
            title, f["text"], f["counted"], names.get(f["actor"]), st.get("source_text"), st.get("content_text")
        )
    for t in rows["times"]:
        t["search_text"] = _joined(title, t["text"], t["value"])


def _joined(*parts: str | None) -> str:
    return " ".join(p or "" for p in parts)


# Row -> contract dict, one function per kind (keys in contract order).


def actor_dict(r: Mapping) -> dict:
    return {
        "id": r["id"],
        "name": r["name"],
        "country": r["country"],
        "sector": r["sector"],
        "mentions": r["mentions"] or [],
        "kind": r["kind"],
    }


def place_role(mentions: list[dict]) -> str:
    """location > actor > modifier; a mention stored before roles existed is a location."""
    roles = {m.get("role", "location") for m in mentions} or {"location"}
    return next((r for r in PLACE_ROLES if r in roles), "location")


def place_dict(r: Mapping) -> dict:
    return {
        "id": r["id"],
        "name": r["name"],
        "country": r["country"],
        "lat": r["lat"],
        "lon": r["lon"],
        "geonameid": r["geonameid"],
        "kind": r["kind"],
        "mentions": r["mentions"] or [],
        # the role is kept with each mention (no column): the place's is the strongest of them
        "role": place_role(r["mentions"] or []),
    }


def time_dict(r: Mapping) -> dict:
    return {
        "id": r["id"],
        "start": r["start"],
        "end": r["end"],
        "text": r["text"],
        "value": r["value"],
        "mod": r["mod"],
    }


def figure_dict(r: Mapping) -> dict:
    return {
        "id": r["id"],
        "start": r["start"],
        "end": r["end"],
        "text": r["text"],
        "value": _number(r["value"]),
        "low": _number(r["low"]),
        "high": _number(r["high"]),
        "approx": bool(r["approx"]),
        "bound": r["bound"],
        "unit": r["unit"],
        "counted": r["counted"],
        "actor": r["actor"],
    }


def statement_dict(r: Mapping) -> dict:
    source = _span_dict(r, "source")
    if source is not None:
        source["actor"] = r["source_actor"]
    return {
        "id": r["id"],
        "direct": bool(r["direct"]),
        "source": source,
        "cue": _span_dict(r, "cue"),
        "content": _span_dict(r, "content"),
        "certainty": r["certainty"],
        "via": r["via"],
        "hedged": bool(r["hedged"]),
    }


def event_dict(r: Mapping) -> dict:
    return {
        "id": r["id"],
        "type": r["type"],
        "trigger": _span_dict(r, "trigger"),
        "mode": r["mode"],
        "acled": r["acled"],
        "actor": r["actor"],
        "recipient": r["recipient"],
        "place": r["place"],
        "time": r["time"],
        "figures": r["figures"] or [],
        "statement": r["statement"],
        "confidence": r["confidence"],
        "evidence": r["evidence"] or [],
        "co_actors": r.get("co_actors") or [],
        "co_recipients": r.get("co_recipients") or [],
    }


def result_statement_dict(r: Mapping) -> dict:
    """A statement as the JSON contract has it: source.refers_to is not stored yet (no column),
    so it reads back as null (the extract JSON carries it)."""
    d = statement_dict(r)
    if d["source"] is not None:
        d["source"]["refers_to"] = None
    return d


RECORD_DICT = {
    "actors": actor_dict,
    "places": place_dict,
    "times": time_dict,
    "figures": figure_dict,
    "statements": result_statement_dict,
    "events": event_dict,
}


def descending(text: str | None) -> tuple[int, ...]:
    """A key sorting texts (dates) from the greatest to the least, for sort(); None as the least."""
    return (*(-ord(c) for c in text or ""), 1)


def jsonable(value):
    """The summary as plain JSON values (dates and paths become strings)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    return str(value)
