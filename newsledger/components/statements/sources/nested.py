"""A source that holds another speaker's statement gives it up: in "said Mr. Kamin, who
emphasized that her proposals would simplify returns", the relative clause is an attribution of
its own (source "who", PolNeAR's convention), so the outer source stops before the comma that
opens it. PolNeAR is univocal (a token has one role), and its annotators keep a descriptive
relative clause in the source ("Sarah Aubrey, who oversees programming at TNT,") but not one
that reports speech or thought ("Mr. Ekovich, who noted that ...")."""

from __future__ import annotations

from ..candidate import Candidate
from ..complements import RELATIVE_WORDS
from ..spans import DocIndex, trim

OPENERS = {",", "—", "–"}  # marks that set a non-restrictive relative clause off


def cut_nested_speakers(idx: DocIndex, cands: list[Candidate]) -> None:
    """Cut each source before a set-off relative pronoun that is itself a statement's source."""
    doc = idx.doc
    relatives = sorted(
        c.source[0]
        for c in cands
        if c.source is not None
        and c.source[1] - c.source[0] == 1
        and doc[c.source[0]].lower_ in RELATIVE_WORDS
        and _reports(idx, c)
    )
    if not relatives:
        return
    for c in cands:
        if c.source is None:
            continue
        lo, hi = c.source
        head = c.source_head if c.source_head is not None else lo
        for r in relatives:  # few per document: a plain scan is enough
            if head < r - 1 and r < hi and doc[r - 1].text in OPENERS:
                c.source = trim(idx, lo, r - 1)
                break


def _reports(idx: DocIndex, c: Candidate) -> bool:
    """Does the statement report speech or thought (a quotation, a clause: "who noted that ...",
    or a speech-act noun: "who has sent fundraising pleas on his behalf") rather than an act on an
    object ("who has been challenging the coal industry")?"""
    if c.direct or c.kind == "noun":
        return True
    lo, hi = c.content
    return hi > lo and idx.doc[lo:hi].root.dep_ == "ccomp"
