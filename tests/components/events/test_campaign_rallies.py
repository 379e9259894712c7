"""A rally one person holds, addresses or is named in is a campaign event, not a protest,
unless a cause hangs below it; crowds' rallies stay protests."""

from __future__ import annotations

import pytest

from .build import events_of, make_doc

PERSON = {"a1": ("USA", None, ["Ana Ruiz"])}


def _protests(nlp, text, actors=None):
    doc = make_doc(nlp, text, actors=actors or {})
    for a in doc._.actors:
        a.kind = "person"
    return [e for e in events_of(doc) if e.type == "PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz said at a rally in Tucson that taxes would fall.",
        "Ana Ruiz held a rally in Tucson on Saturday.",
        "Thousands cheered at the Ana Ruiz rally in Tucson.",
        "Supporters packed his rallies across the state.",
    ],
)
def test_a_politicians_rally_is_no_protest(spacy_model, text):
    assert _protests(spacy_model, text, PERSON) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz held a rally against the new mining law in Tucson.",
        "Thousands of teachers joined a rally in Tucson to demand higher pay.",
        "Miners staged a rally outside the ministry on Monday.",
    ],
)
def test_a_rally_for_a_cause_or_by_a_crowd_is_a_protest(spacy_model, text):
    assert _protests(spacy_model, text, PERSON if "Ruiz" in text else None)
