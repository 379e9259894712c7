"""Run the statements component alone over the bare model (the shared model is not modified)."""

from __future__ import annotations

from newsledger.components.statements.component import StatementsComponent
from newsledger.components.statements.lexicon import StatementLexicon

_COMPONENT = StatementsComponent(StatementLexicon.load())


def run(spacy_model, text: str, actors=None):
    doc = spacy_model(text)
    doc._.actors = actors
    _COMPONENT(doc)
    return doc


def by_cue(doc, cue_text: str):
    found = [s for s in doc._.statements if s.cue is not None and s.cue.text == cue_text]
    assert found, f"no statement with cue {cue_text!r}: {[s.cue and s.cue.text for s in doc._.statements]}"
    return found[0]


def assert_spans_valid(doc):
    text = doc.text  # Doc.text is rebuilt on each access
    for s in doc._.statements:
        for sp in (s.source, s.cue, s.content):
            if sp is not None:
                assert 0 <= sp.start < sp.end <= len(text)
                assert text[sp.start : sp.end] == sp.text
