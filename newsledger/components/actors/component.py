"""newsledger_actors: who acts in an article -> doc._.actors (list[records.Actor]).

One canonical actor per real entity, with every mention as an exact character span (no leading
"the", no possessive; one actor per span):
  countries   North Korea = the DPRK = Pyongyang = North Korean (weapons) = "the North"
              (in an article about Korea); sector GOV (the state as actor), kind country
  organs      a country's (or an IGO's) organ is an actor of its own, keyed (country, organ):
              "South Korea's military" = "the JCS" = "South Korean troops" -> KOR/MIL;
              "Kyiv's military intelligence" -> UKR/SPY; "the Pentagon" -> USA/MIL;
              government words ("Russian officials", "the Kremlin") are the country itself;
              groups of people ("Iraqis", "Syrian rebels", "Algerian landowners") are kind
              group (CVL, REB, ...); "opposition parties in Nepal" -> NPL/OPP (domestic
              organs only: "troops in Ukraine" are not Ukraine's); "the Hamas-run health
              ministry" -> PSE; "the Trump administration" -> USA (the leader's state)
  orgs        lexicon IGOs, armed groups, agencies and news outlets; other NER ORGs with the
              sector of their head word and the country inside or before their name
  people      lexicon leaders; NER PERSONs with the country and sector of their title
              ("NATO Secretary General X", "X, Brazil's foreign minister"); short names
              resolve to the full name seen in the article ("Kim" -> Kim Jong Un)
Context and repairs (round 2): misspelt country and leader names ("Ethopia", "Laurent Gbago",
actors/fuzzy); "anti-Syria" is no Syria; "ethnic Albanians in south Serbia" are Serbia's people
(actors/residence); "the government", "Parliament" without owner are the organs of the one
country of the sentence, dateline or article (actors/unowned); documents and rivers NER takes
for organisations or people are dropped (data/non_actors.tsv).
Round 3: groups named by an ethnic or religious name ("Shona rebels", "Moslem forces in east
Bosnia": actors/groups) and unknown parties, movements and opposition leaders take the country
they are in or the one country of their sentence; "Bosnian Serbs" are Bosnia's people;
"Tripoli" follows the article (Libya or Lebanon); "a member of the Syrian parliament, X" is SYR.
Round 3b: "X of the Kenyan foreign ministry", "X, a spokesman for the Sudanese army", "U.N.
mediator X" take the body's country and sector; titled people under a dateline take its
country; unknown bodies with a transnational name ("Association of African Jurists") are NGO;
"Tripoli, the north Lebanese port" is Lebanon's whatever the article names more.
Round 4: "the government of Sindh province" is Pakistan's (the gazetteer's region, actors/regions);
"the Azadliq (Freedom) opposition" is a named group, of the one country its sentence names as a
place ("in Baku"); the head of a government the sentence names ("the military government of
President X") takes the one country its sentence names as a place.
Not actors: regions and continents ("Europe": a place, left to newsledger_places), wars
("the Korean War"), languages ("speaks Russian"), datelines, and places after a locative
preposition or in an address ("in Moscow", "Sudzha, Russia").
Sector codes: PLOVER 0.8 (see data/orgs.tsv): JRN = media, MED = health.

Reads: tokens, POS/tags, dependency sentences, NER. Writes: doc._.actors. Cost: one
PhraseMatcher pass over a normalised word view, one pass over doc.ents, dict lookups.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...records import Actor, Span
from .. import EXTENSIONS  # noqa: F401  (registers the Doc extensions)
from ..common.doc_cache import doc_text
from ..common.published import publication_date
from .candidate import COMPOSITE, Cand
from .candidates import CandidateFinder
from .dated import date_sectors
from .fuzzy import fuzzy_names, misspelt_people, misspelt_places
from .groups import named_groups
from .lexicon import DEMONYM, GROUP_SECTORS, ActorLexicon
from .ner import ner_people, unknown_orgs
from .people import (
    PersonMention,
    apply_title,
    appositive_owner,
    following_owner,
    preceding_owner,
    resolve_short_names,
    title_owner,
)
from .regions import regional_organs
from .residence import kin_residence
from .resolve import country_counts, organ_name, resolve_candidate
from .unowned import abroad, dateline_country, sentence_places, unowned_organs
from .view import View, build_view, name_words, span_of_words


@Language.factory("newsledger_actors", requires=["doc.ents", "token.pos", "token.dep"], assigns=["doc._.actors"])
def make_actors(nlp: Language, name: str):
    return ActorsComponent(nlp)


class ActorsComponent:
    def __init__(self, nlp: Language):
        self.lex = ActorLexicon(nlp)
        self.finder = CandidateFinder(self.lex)

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = extract_actors(doc, self.lex, self.finder)
        date_sectors(doc._.actors, publication_date(doc))  # "Taliban": rebels before 2021-08-15
        return doc


class _Ledger:
    """Mentions grouped by actor key; attributes from the best-ranked mention."""

    def __init__(self, text: str):
        self.text = text
        self.mentions: dict[tuple, list[tuple[int, int]]] = {}
        self.attrs: dict[tuple, tuple] = {}  # key -> (rank, name, country, sector, kind)

    def add(self, key, start, end, name, country, sector, kind, rank=0):
        if end <= start:
            return
        self.mentions.setdefault(key, []).append((start, end))
        old = self.attrs.get(key)
        if old is None or rank > old[0]:
            self.attrs[key] = (rank, name, country, sector, kind)

    def actors(self) -> list[Actor]:
        order = sorted(self.mentions, key=lambda k: min(self.mentions[k]))
        out = []
        for n, key in enumerate(order, 1):
            _, name, country, sector, kind = self.attrs[key]
            spans = [Span(s, e, self.text[s:e]) for s, e in sorted(set(self.mentions[key]))]
            out.append(Actor(id=f"a{n}", name=name, country=country, sector=sector, mentions=spans, kind=kind))
        return out


def extract_actors(doc: Doc, lex: ActorLexicon, finder: CandidateFinder) -> list[Actor]:
    text = doc_text(doc)  # built once per Doc (common/doc_cache.py)
    if not text.strip():
        return []
    view = build_view(doc, text)
    cands, titles, ents, raw_spans, organs = finder.find(doc, view, text)
    counts = country_counts(cands, lex.rules["ambiguous_country_names"])
    ledger = _Ledger(text)
    owner_by_end: dict[int, tuple] = {}  # view end -> (start, country, sector, end, kind)
    country_at: list[tuple[int, str]] = []  # (start char, iso3) of country mentions
    covered = [-1] * len(view)  # view word -> index of the candidate covering it
    kept: list[Cand | None] = []
    for c in cands:
        info = resolve_candidate(c, view, lex, counts)
        kept.append(c if info else None)
        if info is None:
            continue
        c.extra["info"] = info
        for w in range(c.i, c.j):
            covered[w] = len(kept) - 1
    names = fuzzy_names(lex)
    _add_misspelt_places(doc, view, text, ents, covered, kept, lex, finder, counts, names, organs)
    _add_unowned_organs(doc, view, text, organs, covered, kept, lex)
    _add_regional_organs(doc, view, organs, covered, kept, lex)
    _add_named_groups(doc, view, text, organs, covered, kept, lex, finder, names)
    unknown_orgs(doc, text, view, ents, raw_spans, titles, kept, covered, lex, finder)

    people: list[PersonMention] = []
    for c in kept:
        if c is not None and c.extra["info"][4] == "person":
            key, name, country, sector = c.extra["info"][:4]
            people.append(
                PersonMention(
                    *span_of_words(view, c.i, c.j, finder.determiners),
                    c.i,
                    c.j,
                    name_words(view, c.i, c.j, finder.determiners),
                    key,
                    name,
                    country,
                    sector,
                    from_lexicon=True,
                )
            )
    people += ner_people(doc, text, view, ents, raw_spans, titles, covered, finder, lex.org_heads, lex.non_actor)
    misspelt_people(people, names)
    # NER sometimes tags a person's bare surname as ORG ("Machado said"): when a longer name
    # in the article starts or ends with it, it is that person.
    name_ends = {w for p in people if len(p.words) > 1 for w in (p.words[0], p.words[-1])}
    for c in kept:
        if c is None:
            continue
        key, name, country, sector, kind, rank = c.extra["info"]
        if kind == "person":
            continue
        if c.kind == "unknown_org" and c.j - c.i == 1 and view.words[c.i] in name_ends:
            s, e = span_of_words(view, c.i, c.j, finder.determiners)
            people.append(PersonMention(s, e, c.i, c.j, (view.words[c.i],), ("P", view.words[c.i]), text[s:e]))
            continue
        if kind == "group" and (
            c.kind == DEMONYM or (c.kind == COMPOSITE and c.owner is not None and c.owner.kind == DEMONYM)
        ):
            home = kin_residence(doc, view, c.i, c.j, country, lex)
            if home:  # "ethnic Albanians in south Serbia": Serbia's people
                key, name, country = (*key, "in", home), f"{name} in {lex.country_name(home)}", home
        s, e = span_of_words(view, c.i, c.j, finder.determiners)
        ledger.add(key, s, e, name, country, sector, kind, rank)
        owner_by_end[c.j] = (c.i, country, sector, c.j, kind)
        if kind == "country" or (
            (kind in ("group", "organisation") and country in lex.countries) and sector != "JRN" and not abroad(key)
        ):
            # "the Fijian rebels ... Prime Minister X": FJI; a news outlet ("(AP)") is often
            # foreign to the story it reports
            country_at.append((s, country))
    titles_by_start: dict[int, tuple] = {}  # title start -> (end, entry) of its longest reading
    for j, heads in titles.items():
        for i, e in heads:
            if i not in titles_by_start or j > titles_by_start[i][0]:
                titles_by_start[i] = (j, e)
    owner_by_start = {o[0]: o for o in owner_by_end.values()}
    untold = []
    for p in people:
        title, owner, former = title_owner(
            p, view.words, titles, titles_by_start, owner_by_end, owner_by_start, lex.rules
        )
        apply_title(p, title, owner, former)
        if title is None and p.country is None:
            own = appositive_owner(p, view.words, owner_by_start, lex.rules)
            if own is not None and own[1] in lex.countries:
                p.country = own[1]
            own = preceding_owner(p, view.words, owner_by_end, lex.rules)
            if p.country is None and own is not None and own[1] in lex.countries:
                p.country = own[1]
                p.sector = p.sector or own[2]
            own = following_owner(p, view.words, owner_by_start, lex.rules)
            if p.country is None and own is not None and (own[1] in lex.countries or own[1] in lex.rules["bodies"]):
                p.country = own[1]
                if own[4] != "country":  # "X of Britain" says nothing of what X does
                    p.sector = p.sector or own[2]
        if (
            title is not None
            and p.country is None
            and title.sector in _STATE_SECTORS
            and p.vi in titles
            and not _unknown_owner(doc, view, titles[p.vi], lex.rules["title_modifiers"])
        ):
            untold.append(p)
    home = dateline_country(view, lex) if untold else None
    for p in untold:
        places = sentence_places(doc, view, p.vi, lex) if _heads_government(view, p, titles, lex.rules) else None
        p.country = _only_country_in_sentence(doc, view, p, country_at, people, home, places)
    resolve_short_names(people)
    gov_words = lex.rules["person_government_words"]
    for p in people:
        if p.vj < len(view) and view.words[p.vj] in gov_words and p.country in lex.countries and covered[p.vj] < 0:
            # "the Trump administration", "the Netanyahu government": the leader's state.
            ledger.add(
                ("C", p.country), p.start, view.end[p.vj], lex.country_name(p.country), p.country, "GOV", "country", 1
            )
            continue
        ledger.add(p.key, p.start, p.end, p.name, p.country, p.sector, "person", 2 if p.from_lexicon else len(p.words))
    return ledger.actors()


# -- helpers ---------------------------------------------------------------------------------
def _add_unowned_organs(doc, view, text, organs, covered, kept, lex) -> None:
    """ "the government", "Parliament": the organ of the one country in context."""
    for i, j, iso3, e in unowned_organs(doc, view, organs, covered, kept, lex, text):
        c = Cand(i, j, COMPOSITE, e, organ_entry=e, country=iso3)
        if e.organ:
            kind = "group" if e.sector in GROUP_SECTORS else "organisation"
            c.extra["info"] = (("O", iso3, e.organ), organ_name(lex, iso3, e.label, e.organ), iso3, e.sector, kind, 1)
        else:
            c.extra["info"] = ("C", iso3), lex.country_name(iso3), iso3, "GOV", "country", 1
        kept.append(c)
        for p in range(i, j):
            covered[p] = len(kept) - 1


def _add_regional_organs(doc, view, organs, covered, kept, lex) -> None:
    """ "the government of Sindh province": the organ of a region, of the region's country."""
    for i, j, iso3, region, e in regional_organs(doc, view, organs, covered, lex):
        c = Cand(i, j, COMPOSITE, e, organ_entry=e, country=iso3)
        kind = "group" if e.sector in GROUP_SECTORS else "organisation"
        c.extra["info"] = (
            ("R", iso3, region.lower(), e.organ),
            f"{region} {e.label or 'government'}",
            iso3,
            e.sector,
            kind,
            1,
        )
        kept.append(c)
        for p in range(i, j):
            covered[p] = len(kept) - 1


