"""The TIMEX3 resolver on its own: expression text + anchors -> (value, mod)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsledger.components.times.resolve import Anchors, Resolver

PUB = dt.date(2024, 12, 23)  # a Monday


@pytest.fixture(scope="module")
def resolver():
    return Resolver()


def news(published=PUB):
    return Anchors(published=published, ref=(published.year, published.month, published.day) if published else None)


@pytest.mark.parametrize(
    "text, value, mod",
    [
        ("earlier this month", "2024-12", "START"),
        ("last month", "2024-11", None),
        ("this month", "2024-12", None),
        ("October", "2024-10", None),
        ("November", "2024-11", None),
        ("next year", "2025", None),
        ("last year", "2023", None),
        ("this summer", "2024-SU", None),
        ("last week", "2024-W51", None),
        ("the past week", "P1W", None),
        ("the past two weeks", "P2W", None),
        ("Tuesday", "2024-12-17", None),
        ("Monday", "2024-12-23", None),
        ("next Friday", "2024-12-27", None),
        ("yesterday", "2024-12-22", None),
        ("yesterday morning", "2024-12-22TMO", None),
        ("recently", "PAST_REF", None),
        ("recent weeks", "PAST_REF", None),
        ("now", "PRESENT_REF", None),
        ("currently", "PRESENT_REF", None),
        ("the 1990s", "199", None),
        ("the early 2000s", "200", "START"),
        ("the 19th century", "18", None),
        ("late 1911", "1911", "END"),
        ("mid-November", "2024-11", "MID"),
        ("the end of January", "2024-01", "END"),
        ("Dec. 3", "2024-12-03", None),
        ("3 December 2024", "2024-12-03", None),
        ("December 3, 2024", "2024-12-03", None),
        ("2024-12-03", "2024-12-03", None),
        ("12/03/2024", "2024-12-03", None),
        ("25/12/2023", "2023-12-25", None),
        ("1953", "1953", None),
        ("480 BC", "BC0480", None),
        ("three years", "P3Y", None),
        ("several months", "PXM", None),
        ("the first quarter of 2024", "2024-Q1", None),
        ("Christmas", "2023-12-25", None),  # past unless the tense says future
    ],
)
def test_resolves_against_publication_date(resolver, text, value, mod):
    assert resolver.resolve(text, news()) == (value, mod)


def test_future_tense_moves_bare_months_forward(resolver):
    assert resolver.resolve("March", news(), future=True) == ("2025-03", None)
    assert resolver.resolve("March", news(), future=False) == ("2024-03", None)
    assert resolver.resolve("Friday", news(), future=True) == ("2024-12-27", None)
    assert resolver.resolve("Christmas", news(), future=True) == ("2024-12-25", None)


def test_without_publication_date_relative_values_stay_empty(resolver):
    anchors = news(published=None)
    assert resolver.resolve("last month", anchors) == (None, None)
    assert resolver.resolve("earlier this month", anchors) == (None, "START")
    assert resolver.resolve("Tuesday", anchors) == (None, None)
    # explicit dates still resolve
    assert resolver.resolve("3 December 2024", anchors) == ("2024-12-03", None)
    assert resolver.resolve(["since", "1953"][1], anchors) == ("1953", None)


def test_anaphoric_expressions_follow_the_reference_time(resolver):
    anchors = news()
    assert resolver.resolve("June 6, 1944", anchors)[0] == "1944-06-06"
    assert anchors.ref == (1944, 6, 6)
    assert resolver.resolve("the next day", anchors)[0] == "1944-06-07"
    assert resolver.resolve("two months later", anchors)[0] == "1944-08"
    assert resolver.resolve("that year", anchors)[0] == "1944"
    # deictic ones still use the publication date in news mode
    assert resolver.resolve("last month", anchors)[0] == "2024-11"
    assert resolver.resolve("three weeks ago", anchors)[0] == "2024-12-02"


def test_update_ref_false_keeps_the_reference_time(resolver):
    anchors = news()
    resolver.resolve("1614", anchors, update_ref=False)
    assert anchors.ref == (2024, 12, 23)


def test_narrative_mode_anchors_bare_months_on_the_reference_year(resolver):
    anchors = Anchors(published=dt.date(2009, 12, 19), narrative=True, ref=(2009, 12, 19))
    resolver.resolve("1940", anchors)
    assert resolver.resolve("April", anchors)[0] == "1940-04"
    assert resolver.resolve("the next year", anchors)[0] == "1941"
    assert resolver.resolve("today", anchors)[0] == "PRESENT_REF"


@pytest.mark.parametrize(
    "published, text, value",
    [
        (dt.date(2024, 12, 23), "last summer", "2024-SU"),
        (dt.date(2024, 7, 10), "last summer", "2023-SU"),
        (dt.date(2025, 1, 15), "this winter", "2024-WI"),
        (dt.date(2025, 1, 15), "next summer", "2025-SU"),
    ],
)
def test_seasons_relative_to_the_date(resolver, published, text, value):
    assert resolver.resolve(text, news(published))[0] == value


def test_granularity_is_kept(resolver):
    # a month stays a month, a year a year
    assert resolver.resolve("May 2019", news())[0] == "2019-05"
    assert resolver.resolve("the summer of 2016", news())[0] == "2016-SU"
    assert resolver.resolve("2019", news())[0] == "2019"


def test_nonsense_does_not_crash(resolver):
    for text in ["", "   ", "February 31", "13/45/2020", "the 99th century", "🙂", "LAST MONTH"]:
        value, _mod = resolver.resolve(text, news())
        assert value is None or isinstance(value, str)
    assert resolver.resolve("LAST MONTH", news())[0] == "2024-11"
