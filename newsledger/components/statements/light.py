"""Statements cued by a light verb with a cue noun ("Cruz made the case that ...", "Sanders
raised concerns about ...", "Rubio voiced support for ...") or by "make (it) clear that ...".
The light verb's subject is the source; the cue runs from the verb over the noun (and its
preposition); the content is the noun's that-clause or topic object."""

from __future__ import annotations

from spacy.tokens import Token

from ..common.doc_cache import doc_tokens
from .adjuncts import TOPIC_PREPS, that_clause, topic_object
from .candidate import Candidate
from .cues import cue_left_edge
from .lexicon import StatementLexicon
from .spans import DocIndex, subtree, trim
from .verbal import find_source

# "took aim at", "take issue with", "paid tribute to", "threw support behind"
LIGHT_PREPS = TOPIC_PREPS | {"at", "with", "to", "behind"}


def _content_of_noun(noun: Token) -> tuple[Token | None, int]:
    """(content head, cue end) of a cue noun: its that-clause, else its topic object."""
    clause = that_clause(noun)
    if clause is not None:
        return clause, noun.i + 1
    obj = topic_object(noun, LIGHT_PREPS)
    if obj is None:  # the parser often hangs the preposition on the verb: "took aim [at X]"
        prep = next(
            (
                c
                for c in noun.head.children
                if c.dep_ == "prep" and c.lower_ in LIGHT_PREPS and c.i == noun.right_edge.i + 1
            ),
            None,
        )
        obj = next((p for p in prep.children if p.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if obj is not None:
        return obj, obj.head.i + 1
    return None, noun.i + 1


def _clear_clause(verb: Token, lex: StatementLexicon) -> Token | None:
    """The that-clause of "made (it) clear that ...", on the verb or on the adjective."""
    adj = next((c for c in verb.children if c.lower_ in lex.clear_adjectives and c.i > verb.i), None)
    if adj is None:
        return None
    for h in (verb, adj):  # the small parser hangs the clause on either, as any clausal dep
        for c in h.children:
            if c.dep_ in ("ccomp", "advcl", "csubj") and c.i > adj.i:
                return c
    return None


def light_candidates(idx: DocIndex, lex: StatementLexicon) -> list[Candidate]:
    doc, out = idx.doc, []
    for verb in doc_tokens(doc):
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in lex.light_verbs:
            continue
        clause = _clear_clause(verb, lex) if verb.lemma_.lower() == "make" else None
        if clause is not None:
            cue_end, noun = clause.left_edge.i, None
            while cue_end > verb.i + 1 and doc[cue_end - 1].dep_ in ("mark", "punct"):
                cue_end -= 1
        else:
            own = lex.light_verbs[verb.lemma_.lower()]  # nouns cueing only with this verb ("took aim at")
            noun = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ == "dobj" and (c.lemma_.lower() in lex.nouns or c.lemma_.lower() in own)
                ),
                None,
            )
            if noun is None or any(c.dep_ == "poss" for c in noun.children):
                continue  # "repeated its criticism of": the possessor is the holder (nominal cue)
            clause, cue_end = _content_of_noun(noun)
            if clause is None:
                continue
        src, src_head, ante = find_source(idx, verb, lex)
        if src is None:
            continue
        content = trim(idx, *idx.clip_to_para(*subtree(clause), clause.i))
        lo = cue_left_edge(idx, verb)
        if content[1] <= content[0] or not lo < cue_end <= content[0] or idx.para_of[lo] != idx.para_of[cue_end - 1]:
            continue
        cert = lex.nouns.get(noun.lemma_.lower(), "asserted") if noun is not None else "asserted"
        out.append(
            Candidate(
                content=content,
                cue=(lo, cue_end),
                source=src,
                source_head=src_head,
                cue_head=(noun or verb).i,
                antecedent=ante,
                certainty=cert,
                negated=any(c.dep_ == "neg" for c in verb.children),
                kind="noun",
            )
        )
    return out
