"""Statements cued by something other than a verb: "according to X" (its content is the rest of
the clause it modifies) and nouns with a that-clause ("the ministry's claim that ...", "a New
York Times report that ...": a possessor, a by-phrase or a named modifier is the source), a
topic ("her criticism of Y") or a to-infinitive ("his decision to run"; these two only with
someone's, as in "Clinton's plan to raise taxes")."""

from __future__ import annotations

from spacy.tokens import Token

from ..common.doc_cache import doc_tokens
from ..common.labels import NAME_ENTITY_LABELS
from .candidate import Candidate, Range
from .lexicon import StatementLexicon
from .spans import DocIndex, subtree, trim
from .verbal import adjacent_quotes, left_context_source


def adjunct_scope(idx: DocIndex, tok: Token) -> Range:
    """The clause an adjunct scopes over: its sentence, kept inside its paragraph and quote."""
    sent = tok.sent
    lo, hi = idx.clip_to_para(sent.start, sent.end, tok.i)
    q = idx.quote_of[tok.i]
    if q >= 0:
        qlo, qhi = idx.quote_tokens(q)
        lo, hi = max(lo, qlo + 1), min(hi, qhi - 1)
    return lo, hi


def rest_of_scope(idx: DocIndex, scope: Range, hole: Range) -> Range | None:
    """The scope without the adjunct: the hull of both sides when both hold words, else one side."""
    doc = idx.doc
    left = trim(idx, scope[0], max(scope[0], hole[0]))
    right = trim(idx, min(scope[1], hole[1]), scope[1])

    def words(r):
        return sum(1 for t in doc[r[0] : r[1]] if not t.is_punct and not t.is_space)

    wl, wr = words(left), words(right)
    if wl >= 2 and wr >= 2:
        return left[0], right[1]
    best = left if wl >= wr else right
    return best if best[1] > best[0] else None


def _bare_phrase_after(idx: DocIndex, start: int) -> tuple[int, int] | None:
    """The words after "according to" up to the next punctuation, when the parse found no object
    there ("according to show insiders", "show" taken for a verb): "according to" takes a noun
    phrase, so a short run of words ending on a noun is one."""
    doc = idx.doc
    end = start
    while end < len(doc) and end - start < 8 and not doc[end].is_punct and idx.para_of[end] == idx.para_of[start]:
        end += 1
    if end == start or end - start >= 8 or doc[end - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    return start, end


def _attributing_per(idx: DocIndex, tok: Token, lex: StatementLexicon) -> bool:
    """Is "per" the news shorthand for "according to" ("…, per the health ministry", "Per Reuters,
    …"), not a rate ("$5 per barrel", "per capita")? It opens its clause's edge (after a comma or
    at the sentence start) and its object names a speaker or a report."""
    doc = idx.doc
    if tok.lower_ != "per" or not (tok.i == tok.sent.start or doc[tok.i - 1].text in (",", "—", "–")):
        return False
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if (
        obj is None
        or obj.pos_ not in ("NOUN", "PROPN")
        or obj.ent_type_ in ("MONEY", "QUANTITY", "PERCENT", "CARDINAL")
    ):
        return False
    lemma = obj.lemma_.lower()
    return (
        obj.pos_ == "PROPN"
        or obj.ent_type_ in NAME_ENTITY_LABELS
        or lemma in lex.person_nouns
        or lex.anaphors.get(lemma) is not None
        or lemma in lex.nouns
        or lemma in lex.finding_nouns
        or lemma in lex.channels
    )


def according_candidates(idx: DocIndex, lex: StatementLexicon) -> list[Candidate]:
    doc, out = idx.doc, []
    for tok in doc_tokens(doc):
        if _attributing_per(idx, tok, lex):
            to = tok  # a one-word cue: the object hangs on "per" itself
        elif tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        else:
            to = doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
        if objs:
            src_head = objs[0]
            lo, hi = idx.clip_to_para(*subtree(src_head), src_head.i)
        else:
            phrase = _bare_phrase_after(idx, to.i + 1)
            if phrase is None:
                continue
            (lo, hi), src_head = phrase, doc[phrase[1] - 1]
        lo, hi = trim(idx, max(lo, to.i + 1), hi)
        if hi <= lo:
            continue
        hole = (tok.i, max(hi, to.i + 1))
        content = rest_of_scope(idx, adjunct_scope(idx, tok), hole)
        if content is None or _subject_glued(tok, hi):
            # the parse glued the clause onto the source as an appositive ("According to host
            # Rush Limbaugh, the move reeks of fear"): the source ends at its first comma
            comma = next((k for k in range(src_head.i + 1, hi) if doc[k].text == ","), None)
            if comma is None:
                continue
            hi, hole = comma, (tok.i, comma)
            content = rest_of_scope(idx, adjunct_scope(idx, tok), hole)
            if content is None:
                continue
        hedged = any(t.lower_ in lex.hedges for t in doc[content[0] : content[1]] if t.head.i == tok.head.i)
        out.append(
            Candidate(
                content=content,
                cue=(tok.i, to.i + 1),
                source=(lo, hi),
                source_head=src_head.i,
                cue_head=tok.i,
                kind="according",
                hedged=hedged,
            )
        )
    return out


def _subject_glued(according: Token, hi: int) -> bool:
    """Did the parse hang the main clause's subject on a leading "according to" phrase
    ("According to early results of exit polls, majorities of voters want ...": the verb "want"
    left with no subject)? A finite main verb after the phrase always has one."""
    verb = according.head
    return (
        verb.i >= hi
        and verb.pos_ in ("VERB", "AUX")
        and verb.tag_ in ("VBP", "VBZ", "VBD")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)
    )


