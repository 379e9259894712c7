"""State organs of a region: "the government of Sindh province", "police in Punjab province",
"the parliament of Catalonia" are organs of the state the region lies in. PLOVER codes a
regional or provincial government as its country's GOV (a region is no actor of its own); the
actor stays distinct from the national government (key "R": region and organ).

The region is a proper name after "of" or a located preposition (past determiners and compass
words), optionally followed by a region word (rules: region_words, "province", "state"). The
offline gazetteer (geo/gazetteer.py, shared with newsledger_places) gives its country when
  - every first-level area (with a region word: also second-level) of that name lies in one
    country ("Punjab" is Pakistan's and India's: no country), and
  - without a region word, the likeliest reading of the name is such an area ("Victoria" alone
    is mostly a city or a person).
Organs: after "of", those of sectors that belong to a place at home (rules:
regional_organ_sectors; the army of a province is no usual phrase); after "in", the organs
actors/candidates._located already places ("police in Kenya"; troops "in" a region are often
foreign).
"""

from __future__ import annotations

from functools import lru_cache

from .lexicon import ActorLexicon

_NAME_TAGS = ("NNP", "NNPS")
_MAX_NAME_WORDS = 3
_FIRST_LEVEL = frozenset({"region"})
_ANY_LEVEL = frozenset({"region", "district"})


def regional_organs(doc, view, organs, covered, lex: ActorLexicon):
    """(view start, view end, iso3, region name, organ entry) of the regional organs of a Doc."""
    rules = lex.rules
    words, orig, n = view.words, view.orig, len(view)
    of_sectors = frozenset(rules["regional_organ_sectors"])
    in_sectors = frozenset(rules["located_organ_sectors"])
    in_phrases = frozenset(rules["located_gov_phrases"])
    preps = frozenset(rules["located_prepositions"])
    skip = frozenset(rules["determiners"]) | frozenset(rules["compass_words"])
    region_words = frozenset(rules["region_words"])
    out = []
    for i in sorted(organs):
        j, e = max(organs[i], key=lambda h: h[0])
        if j >= n or any(covered[p] >= 0 for p in range(i, j)):
            continue
        if i > 0 and (
            words[i - 1] in rules["possessives"]
            or covered[i - 1] >= 0
            or doc[view.token[i - 1]].tag_ in ("NNP", "NNPS", "PRP$")
        ):
            continue  # "its government", "Hamas police": someone else's
        if words[j] == "of":
            if e.sector not in of_sectors:
                continue
        elif words[j] in preps:
            if not (e.sector in in_sectors or " ".join(words[i:j]) in in_phrases):
                continue
        else:
            continue
        k = j + 1
        while k < n and words[k] in skip:
            k += 1
        m = k
        while (
            m < n
            and m - k < _MAX_NAME_WORDS
            and covered[m] < 0
            and orig[m][:1].isupper()
            and doc[view.token[m]].tag_ in _NAME_TAGS
        ):
            m += 1
        if m == k:
            continue
        word = words[m] if m < n and words[m] in region_words else None
        name = " ".join(orig[k:m])
        iso3 = region_country(name, word)
        if iso3 is None or iso3 not in lex.countries:
            continue
        out.append((i, m + (word is not None), iso3, name, e))
    return out


@lru_cache(maxsize=4096)
def region_country(name: str, region_word: str | None) -> str | None:
    """ISO alpha-3 of the country of the administrative area `name`, or None when the gazetteer
    does not know it as one or it is ambiguous."""
    from ...geo.entries import ALIAS_PENALTY
    from ...geo.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    cands = list(gaz.lookup(name))
    if region_word:
        cands += gaz.lookup(f"{name} {region_word}")
    kinds = _ANY_LEVEL if region_word else _FIRST_LEVEL
    areas = {e.country for e, _ in cands if e.kind in kinds and e.country}
    if len(areas) != 1:
        return None
    if not region_word:
        best = max(cands, key=lambda c: c[0].prior - (0 if c[1] else ALIAS_PENALTY))
        if best[0].kind not in kinds:
            return None
    return _alpha3(areas.pop())


def _alpha3(iso2: str) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_2=iso2.upper())
    return found.alpha_3 if found else None
