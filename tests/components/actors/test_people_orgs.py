"""People (titles, known leaders, short names) and organisations."""

from tests.components.actors.conftest import by_mention, texts


def test_title_with_igo_owner(run):
    actors = run("NATO Secretary General Mark Rutte said the alliance would respond.")
    nato = by_mention(actors, "NATO")
    assert (nato.country, nato.sector, nato.kind) == ("NATO", "IGO", "organisation")
    rutte = by_mention(actors, "Mark Rutte")
    assert (rutte.country, rutte.sector, rutte.kind) == ("NATO", "IGO", "person")


def test_title_with_demonym_owner_gives_country_and_sector(run):
    actors = run(
        "Brazilian Defence Minister Joana Prado visited the base, and Spanish Foreign Minister Lucia Ortega called her."
    )
    prado = by_mention(actors, "Joana Prado")
    assert (prado.country, prado.sector) == ("BRA", "MIL")
    ortega = by_mention(actors, "Lucia Ortega")
    assert (ortega.country, ortega.sector) == ("ESP", "GOV")


def test_former_title_is_elite(run):
    actors = run("Former President Carlos Mendez criticised the plan.")
    assert by_mention(actors, "Carlos Mendez").sector == "ELI"


def test_short_name_resolves_to_full_name(run):
    actors = run("Spanish Foreign Minister Lucia Ortega met her counterpart. Ortega said the talks went well.")
    ortega = by_mention(actors, "Lucia Ortega")
    assert texts(ortega) == ["Lucia Ortega", "Ortega"]
    assert ortega.country == "ESP"


def test_known_leader_spellings_and_short_name(run):
    actors = run("Kim Jong-un inspected the factory. Later Kim Jong Un praised the workers, and Kim left.")
    assert len(actors) == 1
    kim = actors[0]
    assert (kim.name, kim.country, kim.sector, kim.kind) == ("Kim Jong Un", "PRK", "GOV", "person")
    assert texts(kim) == ["Kim Jong-un", "Kim Jong Un", "Kim"]


def test_armed_groups_and_news_agencies(run):
    actors = run(
        "Hamas and Hezbollah praised the Houthis, Reuters reported, citing Yonhap News "
        "Agency. Yonhap later added details."
    )
    got = {a.name: (a.country, a.sector, a.kind) for a in actors}
    assert got["Hamas"] == ("PSE", "REB", "group")
    assert got["Hezbollah"] == ("LBN", "REB", "group")
    assert got["Houthis"] == ("YEM", "REB", "group")
    assert got["Reuters"] == ("GBR", "JRN", "organisation")
    assert texts(by_mention(actors, "Yonhap")) == ["Yonhap News Agency", "Yonhap"]


def test_unknown_organisations_get_sector_from_head_word(run):
    actors = run(
        "Acme Logistics Corp said profits rose, while the University of Lagos opened a "
        "campus and the Zenith Daily News reported protests."
    )
    got = {a.name: a.sector for a in actors}
    assert got == {"Acme Logistics Corp": "BUS", "University of Lagos": "EDU", "Zenith Daily News": "JRN"}


def test_unknown_organisation_takes_country_inside_its_name(run):
    actors = run("The Nigerian Ports Authority said the Kenyan Wildlife Service agreed.")
    got = {a.name: a.country for a in actors}
    assert got.get("Nigerian Ports Authority") == "NGA"


def test_acronym_in_parentheses_is_an_alias(run):
    actors = run("The Coastal Fisheries Board (CFB) met on Monday. The CFB said stocks fell.")
    board = by_mention(actors, "Coastal Fisheries Board")
    assert texts(board) == ["Coastal Fisheries Board", "CFB"]


def test_title_forms_after_the_name(run):
    actors = run(
        "President Ali Karimov of Uzbekistan met Prime Minister Jonas Berg, and Tomas "
        "Lindqvist, head of the IAEA, joined them."
    )
    assert by_mention(actors, "Ali Karimov").country == "UZB"
    assert by_mention(actors, "Jonas Berg").country is None  # not assumed to share Karimov's country
    lindqvist = by_mention(actors, "Tomas Lindqvist")
    assert (lindqvist.country, lindqvist.sector) == ("IAEA", "IGO")


def test_title_with_modifier_between_owner_and_title(run):
    actors = run("Lebanon's new President Elias Haddad said the country would recover.")
    assert (by_mention(actors, "Elias Haddad").country, by_mention(actors, "Elias Haddad").sector) == ("LBN", "GOV")


def test_a_company_named_after_its_founder_is_an_organisation(run):
    actors = run("Dick Clark Productions denied the claims. Dick Clark said he had never met her.")
    company = by_mention(actors, "Dick Clark Productions")
    assert (company.kind, company.sector) == ("organisation", "BUS")
    assert by_mention(actors, "Dick Clark").kind == "person"
