"""The actor aliases' tokenised views: read back from the cache exactly as made, remade when an alias changes."""

from __future__ import annotations

import spacy

from newsledger.components.actors import aliases
from newsledger.components.actors.lexicon import _is_acronym

PATTERNS = {
    "kim jong-un": ["Kim Jong-un", "KIM JONG-UN"],
    "gen.": ["Gen."],
    "us": ["US"],
    "élysée": ["Élysée"],
    "-": ["-"],  # no words once hyphens are dropped: left out
}


def test_read_back_as_made_and_remade_on_change(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_HOME", str(tmp_path))
    nlp = spacy.blank("en")
    made = [aliases._tokenise(nlp, k, a, _is_acronym) for k, a in PATTERNS.items()]
    expected = [t for t in made if t]
    assert [t[0] for t in expected] == ["kim jong-un", "gen.", "us", "élysée"]
    assert expected[0][1] == [("kim", "jong", "un")] and expected[2][3] == {("US",)}
    calls = []
    real = aliases._tokenise

    def counting(*args):
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(aliases, "_tokenise", counting)
    first = aliases.tokenised_aliases(nlp, PATTERNS, _is_acronym)
    second = aliases.tokenised_aliases(nlp, PATTERNS, _is_acronym)
    assert first == second == expected
    assert len(calls) == len(PATTERNS)  # the second came from the cache file
    changed = {**PATTERNS, "us": ["US", "U.S."]}
    assert aliases.tokenised_aliases(nlp, changed, _is_acronym) != first  # a new alias: made again
    assert len(calls) == 2 * len(PATTERNS)
