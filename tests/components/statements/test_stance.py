"""Stance, belief, perception and intention cues (PolNeAR attributes these to their subject),
cues that hold their governing verb, and nominal cues with a prepositional target."""

from .helpers import by_cue, run


def test_stance_verb_with_object(spacy_model):
    s = by_cue(run(spacy_model, "Most dock workers support the new harbour levy."), "support")
    assert s.source.text == "Most dock workers" and s.content.text == "the new harbour levy"
    assert s.certainty == "asserted"


def test_seem_is_probable(spacy_model):
    s = by_cue(run(spacy_model, "The coastal council seems to favour a delay."), "seems")
    # "seems" is the writer's impression, not a claim by the council: no source (PolNeAR too)
    assert s.source is None and s.certainty == "probable"
    assert "favour a delay" in s.content.text


def test_intention_verb(spacy_model):
    s = by_cue(run(spacy_model, "The ferry operator plans to cut winter sailings."), "plans")
    assert s.source.text == "The ferry operator" and s.content.text == "to cut winter sailings"


def test_cue_holds_governing_verb(spacy_model):
    doc = run(
        spacy_model,
        "The harbour master went on to say that the pier was unsafe. The mayor continued to insist that it was safe.",
    )
    s = by_cue(doc, "went on to say")
    assert s.source.text == "The harbour master" and s.content.text == "that the pier was unsafe"
    assert by_cue(doc, "continued to insist").source.text == "The mayor"


def test_nominal_cue_with_prepositional_target(spacy_model):
    doc = run(spacy_model, "The union repeated its criticism of the pension reform on Tuesday.")
    s = by_cue(doc, "criticism of")
    assert s.source.text == "its" and s.content.text == "the pension reform"


def test_nominal_target_without_holder_is_no_statement(spacy_model):
    doc = run(spacy_model, "Support for the pension reform fell in the spring.")
    assert not [s for s in doc._.statements if s.cue is not None and s.cue.text.startswith("Support")]
