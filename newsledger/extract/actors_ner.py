"""Actors from NER entities the lexicons do not know: organisations (ORG) and people (PERSON).

ORG: sector from the head word (actors_org_heads.tsv), country from a country word inside the
name ("Nigerian Ports Authority") or an owner just before it ("Ukraine's Azov Brigade");
"Name (ACR)" and the initials of the name become aliases. PERSON: a proper-noun name not
already covered by a lexicon actor or a title.
"""
from __future__ import annotations

from .actors_candidates import Cand
from .actors_lexicon import CAPITAL, COUNTRY, DEMONYM
from .actors_people import PersonMention
from .actors_view import View, name_words, span_of_words

_ORG_MEMBERS = (COUNTRY, DEMONYM, CAPITAL)   # may sit inside an unknown ORG's name


def _view_index(view: View):
    starts = {s: n for n, s in enumerate(view.start)}
    ends = {e: n for n, e in enumerate(view.end)}
    return starts, ends


def titled_person(doc, view: View, vi: int, vj: int, titles, heads) -> tuple[int, int] | None:
    """NER tags a titled name as ORG ("Vice-President Moody Awori"): an ORG of proper nouns
    without an organisation head word, right after a title, is that person. Returns the name's
    view range."""
    if vi not in titles:
        return None             # a title inside the ORG is no sign: "General Motors", "Major League"
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
    starts, ends = _view_index(view)
    aliases: dict[str, tuple] = {}
    in_title = _title_words(titles)
    for es, ee, label, propn in ents:
        # Lexicon phrases the filters dropped ("in Copenhagen") stay dropped; no proper noun,
        # no name ("state"); words of a title are not an organisation ("Secretary of State").
        if label != "ORG" or not propn or (es, ee) in raw_spans:
            continue
        vi, vj = starts.get(es), ends.get(ee)
        if vi is None or vj is None or vj < vi:
            continue
        vj += 1
        if titled_person(doc, view, vi, vj, titles, lex.org_heads):
            continue                                # a person (ner_people)
        if any(p in in_title for p in range(vi, vj)):
            continue
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
            kept[n] = None                          # the country word is part of this ORG's name
            for p in range(members[0].i, members[0].j):
                covered[p] = -1
        words = name_words(view, vi, vj, finder.determiners)
        if not words or lex.non_actor(words):
            continue
        norm_name = " ".join(words)
        key = aliases.get(norm_name) or ("U", norm_name)
        if country is None:
            country = _owner_before(vi, view, covered, kept, finder)
        sector = _head_sector(words, lex.org_heads)
        s, e = span_of_words(view, vi, vj, finder.determiners)
        c = Cand(vi, vj, "unknown_org", None, country=country)
        c.extra["info"] = (key, text[s:e], country, sector, "organisation", len(norm_name))
        kept.append(c)
        for p in range(vi, vj):
            covered[p] = len(kept) - 1
        for alias in _acronyms(view, vi, vj):
            aliases.setdefault(alias, key)


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
    head_part = words[:words.index("of")] if "of" in words[1:] else words
    for part in (head_part, words):
        for n in range(len(part) - 1, -1, -1):
            if n > 0 and f"{part[n - 1]} {part[n]}" in heads:
                return heads[f"{part[n - 1]} {part[n]}"]
            if part[n] in heads:
                return heads[part[n]]
    return None


def _acronyms(view: View, vi: int, vj: int) -> list[str]:
    """"Joint Chiefs of Staff (JCS)" -> ["jcs"]; also the initials of the capitalised words."""
    out = []
    if vj + 2 < len(view) and view.words[vj] == "(" and view.words[vj + 2] == ")":
        out.append(view.words[vj + 1])
    initials = "".join(w[0] for w in view.orig[vi:vj] if w[:1].isupper())
    if len(initials) >= 2:
        out.append(initials.lower())
    return out


def ner_people(doc, text, view, ents, raw_spans, titles, covered, finder, heads,
               non_actor=lambda words: False) -> list[PersonMention]:
    starts, ends = _view_index(view)
    in_title = _title_words(titles)
    out = []
    for es, ee, label, propn in ents:
        if label not in ("PERSON", "ORG") or not propn or (es, ee) in raw_spans:
            continue
        vi, vj = starts.get(es), ends.get(ee)
        if vi is None or vj is None or vj < vi:
            continue
        vj += 1
        if label == "ORG":
            span = titled_person(doc, view, vi, vj, titles, heads)
            if span is None:
                continue
            vi, vj = span
        else:
            vi = _after_title(vi, vj, titles)      # "Archbishop Desmond Tutu": the name after it
        if any(covered[p] >= 0 or p in in_title for p in range(vi, vj)):
            continue                       # a lexicon actor or a title covers it ("Kyiv", "Cmdr.")
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
