"""Attribution lines: a quotation followed by a dash and the speaker's name, with no verb
(“We will win.” ― Jane Roe), the style of reader-comment round-ups, epigraphs and pull quotes.
The quote is left over by the verb rules (no cue claimed it); the name after the dash is its
source and the dash its cue.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...common.labels import NAME_ENTITY_LABELS
from ..candidate import Candidate, Range

DASHES = {"―", "—", "–", "--"}
CLOSING_MARKS = set("”\"'’»")
OPENING_MARKS = set('“"‘«')
MAX_NAME = 5  # tokens of a name: "Julie A. Diaz Martinez"


def _dash_at(doc: Doc, j: int) -> tuple[int, bool] | None:
    """(index of the dash token, is the dash a token of its own) right after a quote ending at j."""
    if (
        j > 0
        and doc[j - 1].text[-1] in DASHES
        and doc[j - 1].text.rstrip("―—–-") != ""
        and set(doc[j - 1].text.rstrip("―—–-")) <= CLOSING_MARKS
    ):
        return j - 1, False  # the tokenizer glued the dash to the closing mark: ”―
    while j < len(doc) and doc[j].is_space and "\n" not in doc[j].text:
        j += 1
    if j < len(doc) and doc[j].text in DASHES:
        return j, True
    return None


def _name_after(doc: Doc, k: int) -> Range | None:
    """A short capitalised name from k, ending the line (or before the next quote / a full stop)."""
    lo = k
    while k < len(doc) and k - lo <= MAX_NAME:
        t = doc[k]
        if t.is_space or t.text[0] in OPENING_MARKS or t.text == ".":
            break
        if not (t.is_alpha or t.text.rstrip(".").isalpha()) or not t.text[0].isupper():
            return None
        k += 1
    if not 0 < k - lo <= MAX_NAME:
        return None
    end_ok = (
        k == len(doc)
        or doc[k].text[0] in OPENING_MARKS
        or doc[k].is_space
        or (doc[k].text == "." and (k + 1 == len(doc) or "\n" in doc[k + 1].text or doc[k + 1].is_space))
    )
    if not end_ok or not any(t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTITY_LABELS for t in doc[lo:k]):
        return None
    return lo, k


def attribution_line(doc: Doc, cand: Candidate) -> tuple[Range | None, Range] | None:
    """(cue, source) of a cue-less quotation followed by "― Name", else None. The cue is None
    when the dash is glued to the quotation's closing mark (it is part of the quote's token)."""
    if cand.cue is not None or not cand.direct:
        return None
    found = _dash_at(doc, cand.content[1])
    if found is None:
        return None
    dash, own = found
    k = dash + 1
    while k < len(doc) and doc[k].is_space and "\n" not in doc[k].text:
        k += 1  # "―\xa0Jane Roe"
    name = _name_after(doc, k)
    if name is None:
        return None
    return ((dash, dash + 1) if own else None), name


def apply_attribution_lines(doc: Doc, cands: list[Candidate]) -> None:
    """Give cue-less quotations followed by an attribution line their named source (it wins over
    a source inherited from an earlier statement)."""
    for c in cands:
        found = attribution_line(doc, c)
        if found is None:
            continue
        c.cue, c.source = found
        c.source_head, c.inherited_from, c.antecedent = c.source[1] - 1, None, None
