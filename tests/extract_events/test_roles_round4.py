"""Round 4 role rules: the target of a verbal protest."""
from __future__ import annotations

from .build import by_trigger, events_of, make_doc


def test_a_verbal_protest_targets_the_subject_of_what_it_protests(spacy_model):
    # "protest" is PROTEST until it turns out to be a government's words (ACCUSE), whose
    # target is the subject of the reported clause, not a demonstration's "against" phrase.
    text = "Russia is violating the ceasefire, Ukraine's foreign ministry protested."
    actors = {"a1": ("RUS", "GOV", ["Russia"]), "a2": ("UKR", "GOV", ["Ukraine's foreign ministry"])}
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=actors)), "protested")
    assert (ev.type, ev.actor, ev.recipient) == ("ACCUSE", "a2", "a1")


def test_police_in_a_clause_around_a_protest_are_no_protesters(spacy_model):
    actors = {"a1": ("KEN", "COP", ["Kenyan police"])}
    ev = by_trigger(events_of(make_doc(spacy_model, "Kenyan police fired tear gas during demonstrations "
                                       "in Nairobi on Monday.", actors=actors)), "demonstrations")
    assert ev.type == "PROTEST" and ev.actor is None


def test_students_in_a_clause_around_a_protest_are_the_protesters(spacy_model):
    actors = {"a1": ("KEN", "EDU", ["Kenyan students"]), "a2": ("KEN", "COP", ["police"])}
    ev = by_trigger(events_of(make_doc(spacy_model, "Kenyan students threw stones at police during "
                                       "demonstrations in Nairobi on Monday.", actors=actors)), "demonstrations")
    assert ev.actor == "a1"
