"""Statements cued by a reporting verb: direct quotes next to the cue ("“…,” he said",
"The JCS said: “…”"), indirect speech (that-clauses and bare clauses, "said X is Y, he said"),
passive agents ("was confirmed by NATO chief Mark Rutte"), infinitive and object complements
(statements/complements finds the content of an indirect statement).
Also find_source/cue_range, shared with the adjective and light-verb cues."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Token

from ..common.doc_cache import doc_tokens
from .candidate import Candidate, Range
from .complements import RELATIVE_WORDS, complement, passive_patient
from .cues import cue_range
from .lexicon import StatementLexicon
from .sources.tidy import tidy_source
from .spans import DocIndex, minus, subtree, trim
from .word_order import SUBJ_DEPS, inverted_report, parenthetical_report, skip_addressee, trailing_report

INHERIT_DEPS = {"conj", "advcl", "xcomp", "pcomp", "acomp"}
SPEAKER_SELF = {"i", "we", "you", "me", "us"}
READER = {"you"}  # outside a quotation "you" is the reader addressed, never a source
# words that open a sentence of their own as a speaker: after "….”" they start a new report
SENTENCE_OPENERS = {"he", "she", "they", "it", "we", "i", "the", "a", "an", "this", "that"}
WH_WORDS = {"what", "which", "who", "whom"}
SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten"}  # "promised voters to say": the subject says


def _subject(idx: DocIndex, v: Token) -> tuple[Token | None, bool]:
    """(subject token, passive?) of a verb; the agent of a passive verb. Among several subjects
    (a mis-parsed heading), the nearest one in the verb's own paragraph wins."""
    passive, best = False, None
    para = idx.para_of[v.i]
    for c in v.children:
        if c.dep_ in SUBJ_DEPS and idx.para_of[c.i] == para:
            if best is None or abs(c.i - v.i) < abs(best.i - v.i) or best.dep_ != "nsubj" == c.dep_:
                best = c
        elif c.dep_ in ("nsubjpass", "csubjpass"):
            passive = True
    if best is not None:
        return best, False
    if passive:
        for c in v.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p, True
    return None, passive


def _governing_subject(idx: DocIndex, v: Token, lex: StatementLexicon) -> Token | None:
    """Subject for a cue verb with none of its own ("... and said that", "wrote, adding, ...",
    "refused to say"): its conjunct/governor's subject, preferring a governing reporting verb.
    An infinitive after an object has that object as its subject (object control: "forced
    Stumpf to admit", "led the journalist to fear"), "promise" aside."""
    if v.dep_ == "xcomp" and v.head.lemma_.lower() not in SUBJECT_CONTROL:
        obj = next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i), None)
        if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON"):
            return obj
    head, chain = v, []
    for _ in range(4):
        if head.head is head or head.dep_ not in INHERIT_DEPS | {"ccomp", "acl", "dobj", "pobj", "prep"}:
            break
        head = head.head
        chain.append(head)
    for h in chain:  # a governing reporting verb first
        if h.pos_ in ("VERB", "AUX") and lex.verb(h)[0] is not None:
            subj, passive = _subject(idx, h)
            if subj is not None and not passive:
                return subj
    h = v
    for _ in range(8):  # then the plain conjunct chain
        if h.head is h:
            break
        if h.dep_ in INHERIT_DEPS:
            h = h.head
        elif h.dep_ == "prep" and h.head.pos_ in ("VERB", "AUX", "ADJ"):
            h = h.head  # "by saying", "after blasting X, Beck said"
        else:
            break
        if h.pos_ == "ADP":
            continue
        subj, passive = _subject(idx, h)
        if subj is not None:
            return None if passive else subj
    noun = message = v.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        noun = noun.head.head  # "X unleashed a series of tweets saying ..."
    if (
        v.dep_ == "acl" and noun.dep_ == "dobj" and (v.tag_ != "VBG" or _message_noun(message, lex))
    ):  # "X issued a statement saying ..."
        subj, passive = _subject(idx, noun.head)
        return None if passive else subj
    return None


