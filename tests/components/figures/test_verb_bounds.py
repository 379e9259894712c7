"""Issue 21 on figures: bounds carried by the governing verb or adjective (active and passive),
verbs of multiplying as factor figures, and vague amounts such as "several dozen"."""

from __future__ import annotations

import pytest

from .build import figures


def _bound(nlp, components, text: str, figure: str) -> str:
    """The bound of the figure whose text is `figure`."""
    return {f[0]: f[4] for f in figures(nlp, components, text)}[figure]


@pytest.mark.parametrize(
    "text, figure, bound",
    [
        ("The number of dead has already exceeded 500, officials said.", "500", ">"),
        ("Casualties surpassed 1,000 on Monday.", "1,000", ">"),
        ("The toll now exceeds 1,200.", "1,200", ">"),
        ("Sales topped $1 billion last year.", "$1 billion", ">"),
        ("The crowd passed 10,000 by noon.", "10,000", ">"),
        ("The toll is approaching 200.", "200", "<"),
        ("Brent crude nearly reached $87.", "$87", "<"),
        ("The threshold of 500 deaths has been surpassed.", "500 deaths", ">"),
        ("Arrests neared 400 by Friday.", "400", "<"),
        ("The number has risen past 400.", "400", ">"),
        ("Deaths edged past 300.", "300", ">"),
        ("The toll climbed beyond 1,000 on Monday.", "1,000", ">"),
        ("The army passed 3 times through the town.", "3 times", "="),
        ("Over the past 400 years the town grew.", "400 years", "="),
    ],
)
def test_the_governing_verb_sets_the_bound(spacy_model, components, text, figure, bound):
    assert _bound(spacy_model, components, text, figure) == bound


def test_a_cue_next_to_the_number_wins_and_reached_states_the_level(spacy_model, components):
    got = {f[0]: f[4] for f in figures(spacy_model, components, "It exceeded at least 40 and reached 113 gigapascals.")}
    assert got["at least 40"] == ">="
    assert got["113 gigapascals"] == "="


def test_verbs_of_multiplying_are_factor_figures(spacy_model, components):
    got = figures(spacy_model, components, "Exports more than doubled, and imports nearly doubled to 500 tonnes.")
    assert ("more than doubled", 2, None, None, ">", "x") in got
    assert ("nearly doubled", 2, None, None, "<", "x") in got
    assert ("500 tonnes", 500, None, None, "=", "t") in got


def test_vague_amounts_are_ranges(spacy_model, components):
    got = figures(
        spacy_model,
        components,
        "Several dozen people were hurt and a few hundred fled; scores of homes and tens of thousands of acres burned.",
    )
    ranges = {f[0].split()[0].lower(): (f[2], f[3], f[4]) for f in got}
    assert ranges["several"] == (24, 108, "~")
    assert ranges["a"] == (200, 500, "~")
    assert ranges["scores"] == (40, 99, "~")
    assert ranges["tens"] == (10000, 100000, "~")


def test_idioms_with_a_verb_of_multiplying_are_no_factor(spacy_model, components):
    assert figures(spacy_model, components, "The screen also doubles as a display.") == []
    assert figures(spacy_model, components, "The governor doubled down on the slogan.") == []


def test_ascii_folded_yen_is_yen(spacy_model, components):
    got = figures(spacy_model, components, "Nintendo plunged 4.28 percent to Y=28,030.")
    assert ("Y=28,030", 28030, None, None, "=", "JPY") in got


def test_ascii_folded_pound_is_sterling_but_a_console_is_no_figure(spacy_model, components):
    got = figures(spacy_model, components, "The package was worth up to PS2.7m, after a PS8.1bn takeover.")
    assert ("up to PS2.7m", 2700000, None, None, "<=", "GBP") in got
    assert ("PS8.1bn", 8100000000, None, None, "=", "GBP") in got
    assert figures(spacy_model, components, "He bought a PS5 and a PS 4 last week.") == []


def test_a_run_of_house_numbers_is_an_address(spacy_model, components):
    assert figures(spacy_model, components, "The office at 16-18 Industrial Avenue was leased.") == []
    assert [f[2:4] for f in figures(spacy_model, components, "Between 16-18 people were hurt.")] == [(16, 18)]


def test_half_a_dozen_and_a_handful(spacy_model, components):
    got = figures(spacy_model, components, "Half a dozen soldiers died, a handful of protesters stayed.")
    assert ("Half a dozen soldiers", 6, None, None, "=", None) in got
    assert ("a handful of protesters", None, 2, 5, "~", None) in got
    got = figures(spacy_model, components, "About half a million people fled.")
    assert [(f[1], f[4]) for f in got] == [(500000, "~")]


