"""Actors from NER entities the lexicons do not know: organisations (ORG) and people (PERSON).

ORG: sector from the head word (data/org_heads.tsv; also one right after the name: "the
Umma (Nation) party"), country from a country word inside the name ("Nigerian Ports
Authority"), an owner just before it ("Ukraine's Azov Brigade"), a country it is in ("(UCF) in
central Iran"), or, for parties, movements, unions and other bodies that act at home, the one
country of the sentence; "Name (ACR)" and the initials of the name become aliases (an acronym
NER tags PERSON too). A name NER tags PERSON right after a media word ("the newspaper La
Prensa") is an outlet. PERSON: a proper-noun name not already covered by a lexicon actor or a
title.
"""

from __future__ import annotations

from collections.abc import Iterator

from .candidate import Cand
from .groups import located_country
from .lexicon import CAPITAL, COUNTRY, DEMONYM
from .people import PersonMention
from .unowned import sentence_country
from .view import View, name_words, span_of_words

_ORG_MEMBERS = (COUNTRY, DEMONYM, CAPITAL)  # may sit inside an unknown ORG's name
# An unknown organisation of these sectors works at home: without a country in or before its
# name, it is the one country its sentence names ("the fundamentalist Umma party will boycott
# Algeria's elections" -> DZA). Media, business, religious, international and state bodies are
# left out: an outlet reports on foreign news, firms and churches cross borders.
_DOMESTIC_SECTORS = frozenset({"PTY", "OPP", "REB", "LAB", "EDU", "COP", "LEG", "MED"})
# Media words that name the outlet after them ("the newspaper La Prensa"); "news" and "press"
# are left out ("the latest news Eastern Standard Time").
_MEDIA_WORDS = frozenset(
    {"newspaper", "daily", "weekly", "magazine", "tabloid", "broadcaster", "radio", "television", "channel"}
)
# Head words that follow a party's name ("the Baath party", "the Fatah movement"); other heads
# after a name start a phrase of their own ("a WHITE college frat boy").
_AFTER_NAME_SECTORS = frozenset({"PTY", "OPP"})
# "X in Iran", "X (ACR) in central Iran", "X based in Trinidad": where the organisation is.
_ORG_LOCATED_PREPS = ("in", "inside")


def _view_index(view: View):
    starts = {s: n for n, s in enumerate(view.start)}
    ends = {e: n for n, e in enumerate(view.end)}
    return starts, ends


def _named_entities(view: View, ents, raw_spans) -> Iterator[tuple[str, int, int]]:
    """The ORG and PERSON entities that are proper nouns, as (label, start, end) in view words. Lexicon
    phrases the filters dropped ("in Copenhagen") stay dropped; no proper noun, no name ("state")."""
    starts, ends = _view_index(view)
    for es, ee, label, propn in ents:
        if label not in ("ORG", "PERSON") or not propn or (es, ee) in raw_spans:
            continue
        vi, vj = starts.get(es), ends.get(ee)
        if vi is None or vj is None or vj < vi:
            continue
        yield label, vi, vj + 1


def titled_person(doc, view: View, vi: int, vj: int, titles, heads) -> tuple[int, int] | None:
    """NER tags a titled name as ORG ("Vice-President Moody Awori"): an ORG of proper nouns
    without an organisation head word, right after a title, is that person. Returns the name's
    view range."""
    if vi not in titles:
        return None  # a title inside the ORG is no sign: "General Motors", "Major League"
    if vj - vi < 1 or vj - vi > 4 or _head_sector(tuple(view.words[vi:vj]), heads) is not None:
        return None
    if not all(doc[view.token[p]].tag_ == "NNP" for p in range(vi, vj)):
        return None
    return vi, vj


def _after_title(vi: int, vj: int, titles) -> int:
    """Start of the name when NER took the title into the entity (the title keeps its role:
    it ends where the name starts)."""
    ends = [j for j, hs in titles.items() for i, _ in hs if i == vi and j < vj]
    return max(ends) if ends else vi