def _message_noun(noun: Token, lex: StatementLexicon) -> bool:
    """Does the noun carry its maker's words ("a statement saying", "a series of tweets saying",
    "an ad attacking", "a resolution condemning")? A lawsuit "challenging the law" acts; its filer
    says nothing. (An infinitive states the maker's aim: "an effort to paint Trump as ...".)"""
    lemma = noun.lemma_.lower()
    return lemma in lex.nouns or lemma in lex.channels or noun.lower_ in lex.channels


def find_source(idx: DocIndex, v: Token, lex: StatementLexicon):
    """(source range, its head, antecedent range) of the attribution cued by verb v; the source
    is None when absent, never guessed. A relative pronoun is the source (PolNeAR convention:
    "Smith, who said ...") and its noun the antecedent."""
    subj, _passive = _subject(idx, v)
    if subj is not None and subj.lower_ in RELATIVE_WORDS and subj.head.dep_ == "relcl":
        noun = subj.head.head
        ante = minus(subtree(noun), subtree(subj.head), keep=noun.i)
        ante = trim(idx, *idx.clip_to_para(ante[0], ante[1], noun.i))
        return (subj.i, subj.i + 1), subj.i, ante if ante[1] > ante[0] else None
    return (*_find_source(idx, v, lex), None)


def _reduced_passive(v: Token) -> bool:
    return (
        v.tag_ == "VBN" and v.dep_ == "advcl" and not any(c.dep_ in SUBJ_DEPS | {"aux", "auxpass"} for c in v.children)
    )


def _find_source(idx: DocIndex, v: Token, lex: StatementLexicon) -> tuple[Range | None, int | None]:
    subj, passive = _subject(idx, v)
    if subj is None and passive:  # "was told that ...": the subject is not the source
        return None, None
    if subj is None and _reduced_passive(v):
        return None, None  # "(when) asked about X, she said": the patient is not the source
    if subj is None and v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        noun = v.head
        return _finish_source(idx, minus(subtree(noun), subtree(v), keep=noun.i), noun, v)
    if subj is None:
        subj = _governing_subject(idx, v, lex)
    if subj is None and v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN") and v.head.i < v.i:
        # "an outside group backing Bush", "voters demanding change": the noun does the saying
        noun = v.head
        return _finish_source(idx, minus(subtree(noun), subtree(v), keep=noun.i), noun, v)
    if subj is None:
        return None, None
    # "X's assessment shows that": the possessor is the source
    if subj.lemma_.lower() in lex.nouns:
        for c in subj.children:
            if c.dep_ == "poss":
                return _finish_source(idx, subtree(c), c, v)
    return _finish_source(idx, subtree(subj), subj, v)


def left_context_source(idx: DocIndex, cue: Range) -> tuple[Range | None, int | None]:
    """Fallback when the parse gave no subject (often a sentence glued across a newline, or
    "“…,” Ramos, 58, told AFP"): a short noun phrase right before the cue, back to the paragraph
    start, a quotation or a sentence end ("Jane Roe, a local user, wrote:")."""
    doc = idx.doc
    plo, _ = idx.para_range(cue[0])
    lo = cue[0]
    while (
        lo > plo and cue[0] - lo < 12 and idx.quote_of[lo - 1] < 0 and doc[lo - 1].text not in (".", "?", "!", ";", "—")
    ):
        lo -= 1
    lo, hi = trim(idx, lo, cue[0])
    if not 0 < hi - lo <= 12 or idx.quote_of[lo] >= 0 or idx.quote_of[hi - 1] >= 0:
        return None, None
    lo, hi = _last_name_segment(idx, lo, hi)
    if hi <= lo:
        return None, None
    toks = doc[lo:hi]
    if any(t.pos_ in ("VERB", "AUX") for t in toks):
        return _adjacent_noun_phrase(idx, cue[0])
    if not any(_nominal(t) for t in toks):
        return None, None
    head = next((t for t in toks if _nominal(t)), toks[0])
    last_name = head
    for t in toks[head.i - lo :]:
        if t.pos_ not in ("PROPN", "NOUN"):
            break
        last_name = t
    return (lo, hi), last_name.i


