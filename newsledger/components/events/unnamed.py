"""Doers the text leaves unnamed, coded by where the event happened, as the event datasets
code them (data/unnamed.tsv): an attack by no named attacker is done by the
unidentified armed forces of the place's country (CAMEO/PLOVER sector UAF; ACLED's
"Unidentified Armed Group (Iraq)"): "a roadside bombing near Samarra killed ...", "killed by an
improvised explosive device outside Basra". A protest by an unnamed crowd is done by that
country's protesters (ACLED's "Protesters (Hong Kong)"); an arrest, a charge or an
investigation with no agent by its authorities ("was arrested in Lebanon": only a state
arrests).

Only where the sentence names no doer at all, or names it by a common noun of the table
("gunmen", "prisoners", "police"); never for a pronoun or a name the actors component did not
place (that is someone, only unknown to us). Only for events that took place, in a place the
event is "in", "near" or "outside" of: "missiles were fired at Israel" says nothing of who fired.

So are the victims of an attack or a crackdown named only by a common noun ("dispersed
demonstrators protesting in Monrovia": ACLED's "Protesters (Liberia)"; "Civilians (Nigeria)").

Each is an actor of kind "unnamed", named the ACLED way ("Protesters (Hong Kong)"), with the
place's country; its mentions are the words that stand for it (the crowd, the bomb), none when
a passive leaves it out. Added after events are merged, like territory targets, so two
anonymous attacks in one town stay two events."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ...records import Actor, Event, Span
from ..common.doc_cache import doc_text
from .index import RecordIndex
from .lexicon import unnamed_table as table
from .links import LOCATIVE, governed_by
from .new_actors import next_actor_id, place_country

_DONE = {"actual", "past"}
_QUANTITIES = {
    "hundred",
    "thousand",
    "million",
    "dozen",
    "score",
    "ten",
    "group",
    "crowd",
    "number",
    "some",
    "many",
    "several",
    "all",
    "most",
}
_VICTIM_TYPES = {"ASSAULT", "COERCE"}
_ANAPHORIC = {"the", "this", "that", "these", "those"}
_WHERE = LOCATIVE - {"at"}  # "fired at Israel" is the target, "killed at a checkpoint in Gaza" is not


@dataclass(frozen=True)
class Doer:
    label: str  # "Protesters", "Unidentified attackers", "Police"
    sector: str | None
    place: str  # id of the place whose country it takes
    mention: Span | None  # the words that stand for it, if any


def unnamed_doer(
    tok: Token, chain: list[Token], subj: Token | None, event_type: str, mode: str, place: str | None, idx: RecordIndex
) -> Doer | None:
    """The unnamed doer of an event that has no actor, or None when the text gives no ground."""
    if place is None or mode not in _DONE or not _done_in(place, tok, _anchors(tok, chain, subj), event_type, idx):
        return None
    roles = table()
    lemma = tok.lemma_.lower()
    word = _doer_word(subj)
    verb = _clause_verb(tok)
    if subj is not None:
        if word is None or word.pos_ not in ("NOUN",) or word.ent_type_:
            return None  # a name or a pronoun: someone we could not place
        key = word.lemma_.lower()
        if key in roles.get("means", {}) and any(c.dep_ == "poss" or c.lower_ in _ANAPHORIC for c in word.children):
            return None  # "the attack", "their bombing": told of before, maybe with its doer
        if event_type == "PROTEST":
            found = roles.get("crowd", {}).get(key)
        elif event_type == "ASSAULT":
            found = roles.get("attacker", {}).get(key) or roles.get("means", {}).get(key)
        elif lemma in roles.get("state_act", {}):
            found = roles.get("state", {}).get(key)
        else:
            found = None
        return _doer(found, place, subj, word) if found else None
    if event_type == "PROTEST":
        return _doer(("CVL", "Protesters"), place, None, None)
    if event_type == "ASSAULT" and _mishap(tok, verb):
        return None
    if lemma in roles.get("state_act", {}) and _passive(verb):
        return _doer(roles["state_act"][lemma], place, None, None)
    if event_type == "ASSAULT" and (_passive(verb) or lemma in roles.get("means", {})):
        means = _agent_means(verb)
        return _doer(roles["means"].get(lemma, ("UAF", "Unidentified attackers")), place, means, means)
    return None


def unnamed_victim(
    tok: Token, chain: list[Token], event_type: str, mode: str, place: str | None, idx: RecordIndex
) -> Doer | None:
    """The people an attack or a crackdown with no named target is done to, when the sentence
    names them only by a common noun of the table's victims ("used tear gas to disperse
    demonstrators in Monrovia", "killed two civilians in Idlib"): ACLED's "Protesters (Liberia)",
    "Civilians (Syria)", of the place where it happened."""
    if event_type not in _VICTIM_TYPES or mode not in _DONE:
        return None
    patient = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    word = _doer_word(patient)
    if word is None or word.pos_ != "NOUN" or word.ent_type_:
        return None
    found = table().get("victim", {}).get(word.lemma_.lower())
    if found is None:
        return None
    # where they are is where it was done to them ("demonstrators protesting ... in Monrovia")
    theirs = {word.i} | {c.i for c in word.children if c.dep_ in ("acl", "relcl")}
    if place is None or not _done_in(place, tok, {t.i for t in chain} | theirs, event_type, idx):
        place = next(
            (
                idx.place[t.i]
                for t in word.subtree
                if t.i in idx.place and _done_in(idx.place[t.i], tok, theirs, event_type, idx)
            ),
            None,
        )
    return _doer(found, place, patient, word) if place is not None else None


def _doer(found: tuple, place: str, phrase: Token | None, word: Token | None) -> Doer:
    """`phrase`: the head of the words that stand for the doer; `word`: its naming noun."""
    sector, label = found
    label = label or (word.text.capitalize() if word is not None else "Unidentified")
    mention = None
    if phrase is not None:
        toks = sorted(phrase.subtree, key=lambda t: t.i)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        mention = Span(start, end, doc_text(phrase.doc)[start:end])
    return Doer(label, sector, place, mention)


def _doer_word(subj: Token | None) -> Token | None:
    """The noun that names the doer: "people" in "hundreds of thousands of people"."""
    cur = subj
    for _ in range(3):
        if cur is None or (cur.lemma_.lower() not in _QUANTITIES and cur.pos_ != "NUM"):
            return cur
        of = next(
            (p for c in cur.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"),
            None,
        )
        if of is None:
            return cur
        cur = of
    return cur


def _clause_verb(tok: Token) -> Token:
    """The verb whose voice tells the story: the trigger, or the verb a noun trigger serves
    ("has been put under investigation")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
            return tok.head.head
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
            return tok.head
    return tok


