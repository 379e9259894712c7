"""Resolve pronoun and short-reference sources ("he", "they", "the spokesman", "the agency") by
salience: the nearest earlier *source* of a compatible gender and number (a quoted or reporting
speaker, through its own resolution when it was a pronoun), not the last person mentioned; only
when no earlier source fits, the nearest compatible named entity or plural subject. A short
reference whose noun repeats an earlier source's ("a military spokesman" ... "the spokesman")
takes that source first. Short names ("Kim") go to the longer earlier name they are part of.
Sources are then mapped to actors. Before that, the sources the per-cue rules could not see
are filled in: attribution lines after quotes ("― Jane Roe", statements/sources/attribution_lines)
and participles continuing a report (statements/sources/continuations)."""

from __future__ import annotations

from spacy.tokens import Doc

from ...common.doc_cache import cached
from ...common.spans import actor_at
from ..candidate import Candidate, Range
from ..lexicon import StatementLexicon
from .attribution_lines import apply_attribution_lines
from .continuations import fill_continuations
from .traits import TraitReader, Traits, compatible

PERSON_ENTS = {"PERSON"}
GROUP_ENTS = {"ORG", "GPE", "NORP", "FAC"}
NAME_HOLDERS = {"PERSON", "ORG"}  # a place name holds other places' names ("Mexico City"), not a short form
MAX_BACK_CHARS = 3000  # antecedents further back than this are not trusted (and not scanned)
SUBJECTS = {"nsubj", "nsubjpass"}  # a passive subject is the topic too ("Oz has been dogged by charges")


def _named(doc: Doc, rng: Range) -> bool:
    return any(t.pos_ == "PROPN" or t.ent_type_ for t in doc[rng[0] : rng[1]])


def _kind(doc: Doc, rng: Range, head: int | None) -> str | None:
    """person | group | None for a named range, from its head's entity type."""
    tok = doc[head] if head is not None else doc[rng[1] - 1]
    if tok.ent_type_ in PERSON_ENTS:
        return "person"
    if tok.ent_type_ in GROUP_ENTS:
        return "group"
    return None


def anaphor_kind(doc: Doc, cand: Candidate, lex: StatementLexicon) -> str | None:
    """person|group when the source is a pronoun or a short definite description, else None."""
    if cand.source is None or cand.source_head is None:
        return None
    lo, hi = cand.source
    head = doc[cand.source_head]
    want = lex.anaphors.get(head.lower_)
    if want is None:
        return None
    if head.pos_ == "PRON" and hi - lo == 1:
        return want
    # "the agency", "the ministry": definite, short, no name of its own
    if hi - lo <= 3 and doc[lo].lower_ in ("the", "this", "that") and not _named(doc, cand.source):
        return want
    return None


def _short_name_match(doc: Doc, rng: Range, earlier: Range) -> bool:
    """Is rng (1-2 proper nouns) part of a longer name in an earlier mention ("Kim" / "Kim Jong
    Un")? Only the name of the person or body that mention is about counts: the proper nouns
    around its head or its appositive's head ("Mexico" is not "Luis Rubio, who heads the
    Center ... in Mexico City")."""
    words = [t.lower_ for t in doc[rng[0] : rng[1]]]
    for run in _name_runs(doc, (earlier[0], earlier[1])):
        if len(run) > len(words) and any(run[k : k + len(words)] == words for k in range(len(run) - len(words) + 1)):
            return True
    return False


def _name_runs(doc: Doc, earlier: Range) -> list[list[str]]:
    """The lower-cased proper-noun runs around the mention's head and its appositive's head,
    made once per Doc and mention (every later short name is compared with them)."""
    memo = cached(doc).memo
    key = ("statements.name_runs", earlier)
    if key not in memo:
        root = doc[earlier[0] : earlier[1]].root
        heads = [root, *(c for c in root.children if c.dep_ == "appos" and earlier[0] <= c.i < earlier[1])]
        runs = []
        for h in heads:
            lo, hi = h.i, h.i + 1
            while lo > earlier[0] and doc[lo - 1].pos_ == "PROPN":
                lo -= 1
            while hi < earlier[1] and doc[hi].pos_ == "PROPN":
                hi += 1
            runs.append([t.lower_ for t in doc[lo:hi]])
        memo[key] = runs
    return memo[key]


