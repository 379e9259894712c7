"""From a candidate mention to the actor it names: its key, name, country, sector and kind, with
ambiguous country names ("Congo", "Tripoli") settled by the article's other mentions."""

from __future__ import annotations

from .candidate import COMPOSITE, Cand
from .lexicon import (
    CAPITAL,
    CONTEXT,
    COUNTRY,
    DEMONYM,
    GROUP_SECTORS,
    ORG,
    ORGAN,
    PEOPLE_ORGAN,
    PERSON,
    SEAT,
    ActorLexicon,
)
from .view import View

_COUNTRY_KINDS = (COUNTRY, DEMONYM, CAPITAL, CONTEXT)


def country_counts(cands: list[Cand], ambiguous=frozenset()) -> dict[str, int]:
    """Country mentions of the article (bare ambiguous names such as "Congo", "Tripoli" left out,
    also as owners: "militias in Tripoli")."""
    counts: dict[str, int] = {}
    for c in cands:
        named = c.owner if c.kind == COMPOSITE and c.owner is not None else c
        if named.kind in _AMBIGUOUS_KINDS and named.lexicon_entry.alias.lower() in ambiguous:
            continue
        if c.kind in (COUNTRY, DEMONYM, CAPITAL, SEAT, COMPOSITE) and c.country:
            counts[c.country] = counts.get(c.country, 0) + 1
    return counts


def resolve_candidate(c: Cand, view: View, lex: ActorLexicon, counts):
    """(key, name, country, sector, kind, rank) of a candidate, or None to drop it."""
    e = c.lexicon_entry
    if c.kind == CONTEXT:
        if not all(counts.get(r) for r in e.extra):
            return None
        return ("C", e.country), lex.country_name(e.country), e.country, "GOV", "country", 1
    if c.kind == DEMONYM and (e.organ or c.extra.get("people")):  # "Iraqis", "a Palestinian"
        return (
            ("O", e.country, PEOPLE_ORGAN),
            organ_name(lex, e.country, "people", PEOPLE_ORGAN),
            e.country,
            "CVL",
            "group",
            1,
        )
    if c.kind in _AMBIGUOUS_KINDS and _ambiguous(e, lex):
        # "Congo": the DR Congo unless the article names the other one more, or an appositive
        # names the state ("Tripoli, the north Lebanese port")
        iso3 = _appositive_state(view, c.j, e, lex) or _pick(e, lex, counts)
        return ("C", iso3), lex.country_name(iso3), iso3, "GOV", "country", 1
    if c.kind in _COUNTRY_KINDS or (c.kind == SEAT and not e.organ):
        return ("C", e.country), lex.country_name(e.country), e.country, "GOV", "country", 1
    if c.kind == SEAT:
        name = e.name or organ_name(lex, e.country, e.organ, e.organ)
        return ("O", e.country, e.organ), name, e.country, e.sector, "organisation", 2 if e.name else 1
    if c.kind == ORG:
        if e.organ:
            return ("O", e.country, e.organ), e.name, e.country, e.sector, "organisation", 2
        return ("G", e.name), e.name, e.country, e.sector, e.actor_kind or "organisation", 2
    if c.kind == PERSON:
        return ("P", e.name), e.name, e.country, e.sector, "person", 2
    if c.kind == ORGAN:  # standalone ("the JCS"): the most-mentioned of its countries
        iso3 = max(e.extra, key=lambda x: (counts.get(x, 0), -e.extra.index(x)))
        return ("O", iso3, e.organ), organ_name(lex, iso3, e.label, e.organ), iso3, e.sector, "organisation", 1
    if c.kind == COMPOSITE and c.organ_entry is not None and c.owner is not None:  # both set for composites
        o, owner = c.organ_entry, c.owner
        code = owner.country
        if owner.kind in _AMBIGUOUS_KINDS and _ambiguous(owner.lexicon_entry, lex):
            code = _pick(owner.lexicon_entry, lex, counts)  # "militias in Tripoli" (Lebanon's)
        if owner.kind == ORG:  # an IGO's organ: "NATO troops", "UN peacekeepers"
            if not o.organ:
                return (
                    ("G", owner.lexicon_entry.name),
                    owner.lexicon_entry.name,
                    code,
                    owner.lexicon_entry.sector,
                    owner.lexicon_entry.actor_kind or "organisation",
                    2,
                )
            label = f"{_plain(view, owner.i, owner.j)} {o.label}"
            return ("O", code, o.organ), label, code, o.sector, "organisation", 1
        if owner.kind == CONTEXT and not all(counts.get(r) for r in owner.lexicon_entry.extra):
            return None
        if not o.organ:
            return ("C", code), lex.country_name(code), code, "GOV", "country", 1
        kind = "group" if o.sector in GROUP_SECTORS else "organisation"
        return ("O", code, o.organ), organ_name(lex, code, o.label, o.organ), code, o.sector, kind, 1
    return None


_AMBIGUOUS_KINDS = (COUNTRY, CAPITAL)


def _ambiguous(e, lex: ActorLexicon) -> bool:
    return e.alias.lower() in lex.rules["ambiguous_country_names"]


def _pick(e, lex: ActorLexicon, counts) -> str:
    """The state an ambiguous name stands for: the one the article names most (tie: the
    first listed)."""
    options = lex.rules["ambiguous_country_names"][e.alias.lower()]
    return max(options, key=lambda x: (counts.get(x, 0), -options.index(x)))


def _appositive_state(view: View, j: int, e, lex: ActorLexicon) -> str | None:
    """The state of an ambiguous name that its appositive names: "Tripoli, the north Lebanese
    port", "Tripoli, Lebanon's second city" -> LBN (past determiners and compass words)."""
    words, n = view.words, len(view)
    if not (j + 1 < n and words[j] == ","):
        return None
    k = j + 1
    while k < n and (words[k] in lex.rules["determiners"] or words[k] in lex.rules["compass_words"]):
        k += 1
    options = lex.rules["ambiguous_country_names"][e.alias.lower()]
    for size in (3, 2, 1):
        for x in lex.entries.get(" ".join(words[k : k + size]), ()):
            if x.kind in (COUNTRY, DEMONYM) and x.country in options:
                return x.country
    return None


def _plain(view: View, i: int, j: int) -> str:
    return " ".join(view.orig[i:j])


def organ_name(lex: ActorLexicon, iso3: str | None, label: str | None, organ: str | None) -> str:
    adjective = lex.adjective(iso3) or iso3 or ""
    return f"{adjective} {label or organ or ''}".strip()
