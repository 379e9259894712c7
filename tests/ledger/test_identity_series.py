"""Canonical identities of participants and sources, claim origins through relays, and figure series
by measure and subject, on hand-built rows."""

from __future__ import annotations

from newsledger.ledger import identity, relay, series

ACTORS = {
    "a1": {"name": "South Korean military", "country": "KOR", "sector": "MIL", "kind": "organisation"},
    "a2": {"name": "North Korea", "country": "PRK", "sector": "GOV", "kind": "country"},
    "a3": {"name": "Yonhap News Agency", "country": "KOR", "sector": "JRN", "kind": "organisation"},
    "a4": {"name": "Eva-Marie Persson", "country": "SWE", "sector": "JUD", "kind": "person"},
    "a5": {"name": "Ms Persson", "country": None, "sector": None, "kind": "person"},
    "a6": {"name": "police", "country": "IRQ", "sector": "COP", "kind": "organisation"},
    "a7": {"name": "Syrian people", "country": "SYR", "sector": "CVL", "kind": "group"},
    "a8": {"name": "Joint Chiefs of Staff", "country": "KOR", "sector": "MIL", "kind": "organisation"},
    "a9": {"name": "JCS", "country": "KOR", "sector": "MIL", "kind": "organisation"},
    "a10": {"name": "Russia's defence ministry", "country": "RUS", "sector": "MIL", "kind": "organisation"},
    "a11": {"name": "Mosul", "country": "IRQ", "sector": None, "kind": "organisation"},
}


def test_name_variants_of_one_party_share_one_key():
    names = {identity.norm(a["name"]) for a in ACTORS.values()}
    key = lambda aid: identity.key(ACTORS[aid], names, {"mosul"})  # noqa: E731
    assert key("a4") == key("a5") == "p:persson"
    assert key("a1") == key("a8") == key("a9") == "o:joint chiefs of staff"
    assert key("a10") == "f:RUS:MIL"  # a national body named by its country and what it is
    assert key("a2") is None  # a country is no participant
    assert key("a7") is None  # nor a people
    assert key("a6") == "f:IRQ:COP"  # "police": only the force of its country
    assert key("a11") is None  # a place read as a party
    assert identity.keys_of(["a4", "a5", None, "zz"], ACTORS, "A:") == ["A:p:persson"]


def test_the_origin_of_a_relayed_claim_is_its_claimant():
    statements = {
        "s1": {"source": {"text": "South Korea's military", "actor": "a1"}, "via": "s2"},
        "s2": {"source": {"text": "Seoul news outlet Yonhap News Agency", "actor": "a3"}, "via": None},
        "s3": {"source": {"text": "The JCS", "actor": "a9"}, "via": None},
        "s4": {"source": {"text": "they"}, "via": "s3"},
        "s5": {"source": {"text": "Ms Persson", "actor": "a5"}, "via": None},
    }
    assert relay.chain("s1", statements) == ["South Korea's military", "Seoul news outlet Yonhap News Agency"]
    assert relay.origin("s1", statements, "Newsweek", ACTORS) == "joint chiefs of staff"
    assert relay.origin("s3", statements, "Newsweek", ACTORS) == "joint chiefs of staff"
    assert relay.origin("s4", statements, "Newsweek", ACTORS) == "joint chiefs of staff"  # a pronoun: next out
    assert relay.origin("s5", statements, "BBC", ACTORS) == "eva-marie persson"
    assert relay.origin(None, statements, "The Daily Paper") == "daily paper"


TEXT = (
    "South Korea's military said approximately 1,100 soldiers have been killed. Pyongyang previously "
    "deployed more than 11,000 soldiers to Kursk. The Pentagon estimated the losses to be several hundred."
)


def _figure(fid: str, text: str, value, low=None, high=None, origin="joint chiefs of staff", **kw) -> series.Item:
    start = TEXT.index(text)
    row = {
        "id": fid,
        "article_id": "a",
        "start": start,
        "end": start + len(text),
        "text": text,
        "value": value,
        "low": low,
        "high": high,
        "bound": "~",
        "approx": True,
        "unit": None,
        "published": "2024-12-23",
        "outlet": "Newsweek",
        "actor_country": "PRK",
        **kw,
    }
    return series.Item(
        row=row,
        kind=series.kind(TEXT, row["start"], row["end"], row.get("counted")),
        place=None,
        lat=None,
        lon=None,
        origin=origin,
        chain=[],
    )


def test_measures_come_from_the_governing_cue():
    killed = _figure("f1", "approximately 1,100 soldiers", 1100, counted="soldiers")
    deployed = _figure("f2", "more than 11,000 soldiers", 11000, counted="soldiers")
    vague = _figure("f3", "several hundred", None, 200, 900, origin="us department of defense")
    assert (killed.kind, deployed.kind, vague.kind) == ("killed", "deployed", "casualties")


def test_series_keep_measures_apart_and_count_origins():
    items = [
        _figure("f1", "approximately 1,100 soldiers", 1100, counted="soldiers"),
        _figure("f2", "more than 11,000 soldiers", 11000, counted="soldiers", origin="newsweek"),
        _figure("f3", "several hundred", None, 200, 900, origin="us department of defense"),
        _figure("f4", "approximately 1,100 soldiers", 1000, counted="soldiers", origin="yonhap news agency"),
    ]
    found = {s["measure"]: s for s in series.group(items)}
    assert set(found) == {"killed", "deployed", "casualties"}
    assert found["killed"]["subject"] == "PRK soldiers" and found["killed"]["independent_sources"] == 2
    assert found["deployed"]["spread"] == {"min": 11000, "max": 11000}
    assert found["casualties"]["spread"] == {"min": 200, "max": 900}  # a vague amount, with its range
    assert found["casualties"]["origins"] == ["us department of defense"]


def test_a_persons_key_is_its_capitalised_words():
    # the recogniser ran on into lowercase words: "Herbert Flynn Jr told", "Ross doesn"
    assert identity.key({"name": "Herbert Flynn Jr told", "kind": "person"}) == "p:flynn"
    assert identity.key({"name": "Ross doesn", "kind": "person"}) == "p:ross"
    assert identity.key({"name": "Eva-Marie Persson", "kind": "person"}) == "p:persson"


def test_a_full_name_drops_the_words_the_recogniser_ran_on_into_as_the_key_does():
    actor = {"name": "Herbert Flynn Jr told", "kind": "person"}
    assert identity.key(actor) == "p:flynn"
    assert identity.full_names({"a1": actor}) == {"herbert flynn"}
