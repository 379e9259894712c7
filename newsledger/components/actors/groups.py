"""Groups named by a non-state name and a group word: "Shona rebels", "Islamic fundamentalists",
"Moslem forces in east Bosnia", "Tamil civilian refugees", "the Hutu rebel group".

The name before the group word is an ethnic, religious or movement name NER marks as an entity
(NORP, PERSON, ORG; a GPE only when it is no real place: NER calls "Shona" a GPE) that no lexicon
actor covers. Such a group is an actor of its own (kind group, the sector of its group word;
forces of a non-state group are armed opposition, REB). PLOVER codes a domestic group by the
country it acts in:
  - the country after "in", "of", "from" or "inside" ("Moslem forces in east Bosnia");
  - else the one country the sentence names (actors/unowned.sentence_country): "The Mozambique
    government accepted demands from Shona rebels" -> MOZ (not for firms, which cross borders,
    nor for bloc names: "European citizens" are of no one country, lexicons rules bloc_names);
  - else none.
"""

from __future__ import annotations

from ..common.labels import NAME_ENTITY_LABELS
from .lexicon import CAPITAL, COUNTRY, GROUP_SECTORS, ActorLexicon, Entry
from .unowned import sentence_country

# Armed people words ("Moslem forces"): a non-state group's forces are an armed group; the
# military organ's weapon words ("Katyusha rockets") name no group.
_ARMED_WORDS = frozenset(
    {"forces", "armed forces", "military forces", "troops", "soldiers", "security forces", "units"}
)
_MAX_NAME_WORDS = 3
# Firms cross borders: "Western media companies" left Russia are not Russia's.
_ABROAD_SECTORS = frozenset({"BUS"})
# Where refugees are is not whose they are: no country from the places of their sentence.
_ABROAD_PLACE_SECTORS = frozenset({"BUS", "REF"})
_MAX_GLOSS_WORDS = 3


def named_groups(doc, view, organs, covered, kept, ents, ent_of, lex: ActorLexicon, real_places):
    """(view start, view end, iso3 or None, sector, organ entry) of the named groups of a Doc."""
    words = view.words
    out = []
    taken: set[int] = set()  # view words already in a group
    organ_words = {p for i, heads in organs.items() for j, _ in heads for p in range(i, j)}
    blocs = frozenset(lex.rules["bloc_names"])
    for i in sorted(organs):
        if i in taken or i == 0:
            continue
        j, e = _group_head(organs, i)
        if e is None or any(covered[p] >= 0 or not view.orig[p].islower() for p in range(i, j)):
            continue  # "Senate Minority Leader": words of a name or title
        end = _gloss_start(view, i, covered)  # "the Azadliq (Freedom) opposition"
        k = _name_start(doc, view, end, covered, ents, ent_of, real_places, i)
        if k is None:
            k = _untagged_name_start(doc, view, end, covered, ent_of, lex.rules["determiners"])
        if k is None or any(p in organ_words for p in range(k, i)):
            continue  # "National Guard troops": an organ's name
        bloc = " ".join(words[k:end]) in blocs
        iso3 = located_country(words, j, lex)
        if iso3 is None and e.sector not in _ABROAD_SECTORS and not bloc:
            # refugees live abroad: "Tamil refugees arrived in India" are no Indians
            iso3 = sentence_country(doc, view, k, kept, lex, places=e.sector not in _ABROAD_PLACE_SECTORS)
        sector = e.sector if e.sector in GROUP_SECTORS else "REB"
        out.append((k, j, iso3, sector, e))
        taken.update(range(k, j))
    return out


