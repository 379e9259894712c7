"""Countries and their organs: one actor per entity, every mention."""

from tests.components.actors.conftest import by_mention, texts


def test_name_capital_acronym_and_demonym_are_one_country(run):
    actors = run(
        "North Korea fired a missile on Monday. Pyongyang said the DPRK would go on, "
        "and North Korean weapons were shown at a parade."
    )
    prk = by_mention(actors, "North Korea")
    assert (prk.country, prk.sector, prk.kind, prk.name) == ("PRK", "GOV", "country", "North Korea")
    assert texts(prk) == ["North Korea", "Pyongyang", "DPRK", "North Korean"]


def test_capital_and_seat_of_power_are_the_country(run):
    actors = run("Russia denied the report. Moscow called it false, and the Kremlin said talks would go on.")
    assert len(actors) == 1
    assert texts(actors[0]) == ["Russia", "Moscow", "Kremlin"]
    assert actors[0].country == "RUS"


def test_official_long_name_is_the_country(run):
    actors = run("The Russian Federation and Russia are the same state.")
    assert [(a.country, texts(a)) for a in actors] == [("RUS", ["Russian Federation", "Russia"])]


def test_the_north_and_the_south_only_in_a_korean_context(run):
    actors = run(
        "North Korea tested a rocket. Analysts in Seoul said the North could test again "
        "and that South Korea was ready, adding that the South would respond."
    )
    assert "North" in texts(by_mention(actors, "North Korea"))
    assert texts(by_mention(actors, "South Korea")) == ["South Korea", "South"]  # "in Seoul": a place
    assert run("Voters in the North backed the party, and the South stayed loyal.") == []


def test_locative_capital_is_a_place_not_an_actor(run):
    actors = run("Protesters gathered in Moscow on Friday. Moscow said the rally was illegal.")
    assert len(actors) == 1 and texts(actors[0]) == ["Moscow"]
    assert actors[0].mentions[0].start > 30


def test_country_organs_are_actors_of_their_own(run):
    text = (
        "South Korea's military said that Russia's defence ministry and Kyiv's military "
        "intelligence disagreed. South Korea called for calm."
    )
    actors = run(text)
    kor_mil = by_mention(actors, "South Korea's military")
    assert (kor_mil.country, kor_mil.sector, kor_mil.kind) == ("KOR", "MIL", "organisation")
    assert kor_mil.name == "South Korean military"
    rus = by_mention(actors, "Russia's defence ministry")
    assert (rus.country, rus.sector) == ("RUS", "MIL")
    ukr = by_mention(actors, "Kyiv's military intelligence")
    assert (ukr.country, ukr.sector) == ("UKR", "SPY")
    kor = by_mention(actors, "South Korea")
    assert kor is not kor_mil and kor.sector == "GOV"


def test_organ_of_country_is_the_same_organ(run):
    actors = run(
        "Russia's defence ministry denied it, and the Ministry of Defense of the Russian "
        "Federation later issued a statement."
    )
    assert len(actors) == 1
    assert texts(actors[0]) == ["Russia's defence ministry", "Ministry of Defense of the Russian Federation"]


def test_demonym_with_head_noun_takes_the_sector_of_the_head(run):
    actors = run(
        "North Korean troops crossed the border while Russian and North Korean forces "
        "trained together; Russian officials denied it."
    )
    prk_mil = by_mention(actors, "North Korean troops")
    assert (prk_mil.country, prk_mil.sector) == ("PRK", "MIL")
    assert "North Korean forces" in texts(prk_mil)
    rus_mil = by_mention(actors, "Russian")  # "Russian (and North Korean) forces"
    assert (rus_mil.country, rus_mil.sector) == ("RUS", "MIL")
    rus = by_mention(actors, "Russian officials")  # government words = the country itself
    assert (rus.country, rus.sector, rus.kind) == ("RUS", "GOV", "country")


def test_seats_of_power(run):
    actors = run("The Pentagon said the White House would decide whether the United States sends more aid.")
    pentagon = by_mention(actors, "Pentagon")
    assert (pentagon.country, pentagon.sector) == ("USA", "MIL")
    usa = by_mention(actors, "White House")
    assert (usa.country, usa.sector) == ("USA", "GOV")
    assert "United States" in texts(usa)


def test_named_organ_merges_with_the_generic_one(run):
    actors = run("Israeli troops entered the town, the IDF said.")
    assert len(actors) == 1
    assert texts(actors[0]) == ["Israeli troops", "IDF"]
    assert (actors[0].country, actors[0].sector, actors[0].name) == ("ISR", "MIL", "Israel Defense Forces")


def test_joint_chiefs_take_the_country_of_the_article(run):
    korean = run(
        "South Korea's Joint Chiefs of Staff said North Korea fired two missiles. "
        "The JCS added that Seoul was on alert, and South Korea's military agreed."
    )
    jcs = by_mention(korean, "JCS")
    assert (jcs.country, jcs.sector) == ("KOR", "MIL")
    assert "South Korea's military" in texts(jcs)
    american = run("The Joint Chiefs of Staff briefed the president.")
    assert [(a.country, a.sector) for a in american] == [("USA", "MIL")]


def test_not_actors_wars_languages_regions(run):
    actors = run("The Korean War ended in 1953. She speaks Russian fluently. Europe is divided.")
    assert actors == []


def test_acronyms_match_case(run):
    assert run("Let us go, they told us.") == []
    actors = run("The US said LeT militants attacked.")
    assert [a.country for a in actors] == ["USA", "PAK"]


def test_address_and_dateline_are_places(run):
    actors = run("WASHINGTON (AP) — Troops entered Sudzha, Russia, and the White House said Washington would act.")
    assert [(a.name, texts(a)) for a in actors] == [
        ("Associated Press", ["AP"]),
        ("United States", ["White House", "Washington"]),
    ]


def test_group_words_keep_their_phrase(run):
    actors = run("Syrian opposition forces clashed with Syrian government forces.")
    assert [(a.sector, texts(a)) for a in actors] == [
        ("OPP", ["Syrian opposition forces"]),
        ("MIL", ["Syrian government forces"]),
    ]


def test_plural_and_noun_demonyms_are_the_people(run):
    actors = run("Syrians fled the town while a Palestinian was hurt; Syria denied it.")
    people = by_mention(actors, "Syrians")
    assert (people.country, people.sector, people.kind) == ("SYR", "CVL", "group")
    assert by_mention(actors, "Palestinian").sector == "CVL"
    assert by_mention(actors, "Syria") is not people
