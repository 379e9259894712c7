"""Odd input never crashes and never yields a span outside the text."""

import pytest

from .helpers import assert_spans_valid, run

ODD = [
    "",
    "   \n\n  ",
    "“",
    "”",
    '"',
    "He said: “this quote never closes\n\nAnother paragraph.",
    "“Nested “marks” everywhere,” she said “and” more ” stray.",
    "THE MINISTRY SAID THE BORDER IS CLOSED. “WE WILL NOT RETREAT,” THE GENERAL SAID.",
    "The mayor 😀 said the 🌊 flood is over. “All good 👍,” she added.",
    "said said said according to according to",
    "according to",
    ": “”",
    "\n“Only a quote paragraph with nobody before it.”\n",
]


@pytest.mark.parametrize("text", ODD)
def test_odd_input(spacy_model, text):
    doc = run(spacy_model, text)
    assert isinstance(doc._.statements, list)
    assert_spans_valid(doc)


def test_huge_text_is_linear_and_valid(spacy_model):
    para = "“The dam is holding,” the engineer said. Officials said the river may rise, according to the water board.\n"
    text = para * 400
    spacy_model.max_length = max(spacy_model.max_length, len(text) + 1)
    doc = run(spacy_model, text)
    assert len(doc._.statements) >= 3 * 400
    assert_spans_valid(doc)
    ids = [s.id for s in doc._.statements]
    assert len(set(ids)) == len(ids)


def test_statement_ids_and_contract(spacy_model):
    doc = run(spacy_model, "The union said the talks may collapse. “We are ready,” the owner said.")
    assert [s.id for s in doc._.statements] == [f"s{i + 1}" for i in range(len(doc._.statements))]
    for s in doc._.statements:
        d = s.to_dict()
        assert set(d) >= {"id", "direct", "source", "cue", "content", "certainty", "via", "hedged"}
        assert d["certainty"] in ("asserted", "probable", "possible", "denied")
