"""Finding numbers in text and reading their value, range, bound and unit (no parse needed).

The counted noun, the actor and the filtering of dates and names need the parse: see figures.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..common.number_words import number_words, parse_number
from ..common.prefilter import PrefixFilter
from ..common.years import YEARS
from .lexicon import FigureLexicon, figure_lexicon

_RANGE_DASH = re.compile(r"^\s*(?:-|–|—|to)\s*$")
_RANGE_AND = re.compile(r"^\s*(?:and|-|–|to)\s*$")
# Units too short to stand apart from the number: only read when glued to it ("180p", "10W").
# ("45g" is grams, but "5G" is a network generation: case matters)
_GLUED_UNITS = {"p": "GBX", "W": "W", "V": "V", "A": "A", "kW": "kW", "MW": "MW", "GW": "GW", "g": "g"}
_GLUED_UNIT = re.compile(r"(kW|MW|GW|p|W|V|A|g)(?!\w|\.\w)")  # "45g." ends a sentence, "10p.m." is a time
_HALF_A = re.compile(r"(?<![\w-])half\s+$", re.IGNORECASE)  # before "a dozen", "a million"
_BY = re.compile(r"\bby\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"(?:^|\s)(between|from)\s+$", re.IGNORECASE)
_HALF_OF_TIME = re.compile(r"\b(?:first|second|latter|other|back|front|the)\s+$", re.IGNORECASE)
# "U.S."/"US" after a dollar amount says which dollar ("$75 U.S. per barrel"); part of the amount
_US_AFTER = re.compile(r"\s+(?:U\.S\.|US)(?!\w)")
# What may stand between the two ends of "from X ... to Y": a few words, no sentence end.
_FROM_TO_GAP = re.compile(r"^(?:(?![.;!?]\s)[^()\[\]]){0,40}?\bto\s*$", re.IGNORECASE)


@dataclass
class RawFigure:
    start: int  # span start (cue or currency sign included)
    end: int  # span end (unit included)
    num_start: int  # the number itself
    num_end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    bound: str = "="
    approx: bool = False
    kind: str = "digits"  # digits | words | vague | fraction
    explicit: bool = False  # a currency, unit, scale or cue says it is a quantity
    digits: str = ""  # the digits as written (to tell years from counts)
    scale: float = 1.0  # the multiplier of a scale word ("million") or abbreviation


def _scale_value(word: str) -> float:
    return number_words()[word.lower()][0]


def _trailing_scale(words: str) -> float:
    """The multiplier of the scale words that end a number in words, which a bare number before
    it in a range shares: "four hundred" 100 ("three to four hundred" is 300..400), "two hundred
    thousand" 100,000; 1 when the number ends in a count ("one hundred and five")."""
    table = number_words()
    scale = 1.0
    for part in reversed(re.split(r"[\s\-]+", words.lower().strip())):
        entry = table.get(part)
        if entry is None or entry[1] not in ("scale", "dozen"):
            break
        scale *= entry[0]
    return scale


@lru_cache(maxsize=4)
def _number_finder(pattern: re.Pattern[str]) -> PrefixFilter:
    """The number regex tried only where a number, sign or number word can begin (same matches)."""
    return PrefixFilter(pattern, "", depth=4, name="figure-number-prefixes")


def read_numbers(text: str, lex: FigureLexicon | None = None) -> list[RawFigure]:
    """Numbers in `text` with value, range, bound, approximation and unit, left to right."""
    lex = lex or figure_lexicon()
    out: list[RawFigure] = []
    for m in _number_finder(lex.re_number).finditer(text):
        raw = _read_one(text, m, lex)
        if raw is not None:
            out.append(raw)
    for whole in (_read_fractions(text, lex), _read_scientific(text, lex)):
        if whole:
            # "two-thirds", "one in five", "1.99×10⁻³⁰": one number replaces the numbers it is made of
            out = [r for r in out if not any(f.num_start < r.num_end and r.num_start < f.num_end for f in whole)]
            out = sorted(out + whole, key=lambda r: r.start)
    return _merge_ranges(text, out)


# the exponent after "^", in superscripts, or negative (a superscript flattened: "10−30"), so that
# "a 5 x 100 m relay" stays two numbers
_SCIENTIFIC = re.compile(
    r"(?<![\w.])(?P<m>\d+(?:\.\d+)?)\s?[×x*]\s?10\s?"
    r"(?:(?:\^|\*\*)(?P<e>[−\-]?\d{1,3})|(?P<e2>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|(?P<e3>[−\-]\d{1,3}))"
    r"(?!\w|\.\d)"
)
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")


