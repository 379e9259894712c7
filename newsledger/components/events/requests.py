"""Demands carried by a modal: "Russia said Sudan must return the helicopter" is a REQUEST by
Russia on Sudan (PLOVER codes reported obligations as demands), whatever the verb after
"must" is. Only reported obligations count: the demander is the source of the statement
that holds the clause, or the subject of the verb that reports it ("X declared that ...")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Event, Span
from ..common.doc_cache import doc_tokens
from .fallback import nearest_actor
from .index import RecordIndex
from .lexicon import EventLexicon
from .links import statement_of
from .roles import actor_in_np, subject_of

PRIOR = 0.5
_PRONOUNS = {"it", "they", "he", "she"}


def obligation_requests(doc: Doc, lex: EventLexicon, idx: RecordIndex) -> list[Event]:
    words = lex.modes.get("obligation", {})
    out: list[Event] = []
    if not words:
        return out
    for tok in doc_tokens(doc):
        if tok.dep_ != "aux" or tok.lemma_.lower() not in words or any(c.dep_ == "neg" for c in tok.head.children):
            continue
        verb = tok.head
        demander, stmt = _demander(verb, lex, idx)
        if demander is None and stmt is None:
            continue  # an unreported "must" is the writer's opinion, not a demand
        subj = subject_of(verb, lex)
        target = actor_in_np(subj, idx) if subj is not None else None
        if target is None and subj is not None and subj.lower_ in _PRONOUNS:
            # "a reminder to Iraq that it must cooperate": the pronoun's antecedent is the
            # nearest actor before it that is not the one making the demand
            target = nearest_actor(subj, idx, "left", {demander}, None, subject_only=False)
        if target is None or target == demander:
            continue  # a demand needs someone it is made of
        conf = PRIOR + 0.1 * (demander is not None) + 0.1 * (target is not None)
        out.append(
            Event(
                id="",
                type="REQUEST",
                trigger=Span(tok.idx, tok.idx + len(tok.text), tok.text),
                mode="actual",
                actor=demander,
                recipient=target,
                statement=stmt.id if stmt is not None else None,
                confidence=round(conf, 2),
            )
        )
    return out


def _demander(verb: Token, lex: EventLexicon, idx: RecordIndex):
    stmt = statement_of(verb, idx)
    if stmt is not None and stmt.source is not None and stmt.source.actor:
        return stmt.source.actor, stmt
    head = verb
    while head.dep_ in ("conj",) and head.head.i != head.i:
        head = head.head
    reporter = head.head
    if head.dep_ in ("ccomp", "acl") and reporter.pos_ == "NOUN" and reporter.dep_ in ("dobj", "pobj"):
        reporter = reporter.head if reporter.dep_ == "dobj" else reporter.head.head  # "issued a reminder that ..."
    if head.dep_ in ("ccomp", "acl") and reporter.pos_ in ("VERB", "AUX"):
        subj = subject_of(reporter, lex)
        if subj is not None:
            return actor_in_np(subj, idx), stmt
        return None, stmt
    return None, stmt
