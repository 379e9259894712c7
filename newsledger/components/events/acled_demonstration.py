"""Demonstrations in the ACLED Codebook's terms, for acled.py: who is violent decides between
Protests (Peaceful protest, Protest with intervention, Excessive force against protesters) and
Riots (Violent demonstration, Mob violence)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ...records import Actor, Event
from .acled_cues import Cue
from .acled_report import armed_in_doer, crowd_doer, doer_phrase
from .acled_strategic import FORCE_SECTORS
from .acled_syntax import blocks_road, describes, grievance, object_classes, victim_classes

MOBS = frozenset({"crowd", "mob"})
CROWD_NAMES = ("Protesters", "Rioters")
REASONS = frozenset({"for", "over", "after", "following"})
CAUSES = frozenset({"after", "because", "since", "as"})
DEMONSTRATE = frozenset({"protest", "demonstrate", "rally", "march"})
# "hundreds of people", "thousands": a crowd counted
CROWD_COUNTS = frozenset({"people", "hundred", "thousand", "dozen", "score", "citizen", "resident", "villager"})
# What a demonstration may be about ("protested the lynching of a man", "a rally against police
# killings") as well as what happens at it: only the latter tells who is violent.
GRIEVED = frozenset({"lethal", "intervention", "mob"})
# The word "mob" alone names a crowd; Mob violence needs violence told with it (codebook, Riots).
BARE_MOB = frozenset({"mob", "mobs"})
VIOLENCE = frozenset({"riot", "lethal", "property", "clash"})
# What a crowd does to a place without hurting anyone (besieged, occupied, blocked).
SIEGES = frozenset({"besiege", "surround", "encircle", "occupy", "blockade", "block", "picket"})
# What rioters throw (codebook, Violent demonstration: demonstrators throwing rocks or bottles);
# armed groups fire weapons, they do not throw stones.
THROWN = frozenset(
    {"stone", "stones", "rock", "rocks", "brick", "bricks", "bottle", "bottles", "petrol bomb", "molotov"}
    | {"molotov cocktail", "throw stone", "threw stone", "hurl stone", "hurled stone", "stone-throwing"}
    | {"pelt", "pelted", "pelting", "slingshot"}
)
# A demonstration's codings that the violence of its demonstrators turns into a riot
PROTESTS = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"})
VIOLENT = "Violent demonstration"
LOOTING = "Looting/property destruction"
# A demonstration event told by these words is violent on the demonstrators' side.
RIOT_LEMMAS = frozenset({"riot", "clash", "scuffle", "fight"})


def is_crowd(actor: Actor | None) -> bool:
    return actor is not None and any(actor.name.startswith(n) for n in CROWD_NAMES)


def reason(tok: Token) -> set[int]:
    """The tokens of the event's reason or time-after phrase ("arrested for taking part in
    protests", "detained after the rally")."""
    return {t.i for p in tok.children if p.dep_ == "prep" and p.lower_ in REASONS for t in p.subtree}


def cause_clause(tok: Token) -> set[int]:
    """The tokens of a clause telling what a demonstration answers ("students protested after a bus
    killed two classmates", "marched because police had shot a boy"): its grievance, not what
    happens at it."""
    return {
        t.i
        for c in tok.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CAUSES for m in c.children)
        for t in c.subtree
    }


def demonstrating(tok: Token, crowd: bool, crowd_words: frozenset[str]) -> bool:
    """ "hundreds of youths protested the killing": people demonstrating, not a government objecting."""
    return tok.lemma_.lower() in DEMONSTRATE and (crowd or crowd_doer(tok, crowd_words | CROWD_COUNTS))


