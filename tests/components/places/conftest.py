"""Fixtures of the places tests: one spaCy model with the places component, per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def places_nlp():
    import newsledger.components.places.component  # noqa: F401  (registers the factory)
    from newsledger.nlp.pipeline import load_model

    nlp = load_model()
    nlp.add_pipe("newsledger_places")
    return nlp


@pytest.fixture(scope="session")
def places_of(places_nlp):
    def run(text: str):
        return places_nlp(text)._.places

    return run


def by_name(places, fragment: str):
    """The places whose name or a mention contains fragment."""
    return [p for p in places if fragment in p.name or any(fragment in m.text for m in p.mentions)]


def roles(places, fragment: str) -> set[str]:
    """The roles of the mentions that contain fragment."""
    return {m.role for p in places for m in p.mentions if fragment in m.text}
