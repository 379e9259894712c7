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
