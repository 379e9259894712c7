"""The statement lexicons (lexicons/statements_*.tsv), loaded once per component."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"


def _rows(name: str) -> list[list[str]]:
    """Non-comment, non-empty rows of a TSV file, as lists of stripped cells."""
    rows = []
    for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


@dataclass(frozen=True)
class CueVerb:
    lemma: str            # "say", or "rule out" for verb + particle
    certainty: str
    negated: str          # certainty when the cue verb is negated
    frames: str           # complements that can be the content: q c x o p (see the TSV header)


@dataclass
class StatementLexicon:
    verbs: dict[str, CueVerb] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)          # lemma -> certainty
    channels: frozenset[str] = frozenset()
    hedges: frozenset[str] = frozenset()
    markers: dict[str, str] = field(default_factory=dict)        # word -> certainty
    anaphors: dict[str, str] = field(default_factory=dict)       # word -> person|group

    @classmethod
    def load(cls) -> StatementLexicon:
        verbs = {}
        for row in _rows("statements_cue_verbs.tsv"):
            defaults = ["", "asserted", "asserted", "qcp"]
            lemma, cert, neg, frames = row[:4] + defaults[len(row):]
            verbs[lemma.lower()] = CueVerb(lemma.lower(), cert, neg, frames)
        nouns = {r[0].lower(): (r[1] if len(r) > 1 else "asserted")
                 for r in _rows("statements_cue_nouns.tsv")}
        channels = frozenset(r[0].lower() for r in _rows("statements_channels.tsv"))
        hedges = frozenset(r[0].lower() for r in _rows("statements_hedges.tsv"))
        markers = {r[0].lower(): r[1] for r in _rows("statements_certainty_markers.tsv")}
        anaphors = {r[0].lower(): r[1] for r in _rows("statements_pronouns.tsv")}
        return cls(verbs, nouns, channels, hedges, markers, anaphors)

    def verb(self, token) -> tuple[CueVerb | None, object | None]:
        """The cue entry of a verb token and its particle or preposition token ("rule out",
        "call for"), if the lexicon lists the pair; else the entry of the bare verb."""
        lemma = token.lemma_.lower()
        for child in token.children:
            if child.dep_ in ("prt", "prep") and child.i > token.i:
                entry = self.verbs.get(f"{lemma} {child.lower_}")
                if entry:
                    return entry, child
        return self.verbs.get(lemma), None
