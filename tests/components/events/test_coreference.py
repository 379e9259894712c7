"""Within-article event coreference (events/coreference.py): the later words that name an event
already told become its evidence spans, never events of their own; words that name other
participants, another place or another time, or that introduce an event, join nothing."""

from __future__ import annotations

from newsledger.components.events.coreference import anaphor_types

from .build import events_of, make_doc

PEOPLE = {
    "a1": ("EGY", "CVL", ["Omar Farouk"]),
    "a2": ("EGY", "CVL", ["Sara Ali"]),
    "a3": ("EGY", "CVL", ["Ali Hassan"]),
}


def _mentions(events, etype: str) -> list[list[str]]:
    return [[s.text for s in e.evidence] for e in events if e.type == etype]


def test_a_definite_noun_re_mentions_the_earlier_event(spacy_model):
    text = (
        "A suicide bomber attacked a market in Kabul on Monday. Officials said the blast was the deadliest this year."
    )
    evs = events_of(make_doc(spacy_model, text, places={"p1": ("AF", ["Kabul"])}))
    assert _mentions(evs, "ASSAULT") == [["blast"]]
    assert all(e.trigger.text != "blast" for e in evs)  # a mention, not a second event
    blast = next(s for e in evs for s in e.evidence)
    assert text[blast.start : blast.end] == "blast"


def test_an_indefinite_noun_introduces_an_event_and_joins_nothing(spacy_model):
    text = "A suicide bomber attacked a market in Kabul on Monday. Officials said a blast was heard at night."
    evs = events_of(make_doc(spacy_model, text, places={"p1": ("AF", ["Kabul"])}))
    assert all("blast" not in m for m in _mentions(evs, "ASSAULT"))


def test_a_noun_of_another_place_is_another_event(spacy_model):
    text = "A suicide bomber attacked a market in Kabul on Monday. Officials said the blast in Herat killed no one."
    places = {"p1": ("AF", ["Kabul"]), "p2": ("AF", ["Herat"])}
    evs = events_of(make_doc(spacy_model, text, places=places))
    attack = next(e for e in evs if e.trigger.text == "attacked")
    assert attack.place == "p1" and "blast" not in [s.text for s in attack.evidence]


def test_the_death_of_the_victim_is_a_mention_and_of_someone_else_is_not(spacy_model):
    same = "Gunmen killed Omar Farouk in Cairo on Sunday. Police are investigating the death of Omar Farouk."
    evs = events_of(make_doc(spacy_model, same, actors=PEOPLE))
    kill = next(e for e in evs if e.trigger.text == "killed")
    assert kill.recipient == "a1" and [s.text for s in kill.evidence] == ["death"]

    other = "Gunmen killed Omar Farouk in Cairo on Sunday. Police are investigating the death of Sara Ali."
    evs = events_of(make_doc(spacy_model, other, actors=PEOPLE))
    kill = next(e for e in evs if e.trigger.text == "killed")
    assert kill.evidence == []


def test_the_offence_of_a_charge_re_mentions_the_attack(spacy_model):
    text = "Ali Hassan shot Omar Farouk in Cairo last week. Police charged Ali Hassan with murder on Tuesday."
    evs = events_of(make_doc(spacy_model, text, actors=PEOPLE))
    shot = next(e for e in evs if e.trigger.text == "shot")
    assert [s.text for s in shot.evidence] == ["murder"]
    assert all(e.trigger.text != "murder" for e in evs)


def test_a_verb_re_mentions_an_event_only_through_its_participant(spacy_model):
    text = "Gunmen shot Omar Farouk in Cairo on Sunday. Omar Farouk died in hospital."
    shot = next(e for e in events_of(make_doc(spacy_model, text, actors=PEOPLE)) if e.trigger.text == "shot")
    assert [s.text for s in shot.evidence] == ["died"]

    text = "Gunmen shot Omar Farouk in Cairo on Sunday. Sara Ali died in hospital."
    shot = next(e for e in events_of(make_doc(spacy_model, text, actors=PEOPLE)) if e.trigger.text == "shot")
    assert shot.evidence == []


def test_a_noun_before_the_event_is_told_re_mentions_the_first_one_after(spacy_model):
    text = "The death of Omar Farouk shocked the city. Gunmen shot Omar Farouk outside his home on Sunday."
    evs = events_of(make_doc(spacy_model, text, actors=PEOPLE))
    shot = next(e for e in evs if e.trigger.text == "shot")
    assert [s.text for s in shot.evidence] == ["death"]


