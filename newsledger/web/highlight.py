"""Article text -> segments for the templates, built from character offsets.

Never inserts markup into the text: each segment carries plain text (escaped by Jinja2's
autoescape) plus the names of the annotations covering it, so overlapping and nested spans
are cut at every boundary and each piece knows all its classes.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field


@dataclass
class Mark:
    start: int
    end: int
    kind: str  # a CSS class: actor, place, time, figure, statement, cue, source, trigger, evidence
    label: str = ""  # a tooltip


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

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
        out.append(Segment(text[a:b], kinds, [m.label for m in covering]))
    return out


def span_mark(span: dict | None, kind: str, label: str = "") -> list[Mark]:
    if not span or span.get("start") is None or span.get("end") is None:
        return []
    return [Mark(int(span["start"]), int(span["end"]), kind, label)]


def article_marks(result: dict) -> list[Mark]:
    """Every record of one article's result as marks, one kind per record kind."""
    marks: list[Mark] = []
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
        marks += span_mark(t, "time", f"time: {t.get('value') or '?'}")
    for f in result.get("figures", []):
        marks += span_mark(f, "figure", f"figure: {f.get('value')} {f.get('counted') or ''}".strip())
    for s in result.get("statements", []):
        marks += span_mark(s.get("content"), "statement", f"statement {s.get('id')}: {s.get('certainty')}")
        marks += span_mark(s.get("source"), "source", f"source of {s.get('id')}")
        marks += span_mark(s.get("cue"), "cue", f"cue of {s.get('id')}")
    for e in result.get("events", []):
        marks += span_mark(e.get("trigger"), "trigger", f"event {e.get('id')}: {e.get('type')} ({e.get('mode')})")
    return marks


def event_marks(event: dict, result: dict) -> list[Mark]:
    """One event's evidence, trigger, the asserting statement and its participants' mentions."""
    marks: list[Mark] = []
    for sp in event.get("evidence") or []:
        marks += span_mark(sp, "evidence", "evidence")
    statement = next((s for s in result.get("statements", []) if s.get("id") == event.get("statement")), None)
    if statement:
        marks += span_mark(statement.get("content"), "statement", "the statement that asserts it")
        marks += span_mark(statement.get("source"), "source", "who says so")
        marks += span_mark(statement.get("cue"), "cue", "cue")
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
            marks += span_mark(t, "time", t.get("value") or "")
    for f in result.get("figures", []):
        if f.get("id") in (event.get("figures") or []):
            marks += span_mark(f, "figure", str(f.get("value")))
    marks += span_mark(event.get("trigger"), "trigger", f"{event.get('type')} ({event.get('mode')})")
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
    shifted = [Mark(m.start - lo, m.end - lo, m.kind, m.label) for m in valid if lo <= m.start and m.end <= hi]
    return ([Segment("…")] if lo > 0 else []) + segments(text[lo:hi], shifted) + ([Segment("…")] if hi < n else [])
