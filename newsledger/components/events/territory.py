"""PLOVER's target convention: an event done in a territory with no named target is done to
that territory ("Serbia lifted a night curfew in Montenegro": target Montenegro; "rebels
shelled Juba": target South Sudan; "demonstrated in Serbia": target Serbia). POLECAT, ICEWS
and GDELT code such events the same way, so analysts comparing ledgers expect the recipient.

The territory becomes a location actor (kind "location", the place's country, no sector)
whose mentions are the place's. It is added after events are merged, so that two anonymous
attacks in one town do not become one event for sharing a target."""

from __future__ import annotations

from spacy.tokens import Token

from ...records import Actor, Event, Span
from .index import RecordIndex
from .links import LOCATIVE, governed_by, same_occasion
from .new_actors import next_actor_id, place_country

_SUBJECTS = ("nsubj", "nsubjpass")
_HOSTILE = {"ASSAULT", "COERCE"}  # "shelled Juba", "besieged Sarajevo": the object is the target


def territory_place(tok: Token, chain: list[Token], place: str | None, event_type: str, idx: RecordIndex) -> str | None:
    """The event's place when the trigger's action happens there: the place hangs from the
    trigger (or the verbs it shares its clause with) by a locative preposition, or is the
    object of a hostile verb. Not a destination ("return to Geneva") or a phrase inside
    another noun's modifier beyond the trigger's reach."""
    if place is None:
        return None
    anchors = {t.i for t in chain}
    # the action it governs ("threatened to institute a curfew in Algiers"), a verb sharing its
    # subject and object ("established ties with and opened an embassy in Tehran"), and the
    # predicate of an event noun ("the deployment ... arrived in Bosnia")
    anchors.update(
        c.i
        for c in tok.children
        if c.dep_ == "xcomp"
        or (c.dep_ == "conj" and c.pos_ == "VERB" and not any(s.dep_ in _SUBJECTS for s in c.children))
    )
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in _SUBJECTS and tok.head.pos_ == "VERB":
        anchors.add(tok.head.i)
    anchors.update(c.i for c in same_occasion(tok))  # "... when they blew themselves up in X"
    sent = tok.sent
    for i in range(sent.start, sent.end):
        if idx.place.get(i) != place:
            continue
        below, prep = governed_by(tok.doc[i], anchors)
        if below and (prep in LOCATIVE or (not prep and event_type in _HOSTILE and _object(tok.doc[i], anchors))):
            return place
    return None


def _object(t: Token, anchors: set[int]) -> bool:
    """The place is (the head of) a direct object of one of the anchors."""
    cur = t
    while cur.dep_ in ("compound", "appos", "amod") and cur.head.i != cur.i:
        cur = cur.head
    return cur.dep_ == "dobj" and cur.head.i in anchors


def add_territory_targets(doc, events: list[Event], targets: dict[int, str]) -> None:
    """Give each event without a recipient its territory (`targets`: id(event) -> place id) as
    a location actor; an actor already named by the place's mention is used as it is."""
    places = {p.id: p for p in doc._.places or []}
    actors = list(doc._.actors or [])
    made: dict[str, str | None] = {}
    for ev in events:
        pid = targets.get(id(ev))
        if ev.recipient is not None or pid is None:
            continue
        if pid not in made:
            made[pid] = _location_actor(places.get(pid), actors)
        if made[pid] is not None and made[pid] != ev.actor:
            ev.recipient = made[pid]
    doc._.actors = actors


def _location_actor(place, actors: list[Actor]) -> str | None:
    country = place_country(place)
    if country is None:
        return None
    located = place.location_mentions()  # not where the place is named as an actor or modifier
    spans = {(m.start, m.end) for m in located}
    for a in actors:
        if any((m.start, m.end) in spans for m in a.mentions):
            return a.id  # "in Montenegro" read as the country actor already
    aid = next_actor_id(actors)
    actors.append(
        Actor(
            id=aid,
            name=place.name,
            country=country[0],
            sector=None,
            mentions=[Span(m.start, m.end, m.text) for m in located],
            kind="location",
        )
    )
    return aid