NOUN_PHRASE_WORDS = {"DET", "ADJ", "NOUN", "PROPN"}


def _adjacent_noun_phrase(idx: DocIndex, cue: int) -> tuple[Range | None, int | None]:
    """The bare noun phrase right before a cue verb that the parse left without a subject, inside
    a longer phrase ("the $20 million experts say it costs", a relative clause with no relative
    word): in that word order the plural noun or name is the one who says."""
    doc = idx.doc
    head = doc[cue - 1] if cue > 0 else None
    if doc[cue].tag_ not in ("VBP", "VBZ", "VBD") or doc[cue].pos_ != "VERB":
        return None, None  # a participle after a noun modifies it ("policy speeches designed to")
    if head is None or head.tag_ not in ("NNS", "NNPS", "NNP") or head.ent_type_ in ("DATE", "TIME", "MONEY"):
        return None, None
    lo = cue - 1
    while (
        lo > 0
        and doc[lo - 1].pos_ in NOUN_PHRASE_WORDS
        and idx.quote_of[lo - 1] < 0
        and doc[lo - 1].ent_type_ != "MONEY"
    ):
        lo -= 1
    while lo < cue - 1 and doc[lo].pos_ == "DET" and doc[lo].lower_ not in ("the", "a", "an", "some", "many", "most"):
        lo += 1
    return (lo, cue), head.i


def _nominal(t: Token) -> bool:
    """Can the word head a speaker's phrase? A noun or pronoun, a name the tagger mistook, or a
    count of people polled ("About 4 in 10 say", which the parse leaves with no subject), not a
    date or an amount of money."""
    return (
        t.pos_ in ("PROPN", "NOUN", "PRON")
        or t.ent_type_ in ("PERSON", "ORG", "NORP")  # "Issa:" tagged as an adjective
        or (t.pos_ == "NUM" and t.ent_type_ not in ("DATE", "TIME", "MONEY"))
    )


def _last_name_segment(idx: DocIndex, lo: int, hi: int) -> Range:
    """Of the comma-separated pieces before the cue, the last that names someone: a phrase
    setting the scene ("in Lynchburg, VA, ...", "Oct. 23, during ...") or an age ("Ramos, 58")
    is no part of the speaker."""
    doc = idx.doc
    cuts = [lo - 1] + [i for i in range(lo, hi) if doc[i].text in (",", "—", "–", ":")] + [hi]
    segs = [trim(idx, a + 1, b) for a, b in pairwise(cuts)]
    for k in range(len(segs) - 1, -1, -1):
        if _names_someone(doc, segs[k]):
            if k > 0 and _appositive(doc, segs[k - 1], segs[k]):
                return segs[k - 1][0], segs[k][1]  # "Jane Roe, a local user, wrote"
            return segs[k]
    return lo, lo


def _names_someone(doc, seg: Range) -> bool:
    toks = doc[seg[0] : seg[1]]
    if seg[1] <= seg[0] or toks[0].pos_ == "ADP" or toks[-1].pos_ in ("ADP", "DET", "CCONJ"):
        return False
    return any(_nominal(t) and t.ent_type_ not in ("DATE", "TIME") for t in toks)


def _appositive(doc, name: Range, desc: Range) -> bool:
    """Is desc a description of the name before it ("Jane Roe" + "a local user")?"""
    return (
        _names_someone(doc, name)
        and all(t.pos_ == "PROPN" or t.is_punct for t in doc[name[0] : name[1]])
        and doc[desc[0]].pos_ == "DET"
        and not any(t.pos_ == "PROPN" for t in doc[desc[0] : desc[1]])
    )


