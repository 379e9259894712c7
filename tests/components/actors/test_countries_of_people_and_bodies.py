"""People and bodies named without a country -- a person's country and
sector from the organisation attached to them ("X of the Kenyan foreign ministry", "X, a
spokesman for the Sudanese army", "U.N. mediator X"), titled people under a dateline,
transnational bodies the lexicons do not know, and an ambiguous city whose appositive names
its state."""

from tests.components.actors.conftest import by_mention


# -- people attached to an organisation --------------------------------------------------------
def test_name_of_an_organ_takes_its_country_and_sector(run):
    actors = run("Paul Otieno of the Kenyan foreign ministry said talks would resume.")
    p = by_mention(actors, "Paul Otieno")
    assert (p.country, p.sector, p.kind) == ("KEN", "GOV", "person")


def test_name_of_a_country_takes_the_country_but_no_sector(run):
    # "of Britain" says where X is from, not what X does
    p = by_mention(run("Police arrested John Smith of Britain on Friday."), "John Smith")
    assert (p.country, p.sector) == ("GBR", None)


def test_name_of_an_igo_is_its_official(run):
    p = by_mention(run("Paul Otieno of the United Nations said talks would resume."), "Paul Otieno")
    assert p.country == "UN"


def test_appositive_title_for_an_organ(run):
    actors = run("Ahmed Ali, a spokesman for the Sudanese army, said the rebels fled.")
    p = by_mention(actors, "Ahmed Ali")
    assert (p.country, p.sector) == ("SDN", "MIL")


def test_mediator_of_an_igo(run):
    actors = run("Afghan rebel leaders said they would meet U.N. mediator Diego Cordovez soon.")
    p = by_mention(actors, "Diego Cordovez")
    assert (p.country, p.sector) == ("UN", "IGO")
    actors = run("Sudanese negotiator Ali Osman said the talks had failed.")
    assert by_mention(actors, "Ali Osman").country == "SDN"


# -- titles without owner ----------------------------------------------------------------------
def test_titled_person_under_a_dateline_takes_its_country(run):
    p = by_mention(
        run("MOGADISHU (Reuters) - President Ali Mahdi Mohamed said he would meet the rebels."), "Ali Mahdi Mohamed"
    )
    assert p.country == "SOM"


def test_news_outlet_does_not_count_as_a_country_of_the_sentence(run):
    # AP is American; the story is Haiti's
    p = by_mention(
        run("PORT-AU-PRINCE, Haiti (AP) -- President Prosper Avril declared a state of siege on Saturday."),
        "Prosper Avril",
    )
    assert p.country == "HTI"


def test_titled_person_without_country_anywhere_has_none(run):
    p = by_mention(run("President Prosper Avril declared a state of siege on Saturday."), "Prosper Avril")
    assert p.country is None


# -- bare organs and transnational bodies ------------------------------------------------------
def test_unknown_body_with_a_transnational_name_is_an_ngo(run):
    actors = run("Members of the Association of African Jurists investigated the killings.")
    assert by_mention(actors, "Association of African Jurists").country == "NGO"
    actors = run("The Third World Water Forum concluded on Saturday that the US must pay more.")
    assert by_mention(actors, "Third World Water Forum").country == "NGO"


def test_unknown_body_with_a_national_name_is_no_ngo(run):
    actors = run("The Kenya Farmers Association said prices fell.")
    assert all(a.country != "NGO" for a in actors)


def test_oau_is_the_african_union_body(run):
    actors = run("The Organization of African Unity condemned the coup.")
    org = by_mention(actors, "Organization of African Unity")
    assert (org.country, org.sector) == ("AU", "IGO")


# -- ambiguous cities --------------------------------------------------------------------------
def test_appositive_names_the_state_of_an_ambiguous_city(run):
    # the article names Libya more, but the appositive decides
    actors = run(
        "Tripoli, the north Lebanese port, was shelled again, while Libya stayed quiet "
        "and Libyan officials said nothing about Libya."
    )
    assert by_mention(actors, "Tripoli").country == "LBN"
    actors = run("Gunmen attacked Tripoli, Lebanon's second city, as Libya and Libyan officials watched.")
    assert by_mention(actors, "Tripoli").country == "LBN"


def test_ambiguous_city_without_appositive_follows_the_article(run):
    actors = run("Gunmen attacked Tripoli, as Libya and Libyan officials watched.")
    assert by_mention(actors, "Tripoli").country == "LBY"
