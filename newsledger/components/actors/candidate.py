"""A candidate actor mention (Cand): its kind, span and lexicon entry, and the kind groups the
candidate rules share."""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import CAPITAL, CONTEXT, COUNTRY, DEMONYM, ORG, ORGAN, PERSON, SEAT, Entry

COMPOSITE = "composite"


# Tie-break between candidates of equal length (lower wins).
PRIORITY = {COMPOSITE: 0, SEAT: 1, PERSON: 2, ORG: 3, COUNTRY: 4, CAPITAL: 5, DEMONYM: 6, CONTEXT: 7, ORGAN: 8}


OWNER_KINDS = (COUNTRY, DEMONYM, CAPITAL, CONTEXT)


PLACE_KINDS = (COUNTRY, CAPITAL)


DATELINE_NEXT = "(—–-:,"


MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN"})


NOT_NAME_POS = frozenset({"AUX", "VERB", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART"})


@dataclass
class Cand:
    i: int
    j: int
    kind: str
    entry: Entry | None  # None for an unknown organisation (no lexicon entry)
    organ_entry: Entry | None = None  # composites: the organ head
    owner: Cand | None = None  # composites: the owner part
    country: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def lexicon_entry(self) -> Entry:
        """The entry of a candidate found in the lexicon (all but the unknown organisations that
        actors/ner adds after resolution, which carry their resolution in extra["info"])."""
        if self.entry is None:
            raise ValueError(f"{self.kind} candidate at words {self.i}-{self.j} has no lexicon entry")
        return self.entry

    @property
    def length(self) -> int:
        return self.j - self.i


def is_owner(c: Cand) -> bool:
    e = c.lexicon_entry
    if c.kind in OWNER_KINDS:
        return not e.organ  # plural demonyms ("Iraqis") own nothing
    if c.kind == SEAT and not e.organ:
        return True  # "Kremlin officials"
    return c.kind == ORG and e.sector == "IGO"  # "NATO troops", "UN peacekeepers"
