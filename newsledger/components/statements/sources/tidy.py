"""Boundaries of a source span, PolNeAR-style: the noun phrase of the speaker with its titles,
appositives and modifiers (relative clauses and time phrases included: PolNeAR keeps them, and
cutting them lowered the score on train and dev), but not what the parse split or glued on.

- A hyphenated word is never cut in two ("17-year-old Jared Potts", "Caucus-goers", "His
  ex-wife"): the small models often attach only the last part of a hyphen compound to the
  subject's subtree, and the first part's own modifiers come with it.
- A trailing emphatic or floating word is left out ("Trump himself", "Richards and Menendez both").
- A participle clause set off by a comma is left out ("Trump, speaking to veterans in Virginia,
  said"): it tells what the speaker was doing, not who they are (on PolNeAR train, gold sources
  stop before such a clause about five times as often as they keep it; "including" is kept).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..candidate import Range

TRAILING_WORDS = {"himself", "herself", "themselves", "itself", "both", "alone"}
# participles that name members or roles, not a circumstance ("experts, including Mr. Goldberg")
KEPT_PARTICIPLES = {"including", "excluding", "representing", "managing", "leading", "ranking"}
HYPHENS = {"-", "–"}


def _glued(doc: Doc, i: int) -> bool:
    """Is token i written with no space before the next token?"""
    return not doc[i].whitespace_


def _extend_hyphens(doc: Doc, lo: int, floor: int) -> int:
    while (
        lo - 2 >= floor
        and doc[lo - 1].text in HYPHENS
        and _glued(doc, lo - 1)
        and _glued(doc, lo - 2)
        and not doc[lo - 2].is_punct
    ):
        lo -= 2
        if doc[lo + 1].text == "-":  # an en dash glued to words is a dash ("controls–the Daily News")
            # the first part keeps its own modifiers ("His ex-wife": the parse hangs "His" on "ex")
            lo = max(floor, min(lo, doc[lo].left_edge.i))
    return lo


def tidy_source(doc: Doc, rng: Range, head: int, floor: int) -> Range:
    """rng with its edges fixed (floor: the paragraph start, never crossed)."""
    lo, hi = rng
    lo = _extend_hyphens(doc, lo, floor)
    hi = _before_participle(doc, lo, hi, head)
    while hi - 1 > head and doc[hi - 1].lower_ in TRAILING_WORDS:
        hi -= 1
    hi = _before_bare_time(doc, hi, head)
    return lo, hi


def _before_bare_time(doc: Doc, hi: int, head: int) -> int:
    """hi cut before a bare time phrase closing the source ("Trump this week also said"): the
    parse hung the clause's time adverbial on the subject; it says when, not who."""
    k = hi
    while k - 1 > head and doc[k - 1].ent_type_ in ("DATE", "TIME") and doc[k - 1].dep_ != "pobj":
        k -= 1
    if k < hi and k - 1 == head and doc[k].ent_iob_ == "B" and doc[k:hi].root.head.i == head:
        return k
    return hi


def _before_participle(doc: Doc, lo: int, hi: int, head: int) -> int:
    """hi cut before a comma-led participle clause of the head ("Trump, speaking to ...")."""
    for c in doc[head].rights:
        comma = c.left_edge.i - 1
        if (
            c.dep_ in ("acl", "advcl")
            and c.tag_ == "VBG"
            and c.lower_ not in KEPT_PARTICIPLES
            and head < comma < hi
            and doc[comma].text == ","
            and c.right_edge.i < hi
        ):
            return comma
    return hi