def _finish_source(idx: DocIndex, rng: Range, head: Token, v: Token):
    lo, hi = idx.clip_to_para(rng[0], rng[1], head.i)
    lo, hi = minus((lo, hi), (v.i, v.i + 1), keep=head.i)
    # a quotation is never part of the source
    for i in range(lo, hi):
        if idx.quote_of[i] >= 0 and idx.quote_of[i] != idx.quote_of[v.i]:
            lo, hi = minus((lo, hi), idx.quote_tokens(idx.quote_of[i]), keep=head.i)
            break
    start = _after_dateline(idx, lo, hi, head.i)
    if start > head.i >= lo and start < hi:  # the parse made the dateline's place the head
        head = idx.doc[start:hi].root
    lo, hi = trim(idx, start, hi)
    if lo <= head.i < hi:
        lo, hi = tidy_source(idx.doc, (lo, hi), head.i, idx.para_range(head.i)[0])
    if hi <= lo or not (lo <= head.i < hi):
        return None, None
    return (lo, hi), head.i


DATELINE_DASHES = {"—", "–", "-", "--"}


def _after_dateline(idx: DocIndex, lo: int, hi: int, head: int) -> int:
    """A source that opens its paragraph after a dateline ("MACAU (Reuters) – Top donor Sheldon
    Adelson said"): the source starts after the dateline's dash. When the parse made the
    dateline's place the head ("CLEVELAND, July 19 (UPI) — Former Attorney General ..."), the
    dash must close a wire-service bracket or follow an upper-case place."""
    doc = idx.doc
    if lo != idx.para_range(lo)[0]:
        return lo
    for k in range(lo, min(hi - 1, lo + 10)):
        # a hyphen inside a word ("17-year-old") is no dateline dash
        if doc[k].text in DATELINE_DASHES and k > lo and (doc[k].text != "-" or doc[k - 1].whitespace_):
            if k < head or doc[k - 1].text == ")" or (doc[lo].is_upper and len(doc[lo]) > 2):
                return k + 1
            return lo
    return lo


def adjacent_quotes(
    idx: DocIndex, block: Range, v: Token | None = None, frames: str = "", lex: StatementLexicon | None = None
) -> list[int]:
    """Quotes right before or right after the cue+source block (only punctuation between, and
    after the cue its addressee and setting)."""
    doc, found = idx.doc, []
    i = block[0] - 1
    while i >= 0 and doc[i].is_punct and idx.quote_of[i] < 0:
        i -= 1
    if (
        i >= 0
        and idx.quote_of[i] >= 0
        and idx.quote_tokens(idx.quote_of[i])[1] == i + 1
        and idx.quote_of[i] != idx.quote_of[block[0]]
        and not _closed_sentence(idx, i, block[0])
    ):
        found.append(idx.quote_of[i])
    j = block[1] if v is None else skip_addressee(idx, v, block[1], frames)
    while j < len(doc) and (doc[j].is_punct or doc[j].is_space) and idx.quote_of[j] < 0:
        j += 1
    if (
        j < len(doc)
        and idx.quote_of[j] >= 0
        and idx.quote_tokens(idx.quote_of[j])[0] == j
        and idx.quote_of[j] != idx.quote_of[block[1] - 1]
        and not (
            lex is not None and _sentence_end_between(idx, block[1], j) and _attributed_after(idx, idx.quote_of[j], lex)
        )
    ):
        found.append(idx.quote_of[j])
    return found


def _sentence_end_between(idx: DocIndex, lo: int, hi: int) -> bool:
    return any(t.text in (".", "?", "!") and idx.quote_of[t.i] < 0 for t in idx.doc[lo:hi])


