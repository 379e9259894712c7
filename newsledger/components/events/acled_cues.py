"""The cue words of ACLED's sub-event types (data/acled_cues.tsv), found in a sentence.

A cue is one or more lower-case words; it matches a run of tokens by their lemmas ("blew" ->
"blow") or as written ("rocket-propelled grenade"). Within the weapon classes the longest cue wins
and takes its tokens, so "rocket-propelled grenade" is a shelling weapon and "stun grenade" a
crowd-control tool, not a grenade attack; the other classes are found independently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import ENT_TYPE, LEMMA, LOWER, SPACY
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...tables import read_rows

DATA = "newsledger.components.events"
# Classes whose cues compete for the same words: a weapon (or crowd-control tool) is one of them.
EXCLUSIVE = ("chemical", "suicide", "air", "grenade", "explosive", "shelling", "intervention", "riot")
# Particles of phrasal-verb cues, which may stand apart from their verb ("drove them out").
PARTICLES = frozenset({"out", "back", "over", "off", "away"})
# Classes read as word lists by acled_report.py, not searched for in sentences.
WORD_LISTS = ("earlier", "means_head", "grievance", "crowd_word", "attempt")


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
        # two-word verb-particle cues ("drive out", "take back"), also found with the object
        # between them ("drove the militants out"): phrase -> its classes
        self.phrasal: dict[str, tuple[str, ...]] = {}
        for cls_name, cues in by_class.items():
            for cue in cues:
                parts = cue.split()
                if len(parts) == 2 and parts[1] in PARTICLES:
                    self.phrasal[cue] = (*self.phrasal.get(cue, ()), cls_name)
        self.classes = tuple(by_class)
        # a class is searched only in a sentence holding one of its cues' first words (cheap)
        first_words = {cls: frozenset(cue.split()[0] for cue in cues) for cls, cues in by_class.items()}
        self.first_words = frozenset().union(*first_words.values())
        # first word -> the classes it may start, in table order (the order cues are found in)
        self.classes_of: dict[str, tuple[str, ...]] = {
            word: tuple(cls for cls in self.classes if word in first_words[cls]) for word in self.first_words
        }
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

    def find(self, sent: SpacySpan, words: DocWords | None = None) -> list[Cue]:
        """Every cue in the sentence, the weapon classes' overlaps resolved longest first.
        words: the sentence's Doc read once (DocWords); made here when not given."""
        views = words if words is not None else DocWords(sent.doc)
        found: dict[tuple[str, int, int], Cue] = {}
        for view in views.views:
            base, stop = view.at[sent.start], view.at[sent.end]
            text = view.text[base:stop]
            # "attack," holds "attack"
            present = set(text.split()).union(view.words[sent.start : sent.end])
            hits = present.intersection(self.first_words)
            if not hits:
                continue
            classes = {cls for word in hits for cls in self.classes_of[word]}
            for cls in self.classes:
                if cls not in classes:
                    continue
                for m in self.patterns[cls].finditer(text):
                    start, end = view.span(base + m.start(), base + m.end())
                    if start is not None:
                        found.setdefault((cls, start, end), Cue(cls, start, end, m.group(0)))
        if PARTICLES.intersection(views.views[0].words[sent.start : sent.end]):
            for tok in sent:
                # the particle parsed as a particle, a preposition ("out of the town") or an adverb
                # ("took it back"), after the verb's object
                if (
                    tok.dep_ in ("prt", "prep", "advmod")
                    and tok.head.i < tok.i - 1
                    and tok.head.pos_ == "VERB"
                    and any(c.dep_ == "dobj" and c.i < tok.i for c in tok.head.children)
                ):
                    phrase = f"{tok.head.lemma_.lower()} {tok.lower_}"
                    for cls in self.phrasal.get(phrase, ()):
                        found.setdefault(
                            (cls, tok.head.i, tok.head.i + 1), Cue(cls, tok.head.i, tok.head.i + 1, phrase)
                        )
        free = [c for c in found.values() if c.cls not in EXCLUSIVE]
        taken: set[int] = set()
        for c in sorted((c for c in found.values() if c.cls in EXCLUSIVE), key=lambda c: (c.start - c.end, c.start)):
            if not taken.intersection(range(c.start, c.end)):
                taken.update(range(c.start, c.end))
                free.append(c)
        return sorted(free, key=lambda c: (c.start, c.cls))


class DocWords:
    """A Doc's words as written and as lemmas, lower case, each view joined once per Doc.

    Read as arrays (doc.to_array): a Token object per word, made for every sentence searched,
    cost more than the search. A sentence's view is a slice of the Doc's.
    """

    __slots__ = ("views",)

    def __init__(self, doc: Doc):
        rows = doc.to_array([LOWER, LEMMA, ENT_TYPE]).tolist() if len(doc) else []
        seps = [" " if space else "" for space in doc.to_array(SPACY).tolist()] if rows else []
        strings = doc.vocab.strings
        # each distinct id's string once: a Doc repeats its words
        keys = {key for row in rows for key in row}
        names = {key: strings[key] for key in keys}
        lowered = {key: name.lower() for key, name in names.items()}
        lower, lemma = [], []
        for low, lem, ent in rows:
            # a date is no cue ("16 March" is no march); words keep the text's spacing, so
            # "anti-aircraft" is not "aircraft"
            if names[ent] in ("DATE", "TIME"):
                lower.append("_")
                lemma.append("_")
            else:
                lower.append(lowered[low])
                lemma.append(lowered[lem] if names[lem] else lowered[low])
        self.views = (_View(lower, seps), _View(lemma, seps))


class _View:
    """One view of a Doc: its words, their joined text and where each word starts in it."""

    __slots__ = ("at", "ends", "starts", "text", "words")

    def __init__(self, words: list[str], seps: list[str]):
        self.words = words
        self.at: list[int] = []  # at[i]: where word i starts; at[len(words)]: the text's end
        pos = 0
        for word, sep in zip(words, seps):
            self.at.append(pos)
            pos += len(word) + len(sep)
        self.at.append(pos)
        self.text = "".join(w + sep for w, sep in zip(words, seps))
        self.starts: dict[int, int] | None = None
        self.ends: dict[int, int] | None = None

    def span(self, start: int, end: int) -> tuple[int | None, int]:
        """The tokens [first, last + 1) a match from `start` to `end` covers whole, or (None, 0)."""
        if self.starts is None or self.ends is None:
            self.starts = {pos: i for i, pos in enumerate(self.at[:-1])}
            self.ends = {pos + len(w): i for i, (pos, w) in enumerate(zip(self.at, self.words))}
        first, last = self.starts.get(start), self.ends.get(end)
        return (first, last + 1) if first is not None and last is not None else (None, 0)
