"""Build Docs by hand for the event tests: the real spaCy model parses the text, and the
records the other components would write (actors, places, times, figures, statements) are
set from the test's own description, by finding their words in the text."""

from __future__ import annotations

import datetime as dt

from newsledger.components.events.component import EventsComponent
from newsledger.records import Actor, Figure, Place, SourceSpan, Span, Statement, TimeRef


def find(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def span(text: str, words: str, nth: int = 0) -> Span:
    s, e = find(text, words, nth)
    return Span(s, e, text[s:e])


def make_doc(
    nlp,
    text: str,
    *,
    actors: dict | None = None,
    places: dict | None = None,
    times: dict | None = None,
    figures: dict | None = None,
    statements: list | None = None,
    published: dt.date | None = dt.date(2024, 12, 23),
):
    """actors: {"a1": ("PRK", "GOV", ["North Korea", "Pyongyang"])}   (country, sector, mention texts[, kind])
    places: {"p1": ("RU", ["Kursk"])}; times: {"t1": ("this month", "2024-12")};
    figures: {"f1": "at least 60 missiles"};
    statements: [("s1", "source words", "a1", "content words"[, "cue words"])]"""
    doc = nlp(text)
    doc._.published = published
    doc._.actors = [
        Actor(
            id=aid,
            name=names[0],
            country=country,
            sector=sector,
            kind=kind,
            mentions=[span(text, n, k) for n in dict.fromkeys(names) for k in range(text.count(n))],
        )
        for aid, (country, sector, names, *rest) in (actors or {}).items()
        for kind in [rest[0] if rest else "country"]
    ]
    doc._.places = [
        Place(
            id=pid,
            name=names[0],
            country=country,
            mentions=[span(text, n, k) for n in names for k in range(text.count(n))],
        )
        for pid, (country, names) in (places or {}).items()
    ]
    doc._.times = [
        TimeRef(id=tid, value=value, **_offsets(text, words)) for tid, (words, value) in (times or {}).items()
    ]
    doc._.figures = [Figure(id=fid, **_offsets(text, words)) for fid, words in (figures or {}).items()]
    doc._.statements = [
        Statement(
            id=sid,
            direct=False,
            source=SourceSpan(*find(text, src), src, actor=actor),
            cue=span(text, cue[0]) if cue else None,
            content=span(text, content),
        )
        for sid, src, actor, content, *cue in (statements or [])
    ]
    return doc


def _offsets(text: str, words: str) -> dict:
    s, e = find(text, words)
    return {"start": s, "end": e, "text": text[s:e]}


_EXTRACTOR = None


def events_of(doc):
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = EventsComponent()
    return _EXTRACTOR(doc)._.events


def by_trigger(events, word: str):
    found = [e for e in events if e.trigger.text == word]
    assert found, f"no event triggered by {word!r}: {[(e.type, e.trigger.text) for e in events]}"
    return found[0]


def acled_of(nlp, text: str, trigger: str | None = None) -> dict | None:
    """The ACLED coding of the most confident coded event in `text` (whose trigger is `trigger`,
    when given), through the whole pipeline."""
    coded = [e for e in nlp(text)._.events if e.acled and (trigger is None or e.trigger.text == trigger)]
    return max(coded, key=lambda e: e.confidence).acled if coded else None
