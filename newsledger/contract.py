"""Checks that a result keeps the promises of the JSON contract beyond its shape:
every span lies inside the text and equals the text it points to, and every id it refers to exists.
(The shape itself is described by newsledger/schema/result.schema.json.)
"""

from __future__ import annotations

import json
from importlib import resources

from .records import BOUNDS, CERTAINTIES, EVENT_MODES, EVENT_TYPES


def schema() -> dict:
    return json.loads(resources.files("newsledger.schema").joinpath("result.schema.json").read_text())


def _spans(result: dict):
    """(where, span) for every span in a result dict."""
    for a in result.get("actors", []):
        for m in a.get("mentions", []):
            yield f"actor {a['id']} mention", m
    for p in result.get("places", []):
        for m in p.get("mentions", []):
            yield f"place {p['id']} mention", m
    for kind in ("times", "figures"):
        for r in result.get(kind, []):
            yield f"{kind[:-1]} {r['id']}", r
    for s in result.get("statements", []):
        for part in ("source", "cue", "content"):
            if s.get(part):
                yield f"statement {s['id']} {part}", s[part]
        if s.get("source") and s["source"].get("refers_to"):
            yield f"statement {s['id']} source refers_to", s["source"]["refers_to"]
    for e in result.get("events", []):
        yield f"event {e['id']} trigger", e["trigger"]
        for span in e.get("evidence", []):
            yield f"event {e['id']} evidence", span


def problems(result: dict, text: str) -> list[str]:
    """Every broken promise in `result` (a to_dict() of ArticleResult) for the article `text`."""
    found = []
    for where, span in _spans(result):
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            found.append(f"{where}: span {start}-{end} outside the text (length {len(text)})")
        elif text[start:end] != span.get("text"):
            found.append(f"{where}: text {span.get('text')!r} != text[{start}:{end}] {text[start:end]!r}")
    ids = {
        kind: [r["id"] for r in result.get(kind, [])]
        for kind in ("actors", "places", "times", "figures", "statements", "events")
    }
    for kind, values in ids.items():
        if len(values) != len(set(values)):
            found.append(f"{kind}: duplicate ids {values}")
    known = {k: set(v) for k, v in ids.items()}

    def ref(where: str, value, kind: str) -> None:
        if value is not None and value not in known[kind]:
            found.append(f"{where} refers to unknown {kind[:-1]} {value!r}")

    for f in result.get("figures", []):
        ref(f"figure {f['id']}", f.get("actor"), "actors")
        if f.get("bound") not in BOUNDS:
            found.append(f"figure {f['id']}: bound {f.get('bound')!r} not one of {BOUNDS}")
    for s in result.get("statements", []):
        if s.get("source"):
            ref(f"statement {s['id']} source", s["source"].get("actor"), "actors")
        ref(f"statement {s['id']} via", s.get("via"), "statements")
        if s.get("certainty") not in CERTAINTIES:
            found.append(f"statement {s['id']}: certainty {s.get('certainty')!r}")
    for e in result.get("events", []):
        where = f"event {e['id']}"
        for role in ("actor", "recipient"):
            ref(f"{where} {role}", e.get(role), "actors")
            for aid in e.get(f"co_{role}s", []):
                ref(f"{where} co_{role}s", aid, "actors")
        ref(f"{where} place", e.get("place"), "places")
        ref(f"{where} time", e.get("time"), "times")
        ref(f"{where} statement", e.get("statement"), "statements")
        for fid in e.get("figures", []):
            ref(f"{where} figures", fid, "figures")
        if e.get("type") not in EVENT_TYPES:
            found.append(f"{where}: type {e.get('type')!r} is not a PLOVER category")
        if e.get("mode") not in EVENT_MODES:
            found.append(f"{where}: mode {e.get('mode')!r}")
    return found
