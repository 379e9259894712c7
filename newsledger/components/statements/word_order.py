"""Attributions read from word order where the parse hangs the reporting clause anywhere: a
trailing clause after the sentence's last comma ("…, a military spokesman told reporters"), an
inverted one ("…, reports USA Today") and a parenthesis inside the sentence ("These employees,
Stumpf explained, were well-paid"); and the addressee and setting a cue may carry ("told
[reporters] [on Monday],")."""

from __future__ import annotations

from spacy.tokens import Token

from .candidate import Range
from .complements import RELATIVE_WORDS
from .lexicon import StatementLexicon
from .sources.traits import is_person_noun
from .spans import DocIndex, trim

SUBJ_DEPS = {"nsubj", "csubj"}


def skip_addressee(idx: DocIndex, v: Token, j: int, frames: str) -> int:
    """Past the addressee and setting of the cue ("told [reporters] [in an interview on Monday],")."""
    doc = idx.doc
    for _ in range(4):
        if j >= len(doc) or (doc[j].head.i != v.i and doc[j].head.head.i != v.i):
            break
        tok = doc[j] if doc[j].head.i == v.i else doc[j].head
        if tok.dep_ in ("dative", "npadvmod", "prep") or (tok.dep_ == "dobj" and "o" not in frames):
            if tok.dep_ == "prep" and tok.lower_ in ("that",):
                break
            j = tok.right_edge.i + 1
            while j < len(doc) and doc[j].is_punct and idx.quote_of[j] < 0 and doc[j].text == ",":
                j += 1
        else:
            break
    return j


TRAILING_MARKS = {",", "—", "–", "―", "--"}


def trailing_report(idx: DocIndex, v: Token, src: Range | None, cue: Range, frames: str) -> tuple[Range, Range] | None:
    """(content, source) of a trailing attribution ("…, fundraising documents show.", "…, a
    military spokesman told reporters on Monday."): a source and cue after the sentence's last
    comma that close their sentence, the verb with no complement of its own, report the clause the
    comma closes; the source is all that stands between comma and cue. The parse often hangs
    such a verb anywhere; the word order alone says what it reports."""
    doc = idx.doc
    if (
        src is None
        or not src[1] <= cue[0]
        or v.dep_ not in ("ROOT", "ccomp", "parataxis")  # "the guides I wrote": a relative clause
        or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in v.children)
    ):
        return None
    sent = doc[v.i].sent
    j = skip_addressee(idx, v, cue[1], frames)
    if any(not (t.is_punct or t.is_space) for t in doc[j : sent.end]):
        return None
    plo, _ = idx.para_range(v.i)
    start = max(sent.start, plo)
    comma = next((k for k in range(cue[0] - 1, start, -1) if doc[k].text in TRAILING_MARKS), None)
    if comma is None or not comma < src[0] or cue[0] - comma > 12 or idx.quote_of[comma - 1] >= 0:
        return None  # a quotation before is the quote rules' business
    if doc[comma + 1].pos_ in ("CCONJ", "SCONJ", "ADV", "ADP"):
        return None  # "…, but Mr. Obama learned": a coordinated clause, not an attribution
    lo, hi = trim(idx, start, comma)
    if hi <= lo or not any(t.pos_ in ("VERB", "AUX") for t in doc[lo:hi]):
        return None
    return (lo, hi), trim(idx, comma + 1, cue[0])


