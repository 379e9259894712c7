"""Tokens that normalise to nothing (lone combining marks) must not break actor matching."""

from newsledger import extract


def test_lone_combining_mark_token():
    text = "Officials in Kyiv \u0301 said Russia \u0301 launched drones at Ukraine."
    [result] = extract([text], published="2024-12-01")
    countries = {a.country for a in result.actors}
    assert {"RUS", "UKR"} <= countries
    for a in result.actors:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text
