"""Source resolution: pronouns, short names, relative pronouns, actors."""

from newsledger.records import Actor, Span

from .helpers import by_cue, run


def actor(aid, text, name):
    start = text.index(name)
    return Actor(id=aid, name=name, mentions=[Span(start, start + len(name), name)])


def test_source_maps_to_actor(spacy_model):
    text = "The Red Cross said the camp needs water."
    doc = run(spacy_model, text, actors=[actor("a1", text, "Red Cross")])
    assert by_cue(doc, "said").source.actor == "a1"


def test_pronoun_resolves_to_previous_named_source(spacy_model):
    text = "Mayor Anna Weiss said the roads were open. She added that schools would reopen."
    doc = run(spacy_model, text, actors=[actor("a1", text, "Anna Weiss")])
    s = by_cue(doc, "added")
    assert s.source.text == "She"  # the span stays on the pronoun
    assert s.source.actor == "a1"  # the actor is the resolved one


def test_short_name_resolves_to_earlier_full_name(spacy_model):
    text = "Chancellor Olaf Brandt spoke in Berlin on Monday. Brandt said the budget was balanced."
    doc = run(spacy_model, text, actors=[actor("a7", text, "Olaf Brandt")])
    s = by_cue(doc, "said")
    assert s.source.text == "Brandt" and s.source.actor == "a7"


def test_definite_description_resolves_to_group(spacy_model):
    text = "The Danube Water Agency said levels were falling. The agency also said that two dams were under repair."
    doc = run(spacy_model, text, actors=[actor("a2", text, "The Danube Water Agency")])
    s = by_cue(doc, "also said")
    assert s.source.text == "The agency" and s.source.actor == "a2"


def test_relative_pronoun_source(spacy_model):
    text = "The plan was backed by Tomas Berg, who said the costs were fair."
    doc = run(spacy_model, text, actors=[actor("a3", text, "Tomas Berg")])
    s = by_cue(doc, "said")
    assert s.source.text == "who" and s.source.actor == "a3"


def test_works_without_actors_component(spacy_model):
    doc = run(spacy_model, "He said the road was closed.", actors=None)
    s = by_cue(doc, "said")
    assert s.source.text == "He" and s.source.actor is None


def test_reader_addressed_outside_a_quotation_is_no_source(spacy_model):
    doc = run(spacy_model, "Let's say you think a degree will cost $160,000 in 18 years.")
    assert not [s for s in doc._.statements if s.source is not None and s.source.text == "you"]
