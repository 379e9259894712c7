"""The actor lexicons are consistent: codes exist, aliases are unambiguous, coverage is complete."""

import pytest

from newsledger.components.actors.lexicon import CAPITAL, COUNTRY, DEMONYM, PERSON, SEAT, ActorLexicon
from newsledger.tables import read_rows


@pytest.fixture(scope="module")
def lex(actors_nlp):
    return ActorLexicon(actors_nlp)


def test_every_code_is_a_country_or_a_declared_body(lex):
    known = set(lex.countries) | set(lex.rules["bodies"])
    for es in lex.entries.values():
        for e in es:
            if e.country is not None:
                assert e.country in known, f"{e.alias!r}: unknown code {e.country}"
            for code in e.extra:
                assert code in known, f"{e.alias!r}: unknown code {code}"


def test_country_aliases_name_one_country(lex):
    for key, es in lex.entries.items():
        codes = {e.country for e in es if e.kind in (COUNTRY, DEMONYM, CAPITAL, SEAT)}
        assert len(codes) <= 1, f"{key!r} names {codes}"


def test_all_sovereign_states_have_adjective_and_aliases(lex):
    rows = read_rows("newsledger.components.actors", "countries.tsv")
    with_demonyms = [r for r in rows if len(r) > 4 and r[4].strip()]
    assert len(rows) >= 240 and len(with_demonyms) >= 185
    for code in ("PRK", "KOR", "RUS", "UKR", "USA", "GBR", "CHN", "IRN", "ISR", "PSE", "SYR", "TWN", "XKX"):
        assert code in lex.countries and lex.countries[code].adjective


def test_people_rows_say_when_they_were_true():
    for row in read_rows("newsledger.components.actors", "people.tsv"):
        assert len(row) >= 6 and row[4].strip() and row[5][:4].isdigit(), row


def test_known_leaders_are_matchable(lex):
    people = {e.name for es in lex.entries.values() for e in es if e.kind == PERSON}
    assert {"Kim Jong Un", "Vladimir Putin", "Xi Jinping", "Volodymyr Zelensky", "Mark Rutte"} <= people
