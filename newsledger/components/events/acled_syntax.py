"""Where ACLED cue words sit in the dependency parse relative to an event's trigger, for the
codebook decisions of acled.py: what the trigger governs, what it hangs from, what it acts on.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Event
from .acled_cues import Cue


def disrupts(doc: Doc, cues: list[Cue]) -> bool:
    """A weapon is what is seized, found or defused: one word governs the other ("seized 50 rifles",
    "weapons seized", "an arms cache was discovered"), not two words of one sentence."""
    actions = [doc[c.start] for c in cues if c.cls == "disrupt_action"]
    weapons = [doc[c.start] for c in cues if c.cls == "weapon"]
    return any(w in a.subtree or a in w.subtree for a in actions for w in weapons)


def describes(cue: Token, trigger: Token) -> bool:
    """The cue word tells of someone the sentence describes ("mourn demonstrators killed last month",
    "justice for a woman shot by police"), in a clause of its own that does not hold the trigger."""
    tok = cue
    for _ in range(12):
        if tok.dep_ in ("acl", "relcl") and trigger not in tok.subtree:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def grievance(cue: Token, trigger: Token, words: frozenset[str]) -> bool:
    """The cue tells what a demonstration is about ("to protest the arrest of a colleague",
    "demanding the release of detained activists", "a rally against police killings"): it hangs,
    below the trigger, from a grievance word (data/acled_cues.tsv, class grievance)."""
    tok = cue
    for _ in range(10):
        if tok.i == trigger.i or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i != trigger.i and tok.lemma_.lower() in words:
            return True
    return False


def subtree_classes(tok: Token, cues: list[Cue]) -> set[str]:
    """The cue classes inside what the trigger governs ("launched air missiles": air)."""
    below = {t.i for t in tok.subtree}
    return {c.cls for c in cues if c.start in below}


def head_classes(tok: Token, cues: list[Cue]) -> set[str]:
    """The cue classes of the word the trigger hangs from ("killed in clashes", "clashes that killed")."""
    head = tok.head
    near = (
        {head.i}
        | {c.i for c in head.children if c.dep_ in ("prep", "pobj", "nsubj")}
        | {g.i for c in tok.children if c.dep_ == "prep" for g in c.children}
    )
    return {c.cls for c in cues if c.start in near}


def land_below(tok: Token, cues: list[Cue]) -> bool:
    below = {t.i for t in tok.subtree} - {tok.i}
    return any(c.cls == "land" and c.start in below for c in cues)


def object_classes(tok: Token, cues: list[Cue]) -> set[str]:
    """The armed/civilian cues in what the trigger acts on (its objects and their phrases)."""
    below = {
        t.i
        for child in tok.children
        if child.dep_ in ("dobj", "prep", "pobj", "nsubjpass", "attr", "agent", "npadvmod", "advcl", "xcomp")
        for t in child.subtree
    }
    if tok.dep_ in ("acl", "relcl") or tok.pos_ == "NOUN":
        below |= {t.i for t in tok.head.subtree} - {t.i for t in tok.subtree} if tok.pos_ != "NOUN" else set()
    return {c.cls for c in cues if c.cls in ("armed", "civilian") and c.start in below}


def cue_at(cues: list[Cue], tok: Token, cls: str) -> bool:
    return any(c.cls == cls and c.start <= tok.i < c.end for c in cues)


def trigger_token(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
