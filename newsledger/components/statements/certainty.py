"""Certainty of a statement's content as presented: the cue's own force ("denied", "did not rule
out", "predicted") combined with modal markers on the content's main verb ("may", "likely")."""

from __future__ import annotations

from spacy.tokens import Doc

from .candidate import Range
from .lexicon import StatementLexicon

RANK = {"asserted": 0, "probable": 1, "possible": 2}
MARKER_DEPS = {"aux", "advmod", "acomp", "auxpass"}


def content_root(doc: Doc, rng: Range) -> int | None:
    """The token of the range whose head lies outside it (the clause's main word)."""
    lo, hi = rng
    for t in doc[lo:hi]:
        if t.is_punct or t.is_space:
            continue
        if t.head.i < lo or t.head.i >= hi or t.head.i == t.i:
            return t.i
    return None


def content_certainty(doc: Doc, rng: Range, lex: StatementLexicon) -> str:
    """The weakest certainty marked on the content's main verb (or its 'be likely to' chain)."""
    root = content_root(doc, rng)
    if root is None:
        return "asserted"
    best = "asserted"
    frontier = [doc[root]]
    # follow "is likely to feel", "is expected to send": the marker sits on the governing verb
    for tok in frontier[:3]:
        words = [tok] + [c for c in tok.children if c.dep_ in MARKER_DEPS]
        for w in words:
            cert = lex.markers.get(w.lower_)
            if cert and RANK[cert] > RANK[best]:
                best = cert
        frontier.extend(c for c in tok.children if c.dep_ == "xcomp")
    return best


def combine(cue_certainty: str, content: str) -> str:
    """A denial stays a denial; otherwise the weaker of the two."""
    if cue_certainty == "denied":
        return "denied"
    return cue_certainty if RANK.get(cue_certainty, 0) >= RANK.get(content, 0) else content