def test_a_listed_compound_is_one_mention_with_its_head(spacy_model):
    text = "Gunmen shot Omar Farouk in Cairo on Sunday. Police said the gunfire death was avoidable."
    shot = next(e for e in events_of(make_doc(spacy_model, text, actors=PEOPLE)) if e.trigger.text == "shot")
    assert [s.text for s in shot.evidence] == ["gunfire death"]


def test_a_negated_event_takes_no_mentions(spacy_model):
    text = "Ali Hassan did not shoot Omar Farouk, his lawyer said. Police are investigating the death of Omar Farouk."
    evs = events_of(make_doc(spacy_model, text, actors=PEOPLE))
    shoot = next(e for e in evs if e.trigger.text == "shoot")
    assert shoot.mode == "negated" and shoot.evidence == []


def test_the_table_maps_nouns_and_verbs_to_plover_types():
    table = anaphor_types()
    assert table[("blast", "NOUN")] == {"ASSAULT"} and table[("verdict", "NOUN")] == {"ACCUSE"}
    assert table[("raid", "NOUN")] == {"ASSAULT", "COERCE"}
    assert table[("die", "VERB")] == {"ASSAULT"}
    assert table[("guilty", "ADJ")] == {"ACCUSE"}


def test_an_event_noun_naming_the_occasion_of_a_verb_is_its_mention(spacy_model):
    text = "Omar Farouk was killed in a gang shooting in Cairo on Sunday."
    kill = next(e for e in events_of(make_doc(spacy_model, text, actors=PEOPLE)) if e.trigger.text == "killed")
    assert [s.text for s in kill.evidence] == ["shooting"]


def test_an_occasion_noun_of_another_type_or_other_victim_joins_nothing(spacy_model):
    text = "Ali Hassan killed Omar Farouk in Cairo during the protest on Sunday."
    kill = next(e for e in events_of(make_doc(spacy_model, text, actors=PEOPLE)) if e.trigger.text == "killed")
    assert "protest" not in [s.text for s in kill.evidence]  # a PROTEST noun names no killing

    text = "Ali Hassan killed Omar Farouk in Cairo during the attack on Sara Ali."
    kill = next(e for e in events_of(make_doc(spacy_model, text, actors=PEOPLE)) if e.trigger.text == "killed")
    assert "attack" not in [s.text for s in kill.evidence]  # another victim: another attack


def test_guilty_completes_the_verdict_it_is_the_complement_of(spacy_model):
    text = "A jury found Ali Hassan guilty of murder on Tuesday."
    verdict = next(e for e in events_of(make_doc(spacy_model, text, actors=PEOPLE)) if e.type == "ACCUSE")
    assert verdict.trigger.text == "found" and [s.text for s in verdict.evidence] == ["guilty"]


def test_not_guilty_is_no_mention_of_a_verdict(spacy_model):
    text = "A jury found Ali Hassan guilty of murder on Tuesday. Ali Hassan said he was not guilty."
    evs = events_of(make_doc(spacy_model, text, actors=PEOPLE))
    assert [s.text for e in evs for s in e.evidence].count("guilty") == 1


def test_guilty_said_of_a_participant_is_a_mention_and_of_someone_else_is_not(spacy_model):
    text = "A jury convicted Ali Hassan of murder on Tuesday. Ali Hassan is guilty, the judge said."
    verdict = next(e for e in events_of(make_doc(spacy_model, text, actors=PEOPLE)) if e.type == "ACCUSE")
    assert [s.text for s in verdict.evidence] == ["guilty"]

    text = "A jury convicted Ali Hassan of murder on Tuesday. Sara Ali is guilty, the judge said."
    verdict = next(e for e in events_of(make_doc(spacy_model, text, actors=PEOPLE)) if e.type == "ACCUSE")
    assert verdict.evidence == []


def test_the_occasion_of_a_verb_that_re_mentions_an_event_is_its_mention_too(spacy_model):
    text = "A bomber attacked Omar Farouk in Cairo on Sunday. Omar Farouk died in a blast, police said."
    attack = next(e for e in events_of(make_doc(spacy_model, text, actors=PEOPLE)) if e.trigger.text == "attacked")
    assert [s.text for s in attack.evidence] == ["died", "blast"]