def _attributed_after(idx: DocIndex, q: int, lex: StatementLexicon) -> bool:
    """Is the quotation followed by an attribution of its own ('“We will win Ohio,” Mook said'):
    it ends on a comma and a reporting verb follows in its sentence? Then a cue whose sentence
    ended before it ('Donald Trump disagreed. “…,” Mook said') does not report it; a quotation
    followed by other words ('“…,” a detail that ...') stays the earlier speaker's."""
    doc = idx.doc
    lo, hi = idx.quote_tokens(q)
    k = hi - 1
    while k > lo and doc[k].is_punct and doc[k].text != ",":
        k -= 1
    if doc[k].text != ",":
        return False
    for t in doc[hi : min(len(doc), hi + 12)]:
        if t.text in (".", ";", "?", "!") or idx.quote_of[t.i] >= 0 or idx.para_of[t.i] != idx.para_of[k]:
            return False
        if t.pos_ in ("VERB", "AUX") and lex.verb(t)[0] is not None:
            return True
    return False


def _finding_subject(idx: DocIndex, v: Token, src_head: int | None, lex: StatementLexicon) -> bool:
    """Is the cue verb's own subject a study, report or inquiry ("A 2014 study found 31
    incidents")? What research finds is a claim even when it is a noun phrase."""
    if src_head is None:
        return False
    head = idx.doc[src_head]
    return head.head.i == v.i and head.lemma_.lower() in lex.finding_nouns


def paragraph_after_colon(idx: DocIndex, v: Token, block: Range, frames: str, lex: StatementLexicon) -> Range | None:
    """The paragraph after a cue that ends its own paragraph on a colon ("The ministry added:" and
    then the words, unquoted, as a paragraph of their own): a colon announces what follows, and
    a cue with nothing after it in its paragraph reports the next one, unless that paragraph is
    quoted (the quote rules' business) or holds a reporting clause of its own (then it is that
    clause's report, and the colon's words are not told apart from it)."""
    doc = idx.doc
    j = skip_addressee(idx, v, block[1], frames)
    if j < len(doc) and doc[j].text == ":":
        j += 1
    elif doc[j - 1].text != ":":  # the cue range may hold the colon ("said:")
        return None
    k = j
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k >= len(doc) or idx.para_of[k] == idx.para_of[v.i] or idx.para_of[k] < 0:
        return None
    lo, hi = trim(idx, *idx.para_range(k))
    if hi <= lo or idx.quote_of[lo] >= 0:
        return None  # a quotation is the quote rules' business
    for t in doc[lo:hi]:  # a paragraph with a reporting clause of its own ("…, he said") is its report
        if t.pos_ in ("VERB", "AUX") and lex.verb(t)[0] is not None and any(c.dep_ in SUBJ_DEPS for c in t.children):
            return None
    return lo, hi


def _closed_sentence(idx: DocIndex, end: int, nxt: int) -> bool:
    """Does the quotation ending at token `end` close its sentence with a full stop, the next
    sentence opening at `nxt` ('… to change.” She adds, “…”')? A quotation its attribution
    follows ends on a comma, or on ? or ! ('“We will win,” he said'); after a full stop the
    attribution opens a new sentence and reports what comes after it."""
    doc = idx.doc
    k = end
    while k > 0 and doc[k].is_punct and doc[k].text not in (".", "?", "!", ","):
        k -= 1  # the closing marks
    return doc[k].text == "." and doc[nxt].is_title and doc[nxt].lower_ in SENTENCE_OPENERS


def _with_lead_in(idx: DocIndex, quote: Range, block: Range) -> Range:
    """A quotation that opens mid-sentence ("The people here “deserve better,” she said") has
    its unquoted lead-in as part of the content: extend back to the sentence start."""
    doc = idx.doc
    lo = quote[0]
    if lo == 0 or quote[1] > block[0] or not (doc[lo - 1].is_alpha or doc[lo - 1].is_digit):
        return quote
    start = max(doc[lo].sent.start, idx.para_range(lo)[0])
    k = lo - 1
    while k > start and idx.quote_of[k - 1] < 0 and doc[k - 1].text not in (".", ":", ";", "?", "!"):
        k -= 1
    return trim(idx, k, quote[1])


