"""The cue span of a reporting verb: how far left it reaches (auxiliaries, negation, governing
verbs and adjectives) and the channels and gerunds it takes in ("said in a statement")."""

from __future__ import annotations

from spacy.tokens import Token

from .candidate import Range
from .lexicon import StatementLexicon
from .spans import DocIndex

CUE_LEFT_DEPS = {"aux", "auxpass", "neg", "advmod"}


# Adverbs right after a cue verb that PolNeAR counts as part of the cue ("said instead").
# (Prepositional settings, "said at a rally", are annotated both ways; they are left out.)
SETTING_ADVERBS = {
    "instead",
    "later",
    "earlier",
    "today",
    "yesterday",
    "again",
    "recently",
    "afterward",
    "afterwards",
    "publicly",
    "privately",
    "repeatedly",
    "previously",
    "then",
    "once",
    "too",
    "also",
    "twice",
    "frequently",
    "often",
    "sarcastically",
    "bluntly",
    "flatly",
}


# Verbs of phase, attempt and appearance that govern a reporting infinitive.
CUE_GOVERNORS = {
    "seem",
    "appear",
    "continue",
    "go",
    "try",
    "begin",
    "start",
    "decide",
    "refuse",
    "need",
    "use",
    "tend",
    "want",
    "plan",
    "fail",
    "choose",
}


def cue_left_edge(idx: DocIndex, v: Token) -> int:
    """The verb with its auxiliaries, negation and adverbs just left of it."""
    doc, lo = idx.doc, v.i
    while (
        lo - 1 >= 0
        and doc[lo - 1].head.i == v.i
        and doc[lo - 1].dep_ in CUE_LEFT_DEPS
        and idx.para_of[lo - 1] == idx.para_of[v.i]
    ):
        lo -= 1
    return lo


def cue_range(idx: DocIndex, v: Token, prt: Token | None, lex: StatementLexicon) -> Range:
    """The verb with its auxiliaries, negation and adverbs just left of it ("has also said",
    "did not rule out"), its particle, and a channel phrase right after ("said in a statement")."""
    doc = idx.doc
    lo = cue_left_edge(idx, v)
    # PolNeAR's cue holds the verb that governs the reporting infinitive ("went on to say",
    # "seems to feel", "continues to insist") when nothing but the "to" lies between.
    h = v.head
    infinitive = v.dep_ == "xcomp" or (v.dep_ == "advcl" and doc[lo].lower_ == "to")
    # Any verb or predicate adjective right before the infinitive's "to" governs it ("has
    # struggled to respond", "is likely to say", "was quick to point out"); an adverbial
    # "to" clause only under the listed phase/attempt verbs.
    governs = h.lemma_.lower() in CUE_GOVERNORS or (
        v.dep_ == "xcomp" and doc[lo].lower_ == "to" and h.pos_ in ("VERB", "AUX", "ADJ")
    )
    if (
        infinitive
        and governs
        and h.i < v.i
        and all(t.dep_ in CUE_LEFT_DEPS | {"prt"} for t in doc[h.i + 1 : lo])
        and idx.para_of[h.i] == idx.para_of[v.i]
    ):
        lo = _predicate_left_edge(idx, h)
    lo = _by_gerund_governor(idx, v, lo)
    lo = _channel_governor(idx, v, lo, lex)
    hi = v.i + 1
    if prt is not None and prt.i <= v.i + 3:
        hi = max(hi, prt.i + 1)
    nxt = doc[hi] if hi < len(doc) else None
    if nxt is not None and nxt.lower_ == "in" and nxt.head.i == v.i:
        for obj in nxt.children:
            if obj.dep_ == "pobj" and obj.lemma_.lower() in lex.channels and obj.i <= hi + 3:
                hi = obj.i + 1
    # "said Tuesday", "said instead", "said later": the cue's own time and manner adverbs
    for _ in range(2):
        t = doc[hi] if hi < len(doc) else None
        if t is None or t.head.i != v.i or idx.para_of[t.i] != idx.para_of[v.i]:
            break
        if (t.dep_ == "npadvmod" and t.ent_type_ == "DATE" and t.right_edge.i == t.i) or (
            t.dep_ == "advmod" and t.lower_ in SETTING_ADVERBS
        ):
            hi += 1
        else:
            break
    # "was first reported by", "said:" -- the cue's own adjuncts
    if hi < len(doc) and doc[hi].dep_ == "agent" and doc[hi].head.i == v.i:
        hi += 1
    if hi < len(doc) and doc[hi].text == ":" and idx.para_of[hi] == idx.para_of[v.i]:
        hi += 1
    return lo, hi


def _predicate_left_edge(idx: DocIndex, h: Token) -> int:
    """Left edge of a governing predicate: a verb with its auxiliaries, or a predicate adjective
    with its copula when only the adjective's own adverbs lie between ("were more likely")."""
    lo = cue_left_edge(idx, h)
    cop = h.head
    if (
        h.pos_ == "ADJ"
        and h.dep_ == "acomp"
        and cop.pos_ in ("AUX", "VERB")
        and cop.i == lo - 1
        and idx.para_of[cop.i] == idx.para_of[h.i]
    ):
        lo = cue_left_edge(idx, cop)
    return lo


def _by_gerund_governor(idx: DocIndex, v: Token, lo: int) -> int:
    """PolNeAR's cue holds the verb a reporting gerund is the means of, when only the preposition
    lies between ("began by saying", "responded by calling", "was impassioned in defending")."""
    prep = v.head
    if v.dep_ != "pcomp" or v.tag_ != "VBG" or prep.i != lo - 1 or prep.dep_ != "prep":
        return lo
    gov = prep.head
    if gov.pos_ not in ("VERB", "AUX", "ADJ") or gov.i != prep.i - 1 or idx.para_of[gov.i] != idx.para_of[v.i]:
        return lo
    return cue_left_edge(idx, gov)


MAX_CHANNEL_GAP = 10  # "sent a letter to the NAACP board of directors urging"


def _is_channel(noun: Token, lex: StatementLexicon) -> bool:
    """A channel noun, or a quantity of channels ("a series of tweets", "a flurry of emails")."""
    if noun.lemma_.lower() in lex.channels:
        return True
    return any(
        p.dep_ == "prep"
        and p.lower_ == "of"
        and any(o.dep_ == "pobj" and o.lemma_.lower() in lex.channels for o in p.children)
        for p in noun.children
    )


def _channel_governor(idx: DocIndex, v: Token, lo: int, lex: StatementLexicon) -> int:
    """ "issued a statement saying", "put out a new radio ad calling": the cue starts at the verb
    that produced the channel the participle hangs on."""
    noun = v.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        noun = noun.head.head  # "unleashed a series of tweets saying": the quantity noun
    if v.dep_ != "acl" or noun.dep_ != "dobj" or noun.i >= v.i or not _is_channel(noun, lex):
        return lo
    gov = noun.head
    if gov.pos_ != "VERB" or not 0 < v.i - gov.i <= MAX_CHANNEL_GAP or idx.para_of[gov.i] != idx.para_of[v.i]:
        return lo
    if any(idx.quote_of[k] >= 0 or idx.doc[k].text in (",", ";", ":") for k in range(gov.i, v.i)):
        return lo
    return cue_left_edge(idx, gov)
