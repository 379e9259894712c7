"""An event's mode (actual | planned | possible | negated | past | hypothetical), read off the
dependency parse: modal auxiliaries and negation on the trigger's clause, the verbs it depends
on by xcomp ("preparing to deploy"), subordinators ("if", "whether"), and nouns above it
("the possibility that ..."). Words come from data/modes.tsv."""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import EventLexicon

PRECEDENCE = ("negated", "hypothetical", "possible", "planned", "past", "actual")
_CLIMB = {"xcomp", "conj", "acomp"}
_NOUN_SLOTS = {"dobj", "attr", "pobj", "dative"}  # object of a light verb ("held talks")
_VERBAL = {"VERB", "AUX", "ADJ"}
_MAX_ANCESTORS = 8


def clause_chain(tok: Token) -> list[Token]:
    """The trigger, the verb governing a noun trigger ("held talks"), and the verbs the trigger
    depends on by xcomp/conj ("is preparing to deploy ... and send"): they share mode and subject."""
    chain = [tok]
    v = tok
    if tok.pos_ not in ("VERB", "AUX") and tok.dep_ in _NOUN_SLOTS:
        h = tok.head
        if tok.dep_ == "pobj" and h.dep_ in ("prep", "agent", "dative"):
            h = h.head
        if h.i != tok.i and object_position(tok).i == h.i:  # "announced $725 million in aid"
            h = h.head
        if h.i != tok.i and h.pos_ in ("VERB", "AUX"):
            chain.append(h)
            v = h
    while v.dep_ in _CLIMB and v.head.i != v.i and v.head.pos_ in _VERBAL | {"NOUN"}:
        if v.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            break  # an independent clause: own subject, own mode
        if v.dep_ == "conj" and v.head.pos_ == "NOUN":
            break
        v = v.head
        chain.append(v)
    return chain


def object_position(noun: Token) -> Token:
    """The word standing where a verb's object stands for this noun: the noun itself, or the
    amount whose "in"-phrase says what it is an amount of ("announced $725 million in military
    aid": the aid is announced)."""
    prep = noun.head
    amount = prep.head
    if (
        noun.dep_ == "pobj"
        and prep.lower_ == "in"
        and (amount.tag_ == "CD" or amount.ent_type_ == "MONEY")
        and amount.dep_ in _NOUN_SLOTS
        and amount.head.i != amount.i
    ):
        return amount
    return noun


def mode_of(
    tok: Token,
    lex: EventLexicon,
    chain: list[Token] | None = None,
    years: list[int] | None = None,
    pub_year: int | None = None,
) -> str:
    chain = chain or clause_chain(tok)
    found: set[str] = set()
    aux, gov, marks = lex.modes.get("aux", {}), lex.modes.get("governor", {}), lex.modes.get("mark", {})
    neg, adv, nouns = lex.modes.get("neg", {}), lex.modes.get("adv", {}), lex.modes.get("noun", {})
    for k, t in enumerate(chain):
        for c in t.children:
            lemma = c.lemma_.lower()
            if c.dep_ in ("aux", "auxpass") and lemma in aux:
                found.add(aux[lemma])
            elif c.dep_ == "neg" or (c.dep_ in ("det", "advmod", "preconj") and lemma in neg):
                if not _not_only(c):
                    found.add("negated")
            elif c.dep_ == "mark" and lemma in marks:
                found.add(marks[lemma])
            elif c.dep_ == "advmod" and lemma in adv:
                found.add(adv[lemma])
            elif c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lemma_.lower() in marks for g in c.children):
                found.add("hypothetical")  # the consequent of "if ...", "unless ..."
        # a governor sets the mode of what it governs ("set to attack"), not of a verb coordinated
        # with it ("set fire to a school and killed two teachers": both happened)
        if k and chain[k - 1].dep_ != "conj" and t.lemma_.lower() in gov:
            found.add(gov[t.lemma_.lower()])
    top = chain[-1]
    if (
        top.dep_ == "advcl"
        and top.head.lemma_.lower() in gov
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in top.children)
    ):
        found.add(gov[top.head.lemma_.lower()])  # "have sworn to fight", parsed as a purpose clause
    # "without attacking", "without an attack"
    if tok.head.lemma_.lower() == "without" or (tok.dep_ == "pcomp" and tok.head.lemma_.lower() == "without"):
        found.add("negated")
    found |= _ancestor_modes(chain[-1], lex, gov, nouns)
    if years and pub_year and min(years) < pub_year - 1:  # last year is still news; 1953 is history
        found.add("past")
    for mode in PRECEDENCE:
        if mode in found:
            return mode
    return "actual"


def _ancestor_modes(top: Token, lex: EventLexicon, gov: dict, nouns: dict) -> set[str]:
    """Above the clause: hypothetical/planning nouns ("the possibility that X could attack"),
    negated nouns ("no signs of provocation") and denials ("denied that it attacked")."""
    out: set[str] = set()
    t = top
    for _ in range(_MAX_ANCESTORS):
        if t.head.i == t.i:
            break
        below, t = t, t.head
        lemma = t.lemma_.lower()
        if t.pos_ in ("NOUN", "PROPN"):
            if any(c.dep_ == "det" and c.lemma_.lower() == "no" for c in t.children):
                out.add("negated")
                break
            if lemma in nouns:
                out.add(nouns[lemma])
                break
        elif t.pos_ in ("VERB", "AUX", "ADJ"):
            # what is stopped is its object, not an adjunct's ("stopped work on the first day of a strike")
            if gov.get(lemma) == "negated" and below.dep_ != "prep" and not any(c.dep_ == "neg" for c in t.children):
                out.add("negated")
            noun = _complemented_noun(top, t, nouns) if t.i == top.head.i else None
            if noun is not None:
                out.add(nouns[noun.lemma_.lower()])
            break  # the next clause up has its own mode
    return out


def _complemented_noun(clause: Token, verb: Token, nouns: dict) -> Token | None:
    """ "reiterated its demand that Israel ease ...": the parser hangs the that-clause on the verb;
    it completes the object noun right before it, whose mode it takes."""
    if clause.dep_ != "ccomp" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    for c in verb.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in nouns and 0 < clause.left_edge.i - c.i <= 3:
            return c
    return None


def _not_only(neg: Token) -> bool:
    """'not only X but also Y' adds, it does not negate."""
    nxt = neg.nbor(1) if neg.i + 1 < len(neg.doc) else None
    return nxt is not None and nxt.lower_ in ("only", "just", "merely")
