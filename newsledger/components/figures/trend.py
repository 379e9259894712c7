"""Is a figure a change? "rose 8%" is an amount of change (role "by"), "rose 18 sen to RM23.50"
names the level reached (role "to"), "the index stood at 1,200 points" is neither.

Not a Figure field (yet): the benchmark and later reconciliation call these on demand.
Word tables: figures/data/trend.tsv (verbs and nouns of change, direction adverbs) and
figures/data/motion_verbs.tsv (verbs whose particle "up"/"down" gives the direction).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Figure
from ..common.doc_cache import doc_text
from .conversions import TokenIndex, conversion_source
from .lexicon import FigureLexicon, figure_lexicon

# How the number may hang from the verb of change ("rose 8%", "rose by 8%", "was up 8%").
_CHANGE_DEPS = {"dobj", "npadvmod", "prep", "attr", "nummod", "advmod", "quantmod", "compound", "pobj"}
_DIRECTIONS = {"up": "up", "down": "down"}


def figure_trend(doc: Doc, fig: Figure) -> str | None:
    """ "up" / "down" when the figure is an amount of change ("rose 8%", "down 4 percent", "+0.2%")."""
    change = figure_change(doc, fig)
    return change[0] if change and change[1] == "by" else None


def figure_change(doc: Doc, fig: Figure) -> tuple[str, str] | None:
    """(direction, role): direction "up"/"down"; role "by" when the figure is the amount of change
    ("rose 8%", "a drop of 5%", "revised upward by $40m"), "to" when it is the level reached
    ("fell 2% to $45", "decreased to $-50.8bn"). None when no word of change governs it."""
    lex = figure_lexicon()
    text = doc_text(doc)
    figs = doc._.figures or []
    if fig in figs:
        src = conversion_source(text, figs, figs.index(fig))
        if src is not None and src.unit and fig.unit:
            return figure_change(doc, src)  # "dropped by 1 degree Celsius (1.8 Fahrenheit)"
    before = text[max(0, fig.start - 2) : fig.start].strip()
    if text[fig.start : fig.start + 1] == "+" or before.endswith("+"):
        return "up", "by"
    first = TokenIndex(doc).at(fig.start)
    if first is None:
        return None
    # "increased by $43.6 billion to $419.2 billion": the parser may hang "to" on the amount
    # (quantmod) instead of taking the amount as its object; the amount is still the level reached
    to_before = first.i > 0 and doc[first.i - 1].lower_ == "to" and doc[first.i - 1].dep_ == "quantmod"
    return _particle_before(doc, first, lex) or _governing_change(first, lex, "to" if to_before else "by")


def _particle_before(doc: Doc, first: Token, lex: FigureLexicon) -> tuple[str, str] | None:
    """ "was up 8%", "up nearly 57%", "trending up 0.2%" (but not "gave up 517 yards")."""
    prev = doc[first.i - 1] if first.i > 0 else None
    if prev is not None and prev.lower_ in lex.cues_before:
        prev = doc[prev.i - 1] if prev.i > 0 else None  # "up nearly 57%"
    if prev is None or prev.lower_ not in _DIRECTIONS:
        return None
    if (
        prev.head.lemma_ == "be"
        or prev.head.i >= first.i
        or prev.dep_ != "prt"
        or prev.head.lemma_.lower() in lex.motion_verbs
    ):
        return _DIRECTIONS[prev.lower_], "by"
    return None


def _direction_of_verb(verb: Token, lex: FigureLexicon, via_by: bool) -> str | None:
    """A verb of change ("rise"), or, for a figure reached through "by", a verb with a direction
    adverb ("revised upward by", "were down 2.3%, Burlington by 2.6%"); a particle only on a verb
    of motion, as other phrasal verbs are no change ("held up by 3 hours")."""
    lemma = verb.lemma_.lower()
    if lemma in lex.trends and (via_by or lemma not in lex.trends_by_only):
        return lex.trends[lemma]
    if via_by:
        for child in verb.children:
            if child.lower_ in lex.direction_adverbs and (
                child.dep_ == "advmod" or (child.dep_ == "prt" and lemma in lex.motion_verbs)
            ):
                return lex.direction_adverbs[child.lower_]
    return None


def _governing_change(tok: Token, lex: FigureLexicon, role: str = "by") -> tuple[str, str] | None:
    """Climb from the number to the word of change that governs it, through "by" (amount),
    "to" (level reached) or, after a noun of change, "of" ("a drop of 5%"); not "from"/"at"."""
    via_by = False
    for _ in range(4):
        if tok.head.i == tok.i:  # the root (spaCy makes a new Token per access: `is` never holds)
            return None
        if tok.dep_ == "pobj":
            prep = tok.head.lower_
            if prep == "by":
                via_by = True
            elif prep == "to":
                role = "to"
            elif not (prep == "of" and tok.head.head.pos_ == "NOUN"):
                return None
        head = tok.head
        if tok.dep_ in _CHANGE_DEPS:
            if head.pos_ in ("VERB", "AUX"):
                direction = _direction_of_verb(head, lex, via_by)
                if direction:
                    return direction, role
            elif (
                head.pos_ == "NOUN"
                and tok.dep_ == "prep"
                and tok.lower_ in ("by", "of", "to")
                and head.lemma_.lower() in lex.trends
            ):
                return lex.trends[head.lemma_.lower()], role  # "a decrease by 1", "a drop of 5%"
        tok = head
    return None
