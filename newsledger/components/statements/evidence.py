"""Statements vouched for by a measurement named in a prepositional phrase: "In a CNN poll
released Monday, Clinton led by 5 points", "Trump's recent gains in some polls", "300,000 acres
were damaged, by one estimate". The phrase's object is the source and its preposition the cue
(statements/data/evidence_nouns.tsv lists which nouns go with which preposition); the content is
the rest of the clause, or the noun phrase the phrase modifies ("Trump's recent gains"). A bare
plural ("leads in the polls") is polling at large: only a plural that says which polls
("polls in Florida", "polls conducted after the debates") is a source."""

from __future__ import annotations

from ..common.doc_cache import doc_tokens
from .adjuncts import adjunct_scope, rest_of_scope
from .candidate import Candidate
from .lexicon import StatementLexicon
from .spans import DocIndex, minus, subtree, trim

NOMINAL_HEADS = ("NOUN", "PROPN", "PRON")


def _reported_by_own_cue(head, lex: StatementLexicon) -> bool:
    """Is the phrase hung on a cue verb with its own subject? That verb's statement is the
    attribution (PolNeAR annotates it, not the poll); the phrase only says where it was measured."""
    return (
        head.pos_ in ("VERB", "AUX")
        and lex.verb(head)[0] is not None
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    )


def evidence_candidates(idx: DocIndex, lex: StatementLexicon) -> list[Candidate]:
    doc, out = idx.doc, []
    preps = {p for ps in lex.evidence_nouns.values() for p in ps}
    for prep in doc_tokens(doc):
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue  # a passive agent ("damaged by an estimate") is dep "agent", never a source
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or prep.lower_ not in lex.evidence_nouns.get(obj.lemma_.lower(), ()):
            continue
        if obj.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("prep", "acl") and c.i > obj.i for c in obj.children):
            continue  # "leads in the polls", "in national polls": polling at large, not a measurement
        lo, hi = trim(idx, *idx.clip_to_para(*subtree(obj), obj.i))
        if hi <= lo:
            continue
        head, hole = prep.head, (prep.i, hi)
        if _reported_by_own_cue(head, lex):
            continue  # "39 percent viewed him favorably in the poll": the verb's statement stands
        if head.pos_ in NOMINAL_HEADS and head.i < prep.i:
            # "Trump's gains in some polls": what the polls show is the noun phrase they modify
            nlo, nhi = idx.clip_to_para(*subtree(head), head.i)
            content = trim(idx, *minus((nlo, nhi), hole, keep=head.i))
            if content[1] <= content[0]:
                continue
        else:
            found = rest_of_scope(idx, adjunct_scope(idx, prep), hole)
            if found is None:
                continue
            content = found
        out.append(
            Candidate(
                content=content,
                cue=(prep.i, prep.i + 1),
                source=(lo, hi),
                source_head=obj.i,
                cue_head=prep.i,
                kind="evidence",
            )
        )
    return out
