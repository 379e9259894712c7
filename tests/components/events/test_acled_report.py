"""What the whole report tells ACLED (events/acled_report.py, events/acled_fallback.py), through the
full pipeline on invented sentences: recalled events get no ACLED coding from this report, the
means named in another sentence code the attack, a weapon word naming a thing is no means, and a
text whose event words code nothing gets an event from the codebook's cue words."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events(nlp):
    def run(text: str) -> dict[str, tuple[str, str | None]]:
        doc = nlp(text)
        return {e.trigger.text: (e.type, (e.acled or {}).get("sub_event_type")) for e in doc._.events}

    return run


def test_an_earlier_dated_event_told_of_participants_is_not_coded_again(events):
    got = events("Thousands of protesters rallied in the capital to mourn demonstrators killed by police last month.")
    assert got["rallied"] == ("PROTEST", "Peaceful protest")
    assert got["killed"] == ("ASSAULT", None)  # still a PLOVER event


def test_the_event_a_report_answers_lends_it_no_weapon(events):
    got = events("The air force launched air strikes on the rebel camp in retaliation for a gas attack on the town.")
    assert got["launched"][1] == "Air/drone strike"
    assert got["attack"][1] is None


def test_an_event_word_classifying_a_thing_is_not_coded(events):
    got = events("Rebels seized a rocket-launching site near the air base.")
    assert got["seized"][1] == "Non-state actor overtakes territory"
    assert got.get("launching", ("ASSAULT", None))[1] is None


def test_the_weapon_of_the_next_sentence_codes_the_attack(events):
    got = events(
        "Militants attacked a police station in the city on Monday. The attackers used hand grenades, police said."
    )
    assert got["attacked"][1] == "Grenade"


def test_a_chemical_agent_named_anywhere_makes_a_chemical_weapon_event(events):
    got = events(
        "Rebels fired shells into two districts of the city on Wednesday. "
        "Doctors suspect the shells contained chlorine."
    )
    assert got["fired"][1] == "Chemical weapon"
    # without the agent the same attack is shelling
    assert events("Rebels fired shells into two districts of the city on Wednesday.")["fired"][1] == (
        "Shelling/artillery/missile attack"
    )


def test_a_weapon_word_naming_a_thing_is_no_means(events):
    assert events("Jets struck three chemical weapons facilities near the capital.")["struck"][1] == "Air/drone strike"


def test_cue_words_code_a_text_whose_event_words_coded_nothing(events):
    got = events("A group of strikers booed the president outside the theatre on Monday.")
    assert ("PROTEST", "Peaceful protest") in got.values()
    got = events("Two barrel bombs loaded with poison gas fell on farmland held by the rebels.")
    assert ("ASSAULT", "Chemical weapon") in got.values()


def test_no_fallback_event_where_the_cue_is_negated_out_of_scope_or_only_named(events):
    assert not [s for _, s in events("No protests were reported in the capital on Sunday.").values() if s]
    stash = events("Police found a stash of projectiles in a house near the market.")
    assert "Shelling/artillery/missile attack" not in {s for _, s in stash.values()}
    assert not [
        s for _, s in events("An earthquake destroyed homes and the protest camp outside the city.").values() if s
    ]


def test_a_location_taken_without_a_fight_is_a_non_violent_transfer(events):
    got = events(
        "Al-Shabaab militants have taken control of the village of Kuna. "
        "The militants seized the area following the withdrawal of government forces."
    )
    assert {s for _, s in got.values() if s} == {"Non-violent transfer of territory"}
    got = events("Government troops took control of several towns without any armed clashes.")
    assert "Armed clash" not in {s for _, s in got.values()}


def test_an_attack_on_a_party_that_fights_back_is_a_clash():
    from newsledger.components.events.acled import AcledCoder
    from newsledger.components.events.acled_report import one_fight
    from newsledger.records import Event, Span

    describe = AcledCoder().describe

    def event(sub: str, actor: str, recipient: str | None) -> Event:
        return Event("", "ASSAULT", Span(0, 1, "x"), acled=describe(sub), actor=actor, recipient=recipient)

    attack, fight = event("Attack", "a1", "a2"), event("Armed clash", "a3", "a1")
    one_fight([attack, fight], describe)
    assert attack.acled["sub_event_type"] == "Armed clash"
    alone = event("Attack", "a1", "a2")
    one_fight([alone, event("Armed clash", "a3", "a4")], describe)
    assert alone.acled["sub_event_type"] == "Attack"  # another fight between other parties
    clash, taken = event("Armed clash", "a1", "a2"), event("Non-state actor overtakes territory", "a1", None)
    one_fight([clash, taken], describe)
    assert clash.acled["sub_event_type"] == "Non-state actor overtakes territory"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A suicide car bomber rammed his vehicle into an army checkpoint in Mogadishu.", "Suicide bomb"),
        (
            "Government helicopters dropped barrels filled with chlorine on the village, activists said.",
            "Chemical weapon",
        ),
        ("Militia members sexually assaulted two girls in the displacement camp.", "Sexual violence"),
        ("Rebels destroyed a bridge on the main road to Bunia.", "Looting/property destruction"),
        ("Fulani herdsmen attacked farmers in Benue, killing eight people.", "Attack"),
        ("Gunmen stormed a village in Zamfara state and killed 30 villagers.", "Attack"),
        (
            "Government troops withdrew from the town and militants moved in without a fight.",
            "Non-violent transfer of territory",
        ),
    ],
)
def test_codebook_sentences_the_trigger_words_miss(events, text, expected):
    assert expected in {s for _, s in events(text).values()}


def test_the_fallback_respects_words_the_trigger_lexicon_declined(events):
    assert not [s for _, s in events("Stocks rallied in early trading on Monday.").values() if s]
    assert not [s for _, s in events("The minister vowed to step up the fight against corruption.").values() if s]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A hand grenade was thrown into a crowd at a political rally in Kampala, injuring 11 people.", "Grenade"),
        (
            "Riot police dispersed a protest by opposition supporters in Dhaka using batons.",
            "Protest with intervention",
        ),
        ("A crowd beat to death two men suspected of child abduction in a village in Jharkhand.", "Mob violence"),
        ("Police arrested five journalists covering the protest in Harare.", "Arrests"),
        ("Rebels withdrew from Goma and handed the city over to UN peacekeepers.", "Non-violent transfer of territory"),
    ],
)
def test_who_and_what_decide_around_demonstrations_and_handovers(code_top, text, expected):
    assert code_top(text) == expected


@pytest.fixture(scope="module")
def code_top(nlp):
    def run(text: str) -> str | None:
        coded = [e for e in nlp(text)._.events if e.acled]
        return max(coded, key=lambda e: (e.confidence, -e.trigger.start)).acled["sub_event_type"] if coded else None

    return run


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hundreds of youths clashed with police and torched vehicles in the city centre.", "Violent demonstration"),
        ("Villagers lynched a suspected cattle thief in Kenya's Rift Valley.", "Mob violence"),
        ("Lawyers boycotted the courts across the country to protest the arrest of a colleague.", "Peaceful protest"),
        ("Gunmen seized a Catholic priest from his parish in Edo state.", None),  # a person, not a location
    ],
)
def test_crowds_grievances_and_what_is_taken(code_top, text, expected):
    assert code_top(text) == expected
