"""The role of each place mention: `location`, `actor` or `modifier` (records.PlaceMention).

  * modifier: the name describes something else rather than saying where it is: a demonym
    ("Russian forces", "Ohioans"), a name inside an organisation's name ("Ohio Department of
    Health"), a legislator's home ("Rep. Smith, R-Marshall"), "Kyiv-based", and a name that
    modifies a common noun ("a Gainesville man", "Roselle police", "the Istanbul talks");
  * actor (metonymy): a subject or possessor not under a locative preposition ("Moscow
    launched", "Pyongyang's decision", "Ukraine was partly responsible"), a capital naming
    its government ("Seoul officials"), or a name the actors component recorded as an actor;
  * location: everything else, above all a name under a locative preposition ("troops in
    Moscow"), a dateline, an address ("CHARLESTON, W.Va."), or a part of a territory picked out
    by a qualifier ("eastern Donetsk", "occupied Crimea").
A name given with its container is written as an address whatever the parser makes of it;
towns and counties in the possessive are places ("Augusta's Highland Avenue"): only a name that
can be a country, an admin-1 area or a capital reads as an actor there.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...geo.gazetteer import Gazetteer
from .rules import Mention, Rules, governed_by_locative

MODIFIER_SOURCES = ("demonym", "inside", "party", "based")
_NOUNS = ("NOUN", "PROPN")


def assign_roles(doc: Doc, mentions: list[Mention], actor_spans, gaz: Gazetteer, rules: Rules) -> None:
    addressed = {c for m in mentions for c in m.containers}
    addressed |= {k for k, m in enumerate(mentions) if m.containers}
    for k, m in enumerate(mentions):
        root = doc[m.start : m.end].root
        m.locative = governed_by_locative(root, rules)
        m.role = _role(doc, k, m, root, actor_spans, addressed, gaz, rules)
        m.agent = m.role == "actor"


def _role(doc: Doc, k: int, m: Mention, root, actor_spans, addressed: set[int], gaz: Gazetteer, rules: Rules) -> str:
    if m.source in MODIFIER_SOURCES:
        return "modifier"
    if m.source in ("dateline", "feature") or k in addressed or m.locative:
        return "location"
    # "eastern Beirut", "occupied Crimea": a qualifier outside the name picks out part of the
    # territory, which no government is
    if any(c.dep_ == "amod" and c.i < m.start and c.lower_ in rules.qualifiers for c in root.children):
        return "location"
    cands = gaz.lookup(m.lookup)
    if root.dep_ == "poss" and not any(e.kind in rules.actor_kinds for e, _ in cands):
        return "location"  # "Augusta's Highland Avenue": a town is not an actor here
    s, e = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])
    if any(a < e and s < b for a, b in actor_spans) or root.dep_ in rules.agent_deps:
        return "actor"
    head = root.head
    if root.dep_ in rules.compound_deps and head.i >= m.end and head.pos_ in _NOUNS:
        if head.ent_type_ in rules.entity_labels or head.lower_ in rules.designators:
            return "location"  # "the Kursk region", "Gaza City Hall"
        if any(c.kind == "capital" for c, _ in cands):
            return "actor"  # "Pyongyang ballistic missiles", "Seoul officials": its government
        return "modifier"
    return "location"
