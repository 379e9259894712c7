"""newsledger_figures: counts and measures -> doc._.figures (list[Figure]).

Reads: doc.text, tokens/parse/entities, doc._.times (dates are not figures; None -> spaCy
DATE/TIME entities stand in), doc._.actors (None -> []). Writes: doc._.figures.

Numbers come from one regex pass (figures/detect: value, range, bound, unit); the parse then
decides what is not a figure (years, dates, ordinals, numbers in names, pronoun "one"), finds the
counted noun ("ballistic missiles") and the actor it belongs to.

Conventions: a range fills low/high and leaves value None; vague quantities are ranges with
approx true and bound "~" ("several hundred" = 200..900, "hundreds" = 100..1000, "dozens" =
12..120); a measure with a unit has no counted noun ("240 millimeter rocket launchers" -> 240 mm,
"517 rushing yards" -> 517 yd); "one of the best speakers" counts 1 (one of a ranked set).
Whether a figure is a change ("rose 8%") or the level reached ("to $45"): figures/trend.
"""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...records import Figure
from .. import EXTENSIONS  # noqa: F401  (registers the Doc extensions)
from ..common.boilerplate import boilerplate_sentences
from ..common.doc_cache import doc_text
from ..common.number_words import as_number
from ..common.spans import actor_at
from ..common.years import YEARS, counts_things
from .bounds import governed_bound, multiplier
from .conversions import TokenIndex, share_bounds_with_conversions
from .detect import RawFigure, read_numbers
from .lexicon import FigureLexicon, figure_lexicon
from .trend import figure_change, figure_trend  # noqa: F401  (public API)

# Entity labels whose numbers are part of a name ("Boeing 737", "Group of Seven").
_NAME_LABELS = {"PRODUCT", "ORG", "FAC", "LAW", "WORK_OF_ART", "EVENT", "PERSON", "GPE", "LOC"}
# Entities whose words are not part of the counted noun ("North Korean soldiers" -> soldiers).
_ENTITY_MODIFIERS = {"NORP", "GPE", "ORG", "PERSON", "LOC", "FAC"}
_MODIFIER_DEPS = {"amod", "compound", "nmod"}
_OBJECT_DEPS = {"dobj", "attr", "oprd", "appos", "npadvmod"}


@Language.factory(
    "newsledger_figures", requires=["doc.ents", "token.dep", "doc._.actors", "doc._.times"], assigns=["doc._.figures"]
)
def make_figures(nlp: Language, name: str):
    return FiguresComponent()


class FiguresComponent:
    def __init__(self):
        self.lex: FigureLexicon = figure_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = extract_figures(doc, self.lex)
        return doc


def _date_spans(doc: Doc) -> list[tuple[int, int]]:
    """Spans whose numbers are dates or clock times, not quantities (durations stay figures)."""
    if doc._.times is not None:
        return [
            (t.start, t.end)
            for t in doc._.times
            if (t.value and not t.value.startswith("P"))
            or (t.value is None and not any(w.lower().rstrip("s") in _DURATION_WORDS for w in t.text.split()))
        ]
    return [
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ in ("DATE", "TIME") and not any(t.lower_.rstrip("s") in _DURATION_WORDS for t in e)
    ]


_HYPHEN_UNIT = re.compile(r"-(?:second|minute|hour|day|week|month|year|decade|century)\b(?!-old)", re.IGNORECASE)
_TIME_UNITS = {"s", "min", "h", "day", "week", "month", "year", "decade", "century"}
_DURATION_WORDS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "centurie", "century"}


