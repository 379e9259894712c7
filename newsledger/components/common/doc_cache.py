"""What several components read from one Doc, built once per Doc rather than once per reader.

spaCy rebuilds `doc.text` (a join over every token), the sentence spans and a new Token object on
every access; six components asking for them cost a whole pass over the Doc each time. The cache
keeps the last Doc of each thread only: the pipeline runs one Doc through every component before
the next (spaCy chains them lazily), so a Doc is reused while it is being read and released when
the next one comes. A Doc given to components in another order is simply read again.

Entities are not cached: `doc.ents` is cheap and tests may set them between components.
"""

from __future__ import annotations

import threading
from typing import Any

from spacy.tokens import Doc, Span, Token


class DocCache:
    """Lazily built views of one Doc (same values as spaCy's, made once)."""

    __slots__ = ("_sents", "_starts", "_text", "_tokens", "doc", "length", "memo")

    def __init__(self, doc: Doc):
        self.doc = doc
        self.length = len(doc)  # a retokenized Doc (new length) is read again
        self._text: str | None = None
        self._tokens: list[Token] | None = None
        self._sents: list[Span] | None = None
        self._starts: list[int] | None = None
        # a component's own values derived from the parse, keyed by (component.what, ...)
        self.memo: dict[tuple, Any] = {}

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.doc.text
        return self._text

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = list(self.doc)
        return self._tokens

    @property
    def sents(self) -> list[Span]:
        if self._sents is None:
            self._sents = list(self.doc.sents)
        return self._sents

    @property
    def starts(self) -> list[int]:
        """Character offset of every token (token.idx), in order."""
        if self._starts is None:
            self._starts = self.doc.to_array("IDX").tolist() if self.length else []
        return self._starts


_local = threading.local()


def cached(doc: Doc) -> DocCache:
    entry = getattr(_local, "entry", None)
    if entry is None or entry.doc is not doc or entry.length != len(doc):
        entry = DocCache(doc)
        _local.entry = entry
    return entry


def doc_text(doc: Doc) -> str:
    """doc.text, joined once per Doc."""
    return cached(doc).text


def doc_tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens, as one list of Token objects made once per Doc."""
    return cached(doc).tokens


def doc_sents(doc: Doc) -> list[Span]:
    """list(doc.sents), made once per Doc."""
    return cached(doc).sents


def token_starts(doc: Doc) -> list[int]:
    """[token.idx for token in doc], read once per Doc as an array."""
    return cached(doc).starts


def span_text(doc: Doc, span: Span) -> str:
    """span.text, cut from the cached doc text (spaCy joins the span's tokens on every access)."""
    return doc_text(doc)[span.start_char : span.end_char]