def _read_scientific(text: str, lex: FigureLexicon) -> list[RawFigure]:
    """Scientific notation: "1.99×10−30 kilograms", "6.02 x 10^23", "3×10⁸ m/s"."""
    out = []
    for m in _SCIENTIFIC.finditer(text):
        exponent = int((m.group("e") or m.group("e2") or m.group("e3")).translate(_SUPERSCRIPTS))
        value = float(f"{m.group('m')}e{exponent}")
        raw = RawFigure(
            start=m.start(),
            end=m.end(),
            num_start=m.start(),
            num_end=m.end(),
            value=value,
            explicit=True,
            digits=m.group("m"),
        )
        um = lex.re_unit.match(text, m.end())
        if um:
            word = " ".join(um.group("unit").lower().split())
            raw.unit = lex.cased_units.get(um.group("unit")) or lex.units.get(word)
            raw.end = um.end() if raw.unit else raw.end
        out.append(_attach_cue(text, raw, lex))
    return out


def _count(word: str) -> float | None:
    return 1.0 if word.lower() in ("a", "an") else parse_number(word)


@lru_cache(maxsize=4)
def _fraction_finder(pattern: re.Pattern[str]) -> PrefixFilter:
    return PrefixFilter(pattern, "", depth=4)  # quick to read: no file cache needed


def _read_fractions(text: str, lex: FigureLexicon) -> list[RawFigure]:
    """Shares of a whole: "two-thirds of" = 0.667, "half the" = 0.5, "one in five" = 0.2."""
    out = []
    for m in _fraction_finder(lex.re_fraction).finditer(text):
        g = m.groupdict()
        num: float | None
        den: float | None
        if g["den"]:
            num, den = _count(g["num"]), lex.fractions[g["den"].lower()]
        elif g["half"]:
            if _HALF_OF_TIME.search(text, max(0, m.start() - 12), m.start()):
                continue  # "the first half of the year": a period, not a share
            num, den = 1.0, 2.0
        elif g["sn"]:
            num, den = float(g["sn"]), float(g["sd"])
        else:
            num, den = _count(g["on"]), _count(g["od"])
            if g["od"].isdigit() and len(g["od"]) == 4:
                continue  # "three in 2019": a year, not a share
        if not num or not den or num > den:
            continue
        raw = RawFigure(
            start=m.start(),
            end=m.end(),
            num_start=m.start(),
            num_end=m.end(),
            value=num / den,
            kind="fraction",
            explicit=True,
        )
        out.append(_attach_cue(text, raw, lex))
    return out


def _attach_cue(text: str, raw: RawFigure, lex: FigureLexicon) -> RawFigure:
    """A bound or approximation word before ("at least", "nearly") or after ("or more") the number."""
    cue = lex.re_cue_before.search(text, max(0, raw.start - 30), raw.start)
    if cue:
        raw.bound = lex.cues_before[" ".join(cue.group("cue").lower().split())]
        raw.start = cue.start("cue")
        raw.explicit = True
    else:
        after = lex.re_cue_after.match(text[raw.end : raw.end + 20])
        if after:
            raw.bound = lex.cues_after[" ".join(after.group("cue").lower().split())]
            raw.end = raw.end + after.end("cue")
            raw.explicit = True
    if raw.bound == "~":
        raw.approx = True
    return raw