def parenthetical_report(idx: DocIndex, v: Token, src: Range | None, src_head: int | None, cue: Range) -> Range | None:
    """The predicate after a reporting clause set off by commas inside its sentence ("These
    employees, Stumpf explained in the hearing, were well-paid", "Hawaii, as one of his advisers
    pointed out, normally does not get ..."): the subject before the first comma holds no verb,
    the words after the second go on with the sentence's verb. The parse hangs the parenthesis
    anywhere; the word order says what it reports (as for the trailing attribution, the
    content is what follows the reporting clause)."""
    doc = idx.doc
    if (
        src is None
        or src_head is None
        or not src[1] <= cue[0]
        or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in v.children)
    ):
        return None
    if doc[src_head].head.i != v.i or doc[src_head].lower_ in RELATIVE_WORDS:
        return None  # the verb's own subject, not a relative clause ("The Sentra, which goes on sale, ...")
    sent = v.sent
    open_ = src[0] - 1
    if doc[open_].lower_ == "as":
        open_ -= 1
    close = next((k for k in range(cue[1], min(sent.end, cue[1] + 12)) if doc[k].text == ","), sent.end)
    if any(t.pos_ in ("VERB", "AUX") or not v.left_edge.i <= t.i <= v.right_edge.i for t in doc[cue[1] : close]):
        return None  # the setting of the cue only ("explained earlier in the hearing")
    if not (sent.start < open_ and close < sent.end and doc[open_].text == "," == doc[close].text):
        return None
    if any(t.pos_ in ("VERB", "AUX") or idx.quote_of[t.i] >= 0 for t in doc[sent.start : open_]):
        return None  # "The troops will withdraw, officials said, ...": a clause, not a subject
    if close + 1 < sent.end and doc[close + 1].pos_ in ("CCONJ", "SCONJ"):
        return None  # "Ford wrote, and wrote": a coordination, not a parenthesis
    lo, hi = trim(idx, close + 1, sent.end)
    first = next((t for t in doc[lo:hi] if t.pos_ != "ADV"), None)
    if first is None or first.pos_ not in ("VERB", "AUX") or idx.para_of[lo] != idx.para_of[v.i]:
        return None
    return lo, hi


INVERTED_SPEAKER_DEPS = {"dobj", "npadvmod", "attr", "dative", "oprd"}
SPEAKER_ENTS = {"PERSON", "ORG", "NORP", "GPE"}


def inverted_report(idx: DocIndex, v: Token, lex: StatementLexicon) -> tuple[Range, Range, int] | None:
    """(content, source, source head) of an inverted trailing attribution ("…, reports USA
    Today.", "…, reported the Associated Press on Tuesday."): a finite cue verb right after the
    sentence's comma, with no subject of its own, followed by the speaker's noun phrase and at
    most a setting ("on Telegram", "on Tuesday"). The parse often takes that speaker for an
    object or an adverb; in this word order it is the subject, and the clause the comma closes is
    what is reported. The speaker must name someone ("…, reported heavy losses" is a second
    verb of the clause's own subject)."""
    doc = idx.doc
    if v.i == 0 or doc[v.i - 1].text not in TRAILING_MARKS or v.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if any(c.dep_ in SUBJ_DEPS or (c.dep_ in ("ccomp", "xcomp") and c.i > v.i) for c in v.children):
        return None
    speaker = next((c for c in v.rights if c.dep_ in INVERTED_SPEAKER_DEPS), None)
    if speaker is None or speaker.left_edge.i != v.i + 1 or not _names_a_speaker(speaker, lex):
        return None
    sent = v.sent
    setting = [c for c in v.rights if c.i > speaker.i and not c.is_punct]
    if any(c.dep_ not in ("prep", "npadvmod") for c in setting) or any(
        t.pos_ in ("VERB", "AUX") or idx.quote_of[t.i] >= 0 for t in doc[v.i + 1 : sent.end]
    ):
        return None
    start = max(sent.start, idx.para_range(v.i)[0])
    lo, hi = trim(idx, start, v.i - 1)
    if hi <= lo or idx.quote_of[hi - 1] >= 0 or not any(t.pos_ in ("VERB", "AUX") for t in doc[lo:hi]):
        return None  # a quotation before is the quote rules' business
    return (lo, hi), trim(idx, v.i + 1, speaker.right_edge.i + 1), speaker.i


def _names_a_speaker(tok: Token, lex: StatementLexicon) -> bool:
    """Is the noun a name, a person ("the minister") or a body ("the ministry")?"""
    lemma = tok.lemma_.lower()
    return (
        tok.pos_ == "PROPN"
        or tok.ent_type_ in SPEAKER_ENTS
        or is_person_noun(lemma, lex)
        or lex.anaphors.get(lemma) == "group"
    )
