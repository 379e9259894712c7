"""The content of an indirect statement cued by a verb: its clausal complement (that-clause, bare
clause, "whether"/"if" clause, infinitive, an answer word), the object of its preposition ("called
for talks"), its object with an "as" complement, the subject of its passive, or the main clause it
comments on ("The plan, he said, is dead", "As the Post reported, ..."). Which of these a verb
takes is its frame string in data/cue_verbs.tsv."""

from __future__ import annotations

from spacy.tokens import Token

from .candidate import Range
from .lexicon import StatementLexicon
from .spans import DocIndex, minus, subtree, trim

RELATIVE_WORDS = {"who", "that", "which", "whom"}
ANSWER_WORDS = {"yes", "no", "yeah", "nope", "so"}  # "said yes", "said so"


def complement(
    idx: DocIndex, v: Token, entry, src: Range | None, prep: Token | None, lex: StatementLexicon
) -> Range | None:
    """Content of an indirect statement: the clausal complement, else an object or a passive subject."""
    kids = list(v.children)
    for dep, frame in (("ccomp", "c"), ("xcomp", "x")):
        for c in kids:
            if c.dep_ == dep and frame in entry.frames and not _object_then_participle(v, c, entry.frames):
                return _clip(idx, _without_next_report(c, lex), c, src)
    for c in kids:  # "said legalizing it would help": a gerund subject the parser made an xcomp
        if (
            c.dep_ == "xcomp"
            and c.tag_ == "VBG"
            and c.i > v.i
            and "c" in entry.frames
            and any(k.dep_ in ("ccomp", "conj") or k.pos_ == "AUX" for k in c.children)
        ):
            return _clip(idx, _without_next_report(c, lex), c, src)
    for c in kids:  # "told his supporters at a rally to go vote": the parse took the infinitive for a purpose clause
        if c.dep_ == "advcl" and _object_infinitive(v, c, entry.frames):
            return _clip(idx, subtree(c), c, src)
    if "p" in entry.frames and any(k.dep_ == "agent" for k in kids):
        for c in kids:
            if c.dep_ == "nsubjpass":
                return _clip(idx, subtree(c), c, src)
    for c in kids:  # "asked him whether ...", "wondered if ..." (parsed as adverbial clauses)
        if c.dep_ == "advcl" and c.i > v.i and ("c" in entry.frames or "w" in entry.frames):
            mark = next((m for m in c.children if m.dep_ == "mark"), None)
            if mark is not None and (mark.lower_ == "whether" or (mark.lower_ == "if" and "w" in entry.frames)):
                return _clip(idx, subtree(c), c, src)
    if "c" in entry.frames:  # "75 percent said yes", "55 percent said so"
        for c in kids:
            if c.dep_ in ("intj", "advmod") and c.i > v.i and c.lower_ in ANSWER_WORDS:
                return _clip(idx, subtree(c), c, src)
    if "a" in entry.frames and prep is not None:
        if prep.dep_ == "mark":  # "called for X to step down": the clause the "for" opens
            return _clip(idx, (prep.i + 1, subtree(prep.head)[1]), prep.head, src)
        objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if objs:
            return _clip(idx, subtree(objs[0]), objs[0], src)
    if "o" in entry.frames or "v" in entry.frames:
        objs = [c for c in kids if c.dep_ in ("dobj", "oprd")]
        # "sees Clinton as the stronger candidate", "quoted the president as saying": the
        # object with its "as" complement
        as_ = [c for c in kids if c.dep_ == "prep" and c.lower_ == "as" and objs and c.i > objs[0].i]
        as_of_obj = any(c.dep_ == "prep" and c.lower_ == "as" for o in objs for c in o.children)
        if not objs and "o" in entry.frames:
            # "admitted using the tax code", "cited improving care as a priority": a gerund object
            objs = [c for c in kids if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > v.i and not _has_subject(c)]
        if not objs and "o" in entry.frames and v.dep_ == "relcl":
            # "a nominee that donors couldn't support": the relative word stands for the object
            objs = [c for c in kids if c.dep_ == "mark" and c.lower_ in RELATIVE_WORDS and c.i < v.i]
        if objs and ("o" in entry.frames or as_ or as_of_obj):
            lo = min(subtree(o)[0] for o in objs)
            hi = max([subtree(o)[1] for o in objs] + [subtree(a)[1] for a in as_])
            return _clip(idx, (lo, hi), objs[0], src)
        if not objs and "v" in entry.frames and any(c.dep_ == "nsubjpass" for c in kids):
            # "X is seen as the favourite": the "as" phrase (passive_patient adds the subject)
            as_phrase = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "as" and c.i > v.i), None)
            if as_phrase is not None:
                return _clip(idx, subtree(as_phrase), as_phrase, src)
    if "c" in entry.frames:
        later = _later_clause(v)
        if later is not None:
            return _clip(idx, later, v, src)
    as_clause = v.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in v.children)
    if (v.dep_ == "parataxis" or as_clause) and "c" in entry.frames:
        h = v.head  # "The plan, he said, is dead.", "As the Post reported, the plan is dead."
        return _clip(idx, minus(subtree(h), subtree(v), keep=h.i), h, src)
    return None


