"""Odd input never crashes and never yields a span outside the text."""

import pytest

from newsledger.components.common.spans import actor_at


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "🙂🙂 North Korea 🚀 said “hello",
        "NORTH KOREA SAID RUSSIA'S MILITARY WOULD HELP.",
        "“Unbalanced quote about Russia",
        "'s 's the the of of",
        "-- - — –",
        "(((North Korea)))",
        "Korea‘s",
        "the North",
        "U.S.-South Korea talks",
        "Ukraine'",
        "Kim Jong-",
        "Élysée Palace said",
    ],
)
def test_odd_inputs(run, text):
    run(text)


def test_glued_possessive_gives_exact_span(run):
    text = "South Korea‘s military said Putin‘s war goes on."
    actors = run(text)
    kor = actors[0]
    assert kor.mentions[0].text == "South Korea‘s military" and (kor.country, kor.sector) == ("KOR", "MIL")
    putin = next(a for a in actors if a.kind == "person")
    assert putin.mentions[0].text == "Putin" and putin.country == "RUS"


def test_accents_and_hyphens_are_normalised(run):
    actors = run("The Elysee and the Élysée Palace both spoke; Türkiye and Turkey too.")
    assert [(a.country, len(a.mentions)) for a in actors] == [("FRA", 2), ("TUR", 2)]


def test_long_text(run):
    para = "North Korea said Russian troops and NATO Secretary General Mark Rutte met in Seoul. "
    text = para * 300
    actors = run(text)
    prk = next(a for a in actors if a.country == "PRK")
    assert len(prk.mentions) == 300


def test_actor_at_maps_spans_to_actors(actors_nlp):
    text = "South Korea's military said North Korea fired."
    doc = actors_nlp(text)
    start = text.index("South")
    got = actor_at(doc, start, start + len("South Korea's military"))
    assert (got.country, got.sector) == ("KOR", "MIL")
    got = actor_at(doc, text.index("North"), text.index(" fired"))
    assert (got.country, got.sector) == ("PRK", "GOV")


def test_random_text_keeps_the_invariants(run):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.sampled_from(
        [
            "North",
            "Korea",
            "Korea‘s",
            "’s",
            "'s",
            "the",
            "South",
            "Russian",
            "forces",
            "of",
            "Kim",
            "Jong-un",
            "President",
            "NATO",
            "Secretary",
            "General",
            "US",
            "us",
            "in",
            "Moscow",
            ",",
            "(",
            ")",
            "JCS",
            "—",
            "-",
            "🙂",
            "\n",
            "Ministry",
            "Defense",
            "Federation",
            "Élysée",
            "said",
            ".",
        ]
    )

    @settings(max_examples=60, deadline=None)
    @given(st.lists(words, max_size=40), st.lists(st.sampled_from(["", " ", "  "]), min_size=40, max_size=40))
    def check(ws, gaps):
        run("".join(w + (gaps[n] if n < len(gaps) else " ") for n, w in enumerate(ws)))

    check()