def that_clause(noun: Token) -> Token | None:
    for c in noun.children:
        if (
            c.dep_ in ("acl", "ccomp", "relcl")
            and c.i > noun.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ):
            return c
    return None


def infinitive_clause(noun: Token) -> Token | None:
    """The to-infinitive of "her decision to meet him", "his threat to veto the bill": the
    intention held by the noun's possessor is its content."""
    for c in noun.children:
        to = any(a.dep_ == "aux" and a.lower_ == "to" and a.i < c.i for a in c.children)
        if c.dep_ in ("acl", "relcl") and c.i > noun.i and c.tag_ == "VB" and to:
            return c
    return None


TOPIC_PREPS = {"of", "for", "against", "on", "about", "over"}


def topic_object(noun: Token, preps=TOPIC_PREPS) -> Token | None:
    """The object of "X's criticism of Y", "her support for Z": the stance's target is its content."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in preps and c.i == noun.i + 1:
            return next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
    return None


def _named_modifier(idx: DocIndex, noun: Token) -> tuple[Range | None, int | None]:
    """The named modifier of a cue noun is its source: "a New York Times report that",
    "Democratic allegations of" (and "Trump charges that", a verb the parse took for a noun).
    The noun's determiner goes with it, as in PolNeAR ("a New York Times")."""
    mods = [
        c
        for c in noun.lefts
        if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in NAME_ENTITY_LABELS and c.right_edge.i == noun.i - 1
    ]
    if not mods:
        return None, None
    lo = mods[0].left_edge.i
    dets = [c for c in noun.lefts if c.dep_ == "det" and c.i == lo - 1]
    if dets:
        lo = dets[0].i
    lo, hi = trim(idx, *idx.clip_to_para(lo, noun.i, noun.i - 1))
    return ((lo, hi), mods[0].i) if hi > lo else (None, None)


def nominal_candidates(idx: DocIndex, lex: StatementLexicon, skip: frozenset[int] = frozenset()) -> list[Candidate]:
    """skip: cue nouns already claimed by a light verb ("made the case that")."""
    doc, out = idx.doc, []
    for noun in doc_tokens(doc):
        if noun.pos_ != "NOUN" or noun.i in skip or noun.lemma_.lower() not in lex.nouns:
            continue
        clause, cue_end, needs_source = that_clause(noun), noun.i + 1, False
        if clause is None:
            clause = topic_object(noun)
            if clause is not None:
                cue_end, needs_source = clause.head.i + 1, True  # PolNeAR's cue holds the preposition: "criticism of"
        if clause is None:
            clause, needs_source = infinitive_clause(noun), True
            if clause is None:
                continue
        content = trim(idx, *idx.clip_to_para(*subtree(clause), clause.i))
        if content[1] <= content[0]:
            continue
        source, src_head = None, None
        for c in noun.children:
            if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from")):
                head = c if c.dep_ == "poss" else next((p for p in c.children if p.dep_ == "pobj"), None)
                if head is not None:
                    rng = trim(idx, *idx.clip_to_para(*subtree(head), head.i))
                    if rng[1] > rng[0]:
                        source, src_head = rng, head.i
                break
        if source is None:
            source, src_head = _named_modifier(idx, noun)
        if source is None and needs_source:
            continue  # "support for the bill", "a plan to cut taxes": no one's, not an attribution
        out.append(
            Candidate(
                content=content,
                cue=(noun.i, cue_end),
                source=source,
                source_head=src_head,
                cue_head=noun.i,
                kind="noun",
                certainty=lex.nouns[noun.lemma_.lower()],
            )
        )
    return out


QUOTE_MARKS = {'"', "“", "”", "„", "«", "»"}
HEADLINE_SPEAKER_MAX = 6  # tokens before the colon of a "Speaker: claim" headline


