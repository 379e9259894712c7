"""Article text -> segments for the templates, built from character offsets.

Never inserts markup into the text: each segment carries plain text (escaped by Jinja2's
autoescape) plus the names of the annotations covering it, so overlapping and nested spans
are cut at every boundary and each piece knows all its classes.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from .humantime import human


@dataclass
class Mark:
    start: int
    end: int
    kind: str  # a CSS class: actor, place, time, figure, statement, cue, source, relay, trigger, evidence
    label: str = ""  # a tooltip
    anchor: str = ""  # an element id at the mark's start, so a link can scroll to it


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # ids of the marks that start here

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)

    @property
    def title(self) -> str:
        return "; ".join(dict.fromkeys(x for x in self.labels if x))


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut `text` at every mark boundary; marks outside the text or empty are ignored."""
    n = len(text)
    valid = [m for m in marks if isinstance(m.start, int) and isinstance(m.end, int) and 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid)})
    out: list[Segment] = []
    for a, b in itertools.pairwise(cuts):
        covering = [m for m in valid if m.start <= a and b <= m.end]
        kinds = list(dict.fromkeys(m.kind for m in covering))
        anchors = list(dict.fromkeys(m.anchor for m in covering if m.anchor and m.start == a))
        out.append(Segment(text[a:b], kinds, [m.label for m in covering], anchors))
    return out


def kinds_shown(segs: list[Segment]) -> set[str]:
    """The kinds drawn in these segments: a legend lists only what the text shows."""
    return {k for s in segs for k in s.kinds}


def span_mark(span: dict | None, kind: str, label: str = "", anchor: str = "") -> list[Mark]:
    if not span or span.get("start") is None or span.get("end") is None:
        return []
    return [Mark(int(span["start"]), int(span["end"]), kind, label, anchor)]


def sentence_of(text: str, span: dict | None) -> dict | None:
    """The sentence around a span (cut at . ! ? or a line break): an event's evidence when none is stored."""
    if not span or not isinstance(span.get("start"), int) or not isinstance(span.get("end"), int):
        return None
    start, end = span["start"], span["end"]
    if not 0 <= start < end <= len(text):
        return None
    lo = max((text.rfind(c, 0, start) for c in (". ", "! ", "? ", "\n")), default=-1)
    lo = 0 if lo < 0 else lo + (1 if text[lo] == "\n" else 2)
    ends = [i for i in (text.find(c, end) for c in (". ", "! ", "? ", "\n")) if i >= 0]
    hi = min(ends) + 1 if ends else len(text)
    return {"start": lo, "end": min(hi, len(text))}


def evidence_marks(event: dict, text: str) -> list[Mark]:
    """The event's evidence spans, or the sentence of its trigger when the extractor stored none."""
    spans = event.get("evidence") or [sentence_of(text, event.get("trigger"))]
    return [m for sp in spans for m in span_mark(sp, "evidence", "evidence")]


def relay_marks(statement: dict | None, statements: dict[str, dict]) -> list[Mark]:
    """The relays a statement came through ("according to Yonhap"): each one's source and cue."""
    marks: list[Mark] = []
    for relay in relay_chain(statement, statements):
        label = f"relayed by {(relay.get('source') or {}).get('text') or '?'}"
        marks += span_mark(relay.get("source"), "relay", label) + span_mark(relay.get("cue"), "relay", label)
    return marks


def relay_chain(statement: dict | None, statements: dict[str, dict]) -> list[dict]:
    """The statements a statement was relayed through, nearest first."""
    chain: list[dict] = []
    seen: set[str] = set()
    while statement and statement.get("via") and statement["via"] not in seen:
        seen.add(statement["via"])
        statement = statements.get(statement["via"])
        if statement:
            chain.append(statement)
    return chain