def told(tok: Token, cues: list[Cue], after: set | frozenset, lists: dict) -> set[str]:
    """The cue classes a demonstration event tells of itself: not the killings, arrests or
    lynchings it is about ("protested the arrest of a colleague") nor those of people a clause
    describes; what the next sentence tells of it ("There were scuffles") is part of it."""
    doc = tok.doc
    causes = cause_clause(tok)
    classes = {
        c.cls
        for c in cues
        if c.cls not in GRIEVED
        or not (
            describes(doc[c.start], tok)
            or grievance(doc[c.start], tok, lists.get("grievance", frozenset()))
            or c.start in causes
        )
    }
    classes |= after & {"riot", "intervention", "mob"}
    if blocks_road(doc, cues) or destroys(tok, cues, lists.get("grievance", frozenset())):
        classes.add("riot")
    if all(c.text.lower() in BARE_MOB for c in cues if c.cls == "mob") and not classes & VIOLENCE:
        classes.discard("mob")  # "mobs of protesters gathered to demand ...": no one is violent
    return classes


def calm(classes: set[str], tok: Token, cues: list[Cue]) -> set[str]:
    """ "police clashed with peaceful protesters" (the forces are the doer): the report calls the
    demonstrators peaceful and tells of no violence of theirs but a clash, which is then the force
    used on them (codebook: who is violent decides Protests vs Riots)."""
    riots = [c for c in cues if c.cls == "riot"]
    if "peaceful" not in classes or not all(tok.doc[c.start].lemma_.lower() in RIOT_LEMMAS for c in riots):
        return classes
    return (classes - {"riot"}) | {"calm"}