def unknown_orgs(doc, text, view, ents, raw_spans, titles, kept, covered, lex, finder) -> None:
    """NER ORGs the lexicons do not know: sector from the head word, country from a country
    word inside the name or an owner just before it; "Name (ACR)" makes ACR an alias."""
    aliases: dict[str, tuple] = {}
    in_title = _title_words(titles)
    unowned = frozenset(lex.rules["unowned_organ_phrases"])
    locatives = frozenset(lex.rules["locative_preps"])
    transnational = frozenset(lex.rules["transnational_name_words"])
    for label, vi, vj in _named_entities(view, ents, raw_spans):
        if label == "PERSON" and not _company_named(view, vj, lex.org_heads) and not _media_word_before(view, vi):
            continue  # a person (ner_people)
        if titled_person(doc, view, vi, vj, titles, lex.org_heads):
            continue  # a person (ner_people)
        if any(p in in_title for p in range(vi, vj)):
            continue  # words of a title are not an organisation ("Secretary of State")
        inside = {covered[p] for p in range(vi, vj) if covered[p] >= 0}
        country = None
        if inside:
            members = [kept[n] for n in inside]
            if any(m.i < vi or m.j > vj for m in members) or any((m.i, m.j) == (vi, vj) for m in members):
                continue
            if len(members) > 1 or members[0].kind not in _ORG_MEMBERS:
                continue
            country = members[0].country
            n = next(iter(inside))
            kept[n] = None  # the country word is part of this ORG's name
            for p in range(members[0].i, members[0].j):
                covered[p] = -1
        words = name_words(view, vi, vj, finder.determiners)
        if not words or lex.non_actor(words):
            continue
        norm_name = " ".join(words)
        key = aliases.get(norm_name) or ("U", norm_name)
        if country is None:
            country = _owner_before(vi, view, covered, kept, finder)
        sector = (
            _head_sector(words, lex.org_heads)
            or _head_after(view, vj, lex.org_heads)
            or lex.org_heads.get(_media_word_before(view, vi) or "")
        )
        if country is None and sector != "JRN":
            country = located_country(view.words, vj, lex, _ORG_LOCATED_PREPS)
        if (
            country is None
            and sector in _DOMESTIC_SECTORS
            and norm_name not in unowned
            and not _after_locative(view, vi, locatives, finder.determiners)
        ):
            # ("outside Parliament": a place; a bare "Parliament" is actors/unowned's)
            country = sentence_country(doc, view, vi, kept, lex)
        if country is None and sector in (None, "NGO") and transnational & set(words):
            country = "NGO"  # "Association of African Jurists": above states
        s, e = span_of_words(view, vi, vj, finder.determiners)
        c = Cand(vi, vj, "unknown_org", None, country=country)
        c.extra["info"] = (key, text[s:e], country, sector, "organisation", len(norm_name))
        kept.append(c)
        for p in range(vi, vj):
            covered[p] = len(kept) - 1
        for alias in _acronyms(view, vi, vj):
            aliases.setdefault(alias, key)
        _add_acronym(doc, view, vj, c.extra["info"], kept, covered)


def _add_acronym(doc, view, vj, info, kept, covered) -> None:
    """ "Movement for ... Biafra (MASSOB)": the all-caps word in brackets right after a name is
    the organisation's acronym, not the person NER often takes it for."""
    if not (vj + 2 < len(view) and view.words[vj] == "(" and view.words[vj + 2] == ")"):
        return
    word = view.orig[vj + 1]
    if covered[vj + 1] >= 0 or not (word.isupper() and word.isalpha() and len(word) >= 2):
        return
    if doc[view.token[vj + 1]].ent_type_ != "PERSON":
        return  # an ORG acronym joins through the aliases; untagged stays so
    c = Cand(vj + 1, vj + 2, "unknown_org", None, country=info[2])
    c.extra["info"] = info
    kept.append(c)
    covered[vj + 1] = len(kept) - 1


def _after_locative(view: View, vi: int, locatives, determiners) -> bool:
    k = vi - 1
    if k >= 0 and view.words[k] in determiners:
        k -= 1
    return k >= 0 and view.words[k] in locatives


