"""Cue spans and cue coverage (PolNeAR conventions): three-word phrasal cues, verbs
governing a reporting infinitive, passive "seen as" stances, quantities of channels, and a
gerund subject the parser hangs on the cue as an xcomp."""

from .helpers import by_cue, run


def test_three_word_phrasal_cue(spacy_model):
    s = by_cue(run(spacy_model, "The senator lashed out at the new tariff plan on Monday."), "lashed out at")
    assert s.source.text == "The senator" and s.content.text == "the new tariff plan"


def test_three_word_phrasal_cue_with_particle_out(spacy_model):
    s = by_cue(run(spacy_model, "Opposition leaders spoke out against the harbour levy."), "spoke out against")
    assert s.source.text == "Opposition leaders" and s.content.text == "the harbour levy"


def test_ruled_that_is_a_cue(spacy_model):
    s = by_cue(run(spacy_model, "The court ruled that the harbour levy was unlawful."), "ruled")
    assert s.source.text == "The court" and s.content.text == "that the harbour levy was unlawful"


def test_cue_holds_governing_adjective_and_copula(spacy_model):
    doc = run(spacy_model, "Democrats were quick to point out that the budget was late.")
    s = by_cue(doc, "were quick to point out")
    assert s.source.text == "Democrats" and s.content.text == "that the budget was late"


def test_cue_holds_any_governing_verb(spacy_model):
    s = by_cue(run(spacy_model, "The mayor has struggled to respond to the flooding."), "has struggled to respond to")
    assert s.source.text == "The mayor" and s.content.text == "the flooding"


def test_passive_seen_as_has_no_source(spacy_model):
    s = by_cue(run(spacy_model, "The harbour plan is widely seen as a mistake."), "is widely seen")
    assert s.source is None
    assert s.content.text.startswith("The harbour plan") and s.content.text.endswith("as a mistake")


def test_quantity_of_channels_extends_cue(spacy_model):
    doc = run(spacy_model, "The mayor unleashed a series of tweets saying that the port was unsafe.")
    s = by_cue(doc, "unleashed a series of tweets saying")
    assert s.source.text == "The mayor" and s.content.text == "that the port was unsafe"


def test_gerund_subject_parsed_as_xcomp(spacy_model):
    s = by_cue(run(spacy_model, "He said legalizing it could put thousands of people to work."), "said")
    assert s.content.text == "legalizing it could put thousands of people to work"


def test_as_x_put_it(spacy_model):
    s = by_cue(run(spacy_model, "As one official put it, the harbour plan is dead."), "put it")
    assert s.source.text == "one official" and s.content.text == "the harbour plan is dead"


def test_put_with_other_object_is_no_cue(spacy_model):
    doc = run(spacy_model, "The mayor put it on the table.")
    assert not [s for s in doc._.statements if s.cue is not None and s.cue.text.startswith("put")]


def test_double_apostrophe_quotation(spacy_model):
    # archive copy marks quotes with two apostrophes; the quote is direct speech with its marks
    doc = run(spacy_model, "''The pier is unsafe,'' the mayor said. ''We will close it.''")
    s = by_cue(doc, "said")
    assert s.source.text == "the mayor" and s.content.text == "''The pier is unsafe,''"
    assert s.direct


def test_cue_inside_double_apostrophe_quote_belongs_to_the_quote(spacy_model):
    doc = run(spacy_model, "''I think the pier is unsafe,'' the mayor said.")
    assert [s.cue.text for s in doc._.statements if s.cue is not None] == ["said"]
