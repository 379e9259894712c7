"""`export --format plover`: one JSON object per event in the PLOVER event-record layout (the
PLOVER gold-standard records and POLECAT: id, date, event, mode, source / target actor lists of
{actorText, code, sector}, eventText, text, language, publication), plus where it happened and
newsledger's own fields. The layout is pinned by newsledger/schema/plover_event.schema.json.

`mode` is newsledger's (actual, planned, possible, negated, past, hypothetical); `plover` is the
category under PLOVER's own conventions for intentions and refusals (a planned AID is AGREE).
Coordinated parties ("Russia and Belarus held drills") are further entries of source / target.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TextIO

ARTICLE_FILTERS = ("text", "outlet", "since", "until", "article")
EVENT_FILTERS = ("type", "mode")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'(])|\n+")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def write_plover(store, f: TextIO, filters: dict) -> int:
    from .components.events.plover import plover_category

    unknown = sorted(set(filters) - set(ARTICLE_FILTERS) - set(EVENT_FILTERS))
    if unknown:
        from .errors import UsageError

        raise UsageError(
            f"the plover export cannot be filtered by {', '.join(unknown)}; "
            f"use {', '.join(ARTICLE_FILTERS + EVENT_FILTERS)}"
        )
    wanted = {k: str(v) for k, v in filters.items() if k in EVENT_FILTERS}
    pairs = store.result_dicts(**{k: v for k, v in filters.items() if k in ARTICLE_FILTERS})
    n = 0
    for article, result in pairs:
        for event in result.get("events") or []:
            if (
                wanted.get("type", event["type"]).upper() != event["type"]
                or wanted.get("mode", event["mode"]) != event["mode"]
            ):
                continue
            f.write(json.dumps(plover_record(event, result, article, plover_category), ensure_ascii=False) + "\n")
            n += 1
    return n


def plover_record(event: dict, result: dict, article: dict, plover_category: Callable[[str, str], str]) -> dict:
    actors = {a["id"]: a for a in result.get("actors") or []}
    places = {p["id"]: p for p in result.get("places") or []}
    times = {t["id"]: t for t in result.get("times") or []}
    statements = {s["id"]: s for s in result.get("statements") or []}
    trigger = event["trigger"]
    time = (times.get(event.get("time") or "") or {}).get("value") or ""
    place = places.get(event.get("place") or "")
    stmt = statements.get(event.get("statement") or "")
    return {
        "id": f"{result['id']}-{event['id']}",
        "date": time[:10] if _DAY.match(time) else result.get("published"),
        "event": event["type"],
        "plover": plover_category(event["type"], event["mode"]),
        "mode": event["mode"],
        "source": _parties([event.get("actor"), *event.get("co_actors", [])], actors),
        "target": _parties([event.get("recipient"), *event.get("co_recipients", [])], actors),
        "eventText": trigger["text"],
        "text": _sentence(article.get("text") or "", trigger["start"], trigger["end"]) or trigger["text"],
        "location": None
        if place is None
        else {
            "placeText": place["name"],
            "country": place.get("country"),
            "lat": place.get("lat"),
            "lon": place.get("lon"),
            "geonameid": place.get("geonameid"),
        },
        "language": "en",
        "publication": result.get("outlet"),
        "url": result.get("url"),
        "article_id": result["id"],
        "confidence": event.get("confidence"),
        "acled": event.get("acled"),
        "claimedBy": stmt["source"]["text"] if stmt and stmt.get("source") else None,
    }


def _parties(ids: list[str | None], actors: dict[str, dict]) -> list[dict]:
    return [
        {"actorText": a["name"], "code": a.get("country"), "sector": a.get("sector")}
        for i in ids
        if i and (a := actors.get(i)) is not None
    ]


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence of the article around the trigger (a plain-text split: the store keeps no parse)."""
    if not text or end > len(text):
        return ""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _SENTENCE_END.finditer(text, end)), len(text))
    return text[left:right].strip()