def _company_named(view: View, vj: int, heads: dict) -> bool:
    """ "Dick Clark Productions", "Warner Records": a name ending in a capitalised company word is
    the company named after its founder, not a person (NER often tags it PERSON)."""
    return vj > 0 and view.orig[vj - 1][:1].isupper() and heads.get(view.words[vj - 1]) == "BUS"


def _media_word_before(view: View, vi: int) -> str | None:
    """ "the opposition newspaper La Prensa", "the daily Le Monde": a name right after a
    lower-case media word is the outlet, not a person (NER often tags it PERSON)."""
    k = vi - 1
    if k >= 0 and view.orig[k].islower() and view.words[k] in _MEDIA_WORDS:
        return view.words[k]
    return None


def _head_after(view: View, vj: int, heads: dict) -> str | None:
    """ "the Umma (Nation) party", "the Baath party": a lower-case head word right after the
    name (past a closing bracket) gives the sector NER left outside the entity."""
    k = vj + (vj < len(view) and view.words[vj] == ")")
    if k < len(view) and view.orig[k].islower() and heads.get(view.words[k]) in _AFTER_NAME_SECTORS:
        return heads[view.words[k]]
    return None


def _title_words(titles) -> set[int]:
    return {p for j, heads in titles.items() for i, _ in heads for p in range(i, j)}


def _owner_before(vi, view, covered, kept, finder):
    k = vi - 1
    if k >= 0 and view.words[k] in finder.possessives:
        k -= 1
    if k >= 0 and covered[k] >= 0 and kept[covered[k]] is not None:
        info = kept[covered[k]].extra.get("info")
        if info and info[4] in ("country", "organisation"):
            return info[2]
    return None


def _head_sector(words: tuple, heads: dict) -> str | None:
    head_part = words[: words.index("of")] if "of" in words[1:] else words
    for part in (head_part, words):
        for n in range(len(part) - 1, -1, -1):
            if n > 0 and f"{part[n - 1]} {part[n]}" in heads:
                return heads[f"{part[n - 1]} {part[n]}"]
            if part[n] in heads:
                return heads[part[n]]
    return None


def _acronyms(view: View, vi: int, vj: int) -> list[str]:
    """ "Joint Chiefs of Staff (JCS)" -> ["jcs"]; also the initials of the capitalised words."""
    out = []
    if vj + 2 < len(view) and view.words[vj] == "(" and view.words[vj + 2] == ")":
        out.append(view.words[vj + 1])
    initials = "".join(w[0] for w in view.orig[vi:vj] if w[:1].isupper())
    if len(initials) >= 2:
        out.append(initials.lower())
    return out


def ner_people(
    doc, text, view, ents, raw_spans, titles, covered, finder, heads, non_actor=lambda words: False
) -> list[PersonMention]:
    in_title = _title_words(titles)
    out = []
    for label, vi, vj in _named_entities(view, ents, raw_spans):
        if label == "ORG":
            span = titled_person(doc, view, vi, vj, titles, heads)
            if span is None:
                continue
            vi, vj = span
        elif _company_named(view, vj, heads):
            continue  # an organisation (unknown_orgs)
        else:
            vi = _after_title(vi, vj, titles)  # "Archbishop Desmond Tutu": the name after it
        if any(covered[p] >= 0 or p in in_title for p in range(vi, vj)):
            continue  # a lexicon actor or a title covers it ("Kyiv", "Cmdr.")
        # NER may take a word before the name along ("Injecting Clinton"): names start with a
        # proper noun.
        while vj - vi > 1 and doc[view.token[vi]].tag_ not in ("NNP", "NNPS"):
            vi += 1
        words = name_words(view, vi, vj, finder.determiners)
        if not words or non_actor(words):
            continue
        s, e = span_of_words(view, vi, vj, finder.determiners)
        out.append(PersonMention(s, e, vi, vj, words, ("P", " ".join(words)), text[s:e]))
    return out
