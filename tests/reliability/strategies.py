"""Hypothesis strategies for news-like text: the pieces extractors look for (quotes, numbers, dates,
capitalised names, cue verbs) mixed with what breaks naive code (unbalanced quote marks, emoji,
control characters, very long words, odd whitespace)."""

from __future__ import annotations

from hypothesis import strategies as st

_NAMES = [
    "North Korea",
    "Russia",
    "the Pentagon",
    "President Ana Silva",
    "Hamas",
    "NATO",
    "the United Nations",
    "Kursk",
    "Goma",
    "Yonhap News Agency",
    "Mr. O'Neill",
    "São Paulo",
    "Kyiv",
    "the interior ministry",
    "Dr. Li Wei",
    "Al-Shabaab",
]
_VERBS = [
    "said",
    "told reporters",
    "claimed",
    "denied",
    "warned",
    "attacked",
    "killed",
    "deployed",
    "sent",
    "according to",
    "may have",
    "is preparing to",
    "accused",
    "met with",
    "sanctioned",
]
_NUMBERS = [
    "1,100",
    "approximately 1,100 soldiers",
    "several hundred",
    "3.5 million",
    "between 20 and 30",
    "more than 40",
    "at least 12 people",
    "$2bn",
    "€300,000",
    "15%",
    "one",
    "dozens",
    "1e9",
    "-7",
    "0",
    "99999999999999999999",
]
_DATES = [
    "on Monday",
    "last week",
    "earlier this month",
    "2024-12-23",
    "Dec. 23, 2024",
    "in 1999",
    "the 1990s",
    "tomorrow",
    "31 February 2023",
    "yesterday morning",
    "Q3 2025",
]
_QUOTES = ['"', "“", "”", "'", "‘", "’", "«", "»", '"We will respond," he said.', "“unbalanced", "”", '""', "''"]
_ODD = [
    "😀",
    "🇺🇦",
    "👨‍👩‍👧",
    "\u200b",
    "\u00ad",
    "\ufeff",
    "\u202e",
    "\x00",
    "\x07",
    "\r\n",
    "\t",
    "\n\n",
    "\u2028",
    "\ud7ff",
    "\U0001f4a3",
    "é",
    "ﬁ",
    "İ",
    "ß",
    "Ⅻ",
    "٣",
    "⁴",
]
_PUNCT = [".", ",", ";", ":", "!", "?", " - ", " — ", "(", ")", "[", "]", "...", " "]

_piece = st.one_of(
    st.sampled_from(_NAMES),
    st.sampled_from(_VERBS),
    st.sampled_from(_NUMBERS),
    st.sampled_from(_DATES),
    st.sampled_from(_QUOTES),
    st.sampled_from(_ODD),
    st.sampled_from(_PUNCT),
    st.integers(-(10**12), 10**12).map(lambda n: f"{n:,}"),
    st.text(alphabet=st.characters(categories=["Lu", "Ll"]), min_size=300, max_size=2000),  # a very long word
    st.text(max_size=20),
)


@st.composite
def news_texts(draw, max_pieces: int = 60) -> str:
    pieces = draw(st.lists(_piece, max_size=max_pieces))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "", "\n", ". "]), min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + s for p, s in zip(pieces, seps))
