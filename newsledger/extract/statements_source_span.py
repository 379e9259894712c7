"""Boundaries of a source span, PolNeAR-style: the noun phrase of the speaker with its titles,
appositives and modifiers (relative clauses and time phrases included: PolNeAR keeps them, and
cutting them lowered the score on train and dev), but not what the parse split or glued on.

- A hyphenated word is never cut in two ("17-year-old Jared Potts", "Caucus-goers"): the small
  models often attach only the last part of a hyphen compound to the subject's subtree.
- A trailing emphatic or floating word is left out ("Trump himself", "Richards and Menendez both").
"""
from __future__ import annotations

from spacy.tokens import Doc

from .statements_candidate import Range

TRAILING_WORDS = {"himself", "herself", "themselves", "itself", "both", "alone"}
HYPHENS = {"-", "–"}


def _glued(doc: Doc, i: int) -> bool:
    """Is token i written with no space before the next token?"""
    return not doc[i].whitespace_


def _extend_hyphens(doc: Doc, lo: int, floor: int) -> int:
    while lo - 2 >= floor and doc[lo - 1].text in HYPHENS and _glued(doc, lo - 1) \
            and _glued(doc, lo - 2) and not doc[lo - 2].is_punct:
        lo -= 2
    return lo


def tidy_source(doc: Doc, rng: Range, head: int, floor: int) -> Range:
    """rng with its edges fixed (floor: the paragraph start, never crossed)."""
    lo, hi = rng
    lo = _extend_hyphens(doc, lo, floor)
    while hi - 1 > head and doc[hi - 1].lower_ in TRAILING_WORDS:
        hi -= 1
    return lo, hi
