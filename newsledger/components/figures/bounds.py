"""Bounds told by the words that govern a figure, from the dependency parse (issue 21):
"has already exceeded 500" and "500 has been surpassed" are "> 500", "approaching 200" is
"< 200", "nearly reached $87" is "< $87"; "more than doubled" is a figure of its own (> 2x).

Word tables: figures/data/bound_verbs.tsv (verbs, adjectives and adverbs that bound, verbs of
multiplying). A cue next to the number ("more than 500") is read first (figures/detect) and wins.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import FigureLexicon

# How the figure's nominal hangs from a verb that bounds it: its object, or its passive subject.
_OBJECT_DEPS = {"dobj", "attr", "oprd", "nsubjpass"}
# A negated verb bounds from the other side: "did not exceed 400" is <= 400, "has not reached 500"
# and "is not approaching 200" are < (a negated "hover" says nothing)
_NEGATED = {">": "<=", "=": "<", "<": "<"}
# Links inside the figure's own phrase ("$1 billion", "500 soldiers"), climbed to reach its top.
_INNER_DEPS = {"nummod", "quantmod", "compound", "nmod", "amod"}


def _phrase_top(tok: Token, head: Token | None) -> Token:
    """The token that stands for the whole figure in the parse: its counted noun when it has
    one, else the number climbed through the number's own modifiers ("$1 billion" -> "$")."""
    if head is not None:
        return head
    for _ in range(2):
        if tok.dep_ in _INNER_DEPS and tok.head.i != tok.i and abs(tok.head.i - tok.i) <= 2:
            tok = tok.head
    return tok


def _object_taken_for_adverbial(top: Token, counted: bool) -> bool:
    """The parser hangs a number or a measure after a verb as an adverbial ("neared 400", "exceeded
    5 percent", "approached 10%") as it does after "rose"; it is the verb's object when the verb
    has no other one ("topped the poll 5 times" has). A count of things stays an adverbial ("passed
    3 times through the town"), and so does a time ("passed 5 years ago")."""
    if top.dep_ != "npadvmod":
        return False
    if top.pos_ == "NUM":
        return True
    return (
        not counted
        and top.ent_type_ not in ("DATE", "TIME")
        and not any(c.dep_ in _OBJECT_DEPS for c in top.head.children)
    )


def governed_bound(
    doc: Doc, last: Token, head: Token | None, lex: FigureLexicon, value: float | None = None
) -> str | None:
    """The bound that the governing verb (or adjective) gives the figure of `value`, or None."""
    top = _phrase_top(last, head)
    if top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.dep_ in _OBJECT_DEPS:
        top = top.head.head  # "the threshold of 500 deaths has been surpassed"
    limit = _limit_bound(top, lex)
    if limit:
        return limit
    things = head is not None and head.lower_ not in lex.units and not _milestone(value)
    return _passing_bound(top, lex) or _word_bound(top, head is not None, lex, things)


def _milestone(value: float | None) -> bool:
    """A round number, a multiple of ten: a level that a count passes ("passed 200 million
    subscribers", "crossed the 1,000 mark"), where "12 bills" or "3 suspects" counts things."""
    return value is not None and value >= 10 and value % 10 == 0


def _limit_bound(top: Token, lex: FigureLexicon) -> str | None:
    """ "capped at $3 million", "limited to 50 people": a verb of limiting and its preposition
    (not "not limited to 50 people")."""
    prep = top.head
    if top.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ != "VERB":
        return None
    bound = lex.bound_limits.get(f"{prep.head.lemma_.lower()} {prep.lower_}")
    return None if bound is None or _negated(prep.head, lex) else bound


def _passing_bound(top: Token, lex: FigureLexicon) -> str | None:
    """A preposition of passing on a verb or a predicate: "rose past 400", "climbed beyond 1,000",
    "the count is past 300"; a verb of falling passes the level from above: "fell past $50" is < $50."""
    if top.dep_ in (*_OBJECT_DEPS, "npadvmod") and top.head.pos_ == "VERB":
        # "rose past 400": the parser hangs "past" on the number it takes for an adverbial
        for c in top.children:
            if c.i < top.i and c.lower_ in lex.bound_prepositions:
                return _passed_falling(lex.bound_prepositions[c.lower_], top.head, lex)
    passing = lex.bound_prepositions.get(top.head.lower_) if top.dep_ == "pobj" else None
    verb = top.head.head
    if passing and top.head.dep_ in ("prep", "advmod") and (verb.pos_ == "VERB" or verb.lemma_ == "be"):
        return _passed_falling(passing, verb, lex)  # "surged past $100": "past" may hang as an adverb
    return None


def _passed_falling(bound: str, verb: Token, lex: FigureLexicon) -> str:
    return "<" if bound == ">" and lex.trends.get(verb.lemma_.lower()) == "down" else bound


def _word_bound(top: Token, counted: bool, lex: FigureLexicon, things: bool = False) -> str | None:
    """The bound of the verb whose object (or passive subject) the figure is, as an adverb on it
    or a negation turns it ("nearly reached", "did not exceed"), or of the adjective whose
    preposition takes it ("just shy of 500", "fell short of 60 votes"). A verb alone bounds no
    count of `things` (not a round level): "passed 12 bills", "crossed 2 rivers" act on them."""
    gov: Token | None = None
    table = lex.bound_verbs
    if (top.dep_ in _OBJECT_DEPS or _object_taken_for_adverbial(top, counted)) and top.head.pos_ in ("VERB", "AUX"):
        gov = top.head  # "neared 400", "exceeded 5 percent" (the parser takes them for adverbials)
    elif top.dep_ == "pobj" and top.head.lower_ in ("of", "to") and top.head.head.pos_ in ("ADJ", "ADV"):
        gov, table = top.head.head, lex.bound_adjectives  # "just shy of 500" (when no cue did it)
    if gov is None or gov.lemma_.lower() not in table:
        return None
    if table is lex.bound_verbs and _negated(gov, lex):
        return _NEGATED.get(table[gov.lemma_.lower()])  # "did not exceed 400" is <= 400
    for child in gov.children:
        if child.dep_ == "advmod" and child.lower_ in lex.bound_adverbs:
            return lex.bound_adverbs[child.lower_]
    if table is lex.bound_verbs and things:
        return None
    return table[gov.lemma_.lower()]


def _negated(verb: Token, lex: FigureLexicon) -> bool:
    """ "did not exceed", "never topped", and a verb under one that says it did not happen:
    "failed to reach", "has yet to exceed"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if verb.dep_ != "xcomp":
        return False
    over = verb.head
    return over.lemma_.lower() in lex.bound_negatives or any(
        c.dep_ == "advmod" and c.lower_ in lex.bound_negatives for c in over.children
    )


def multiplier(tok: Token, lex: FigureLexicon) -> float | None:
    """The factor of a verb of multiplying ("doubled" -> 2) or of a word of folds ("rose fivefold"
    -> 5), or None for any other token."""
    if tok.lower_.endswith("fold"):
        return lex.multipliers.get(tok.lower_)
    if tok.pos_ != "VERB":
        return None
    # "doubles as a display", "doubled down on": idioms, not a factor
    if any((c.dep_ == "prt") or (c.dep_ == "prep" and c.lower_ == "as") for c in tok.children):
        return None
    return lex.multipliers.get(tok.lemma_.lower())
