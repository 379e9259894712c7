"""State organs named without their state: "the government", "Parliament", "the army".

In news such a phrase is the state the story is about. When the sentence names exactly one
country (news agencies aside), or none and the article has a dateline, the organ is that
country's ("Algerian landowners began a hunger strike outside Parliament" -> DZA parliament).
Only the organs a state has at home (rules: unowned_organ_phrases) and only definite or
capitalised mentions ("the army", "Parliament"; not "troops", which are often foreign). The
rest of the article is not used: a lone foreign country in local news ("London", Kentucky;
"smuggled to Canada") would give the local police a foreign state.
"""

from __future__ import annotations

from .lexicon import CAPITAL, COUNTRY, ActorLexicon

ABROAD_ORGANS = frozenset({"embassy"})


def unowned_organs(doc, view, organs, covered, kept, lex: ActorLexicon, text: str):
    """(view start, view end, iso3, organ entry) of unowned state organs we can place."""
    rules = lex.rules
    phrases = frozenset(rules["unowned_organ_phrases"])
    words, n = view.words, len(view)
    found = []
    for i, heads in organs.items():
        j, e = max(heads, key=lambda h: h[0])
        if " ".join(words[i:j]) not in phrases or any(covered[p] >= 0 for p in range(i, j)):
            continue
        definite = i > 0 and words[i - 1] == "the"
        k = i - 1 - definite
        if k >= 0 and words[k] in rules["locative_preps"]:
            continue  # "outside Parliament", "in the army": a place, a body
        if not (definite or view.orig[i][:1].isupper()):
            continue
        if j < n and words[j] in ("of", "'s"):
            continue  # "the government of X" is composed elsewhere
        if i > 0 and (
            words[i - 1] in rules["possessives"]
            or covered[i - 1] >= 0
            or doc[view.token[i - 1]].tag_ in ("NNP", "NNPS", "PRP$")
        ):
            continue  # "its army", "Hamas government": someone else's
        found.append((i, j, e))
    if not found:
        return []
    mentions = country_mentions(view, kept, lex)
    home = dateline_country(view, lex)
    out = []
    for i, j, e in found:
        sent = doc[view.token[i]].sent
        here = {iso for t, iso in mentions if sent.start <= t < sent.end}
        if len(here) == 1:
            out.append((i, j, next(iter(here)), e))
        elif not here and home:
            out.append((i, j, home, e))
    return out


def country_mentions(view, kept, lex: ActorLexicon) -> list[tuple[int, str]]:
    """(token index, iso3) of the kept actors that stand for a country (news media and embassies
    aside: an outlet is often foreign to the story it reports, an embassy always is)."""
    out = []
    for c in kept:
        info = c.extra.get("info") if c is not None else None
        if info and info[4] != "person" and info[3] != "JRN" and info[2] in lex.countries and not abroad(info[0]):
            out.append((view.token[c.i], info[2]))
    return out


def abroad(key: tuple) -> bool:
    """An actor key of a state's organ abroad ("the U.S. embassy")."""
    return key[0] == "O" and key[2] in ABROAD_ORGANS


def sentence_country(doc, view, vi: int, kept, lex: ActorLexicon, mentions=None, places: bool = False) -> str | None:
    """The one country the sentence of view word vi names through its actors, else None. With
    `places`, a sentence that names no country actor falls back on the one country it names as a
    place ("agreed to postpone the demonstration in Baku"): for groups that act at home."""
    if mentions is None:
        mentions = country_mentions(view, kept, lex)
    sent = doc[view.token[vi]].sent
    here = {iso for t, iso in mentions if sent.start <= t < sent.end}
    if not here and places:
        here = sentence_places(doc, view, vi, lex)
    return next(iter(here)) if len(here) == 1 else None


def sentence_places(doc, view, vi: int, lex: ActorLexicon) -> set[str]:
    """Countries the sentence of view word vi names as places: a country or capital name right
    after a locative preposition ("in Baku", "in southern Lebanon"), the mentions the candidate
    filters leave to newsledger_places. Names shared by two states (rules:
    ambiguous_country_names) say nothing."""
    rules = lex.rules
    locatives, skip = (
        frozenset(rules["locative_preps"]),
        frozenset(rules["determiners"]) | frozenset(rules["compass_words"]),
    )
    ambiguous = rules["ambiguous_country_names"]
    sent = doc[view.token[vi]].sent
    words, n = view.words, len(view)
    out = set()
    for p in range(n):
        if not (sent.start <= view.token[p] < sent.end) or words[p] not in locatives:
            continue
        k = p + 1
        while k < n and words[k] in skip:
            k += 1
        if k >= n or not view.orig[k][:1].isupper():
            continue
        for size in (3, 2, 1):
            key = " ".join(words[k : k + size])
            hits = [
                e.country
                for e in lex.entries.get(key, ())
                if e.kind in (COUNTRY, CAPITAL) and not e.organ and e.country is not None and e.country in lex.countries
            ]
            if hits:
                if key not in ambiguous:
                    out.add(hits[0])
                break
    return out


def dateline_country(view, lex: ActorLexicon) -> str | None:
    """ "NAIROBI, Kenya (AP) --", "ALGIERS (Reuters) -": the country of the dateline place."""
    for k in range(min(len(view), 6)):
        w = view.orig[k]
        if not (w.isupper() or w in (",",)):
            return None
        for e in lex.entries.get(view.words[k], ()):
            if e.kind in (COUNTRY, CAPITAL) and not e.organ and e.country in lex.countries:
                return e.country
    return None
