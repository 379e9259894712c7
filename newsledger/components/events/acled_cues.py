"""The cue words of ACLED's sub-event types (data/acled_cues.tsv), found in a sentence.

A cue is one or more lower-case words; it matches a run of tokens by their lemmas ("blew" ->
"blow") or as written ("rocket-propelled grenade"). Within the weapon classes the longest cue wins
and takes its tokens, so "rocket-propelled grenade" is a shelling weapon and "stun grenade" a
crowd-control tool, not a grenade attack; the other classes are found independently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from ...tables import read_rows

DATA = "newsledger.components.events"
# Classes whose cues compete for the same words: a weapon (or crowd-control tool) is one of them.
EXCLUSIVE = ("chemical", "suicide", "air", "grenade", "explosive", "shelling", "intervention", "riot")
# Classes read as word lists by acled_report.py, not searched for in sentences.
WORD_LISTS = ("earlier", "means_head", "grievance", "crowd_word")


@dataclass(frozen=True)
class Cue:
    cls: str
    start: int  # token index in the doc
    end: int  # exclusive
    text: str


class CueTable:
    """Per class, one regular expression over the cue words, longest first."""

    def __init__(self, rows: list[tuple[str, str]]):
        by_class: dict[str, set[str]] = {}
        for cls, cue in rows:
            by_class.setdefault(cls, set()).add(cue)
        self.lists = {cls: frozenset(by_class.pop(cls, ())) for cls in WORD_LISTS}
        self.classes = tuple(by_class)
        # a class is searched only in a sentence holding one of its cues' first words (cheap)
        self.first_words = {cls: frozenset(cue.split()[0] for cue in cues) for cls, cues in by_class.items()}
        self.patterns = {
            cls: re.compile(
                r"(?<![\w-])(?:"
                + "|".join(
                    r"\s+".join(re.escape(w) for w in cue.split()) for cue in sorted(cues, key=len, reverse=True)
                )
                + r")(?![\w-])"
            )
            for cls, cues in by_class.items()
        }

    def words(self, cls: str) -> frozenset[str]:
        """The words of a word-list class (WORD_LISTS)."""
        return self.lists[cls]

    @classmethod
    def load(cls, table: str = "acled_cues.tsv") -> CueTable:
        rows = []
        for cls_name, cue, _why in read_rows(DATA, table, 3):
            if not cls_name or not cue:
                raise ValueError(f"{table}: a row without a class or a cue: {cls_name!r} {cue!r}")
            rows.append((cls_name, cue.lower()))
        return cls(rows)

    def find(self, sent: SpacySpan) -> list[Cue]:
        """Every cue in the sentence, the weapon classes' overlaps resolved longest first."""
        found: dict[tuple[str, int, int], Cue] = {}
        for text, offsets in _views(sent):
            words = set(text.split()) | {text[s:e] for s, e, _ in offsets}  # "attack," holds "attack"
            for cls, pattern in self.patterns.items():
                if words.isdisjoint(self.first_words[cls]):
                    continue
                for m in pattern.finditer(text):
                    start, end = _tokens(offsets, m.start(), m.end())
                    if start is not None:
                        found.setdefault((cls, start, end), Cue(cls, start, end, m.group(0)))
        free = [c for c in found.values() if c.cls not in EXCLUSIVE]
        taken: set[int] = set()
        for c in sorted((c for c in found.values() if c.cls in EXCLUSIVE), key=lambda c: (c.start - c.end, c.start)):
            if not taken.intersection(range(c.start, c.end)):
                taken.update(range(c.start, c.end))
                free.append(c)
        return sorted(free, key=lambda c: (c.start, c.cls))


def _views(sent: SpacySpan):
    """The sentence as written and as lemmas, lower case, each with (start, end, token index)."""
    for attr in ("lower_", "lemma_"):
        parts, offsets, pos = [], [], 0
        for tok in sent:
            # a date is no cue ("16 March" is no march); words keep the text's spacing, so
            # "anti-aircraft" is not "aircraft"
            word = "_" if tok.ent_type_ in ("DATE", "TIME") else (getattr(tok, attr) or tok.lower_).lower()
            sep = " " if tok.whitespace_ else ""
            offsets.append((pos, pos + len(word), tok.i))
            parts.append(word + sep)
            pos += len(word) + len(sep)
        yield "".join(parts), offsets


def _tokens(offsets: list[tuple[int, int, int]], start: int, end: int) -> tuple[int | None, int]:
    first = last = None
    for s, e, i in offsets:
        if s == start:
            first = i
        if e == end:
            last = i
            break
    return (first, last + 1) if first is not None and last is not None else (None, 0)