def _group_head(organs, i: int) -> tuple[int, Entry | None]:
    """The group words starting at view word i: consecutive organ heads ("civilian refugees",
    "rebel group"); the last one of a group sector names the group (English phrases end in their
    head), else an armed organ ("forces")."""
    end, best, first = i, None, None
    while True:
        heads = organs.get(end)
        if not heads:
            break
        j, e = max(heads, key=lambda h: h[0])
        if first is None:
            first = e
        if e.sector in GROUP_SECTORS:
            best = e
        end = j
    if best is None and first is not None and first.alias.lower() in _ARMED_WORDS:
        best = first
    if best is not None and best.alias.lower().split()[-1] in ("camp", "camps"):
        return end, None  # "West Bank refugee camp": a place
    return end, best


def _name_start(doc, view, i: int, covered, ents, ent_of, real_places, group: int | None = None) -> int | None:
    """Start of the entity name right before view word i, or None when there is none. NER may
    run the name into its gloss ("the Musavat (Equality" as one ORG): the entity may reach up to
    the group words at view word `group`."""
    group = i if group is None else group
    k = i
    label = None
    while k > 0 and i - k < _MAX_NAME_WORDS:
        p = k - 1
        t = view.token[p]
        if covered[p] >= 0 or not view.orig[p][:1].isupper() or ent_of[t] < 0:
            break
        es, ee, lab, _ = ents[ent_of[t]]
        if ee > view.start[group]:
            return None  # the entity runs into the group words
        if label is not None and lab != label:
            break
        label = lab
        k = p
    if k == i:
        return None
    if label not in NAME_ENTITY_LABELS:
        return None
    if label == "GPE" and " ".join(view.words[k:i]) in real_places:
        return None  # "Texas farmers": people of a place, not a named group
    es = ents[ent_of[view.token[k]]][0]
    if es < view.start[k]:
        return None  # only the end of a longer name
    return k


def _gloss_start(view, i: int, covered) -> int:
    """Where a bracketed translation of the name before view word i starts ("Azadliq (Freedom)
    opposition", "Umma (Nation) party": the gloss belongs to the name); i when there is none."""
    if i < 3 or view.words[i - 1] != ")":
        return i
    for k in range(i - 2, max(i - 3 - _MAX_GLOSS_WORDS, 0), -1):
        if view.words[k] == "(":
            gloss = range(k + 1, i - 1)
            if len(gloss) and all(view.orig[p][:1].isupper() and covered[p] < 0 for p in gloss):
                return k
            return i
    return i


def _untagged_name_start(doc, view, i: int, covered, ent_of, determiners) -> int | None:
    """Start of a proper name NER left untagged right before view word i, after "the" ("the
    Azadliq opposition", "the Mujahedeen rebels"): proper nouns no lexicon actor covers."""
    k = i
    while k > 0 and i - k < _MAX_NAME_WORDS:
        p = k - 1
        t = view.token[p]
        if covered[p] >= 0 or ent_of[t] >= 0 or not view.orig[p][:1].isupper() or doc[t].tag_ not in ("NNP", "NNPS"):
            break
        k = p
    if k == i or k == 0 or view.words[k - 1] not in determiners:
        return None
    return k


_LOCATED_PREPS = ("in", "of", "from", "inside")
_BASED = frozenset({"based", "operating", "headquartered"})


def located_country(words, j: int, lex: ActorLexicon, preps=_LOCATED_PREPS) -> str | None:
    """The country named right after a group or organisation at view words ending at j: "in
    (the) (east) Bosnia", "of Sudan", "(UCF) in central Iran", "based in Trinidad"."""
    rules = lex.rules
    n = len(words)
    if j + 2 < n and words[j] == "(" and words[j + 2] == ")":
        j += 3  # "Esfahan Uranium Conversion Facilities (UCF) in ..."
    if j < n and words[j] in _BASED:
        j += 1
    if j >= n or words[j] not in preps:
        return None
    k = j + 1
    while k < n and (words[k] in rules["determiners"] or words[k] in rules["compass_words"]):
        k += 1
    for size in (3, 2, 1):
        for e in lex.entries.get(" ".join(words[k : k + size]), ()):
            if e.kind in (COUNTRY, CAPITAL) and not e.organ and e.country in lex.countries:
                return e.country
    return None
