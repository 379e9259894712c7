"""The mover of a passive: "Russian troops were deployed to Belarus", "One third of the
guerrillas have been demobilized". For categories of movement (MOBILIZE, RETREAT) an armed
patient with no agent named is the side that moves: PLOVER codes it as the source (actor),
not as the target. An unarmed patient ("prisoners were released") stays the recipient."""

from __future__ import annotations

from spacy.tokens import Token

from .index import RecordIndex
from .role_words import words
from .roles import actor_in_np


def passive_mover(tok: Token, event_type: str, idx: RecordIndex) -> str | None:
    if event_type.lower() not in words("mover_type"):
        return None
    if any(c.dep_ == "agent" for c in tok.children):
        return None  # "were withdrawn by the government"
    patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    found = actor_in_np(patient, idx) if patient is not None else None
    if found is None:
        return None
    sector = (idx.actors[found].sector or "").lower() if found in idx.actors else ""
    return found if sector in words("armed_sector") else None
