"""Issue 21 on figures, part 3: numbers in model names and codes are no counts ("737 Max jets",
"COVID -19"), "a couple of hundred" is a vague range, "$75 U.S. per barrel" names the dollar, a
cue inside "from X to Y" bounds only its own end, a negated verb bounds from the other side, and
"north of", "as high as", "as low as" are cues of bounds."""

from __future__ import annotations

import pytest

from .build import figures


def test_a_number_after_another_count_of_the_same_noun_is_a_designation(spacy_model, components):
    got = figures(spacy_model, components, "The airline grounded two new 737 Max jets.")
    assert [f[1] for f in got] == [2]
    got = figures(spacy_model, components, "The navy bought three 747 freighters.")
    assert [f[1] for f in got] == [3]
    # one count alone still counts
    assert [f[1] for f in figures(spacy_model, components, "The airline grounded 737 jets.")] == [737]


def test_a_spaced_hyphen_after_an_acronym_is_a_code_not_a_negative_number(spacy_model, components):
    got = figures(spacy_model, components, "They procured thousands of COVID -19 tests.")
    assert [(f[2], f[3]) for f in got] == [(1000, 10000)]
    got = figures(spacy_model, components, "Temperatures fell to -19 overnight.")
    assert [f[1] for f in got] == [-19]


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("A couple of hundred rifles were seized.", 200, 300),
        ("A couple hundred people marched.", 200, 300),
        ("A couple of dozen soldiers were wounded.", 24, 36),
    ],
)
def test_a_couple_of_hundred_is_a_vague_range(spacy_model, components, text, low, high):
    got = figures(spacy_model, components, text)
    assert [(f[2], f[3], f[4]) for f in got] == [(low, high, "~")]


def test_a_country_after_a_dollar_amount_is_part_of_it(spacy_model, components):
    got = figures(
        spacy_model,
        components,
        "The price has dropped since October from $75 U.S. per barrel to $45.88 on December 20.",
    )
    assert [(f[2], f[3], f[5]) for f in got] == [(45.88, 75, "USD")]
    got = figures(spacy_model, components, "WTI peaked at over $76 US a barrel in October.")
    assert [(f[0], f[1], f[4], f[5]) for f in got] == [("over $76 US a barrel", 76, ">", "USD/bbl")]


def test_a_cue_after_from_bounds_only_its_own_end(spacy_model, components):
    got = figures(spacy_model, components, "It boosts the range from up to 252 miles to 287 miles.")
    assert [(f[2], f[3], f[4]) for f in got] == [(252, 287, "=")]
    got = figures(spacy_model, components, "Deaths rose from about 100 to about 150.")
    assert [(f[2], f[3], f[4]) for f in got] == [(100, 150, "~")]


@pytest.mark.parametrize(
    "text, figure, bound",
    [
        ("Deaths approached but did not exceed 400.", "400", "<="),
        ("Sales never topped $1 billion.", "$1 billion", "<="),
        ("The toll has not yet reached 500.", "500", "<"),
        ("The toll has already exceeded 500.", "500", ">"),
    ],
)
def test_a_negated_verb_bounds_from_the_other_side(spacy_model, components, text, figure, bound):
    got = {f[0]: f[4] for f in figures(spacy_model, components, text)}
    assert got[figure] == bound


@pytest.mark.parametrize(
    "text, figure, bound",
    [
        ("The deal is worth north of $1 billion.", "north of $1 billion", ">"),
        ("Shares fell south of $10.", "south of $10", "<"),
        ("Rates as high as 9 percent apply.", "as high as 9 percent", "<="),
        ("Prices as low as $5 were seen.", "as low as $5", ">="),
    ],
)
def test_more_cues_of_bounds(spacy_model, components, text, figure, bound):
    got = {f[0]: f[4] for f in figures(spacy_model, components, text)}
    assert got[figure] == bound