def article_marks(result: dict) -> list[Mark]:
    """Every record of one article's result as marks, one kind per record kind, each with an anchor."""
    marks: list[Mark] = []
    relays = {s.get("via") for s in result.get("statements", []) if s.get("via")}
    for a in result.get("actors", []):
        label = f"actor: {a.get('name')} ({a.get('country') or '?'})"
        for m in a.get("mentions") or []:
            marks += span_mark(m, "actor", label)
    for p in result.get("places", []):
        for m in p.get("mentions") or []:
            role = m.get("role") or "location"  # "Ukraine was responsible": a place named as an actor
            named = f"place: {p.get('name')} ({p.get('country') or '?'})"
            marks += span_mark(m, "place", named if role == "location" else f"{named}, as {role}")
    for t in result.get("times", []):
        marks += span_mark(t, "time", f"time: {human(t.get('value'), t.get('mod'))} ({t.get('value') or '?'})")
    for f in result.get("figures", []):
        label = f"figure: {f.get('value')} {f.get('counted') or ''}".strip()
        marks += span_mark(f, "figure", label, f"record-{f.get('id')}")
    for s in result.get("statements", []):
        sid = s.get("id")
        marks += span_mark(s.get("content"), "statement", f"statement {sid}: {s.get('certainty')}")
        kind = "relay" if sid in relays else "source"
        marks += span_mark(s.get("source"), kind, f"{kind} of {sid}", f"record-{sid}")
        marks += span_mark(s.get("cue"), "relay" if sid in relays else "cue", f"cue of {sid}")
    for e in result.get("events", []):
        for sp in e.get("evidence") or []:  # stored evidence only: every trigger's sentence would cover the text
            marks += span_mark(sp, "evidence", f"evidence of {e.get('id')}")
        label = f"event {e.get('id')}: {e.get('type')} ({e.get('mode')})"
        marks += span_mark(e.get("trigger"), "trigger", label, f"record-{e.get('id')}")
    return marks


def event_marks(event: dict, result: dict, text: str = "") -> list[Mark]:
    """One event's evidence, trigger, the asserting statement (source, cue, relays) and its participants."""
    marks: list[Mark] = evidence_marks(event, text)
    by_id = {s.get("id"): s for s in result.get("statements", [])}
    statement = by_id.get(event.get("statement")) if event.get("statement") else None
    if statement:
        marks += span_mark(statement.get("content"), "statement", "the statement that asserts it")
        marks += span_mark(statement.get("source"), "source", "who says so")
        marks += span_mark(statement.get("cue"), "cue", "cue")
        marks += relay_marks(statement, by_id)
    roles = {event.get("actor"): "actor", event.get("recipient"): "actor"}
    for a in result.get("actors", []):
        if a.get("id") in roles and a.get("id") is not None:
            for m in a.get("mentions") or []:
                marks += span_mark(m, "actor", a.get("name") or "")
    for p in result.get("places", []):
        if p.get("id") == event.get("place") and p.get("id") is not None:
            for m in p.get("mentions") or []:
                marks += span_mark(m, "place", p.get("name") or "")
    for t in result.get("times", []):
        if t.get("id") == event.get("time") and t.get("id") is not None:
            marks += span_mark(t, "time", f"{human(t.get('value'), t.get('mod'))} ({t.get('value') or '?'})")
    for f in result.get("figures", []):
        if f.get("id") in (event.get("figures") or []):
            marks += span_mark(f, "figure", str(f.get("value")))
    marks += span_mark(event.get("trigger"), "trigger", f"{event.get('type')} ({event.get('mode')})", "trigger")
    return marks


def excerpt(text: str, marks: list[Mark], pad: int = 160) -> list[Segment]:
    """The part of `text` around `marks` (plus `pad` characters, cut at spaces), as segments.

    Elided ends become plain "…" segments, so a report shows its evidence without the whole article.
    """
    n = len(text)
    valid = [m for m in marks if isinstance(m.start, int) and isinstance(m.end, int) and 0 <= m.start < m.end <= n]
    if not valid:
        return segments(text[: 2 * pad], []) + ([Segment("…")] if n > 2 * pad else [])
    lo, hi = max(0, min(m.start for m in valid) - pad), min(n, max(m.end for m in valid) + pad)
    if lo > 0:  # start after a space, so no word is cut in half
        lo = next((i + 1 for i in range(lo, min(m.start for m in valid)) if text[i].isspace()), lo)
    if hi < n:
        hi = next((i for i in range(hi, max(m.end for m in valid), -1) if text[i].isspace()), hi)
    shifted = [
        Mark(m.start - lo, m.end - lo, m.kind, m.label, m.anchor) for m in valid if lo <= m.start and m.end <= hi
    ]
    return ([Segment("…")] if lo > 0 else []) + segments(text[lo:hi], shifted) + ([Segment("…")] if hi < n else [])
