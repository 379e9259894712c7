"""Words, shingles and keywords of article text (lowercased, punctuation-free)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..tables import read_words

DATA = "newsledger.ledger"  # the package whose data/ holds the tables
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?]\s")


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text or "")]


def shingles(text: str, k: int = 3) -> set[str]:
    """Word k-grams: robust to a changed headline or a few edited words, unlike a hash of the text."""
    ws = words(text)
    if len(ws) < k:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i : i + k]) for i in range(len(ws) - k + 1)}


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return read_words(DATA, "stopwords.txt")


def stem(word: str) -> str:
    """A crude stem so 'bombing'/'bomb', 'markets'/'market' meet; enough for overlap scores."""
    for suffix in ("ings", "ing", "ers", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def keywords(text: str) -> set[str]:
    """The content words of a sentence that can tell one event from another."""
    stop = stopwords()
    return {stem(w) for w in words(text) if w not in stop and not w.isdigit() and len(w) > 2}


_TRIGGER_SUFFIXES = ("ion", "ing", "ed", "er", "e")


def trigger_stem(word: str) -> str:
    """The stem of an event trigger, so that the forms of one word meet: "killed", "killing" and
    "kills" -> "kill"; "investigate", "investigating", "investigations" -> "investig"."""
    w = (words(word) or [""])[-1]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 4:
        w = w[:-1]
    for suffix in _TRIGGER_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return w[:-2] if w.endswith("at") and len(w) >= 6 else w


def sentence_index(text: str, start: int | None) -> int | None:
    """How many sentences end before this offset."""
    if not text or start is None:
        return None
    return sum(1 for _ in _SENTENCE_END.finditer(text, 0, max(start, 0)))


def sentence_around(text: str, start: int | None, end: int | None) -> str:
    """The sentence holding [start, end): from the previous sentence end to the next one."""
    left, right = sentence_span(text, start, end)
    return text[left:right]


def sentence_span(text: str, start: int | None, end: int | None) -> tuple[int, int]:
    """The offsets of the sentence holding [start, end) ((0, 0) when there is none)."""
    if not text or start is None:
        return 0, 0
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, max(start, 0)):
        left = m.end()
    stop = _SENTENCE_END.search(text, end or start)
    return left, stop.start() + 1 if stop else len(text)
