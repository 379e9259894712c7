"""Publisher boilerplate that is never news: the feed footer "The post X appeared first on Y."
(WordPress adds it to every item). The title it quotes repeats the article's claims without their
source, so no component reads events or figures from it."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .doc_cache import doc_sents, span_text

_BOILERPLATE = re.compile(r"\bappeared first on\b", re.IGNORECASE)


def boilerplate_sentences(doc: Doc) -> list[tuple[int, int]]:
    """(start token, end token) of each boilerplate sentence."""
    return [(s.start, s.end) for s in doc_sents(doc) if _BOILERPLATE.search(span_text(doc, s))]
