"""Countries of actors named without one -- groups named by an ethnic or
religious name, kin and residence demonyms, unknown parties and movements, titled people in a
one-country sentence, acronyms and outlets NER takes for people, ambiguous capitals."""

from tests.components.actors.conftest import by_mention, texts


def _no_actor_at(actors, text):
    assert not any(m.text == text for a in actors for m in a.mentions), actors


# -- named groups (actors/groups) -----------------------------------------------------------
def test_named_group_takes_the_one_country_of_its_sentence(run):
    actors = run("The Mozambique government on Thursday accepted demands from Shona rebels.")
    g = by_mention(actors, "Shona rebels")
    assert (g.country, g.sector, g.kind) == ("MOZ", "REB", "group")


def test_named_group_takes_the_country_it_is_in(run):
    actors = run("Bosnian Serbs demanded a truce with Moslem forces in east Bosnia.")
    g = by_mention(actors, "Moslem forces")
    # forces of a non-state group are armed opposition, not a state's military
    assert (g.country, g.sector) == ("BIH", "REB")


def test_named_group_of_several_group_words_and_religious_name(run):
    actors = run(
        "Islamic fundamentalists continued their hunger strike to demand the resignation "
        "of Algerian President Ahmed Ben Bella."
    )
    assert by_mention(actors, "Islamic fundamentalists").country == "DZA"
    actors = run("The Sri Lankan army has been holding thousands of Tamil civilian refugees.")
    g = by_mention(actors, "Tamil civilian refugees")
    assert (g.country, g.sector) == ("LKA", "REF")


def test_named_group_without_one_country_has_none(run):
    actors = run("Shona rebels attacked a convoy near the border of Zimbabwe and Mozambique.")
    assert by_mention(actors, "Shona rebels").country is None


def test_people_of_a_real_place_are_no_named_group(run):
    actors = run("Texas farmers said Chinese tariffs hurt them.")
    _no_actor_at(actors, "Texas farmers")


# -- kin and residence ---------------------------------------------------------------------
def test_demonym_before_people_noun_is_where_they_live(run):
    actors = run("Bosnian Serbs demanded a truce.")
    g = by_mention(actors, "Bosnian Serbs")
    assert (g.country, g.sector, g.kind) == ("BIH", "CVL", "group")


def test_cypriot_communities_and_settlers(run):
    actors = run("Turkish Cypriot leader Rauf Denktash met Greek Cypriots in Nicosia.")
    assert by_mention(actors, "Rauf Denktash").country == "CYP"
    assert by_mention(actors, "Greek Cypriots").country == "CYP"
    actors = run("Jewish settlers in the West Bank city of Hebron set fire to the offices.")
    assert by_mention(actors, "Jewish settlers").country == "ISR"


# -- people ----------------------------------------------------------------------------------
def test_title_inside_the_person_entity_keeps_the_lexicon_person(run):
    actors = run("Archbishop Desmond Tutu on Sunday called for sanctions against Nigeria.")
    p = by_mention(actors, "Desmond Tutu")
    assert (p.country, p.sector) == ("ZAF", "REL")


def test_part_of_a_longer_person_name_is_not_matched(run):
    actors = run("Pakistan President Mohammad Zia-Ul-Haq today rejected a fresh offer.")
    p = by_mention(actors, "Mohammad Zia-Ul-Haq")
    assert (p.country, p.sector) == ("PAK", "GOV")


def test_junior_minister_keeps_the_owner(run):
    actors = run("Nigerian junior foreign minister Dubem Oniya summoned Niger's ambassador.")
    assert by_mention(actors, "Dubem Oniya").country == "NGA"


def test_minister_for_and_opposition_leader_of_a_one_country_sentence(run):
    actors = run(
        "The Federal Minister for Interior Aftab Ahmad Khan Sherpao allowed opposition "
        "leader Maulana Fazl-ur-Rehman to bring out a rally, according to the Pakistani "
        "Federal Secretary Interior."
    )
    minister = by_mention(actors, "Aftab Ahmad Khan Sherpao")
    assert (minister.country, minister.sector) == ("PAK", "GOV")
    leader = by_mention(actors, "Maulana Fazl-ur-Rehman")
    assert (leader.country, leader.sector) == ("PAK", "OPP")


def test_name_after_member_of_an_organ(run):
    actors = run("A member of the Syrian parliament, Mohammed Mamoun, started a hunger strike.")
    p = by_mention(actors, "Mohammed Mamoun")
    assert (p.country, p.sector) == ("SYR", "LEG")


