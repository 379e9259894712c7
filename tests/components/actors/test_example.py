"""End to end on the worked-example article (skips when ../shared/data is absent)."""

from tests.components.actors.conftest import check_invariants


def _actor_with(actors, mention):
    hits = [a for a in actors if any(m.text == mention for m in a.mentions)]
    assert hits, f"no actor mentioned as {mention!r}"
    assert len(hits) == 1, f"{mention!r} in several actors"
    return hits[0]


def test_example_article(actors_nlp, example_text):
    actors = actors_nlp(example_text)._.actors
    check_invariants(example_text, actors)

    prk = _actor_with(actors, "North Korea")
    assert (prk.country, prk.sector, prk.kind) == ("PRK", "GOV", "country")
    for alias in ("Pyongyang", "DPRK", "North Korean"):
        assert _actor_with(actors, alias) is prk

    rus = _actor_with(actors, "Russia")
    assert rus.country == "RUS" and _actor_with(actors, "Moscow") is rus

    pentagon = _actor_with(actors, "Pentagon")
    assert (pentagon.country, pentagon.sector) == ("USA", "MIL")

    yonhap = _actor_with(actors, "Yonhap News Agency")
    assert (yonhap.country, yonhap.sector) == ("KOR", "JRN")

    rutte = _actor_with(actors, "Mark Rutte")
    assert rutte.country == "NATO" and rutte.kind == "person"

    kim = _actor_with(actors, "Kim Jong Un")
    assert (kim.country, kim.sector) == ("PRK", "GOV")
    assert _actor_with(actors, "Kim") is kim and _actor_with(actors, "Kim Jong-un") is kim

    kor_mil = _actor_with(actors, "South Korea‘s military")
    assert (kor_mil.country, kor_mil.sector) == ("KOR", "MIL")
    assert _actor_with(actors, "JCS") is kor_mil

    prk_mil = _actor_with(actors, "North Korean troops")
    assert (prk_mil.country, prk_mil.sector) == ("PRK", "MIL")

    names = {a.name for a in actors}
    assert not any("Korean War" in n or n == "Europe" for n in names)
