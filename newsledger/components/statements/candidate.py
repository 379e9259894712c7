"""The working record of one attribution found in a Doc, in token ranges, before ids are given."""

from __future__ import annotations

from dataclasses import dataclass

Range = tuple[int, int]  # half-open token range [lo, hi)


@dataclass
class Candidate:
    content: Range
    cue: Range | None = None
    source: Range | None = None
    source_head: int | None = None  # token index of the source's head word
    cue_head: int | None = None  # token index of the cue's head word
    certainty: str = "asserted"  # certainty the cue lends the content
    negated: bool = False
    hedged: bool = False
    direct: bool = False
    kind: str = "verb"  # verb | according | evidence | noun | floating | quote
    inherited_from: int | None = None  # index (in the sorted list) of the statement whose source it took
    antecedent: Range | None = None  # where a pronoun/short name source was resolved to

    @property
    def anchor(self) -> int:
        """Sort key: position of the cue, else of the content."""
        return (self.cue or self.content)[0]