def colon_candidates(idx: DocIndex, lex: StatementLexicon) -> list[Candidate]:
    """A speaker name, a colon, then a quotation or (headline style) the rest of the paragraph,
    no verb ("Smith: “We will win.”", "Smith: Rival Is Unfit")."""
    doc, out = idx.doc, []
    for tok in doc_tokens(doc):
        if tok.text != ":":
            continue
        plo, phi = idx.para_range(tok.i)
        if idx.quote_of[tok.i] >= 0:
            if _quoted_speaker_tag(idx, plo, tok.i):  # '"PENCE: Well, ...' in a quoted transcript
                out.append(_tag_candidate(idx, plo + 1, tok.i, phi))
            continue
        quotes = [q for q in adjacent_quotes(idx, (tok.i, tok.i + 1)) if idx.quote_tokens(q)[0] > tok.i]
        if quotes:
            content, direct = idx.quote_tokens(quotes[0]), True
        elif tok.i - plo <= HEADLINE_SPEAKER_MAX:
            # headline style, no marks: "Smith: Rival Is Unfit To Serve"
            content, direct = trim(idx, tok.i + 1, phi), False
            if sum(1 for t in doc[content[0] : content[1]] if t.is_alpha) < 3:
                continue
        else:
            continue
        src, head = left_context_source(idx, (tok.i, tok.i + 1))
        speaker_tag = tok.i > plo and tok.i - plo <= 3 and all(t.is_upper or not t.is_alpha for t in doc[plo : tok.i])
        if src is None and speaker_tag:
            src, head = (plo, tok.i), tok.i - 1  # transcript speaker tag: "FALLIN: Well, I think ..."
        if src is None or doc[tok.i - 1].lower_ in lex.colon_labels:
            continue  # "Editor's note: ...", "Update: ...": a label, not a speaker
        # a headline without a verb ("Lynch: No outside influence on FBI probe") needs a named
        # speaker, so that labels ("Editor's note:", "Update:") are not taken for one
        if (
            not direct
            and not speaker_tag
            and not any(t.pos_ in ("VERB", "AUX") for t in doc[content[0] : content[1]])
            and not any(t.ent_type_ in NAME_ENTITY_LABELS for t in doc[src[0] : src[1]])
            and not (head is not None and _headline_speaker(doc[head], lex))
        ):
            continue
        out.append(
            Candidate(
                content=content,
                cue=(tok.i, tok.i + 1),
                source=src,
                source_head=head,
                cue_head=tok.i,
                kind="colon",
                direct=direct,
            )
        )
    return out


def _headline_speaker(head, lex: StatementLexicon) -> bool:
    """Can a headline's "X:" with no verb after it name a speaker though the NER missed it: a
    surname ("Lynch: No outside influence on FBI probe"; places aside, "Kyiv: ..." is a
    dateline) or a study or poll ("Poll: Wealthy Voters Abandon Republican Party")?"""
    if head.lemma_.lower() in lex.finding_nouns:
        return True
    return head.pos_ == "PROPN" and head.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME", "EVENT")


def _quoted_speaker_tag(idx: DocIndex, plo: int, colon: int) -> bool:
    """Does the paragraph open with a quote mark and a capitalised speaker tag before this colon
    ('"PENCE: Well, ...')? A transcript quoted paragraph by paragraph opens each with a mark (the
    English convention for a quotation running over several paragraphs), so the tag sits inside
    the quotation; its speaker is the tag, not the writer's source of the transcript."""
    doc = idx.doc
    tag = doc[plo + 1 : colon]
    return (
        0 < len(tag) <= 3
        and (doc[plo].is_quote or doc[plo].text in QUOTE_MARKS)
        and all((t.is_upper and t.is_alpha) or t.text in (".", "'") for t in tag)
        and any(t.is_alpha and len(t) > 1 for t in tag)
    )


def _tag_candidate(idx: DocIndex, lo: int, colon: int, phi: int) -> Candidate:
    """The tag's speaker says the rest of the paragraph and the quoted paragraphs after it that
    open with no tag of their own (the same turn, continued)."""
    doc = idx.doc
    end = phi
    while True:
        j = end
        while j < len(doc) and doc[j].is_space:
            j += 1
        if j >= len(doc) - 1 or not (doc[j].is_quote or doc[j].text in QUOTE_MARKS):
            break
        nlo, nhi = idx.para_range(j)
        if (
            nlo != j
            or doc[j + 1].is_punct
            or any(t.text == ":" and _quoted_speaker_tag(idx, nlo, t.i) for t in doc[nlo + 1 : min(nhi, nlo + 5)])
        ):
            break  # another speaker's tag, or a stage note ("(CROSSTALK.)")
        end = nhi
    content = trim(idx, colon + 1, end)
    return Candidate(
        content=content,
        cue=(colon, colon + 1),
        source=(lo, colon),
        source_head=colon - 1,
        cue_head=colon,
        kind="colon",
        direct=True,
    )