def _object_then_participle(v: Token, c: Token, frames: str) -> bool:
    """Is the "clause" a bare participle after the verb's object ("found 31 incidents out of a
    billion ballots cast")? A reported clause has a subject; this is the object's modifier the
    parse hung on the verb, and the object is the content."""
    return (
        "o" in frames
        and c.tag_ == "VBN"
        and not _has_subject(c)
        and any(o.dep_ == "dobj" and v.i < o.i < c.i for o in v.children)
    )


def _has_subject(t: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in t.children)


def _object_infinitive(v: Token, c: Token, frames: str) -> bool:
    """Is advcl c the infinitive complement of a verb of telling or urging (frame x, no object
    frame) after its addressee, with no subject or subordinator of its own?"""
    return (
        "x" in frames
        and "o" not in frames
        and c.i > v.i
        and c.tag_ == "VB"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and not _has_subject(c)
        and not any(m.dep_ == "mark" for m in c.children)
        and any(o.dep_ in ("dobj", "dative") and o.i < c.i for o in v.children)
    )


def _later_clause(v: Token) -> Range | None:
    """A reported clause the parser hung below a phrase after the cue ("reported at the time
    that the editor conveyed ...", "said after the convention he would not accept ...", "told
    a meeting of leaders that few people understood ..."): the first finite clause after the
    cue that opens with "that" or its own subject (not a relative or time clause: "where",
    "when", "the language they're using"), reached from the cue through nouns and prepositions
    only; it runs to the end of the verb's subtree."""
    hi = subtree(v)[1]
    for t in v.doc[v.i + 1 : hi]:
        if t.pos_ not in ("VERB", "AUX") or t.dep_ not in ("advcl", "relcl", "acl", "ccomp"):
            continue
        h = t.head
        while h.i != v.i and h.pos_ not in ("VERB", "AUX") and h.head is not h:
            h = h.head
        if h.i != v.i:
            return None  # "responded by using X to prove that ...": another verb's clause
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.i > t.i or subj.lower_ in RELATIVE_WORDS:
            return None
        first = t.left_edge
        if first.lower_ == "that" and first.i < subj.i:
            return first.i, hi
        if t.dep_ == "advcl" and first.i == subj.left_edge.i:
            return first.i, hi
        if t.dep_ == "advcl" and _setting_before(t, subj, v):
            return subj.left_edge.i, hi
        return None
    return None


def _setting_before(t: Token, subj: Token, v: Token) -> bool:
    """Is all that the parse hung on clause t before its subject a time or place phrase right
    after the cue ("said [after the convention] he would not accept")? That phrase tells when
    the cue was said; the reported clause starts at its subject."""
    pre = [c for c in t.children if c.i < subj.left_edge.i]
    return (
        bool(pre)
        and all(c.dep_ in ("prep", "npadvmod") for c in pre)
        and pre[0].left_edge.i == v.i + 1
        and not any(m.dep_ == "mark" for m in t.children)
    )


def _without_next_report(head: Token, lex: StatementLexicon) -> Range:
    """The clause's subtree up to a reporting verb coordinated with its head ("said he found
    Trump charming [and called his standing ...]"): that verb is an attribution of its own
    (PolNeAR is univocal), so the content stops there."""
    lo, hi = subtree(head)
    for c in head.children:
        if (
            c.i > head.i
            and c.dep_ in ("conj",)
            and c.pos_ == "VERB"
            and lex.verb(c)[0] is not None
            and not any(m.dep_ == "mark" for m in c.children)
        ):
            hi = min(hi, c.left_edge.i)
    return lo, hi


def passive_patient(idx: DocIndex, v: Token, entry, content: Range) -> Range | None:
    """Agentless passive of a verb whose passive subject belongs to the reported content
    ("Sanders is expected to win", "she was asked about the deal", "he is accused of fraud"):
    the content runs from the subject over the complement (the cue inside it keeps its role);
    no source. Only verbs marked "s" in the lexicon, so "X is focused on Y" stays out."""
    if "s" not in entry.frames:
        return None
    subj = next((c for c in v.children if c.dep_ in ("nsubjpass", "csubjpass")), None)
    if subj is None or subj.i > v.i or subj.lower_ in RELATIVE_WORDS:
        return None
    lo = subtree(subj)[0]
    lo, hi = trim(idx, *idx.clip_to_para(min(lo, content[0]), max(content[1], v.i + 1), v.i))
    return (lo, hi) if hi > lo else None


def _clip(idx: DocIndex, rng: Range, head: Token, src: Range | None) -> Range | None:
    lo, hi = idx.clip_to_para(rng[0], rng[1], head.i)
    if src is not None:
        lo, hi = minus((lo, hi), src, keep=head.i)
    lo, hi = trim(idx, lo, hi)
    return (lo, hi) if hi > lo else None
