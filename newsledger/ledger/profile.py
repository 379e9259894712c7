"""An extracted event row (as Store.events returns it) -> the Report the matcher compares."""
from __future__ import annotations

import datetime as dt
import re

from . import identity
from .merge import Report
from .text import keywords, sentence_around, sentence_index

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _day(value: str | None) -> dt.date | None:
    if value and _DAY.match(value):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def report(row: dict, text: str, *, actors: dict[str, dict] | None = None, places: dict[str, dict] | None = None,
           story: str | None = None, outlet: str | None = None) -> Report:
    """When: the event's own full date if it has one, else the article's publication date.
    Who: the canonical keys of its actor, recipient and coordinated parties (actors: the article's
    actor rows by local id). Where: its place, with the place's kind (places: rows by local id)."""
    own = _day(row.get("time_value"))
    if own is not None and own == _day(row.get("published")):
        own = None   # "said on Saturday", "today": the day of the report, no better than the publication date
    trigger = row.get("trigger") or {}
    sentence = sentence_around(text, trigger.get("start"), trigger.get("end"))
    words = keywords(sentence or trigger.get("text") or "")
    doers = [row.get("actor"), *(row.get("co_actors") or [])]
    targets = [row.get("recipient"), *(row.get("co_recipients") or [])]
    place = (places or {}).get(row.get("place") or "", {})
    return Report(
        article_id=row["article_id"], event_id=row["id"], type=row.get("type") or "", mode=row.get("mode") or "actual",
        date=own or _day(row.get("published")), dated=own is not None,
        actor_country=row.get("actor_country"), recipient_country=row.get("recipient_country"),
        place_name=row.get("place_name"), lat=row.get("place_lat"), lon=row.get("place_lon"),
        keywords=words, sentence=sentence_index(text, trigger.get("start")),
        participants=identity.keys_of(doers, actors or {}, "A:") + identity.keys_of(targets, actors or {}, "R:"),
        place_kind=place.get("kind"), place_country=row.get("place_country") or place.get("country"),
        story=story, outlet=outlet,
    )