def resolve_sources(doc: Doc, cands: list[Candidate], lex: StatementLexicon) -> None:
    """Set cand.antecedent for pronoun/short-name sources (cands sorted by position), after
    giving quotes followed by an attribution line ("― Jane Roe") and participles continuing a
    report ("Sanders said, going on to say ...") their source."""
    apply_attribution_lines(doc, cands)
    fill_continuations(doc, cands)
    ents = [e for e in doc.ents if e.label_ in PERSON_ENTS | GROUP_ENTS]
    reader: TraitReader | None = None
    for k, cand in enumerate(cands):
        if cand.source is None or cand.antecedent is not None:
            continue
        want = anaphor_kind(doc, cand, lex)
        start_char = doc[cand.source[0]].idx
        if want is not None:
            reader = reader or TraitReader(doc, lex)
            cand.antecedent = _salient_speaker(doc, cands, k, ents, reader, lex)
        elif (
            all(t.pos_ == "PROPN" for t in doc[cand.source[0] : cand.source[1]])
            and cand.source[1] - cand.source[0] <= 2
        ):
            cand.antecedent = _previous_longer_name(doc, cands[:k], ents, cand.source, start_char)


def _source_head(doc: Doc, cand: Candidate):
    if cand.source_head is not None:
        return doc[cand.source_head]
    assert cand.source is not None
    return doc[cand.source[1] - 1]


def _wanted(doc: Doc, cand: Candidate, lex: StatementLexicon) -> Traits:
    head = _source_head(doc, cand)
    kind = lex.anaphors.get(head.lower_, "person")
    gender, number = lex.anaphor_traits.get(head.lower_, ("-", "sg"))
    return Traits(kind == "person", gender if gender in ("m", "f") else None, number == "pl")


def _salient_speaker(doc, cands, k, ents, reader: TraitReader, lex) -> Range | None:
    """The nearest earlier compatible source (a repeated noun first), else entity or subject."""
    cand = cands[k]
    want = _wanted(doc, cand, lex)
    head = _source_head(doc, cand)
    assert cand.source is not None
    start_char = doc[cand.source[0]].idx
    earlier = []  # (range, head token) of earlier sources, nearest first
    for prev in reversed(cands[:k]):
        if doc[prev.anchor].idx < start_char - MAX_BACK_CHARS:
            break
        if prev.source is None or doc[prev.source[0]].idx >= start_char or _inside(prev.source, cand.content):
            continue
        if prev.source == cand.source:  # one cue, several quotes: the same speaker
            return prev.antecedent
        if prev.antecedent is not None:
            earlier.append((prev.antecedent, None))
        elif anaphor_kind(doc, prev, lex) is None and (
            prev.source_head is None or doc[prev.source_head].pos_ != "PRON"
        ):
            earlier.append(
                (prev.source, doc[prev.source_head] if prev.source_head is not None else None)
            )  # "we" names no one
    if head.pos_ == "PRON":
        local = _clause_subject(doc, head, want, reader)
        if local is not None:
            return _learn(reader, want, local, None)
    if head.pos_ != "PRON":  # "the spokesman" after "a military spokesman said"
        for rng, h in earlier:
            if (h or reader.head_of(rng)).lemma_.lower() == head.lemma_.lower():
                return rng

    # a description names its own kind: "the army" is an organisation, never the place before it
    def fits(t: Traits) -> bool:
        return compatible(want, t) and (head.pos_ == "PRON" or want.person or t.group)

    nearest = next(((rng, h) for rng, h in earlier if fits(reader.traits(rng, h))), None)
    if head.pos_ == "PRON" and (nearest is None or not _same_paragraph(doc, nearest[0][0], head.i)):
        topic = _paragraph_topic(doc, head, want, reader)
        if topic is not None and not _inside(topic, cand.content):
            return _learn(reader, want, topic, None)
    if nearest is not None:
        return _learn(reader, want, *nearest)
    for rng in _mentions_before(doc, ents, start_char):
        if fits(reader.traits(rng)) and not _inside(rng, cand.content):
            return _learn(reader, want, rng, None)
    return None


def _inside(rng: Range, outer: Range) -> bool:
    """Does rng lie in outer? A speaker is never named inside their own words ("“My adviser,
    John Holdren, sends me charts,” he said" is not Holdren speaking)."""
    return outer[0] <= rng[0] and rng[1] <= outer[1]


def _same_paragraph(doc: Doc, i: int, j: int) -> bool:
    return "\n" not in doc[min(i, j) : max(i, j)].text


def _paragraph_topic(doc: Doc, pron, want: Traits, reader: TraitReader) -> Range | None:
    """The subject of the first sentence of the pronoun's paragraph, when compatible: a news
    paragraph that opens on a person ("Scott bristles at the suggestion he won't be ready.
    “I've raised all I needed,” he said.") is about that person, even when the last quoted
    speaker stood in the paragraph before. Only a paragraph of two sentences or more (the
    pronoun's own sentence is not the topic's)."""
    first = pron.sent
    while first.start > 0 and not _para_start(doc, first.start):
        first = doc[first.start - 1].sent
    if first.start == pron.sent.start:
        return None
    root = first.root
    for t in root.children:
        if t.dep_ in SUBJECTS and t.pos_ in ("PROPN", "NOUN") and not _in_quote(doc, t, first.start):
            rng = _noun_phrase(doc, t)
            tr = reader.traits(rng, t)
            if tr.person and compatible(want, tr):
                return rng
    return None


