"""An extracted event row (as Store.events returns it) -> the Report the matcher compares."""

from __future__ import annotations

import datetime as dt
import re

from . import identity
from .merge import FULL, PUBLIC, SPECIFIC_PLACES, Report
from .text import keywords, sentence_index, sentence_span, trigger_stem

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _day(value: str | None) -> dt.date | None:
    if value and _DAY.match(value):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def report(
    row: dict,
    text: str,
    *,
    actors: dict[str, dict] | None = None,
    places: dict[str, dict] | None = None,
    story: str | None = None,
    outlet: str | None = None,
    who: identity.ArticleActors | None = None,
) -> Report:
    """When: the event's own full date if it has one, else the article's publication date.
    Who: the canonical keys of its actor, recipient and coordinated parties (actors: the article's
    actor rows by local id; who: the same worked out once for all the article's events). Where:
    its place, with the place's kind (places: rows by local id)."""
    own = _day(row.get("time_value"))
    if own is not None and own == _day(row.get("published")):
        own = None  # "said on Saturday", "today": the day of the report, no better than the publication date
    trigger = row.get("trigger") or {}
    span = sentence_span(text, trigger.get("start"), trigger.get("end"))
    sentence = text[span[0] : span[1]]
    words = keywords(sentence or trigger.get("text") or "")
    doers = [row.get("actor"), *(row.get("co_actors") or [])]
    targets = [row.get("recipient"), *(row.get("co_recipients") or [])]
    place = (places or {}).get(row.get("place") or "", {})
    place_name, lat, lon = row.get("place_name"), row.get("place_lat"), row.get("place_lon")
    inferred = ""
    if not place and places:  # no place of its own: the article's own city, when it has one
        place = article_place(places) or {}
        if place:
            place_name, lat, lon, inferred = place["name"], place["lat"], place["lon"], " (the article's)"
    who = who or identity.ArticleActors(actors or {}, places, text)
    participants = who.keys_of(doers, "A:") + who.keys_of(targets, "R:") + who.named_in(span)
    persons = {k[2:] for k in participants if k[2:4] == "p:"}
    participants += sorted({PUBLIC + k[2:] for k in participants if k[2:] in who.public_figures})  # marks, not parties
    participants += sorted({FULL + n for n in who.full_names if "p:" + n.split()[-1] in persons})
    return Report(
        article_id=row["article_id"],
        event_id=row["id"],
        type=row.get("type") or "",
        mode=row.get("mode") or "actual",
        date=own or _day(row.get("published")),
        dated=own is not None,
        actor_country=row.get("actor_country"),
        recipient_country=row.get("recipient_country"),
        place_name=place_name,
        lat=lat,
        lon=lon,
        keywords=words,
        sentence=sentence_index(text, trigger.get("start")),
        participants=participants,
        place_kind=(place.get("kind") or "") + inferred or None,
        place_country=row.get("place_country") or place.get("country"),
        story=story,
        outlet=outlet,
        trigger=trigger_stem(trigger.get("text") or ""),
    )


def article_place(places: dict[str, dict]) -> dict | None:
    """The article's specific place (city level or finer): its only one, or the one named most often
    (at least twice, more than any other): where an article about one event says it happened."""
    counted = sorted(
        (
            (p.get("n_mentions") or len(p.get("mentions") or []), p)
            for p in places.values()
            if (p.get("kind") or "") in SPECIFIC_PLACES and p.get("lat") is not None
        ),
        key=lambda x: -x[0],
    )
    if not counted or (len(counted) > 1 and (counted[0][0] < 2 or counted[1][0] == counted[0][0])):
        return None
    return counted[0][1]
