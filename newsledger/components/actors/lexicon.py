"""The actor lexicons (actors/data/), loaded once, and one PhraseMatcher over them.

Every alias is tokenised by the pipeline's own tokenizer and normalised like the article
(view.py), so "Kim Jong-un", "Kim Jong Un" and "KIM JONG UN" are one pattern. The matcher
key of a pattern is its normalised text; `entries[key]` lists what that phrase can be.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ...tables import read_json, read_rows
from .aliases import tokenised_aliases

DATA = "newsledger.components.actors"  # tables in actors/data/

# Entry kinds. Nominal kinds name an actor by themselves; ORGAN and TITLE are heads that
# combine with an owner; CONTEXT aliases need the article's context.
COUNTRY, DEMONYM, CAPITAL, SEAT, ORG, PERSON, ORGAN, TITLE, CONTEXT = (
    "country",
    "demonym",
    "capital",
    "seat",
    "org",
    "person",
    "organ",
    "title",
    "context",
)


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    adjective: str


@dataclass(frozen=True)
class Entry:
    kind: str
    alias: str  # the alias as written in the lexicon (for case checks)
    country: str | None = None  # ISO3 or IGO code
    sector: str | None = None
    organ: str | None = None  # organ key (None: not an organ; "" = the country itself)
    name: str | None = None  # canonical name
    label: str | None = None  # organ label ("military")
    actor_kind: str | None = None  # organisation | group | person | country
    extra: tuple = ()  # standalone countries (ORGAN) / required countries (CONTEXT)


def _cells(row: list[str], n: int) -> list[str]:
    return [c.strip() for c in (row + [""] * n)[:n]]


PEOPLE_ORGAN = "civilians"  # organ key of a country's people (organs.tsv)
# Sectors whose organ actors are groups of people rather than institutions.
GROUP_SECTORS = frozenset({"CVL", "REB", "OPP", "REF", "AGR", "LAB", "BUS", "EDU", "MED", "PRM"})


def _is_plural_demonym(alias: str) -> bool:
    a = alias.lower()
    return a.endswith("s") and not a.endswith(("ss", "ois"))


def _is_acronym(alias: str) -> bool:
    """Short all-caps or mixed-case abbreviations ("US", "IS", "LeT", "DoD") must match in case."""
    compact = alias.replace(".", "")
    return compact.isalpha() and len(compact) <= 5 and sum(c.isupper() for c in compact) >= 2


def _split(cell: str) -> list[str]:
    return [] if cell in ("", "-") else [x.strip() for x in cell.split("|") if x.strip()]


class ActorLexicon:
    def __init__(self, nlp: Language):
        self.countries: dict[str, Country] = {}
        self.entries: dict[str, list[Entry]] = {}
        self.org_heads: dict[str, str] = {}
        self.non_actor_heads: set[str] = set()  # non_actors.tsv
        self.non_actor_names: set[str] = set()
        self.rules = read_json(DATA, "rules.json")
        self._patterns: dict[str, list[str]] = {}
        self._load()
        self.matcher = PhraseMatcher(nlp.vocab)
        # Per key: which words of the alias are capitalised, and whether it is an acronym
        # whose case must match exactly ("US" is not "us", "IS" is not "is").
        self.caps: dict[str, tuple[bool, ...]] = {}
        self.exact: dict[str, set[tuple[str, ...]] | None] = {}
        for key, variants, caps, exact in tokenised_aliases(nlp, self._patterns, _is_acronym):
            self.matcher.add(key, [Doc(nlp.vocab, words=list(w)) for w in variants])
            self.caps[key] = caps
            self.exact[key] = exact
        self.vocab = nlp.vocab

    # -- loading -------------------------------------------------------------------------
    def _add(self, alias: str, entry: Entry) -> None:
        key = " ".join(alias.lower().split())
        self.entries.setdefault(key, [])
        if entry not in self.entries[key]:
            self.entries[key].append(entry)
        known = self._patterns.setdefault(key, [])
        if alias not in known:
            known.append(alias)

    def _load(self) -> None:
        for row in read_rows(DATA, "countries.tsv"):
            iso3, name, adjective, aliases, demonyms, capitals = _cells(row, 6)
            self.countries[iso3] = Country(iso3, name, adjective or name)
            for a in _split(aliases) or [name]:
                self._add(a, Entry(COUNTRY, a, iso3, "GOV", "", name, actor_kind="country"))
            for a in _split(demonyms):
                if _is_plural_demonym(a):
                    # "Iraqis", "Palestinians": the people, not the state (PLOVER: CVL).
                    self._add(a, Entry(DEMONYM, a, iso3, "CVL", PEOPLE_ORGAN, name, label="people", actor_kind="group"))
                else:
                    self._add(a, Entry(DEMONYM, a, iso3, "GOV", "", name, actor_kind="country"))
            for a in _split(capitals):
                self._add(a, Entry(CAPITAL, a, iso3, "GOV", "", name, actor_kind="country"))
        organ_sector = {}
        for row in read_rows(DATA, "organs.tsv"):
            phrases, organ, sector, label, standalone = _cells(row, 5)
            organ_sector[organ] = sector
            for a in _split(phrases):
                self._add(
                    a,
                    Entry(
                        ORGAN,
                        a,
                        None,
                        sector,
                        organ,
                        label=label,
                        actor_kind="organisation",
                        extra=tuple(_split(standalone)),
                    ),
                )
        for row in read_rows(DATA, "seats.tsv"):
            aliases, iso3, organ, name = _cells(row, 4)
            sector = organ_sector.get(organ, "GOV") if organ else "GOV"
            for a in _split(aliases):
                self._add(
                    a,
                    Entry(
                        SEAT, a, iso3, sector, organ, name or None, actor_kind="organisation" if organ else "country"
                    ),
                )
        for row in read_rows(DATA, "orgs.tsv"):
            name, aliases, country, sector, kind, organ = _cells(row, 6)
            for a in [name, *_split(aliases)]:
                self._add(
                    a,
                    Entry(
                        ORG, a, country or None, sector or None, organ or None, name, actor_kind=kind or "organisation"
                    ),
                )
        for row in read_rows(DATA, "people.tsv"):
            name, aliases, country, sector = _cells(row, 4)
            for a in [name, *_split(aliases)]:
                self._add(a, Entry(PERSON, a, country or None, sector or None, None, name, actor_kind="person"))
        for row in read_rows(DATA, "titles.tsv"):
            title, sector, country = _cells(row, 3)
            self._add(title, Entry(TITLE, title, country or None, sector or None))
        for row in read_rows(DATA, "context.tsv"):
            alias, iso3, requires = _cells(row, 3)
            self._add(
                alias, Entry(CONTEXT, alias, iso3, "GOV", "", actor_kind="country", extra=tuple(_split(requires)))
            )
        for row in read_rows(DATA, "org_heads.tsv"):
            word, sector = _cells(row, 2)
            self.org_heads[word.lower()] = sector
        for row in read_rows(DATA, "non_actors.tsv"):
            phrase, kind = _cells(row, 2)
            (self.non_actor_heads if kind == "head" else self.non_actor_names).add(phrase.lower())

    # -- lookups ---------------------------------------------------------------------------
    def country_name(self, iso3: str | None) -> str | None:
        c = self.countries.get(iso3 or "")
        return c.name if c else None

    def non_actor(self, words: tuple) -> bool:
        """A document or river NER took for an organisation or a person ("the MOU", "Rhine")."""
        if " ".join(words) in self.non_actor_names:
            return True
        head = words[: words.index("of")] if "of" in words[1:] else words
        return bool(head) and head[-1] in self.non_actor_heads

    def adjective(self, iso3: str | None) -> str | None:
        c = self.countries.get(iso3 or "")
        return c.adjective if c else None
