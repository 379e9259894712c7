"""Territory and strategic developments in the ACLED Codebook's terms, for acled.py: who gains a
location (Battles' territory sub-event types, or a Non-violent transfer of territory) and the
Strategic developments of armed actors (agreements, bases, changes to groups, handovers).
"""

from __future__ import annotations

import pycountry
from spacy.tokens import Doc, Token

from ...records import Actor, Event
from .acled_cues import Cue
from .acled_syntax import cue_at, land_below, subtree_classes

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
ARMED_SECTORS = STATE_SECTORS | {"REB", "UAF", "INS", "SEP"}
FORCE_SECTORS = frozenset({"MIL", "COP", "SPY", "PRM", "REB", "UAF", "INS", "SEP"})  # who carries arms
NONSTATE_SECTORS = frozenset({"REB", "UAF", "INS", "SEP"})
HANDOVERS = frozenset({"handed over", "hand over", "handover", "hand-over", "cede", "ceded", "transfer"})
RELEASES = frozenset({"release", "free", "exchange", "swap", "hand", "return"})
TERRITORY_HINTS = frozenset({"@territory", "Government regains territory", "Non-state actor overtakes territory"})
BRIEFLY = frozenset({"briefly", "temporarily", "momentarily"})
SPELLS = frozenset({"hour", "minute", "while"})
# Cues that are agreements between armed actors whoever makes them; "agree", "deal" need one.
ARMED_AGREEMENTS = frozenset(
    {
        "ceasefire",
        "cease-fire",
        "truce",
        "armistice",
        "surrender",
        "surrendered",
        "peace deal",
        "peace agreement",
        "peace accord",
        "prisoner exchange",
        "prisoner swap",
        "exchange prisoners",
        "swap prisoners",
        "exchange of prisoners",
    }
)


def territory(
    classes: set[str],
    hint_sub: str | None,
    actor: Actor | None,
    where: str | None = None,
    others: list[Actor] | None = None,
) -> str:
    """Who gains the location decides (codebook: Battles' territory sub-event types). where: the
    ISO alpha-2 country of the location; others: the other parties the sentence names. A state's
    forces taking a location outside their own country are a foreign state actor, which the
    codebook codes as overtaking territory, unless they fight a third state's forces there: then
    they are the host government's affiliates re-establishing its control ("North Korean troops
    fought the Ukrainian military, seizing a village in Kursk")."""
    if classes & {"handover", "unopposed"}:
        return "Non-violent transfer of territory"
    if state_party(actor):
        if (
            actor is not None
            and abroad(actor, where)
            and not any(state_party(o) and o.country != actor.country and abroad(o, where) for o in others or [])
        ):
            return "Non-state actor overtakes territory"  # "Turkish forces took control of Tal Abyad"
        return "Government regains territory"
    # an opposition that takes a location by force is a non-state party ("opposition fighters retook")
    if actor is not None and actor.sector in NONSTATE_SECTORS | {"OPP"}:
        return "Non-state actor overtakes territory"
    # a party of unknown kind: the trigger word's own default ("retake": regains), or a word
    # of taking back ("the town was liberated")
    if hint_sub == "Government regains territory" or (actor is None and "regain" in classes):
        return "Government regains territory"
    return "Non-state actor overtakes territory" if actor is not None and actor.kind != "location" else "Armed clash"


def abroad(actor: Actor, where: str | None) -> bool:
    """The actor's country is known and is not the country of the location (ISO alpha-2)."""
    if not where or not actor.country:
        return False
    code = alpha2(actor.country)
    return code is not None and code != where.upper()


def alpha2(alpha3: str) -> str | None:
    """The ISO alpha-2 code of an alpha-3 country code; None for a code pycountry does not know
    (an IGO code such as NATO)."""
    country = pycountry.countries.get(alpha_3=alpha3)
    return country.alpha_2 if country is not None else None


def state_party(actor: Actor | None) -> bool:
    """A state or its forces (codebook, inter code 1). An armed group that became a government
    (the Taliban) has the sector of the article's date (actors/data/dated_sectors.tsv)."""
    if actor is None:
        return False
    return actor.sector in STATE_SECTORS or actor.kind == "country"


