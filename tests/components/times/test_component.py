"""newsledger_times on hand-written sentences and on the worked example article."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from newsledger.components.times.component import TimesComponent
from newsledger.components.times.detect import find_time_spans

PUB = dt.date(2024, 12, 23)


@pytest.fixture(scope="module")
def times():
    return TimesComponent()


def run(spacy_model, times, text, published=PUB):
    doc = spacy_model.make_doc(text)
    doc._.published = published
    doc = spacy_model(doc)
    times(doc)
    return doc


def by_text(doc):
    return {t.text: (t.value, t.mod) for t in doc._.times}


def test_factory_is_registered():
    assert "newsledger_times" in Language.factories


def test_relative_expressions_in_news(spacy_model, times):
    doc = run(
        spacy_model,
        times,
        "Officials met on Tuesday. Last week the army said it had moved earlier this month, "
        "and the fighting of the past week was the worst since 1953.",
    )
    got = by_text(doc)
    assert got["Tuesday"] == ("2024-12-17", None)
    assert got["Last week"] == ("2024-W51", None)
    assert got["earlier this month"] == ("2024-12", "START")
    assert got["the past week"] == ("P1W", None)
    # the signal "since" stays outside the span and becomes the mod
    assert got["1953"] == ("1953", "ON_OR_AFTER")


def test_explicit_dates_and_formats(spacy_model, times):
    doc = run(
        spacy_model,
        times,
        "The convoy left on Dec. 3 and returned on 3 December 2024; the log says 2024-12-05 "
        "and the receipt 12/06/2024. The deal was signed on March 8, 2019.",
    )
    got = by_text(doc)
    assert got["Dec. 3"][0] == "2024-12-03"
    assert got["3 December 2024"][0] == "2024-12-03"
    assert got["2024-12-05"][0] == "2024-12-05"
    assert got["12/06/2024"][0] == "2024-12-06"
    assert got["March 8, 2019"][0] == "2019-03-08"


def test_seasons_decades_refs(spacy_model, times):
    doc = run(
        spacy_model,
        times,
        "This summer the ministry, which was founded in the 1990s, said prices are now stable; "
        "they rose recently and in recent weeks.",
    )
    got = by_text(doc)
    assert got["This summer"][0] == "2024-SU"
    assert got["the 1990s"][0] == "199"
    assert got["now"][0] == "PRESENT_REF"
    assert got["recently"][0] == "PAST_REF"
    assert got["recent weeks"][0] == "PAST_REF"


def test_future_tense_and_next(spacy_model, times):
    doc = run(spacy_model, times, "The summit will take place in March. Elections are due next year.")
    got = by_text(doc)
    assert got["March"][0] == "2025-03"
    assert got["next year"][0] == "2025"


def test_anaphora_follows_the_last_explicit_date(spacy_model, times):
    doc = run(spacy_model, times, "The landing began on June 6, 1944. Two months later the city fell.")
    got = by_text(doc)
    assert got["June 6, 1944"][0] == "1944-06-06"
    assert got["Two months later"][0] == "1944-08"


def test_without_publication_date(spacy_model, times):
    doc = run(spacy_model, times, "Last month the talks failed, and on 3 December 2024 they resumed.", published=None)
    got = by_text(doc)
    assert got["Last month"] == (None, None)
    assert got["3 December 2024"][0] == "2024-12-03"


def test_counts_are_not_years(spacy_model, times):
    doc = run(spacy_model, times, "In 1998, about 1500 soldiers crossed the river with 2000 refugees.")
    assert [t.text for t in doc._.times] == ["1998"]


def test_may_and_march_as_words_are_not_months(spacy_model, times):
    doc = run(spacy_model, times, "Troops may march on the capital. The march was long.")
    assert doc._.times == []


def test_calendar_words_inside_names_are_not_times(spacy_model, times):
    doc = run(spacy_model, times, "Theresa May told the Sunday Times about the deal on Friday.")
    assert [t.text for t in doc._.times] == ["Friday"]


def test_last_night_is_the_night_before_publication(spacy_model, times):
    doc = run(spacy_model, times, "Last night, rockets hit the port, officials said on Sunday evening.")
    got = by_text(doc)
    assert got["Last night"][0] == "2024-12-22TNI"
    assert got["Sunday evening"][0] == "2024-12-22TEV"


def test_ids_and_offsets(spacy_model, times):
    doc = run(spacy_model, times, "Yesterday and last month, but not tomorrow.")
    assert [t.id for t in doc._.times] == ["t1", "t2", "t3"]
    for t in doc._.times:
        assert doc.text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "🙂🙂 🙂",
        "LAST MONTH THE ARMY ATTACKED ON TUESDAY.",
        "“Unbalanced quote since 1953",
        "12/99/9999 0000-00-00 99:99 the 1990s 1990s' 2024-13-45",
    ],
)
def test_odd_input_never_crashes(spacy_model, times, text):
    doc = run(spacy_model, times, text)
    for t in doc._.times:
        assert 0 <= t.start < t.end <= len(doc.text)
        assert doc.text[t.start : t.end] == t.text


def test_huge_text_stays_linear(spacy_model, times):
    text = "On Tuesday 1,100 soldiers moved. " * 2000
    spans = find_time_spans(text)
    assert len(spans) == 2000


def test_example_article(spacy_model, times, example_text):
    doc = run(spacy_model, times, example_text)
    got = {}
    for t in doc._.times:
        got.setdefault(t.text, (t.value, t.mod))
    assert got["earlier this month"] == ("2024-12", "START")
    assert got["last month"][0] == "2024-11"
    assert got["October"][0] == "2024-10"
    assert got["next year"][0] == "2025"
    assert got["1953"][0] == "1953"
    assert got["this month"][0] == "2024-12"
    assert got["November"][0] == "2024-11"
    for t in doc._.times:
        assert example_text[t.start : t.end] == t.text
