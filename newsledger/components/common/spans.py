"""Small helpers shared by extractors: finding records by character span."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...records import Actor, Span


def span_of(s: SpacySpan) -> Span:
    """A records.Span for a spaCy span (character offsets into doc.text)."""
    return Span(s.start_char, s.end_char, s.text)


def char_span(doc: Doc, start: int, end: int) -> Span:
    return Span(start, end, doc.text[start:end])


def actor_at(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor with a mention inside [start, end), preferring the one that covers the most of it."""
    best, best_len = None, 0
    for actor in doc._.actors or []:
        for m in actor.mentions:
            lo, hi = max(start, m.start), min(end, m.end)
            if hi > lo and hi - lo > best_len:
                best, best_len = actor, hi - lo
    return best