def _para_start(doc: Doc, i: int) -> bool:
    """Does token i open a paragraph (a newline in the text just before it)?"""
    prev = doc[i - 1]
    return "\n" in prev.text or "\n" in prev.whitespace_


def _clause_subject(doc: Doc, pron, want: Traits, reader: TraitReader) -> Range | None:
    """A compatible subject earlier in the pronoun's own sentence ("Clinton says she hopes",
    "Trump, speaking to veterans, said he would"), quotations aside; for a pronoun opening its
    sentence, the subject of the sentence before (the topic it continues: "Hillary Clinton is
    describing ... as unhinged. She says ..."). An attribution after a quotation ("“…,” he
    said") opens no sentence and keeps the speaker salience gives it."""
    sent = pron.sent
    starts = [t for t in doc[sent.start : pron.i] if not (t.is_punct or t.is_space)]
    if not any(_may_name_someone(t) for t in starts) and sent.start > 0:
        sent = doc[sent.start - 1].sent
        end = sent.end
    elif starts:
        end = pron.i
    else:
        return None
    for t in reversed(doc[sent.start : end]):
        if t.dep_ not in SUBJECTS or t.pos_ not in ("PROPN", "NOUN") or _in_quote(doc, t, sent.start):
            continue
        rng = (t.left_edge.i, t.i + 1)
        if compatible(want, reader.traits(rng, t)) and reader.traits(rng, t).person is not None:
            return rng
    return None


def _may_name_someone(tok) -> bool:
    """Could the word before a pronoun in its sentence name its referent? Adverbs and dates
    ("Recently, however, it issued", "On Monday, they said") open the sentence without one:
    the pronoun still continues the sentence before."""
    return tok.dep_ in SUBJECTS or (tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.ent_type_ not in ("DATE", "TIME"))


def _in_quote(doc: Doc, tok, lo: int) -> bool:
    """Is tok inside a quotation opened in its sentence (an odd number of quote marks before it)?"""
    marks = sum(1 for t in doc[lo : tok.i] if t.is_quote or t.text in ("“", "”", '"'))
    return marks % 2 == 1


def _learn(reader: TraitReader, want: Traits, rng: Range, head) -> Range:
    """A "he"/"she" resolved to a name teaches the surname's gender to later references."""
    h = head if head is not None else reader.head_of(rng)
    if want.gender is not None and h.pos_ == "PROPN":
        reader.learn(h, want.gender)
    return rng


def _mentions_before(doc: Doc, ents, start_char: int):
    """Named people and groups, and plural noun subjects ("top black lawmakers said"), before
    start_char within reach, nearest first."""
    out = [(e.start_char, (e.start, e.end)) for e in ents if start_char - MAX_BACK_CHARS <= e.start_char < start_char]
    span = doc.char_span(max(0, start_char - MAX_BACK_CHARS), start_char, alignment_mode="expand")
    for t in span if span is not None else ():
        if t.dep_ == "nsubj" and t.tag_ == "NNS" and not t.ent_type_ and t.idx < start_char:
            out.append((doc[t.left_edge.i].idx, (t.left_edge.i, t.i + 1)))
    return [rng for _, rng in sorted(out, reverse=True)]


def _previous_longer_name(doc, earlier, ents, rng, start_char) -> Range | None:
    for prev in reversed(earlier):
        if doc[prev.anchor].idx < start_char - MAX_BACK_CHARS:
            break
        if prev.source is not None and _short_name_match(doc, rng, prev.source):
            return prev.source
    for ent in reversed(ents):
        if ent.start_char >= start_char or ent.label_ not in NAME_HOLDERS:
            continue
        if ent.start_char < start_char - MAX_BACK_CHARS:
            break
        if _short_name_match(doc, rng, (ent.start, ent.end)):
            return ent.start, ent.end
    return None


def source_actor(doc: Doc, cand: Candidate) -> str | None:
    """Actor id of a source: of its antecedent when resolved, else of the source span itself."""
    for rng in (cand.antecedent, cand.source):
        if rng is None:
            continue
        actor = actor_at(doc, doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text))
        if actor is not None:
            return actor.id
    return None


def _noun_phrase(doc: Doc, t) -> Range:
    """The subject with its appositive ("The minister of the economy, Mr. Guajardo Villarreal"),
    without a clause hung on it."""
    hi = t.right_edge.i + 1
    for c in t.rights:
        if c.dep_ in ("relcl", "acl"):
            hi = min(hi, c.left_edge.i)
    while hi - 1 > t.i and doc[hi - 1].is_punct:
        hi -= 1
    return t.left_edge.i, hi
