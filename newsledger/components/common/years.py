"""Telling a four-digit year from a count of things: "in 1953" vs "1500 soldiers"."""

from __future__ import annotations

from spacy.tokens import Token

# Four-digit numbers read as years: the past millennium and the horizon of forecasts ("by 2150").
YEARS = range(1000, 2201)

# Words right before a number that make it a quantity ("more than 1000", "about 1500").
_QUANTITY_WORDS = {
    "than",
    "least",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "over",
    "to",
    "estimated",
    "only",
    "just",
    "all",
    "those",
    "these",
}
_CURRENCY = set("$€£¥₹₩")
# Prepositions that introduce years ("in 2000 elections") rather than counts ("with 2000 refugees").
_YEAR_PREPOSITIONS = {
    "in",
    "of",
    "since",
    "by",
    "until",
    "till",
    "from",
    "during",
    "after",
    "before",
    "through",
    "between",
    "circa",
    "for",
}


def counts_things(tok: Token, text: str) -> bool:
    """True when the four-digit number `tok` counts something rather than naming a year.
    `text` is doc.text (read once by the caller: spaCy rebuilds it on every access).

    Years modify plural nouns too ("the 1777 campaigns", "its 2006 highs"), so a plural head is
    only taken as a count for round numbers not introduced by a determiner or preposition
    ("1500 soldiers", "butcher 1400 victims"), or after a quantity word or a currency sign.
    """
    doc = tok.doc
    if tok.idx > 0 and text[tok.idx - 1] in _CURRENCY:
        return True
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_ in _QUANTITY_WORDS and prev.lower_ not in ("to",):
        return True
    if not (tok.dep_ == "nummod" and tok.head.i > tok.i and tok.head.tag_ in ("NNS", "NNPS")):
        return False
    try:
        value = int(tok.text)
    except ValueError:
        return False
    return value % 100 == 0 and (
        prev is None or (prev.pos_ not in ("DET", "PRON") and prev.lower_ not in _YEAR_PREPOSITIONS)
    )