def _passive(verb: Token) -> bool:
    return (verb.pos_ in ("VERB", "AUX") and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )  # "three soldiers killed in an ambush"


def _agent_means(verb: Token) -> Token | None:
    """The weapon of a passive ("killed by an improvised explosive device")."""
    means = table().get("means", {})
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in means:
                    return p
    return None


def _mishap(tok: Token, verb: Token) -> bool:
    """Killed "in a car crash", "by a landslide": no attack. (Not "by sniper fire".)"""
    roles = table()
    mishaps, armed = roles.get("mishap", {}), roles.get("means", {}) | roles.get("attacker", {})
    for head in {tok, verb}:
        for c in head.children:
            if c.dep_ not in ("prep", "agent"):
                continue
            for p in c.children:
                if (
                    p.dep_ == "pobj"
                    and p.lemma_.lower() in mishaps
                    and not any(m.lemma_.lower() in armed for m in p.children if m.dep_ in ("compound", "amod"))
                ):
                    return True
    return False


def _anchors(tok: Token, chain: list[Token], subj: Token | None) -> set[int]:
    """The words the place must hang from: the trigger's clause; only the noun itself for a
    noun in another verb's adjunct ("is implicated in the bombing of schools": that verb's
    place is not the bombing's); the subject too when it is the attack ("a bombing near X")."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ != "under":
        anchors = {tok.i}
    else:
        anchors = {t.i for t in chain}
    if subj is not None and subj.lemma_.lower() in unnamed_means():
        anchors.add(subj.i)
    return anchors


def _done_in(place: str, tok: Token, anchors: set[int], event_type: str, idx: RecordIndex) -> bool:
    """The place is where the event happened: a mention of it hangs below the anchors from
    "in", "near", "outside" ... ("at" too, save for an attack: "fired at Israel"); "of" in "the
    town of Samarra" is looked through."""
    wanted = _WHERE if event_type == "ASSAULT" else LOCATIVE
    sent = tok.sent
    for i in range(sent.start, sent.end):
        if idx.place.get(i) == place:
            below, prep = governed_by(tok.doc[i], anchors, limit=8)
            if below and prep in wanted:
                return True
    return False


def add_unnamed_parties(doc, events: list[Event], parties: dict[int, dict[str, Doer]]) -> None:
    """Give each event the unnamed parties found for it (`parties`: id(event) -> {"actor" or
    "recipient": Doer}) where that role is still empty: one actor per label and country."""
    places = {p.id: p for p in doc._.places or []}
    actors = list(doc._.actors or [])
    named = {a.id for a in actors if a.kind not in ("unnamed", "location")}
    countries = {a.id: a.country for a in actors}
    made: dict[tuple, Actor] = {}
    for ev in events:
        for role, party in parties.get(id(ev), {}).items():
            country = place_country(places.get(party.place))
            if getattr(ev, role) is not None or country is None:
                continue
            if role == "actor" and _told_before(ev, events, named, country[0], places, countries):
                continue
            alpha3, name = country
            key = (party.label, alpha3, party.sector)
            actor = made.get(key)
            if actor is None:
                actor = Actor(
                    id=next_actor_id(actors),
                    name=f"{party.label} ({name})",
                    country=alpha3,
                    sector=party.sector,
                    mentions=[],
                    kind="unnamed",
                )
                made[key] = actor
                actors.append(actor)
                countries[actor.id] = alpha3
            if party.mention is not None and party.mention not in actor.mentions:
                actor.mentions.append(party.mention)
            if actor.id not in (ev.actor, ev.recipient):
                setattr(ev, role, actor.id)
    doc._.actors = actors


def _told_before(
    ev: Event, events: list[Event], named: set[str], alpha3: str, places: dict, countries: dict[str, str | None]
) -> bool:
    """An earlier event of the article of the same type in the same country has a named doer:
    this one is likely told of again ("Russian forces shelled Kherson. Four civilians were killed
    in Kherson."), and an unnamed doer would contradict it. Coreference is not resolved, so none
    is given. `countries`: actor id -> country, for every actor of the article so far."""
    for e in events:
        if e.type != ev.type or e.actor not in named or e.trigger.start >= ev.trigger.start:
            continue
        where = place_country(places.get(e.place)) if e.place else None
        if (where[0] if where else countries.get(e.recipient) if e.recipient is not None else None) == alpha3:
            return True
    return False


@lru_cache(maxsize=1)
def unnamed_means() -> frozenset:
    """Lemmas of weapons and blasts ("a roadside bombing"): a subject that is an attack itself."""
    return frozenset(table().get("means", {}))