def _read_one(text: str, m: re.Match, lex: FigureLexicon) -> RawFigure | None:
    g = m.groupdict()
    start, end = m.span()
    raw = RawFigure(start=start, end=end, num_start=start, num_end=end)
    unit = None
    if g["cur"]:
        unit = lex.currencies.get(" ".join(g["cur"].lower().split())) or lex.currencies.get(g["cur"].strip().lower())
        raw.num_start = m.start("sign") if g["sign"] else m.start("digits") if g["digits"] else start
        raw.explicit = True
        if g["cur"].strip().upper() == "PS" and not (g["scale"] or g["abbr"] or re.search(r"[.,]", g["digits"] or "")):
            return None  # "PS5", "PS 4": a name, not an ASCII-folded pound amount
    if g["digits"]:
        ds = m.start("sign") if g["sign"] else m.start("digits")
        before = text[ds - 2 : ds] if ds > 1 else " " + text[:ds]
        if (
            not g["cur"]
            and ds > 0
            and (
                before[-1].isalnum()
                or before[-1] == "_"
                or (before[-1] in ".,:/" and before[0].isdigit())
                or (
                    before[-1] == "-"
                    and before[0].isalpha()
                    and not lex.re_cue_before.search(text, max(0, ds - 30), ds)
                    and _word_before(text, ds - 1).lower() not in lex.hyphen_prefixes
                )
            )
        ):
            return None  # part of a word or code: "F-16", "COVID19", "v2.0", "3/4" (but "sub-7")
        raw.digits = g["digits"]
        value = float(g["digits"].replace(",", ""))
        if g["sign"] and g["sign"].strip()[0] in "-−m":
            value = -value
        if g["scale"]:
            for word in re.findall(r"[a-z]+", g["scale"].lower()):
                raw.scale *= _scale_value(word)
            value *= raw.scale
            raw.explicit = True
        elif g["abbr"]:
            abbr = g["abbr"].lower()
            if abbr in ("m", "b") and not g["cur"] and g["abbr"] != "M":
                # "5m" without a currency is five metres; glue the abbreviation back as a unit
                if abbr == "b":
                    return None
                end = m.start("abbr")
            else:
                raw.scale = _scale_value(abbr)
                value *= raw.scale
                raw.explicit = True
        raw.value = value
    elif g["vague"]:
        phrase = " ".join(g["vague"].lower().split())
        raw.kind = "vague"
        raw.approx, raw.bound, raw.explicit = True, "~", True
        if phrase in lex.plurals:
            raw.low, raw.high = lex.plurals[phrase]
        else:
            # "several hundred thousand": the quantifier, then scale words that multiply
            q = max((q for q in lex.quantifiers if phrase.startswith(q + " ")), key=len)
            lo, hi = lex.quantifiers[q]
            scale = _trailing_scale(phrase[len(q) :])
            raw.low, raw.high = lo * scale, hi * scale
    else:
        raw.kind = "words"
        raw.value = parse_number(g["words"])
        if raw.value is None:
            return None
        raw.scale = _trailing_scale(g["words"])
        half = _HALF_A.search(text, max(0, start - 8), start)
        if half and g["words"][:2].lower() in ("a ", "an"):
            raw.value /= 2  # "half a dozen" is six, "half a million" 500,000
            raw.start = raw.num_start = half.start()
    if end < len(text) and (text[end].isalpha() or text[end].isdigit()):
        um = lex.re_unit.match(text, end)
        glued = _GLUED_UNIT.match(text, end)
        if glued and raw.kind == "digits" and not (um and um.start("unit") == end):
            unit = _GLUED_UNITS[glued.group(1)]
            end = glued.end()
            raw.explicit = True
        elif not um or um.start("unit") != end:
            return None  # "1st", "10pm", "3D": letters glued to a number that are no unit
    um = None if unit and end > raw.num_end and not g["cur"] else lex.re_unit.match(text, end)
    if um and not (um.group("unit") == "m" and (g["cur"] or raw.kind != "digits")):
        word = " ".join(um.group("unit").lower().split())
        unit = lex.cased_units.get(um.group("unit")) or lex.units.get(word, lex.units.get(word.lstrip("-"), unit))
        if word in ("pounds", "pound") and (g["scale"] or g["abbr"]):
            unit = "GBP"
        end = um.end()
        raw.explicit = True
    if unit == "USD" and g["cur"] and (us := _US_AFTER.match(text, end)):
        end = us.end()  # "$75 U.S. per barrel", "$76 US a barrel": the country names the dollar
    if unit:
        per = lex.re_per.match(text, end)
        if per:
            word = " ".join(per.group("per").lower().split())
            other = lex.units.get(word) or lex.per_nouns.get(word)
            if other and other != unit:
                unit = f"{unit}/{other}"
                end = per.end()
    raw.unit = unit
    raw.end = end
    return _attach_cue(text, raw, lex)


def _word_before(text: str, end: int) -> str:
    """The letters that end at `end` ("then" in "the then-25")."""
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end]


def _year_like(r: RawFigure) -> bool:
    return r.kind == "digits" and not r.unit and len(r.digits) == 4 and (r.value or 0) in YEARS


