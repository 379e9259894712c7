"""The recognizer's word rules (data/rules.json), the Mention it produces, and the locative test
the rules drive."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ...geo.entries import norm
from ...tables import read_json


@dataclass
class Rules:
    entity_labels: frozenset
    locative: frozenset
    agent_deps: frozenset
    compound_deps: frozenset
    designators: dict
    settlement_nouns: frozenset
    not_places: frozenset
    strong_min_prior: float
    slip_labels: frozenset
    qualifiers: frozenset
    droppable_suffixes: frozenset
    non_locative_heads: frozenset
    of_heads: frozenset
    actor_kinds: frozenset
    plural_designators: dict
    dateline_dash: frozenset
    stance_prefixes: frozenset
    party_prefixes: frozenset

    @classmethod
    def load(cls) -> Rules:
        d = read_json("newsledger.components.places", "rules.json")
        return cls(
            frozenset(d["entity_labels"]),
            frozenset(d["locative_prepositions"]),
            frozenset(d["agent_deps"]),
            frozenset(d["compound_deps"]),
            d["designators"],
            frozenset(d["settlement_nouns"]),
            frozenset(norm(x) for x in d["not_places"]),
            float(d["strong_min_prior"]),
            frozenset(d["slip_labels"]),
            frozenset(d["qualifiers"]),
            frozenset(d["droppable_suffixes"]),
            frozenset(d["non_locative_heads"]),
            frozenset(d["of_heads"]),
            frozenset(d["actor_kinds"]),
            d["plural_designators"],
            frozenset(d["dateline_dashes"]),
            frozenset(d.get("stance_prefixes", ())),
            frozenset(d.get("party_prefixes", ())),
        )


@dataclass
class Mention:
    start: int  # token offsets into the doc
    end: int
    key: str  # the group key: normalised name (+ designator)
    lookup: str  # the text looked up in the gazetteer
    designator: str | None = None
    # ner | gazetteer | demonym | dateline | feature | inside | party | based | discourse
    source: str = "ner"
    label: str | None = None  # NER label when from NER
    agent: bool = False  # reads as an actor: subject / possessor, not locative
    containers: list[int] = field(default_factory=list)  # indexes of holding mentions
    holds_settlement: bool = False  # "a village in Kursk": Kursk is likelier the region
    locative: bool = False  # governed by a locative preposition ("in X", "residents of X")
    role: str = "location"  # location | actor | modifier (roles.py)
    feature: str | None = None  # road | water | area | landform | facility (features.py)


def governed_by_locative(tok: Token, rules: Rules) -> bool:
    """Is the token (through poss/compound/conj/appos links) the object of a locative preposition?"""
    for _ in range(6):  # bounded walk up the tree
        if tok.dep_ == "pobj":
            prep = tok.head  # "according to Seoul ...", "due to Moscow's ..." are not places
            if prep.lower_ == "of":  # "residents of X", "Smith, 22, of X"; not "University of X"
                h = prep.head
                return h.lower_ in rules.of_heads or h.like_num or h.ent_type_ == "PERSON"
            return prep.lower_ in rules.locative and prep.head.lower_ not in rules.non_locative_heads
        if tok.dep_ in ("poss", "compound", "conj", "appos", "nmod", "amod") and tok.head.i != tok.i:
            tok = tok.head
            continue
        return False
    return False
