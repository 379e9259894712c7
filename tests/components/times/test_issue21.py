"""Issue 21 on times: decades by short name, parts of day, vague "later", half-years, BC shifts,
signal mods, and "this week" / "the past week" anchored on the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from newsledger.components.times.component import TimesComponent
from newsledger.components.times.detect import find_time_spans
from newsledger.components.times.resolve import Anchors, Resolver

PUB = dt.date(2024, 12, 11)  # a Wednesday


@pytest.fixture(scope="module")
def resolver():
    return Resolver()


def news():
    return Anchors(published=PUB, ref=(PUB.year, PUB.month, PUB.day))


def history(ref):
    return Anchors(narrative=True, ref=ref)


@pytest.mark.parametrize(
    "text, value",
    [("the '90s", "199"), ("the 50s", "195"), ("the '20s", "202"), ("the late 90s", "199"), ("the 1960s", "196")],
)
def test_decades_by_short_name_take_the_latest_past_one(resolver, text, value):
    assert resolver.resolve(text, news())[0] == value


def test_short_decades_in_a_history_follow_the_reference_year(resolver):
    assert resolver.resolve("the '20s", history((1941, None, None)))[0] == "192"
    assert resolver.resolve("the 470s BC", history((-480, None, None)))[0] == "BC047"


def test_short_decades_are_found_but_ages_are_not():
    text = "In the '90s it was calm; the 50s were wild; in his 50s he retired."
    found = [text[s:e] for s, e in find_time_spans(text)]
    assert "the '90s" in found and "the 50s" in found
    assert not any("his" in f or f == "50s" for f in found)


def test_parts_of_day_take_the_reference_day_or_an_unknown_one(resolver):
    assert resolver.resolve("night", history((1918, 4, 3)))[0] == "1918-04-03TNI"
    assert resolver.resolve("the afternoon", history((1918, 4, None)))[0] == "XXXX-XX-XXTAF"


def test_day_words_in_a_history_are_quoted_days(resolver):
    assert resolver.resolve("tomorrow", history((1936, 5, 2)))[0] == "XXXX-XX-XX"
    assert resolver.resolve("tonight", history((1936, 5, 2)))[0] == "XXXX-XX-XXTNI"


@pytest.mark.parametrize(
    "text, value",
    [
        ("a few days later", "FUTURE_REF"),
        ("weeks earlier", "PAST_REF"),
        ("several years before", "PAST_REF"),
        ("the day before", "1944-06-05"),
        ("two days later", "1944-06-08"),
    ],
)
def test_vague_shifts_keep_only_their_direction(resolver, text, value):
    assert resolver.resolve(text, history((1944, 6, 6)), update_ref=False)[0] == value


def test_same_time_is_the_reference_time_and_this_time_the_present(resolver):
    assert resolver.resolve("the same time", history((1958, 6, 4)))[0] == "1958-06-04"
    assert resolver.resolve("this time", history((1958, 6, 4)))[0] == "PRESENT_REF"


def test_half_years_and_adjectives_in_durations(resolver):
    assert resolver.resolve("the second half of 2008", news()) == ("2008-H2", None)
    assert resolver.resolve("the latter half of 2008", news()) == ("2008-H2", None)
    assert resolver.resolve("the first half of May", news()) == ("2024-05", "START")
    assert resolver.resolve("two bloody weeks", news())[0] == "P2W"
    assert resolver.resolve("ten brutal months", news())[0] == "P10M"


def test_bc_decades_and_centuries_shift_backwards_in_time(resolver):
    assert resolver.resolve("the following decade", history((-481, None, None)))[0] == "BC047"
    assert resolver.resolve("a decade earlier", history((-490, None, None)))[0] == "BC0500"
    assert resolver.resolve("the previous century", history((-387, None, None)))[0] == "BC04"
    assert resolver.resolve("the next decade", history((1927, 4, 12)))[0] == "193"


def run(spacy_model, text):
    doc = spacy_model.make_doc(text)
    doc._.published = PUB
    doc = spacy_model(doc)
    TimesComponent()(doc)
    return {t.text: (t.value, t.mod) for t in doc._.times}


def test_signals_set_timex3_mods(spacy_model):
    got = run(
        spacy_model,
        "Fighting has gone on for more than two years. About a month ago he resigned. "
        "He arrived before May 3. Prices have risen since 2020. Talks lasted no more than three days.",
    )
    assert got["two years"] == ("P2Y", "MORE_THAN")
    assert got["a month ago"] == ("2024-11", "APPROX")
    assert got["May 3"] == ("2024-05-03", "BEFORE")
    assert got["2020"] == ("2020", "ON_OR_AFTER")
    assert got["three days"] == ("P3D", "EQUAL_OR_LESS")


def test_this_week_and_the_past_week_are_anchored_on_publication(spacy_model):
    got = run(spacy_model, "Talks began in the past week; this week the minister met envoys. Last week was quiet.")
    assert got["the past week"] == ("P1W", None)
    assert got["this week"] == ("2024-W50", None)
    assert got["Last week"] == ("2024-W49", None)


def history_doc(spacy_model, text):
    doc = spacy_model.make_doc(text)
    doc._.published = dt.date(2009, 12, 19)
    doc = spacy_model(doc)
    TimesComponent(narrative=True)(doc)
    return [(t.text, t.value) for t in doc._.times]


def test_the_start_of_a_bc_range_is_bc(spacy_model):
    got = history_doc(
        spacy_model, "The Ionian Revolt (499-493 BC) failed. The Third Punic War (149 B.C to 146 B.C) ended it."
    )
    assert ("499", "BC0499") in got and ("493 BC", "BC0493") in got
    assert ("149 B.C", "BC0149") in got


def test_days_joined_to_a_date_share_its_month_and_year(spacy_model):
    got = history_doc(
        spacy_model,
        "In 1905, between January 25-29, the army attacked. Surrendering on May 4 and 5 were the "
        "departments. On 6 and 7 February they rested. On April 7 and 15 soldiers died.",
    )
    assert ("29", "1905-01-29") in got
    assert ("5", "1905-05-05") in got
    assert ("6", "1905-02-06") in got
    assert not any(text == "15" for text, _ in got)  # a count, not a day


@pytest.mark.parametrize(
    "text, value",
    [
        ("the first ten months of 1915", "P10M"),
        ("the last week of August", "P1W"),
        ("the first year of the war", "P1Y"),
        ("the first hour of the attack", "PT1H"),
        ("last year", "2023"),  # a shift, not a stretch
        ("the first quarter of 2024", "2024-Q1"),
    ],
)
def test_a_stretch_at_one_end_of_a_period_is_a_duration(resolver, text, value):
    assert resolver.resolve(text, news(), update_ref=False)[0] == value


def test_a_month_joined_to_a_dated_month_takes_its_year(spacy_model):
    got = history_doc(
        spacy_model,
        "In 1954 he returned. In April and June 1955, Diem cleared the decks. From October to March 1945 they held.",
    )
    assert ("April", "1955-04") in got
    assert ("October", "1944-10") in got


def test_a_time_under_until_does_not_move_the_story(spacy_model):
    got = history_doc(
        spacy_model,
        "On October 20, 1944 Belgrade fell. The assault lasted until the fall of Budapest in February 1945. "
        "By the middle of December, the front had moved.",
    )
    assert ("the middle of December", "1944-12") in got


@pytest.mark.parametrize(
    "text, value",
    [("daily", "XXXX-XX-XX"), ("weekly", "XXXX-WXX"), ("monthly", "XXXX-XX"), ("Annually", "XXXX"), ("per day", "P1D")],
)
def test_set_adverbs_are_the_calendar_pattern_they_repeat_in(resolver, text, value):
    assert resolver.resolve(text, news())[0] == value


def test_a_time_a_plan_is_set_for_does_not_move_the_story(spacy_model):
    got = history_doc(
        spacy_model,
        "On 10 March 1975 the attack began. The road would be exposed for a planned campaign in 1976. "
        "Its forces collapsed on 11 March. The big push scheduled for 1977 never came. On 1 April the town fell.",
    )
    assert ("1976", "1976") in got and ("1977", "1977") in got
    assert ("11 March", "1975-03-11") in got
    assert ("1 April", "1975-04-01") in got


def test_a_time_that_is_told_is_the_story(spacy_model):
    # the same words without a plan: the year does become the reference time
    got = history_doc(spacy_model, "On 10 March 1975 the attack began. The road was cut in 1976. On 1 April it fell.")
    assert ("1 April", "1976-04-01") in got


def test_the_short_end_of_a_year_range_is_a_year(spacy_model):
    got = history_doc(spacy_model, "In 1995-96 tensions rose; the war (1947–54) ended; on 2007-08-14 it fell.")
    assert ("96", "1996") in got and ("54", "1954") in got
    assert ("2007-08-14", "2007-08-14") in got and not any(t == "08" for t, _ in got)
    assert history_doc(spacy_model, "The decade 1998-01 was long.")[-1] == ("01", "2001")


def test_the_same_day_in_a_month_whose_day_is_not_told(resolver):
    assert resolver.resolve("the same day", history((-479, 6, None)))[0] == "BC0479-06-XX"
    assert resolver.resolve("the next day", history((-479, 6, None)))[0] is None


def test_a_historys_winter_told_late_in_a_year_is_the_winter_to_come(resolver):
    assert resolver.resolve("the winter", history((-480, 9, None)))[0] == "BC0479-WI"
    assert resolver.resolve("the winter", history((1920, 4, None)))[0] == "1920-WI"
    assert resolver.resolve("winter", history((1919, None, None)))[0] == "1919-WI"


def test_sets_told_by_calendar_names(spacy_model):
    got = run(
        spacy_model,
        "Protesters gather every Friday and on Sundays, every Friday night, each September, every summer "
        "and every weekend. He met them on Friday.",
    )
    assert got["every Friday"] == ("XXXX-WXX-5", None)
    assert got["Sundays"] == ("XXXX-WXX-7", None)
    assert got["every Friday night"] == ("XXXX-WXX-5TNI", None)
    assert got["each September"] == ("XXXX-09", None)
    assert got["every summer"] == ("XXXX-SU", None)
    assert got["every weekend"] == ("XXXX-WXX-WE", None)
    assert got["Friday"] == ("2024-12-06", None)  # one Friday, not a set


def test_news_weeks_and_shifts_from_now(spacy_model):
    got = run(spacy_model, "By the end of the week it was over. Two weeks from now they vote.")
    assert got["the end of the week"] == ("2024-W50", "END")
    assert got["Two weeks from now"] == ("2024-12-25", None)


def test_a_count_after_a_date_entity_is_no_part_of_it(spacy_model):
    got = run(spacy_model, "Since the start of the year 300 people died.")
    assert got.get("the start of the year") == ("2024", "START")


def test_a_clock_time_is_on_the_day_told_after_it(spacy_model):
    got = run(spacy_model, "The strike hit at 9 a.m. on Monday. Talks end at noon Friday.")
    assert got["9 a.m."] == ("2024-12-09T09:00", None)
    assert got["noon"] == ("2024-12-06T12:00", None)
    got = history_doc(
        spacy_model, "On July 10, 2002 teams entered. At 5:34 AM Baghdad time on March 20, 2003 it began."
    )
    assert ("5:34 AM", "2003-03-20T05:34") in got


def test_a_year_a_generation_from_the_story_is_an_aside(spacy_model):
    got = history_doc(
        spacy_model,
        "In 1963 the coup came. On 2 August 1964 a ship was attacked. A study declassified in 2005 "
        "found that there was no attack on 4 August. In 1965 troops landed.",
    )
    assert ("4 August", "1964-08-04") in got
