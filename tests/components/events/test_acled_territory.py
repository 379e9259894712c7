"""Territory taken in the ACLED Codebook's terms, told by a phrasal verb whose object stands
between the verb and its particle ("drove the militants out of the town", "took it back").
Full pipeline on invented sentences."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code(nlp):
    def run(text: str) -> str | None:
        doc = nlp(text)
        coded = [e for e in doc._.events if e.acled]
        return max(coded, key=lambda e: e.confidence).acled["sub_event_type"] if coded else None

    return run


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Security forces drove al-Shabaab out of the town of Bulo Marer.", "Government regains territory"),
        (
            "Al-Shabaab fighters drove government troops out of the town of Bulo Marer.",
            "Non-state actor overtakes territory",
        ),
        ("Afghan forces pushed the insurgents out of the district centre.", "Government regains territory"),
    ],
)
def test_a_location_taken_by_a_split_phrasal_verb(code, text, expected):
    assert code(text) == expected


def test_a_split_phrasal_verb_of_no_place_takes_no_territory(code):
    assert code("He took the money back.") is None
