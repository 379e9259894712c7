"""The attribute table and the lemma memo give every token what spaCy's own attribute ruler and
lemmatizer give it: each pipeline is run on the same texts, stock and with them in place."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from newsledger.nlp.attribute_table import AttributeTable, tabulate_attribute_ruler
from newsledger.nlp.lemma_memo import LemmaMemo, remember_lemmas
from newsledger.nlp.pipeline import load_model

TEXTS = [
    # the ruler's patterns of two tokens (gon na, got ta, let 's, c'm on, y' all, ai n't, expl + be)
    "Y'all gonna love it, let's go. C'mon, we ain't done and they gotta leave.",
    "There is a problem. There's more, and there were others. It is what it is; did he? He did.",
    # pronoun case from the dependency, auxiliaries, do/have as main verbs, whitespace tokens
    "I gave it to you and you gave it to me. But he has a car, which he had had repaired.",
    "But he left.\n\n  \t Then  they  came back, but we didn't. That was that; those who came, stayed.",
    "The ministers' U.S.-backed talks resumed on Tuesday; 1,100 soldiers were killed, officials said.",
    "",
]


@pytest.fixture(scope="module")
def pipelines():
    stock = load_model()
    ours = load_model()
    assert tabulate_attribute_ruler(ours) and remember_lemmas(ours)
    return stock, ours


def annotations(doc):
    return (
        doc.to_array([POS, TAG, MORPH, LEMMA, DEP, HEAD]).tolist(),
        [(t.lemma_, str(t.morph), t.pos_) for t in doc],
    )


def test_same_annotations_as_spacy(pipelines):
    stock, ours = pipelines
    assert isinstance(ours.get_pipe("attribute_ruler"), AttributeTable)
    assert isinstance(ours.get_pipe("lemmatizer"), LemmaMemo)
    assert stock.pipe_names == ours.pipe_names
    for text in TEXTS + TEXTS:  # twice: the second time every lookup is remembered
        assert annotations(ours(text)) == annotations(stock(text)), text


def test_two_token_patterns_apply(pipelines):
    _, ours = pipelines
    doc = ours("They are gonna win.")
    assert [t.lemma_ for t in doc][2:4] == ["go", "to"]  # set only by the ruler's "gon na" rule


def test_a_ruler_setting_other_attributes_is_left_alone():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "nyc"}]], {"NORM": "new york"})
    assert not tabulate_attribute_ruler(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_patterns_with_operators_still_match_through_a_matcher():
    stock, ours = spacy.blank("en"), spacy.blank("en")
    for nlp in (stock, ours):
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "nice"}]], {"LEMMA": "fine"}, index=-1)
        ruler.add([[{"LOWER": {"REGEX": "^go+d$"}}]], {"LEMMA": "good"})
        ruler.add([[{"ORTH": "x"}, {"IS_SPACE": True}, {"TEXT": {"NOT_IN": ["y"]}}]], {"TAG": "XX"}, index=1)
    assert tabulate_attribute_ruler(ours)
    assert len(ours.get_pipe("attribute_ruler").tables.rest) == 1  # the pattern with an operator
    for text in ["very very nice", "very very good", "goood and god and good", "x  z x  y", "x"]:
        assert [(t.lemma_, t.tag_) for t in ours(text)] == [(t.lemma_, t.tag_) for t in stock(text)], text
    assert [t.lemma_ for t in ours("very very nice")] == ["", "", "fine"]