def _overlaps(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    i = bisect.bisect_left(starts, e)
    return i > 0 and any(spans[j][1] > s for j in range(max(0, i - 3), i))


def _is_year(raw: RawFigure, last: Token | None, text: str) -> bool:
    if raw.kind != "digits" or raw.explicit or raw.value is None or "," in raw.digits or "." in raw.digits:
        return False
    if not (len(raw.digits) == 4 and raw.value in YEARS):
        return False
    # "1500 soldiers" counts soldiers; "the 1953 armistice" is a year
    return last is None or not counts_things(last, text)


def _counted(doc: Doc, raw: RawFigure, last: Token) -> tuple[Token | None, int | None]:
    """The head noun of the numeral and where its noun phrase starts (compound/amod modifiers)."""
    head = None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "of" and (raw.kind in ("vague", "fraction") or _one_of_ranked(doc, last)):
        objs = [c for c in nxt.children if c.dep_ == "pobj"]
        head = objs[0] if objs else None
    elif (
        last.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod")
        and last.head.i > last.i
        and (last.head.pos_ == "NOUN" or last.head.tag_ == "NNPS")
    ):
        head = last.head
    elif (
        raw.kind in ("digits", "vague")
        and nxt is not None
        and nxt.pos_ == "NOUN"
        and nxt.tag_ == "NNS"
        and nxt.head.i >= nxt.i
    ):
        head = nxt  # parser missed the nummod: "1,100 soldiers have been killed"
    # a name is not what is counted ("3 Google Pixels"), but a people is ("1,307,000 Americans")
    # and so is a common noun the tagger wrongly put in an entity ("two mosques" as FAC)
    if (
        head is None
        or head.like_num
        or (head.ent_type_ in _ENTITY_MODIFIERS and head.pos_ == "PROPN" and head.ent_type_ != "NORP")
    ):
        return None, None
    first = head.i
    for i in range(head.i - 1, last.i, -1):
        tok = doc[i]
        if tok.ent_type_ in _ENTITY_MODIFIERS or tok.like_num:
            break
        if (
            tok.dep_ in _MODIFIER_DEPS
            or tok.text == "-"
            or (tok.head.i > tok.i and tok.head.i <= head.i and tok.dep_ in ("punct", "compound"))
        ):
            first = i
        else:
            break
    return head, doc[first].idx


def _phrase_actor(doc: Doc, tok: Token):
    """An actor named by a noun phrase: its possessor ("North Korea's losses"), then itself."""
    for child in tok.children:
        if child.dep_ == "poss":
            a = actor_at(doc, child.left_edge.idx, child.idx + len(child))
            if a:
                return a
    return actor_at(doc, tok.left_edge.idx, tok.idx + len(tok))


def _actor(doc: Doc, raw: RawFigure, last: Token, head: Token | None) -> str | None:
    if not doc._.actors:
        return None
    if head is not None:
        a = actor_at(doc, last.idx + len(last), head.idx)  # "1,100 North Korean soldiers"
        if a:
            return a.id
        for child in head.children:
            if child.dep_ == "poss":
                a = actor_at(doc, child.left_edge.idx, child.idx + len(child))
                if a:
                    return a.id
    tok = head if head is not None else last
    if tok.dep_ in _OBJECT_DEPS and tok.head.pos_ in ("VERB", "AUX"):
        verb = tok.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and verb.dep_ in ("xcomp", "ccomp"):
            subjects = [c for c in verb.head.children if c.dep_ in ("dobj", "nsubj")]
        for subj in subjects:
            a = _phrase_actor(doc, subj)
            if a:
                return a.id
    return None


def _is_name_part(doc: Doc, raw: RawFigure, first: Token, last: Token, lex: FigureLexicon) -> bool:
    """ "iPhone 11 Pro", "S&P 500", "category 4", "575 Wilbraham Road": a number in a name."""
    if raw.explicit or raw.kind != "digits":
        return False
    prev = doc[first.i - 1] if first.i > 0 else None
    if prev is not None and prev.idx + len(prev) == first.idx - 1:
        if prev.lower_ in lex.label_nouns:
            return True
        if first.text[:1] in "-–" and len(prev.text) > 1 and prev.text.isupper():
            return True  # "COVID -19", "MH -17": a code with a stray space, not a negative number
        if (
            not prev.is_sent_start
            and (any(c.isupper() for c in prev.text) or prev.text[-1:].isdigit())
            and prev.pos_ in ("PROPN", "NOUN", "X")
            and prev.ent_type_ != "NORP"
        ):
            return True
    if _counted_twice(doc, first, last):
        return True
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (
        nxt is not None
        and "." not in raw.digits
        and nxt.tag_ == "NNP"
        and nxt.text.istitle()
        and (last.head.i == nxt.i or (last.head.i > last.i and last.head.tag_ == "NNP"))
    )


def _counted_twice(doc: Doc, first: Token, last: Token) -> bool:
    """ "two new 737 Max jets", "three 747 freighters": a noun is counted once; when a numeral before this
    number already counts its noun, this number names a model or designation."""
    head = last.head
    if last.dep_ != "nummod" or head.i <= last.i:
        return False
    return any(c.i < first.i and c.dep_ == "nummod" and c.tag_ == "CD" for c in head.children)


def _is_address(doc: Doc, raw: RawFigure, last: Token, lex: FigureLexicon) -> bool:
    """ "49 Zorro Ranch Road", "9 E 71st St", "22 Ave Foch", "16-18 Industrial Avenue": a house
    number (or a run of them) before a street name."""
    numbers = raw.value is None and raw.low is not None and raw.unit is None and raw.bound == "="
    if (raw.explicit and not numbers) or raw.kind != "digits" or "." in raw.digits or "," in raw.digits:
        return False
    for tok in doc[last.i + 1 : last.i + 5]:
        if not (tok.text[:1].isupper() or tok.text[:1].isdigit()) or tok.is_punct:
            return False
        if tok.lower_.rstrip(".") in lex.street_words and tok.text[:1].isupper():
            return True
    return False


def _is_age(doc: Doc, first: Token, last: Token) -> bool:
    """ "Senard, 65, now faces ...": an age in apposition to a person's name."""
    if first.i < 2 or last.i + 1 >= len(doc):
        return False
    return (
        doc[first.i - 1].text == ","
        and (doc[first.i - 2].ent_type_ == "PERSON" or doc[first.i - 2].tag_ == "NNP")
        and doc[last.i + 1].text in (",", ")")
        and first.i == last.i
    )


_POSSESSIVE_DETS = {"the", "its", "his", "her", "their", "our", "my", "your"}


def _one_of_ranked(doc: Doc, last: Token) -> bool:
    """ "one of the best speakers", "one of its largest plants": one member of a ranked set, a count
    of 1 (NewsQuant counts it); "one of the officers" is a pronoun and stays out."""
    if last.lower_ != "one" or last.i + 3 >= len(doc):
        return False
    of, det, adj = doc[last.i + 1], doc[last.i + 2], doc[last.i + 3]
    if not (of.lower_ == "of" and det.lower_ in _POSSESSIVE_DETS and adj.tag_ in ("JJS", "RBS")):
        return False
    return any(c.dep_ == "pobj" and c.pos_ == "NOUN" for c in of.children)  # not "one of the most popular"


def _keep_words(raw: RawFigure, last: Token, doc: Doc) -> bool:
    """Spelled-out numbers are figures when they count something ("two sides", "three thousand")."""
    if raw.explicit or (raw.value or 0) >= 100 or _one_of_ranked(doc, last):
        return True
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("of", "another", "or"):
        return False
    return (
        last.dep_ in ("nummod", "compound", "quantmod") and last.head.i > last.i and last.head.pos_ in ("NOUN", "PROPN")
    )


def extract_figures(doc: Doc, lex: FigureLexicon | None = None) -> list[Figure]:
    lex = lex or figure_lexicon()
    text = doc_text(doc)
    index = TokenIndex(doc)
    dates = sorted(_date_spans(doc))
    date_starts = [s for s, _ in dates]
    skipped = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in boilerplate_sentences(doc)]
    out: list[Figure] = []
    for raw in read_numbers(text, lex):
        if any(lo <= raw.num_start < hi for lo, hi in skipped):
            continue
        if _overlaps(dates, date_starts, raw.num_start, raw.num_end) and not (
            (raw.unit and raw.unit not in _TIME_UNITS) or raw.kind == "vague" or raw.bound != "="
        ):
            continue
        first_tok = index.at(raw.num_start)
        last = index.at(max(raw.num_start, raw.num_end - 1))
        if last is None or first_tok is None:
            continue
        if first_tok.ent_type_ in _NAME_LABELS and not raw.explicit:
            continue
        if (
            _is_year(raw, last, text)
            or _is_name_part(doc, raw, first_tok, last, lex)
            or _is_age(doc, first_tok, last)
            or _is_address(doc, raw, last, lex)
        ):
            continue
        if raw.kind == "words" and not _keep_words(raw, last, doc):
            continue
        if raw.unit in _TIME_UNITS and _HYPHEN_UNIT.match(text, raw.num_end):
            continue  # "a five-year plan", "a two-month delay": a modifier, not a quantity
        head, phrase_start = (None, None) if raw.unit else _counted(doc, raw, last)
        end = raw.end
        counted, unit = None, raw.unit
        if head is not None and head.idx >= raw.end:
            end = head.idx + len(head)
            if head.lower_ in lex.units:
                unit = lex.units[head.lower_]  # "517 rushing yards", "5 million US dollars": a measure
            else:
                counted = text[phrase_start:end].lstrip("-–— ") or None
        bound, approx = raw.bound, raw.approx
        if bound == "=" and raw.kind != "vague" and (told := governed_bound(doc, last, head, lex, raw.value)):
            bound, approx = told, approx or told == "~"  # "has already exceeded 500"
        out.append(
            Figure(
                id=f"f{len(out) + 1}",
                start=raw.start,
                end=end,
                text=text[raw.start : end],
                value=as_number(raw.value),
                low=as_number(raw.low),
                high=as_number(raw.high),
                approx=approx,
                bound=bound,
                unit=unit,
                counted=counted,
                actor=_actor(doc, raw, last, head),
            )
        )
    out = _with_multipliers(doc, text, out, lex)
    share_bounds_with_conversions(text, out)
    return out


def _with_multipliers(doc: Doc, text: str, out: list[Figure], lex: FigureLexicon) -> list[Figure]:
    """Adds a factor figure for each verb of multiplying ("more than doubled" = > 2, unit "x")."""
    extra = []
    for tok in doc:
        factor = multiplier(tok, lex)
        if factor is None:
            continue
        start, bound = tok.idx, "="
        cue = lex.re_cue_before.search(text, max(0, tok.idx - 30), tok.idx)
        if cue:
            start, bound = cue.start("cue"), lex.cues_before[" ".join(cue.group("cue").lower().split())]
        end = tok.idx + len(tok)
        extra.append(
            Figure(
                id="",
                start=start,
                end=end,
                text=text[start:end],
                value=as_number(factor),
                bound=bound,
                approx=bound == "~",
                unit="x",
            )
        )
    if not extra:
        return out
    merged = sorted(out + extra, key=lambda f: f.start)
    for n, f in enumerate(merged, 1):
        f.id = f"f{n}"
    return merged
