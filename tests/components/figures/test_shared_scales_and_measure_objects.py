"""Issue 21 on figures, part 4: a scale word written out ends both ends of a range ("three to
four hundred" is 300..400, "from 2 to 3 billion" 2e9..3e9), a measure the parser hangs as an
adverbial is still the object of a verb that bounds it ("neared 10%", "exceeded 5 percent"), and
CQE's verbs of change ("sagged 3.1%") give an amount of change its direction, and "then-"/"now-"
before a hyphen date the phrase ("her now-18 month-old daughter"), not a code like "F-16"."""

from __future__ import annotations

import pytest

from newsledger.components.figures.component import figure_trend
from tests.components.figures.test_component import find

from .build import figures, run


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("Three to four hundred people gathered.", 300, 400),
        ("Twenty to thirty thousand people fled.", 20000, 30000),
        ("Two or three thousand troops crossed.", 2000, 3000),
        ("Between five and six million dollars was lost.", 5000000, 6000000),
        ("Two to three dozen homes burned.", 24, 36),
        ("Revenue fell from 9 to 7 million dollars.", 7000000, 9000000),
        ("The loss grew from 2 to 3 billion dollars.", 2000000000, 3000000000),
        # the first end is a full amount of its own when the shared reading would be far off
        ("Prices went from $200 to $4 million.", 200, 4000000),
        ("One hundred and five to two hundred seats were lost.", 105, 200),
    ],
)
def test_a_scale_word_at_the_end_of_a_range_scales_both_ends(spacy_model, components, text, low, high):
    got = figures(spacy_model, components, text)
    assert [(f[2], f[3]) for f in got if f[1] is None] == [(low, high)]


@pytest.mark.parametrize(
    "text, figure, bound",
    [
        ("Inflation neared 10% in March.", "10%", "<"),
        ("Unemployment exceeded 5 percent.", "5 percent", ">"),
        ("Inflation approached 10% in March.", "10%", "<"),
        # a measure beside another object, or a count of things, is no object of the verb
        ("He passed the ball 10 metres.", "10 metres", "="),
        ("He topped the poll 5 times.", "5 times", "="),
        ("The army passed 3 times through the town.", "3 times", "="),
    ],
)
def test_a_measure_taken_for_an_adverbial_is_the_object_of_a_bounding_verb(
    spacy_model, components, text, figure, bound
):
    got = {f[0]: f[4] for f in figures(spacy_model, components, text)}
    assert got[figure] == bound


def test_cqe_verbs_of_change_give_the_direction(spacy_model, components):
    doc = run(spacy_model, components, "Exports sagged 3.1% in May while the debt ballooned by $2 trillion.")
    assert figure_trend(doc, find(doc, "3.1%")) == "down"
    assert figure_trend(doc, find(doc, "$2 trillion")) == "up"


def test_then_and_now_before_a_hyphen_date_the_phrase_but_other_words_make_a_code(spacy_model, components):
    got = figures(spacy_model, components, "The father of her now-18 month-old daughter met the then-25-year-old.")
    assert [f[1] for f in got] == [18, 25]
    assert figures(spacy_model, components, "The F-16 jets and COVID-19 tests arrived.") == []
