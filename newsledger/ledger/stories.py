"""Stories: articles about the same story, by whole-article TF-IDF similarity (pure functions).

An article's terms are the stems of its content words, and its names (runs of capitalised
words not opening a sentence) as terms of their own ("n:brian nichols"): a shared name says
more than a shared word. Weights are sublinear tf times idf, where the document frequencies are
those of the ledger so far (kept in the store). Only the article's strongest terms are kept
(its profile), and its few strongest are its blocking keys: candidates are the articles sharing
one, an index lookup per key, never all pairs.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from .text import keywords

PROFILE_TERMS = 60  # terms kept per article for the cosine
BLOCK_TERMS = 8  # of which the strongest are its blocking keys
NAME_WEIGHT = 2.0  # a name counts as this many words
_NAME = re.compile(r"(?<![.!?\n]\s)(?<!^)\b([A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|[A-Z]\.))*(?: [A-Z][a-z]+)?)")
_NOT_NAMES = frozenset(
    {
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "In",
        "On",
        "At",
        "But",
        "And",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    }
)


def names(text: str) -> Counter:
    """Capitalised word runs that are not sentence openers or calendar words, lowercased."""
    out: Counter = Counter()
    for m in _NAME.finditer(text):
        words = [w for w in m.group(1).split() if w not in _NOT_NAMES]
        if words:
            out[" ".join(words).lower()] += 1
    return out


def term_counts(text: str) -> Counter:
    """Content-word stems and names ("n:..." ) with their counts in the text."""
    counts: Counter = Counter()
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text or ""):
        counts.update(keywords(sentence))
    for name, n in names(text or "").items():
        counts[f"n:{name}"] += n
    return counts


def profile(counts: Counter, df: dict[str, int], n_docs: int) -> dict[str, float]:
    """The article's strongest PROFILE_TERMS terms, L2-normalised TF-IDF weights."""
    weights = {}
    for term, tf in counts.items():
        idf = math.log((n_docs + 1) / (df.get(term, 0) + 1)) + 1.0
        weights[term] = (1.0 + math.log(tf)) * idf * (NAME_WEIGHT if term.startswith("n:") else 1.0)
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:PROFILE_TERMS]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {t: round(w / norm, 5) for t, w in top}


def block_terms(prof: dict[str, float]) -> list[str]:
    return [t for t, _ in sorted(prof.items(), key=lambda kv: (-kv[1], kv[0]))[:BLOCK_TERMS]]


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def centroid(profiles: list[dict[str, float]]) -> dict[str, float]:
    """The L2-normalised sum of these profiles: what a story's articles have in common."""
    total: dict[str, float] = {}
    for prof in profiles:
        for t, w in prof.items():
            total[t] = total.get(t, 0.0) + w
    norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
    return {t: w / norm for t, w in total.items()}
