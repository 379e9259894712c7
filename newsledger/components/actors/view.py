"""A normalised word view of a Doc for lexicon matching.

Lexicon aliases and article tokens are compared after the same normalisation: lower case,
typographic apostrophes folded to "'", accents stripped ("Élysée" = "elysee"), hyphen tokens
dropped ("Kim Jong-un" = "Kim Jong Un"), and a possessive glued to its word by the tokenizer
("Korea‘s") split off. Every view word keeps the character offsets of its text in doc.text,
so a match maps back to an exact character span.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from ..common.doc_cache import doc_text

HYPHENS = frozenset({"-", "–", "—", "‐", "‑"})
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "′": "'"})
_GLUED_POSSESSIVES = ("'s",)


def norm(text: str) -> str:
    """Lower case, fold apostrophes and strip accents (only non-ASCII text pays for that)."""
    t = text.lower()
    if not t.isascii():
        t = t.translate(_QUOTES)
        if not t.isascii():
            t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    return t


@dataclass
class View:
    words: list[str] = field(default_factory=list)  # normalised words
    orig: list[str] = field(default_factory=list)  # original text of each word
    start: list[int] = field(default_factory=list)  # character offsets into doc.text
    end: list[int] = field(default_factory=list)
    token: list[int] = field(default_factory=list)  # index of the spaCy token it came from

    def add(self, word: str, orig: str, start: int, end: int, token: int) -> None:
        self.words.append(word)
        self.orig.append(orig)
        self.start.append(start)
        self.end.append(end)
        self.token.append(token)

    def __len__(self) -> int:
        return len(self.words)


def build_view(doc: Doc, text: str | None = None) -> View:
    """One pass over the tokens (offsets read as an array: no Token objects); whitespace and
    hyphen tokens are left out."""
    view = View()
    if not len(doc):
        return view
    text = doc_text(doc) if text is None else text
    # the five columns appended to directly: a method call per word is a third of this loop
    words, origs, starts, ends, tokens = view.words, view.orig, view.start, view.end, view.token
    for t, (idx, length) in enumerate(doc.to_array([IDX, LENGTH]).tolist()):
        tok = text[idx : idx + length]
        if tok in HYPHENS or tok.isspace():
            continue
        w = norm(tok)
        if not w:
            continue  # a token of only accents, zero-width or other characters norm() drops
        if length > 2 and w.endswith(_GLUED_POSSESSIVES) and len(w) == length:
            # "Korea‘s": the tokenizer did not split this possessive; split it here.
            cut = length - 2
            words += (w[:cut], "'s")
            origs += (tok[:cut], tok[cut:])
            starts += (idx, idx + cut)
            ends += (idx + cut, idx + length)
            tokens += (t, t)
            continue
        words.append(w)
        origs.append(tok)
        starts.append(idx)
        ends.append(idx + length)
        tokens.append(t)
    return view


def span_of_words(view: View, i: int, j: int, determiners) -> tuple[int, int]:
    """Character span of view words [i, j), without a leading determiner."""
    if j - i > 1 and view.words[i] in determiners:
        i += 1
    return view.start[i], view.end[j - 1]


def name_words(view: View, i: int, j: int, determiners) -> tuple:
    """The normalised words of a name, without determiners and possessives."""
    return tuple(w for w in view.words[i:j] if w not in determiners and w not in ("'s", "."))
