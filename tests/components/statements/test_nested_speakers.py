"""A source holding a relative clause that is itself a statement ("Mr. Kamin, who noted that ...")
stops before it; a descriptive relative clause stays in the source."""

from .helpers import assert_spans_valid, by_cue, run


def test_reporting_relative_clause_leaves_the_outer_source(spacy_model):
    text = (
        '"The plan adds a lot of complexity," said Mr. Kamin, who noted that the proposals would '
        "simplify returns for small businesses."
    )
    doc = run(spacy_model, text)
    assert_spans_valid(doc)
    assert by_cue(doc, "said").source.text == "Mr. Kamin"
    assert by_cue(doc, "noted").source.text == "who"


def test_descriptive_relative_clause_stays_in_the_source(spacy_model):
    text = "Sarah Aubrey, who oversees programming at the network, said the series would return in May."
    doc = run(spacy_model, text)
    assert by_cue(doc, "said").source.text == "Sarah Aubrey, who oversees programming at the network"


def test_speech_act_noun_in_a_relative_clause_leaves_the_outer_source(spacy_model):
    doc = run(spacy_model, "Her rival was endorsed by Sanders, who has already sent fundraising pleas on her behalf.")
    assert by_cue(doc, "was endorsed by").source.text == "Sanders"
