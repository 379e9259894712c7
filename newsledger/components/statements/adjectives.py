"""Statements cued by a predicative adjective of attitude: "Democratic leaders are worried about
Y", "she is confident that Y", "the senator was critical of Y", "he seemed eager to leave" --
or by a predicate noun naming a stance holder ("X is an outspoken supporter of Y").
The subject of the copula is the source, the adjective's clause, infinitive or prepositional
object the content; the cue runs from the copula (with its auxiliaries) to the preposition."""

from __future__ import annotations

from spacy.tokens import Token

from ..common.doc_cache import doc_tokens
from .candidate import Candidate, Range
from .cues import CUE_LEFT_DEPS
from .lexicon import StatementLexicon
from .spans import DocIndex, subtree, trim
from .verbal import find_source

PRED_DEPS = {"acomp", "oprd"}
COMPLEMENT_PREPS = {"about", "of", "with", "on", "over", "at", "by", "for", "toward", "towards", "to", "in", "against"}


def _complement(adj: Token) -> tuple[Token | None, Token | None]:
    """(content head, preposition or None) of the adjective: a clause or infinitive first."""
    for c in adj.children:
        if c.dep_ in ("ccomp", "xcomp") and c.i > adj.i:
            return c, None
    for c in adj.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in COMPLEMENT_PREPS and c.i == adj.i + 1:
            obj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return obj, c
    return None, None


def _cue(idx: DocIndex, cop: Token, adj: Token, prep: Token | None) -> Range:
    doc, lo = idx.doc, cop.i
    while (
        lo - 1 >= 0
        and doc[lo - 1].head.i == cop.i
        and doc[lo - 1].dep_ in CUE_LEFT_DEPS
        and idx.para_of[lo - 1] == idx.para_of[cop.i]
    ):
        lo -= 1
    return lo, (prep.i if prep is not None else adj.i) + 1


def adjective_candidates(idx: DocIndex, lex: StatementLexicon, taken: set[int]) -> list[Candidate]:
    """taken: token indices already heading a cue (a verb reading of "worried" wins)."""
    doc, out = idx.doc, []
    for adj in doc_tokens(doc):
        if adj.i in taken:
            continue
        if adj.dep_ in PRED_DEPS:
            cert = lex.adjectives.get(adj.lower_)
        elif adj.dep_ == "attr" and adj.pos_ == "NOUN":
            cert = lex.agent_nouns.get(adj.lemma_.lower())
            if cert is not None and _complement(adj)[1] is None:
                continue  # "a supporter" with no "of Y": no content
        else:
            continue
        cop = adj.head
        if cert is None or cop.pos_ not in ("AUX", "VERB") or cop.i > adj.i:
            continue
        head, prep = _complement(adj)
        if head is None:
            continue
        src, src_head, ante = find_source(idx, cop, lex)
        if src is None or (doc[src_head].lower_ in ("it", "there") and src[1] - src[0] == 1):
            continue  # "it is clear that": no one holds the attitude
        lo, hi = idx.clip_to_para(*subtree(head), head.i)
        content = trim(idx, lo, hi)
        if content[1] <= content[0]:
            continue
        negated = any(c.dep_ == "neg" for c in cop.children)
        out.append(
            Candidate(
                content=content,
                cue=_cue(idx, cop, adj, prep),
                source=src,
                source_head=src_head,
                cue_head=adj.i,
                antecedent=ante,
                certainty=cert,
                negated=negated,
            )
        )
    return out