def _from_to_end(text: str, raws: list[RawFigure], i: int) -> int | None:
    """ "from 208 pounds to 193", "from 20 mpg in 2008 to 29 mpg": the index of the second end.

    The two ends of a change are read as one range (low <= high whatever the direction), as
    NewsQuant does; a year between them ("in 2008") is skipped, its own filter drops it.
    """
    a = raws[i]
    if a.value is None or a.kind not in ("digits", "words") or _year_like(a):
        return None
    intro = _BETWEEN.search(text, max(0, a.start - 12), a.start)
    if not intro or intro.group(1).lower() != "from":
        return None
    for j in (i + 1, i + 2):
        if j >= len(raws):
            return None
        b = raws[j]
        if j == i + 2 and not _year_like(raws[i + 1]):
            return None
        if b.value is None or _year_like(b) or b.kind not in ("digits", "words"):
            continue
        base_a, base_b = (a.unit or "").split("/")[0], (b.unit or "").split("/")[0]
        if base_a and base_b and base_a != base_b:
            return None
        if a.value == b.value or not _FROM_TO_GAP.match(text[a.end : b.start]):
            return None
        # a bare first number only takes the second one's unit when they are adjacent
        return j
    return None


def _merge_ranges(text: str, raws: list[RawFigure]) -> list[RawFigure]:
    """ "between 50 and 70", "50-70", "1 to 1.5 degrees" -> one figure with low and high."""
    out: list[RawFigure] = []
    i = 0
    while i < len(raws):
        a = raws[i]
        j = _from_to_end(text, raws, i)
        # (_from_to_end only gives an end when both values are known)
        if j is not None and a.value is not None and (end_value := raws[j].value) is not None:
            last = raws[j]
            start_value = a.value
            if last.scale > 1 and a.scale == 1 and end_value / 10 <= a.value * last.scale <= end_value * 10:
                start_value *= last.scale  # "from 9 to 7 million" (either way), not "from $200 to $4 million"
            out.append(
                RawFigure(
                    start=a.start,
                    end=last.end,
                    num_start=a.num_start,
                    num_end=last.num_end,
                    value=None,
                    low=min(start_value, end_value),
                    high=max(start_value, end_value),
                    unit=last.unit or a.unit,
                    # a cue after "from" bounds its own end ("from up to 252 miles to 287"), not
                    # the move from one level to the other: the range keeps only a shared bound
                    bound=a.bound if a.bound == last.bound else "=",
                    approx=a.approx and last.approx,
                    kind=a.kind,
                    explicit=True,
                    digits=a.digits,
                )
            )
            i = j + 1
            continue
        b = raws[i + 1] if i + 1 < len(raws) else None
        if b is not None and a.value is not None and b.value is not None and a.kind != "vague":
            between = text[a.end : b.start]
            intro = _BETWEEN.search(text, max(0, a.start - 12), a.start)
            lo, hi = a.value, b.value
            if b.scale > 1 and a.scale == 1 and lo * b.scale <= hi:
                lo *= b.scale  # "3 to 5 million", "$89 to $93 billion": the first shares the scale
            word = intro.group(1).lower() if intro else None
            base_a, base_b = (a.unit or "").split("/")[0], (b.unit or "").split("/")[0]
            same_unit = not base_a or not base_b or base_a == base_b  # "$62 to $68 per share"
            dash = between.strip() in ("-", "–", "—")
            is_range = same_unit and (
                # "50-70", "5 to 7 per cent" (the first takes the second's unit)
                (_RANGE_DASH.match(between) and word != "from" and hi > lo and (dash or not a.unit))
                # "between 50 and 70"; "from $200 to $4 million" (NewsQuant reads it as a range)
                or (word == "between" and _RANGE_AND.match(between) and hi >= lo)
                or (word == "from" and _RANGE_DASH.match(between) and hi > lo)
                or (between.strip() == "or" and hi > lo and a.kind == b.kind)  # "three or four years"
                # "$1 million to $1.25 million", but not a change "increased by $4bn to $419bn"
                or (
                    between.strip() == "to"
                    and a.unit
                    and base_a == base_b
                    and hi > lo
                    and not _BY.search(text, max(0, a.start - 6), a.start)
                )
            )
            if dash and not is_range and hi <= lo and a.kind == b.kind == "digits" and not (a.unit or b.unit):
                i += 2  # "2-0", "89-89": a score, not two figures
                continue
            if is_range:
                merged = RawFigure(
                    start=intro.start(1) if intro and intro.group(1).lower() == "between" else a.start,
                    end=b.end,
                    num_start=a.num_start,
                    num_end=b.num_end,
                    value=None,
                    low=lo,
                    high=hi,
                    unit=b.unit or a.unit,
                    bound=a.bound if a.bound != "=" else b.bound,
                    approx=a.approx or b.approx,
                    kind=a.kind,
                    explicit=True,
                    digits=a.digits,
                )
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out
