"""Fixtures of the actor tests: the spaCy model plus newsledger_actors only."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def actors_nlp():
    import newsledger.components.actors.component  # noqa: F401  (registers the factory)
    from newsledger.nlp.pipeline import load_model

    nlp = load_model()
    nlp.add_pipe("newsledger_actors", last=True)
    return nlp


@pytest.fixture(scope="session")
def run(actors_nlp):
    """Text -> list of actors, checking the span invariants on every call."""

    def _run(text: str):
        doc = actors_nlp(text)
        actors = doc._.actors
        check_invariants(text, actors)
        return actors

    return _run


def check_invariants(text, actors):
    seen = set()
    for n, a in enumerate(actors, 1):
        assert a.id == f"a{n}"
        assert a.mentions, a
        for m in a.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text
            assert (m.start, m.end) not in seen, f"span {m} in two actors"
            seen.add((m.start, m.end))
    firsts = [min(m.start for m in a.mentions) for a in actors]
    assert firsts == sorted(firsts), "ids must follow the order of first mention"


def by_mention(actors, text):
    """The actor with a mention whose text is `text`."""
    hits = [a for a in actors if any(m.text == text for m in a.mentions)]
    assert len(hits) == 1, f"{text!r} in {len(hits)} actors: {actors}"
    return hits[0]


def texts(actor):
    return [m.text for m in actor.mentions]