def _add_named_groups(doc, view, text, organs, covered, kept, lex, finder, names) -> None:
    """ "Shona rebels", "Islamic fundamentalists": groups named by a non-state name."""
    ents, ent_of = finder.ent_spans(doc)
    for i, j, iso3, sector, e in named_groups(doc, view, organs, covered, kept, ents, ent_of, lex, names.real_places):
        c = Cand(i, j, COMPOSITE, e, organ_entry=e, country=iso3)
        label = " ".join(view.orig[i:j])
        if "(" in view.words[i:j]:  # "Azadliq (Freedom) opposition" as written
            label = text[view.start[i] : view.end[j - 1]]
        c.extra["info"] = (("N", " ".join(view.words[i:j]), iso3), label, iso3, sector, "group", 1)
        kept.append(c)
        for p in range(i, j):
            covered[p] = len(kept) - 1


def _add_misspelt_places(doc, view, text, ents, covered, kept, lex, finder, counts, names, organs) -> None:
    """ "Ethopia", "Khatmandu": a misspelt country, capital or demonym, under the same filters
    as a lexicon match ("in Khatmandu" stays a place), with its organ ("Phillippines military")."""
    _, ent_of = finder.ent_spans(doc)
    found = misspelt_places(doc, view, ents, ent_of, covered, finder.determiners, names)
    for vi, vj, e in found:
        c = Cand(vi, vj, e.kind, e, country=e.country)
        if not finder.keep(c, doc, view, set(), text, ents, ent_of):
            continue
        hit = finder._organ_after(doc, view, organs, {}, vj, 2) if not e.organ else None
        if hit and not any(covered[p] >= 0 for p in range(vj, hit[1][0])):
            # "the Phillippines military": the misspelt owner takes its organ
            c = Cand(vi, hit[1][0], COMPOSITE, e, organ_entry=hit[1][1], owner=c, country=e.country)
        info = resolve_candidate(c, view, lex, counts)
        if info is None:
            continue
        c.extra["info"] = info
        kept.append(c)
        for w in range(c.i, c.j):
            covered[w] = len(kept) - 1