# Verbs whose subject is the location that changes hands ("the town fell to the rebels").
FALLS = frozenset({"fall"})


def taker_phrase(tok: Token) -> Token | None:
    """Who a location falls to: the object of "to", or of "(into the hands) of"."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "into")):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            of = [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
            return of[0] if obj.lemma_.lower() == "hand" and of else obj
    return None


def attempted(tok: Token, attempts: frozenset[str]) -> bool:
    """The taking is only tried ("tried to seize the town", "attempted to retake it", "in an attempt
    to capture it", "failed to take"): no location changed hands, so the fight is an Armed clash
    (codebook, Battles: the territory types record a change of control)."""
    head = tok.head
    if tok.dep_ == "xcomp" and head.lemma_.lower() in attempts:
        return True
    # "an attempt to capture it", "a bid to retake the town"
    return tok.dep_ in ("acl", "relcl") and head.pos_ == "NOUN" and head.lemma_.lower() in attempts


def held_briefly(tok: Token, cues: list[Cue]) -> bool:
    """A location taken and lost in the same fight ("briefly captured the post before troops
    repulsed them", "seized the town for a few hours before government forces drove them out"):
    control did not change hands, so the codebook's territory types do not apply (Armed clash)."""
    for child in tok.children:
        if child.dep_ == "advmod" and child.lower_ in BRIEFLY:
            return True
        if child.dep_ == "prep" and child.lower_ == "for" and any(t.lemma_.lower() in SPELLS for t in child.subtree):
            return True
        if child.dep_ == "advcl" and any(m.lower_ == "before" for m in child.children if m.dep_ == "mark"):
            # the next act of the same fight takes it back or drives the takers out
            below = {t.i for t in child.subtree}
            if any(c.cls in ("expel", "clash", "regain") and c.start in below for c in cues):
                return True
    return False


def takes_land(tok: Token, cues: list[Cue], hint_sub: str | None) -> bool:
    """The trigger takes control of a location: a territory verb whose object is a place word."""
    if seizes_goods(tok, cues):
        return False  # what is seized is goods, not a place ("seized trucks carrying food aid": looting)
    if hint_sub in TERRITORY_HINTS:
        return True
    if cue_at(cues, tok, "expel"):
        # who is driven out of where: the location named anywhere below ("pushed the militants out
        # of the district"), or an armed party driven out of where the event is ("drove out the rebels")
        below = {t.i for t in tok.subtree} - {t.i for c in tok.children if c.dep_ == "nsubj" for t in c.subtree}
        return any(c.cls in ("land", "armed") and c.start in below for c in cues)
    if not cue_at(cues, tok, "territory_take"):
        return False
    if tok.lemma_.lower() in FALLS:
        # "the town fell to the Taliban": the location is what falls
        subjects = [t.i for c in tok.children if c.dep_ == "nsubj" for t in c.subtree]
        return any(c.cls == "land" and c.start in subjects for c in cues) or any(
            tok.doc[i].ent_type_ in ("GPE", "LOC", "FAC") for i in subjects
        )
    # what is taken: the object when there is one ("seized a priest from his parish" takes no land)
    # ("restored control over the town": "control" belongs to the cue; what it is over is taken)
    span = next(c for c in cues if c.cls == "territory_take" and c.start <= tok.i < c.end)
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr") and not span.start <= c.i < span.end]
    slots = ("dobj", "nsubjpass", "attr") if objects else ("prt", "prep")
    below = {t.i for c in tok.children if c.dep_ in slots for t in c.subtree}
    return any(c.cls == "land" and c.start in below for c in cues) or any(
        tok.doc[i].ent_type_ in ("GPE", "LOC", "FAC") for i in below
    )


# moving troops to a place: the place is a base set up when it is a new one
NEW_BASE_MOVES = frozenset({"deploy", "station", "position", "move", "send", "dispatch", "redeploy"})


def strategic(
    event: Event, tok: Token, classes: set[str], cues: list[Cue], actor: Actor | None, recipient: Actor | None = None
) -> str | None:
    armed = any(a is not None and a.sector in ARMED_SECTORS for a in (actor, recipient)) or "armed" in classes
    if (
        event.type in ("RETREAT", "CONCEDE")
        and armed
        and (event.place or land_below(tok, cues))
        and tok.lemma_.lower() not in ("surrender", "ceasefire", "truce")
    ):
        # a location handed over or taken without a fight changes hands; a withdrawal alone is
        # a change to the group's activity
        if (
            classes & {"territory_take", "unopposed"}
            or any(c.text in HANDOVERS for c in cues)
            or _phrasal(tok) in HANDOVERS
        ):
            return "Non-violent transfer of territory"
        return "Change to group/activity"
    if (
        "agreement" in classes
        and (_armed_party(actor, recipient, classes) or any(c.text in ARMED_AGREEMENTS for c in cues))
        and event.type in ("AGREE", "CONCEDE", "RETREAT", "SUPPORT")
    ):  # agreeing, yielding, signing
        return "Agreement"
    if (
        event.type in ("RETREAT", "CONCEDE", "AGREE")
        and tok.lemma_.lower() in RELEASES
        and _frees_captives(tok, cues, armed)
    ):
        return "Agreement"  # "militants released 12 hostages", "freed 20 soldiers": a prisoner release
    if not armed:
        return None
    if ({"base_action", "base"} <= classes and _sets_up_base(tok.doc, cues)) or _new_base(tok, cues):
        return "Headquarters or base established"
    if "territory_take" in classes and "handover" in classes:
        return "Non-violent transfer of territory"
    forces = (actor is not None and actor.sector in FORCE_SECTORS) or "armed" in subtree_classes(tok, cues)
    if (event.type == "MOBILIZE" and forces) or (
        "group_change" in classes and event.type not in ("CONSULT", "REQUEST")
    ):
        return "Change to group/activity"
    return None


def _phrasal(tok: Token) -> str:
    """The verb with its particle ("handed the city over": "hand over")."""
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
    return f"{tok.lemma_.lower()} {prt}".strip()


def _sets_up_base(doc: Doc, cues: list[Cue]) -> bool:
    """A base is what is set up ("set up a new observation post", "a base was established"), not
    a base troops are sent to or stationed at (a change to the group's activity)."""
    actions = [doc[c.start] for c in cues if c.cls == "base_action"]
    bases = [doc[c.end - 1] for c in cues if c.cls == "base"]
    return any(b in a.subtree or a in b.subtree for a in actions for b in bases)


def _new_base(tok: Token, cues: list[Cue]) -> bool:
    """Forces deployed or stationed at a base the report calls new ("deployed at a new observation
    post"): the base is established (codebook, Headquarters or base established)."""
    if tok.lemma_.lower() not in NEW_BASE_MOVES:
        return False
    below = {t.i for t in tok.subtree}
    bases = [tok.doc[c.end - 1] for c in cues if c.cls == "base" and c.start in below]
    return any(c.dep_ == "amod" and c.lower_ in ("new", "newly") for b in bases for c in b.children) or any(
        c.lower_ == "newly" for b in bases for c in b.subtree
    )


def _frees_captives(tok: Token, cues: list[Cue], armed: bool) -> bool:
    """What is released is captives (hostages, prisoners, detainees), or people an armed party
    held ("the rebels freed 20 soldiers"): a prisoner release, one of the codebook's examples of
    an Agreement."""
    below = {t.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree}
    wanted = ("captive", "armed", "civilian") if armed else ("captive",)
    return any(c.cls in wanted and c.start in below for c in cues)


def seizes_goods(tok: Token, cues: list[Cue]) -> bool:
    """The trigger's direct object is goods ("seized trucks", "captured 200 cattle"): looting
    (codebook, Looting/property destruction: seizing goods or property other than territory)."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(c.cls == "goods" and o.i == c.end - 1 for o in objs for c in cues)


def _armed_party(actor: Actor | None, recipient: Actor | None, classes: set[str]) -> bool:
    """An agreement involves an armed actor beyond a government alone (codebook, Agreement: between
    armed actors, such as governments and rebels; a government granting protesters' demands is none)."""
    sectors = {a.sector for a in (actor, recipient) if a is not None}
    return "armed" in classes or bool(sectors & (FORCE_SECTORS | NONSTATE_SECTORS))