@pytest.mark.parametrize(
    "text, figure, bound",
    [
        # a count of a few things is what the verb acts on, in its literal sense
        ("Congress passed 12 bills last year.", "12 bills", "="),
        ("Three bills were passed by the Senate.", "Three bills", "="),
        ("The troops crossed 2 rivers.", "2 rivers", "="),
        ("Police approached 3 suspects.", "3 suspects", "="),
        ("The song topped 5 charts.", "5 charts", "="),
        # a round number is a milestone the count passes
        ("Netflix passed 200 million subscribers.", "200 million subscribers", ">"),
        ("The toll passed 500 deaths.", "500 deaths", ">"),
        ("Deaths are approaching the 1,000 mark.", "1,000 mark", "<"),
        # bare numbers and measures are levels whatever their value
        ("The toll topped 37 on Friday.", "37", ">"),
        ("Temperatures neared 43 degrees Celsius.", "43 degrees Celsius", "<"),
    ],
)
def test_a_counted_object_is_a_level_passed_only_when_it_is_a_round_number(
    spacy_model, components, text, figure, bound
):
    assert _bound(spacy_model, components, text, figure) == bound


@pytest.mark.parametrize(
    "text, figure, bound",
    [
        ("The budget was capped at $3 million.", "$3 million", "<="),
        ("Gatherings are limited to 12 people.", "12 people", "<="),
        ("Gatherings are not limited to 50 people.", "50 people", "="),
    ],
)
def test_verbs_of_limiting_cap_the_figure(spacy_model, components, text, figure, bound):
    assert _bound(spacy_model, components, text, figure) == bound


@pytest.mark.parametrize(
    "text, figure, bound",
    [
        ("Exports failed to reach $5 billion.", "$5 billion", "<"),
        ("Exports failed to top $5 billion.", "$5 billion", "<="),
        ("The toll is yet to exceed 100.", "100", "<="),
        ("The index has yet to reach 5,000.", "5,000", "<"),
        ("Officials expect the toll to surpass 1,000.", "1,000", ">"),
    ],
)
def test_a_verb_saying_it_did_not_happen_negates_the_bound(spacy_model, components, text, figure, bound):
    assert _bound(spacy_model, components, text, figure) == bound


@pytest.mark.parametrize(
    "text, figure, bound",
    [
        ("The vote fell short of the 60 votes needed.", "60 votes", "<"),
        ("The count is past 300.", "300", ">"),
    ],
)
def test_an_adverb_of_bounding_and_a_predicate_of_passing(spacy_model, components, text, figure, bound):
    assert _bound(spacy_model, components, text, figure) == bound


def test_a_quantifier_before_a_run_of_scale_words_multiplies_them_all(spacy_model, components):
    got = figures(spacy_model, components, "Several hundred thousand people fled and a few million dollars were lost.")
    assert [(f[0], f[2], f[3], f[4]) for f in got] == [
        ("Several hundred thousand people", 200000, 900000, "~"),
        ("a few million dollars", 2000000, 5000000, "~"),
    ]


@pytest.mark.parametrize("text", ["In the region of 500 died.", "It costs on the order of $1 billion."])
def test_in_the_region_of_approximates(spacy_model, components, text):
    assert [f[4] for f in figures(spacy_model, components, text)] == ["~"]


@pytest.mark.parametrize(
    "text, figure, bound",
    [
        ("Shares surged past $100 for the first time.", "$100", ">"),
        ("Oil fell past $50 a barrel.", "$50 a barrel", "<"),
        ("The index dropped past 20,000.", "20,000", "<"),
    ],
)
def test_a_verb_of_falling_passes_a_level_from_above(spacy_model, components, text, figure, bound):
    assert _bound(spacy_model, components, text, figure) == bound


def test_a_hyphenated_plus_is_at_least(spacy_model, components):
    got = figures(spacy_model, components, "A 1,000-plus crowd watched a $5 billion-plus deal.")
    assert [(f[0], f[4]) for f in got] == [("1,000-plus crowd", ">="), ("$5 billion-plus", ">=")]


def test_folds_are_factor_figures(spacy_model, components):
    got = figures(spacy_model, components, "Cases rose fivefold, prices 10-fold, and debt more than tenfold.")
    assert [(f[0], f[1], f[4], f[5]) for f in got] == [
        ("fivefold", 5, "=", "x"),
        ("10-fold", 10, "=", "x"),
        ("more than tenfold", 10, ">", "x"),
    ]
    assert figures(spacy_model, components, "The problems are manifold.") == []


@pytest.mark.parametrize(
    "text, figure, bound",
    [
        ("The crowd did not exceed 45 people.", "45 people", "<="),
        ("Turnout did not exceed 45 people.", "45 people", "<="),
        ("The count rose past 403 cases.", "403 cases", ">"),
        ("Congress passed 12 bills.", "12 bills", "="),
    ],
)
def test_a_count_of_things_loses_only_the_plain_verbs_bound(spacy_model, components, text, figure, bound):
    assert _bound(spacy_model, components, text, figure) == bound
