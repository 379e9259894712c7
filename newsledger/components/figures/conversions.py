"""Figures that restate another in other units ("nearly 7 miles (11 km)"), and a char -> token index.

Shared by the figures extractor (bounds pass to conversions) and figures/trend (so does a change).
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from ...records import Figure

# "just under 296 hp (224 kW / 300 PS)": what may stand between a figure and its conversion
_CONVERSION_GAP = re.compile(r"^\s*(?:\(|\[)\s*(?:about|around|or|some|approx\.?|~)?\s*$|^\s*[/,]\s*$")


class TokenIndex:
    """Character offset -> token, by bisection over token starts (built once per doc)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = doc.to_array("IDX").tolist() if len(doc) else []

    def at(self, char: int) -> Token | None:
        i = bisect.bisect_right(self.starts, char) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None


def conversion_source(text: str, figs: list[Figure], i: int) -> Figure | None:
    """The figure that figs[i] restates in other units, when it stands in brackets right after it."""
    if i == 0:
        return None
    gap = text[figs[i - 1].end : figs[i].start]
    if not _CONVERSION_GAP.match(gap):
        return None
    if "(" in gap or "[" in gap:
        return figs[i - 1]
    if i >= 2 and conversion_source(text, figs, i - 1) is not None:
        return conversion_source(text, figs, i - 1)  # "(224 kW / 300 PS)": a second conversion
    return None


def share_bounds_with_conversions(text: str, figs: list[Figure]) -> None:
    """A conversion keeps the bound of what it converts: "nearly 7 miles (11 km)" is nearly 11 km."""
    for i, fig in enumerate(figs):
        src = conversion_source(text, figs, i)
        if src is not None and fig.bound == "=" and src.bound != "=" and fig.unit and src.unit:
            fig.bound, fig.approx = src.bound, src.approx
