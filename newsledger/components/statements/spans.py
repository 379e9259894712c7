"""Token-range helpers for statements: paragraph clipping, subtrees, quote lookup, trimming.

Ranges are half-open token index pairs [lo, hi). Paragraphs (newline-delimited) are hard
boundaries: the small English models often glue a heading or the next paragraph onto a
sentence, so no source or content may cross a newline.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from ..common.doc_cache import doc_text, doc_tokens, token_starts
from .quotes import find_quotes, paragraphs

QUOTE_CHARS = set('“”„«»"')


_DOUBLE_APOSTROPHE = re.compile("''")


def double_apostrophe_quotes(text: str) -> str:
    """Archive copy (NYT via LexisNexis) marks quotations with two apostrophes: ''Like this,''
    he said. Read them as curly marks for quote finding, same length so offsets hold: an opening
    pair follows a space, a line start or a bracket; any other pair closes."""

    def mark(m: re.Match) -> str:
        prev = text[m.start() - 1] if m.start() > 0 else " "
        return "\u201c\u2060" if prev.isspace() or prev in "([{—–-" else "\u2060\u201d"

    return _DOUBLE_APOSTROPHE.sub(mark, text) if "''" in text else text


class DocIndex:
    """Per-doc lookups built once: paragraph and quote of every token."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = text = doc_text(doc)
        self.paras = paragraphs(text)
        self.quotes = find_quotes(double_apostrophe_quotes(text))
        self._para_starts = [p[0] for p in self.paras]
        self._quote_starts = [q[0] for q in self.quotes]
        n = len(doc)
        self.para_of = [-1] * n
        self.quote_of = [-1] * n
        for tok in doc_tokens(doc):
            self.para_of[tok.i] = self._find(self._para_starts, self.paras, tok.idx)
            self.quote_of[tok.i] = self._find(self._quote_starts, self.quotes, tok.idx)
        # first/last token of each paragraph
        self.para_bounds: dict[int, list[int]] = {}
        for i, p in enumerate(self.para_of):
            if p >= 0:
                b = self.para_bounds.setdefault(p, [i, i + 1])
                b[1] = i + 1
        self.token_at_char = {idx: i for i, idx in enumerate(token_starts(doc))}

    @staticmethod
    def _find(starts, spans, pos) -> int:
        k = bisect_right(starts, pos) - 1
        if k >= 0 and spans[k][0] <= pos < spans[k][1]:
            return k
        return -1

    def para_range(self, i: int) -> tuple[int, int]:
        b = self.para_bounds.get(self.para_of[i])
        return (b[0], b[1]) if b else (i, i + 1)

    def clip_to_para(self, lo: int, hi: int, anchor: int) -> tuple[int, int]:
        plo, phi = self.para_range(anchor)
        return max(lo, plo), min(hi, phi)

    def quote_tokens(self, q: int) -> tuple[int, int]:
        """Token range covering quote q."""
        qs, qe = self.quotes[q]
        span = self.doc.char_span(qs, qe, alignment_mode="expand")
        return (span.start, span.end) if span is not None else (0, 0)


def subtree(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def minus(rng: tuple[int, int], hole: tuple[int, int], keep: int | None = None) -> tuple[int, int]:
    """rng without hole, as one contiguous range: the side holding `keep`, else the longer one."""
    lo, hi = rng
    a, b = hole
    if b <= lo or a >= hi:
        return rng
    left, right = (lo, max(lo, a)), (min(hi, b), hi)
    if keep is not None:
        if left[0] <= keep < left[1]:
            return left
        if right[0] <= keep < right[1]:
            return right
    return left if left[1] - left[0] >= right[1] - right[0] else right


def _is_quote_mark(tok: Token) -> bool:
    return any(c in QUOTE_CHARS for c in tok.text) or tok.text == "''"


def _is_edge_junk(tok: Token) -> bool:
    return (
        tok.is_space
        or (tok.is_punct and not _is_quote_mark(tok) and tok.text not in ")]")
        or tok.lower_ in ("and", "but", "or")
    )


def trim(idx: DocIndex, lo: int, hi: int) -> tuple[int, int]:
    """Strip punctuation/space at the edges; keep a quotation the range holds whole, marks included,
    and drop a quote mark whose partner lies outside the range."""
    doc = idx.doc
    while lo < hi and (_is_edge_junk(doc[lo]) or _stray_mark(idx, lo, lo, hi)):
        lo += 1
    while hi > lo and (_is_edge_junk(doc[hi - 1]) or _stray_mark(idx, hi - 1, lo, hi)):
        hi -= 1
    return _close_open_pairs(idx, lo, hi)


def _close_open_pairs(idx: DocIndex, lo: int, hi: int) -> tuple[int, int]:
    """Extend the end over a closing bracket or quote mark whose opener is inside the range
    ("to be “several hundred.”"), when only punctuation lies between."""
    doc = idx.doc
    if hi <= lo:
        return lo, hi
    opens = sum(1 for t in doc[lo:hi] if t.text == "(") - sum(1 for t in doc[lo:hi] if t.text == ")")
    if opens > 0 and hi < len(doc) and doc[hi].text == ")":
        hi += 1
    q = idx.quote_of[hi - 1]
    if q >= 0:
        qlo, qhi = idx.quote_tokens(q)
        if lo <= qlo < hi < qhi and all(t.is_punct for t in doc[hi:qhi]):
            hi = qhi
    return lo, hi


def _stray_mark(idx: DocIndex, i: int, lo: int, hi: int) -> bool:
    """A quote-mark token at the edge whose quotation is not fully inside [lo, hi)."""
    tok = idx.doc[i]
    if not _is_quote_mark(tok) or not tok.is_punct:
        return False
    q = idx.quote_of[i]
    if q < 0:
        return True
    qlo, qhi = idx.quote_tokens(q)
    return not (lo <= qlo and qhi <= hi)


def char_range(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    if hi <= lo:
        return None
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