def test_embassy_does_not_give_a_titled_person_its_country(run):
    actors = run("President Prosper Avril declared a state of siege, a spokeswoman for the U.S. embassy said.")
    assert by_mention(actors, "Prosper Avril").country is None


# -- organisations ---------------------------------------------------------------------------
def test_unknown_party_of_a_one_country_sentence(run):
    actors = run(
        "The fundamentalist Umma (Nation) party has said it will boycott Algeria's first multi-party elections."
    )
    party = next(a for a in actors if a.kind == "organisation" and "Umma" in a.name)
    assert (party.country, party.sector) == ("DZA", "PTY")


def test_acronym_ner_calls_a_person_is_the_movement(run):
    actors = run(
        "Nigerian authorities jailed 52 members of the banned Movement for the "
        "Actualization of the Sovereign State of Biafra (MASSOB) on allegations of treason."
    )
    m = by_mention(actors, "MASSOB")
    assert m.kind == "organisation" and m.country == "NGA" and m.sector == "OPP"
    assert "Movement for the Actualization of the Sovereign State of Biafra" in texts(m)


def test_organisation_located_in_a_country(run):
    actors = run("The IAEA has dispatched inspectors to Esfahan Uranium Conversion Facilities (UCF) in central Iran.")
    assert by_mention(actors, "UCF").country == "IRN"
    _no_actor_at(actors, "Iran")  # "in central Iran": a place


def test_outlet_after_media_word_is_no_person_and_keeps_no_sentence_country(run):
    actors = run(
        "Nicaragua's Sandinista government today ordered the opposition newspaper La Prensa to suspend publication."
    )
    paper = by_mention(actors, "La Prensa")
    assert (paper.kind, paper.sector, paper.country) == ("organisation", "JRN", None)


def test_security_forces_in_a_country_are_its_own(run):
    actors = run("Security forces in Guinea have tortured scores of refugees.")
    assert by_mention(actors, "Security forces in Guinea").country == "GIN"


# -- places ----------------------------------------------------------------------------------
def test_ambiguous_capital_follows_the_article(run):
    actors = run(
        "Syrian officers ended mediation efforts between rival militias in Tripoli as "
        "shells crashed into the north Lebanese port."
    )
    assert by_mention(actors, "militias in Tripoli").country == "LBN"
    actors = run("Rival militias in Tripoli clashed with Libyan government forces.")
    assert by_mention(actors, "militias in Tripoli").country == "LBY"


def test_capital_with_one_letter_moved(run):
    actors = run("Seven opposition parties in Nepal organized a general strike that shut down Khatmandu on Monday.")
    assert by_mention(actors, "Khatmandu").country == "NPL"


def test_weapons_of_a_named_kind_are_no_group(run):
    actors = run("Israel strengthened its forces after the discovery of Russian-made Katyusha rockets in the area.")
    assert not any(a.kind == "group" and "Katyusha" in a.name for a in actors), actors


def test_unnamed_rights_group_is_a_non_governmental_actor(run):
    actors = run(
        "Croatian authorities are failing to uphold property rights, a human rights group protested here Wednesday."
    )
    g = by_mention(actors, "human rights group")
    assert (g.country, g.sector) == ("NGO", "NGO")
    actors = run("The Israeli rights group B'Tselem said the army fired on protesters.")
    g = by_mention(actors, "Israeli rights group")
    assert (g.country, g.sector) == ("ISR", "NGO")


def test_misspelt_plural_country_takes_its_organ(run):
    actors = run("Both the Phillippines military and the rebels violated the ceasefire.")
    a = by_mention(actors, "Phillippines military")
    assert (a.country, a.sector) == ("PHL", "MIL")


def test_kin_americans_are_americans(run):
    actors = run("Indian Americans rallied in Texas.")
    _no_actor_at(actors, "Indian Americans")
    assert by_mention(actors, "Americans").country == "USA"


def test_organ_name_before_troops_is_no_named_group(run):
    actors = run("Governor Smith sent National Guard troops to the city after the Senate vote.")
    assert not any(a.kind == "group" and "National Guard" in a.name for a in actors), actors


def test_bloc_named_group_takes_no_sentence_country(run):
    actors = run("European citizens fled Syria as the fighting spread.")
    g = by_mention(actors, "European citizens")
    assert g.country is None