# Titles whose holder acts at home: without an owner, the country the sentence names
# ("opposition leader X" in a story on Pakistan is Pakistan's).
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP", "REB", "PTY"})


def _unknown_owner(doc: Doc, view: View, heads, modifiers) -> bool:
    """A proper noun right before the title ("Emirates President X") is an owner we do not know."""
    k = min(i for i, _ in heads)
    while k > 0 and view.words[k - 1] in modifiers:
        k -= 1
    return k > 0 and doc[view.token[k - 1]].tag_ in ("NNP", "NNPS")


def _heads_government(view: View, p: PersonMention, titles, rules) -> bool:
    """ "the military government of President X", "the regime of General X": X heads a
    government the sentence names, whose acts (a state of siege "in Haiti") are at home."""
    k = min(i for i, _ in titles[p.vi])
    while k > 0 and view.words[k - 1] in rules["title_modifiers"]:
        k -= 1
    return k >= 2 and view.words[k - 1] == "of" and view.words[k - 2] in rules["person_government_words"]


def _only_country_in_sentence(
    doc: Doc, view: View, p: PersonMention, country_at, people, home: str | None = None, places=None
) -> str | None:
    """A title without owner ("President X said ..."): the country when the sentence names
    exactly one and no other person of the sentence of the same sector is already known to hold
    it ("President A of Uzbekistan met Prime Minister B": B is likely foreign; "Interior
    Minister A allowed opposition leader B" of one country: both of it). A sentence that names
    no country leaves the dateline's ("MOGADISHU (Reuters) - President X said ..."); `places`,
    given for the head of a government the sentence names, comes before it: the one country the
    sentence names as a place ("the government of President X declared a curfew in Haiti")."""
    sent = doc[view.token[p.vi]].sent
    lo, hi = sent.start_char, sent.end_char
    found = {c for s, c in country_at if lo <= s < hi}
    if not found and places:
        found = set(places)
    if not found and home:
        found = {home}
    if len(found) != 1:
        return None
    country = found.pop()
    if any(q is not p and q.country == country and q.sector == p.sector and lo <= q.start < hi for q in people):
        return None
    return country