def _own_source(idx: DocIndex, v: Token, src: Range, head: int, cue: Range) -> bool:
    """Is the source the verb's own (subject, agent, or right next to the cue), not one taken
    over from a governing verb? Only its own source may sit between the cue and a quotation."""
    doc = idx.doc
    if doc[head].head.i == v.i or doc[head].head.head.i == v.i:
        return True
    gap = doc[src[1] : cue[0]] if src[1] <= cue[0] else doc[cue[1] : src[0]]
    return all(t.is_punct for t in gap)


def _clause_after(idx: DocIndex, v: Token) -> bool:
    """Does the verb have an unquoted clausal complement after it (its content slot filled)?"""
    return any(c.dep_ == "ccomp" and c.i > v.i and idx.quote_of[c.i] < 0 for c in v.children)


def _clausal(idx: DocIndex, v: Token, content: Range) -> bool:
    """Is the content the verb's reported clause (that-clause, bare clause)?"""
    return any(c.dep_ == "ccomp" and content[0] <= c.i < content[1] for c in v.children)


def _after_gap(idx: DocIndex, content: Range, cue: Range, src: Range | None) -> Range | None:
    """A cue verb in a relative clause whose relative word belongs to the reported clause
    ("donations, which he said were accompanied by favors", "revenue, which she plans to do
    through a tax increase"): the complement's subtree reaches back over the cue to the relative
    word; the content is what follows the cue (and a source after it)."""
    lo = cue[1]
    if src is not None and src[0] >= cue[1]:
        lo = max(lo, src[1])
    if content[1] <= lo:
        return None
    lo, hi = trim(idx, lo, content[1])
    return (lo, hi) if hi > lo else None


OWN_REPORT_CLAUSES = {"advcl", "relcl"}


def _before_own_report(idx: DocIndex, content: Range, v: Token, lex: StatementLexicon) -> Range:
    """The content cut before a subordinate or relative clause closing it that holds a report of
    its own speaker ("Lynch said the demands erase barriers, though she noted clients ...",
    "chose to file in Richmond, where experts say judges are eager ..."): that clause is the
    other speaker's statement, not part of this one."""
    doc = idx.doc
    for t in doc[content[0] : content[1]]:
        if t.dep_ not in OWN_REPORT_CLAUSES or t.i == v.i or t.right_edge.i + 1 < content[1] - 1:
            continue
        lo = t.left_edge.i
        if not (content[0] < lo and doc[lo - 1].text in (",", "—", "–", ";")):
            continue
        if any(
            u.pos_ == "VERB" and lex.verb(u)[0] is not None and any(c.dep_ in SUBJ_DEPS for c in u.children)
            for u in doc[lo : t.right_edge.i + 1]
            if u.head.i == t.i or u.i == t.i
        ):
            cut = trim(idx, content[0], lo - 1)
            return cut if cut[1] > cut[0] else content
    return content


