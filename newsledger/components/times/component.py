"""newsledger_times: temporal expressions with TIMEX3 values -> doc._.times (list[TimeRef]).

Reads: doc.text, tokens/parse (tense of the governing verb), doc.ents (DATE/TIME),
doc._.published (datetime.date | None). Writes: doc._.times.

Spans come from one precompiled regex (times/detect) plus spaCy DATE/TIME entities it missed;
values come from the rule resolver (times/resolve), with dateparser as a last resort for explicit
dates the rules cannot read (at most once per expression).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from ...records import TimeRef
from .. import EXTENSIONS  # noqa: F401  (registers the Doc extensions)
from ..common.doc_cache import doc_text, token_starts
from ..common.published import publication_date
from ..common.years import counts_things
from .coordination import clocks_on_days, coordinated_days, share_years
from .dates import Anchors, fmt_year
from .detect import BC_RANGE_END, YEAR_RANGE_HEAD, find_time_spans, weekday_in_name
from .lexicon import time_lexicon
from .resolve import Resolver

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_DATEPARSER_OK = re.compile(r"\d")


@Language.factory(
    "newsledger_times",
    default_config={"narrative": False, "use_entities": True},
    requires=["doc.ents", "token.dep", "doc._.published"],
    assigns=["doc._.times"],
)
def make_times(nlp: Language, name: str, narrative: bool, use_entities: bool):
    return TimesComponent(narrative=narrative, use_entities=use_entities)


class TimesComponent:
    """Finds and resolves temporal expressions. `narrative=True` anchors deictic expressions on
    the reference time instead of the publication date (for histories and timelines)."""

    def __init__(self, narrative: bool = False, use_entities: bool = True):
        self.narrative = narrative
        self.use_entities = use_entities
        self.lex = time_lexicon()
        self.resolver = Resolver(self.lex)
        words = set(self.lex.months) | set(self.lex.weekdays) | set(self.lex.seasons) | set(self.lex.units)
        self.hint_words = {w.rstrip(".") for w in words} | {w + "s" for w in self.lex.units}

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = extract_times(doc, self)
        return doc


# Names that contain calendar words: "the Sunday Times", "Good Friday Agreement", "Theresa May".
# EVENT names stay: "the Spring Offensive", "the Six-Day War" do place the event in time.
_DIGIT = re.compile(r"\d")
_NAME_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW", "GPE", "NORP", "LOC"}


def _inside_name(names: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_right(starts, start) - 1
    return i >= 0 and names[i][0] <= start and end <= names[i][1]


# a number that ends a spaCy DATE entity after a word, not a year: a count the entity swallowed
_TRAILING_COUNT = re.compile(r"(?<=[a-z])\s+(?!(?:1\d{3}|20\d\d)(?!\d))\d[\d,.]*$")


def candidate_spans(doc: Doc, ex: TimesComponent, text: str | None = None) -> list[tuple[int, int]]:
    """Regex spans outside names, plus spaCy DATE/TIME entities that do not overlap them and look
    temporal."""
    names = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _NAME_LABELS]
    name_starts = [s for s, _ in names]
    text = doc_text(doc) if text is None else text
    # a year stays a time even inside a name ("the 1944 Warsaw Uprising"); words do not
    spans = [
        (s, e)
        for s, e in find_time_spans(text)
        if not (_inside_name(names, name_starts, s, e) and not _DIGIT.search(text, s, e))
    ]
    if not ex.use_entities:
        return spans
    starts = [s for s, _ in spans]
    extra = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        s, e = ent.start_char, ent.end_char
        i = bisect.bisect_left(starts, e)
        if i > 0 and spans[i - 1][1] > s:
            continue  # overlaps a regex span
        words = {w.lower().strip(".,") for w in ent.text.split()}
        if words & ex.hint_words and not weekday_in_name(text, s, e):
            if count := _TRAILING_COUNT.search(text, s, e):
                e = count.start()  # "the start of the year 300 died": the count is no part of it
            extra.append((s, e))
    return sorted(spans + extra)


def _future(doc: Doc, start: int, end: int, token_starts: list[int]) -> bool:
    """True when the verb governing the expression is in the future tense ("will meet in May")."""
    i = max(0, bisect.bisect_right(token_starts, start) - 1)
    if i >= len(doc):
        return False
    tok = doc[i]
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head.i == tok.i:  # the root (spaCy makes a new Token per access: `is` never holds)
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.lower_ in _FUTURE_AUX for c in tok.children if c.dep_ == "aux") or (
        tok.tag_ == "VB"
        and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children)
        and tok.head.lemma_ in ("plan", "expect", "intend", "hope", "aim", "schedule")
    )


_YEAR = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)")
_OUTLIER_YEARS = 30
# Only expressions that name a date update the reference time; relative ones ("the previous
# year") look back without moving the narrative there.
_MONTHS = "|".join(re.escape(m) for m in sorted(time_lexicon().months, key=len, reverse=True))
_EXPLICIT = re.compile(r"\d|\b(?:" + _MONTHS + r")(?![a-z])", re.I)


def _typical_year(text: str, spans: list[tuple[int, int]]) -> int | None:
    """The median explicit year of a narrative: the period the text is about."""
    years = sorted(int(y) for s, e in spans for y in _YEAR.findall(text[s:e]))
    return years[len(years) // 2] if years else None


def _outlier(surface: str, typical: int | None) -> bool:
    """A year far from the narrative's period ("a museum opened in 2004" in a history of 1920)
    is an aside; it does not become the reference time of what follows."""
    if typical is None:
        return False
    return any(abs(int(y) - typical) > _OUTLIER_YEARS for y in _YEAR.findall(surface))


_BARE_NUMBER = re.compile(r"^\d{4}$")


def _counts_things(doc: Doc, text: str, span: tuple[int, int], token_starts: list[int]) -> bool:
    """A bare four-digit number that counts ("1500 soldiers", "$2000") is not a year."""
    start, end = span
    if not _BARE_NUMBER.match(text[start:end]):
        return False
    i = bisect.bisect_right(token_starts, start) - 1
    if i < 0 or i >= len(doc) or doc[i].idx != start:
        return False
    return counts_things(doc[i], text)


def _under_limit(doc: Doc, start: int, token_starts: list[int]) -> bool:
    """ "lasted until the fall of Budapest in February 1945": a time inside a phrase that a limit
    signal governs is a bound of something else, not where the story is."""
    i = bisect.bisect_right(token_starts, start) - 1
    if not 0 <= i < len(doc):
        return False
    tok = doc[i]
    for _ in range(5):
        if tok.head.i == tok.i:  # the root (spaCy makes a new Token per access: `is` never holds)
            return False
        if tok.dep_ == "prep" and tok.lower_ in ("until", "till", "since"):
            return True
        if tok.dep_ not in ("pobj", "prep", "compound", "amod", "det", "nummod", "npadvmod"):
            return False
        tok = tok.head
    return False


def _planned(doc: Doc, start: int, token_starts: list[int], plans: dict[str, int]) -> bool:
    """ "the big push planned for 1976", "a planned campaign in 1976", "projected for 1975": a time
    that a plan is set for is not yet where the story is, so it does not move the reference time."""
    i = bisect.bisect_right(token_starts, start) - 1
    if not 0 <= i < len(doc):
        return False
    j = i - 1 if i > 0 and doc[i - 1].dep_ == "det" else i
    if j > 0 and doc[j - 1].pos_ == "ADP":  # "a planned campaign in 1976": the words before "in"
        for k in range(j - 2, max(-1, j - 5), -1):
            if doc[k].is_punct:
                break
            if doc[k].lemma_.lower() in plans:
                return True
    tok = doc[i]
    for _ in range(4):
        if tok.lemma_.lower() in plans or any(c.dep_ == "amod" and c.lemma_.lower() in plans for c in tok.children):
            return True
        if tok.head.i == tok.i or tok.dep_ not in ("pobj", "prep", "compound", "nummod", "npadvmod", "amod"):
            return False
        tok = tok.head
    return tok.lemma_.lower() in plans


def _signal_mod(text: str, start: int, signals: dict[str, str]) -> str | None:
    """The TIMEX3 mod of a signal before the expression: "since" 2020, "more than" two years."""
    before = text[max(0, start - 20) : start].lower().split()
    for n in (3, 2, 1):
        if len(before) >= n and (mod := signals.get(" ".join(before[-n:]))):
            return mod
    return None


# Signals that bound a time from one side: such a time is a limit, not where the story is.
_LIMITS = {"ON_OR_AFTER", "ON_OR_BEFORE", "BEFORE", "AFTER"}
# Signals that bound an amount: only for durations ("over two years", not "over the weekend").
_AMOUNTS = {"MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"}


def _dateparser_fallback(text: str, published: dt.date | None) -> str | None:
    """Explicit absolute dates the rules could not read ("3rd of Dec, 2024"). Slow: use sparingly."""
    if not _DATEPARSER_OK.search(text) or len(text) > 40:
        return None
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["year", "month", "day"], "PREFER_DATES_FROM": "past"}
    if published:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    try:
        got = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises on odd input; a missing value is the honest answer
        return None
    return got.date().isoformat() if got else None


def extract_times(doc: Doc, ex: TimesComponent | None = None) -> list[TimeRef]:
    ex = ex or TimesComponent()
    published = publication_date(doc)
    anchors = Anchors(
        published=published,
        narrative=ex.narrative,
        ref=(published.year, published.month, published.day) if published else None,
    )
    starts = token_starts(doc)
    text = doc_text(doc)
    out: list[TimeRef] = []
    spans = [sp for sp in candidate_spans(doc, ex, text) if not _counts_things(doc, text, sp, starts)]
    typical = _typical_year(text, spans) if ex.narrative else None
    for start, end in spans:
        surface = text[start:end]
        signal = _signal_mod(text, start, ex.lex.signals)
        update = signal not in _LIMITS and not _outlier(surface, typical) and bool(_EXPLICIT.search(surface))
        update = update and not (ex.narrative and _under_limit(doc, start, starts))
        update = update and not _planned(doc, start, starts, ex.lex.plans)
        try:
            value, mod = ex.resolver.resolve(surface, anchors, _future(doc, start, end, starts), update)
        except (ValueError, OverflowError, KeyError, AttributeError, TypeError):
            value, mod = None, None
        if value is None and surface.isdigit() and BC_RANGE_END.match(text, end):
            value = fmt_year(-int(surface))  # "(499-493 BC)": the range's start is BC too
        head = YEAR_RANGE_HEAD.search(text, max(0, start - 5), start) if len(surface) == 2 else None
        if value is None and head and surface.isdigit():
            first = int(head.group(1))  # "1995-96" is 1996; "1998-01" is 2001
            year = first // 100 * 100 + int(surface)
            value = fmt_year(year + 100 if year < first else year)
        if value is None and re.search(r"\d{4}", surface):
            value = _dateparser_fallback(surface, published)
        if signal in _AMOUNTS and not (value or "").startswith("P"):
            signal = None
        mod = mod or signal
        out.append(TimeRef(id=f"t{len(out) + 1}", start=start, end=end, text=surface, value=value, mod=mod))
    share_years(text, out)
    clocks_on_days(text, out)
    return coordinated_days(doc, text, out)
