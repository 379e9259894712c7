"""The records of a Doc indexed by token, for the role rules: which actor, place, time, figure or
statement a token belongs to."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from ..common.doc_cache import token_starts

_DURATION = re.compile(r"P[\dXT]")  # a TIMEX3 duration value; not PAST_REF or PRESENT_REF


class RecordIndex:
    """Token index -> id of the actor / place / time / figure whose mention covers the token."""

    def __init__(self, doc: Doc):
        self.doc = doc
        starts = token_starts(doc)
        self._starts = starts
        self.actor = self._index((a.id, m.start, m.end) for a in doc._.actors or [] for m in a.mentions)
        self.place = self._index(  # events happen at location mentions, not at a place named as an actor
            (p.id, m.start, m.end) for p in doc._.places or [] for m in p.location_mentions()
        )
        self.time = self._index((t.id, t.start, t.end) for t in doc._.times or [])
        self.figure = self._index((f.id, f.start, f.end) for f in doc._.figures or [])
        self.time_value = {t.id: t.value for t in doc._.times or []}
        self.actors = {a.id: a for a in doc._.actors or []}
        self.statements = sorted(doc._.statements or [], key=lambda s: s.content.end - s.content.start)

    def is_duration(self, time_id: str) -> bool:
        """A duration ("for several hours": PTXH, "17-year-old": P17Y) says how long, not when."""
        return bool(_DURATION.match(self.time_value.get(time_id) or ""))

    def _index(self, items) -> dict[int, str]:
        out: dict[int, str] = {}
        n = len(self._starts)
        for rid, start, end in items:
            if end <= start:
                continue
            i = max(bisect_right(self._starts, start) - 1, 0)
            while i < n and self._starts[i] < end:
                tok = self.doc[i]
                if tok.idx + len(tok.text) > start:
                    out.setdefault(i, rid)
                i += 1
        return out
