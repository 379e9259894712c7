"""Where ACLED cue words sit in the dependency parse relative to an event's trigger, for the
codebook decisions of acled.py: what the trigger governs, what it hangs from, what it acts on.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Event
from .acled_cues import Cue


def disrupts(doc: Doc, cues: list[Cue]) -> bool:
    """A weapon is what is seized, found or defused: one word governs the other ("seized 50 rifles",
    "weapons seized", "an arms cache was discovered"), not two words of one sentence."""
    # an adverb acts through its verb ("accidentally activated their explosive devices")
    actions = [t.head if t.dep_ == "advmod" else t for t in (doc[c.start] for c in cues if c.cls == "disrupt_action")]
    weapons = [doc[c.start] for c in cues if c.cls == "weapon"]
    # what the action acts on, not who does it ("an IED destroyed the vehicle": no disruption)
    done = {
        a.i: {t.i for t in a.subtree} - {t.i for c in a.children if c.dep_ == "nsubj" for t in c.subtree}
        for a in actions
    }
    if any(w.i in done[a.i] or a in w.subtree for a in actions for w in weapons):
        return True
    # an attack stopped before it is carried out: its means is what is foiled, thwarted or
    # intercepted ("foiled a suicide attack", "a bombing was thwarted", "shot down two drones")
    means = [doc[c.end - 1] for c in cues if c.cls in MEANS_AND_WEAPONS and c.cls != "weapon"]
    return any(m.head.i == a.i and m.dep_ in ("dobj", "nsubjpass") for a in actions for m in means)


# Verbs that stop someone about to use a weapon ("arrested while planting a bomb", "shot the
# bomber before he could detonate his vest").
STOPS = frozenset(
    {"arrest", "detain", "catch", "nab", "apprehend", "capture", "shoot", "kill", "neutralise", "neutralize", "stop"}
)
MEANS_AND_WEAPONS = frozenset({"weapon", "chemical", "suicide", "air", "grenade", "explosive", "shelling"})


def interrupted(doc: Doc, cues: list[Cue]) -> bool:
    """A weapon's use stopped before it happened (codebook, Disrupted weapons use: an attack
    prevented, an attempted bombing intercepted): the weapon is used in a clause marked "while" or
    "before" that hangs from a verb of stopping someone."""
    for c in cues:
        if c.cls not in MEANS_AND_WEAPONS:
            continue
        verb = doc[c.start]
        for _ in range(6):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if (
            verb.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in ("while", "before") for m in verb.children)
            and verb.head.lemma_.lower() in STOPS
        ):
            return True
    return False


def armed_captive(tok: Token, cues: list[Cue]) -> bool:
    """Who is arrested carries a weapon ("arrested a man carrying a suicide vest", "a suspect was
    detained with two grenades"): codebook, Disrupted weapons use (an attack prevented, weapons
    seized), not the weapon's attack; an arrest for an attack done ("for throwing grenades") is
    told in a phrase of the verb, not of the person."""
    held = {t.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree}
    held |= {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree}
    return any(c.cls in MEANS_AND_WEAPONS and c.start in held for c in cues)


# A road block tried or threatened is none yet ("attempted to block traffic").
UNREALISED = frozenset({"attempt", "try", "threaten", "plan", "vow", "seek", "aim"})


def blocks_road(doc: Doc, cues: list[Cue]) -> bool:
    """Demonstrators block a road (codebook, Violent demonstration: road-blocking using barricades,
    burning tyres or other material): a blocking word governs a road word ("blocked the main road",
    "blocking major thoroughfares", "roads were barricaded"), the block is not only tried, and
    no armed party does it ("police blocked the road to the square")."""
    armed = {i for c in cues if c.cls == "armed" for i in range(c.start, c.end)}
    blocks = [
        b
        for b in (doc[c.start] for c in cues if c.cls == "road_block")
        if not any(t.i in armed for s in b.children if s.dep_ in ("nsubj", "agent") for t in s.subtree)
    ]
    roads = [doc[c.start] for c in cues if c.cls == "road"]
    return any(
        (r in b.subtree or b in r.subtree) and not (b.dep_ == "xcomp" and b.head.lemma_.lower() in UNREALISED)
        for b in blocks
        for r in roads
    )


def describes(cue: Token, trigger: Token) -> bool:
    """The cue word tells of someone the sentence describes ("mourn demonstrators killed last month",
    "justice for a woman shot by police"), in a clause of its own that does not hold the trigger."""
    tok = cue
    for _ in range(12):
        if tok.dep_ in ("acl", "relcl") and trigger not in tok.subtree:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def victims_protest(tok: Token, cues: list[Cue]) -> bool:
    """The people the event is done to are told to be demonstrating ("killed three people who were
    protesting against the mine"): the violence is done at a demonstration."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    # "fired tear gas at supporters who had gathered for a rally": the target of the fire
    objects += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in AIMED_AT for p in c.children]
    clauses = {t.i for o in objects for r in o.children if r.dep_ in ("relcl", "acl") for t in r.subtree}
    return any(c.cls == "protest" and c.start in clauses for c in cues)


