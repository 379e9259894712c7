"""PrefixFilter.finditer yields exactly what the pattern's own finditer yields, sooner."""

from __future__ import annotations

import re

import pytest

from newsledger.components.common.prefilter import PrefixFilter
from newsledger.components.figures.detect import _fraction_finder, _number_finder
from newsledger.components.figures.lexicon import figure_lexicon
from newsledger.components.times.detect import _LEAD, time_finder, time_regex

TEXTS = [
    "On Tuesday, Dec. 3, 2024, officials said 1,100 soldiers had been killed since early last month.",
    "The 1953 armistice ended fighting; in the spring of 1954 about two-thirds of the troops left.",
    "Late on Friday night some 40-50 people, several hundred by other counts, gathered at 3 p.m.",
    "'90s music, the 1990s, mid-2020, Q3 2023, the 19th century, 300 BC and AD 79 all appear here.",
    "She paid $4.5 billion (€4.1bn) — up 12% — for a 49% stake, one in five shares, on 2024-05-01.",
    "Twenty-one days ago, a few weeks later, each year, every month; four and a half years earlier.",
    "Half the voters, a third of them, one in five adults and 1/16 of the vote: three in 2019.",
    # case folding as the engine does it: long s, Kelvin sign, dotted capital I, other digits
    "\u017feptember 3, ſunday, \u212aABUL on Monday, İn May, ٢٠٢٠ and ١٢ days, Ｍarch 5",
    "no\u00a0breaking\u2009spaces: 12\u00a0March 2020, Monday\u2003morning, five\u202fmillion",
    "",
    "x",
    "the",
]


@pytest.mark.parametrize("text", TEXTS)
def test_time_regex_matches_are_unchanged(text):
    assert [m.span() for m in time_finder().finditer(text)] == [m.span() for m in time_regex().finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("which", ["number", "fraction"])
def test_figure_regex_matches_are_unchanged(text, which):
    rx = getattr(figure_lexicon(), f"re_{which}")
    finder = _number_finder(rx) if which == "number" else _fraction_finder(rx)
    got = [(m.span(), m.groupdict()) for m in finder.finditer(text)]
    assert got == [(m.span(), m.groupdict()) for m in rx.finditer(text)]


def test_case_blind_patterns_find_what_the_engine_folds():
    rx = re.compile(r"(?<!\w)(?:sept(?:ember)?|kelvin|istanbul)\b", re.IGNORECASE)
    f = PrefixFilter(rx, r"(?<!\w)")
    text = "ſEPT, \u212aelvin, İstanbul, ıstanbul, Istanbul, septet, September"
    spans = [m.span() for m in rx.finditer(text)]
    assert len(spans) >= 5 and [m.span() for m in f.finditer(text)] == spans


def test_the_filter_skips_positions_and_stays_exact_on_overlaps():
    rx = re.compile(r"(?<![\w])(?:ab|abc\d+|b\d)", re.IGNORECASE)
    f = PrefixFilter(rx, r"(?<![\w])", depth=3)
    assert f.scan is not None
    text = "abc12 ab b7 xab AB3 abc ABC9"
    assert [m.span() for m in f.finditer(text)] == [m.span() for m in rx.finditer(text)]


def test_a_case_sensitive_pattern_and_lead_keep_their_case():
    rx = re.compile(r"(?<![a-z])(?:ABC|Def)\d")
    f = PrefixFilter(rx, r"(?<![a-z])")
    text = "ABC1 abc1 Def2 DEF3 xABC1 XABC1 xDef4"
    assert [m.span() for m in f.finditer(text)] == [m.span() for m in rx.finditer(text)] == [(0, 4), (10, 14), (27, 31)]


def test_a_pattern_that_may_begin_anywhere_is_run_as_it_is():
    rx = re.compile(r"\w+|(?:the)?\s")
    f = PrefixFilter(rx, "")
    assert f.scan is None
    assert [m.span() for m in f.finditer("a b  c")] == [m.span() for m in rx.finditer("a b  c")]


def test_the_lead_must_begin_the_pattern():
    with pytest.raises(ValueError, match="lead"):
        PrefixFilter(re.compile(r"abc"), r"(?<!\w)")
    with pytest.raises(ValueError, match="zero-width"):
        PrefixFilter(re.compile(r"abc"), r"a")
    with pytest.raises(ValueError, match="lead"):  # the lead of one branch only
        PrefixFilter(re.compile(r"(?<!\w)ab|cd"), r"(?<!\w)")
    assert time_regex().pattern.startswith(_LEAD)


def test_the_scan_regex_is_cached_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_HOME", str(tmp_path))
    rx = re.compile(r"(?<!\w)(?:jan(?:uary)?|feb(?:ruary)?)\s+\d{1,2}", re.IGNORECASE)
    made = PrefixFilter(rx, r"(?<!\w)", name="test-prefixes")
    [cached] = (tmp_path / "cache").glob("test-prefixes-*.txt")
    again = PrefixFilter(rx, r"(?<!\w)", name="test-prefixes")
    assert made.scan is not None and again.scan is not None and made.scan.pattern == again.scan.pattern
    assert cached.read_text(encoding="utf-8").strip() in made.scan.pattern
    text = "January 5 and feb 12, Janus 3"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in rx.finditer(text)] == [(0, 9), (14, 20)]
