"""Sources the parse lost: a participle that continues a report ("“…,” Sanders said, going on to
say that …", "she wrote, adding that …") has the speaker of the report it continues. The small
models often hang such a participle on a verb inside the quotation, so its subject is not found
through the parse; the text order is reliable: the cue comes right after the report's cue and
a comma."""

from __future__ import annotations

from spacy.tokens import Doc

from ..candidate import Candidate


def fill_continuations(doc: Doc, cands: list[Candidate]) -> None:
    """Give a source-less participle cue right after "<report cue>," the report's source."""
    by_cue_end = {
        c.cue[1]: c
        for c in cands
        if c.cue is not None
        and c.source is not None
        and c.cue_head is not None
        and doc[c.cue_head].pos_ in ("VERB", "AUX")
    }
    for c in cands:
        if c.source is not None or c.cue is None or c.cue_head is None:
            continue
        if not _participle_led(doc, c.cue) or c.cue[0] < 2 or doc[c.cue[0] - 1].text != ",":
            continue
        prev = by_cue_end.get(c.cue[0] - 1)
        if prev is None or prev is c:
            continue
        c.source, c.source_head, c.antecedent = prev.source, prev.source_head, prev.antecedent


def _participle_led(doc: Doc, cue) -> bool:
    """Does the cue open with a participle, adverbs aside ("adding", "not even needing to mention",
    "going on to say")?"""
    for t in doc[cue[0] : cue[1]]:
        if t.pos_ not in ("ADV", "PART"):
            return t.tag_ == "VBG"
    return False
