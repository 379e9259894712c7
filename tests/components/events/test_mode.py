"""Mode: actual | planned | possible | negated | past | hypothetical, from the parse."""

from __future__ import annotations

import pytest

from .build import by_trigger, events_of, make_doc


def mode(nlp, text, trigger, **records):
    return by_trigger(events_of(make_doc(nlp, text, **records)), trigger).mode


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        ("The army attacked the depot on Monday.", "attacked", "actual"),
        ("The army is preparing to deploy more troops to the border.", "deploy", "planned"),
        ("The army plans to deploy more troops to the border.", "deploy", "planned"),
        ("The army is set to deploy more troops to the border.", "deploy", "planned"),
        ("The army will deploy more troops to the border.", "deploy", "planned"),
        ("The army may send more troops to the border.", "send", "possible"),
        ("The army could send more troops to the border.", "send", "possible"),
        ("The army did not attack the depot.", "attack", "negated"),
        ("The army refused to attack the depot.", "attack", "negated"),
        ("The officers said that no signs of provocation had been detected.", "provocation", "negated"),
        ("If the talks fail, the army will attack the depot.", "attack", "hypothetical"),
        ("Nobody ruled out the possibility that the army could stage an attack.", "stage", "hypothetical"),
        ("It remains to be seen whether the army will deploy more troops.", "deploy", "hypothetical"),
        # a governor ("set", "plan") sets the mode of what it governs, not of a verb coordinated with it
        ("Gunmen set fire to a school and killed two teachers on Monday.", "killed", "actual"),
        ("The army is preparing to deploy troops and send tanks.", "send", "planned"),
    ],
)
def test_modes(spacy_model, text, trigger, expected):
    assert mode(spacy_model, text, trigger) == expected


def test_not_only_but_also_does_not_negate(spacy_model):
    text = "The army is not only planning to deploy more troops but also may send drones to the front."
    evs = events_of(make_doc(spacy_model, text))
    assert by_trigger(evs, "deploy").mode == "planned"
    assert by_trigger(evs, "send").mode == "possible"


def test_past_from_an_old_year_on_the_clause(spacy_model):
    text = "The two armies fought in 1953 near the river."
    assert mode(spacy_model, text, "fought", times={"t1": ("1953", "1953")}) == "past"
    # last year is still news, not history
    text = "The two armies fought in 2023 near the river."
    assert mode(spacy_model, text, "fought", times={"t1": ("2023", "2023")}) == "actual"


def test_past_without_a_times_component_reads_the_year(spacy_model):
    doc = make_doc(spacy_model, "The two armies fought in 1953 near the river.")
    doc._.times = None
    assert by_trigger(events_of(doc), "fought").mode == "past"


def test_a_time_in_another_clause_does_not_make_it_past(spacy_model):
    text = "The army deployed troops, which had not fought since 1953."
    assert mode(spacy_model, text, "deployed", times={"t1": ("1953", "1953")}) == "actual"
