"""Word tables of the figures component (figures/data/*.tsv), loaded once, and the regexes
built from them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...tables import read_rows
from ..common.number_words import number_words
from ..times.lexicon import alternation

DATA = "newsledger.components.figures"  # tables in figures/data/


@dataclass
class FigureLexicon:
    cues_before: dict[str, str] = field(default_factory=dict)  # "at least" -> ">="
    cues_after: dict[str, str] = field(default_factory=dict)  # "or more" -> ">="
    units: dict[str, str] = field(default_factory=dict)  # "millimeter" -> "mm"
    cased_units: dict[str, str] = field(default_factory=dict)  # "Nm" -> "Nm" (where case tells "nm" apart)
    currencies: dict[str, str] = field(default_factory=dict)  # "$" -> "USD"
    quantifiers: dict[str, tuple[float, float]] = field(default_factory=dict)  # "several" -> (2, 9)
    plurals: dict[str, tuple[float, float]] = field(default_factory=dict)  # "hundreds" -> (100, 1000)
    trends: dict[str, str] = field(default_factory=dict)  # "rise" -> "up"
    direction_adverbs: dict[str, str] = field(default_factory=dict)  # "upward" -> "up" ("revised upward by")
    motion_verbs: set[str] = field(default_factory=set)  # "trend" (as in "trending up 0.2%")
    trends_by_only: set[str] = field(default_factory=set)  # "raise": a change only with "by"
    # the re_* patterns are compiled from the tables by figure_lexicon(), once they are all read
    re_number: re.Pattern[str] = field(init=False)
    re_unit: re.Pattern[str] = field(init=False)
    re_cue_before: re.Pattern[str] = field(init=False)
    re_cue_after: re.Pattern[str] = field(init=False)
    re_per: re.Pattern[str] = field(init=False)
    per_nouns: dict[str, str] = field(default_factory=dict)  # "share" -> "share" (after "per")
    label_nouns: set[str] = field(default_factory=set)  # "category" (as in "category 4")
    street_words: set[str] = field(default_factory=set)  # "road" (as in "49 Zorro Ranch Road")
    hyphen_prefixes: set[str] = field(default_factory=set)  # "then" (as in "the then-25-year-old")
    fractions: dict[str, float] = field(default_factory=dict)  # "thirds" -> 3 (the denominator)
    bound_verbs: dict[str, str] = field(default_factory=dict)  # "exceed" -> ">"
    bound_adjectives: dict[str, str] = field(default_factory=dict)  # "shy" -> "<" ("shy of 500")
    bound_adverbs: dict[str, str] = field(default_factory=dict)  # "nearly" -> "<" ("nearly reached")
    bound_prepositions: dict[str, str] = field(default_factory=dict)  # "past" -> ">" ("rose past 400")
    multipliers: dict[str, float] = field(default_factory=dict)  # "double" -> 2
    bound_limits: dict[str, str] = field(default_factory=dict)  # "cap at" -> "<=" ("capped at $3 million")
    bound_negatives: set[str] = field(default_factory=set)  # "fail" ("failed to reach 500")
    re_fraction: re.Pattern[str] = field(init=False)


@lru_cache(maxsize=1)
def figure_lexicon() -> FigureLexicon:
    lex = FigureLexicon()
    for phrase, bound, side in read_rows(DATA, "cues.tsv"):
        (lex.cues_after if side == "after" else lex.cues_before)[phrase] = bound
    rows = read_rows(DATA, "units.tsv")
    lex.cased_units = {s: c for s, c in rows if s != s.lower()}
    lex.units = {s: c for s, c in rows if s == s.lower()}
    lex.currencies = {s: c for s, c in read_rows(DATA, "currency_symbols.tsv")}
    for kind, word, low, high in read_rows(DATA, "vague.tsv"):
        (lex.quantifiers if kind == "quantifier" else lex.plurals)[word] = (float(low), float(high))
    for word, direction, *trend_kind in read_rows(DATA, "trend.tsv"):
        (lex.direction_adverbs if trend_kind == ["adverb"] else lex.trends)[word] = direction
        if trend_kind == ["by"]:
            lex.trends_by_only.add(word)
    lex.motion_verbs = {row[0] for row in read_rows(DATA, "motion_verbs.tsv")}
    lex.per_nouns = {w: n for w, n in read_rows(DATA, "per_nouns.tsv")}
    lex.label_nouns = {row[0] for row in read_rows(DATA, "label_nouns.tsv")}
    lex.street_words = {row[0] for row in read_rows(DATA, "street_words.tsv")}
    lex.hyphen_prefixes = {row[0] for row in read_rows(DATA, "hyphen_prefixes.tsv")}

    lex.fractions = {w: float(d) for w, d in read_rows(DATA, "fractions.tsv")}
    tables = {
        "verb": lex.bound_verbs,
        "adjective": lex.bound_adjectives,
        "adverb": lex.bound_adverbs,
        "preposition": lex.bound_prepositions,
    }
    for kind, word, value in read_rows(DATA, "bound_verbs.tsv"):
        if kind == "multiplier":
            lex.multipliers[word] = float(value)
        elif kind == "limit":
            lex.bound_limits[word] = value
        elif kind == "negative":
            lex.bound_negatives.add(word)
        else:
            tables[kind][word] = value

    words = number_words()
    spelled = [w for w, (_, k) in words.items() if k in ("unit", "tens", "scale", "dozen") and w != "zero"]
    scales = [w for w, (_, k) in words.items() if k == "scale"]
    abbrevs = [w for w, (_, k) in words.items() if k == "abbrev"]
    word = rf"(?:{alternation(spelled)})"
    symbols = [c for c in lex.currencies if not c[0].isalpha()]
    codes = [c for c in lex.currencies if c[0].isalpha()]
    # A number: optional currency sign, digits (with an optional scale word or glued
    # abbreviation) or spelled-out number words; vague quantities ("several hundred",
    # "dozens") are matched as well and told apart by their groups.
    lex.re_number = re.compile(
        rf"(?P<cur>(?:{alternation(symbols)})\s?|(?<![A-Za-z])(?:{alternation(c.upper() for c in codes)})\s?)?"
        rf"(?P<sign>(?<![\w])(?:[+\-−]|minus\s*-?\s*)(?=\d))?"
        rf"(?:(?P<digits>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|\.\d+)"
        rf"(?:(?P<scale>(?:\s*-?\s*(?:{alternation(scales)})(?![a-z]))+)|(?P<abbr>(?:{alternation(abbrevs)}))(?![A-Za-z]))?"
        rf"|(?P<vague>(?<![\w])(?:{alternation(lex.quantifiers)})\s+(?:{alternation([*scales, 'dozen'])})"
        rf"(?:\s+(?:{alternation(scales)}))*(?![a-z])"
        rf"|(?<![\w])(?:{alternation(lex.plurals)})(?![a-z]))"
        rf"|(?P<words>(?<![\w-])(?:(?:a|an)\s+(?=(?:{alternation([*scales, 'dozen'])})(?![a-z])))?{word}"
        rf"(?:(?:(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+|\s*-\s*|\s+){word})*(?![a-z])))",
        re.IGNORECASE,
    )
    # A share of a whole, only before "of"/"the" so that ordinals ("the third round") stay out:
    # "two-thirds of", "a quarter of", "half the", "one in five", "1/16 of".
    small = [w for w, (_, k) in words.items() if k in ("unit", "tens")]
    count = rf"(?:\d+|{alternation(small)})"
    lex.re_fraction = re.compile(
        rf"(?<![\w-])(?:(?P<num>a|an|one|{alternation(small)})[\s-]+(?P<den>{alternation(lex.fractions)})"
        rf"|(?P<half>half)|(?P<sn>\d+)\s?[/\u2044]\s?(?P<sd>\d+))(?=\s+(?:of|the)\b)"
        rf"|(?<![\w-])(?P<on>{count})\s+(?:out\s+of|in)\s+(?P<od>{count})(?![\w-])(?!\s*(?:of|in|per)\b)",
        re.IGNORECASE,
    )
    units = sorted(set(lex.units) | set(lex.cased_units), key=len, reverse=True)
    lex.re_unit = re.compile(rf"\s?-?\s?(?P<unit>{alternation(units)})(?![A-Za-z0-9])", re.IGNORECASE)
    # "$3 a share", "$58 per barrel", "100 km/h" is a unit of its own: only units from the table
    # "barrel-a-day" too, but not "$6.78 billion a year earlier": that is a time, not a rate
    lex.re_per = re.compile(
        rf"(?:\s*|-)(?:per|an?|/)(?:\s*|-)(?P<per>{alternation(units + sorted(lex.per_nouns))})"
        rf"(?![A-Za-z0-9])(?!\s+(?:earlier|ago|before|later|previously)\b)",
        re.IGNORECASE,
    )
    lex.re_cue_before = re.compile(
        rf"(?:^|(?<=[\s(\"'“‘]))(?P<cue>{alternation(lex.cues_before)})\s*[\"'“‘]?$", re.IGNORECASE
    )
    lex.re_cue_after = re.compile(rf"^(?:\s*|-)(?P<cue>{alternation(lex.cues_after)})(?![\w])", re.IGNORECASE)
    return lex