def verbal_candidates(idx: DocIndex, lex: StatementLexicon) -> list[Candidate]:
    out: list[Candidate] = []
    for v in doc_tokens(idx.doc):
        if (
            v.pos_ not in ("VERB", "AUX")
            or v.dep_ == "amod"
            or (v.dep_ == "acl" and v.tag_ == "VBN" and not any(c.dep_ == "ccomp" for c in v.children))
        ):
            continue  # "the so-called deal", "a group called X": modifiers, not reports (but
            # "Two analysts found in 2014 that ..." mis-parsed as a participle keeps its clause)
        entry, prt = lex.verb(v)
        if entry is None or (v.i >= 2 and idx.doc[v.i - 1].lower_ == "to" and idx.doc[v.i - 2].lower_ == "according"):
            continue  # "according to show insiders": a noun phrase follows "according to", never a cue
        cue = cue_range(idx, v, prt, lex)
        src, src_head, ante = find_source(idx, v, lex)
        if src is None and not any(c.dep_ in ("nsubjpass", "expl") for c in v.children) and not _reduced_passive(v):
            src, src_head = left_context_source(idx, cue)
        if src_head is not None and idx.quote_of[v.i] >= 0 and idx.doc[src_head].lower_ in SPEAKER_SELF:
            continue  # "I think" inside a quotation belongs to the quoted speaker's content
        if v.head.lemma_.lower() == "let" and src_head is not None and idx.doc[src_head].lower_ in ("'s", "’s", "us"):
            continue  # "Let's say the plan works": a supposition, no one's claim
        if src_head is not None and idx.quote_of[v.i] < 0 and idx.doc[src_head].lower_ in READER:
            continue  # "Let's say you think a degree will cost $160,000": the reader, no one's claim
        negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in v.children)
        hedged = any(c.lower_ in lex.hedges for c in v.children)
        certainty = entry.negated if negated else entry.certainty
        own = src is not None and _own_source(idx, v, src, src_head, cue)
        block = (min(cue[0], src[0]), max(cue[1], src[1])) if own else cue
        base = dict(
            cue=cue,
            source=src,
            source_head=src_head,
            cue_head=v.i,
            antecedent=ante,
            certainty=certainty,
            negated=negated,
            hedged=hedged,
        )
        quotes = adjacent_quotes(idx, block, v, entry.frames, lex) if "q" in entry.frames else []
        if _clause_after(idx, v):  # "…for him.” She says it underscores that …": the clause is the content
            quotes = [q for q in quotes if idx.quote_tokens(q)[0] > v.i]
        for q in quotes:
            quoted = _with_lead_in(idx, idx.quote_tokens(q), block)
            out.append(Candidate(content=quoted, direct=quoted == idx.quote_tokens(q), **base))
        if quotes:
            continue
        inverted = inverted_report(idx, v, lex) if "c" in entry.frames else None
        if inverted is not None:
            base.update(source=inverted[1], source_head=inverted[2], antecedent=None)
            out.append(Candidate(content=inverted[0], **base))
            continue
        if "o" not in entry.frames and "c" in entry.frames and _finding_subject(idx, v, src_head, lex):
            entry = replace(entry, frames=entry.frames + "o")
        content = complement(idx, v, entry, src, prt if prt is not None and prt.dep_ in ("prep", "mark") else None, lex)
        if content is None and "c" in entry.frames:
            content = paragraph_after_colon(idx, v, block, entry.frames, lex)
            if content is None:
                content = parenthetical_report(idx, v, src, src_head, cue)
            trailing = None if content is not None else trailing_report(idx, v, src, cue, entry.frames)
            if trailing is not None:
                content = trailing[0]
                base.update(source=trailing[1])
        if content is not None and v.dep_ == "relcl" and cue[0] < content[1] and content[0] < cue[1]:
            content = _after_gap(idx, content, cue, src)
        if content is None or (cue[0] < content[1] and content[0] < cue[1]):
            continue
        content = _before_own_report(idx, content, v, lex)
        if content[1] - content[0] == 1 and idx.doc[content[0]].lower_ in WH_WORDS and v.dep_ == "ROOT":
            continue  # "What People Are Saying": a heading, not a report ("a plan which he denied" is one)
        if src is None and not _clausal(idx, v, content) and any(c.dep_ == "nsubjpass" for c in v.children):
            content = passive_patient(idx, v, entry, content)
            if content is None:
                continue  # "Pyongyang is focused on ...": a passive state, no speaker, no reported clause
        if "r" in entry.frames and src is not None and src[1] <= cue[0] and content[0] >= cue[1]:
            # "Trump's voters appeared to turn out": the writer's impression, not the subject's
            # claim (PolNeAR gives it no source)
            base.update(source=None, source_head=None, antecedent=None)
        out.append(Candidate(content=content, **base))
    return out
