"""TIMEX3 values in words: the pages show these, with the value in a tooltip."""

from __future__ import annotations

import pytest

from newsledger.web.humantime import duration, human


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2024-11", "November 2024"),
        ("2024-11-03", "3 November 2024"),
        ("2024", "2024"),
        ("2019-11-19TNI", "the night of 19 November 2019"),
        ("2024-03-01TMO", "the morning of 1 March 2024"),
        ("2024-03-01T14:30", "1 March 2024, 14:30"),
        ("PRESENT_REF", "the present"),
        ("PAST_REF", "the past"),
        ("FUTURE_REF", "the future"),
        ("P10Y", "10 years"),
        ("P1D", "1 day"),
        ("P3M", "3 months"),
        ("PT5M", "5 minutes"),
        ("P1DT2H", "1 day, 2 hours"),
        ("PXY", "several years"),
        ("P2DE", "2 decades"),
        ("2024-Q1", "the first quarter of 2024"),
        ("2023-H2", "the second half of 2023"),
        ("2024-SU", "summer 2024"),
        ("2024-W47", "week 47 of 2024"),
        ("201", "the 2010s"),
        ("19", "the 1900s"),
        ("XXXX-11", "November"),
        ("XXXX", "an unknown year"),
    ],
)
def test_values_in_words(value, words):
    assert human(value) == words


@pytest.mark.parametrize(
    ("value", "mod", "words"),
    [
        ("2024-12", "START", "early December 2024"),
        ("2024", "END", "late 2024"),
        ("P2Y", "MORE_THAN", "more than 2 years"),
        ("2024-12", "UNKNOWN_MOD", "December 2024"),
    ],
)
def test_mods(value, mod, words):
    assert human(value, mod) == words


@pytest.mark.parametrize("value", ["2024-13", "garbage", "P", "PT", "2024-11-03TXYZ-odd"])
def test_unknown_values_are_shown_not_dropped(value):
    out = human(value)
    assert out and (value in out or "2024" in out)


def test_no_value_is_empty():
    assert human(None) == "" and human("") == ""


def test_duration_rejects_non_durations():
    assert duration("2024-11") == "" and duration("P1Q") == ""