def destroys(tok: Token, cues: list[Cue], grievances: frozenset[str]) -> bool:
    """The demonstrators destroy property in a clause of the demonstration ("protested the killing,
    burning a police post"): codebook, Violent demonstration (demonstrators engage in destruction),
    unless the destruction is what they protest ("protested the demolition of their shops") or
    an armed party does it ("police burned the protest camp")."""
    doc = tok.doc
    below = {t.i for t in tok.subtree}
    for c in cues:
        if c.cls != "property" or c.start not in below or c.start == tok.i:
            continue
        word = doc[c.start]
        if describes(word, tok) or grievance(word, tok, grievances):
            continue
        verb = word if word.pos_ in ("VERB", "AUX") else word.head
        if verb.dep_ not in ("advcl", "conj", "xcomp") and verb.i != tok.i:
            continue  # a noun phrase below the trigger, not something the demonstrators do
        subject = next((s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass", "agent")), None)
        armed = {i for a in cues if a.cls == "armed" for i in range(a.start, a.end)}
        if subject is None or not any(t.i in armed for t in subject.subtree):
            return True
    return False


def besieges(tok: Token, classes: set[str]) -> bool:
    """A crowd surrounds, occupies or blocks a place to voice a demand, no one hurt ("residents
    besieged the governor's office to demand compensation"): a demonstration (codebook, Protests),
    not Mob violence, which needs violence done."""
    return tok.lemma_.lower() in SIEGES and "demand" in classes and not classes & VIOLENCE


def at_demonstration(
    assault: bool, tok: Token, cues: list[Cue], classes: set[str], crowd: bool, arrest: bool, lists: dict
) -> str:
    """Violence or coercion at a demonstration: a mob, the demonstrators, or the forces are violent."""
    if assault and crowd_doer(tok, MOBS) and "armed" not in object_classes(tok, cues):
        return "Mob violence"  # "a crowd beat two men to death": the crowd is violent, not the police
    subject = doer_phrase(tok)
    # "activists protesting the results burned ...": a doer who demonstrates is a demonstrator
    protesting = subject is not None and any(
        c.cls == "protest" and c.start in {t.i for t in subject.subtree} for c in cues
    )
    demonstrators = protesting or crowd_doer(tok, lists.get("crowd_word", frozenset()))
    if assault and demonstrators and besieges(tok, classes):
        return demonstration(classes, tok, crowd=True)  # "demonstrators besieged the office, demanding ..."
    if assault and (demonstrators or victim_classes(tok, cues) == {"armed"}):
        # the demonstrators burn, stone or attack; policemen hurt at a demonstration (codebook: Riots)
        return "Violent demonstration"
    # the demonstrators occupy or block, no one hurt: they are not the target of force
    crowd = crowd or demonstrators
    if blocks_road(tok.doc, cues):
        classes = classes | {"riot"}
    if not crowd:
        classes = calm(classes, tok, cues)  # the forces clash with peaceful demonstrators
    return demonstration(classes, tok, crowd=crowd, arrest=arrest)


def demonstration(classes: set[str], tok: Token, crowd: bool, arrest: bool = False) -> str:
    """Who is violent decides (codebook: Protests vs Riots)."""
    if "mob" in classes:
        return "Mob violence"
    if "riot" in classes or (tok.lemma_.lower() in RIOT_LEMMAS and "calm" not in classes):
        # demonstrators riot, or clash with the police; "police clashed with peaceful protesters":
        # the report says the demonstrators are not violent, so the force is the police's
        return "Violent demonstration"
    if crowd and not classes & {"lethal", "intervention"}:
        return "Peaceful protest" if "protest" in classes or tok.lemma_.lower() != "attack" else "Violent demonstration"
    if "lethal" in classes and not arrest:
        return "Excessive force against protesters"
    if "intervention" in classes or arrest or not crowd:
        # force used on demonstrators with no lethal weapon nor serious injury told ("police
        # prevented protesters from marching"): an attempt to suppress the protest (codebook,
        # Protest with intervention; Excessive force needs lethal force or serious injuries)
        return "Protest with intervention"
    return "Peaceful protest"


def throws(tok: Token, cues: list[Cue], armed_doer: bool) -> bool:
    """The event's doer throws stones, bottles or petrol bombs ("some of them hurled stones at the
    security forces"): demonstrators being violent (codebook, Violent demonstration), not a battle."""
    below = {t.i for t in tok.subtree}
    return not armed_doer and any(c.cls == "riot" and c.text.lower() in THROWN and c.start in below for c in cues)


def stoning(cues: list[Cue]) -> bool:
    """The sentence tells of stones, bottles or petrol bombs thrown: the force used against the
    throwers is used at a riot ("security forces fired tear gas at youths who were throwing stones")."""
    return any(c.cls == "riot" and c.text.lower() in THROWN for c in cues)


def destruction_at_demonstration(
    events: list[Event],
    tokens: dict[int, Token | None],
    actors: dict[str, Actor],
    cues_of: Callable[[Span], list[Cue]],
    describe: Callable[[str], dict],
) -> None:
    """Property destroyed or looted by no one named, or by a crowd (no armed party), in the sentence of a
    demonstration or next to it ("Thousands protested in Santiago. Metro stations were set on
    fire and shops looted"): the demonstrators' destruction, a Violent demonstration (codebook,
    Looting/property destruction is coded only outside the context of rioting)."""
    sents = {id(e): (t.sent.start, t.sent.end) for e in events if (t := tokens[id(e)]) is not None}
    demos = [
        sents[id(e)] for e in events if e.acled and e.acled["sub_event_type"] in PROTESTS | {VIOLENT} and id(e) in sents
    ]
    for event in events:
        if not event.acled or event.acled["sub_event_type"] != LOOTING or id(event) not in sents:
            continue
        doer = actors.get(event.actor or "")
        if doer is not None and not is_crowd(doer):
            continue
        tok = tokens[id(event)]
        subject = doer_phrase(tok) if tok is not None else None
        if tok is not None and subject is not None and armed_in_doer(tok, cues_of(subject.sent)):
            continue  # "Soldiers looted shops": an armed party's looting
        start, stop = sents[id(event)]
        if any(start in (first, end) or stop == first for first, end in demos):
            event.acled = describe(VIOLENT)


def force_at_demonstration(
    events: list[Event],
    tokens: dict[int, Token | None],
    actors: dict[str, Actor],
    cues_of: Callable[[Span], list[Cue]],
    describe: Callable[[str], dict],
) -> None:
    """Forces attacking people, no armed party named among the victims, in the sentence after a
    demonstration's ("Thousands marched in Khartoum. Security forces shot dead two people"): the
    force is used on the demonstration, one event (codebook, Excessive force against protesters
    when it kills or seriously injures, else Protest with intervention)."""
    ends = {
        t.sent.end
        for e in events
        if e.acled and e.acled["sub_event_type"] in PROTESTS and (t := tokens[id(e)]) is not None
    }
    for event in events:
        tok = tokens[id(event)]
        if tok is None or not event.acled or event.acled["sub_event_type"] != "Attack":
            continue
        start = tok.sent.start
        if start not in ends and not (start > 0 and _tells_demonstration(tok.doc[start - 1].sent, cues_of)):
            continue
        actor = actors.get(event.actor or "")
        cues = cues_of(tok.sent)
        forces = (actor is not None and actor.sector in FORCE_SECTORS) or armed_in_doer(tok, cues)
        if forces and "armed" not in victim_classes(tok, cues):
            lethal = any(c.cls == "lethal" for c in cues)
            event.acled = describe("Excessive force against protesters" if lethal else "Protest with intervention")


def _tells_demonstration(sent: Span, cues_of: Callable[[Span], list[Cue]]) -> bool:
    """The sentence's main verb is a demonstration word ("Thousands marched in Khartoum")."""
    return any(c.cls == "protest" and c.start <= sent.root.i < c.end for c in cues_of(sent))


def one_demonstration(events: list[Event], tokens: dict[int, Token | None]) -> None:
    """A demonstration and the violence of its demonstrators told in the same or the next sentence
    ("Supporters protested in Kinshasa. Police said the demonstrators had burned a police
    station") are one riot: the codebook codes a demonstration whose demonstrators turn violent as
    a Violent demonstration."""
    sents = {id(e): t.sent.start for e in events if (t := tokens[id(e)]) is not None}
    ends = {id(e): t.sent.end for e in events if (t := tokens[id(e)]) is not None}
    violent = [e for e in events if e.acled and e.acled["sub_event_type"] == VIOLENT and id(e) in sents]
    for event in events:
        if not event.acled or event.acled["sub_event_type"] not in PROTESTS or id(event) not in sents:
            continue
        riot = next((v for v in violent if sents[id(v)] in (sents[id(event)], ends[id(event)])), None)
        if riot is not None and riot.acled:
            event.acled = dict(riot.acled)


def arrests_at_demonstration(
    events: list[Event], tokens: dict[int, Token | None], describe: Callable[[str], dict]
) -> None:
    """Arrests told in the sentence of a demonstration ("Police dispersed the rally and arrested
    several of them", "detained 20 activists who were protesting") are the suppression of that
    demonstration, one event: the codebook counts arrests among the interventions of a Protest with
    intervention (a riot or a demonstration met with lethal force keeps its own coding). A demonstration
    given as the arrest's reason, or one that a clause about the arrested people tells of without
    their demonstrating ("journalists covering the protest"), is another event."""
    sents = {id(e): t.sent.start for e in events if (t := tokens[id(e)]) is not None}
    demos = [e for e in events if e.acled and e.acled["sub_event_type"] in PROTESTS | {VIOLENT} and id(e) in sents]
    for event in events:
        if not event.acled or event.acled["sub_event_type"] != "Arrests" or id(event) not in sents:
            continue
        tok = tokens[id(event)]
        if tok is None:
            continue
        why = reason(tok)  # "arrested for taking part in protests last week"
        at = [
            d
            for d in demos
            if sents[id(d)] == sents[id(event)]
            and (t := tokens[id(d)]) is not None
            and t.i not in why
            # "journalists covering the protest" are not its demonstrators; "people taking part in it" are
            and (t.dep_ in ("relcl", "acl") or not describes(t, tok) or _takes_part(t))
        ]
        if not at:
            continue
        for demo in at:
            if demo.acled and demo.acled["sub_event_type"] == "Peaceful protest":
                demo.acled = describe("Protest with intervention")
        event.acled = dict(at[0].acled or {})


# Verbs of the clause describing the arrested that make them demonstrators ("taking part in a
# rally", "joining the march"), not onlookers or reporters.
TAKE_PART = frozenset({"take", "join", "attend", "participate", "stage", "hold", "lead", "organise", "organize"})


def _takes_part(demo: Token) -> bool:
    """The demonstration word is what a describing clause's verb of taking part is about."""
    tok = demo
    for _ in range(4):
        if tok.dep_ in ("acl", "relcl"):
            return tok.lemma_.lower() in TAKE_PART
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