AIMED_AT = frozenset({"at", "on", "against"})


def grievance(cue: Token, trigger: Token, words: frozenset[str]) -> bool:
    """The cue tells what a demonstration is about ("to protest the arrest of a colleague",
    "demanding the release of detained activists", "a rally against police killings"): it hangs,
    below the trigger, from a grievance word (data/acled_cues.tsv, class grievance)."""
    tok, prev = cue, cue
    for _ in range(10):
        if tok.i == trigger.i:
            # the trigger itself tells the grievance in its object ("protested the arrest of their
            # leader"), not in a clause of what the protesters did ("protested, clashing with police")
            return cue.i != trigger.i and trigger.lemma_.lower() in words and prev.dep_ in ("dobj", "prep")
        if tok.head.i == tok.i:
            return False
        tok, prev = tok.head, tok
        if tok.i != trigger.i and tok.lemma_.lower() in words:
            return True
    return False


def subtree_classes(tok: Token, cues: list[Cue]) -> set[str]:
    """The cue classes inside what the trigger governs ("launched air missiles": air)."""
    below = {t.i for t in tok.subtree}
    return {c.cls for c in cues if c.start in below}


def head_classes(tok: Token, cues: list[Cue]) -> set[str]:
    """The cue classes of the word the trigger hangs from ("killed in clashes", "clashes that killed")."""
    head = tok.head
    near = (
        {head.i}
        | {c.i for c in head.children if c.dep_ in ("prep", "pobj", "nsubj")}
        | {g.i for c in tok.children if c.dep_ == "prep" for g in c.children}
    )
    if tok.dep_ == "advcl":  # "police engaged bandits in a gunfight, killing five": the fight it elaborates
        near |= {g.i for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"}
    return {c.cls for c in cues if c.start in near}


def land_below(tok: Token, cues: list[Cue]) -> bool:
    below = {t.i for t in tok.subtree} - {tok.i}
    return any(c.cls == "land" and c.start in below for c in cues)


def object_classes(tok: Token, cues: list[Cue]) -> set[str]:
    """The armed/civilian cues in what the trigger acts on (its objects and their phrases; not the
    doer a passive names: "people were shot by militants")."""
    below = {
        t.i
        for child in tok.children
        if child.dep_ in ("dobj", "prep", "pobj", "nsubjpass", "attr", "npadvmod", "advcl", "xcomp")
        for t in child.subtree
    }
    if tok.dep_ in ("acl", "relcl") or tok.pos_ == "NOUN":
        below |= {t.i for t in tok.head.subtree} - {t.i for t in tok.subtree} if tok.pos_ != "NOUN" else set()
    return {c.cls for c in cues if c.cls in ("armed", "civilian") and c.start in below}


def cue_at(cues: list[Cue], tok: Token, cls: str) -> bool:
    return any(c.cls == cls and c.start <= tok.i < c.end for c in cues)


def trigger_token(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def victim_person(tok: Token) -> bool:
    """What the violence is done to is a named person ("shot dead Ahmed Ali", "the killing of a
    journalist, Jane Doe"): one person, not an armed party, is the target of an Attack."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.pos_ == "NOUN":
        objs += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    return any(
        o.ent_type_ == "PERSON" or any(c.ent_type_ == "PERSON" and c.dep_ == "appos" for c in o.children) for o in objs
    )


def victim_classes(tok: Token, cues: list[Cue]) -> set[str]:
    """The armed/civilian cues of the trigger's own victim: its direct object, the subject of a
    passive ("three people were shot dead"), the "of" phrase of an event noun ("the killing of
    two farmers"); before what the rest of the clause names ("... when gunmen opened fire")."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.pos_ == "NOUN":
        objs += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    objs += [c for o in objs for c in o.conjuncts]
    # the victim's own noun and its modifiers first ("displaced people in the camp": people); a
    # modifier or an "of" or "for" phrase says who is in a place or a column ("a refugee camp", "a
    # convoy of traders", "a camp for displaced people"): it decides over the noun, which alone may
    # stand for a garrison (codebook: the target decides between Battles and Violence against civilians)
    for o in objs:
        inner = {t.i for t in o.children if t.dep_ in ("compound", "amod", "nmod")}
        inner |= {g.i for t in o.children if t.dep_ == "prep" and t.lower_ in ("of", "for") for g in t.children}
        named = {c.cls for c in cues if c.cls in ("armed", "civilian") and inner.intersection(range(c.start, c.end))}
        if len(named) == 1:
            return named
    heads = {t.i for o in objs for t in (o, *o.children) if t.i == o.i or t.dep_ in ("compound", "amod", "nmod")}
    own = {c.cls for c in cues if c.cls in ("armed", "civilian") and heads.intersection(range(c.start, c.end))}
    if own:
        return own
    below = {t.i for o in objs for t in o.subtree}
    return {c.cls for c in cues if c.cls in ("armed", "civilian") and c.start in below}
