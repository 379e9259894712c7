"""ACLED coding of events, by the ACLED Codebook ("Event Types and Sub-Event Types").

Each event that happened (mode actual or past, or possible and told in the past: ACLED records
reported and alleged events, not plans, threats or denials) gets one of ACLED's 25 sub-event
types, with its event type and disorder type (data/acled_types.tsv), or none when it is outside
ACLED's scope. The decision reads the event's PLOVER type, the ACLED default of its trigger word (the trigger
lexicon's acled columns: the `hint`), its actor and recipient, and the cue words of its sentence
(data/acled_cues.tsv), in the codebook's order of precedence:

1. out of scope: a claim of responsibility, a natural or man-made disaster, ordinary crime;
2. Disrupted weapons use: a weapon seized, found, defused or intercepted (before the weapon
   itself decides: a seized grenade is no grenade attack);
3. demonstrations: who is violent decides (protesters: Violent demonstration, a mob: Mob
   violence; forces using lethal force or causing injury: Excessive force against protesters;
   dispersal, arrests, tear gas: Protest with intervention; else Peaceful protest);
4. violence: the means decide Explosions/Remote violence (chemical weapon, suicide bomb,
   air/drone strike, grenade, remote explosive, shelling); then sexual violence, abduction,
   arrests; territory by who gains it (a state actor: Government regains territory, a non-state
   actor: Non-state actor overtakes territory, no fighting: Non-violent transfer of territory);
   looting and destruction; then who is attacked: armed, organised parties on both sides make an
   Armed clash, unarmed civilians an Attack;
5. strategic developments: agreements between armed actors, bases set up, changes to armed
   groups (formed, merged, withdrawn, reinforced), mass graves (Other).

Which event a report records: the coded events of sentences after the first one holding a coded
event lose some confidence (lead_first): a news report leads with its event, and what it tells
later is background or follow-up (the attacker's arrest, the weapons shown after a clash).

The further ACLED fields (actors, inter codes, fatalities, precision ...) are acled_fields.py's;
where a cue word sits in the parse relative to the trigger is acled_syntax.py's; who is violent at
a demonstration acled_demonstration.py's; a state's bombing and a blast with no device
acled_means.py's; territory and strategic developments acled_strategic.py's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ...records import Actor, Event
from ...tables import read_rows
from .acled_cues import DATA, Cue, CueTable, DocWords
from .acled_demonstration import (
    CROWD_COUNTS,
    arrests_at_demonstration,
    at_demonstration,
    besieges,
    demonstrating,
    demonstration,
    destruction_at_demonstration,
    force_at_demonstration,
    is_crowd,
    one_demonstration,
    reason,
    stoning,
    throws,
    told,
)
from .acled_fallback import TAKEOVER, fallback_event
from .acled_fields import acled_fields, doer_word, load_inter, side_word
from .acled_means import blast_only, named_doer, names_device, state_bombs
from .acled_report import (
    WINDOW,
    armed_in_doer,
    crowd_doer,
    denied,
    doer_phrase,
    one_act,
    one_sided,
    people_doer,
    recalled_events,
    report_view,
    told_again,
    topic_tokens,
    used_means,
)
from .acled_strategic import (
    ARMED_SECTORS,
    FALLS,
    FORCE_SECTORS,
    NONSTATE_SECTORS,
    TERRITORY_HINTS,
    alpha2,
    attempted,
    held_briefly,
    seizes_goods,
    strategic,
    taker_phrase,
    takes_land,
    territory,
)
from .acled_syntax import (
    armed_captive,
    cue_at,
    describes,
    disrupts,
    head_classes,
    interrupted,
    object_classes,
    subtree_classes,
    trigger_token,
    victim_classes,
    victim_person,
    victims_protest,
)

CODED_MODES = frozenset({"actual", "past"})
BACKED = frozenset({"backed", "supported", "sponsored", "allied", "aligned", "affiliated"})
MEANS = (
    ("chemical", "Chemical weapon"),
    ("suicide", "Suicide bomb"),
    ("air", "Air/drone strike"),
    ("grenade", "Grenade"),
    ("explosive", "Remote explosive/landmine/IED"),
    ("shelling", "Shelling/artillery/missile attack"),
)
MEANS_CLASSES = frozenset(cls for cls, _ in MEANS)
CIVILIAN_SECTORS = frozenset({"CVL", "JRN", "MED", "EDU", "LAB", "AGR", "BUS", "REF", "NGO", "REL", "HRI"})
# Words for a death or injury that need no one to do it ("killed in a crash"); the others are done
# by someone ("was shot dead", "hacked to death": an attacker the report leaves unnamed).
AGENTLESS = frozenset(
    {"kill", "killing", "injure", "wound", "hurt", "hit", "strike", "die", "death", "damage", "destroy"}
    | {"explosion", "blast", "explode", "detonation"}
)
# how much less certain a coded event told after the report's lead is (lead_first)
LATER_SENTENCE = 0.2
FIGHT_CLASSES = frozenset({"clash", "lethal", "exchange"})
YIELD_TO_TAKEOVER = frozenset({"Armed clash", "Change to group/activity"})
# Killing words: with no armed party named as the victim, the violence is one-sided (an Attack)
KILLINGS = frozenset({"kill", "shoot", "murder", "execute", "behead", "stab", "hack", "slaughter", "massacre", "gun"})


@dataclass(frozen=True)
class AcledType:
    sub_event_type: str
    event_type: str
    disorder_type: str


def load_types(table: str = "acled_types.tsv") -> dict[str, AcledType]:
    """ACLED's sub-event types with their event and disorder types (data/acled_types.tsv)."""
    return {row[0]: AcledType(*row) for row in read_rows(DATA, table, 3)}


class AcledCoder:
    def __init__(
        self,
        cues: CueTable | None = None,
        types: dict[str, AcledType] | None = None,
        inter: dict[str, int] | None = None,
    ):
        self.cues = cues or CueTable.load()
        self.types = types or load_types()
        self.inter = inter or load_inter()

    def code(
        self,
        doc: Doc,
        events: list[Event],
        hints: dict[int, tuple[str, str] | None],
        mode_of: Callable[[Token], str] | None = None,
        known: Callable[[Token], bool] = lambda tok: False,
    ) -> None:
        """Set each event's `acled` to its ACLED coding (or None). hints: id(event) -> the
        trigger row's (event_type, sub_event_type) default. mode_of: a word's mode, for the event
        a text with no coded event gets from its cue words (acled_fallback.py; added to `events`).
        known: the trigger lexicon has rows for the word (it declined it: "Stocks rallied")."""
        actors = {a.id: a for a in doc._.actors or []}
        sentence_cues: dict[int, list[Cue]] = {}
        tokens = {id(e): trigger_token(doc, e) for e in events}
        # the events the report recalls (acled_report.py): their words tell nothing of the others
        back = recalled_events(events, tokens, self.cues.words("earlier"))
        skip = {t.i for e in events if id(e) in back and (tok := tokens[id(e)]) is not None for t in tok.subtree}
        skip |= topic_tokens(events, tokens)  # "an emergency meeting on the missile attack"

        words: list[DocWords] = []  # the Doc's words, read once when a sentence is first searched

        def cues_of(sent) -> list[Cue]:
            if sent.start not in sentence_cues:
                if not words:
                    words.append(DocWords(doc))
                found = used_means(doc, self.cues.find(sent, words[0]), self.cues.words("means_head"))
                sentence_cues[sent.start] = [c for c in found if c.start not in skip]
            return sentence_cues[sent.start]

        # demonstrations that happen, by sentence: the violence told with them is theirs
        gatherings: dict[int, list[Token]] = {}
        for e in events:
            if e.type == "PROTEST" and e.mode in CODED_MODES and (t := tokens[id(e)]) is not None:
                gatherings.setdefault(t.sent.start, []).append(t)
        for event in events:
            tok = tokens[id(event)]
            if (
                tok is None
                or not (event.mode in CODED_MODES or (event.mode == "possible" and _happened(tok)))
                or (event.type == "ASSAULT" and denied(tok))  # "without any armed clashes"
            ):
                event.acled = None
                continue
            sent = tok.sent
            after = doc[sent.end].sent if sent.end < len(doc) else None
            before = doc[sent.start - 1].sent if sent.start > 0 else None
            context = Context(
                cues_of(sent),
                any(not describes(p, tok) and p.i not in reason(tok) for p in gatherings.get(sent.start, [])),
                # what the next sentence tells of people it describes is not this event's
                {c.cls for c in cues_of(after) if not describes(doc[c.start], tok)} if after is not None else set(),
                {c.cls for c in cues_of(before)} if before is not None else set(),
                self.cues.lists,
            )
            sub = sub_event_type(event, tok, context, hints.get(id(event)), actors)
            event.acled = self.describe(sub) if sub else None
        told_again(events, tokens)
        report_view(events, tokens, back, cues_of, self.describe)
        one_act(events, tokens)
        destruction_at_demonstration(events, tokens, actors, cues_of, self.describe)
        force_at_demonstration(events, tokens, actors, cues_of, self.describe)
        one_demonstration(events, tokens)
        arrests_at_demonstration(events, tokens, self.describe)
        coded = [e for e in events if e.acled]
        # fighting or troop movements told with a location taken: the takeover decides (codebook:
        # territory changes take precedence over the clashes and the moves that make them)
        clashes = bool(coded) and all(e.acled and e.acled["sub_event_type"] in YIELD_TO_TAKEOVER for e in coded)
        if mode_of is not None and (not coded or clashes):
            # the party that fought or moved takes the location when its taker goes unnamed
            mover = next((e.actor for e in coded if e.actor and actors[e.actor].kind != "location"), None)

            def code_one(event: Event, tok: Token, cues: list[Cue]) -> dict | None:
                if clashes and event.actor is None and doer_word(tok) is None:
                    event.actor = mover
                if event.actor is None:
                    event.actor = named_doer(tok, actors)  # "Al-Shabaab has opened a new office"
                sub = sub_event_type(event, tok, Context(cues, lists=self.cues.lists), None, actors)
                return self.describe(sub) if sub else None

            extra = fallback_event(
                doc,
                cues_of,
                mode_of,
                code_one,
                self.cues.words("means_head"),
                self.cues.words("earlier"),
                known,
                only=TAKEOVER if clashes else None,
                crowd_words=self.cues.words("crowd_word") | CROWD_COUNTS,
            )
            if extra is not None and clashes:
                # the clashes told with a takeover are that takeover (codebook, Battles)
                at = trigger_token(doc, extra)
                sents = [s.start for s in doc.sents]
                n = sents.index(at.sent.start) if at is not None else -99
                for e in coded:
                    t = tokens[id(e)]
                    if t is not None and abs(sents.index(t.sent.start) - n) <= WINDOW:
                        e.acled = dict(extra.acled or {})
            if extra is not None:
                events.append(extra)
                events.sort(key=lambda e: e.trigger.start)
                for n, ev in enumerate(events, 1):
                    ev.id = f"e{n}"
        lead_first(events, tokens)
        for event in events:
            if event.acled is not None:
                event.acled.update(acled_fields(event, doc, self.inter))

    def describe(self, sub: str) -> dict:
        t = self.types[sub]
        return {"event_type": t.event_type, "sub_event_type": t.sub_event_type, "disorder_type": t.disorder_type}


@dataclass(frozen=True)
class Context:
    cues: list[Cue]  # the cues of the event's sentence
    demonstration: bool = False  # a demonstration happens in the sentence
    after: frozenset | set = frozenset()  # the cue classes of the next sentence
    before: frozenset | set = frozenset()  # and of the previous one
    lists: dict = field(default_factory=dict)  # the cue table's word lists (acled_cues.WORD_LISTS)


def sub_event_type(
    event: Event, tok: Token, context: Context, hint: tuple[str, str] | None, actors: dict[str, Actor]
) -> str | None:
    """The codebook's decision for one event (the steps of the module docstring)."""
    cues = context.cues
    classes = {c.cls for c in cues}
    hint_type, hint_sub = hint or (None, None)
    actor, recipient = actors.get(event.actor or ""), actors.get(event.recipient or "")
    crowd = is_crowd(actor)
    crowd_words = context.lists.get("crowd_word", frozenset())
    if (
        event.type == "PROTEST"
        or hint_type in ("Protests", "Riots")
        or (event.type == "ACCUSE" and demonstrating(tok, crowd, crowd_words))
    ):
        # a protest about a disaster or a crime is still a protest
        return None if "claim" in classes else demonstration(told(tok, cues, context.after, context.lists), tok, True)
    if classes & {"claim", "disaster"}:
        return None
    if "disaster_site" in classes and not (
        armed_in_doer(tok, cues)  # not the police who report it ("..., said police")
        or classes & ({"clash"} | MEANS_CLASSES - {"explosive"})
        or names_device(cues)  # a bomb, an IED
        or people_doer(tok)
    ):
        return None  # "a chemical plant exploded": an accident; "militants attacked a refinery": violence
    if context.before & {"disaster", "disaster_site"} and not classes & (
        {"armed", "clash"} | {c for c, _ in MEANS} - {"explosive"}
    ):
        return None  # "explosions tore through an industrial area ... The blasts killed 50"
    # weapons seized with the people holding them: the seizure is the development ACLED records
    # (Arrests are for politically significant detentions)
    if (
        ("disrupt_action" in classes and disrupts(tok.doc, cues)) or interrupted(tok.doc, cues)
    ) and not fights_before_seizing(event, tok, cues):
        return "Disrupted weapons use"
    # a lynched thief is mob violence; people abducted or sexually assaulted are its victims
    # whatever the motive (codebook, Violence against civilians: "pirates abducted the crew")
    if (
        "crime" in classes
        and not classes & {"mob", "abduction", "sexual"}
        and not ("property" in classes and classes & {"armed", "riot", "mob", "protest"})
    ):
        return None  # (militants or rioters looting and stealing: looting, not ordinary crime)
    if "other" in classes and event.type in ("ASSAULT", "COERCE"):
        return "Other"
    # a demonstration the sentence tells of, not one in a clause describing someone ("journalists
    # covering the protest"); a weapon of remote violence decides before it ("a grenade thrown
    # into a crowd at a rally": Grenade)
    # ("students protesting the fee hike damaged ...": the doer protests)
    subject = doer_phrase(tok)
    doer = {t.i for t in subject.subtree} if subject is not None else set()
    # a demonstration given as the reason ("arrested for taking part in protests", "detained after
    # the rally") is not where the event happens (then: Protest with intervention)
    reasons = reason(tok)
    rally = any(
        c.cls == "protest" and c.start not in reasons and (c.start in doer or not describes(tok.doc[c.start], tok))
        for c in cues
    ) or (event.type == "ASSAULT" and victims_protest(tok, cues))
    weapon = event.type == "ASSAULT" and bool(subtree_classes(tok, cues) & MEANS_CLASSES)
    armed_doer = (actor is not None and actor.sector in FORCE_SECTORS) or armed_in_doer(tok, cues)
    if (
        event.type == "ASSAULT"
        and throws(tok, cues, armed_doer)
        and (rally or context.demonstration or "armed" in object_classes(tok, cues))
    ):
        return "Violent demonstration"  # stones thrown at the police or at a demonstration
    if (
        event.type in ("ASSAULT", "COERCE")
        and not weapon
        and (rally or context.demonstration or crowd or is_crowd(recipient) or (armed_doer and stoning(cues)))
    ):
        return at_demonstration(
            event.type == "ASSAULT", tok, cues, classes, crowd, hint_sub == "Arrests", context.lists
        )
    if (
        event.type in ("ASSAULT", "COERCE")
        and (actor is None or actor.sector in CIVILIAN_SECTORS)
        and crowd_doer(tok, crowd_words)
        and besieges(tok, classes)
    ):
        return demonstration(classes, tok, crowd=True)  # "residents besieged the office to demand ..."
    if (
        event.type in ("ASSAULT", "COERCE")
        and (hint_sub in TERRITORY_HINTS or cue_at(cues, tok, "territory_take"))
        and seizes_people(tok, cues)
    ):
        return "Abduction/forced disappearance"  # "fighters seized 12 women from a village"
    if event.type in ("ASSAULT", "COERCE") and takes_land(tok, cues, hint_sub):
        if held_briefly(tok, cues) or attempted(tok, context.lists.get("attempt", frozenset())):
            return "Armed clash"  # taken and lost in the same fight, or only tried: no change of control
        gainer = doer_word(tok) if backer(tok, actor) else actor or doer_word(tok)
        if tok.lemma_.lower() in FALLS:
            gainer = fallen_to(tok, actors)  # "the town fell to the Taliban": who it falls to gains it
        return territory(classes, hint_sub, gainer, place_country(event, tok.doc, actors), named_in(tok.sent, actors))
    if (
        event.type in ("ASSAULT", "COERCE")
        and (hint_sub in TERRITORY_HINTS or cue_at(cues, tok, "territory_take"))
        and seizes_goods(tok, cues)
        and (actor is None or actor.sector in FORCE_SECTORS or "armed" in classes)
    ):
        return "Looting/property destruction"
    if hint_sub == "Arrests" and armed_captive(tok, cues):
        return "Disrupted weapons use"  # "arrested a man carrying a suicide vest": an attack prevented
    if event.type == "ASSAULT" or (event.type == "COERCE" and hint_sub):
        if blast_only(cues, set(context.before) | set(context.after), actor, tok):
            return None
        return _violence(
            event, tok, cues, classes, hint_sub, actor, recipient, context.lists.get("crowd_word", frozenset())
        )
    return strategic(event, tok, classes, cues, actor, recipient)


def _violence(
    event: Event,
    tok: Token,
    cues: list[Cue],
    classes: set[str],
    hint_sub: str | None,
    actor: Actor | None,
    recipient: Actor | None,
    crowd_words: frozenset[str] = frozenset(),
) -> str | None:
    if "mob" in classes:
        return "Mob violence"
    own = subtree_classes(tok, cues)
    if "exchange" in classes:
        # codebook, Shelling/artillery/missile attack: two armed groups exchanging long-range fire
        # are an Armed clash
        return "Armed clash"
    # an arrest uses no weapon: the bombing it is for is its reason (codebook, Arrests)
    arrest = event.type == "COERCE" and hint_sub == "Arrests"
    for scope in () if arrest else (own, classes):  # the event's own weapon first, then the sentence's
        for cls, sub in MEANS:
            if cls in scope:
                # a suicide bomber's bomb is told with explosive words: the suicide bomb decides
                if cls == "explosive" and "suicide" in classes:
                    return "Suicide bomb"
                if cls == "explosive" and state_bombs(tok, cues, actor):
                    return "Air/drone strike"
                return sub
    if "sexual" in classes or hint_sub == "Sexual violence":
        return "Sexual violence"
    # the event's own abduction, not one the sentence tells beside it ("killed two soldiers; a third is missing")
    if hint_sub == "Abduction/forced disappearance" or ("abduction" in own and hint_sub != "Arrests"):
        return "Abduction/forced disappearance"
    if hint_sub == "Arrests":
        # codebook: arrests by non-state groups are abductions ("the Houthis detained a journalist")
        taker = actor or doer_word(tok)
        return "Abduction/forced disappearance" if taker is not None and taker.sector in NONSTATE_SECTORS else "Arrests"
    if event.type == "COERCE":
        return None
    if hint_sub in TERRITORY_HINTS:
        return territory(classes, hint_sub, actor or doer_word(tok), place_country(event, tok.doc, {}))
    if cue_at(cues, tok, "needs_means") and not (
        own & ({"armed", "clash"} | {c for c, _ in MEANS}) or (actor is not None and actor.sector in FORCE_SECTORS)
    ):
        return None  # "sanctions target officials": no weapon, no armed party
    # an attack that only loots or destroys property, no one killed or hurt (codebook, Looting/property
    # destruction: destruction of property without physical violence to people)
    harmless = "property" in classes and not classes & {"lethal", "clash", "abduction", "sexual"}
    if hint_sub == "Looting/property destruction" or cue_at(cues, tok, "property") or harmless:
        if crowd_acts(actor, tok, crowd_words):
            return "Mob violence"  # rioters burning a police station: Riots, not a strategic development
        return "Looting/property destruction"
    if actor is None and not classes & {"armed", "clash"} and not people_doer(tok) and tok.lemma_.lower() in AGENTLESS:
        return None  # a death or injury with no one doing it: an accident, not an attack
    victim = victim_classes(tok, cues)
    target = _side(recipient)
    fight = "clash" in own or "clash" in head_classes(tok, cues)
    if fight and crowd_acts(actor, tok, crowd_words):
        # "youths clashed with police": rioters; "fans clashed with each other": a mob
        return "Violent demonstration" if target == "armed" or "armed" in object_classes(tok, cues) else "Mob violence"
    words = object_classes(tok, cues)
    if not fight and crowd_acts(actor, tok, crowd_words):
        # "villagers beat two suspected kidnappers to death": unorganised people, violent, outside a
        # demonstration, whoever their victims (codebook, Mob violence: civilians or armed groups)
        return "Mob violence"
    if fight or victim == {"armed"}:
        return "Armed clash"
    if victim == {"civilian"}:
        if resisted(tok, cues):
            return "Armed clash"  # "attacked the town, but the army pushed them back": two armed sides
        return (
            "Attack"  # its own victim decides before a party named elsewhere ("accused of spying for the government")
        )
    if target == "armed":
        return "Armed clash"
    if target == "civilian":
        return "Attack"
    if "armed" in words:
        return "Armed clash"
    if "civilian" in words or victim_person(tok):
        return "Attack"
    if tok.lemma_.lower() in KILLINGS and victim != {"armed"}:
        return "Attack"  # people killed or shot, no armed party named among them: one-sided violence
    if one_sided(tok, cues, actor):
        return "Attack"
    if hint_sub in ("Attack", "Armed clash"):
        return hint_sub
    return "Armed clash"


def resisted(tok: Token, cues: list[Cue]) -> bool:
    """The attacked place is defended: a second armed party, outside the attack's doer and its
    object, fights the attackers off in the sentence ("attacked the village, but soldiers repelled
    them"): armed, organised groups on both sides (codebook, Armed clash), not a one-sided attack."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects or not all(cue_at(cues, o, "land") for o in objects):
        return False  # people attacked are its victims, whoever defends them
    subject = doer_phrase(tok)
    own = {t.i for t in subject.subtree} if subject is not None else set()
    own |= {t.i for o in objects for t in o.subtree}
    outside = [c for c in cues if c.start not in own and c.start != tok.i]
    return any(c.cls == "armed" for c in outside) and any(c.cls in ("expel", "clash") for c in outside)


def crowd_acts(actor: Actor | None, tok: Token, crowd_words: frozenset[str]) -> bool:
    """The doer is a crowd ("youths", "supporters of the party"), no armed party: the party or
    community it belongs to is only its associated actor (codebook, Rioters: the supporters of a
    party who riot are rioters, the party their associated actor)."""
    return (actor is None or actor.sector not in FORCE_SECTORS) and crowd_doer(tok, crowd_words)


def fights_before_seizing(event: Event, tok: Token, cues: list[Cue]) -> bool:
    """The violence is the clause that governs the seizure ("engaged the gunmen in a gun battle,
    killing three and recovering rifles"): the weapons taken in a fight are part of it, and the
    fight is the event ACLED records (codebook: political violence before strategic developments).
    A seizure that governs the fight ("weapons seized following a clash") stays the development."""
    if event.type != "ASSAULT":
        return False
    actions = [tok.doc[c.start] for c in cues if c.cls == "disrupt_action"]
    below = {t.i for t in tok.subtree}
    seizing = {t.i for a in actions for t in a.subtree}
    if not actions or tok.i in seizing or not all(a.i in below and a.i != tok.i for a in actions):
        return False
    # a fight or a killing told in the event's own clause, not an "operation" that found weapons
    return any(c.cls in FIGHT_CLASSES and c.start in below and c.start not in seizing for c in cues)


def fallen_to(tok: Token, actors: dict[str, Actor]) -> Actor | None:
    """The party a location falls to: a named actor in the taker phrase, else its common noun."""
    taker = taker_phrase(tok)
    if taker is None:
        return None
    start, end = tok.doc[taker.left_edge.i].idx, tok.doc[taker.right_edge.i].idx + len(taker.right_edge.text)
    named = [a for a in actors.values() if a.kind != "location" and any(start <= m.start < end for m in a.mentions)]
    return named[0] if named else side_word(taker)


def lead_first(events: list[Event], tokens: dict[int, Token | None]) -> None:
    """A news report tells its event in the lead: the coded events of later sentences are its
    background or follow-ups (the attacker's arrest, the weapons shown after a clash), so they are
    less certain to be the event the report records than those of the first sentence that has one."""
    sents = {id(e): t.sent.start for e in events if e.acled and (t := tokens.get(id(e))) is not None}
    if not sents:
        return
    lead = min(sents.values())
    for event in events:
        if id(event) in sents and sents[id(event)] > lead:
            event.confidence = round(max(0.05, event.confidence - LATER_SENTENCE), 2)


def seizes_people(tok: Token, cues: list[Cue]) -> bool:
    """What the seizing verb takes is civilians ("seized 12 women", "captured two aid workers"): an
    abduction (codebook, Abduction/forced disappearance), not a location taken."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(c.cls == "people_taken" and c.start <= o.i < c.end for o in objects for c in cues)


def backer(tok: Token, actor: Actor | None) -> bool:
    """The actor is named only as the backer of the doer ("Turkey-backed opposition fighters
    retook the town"): the doer is the group it backs, an associated actor in ACLED's terms."""
    subject = doer_phrase(tok)
    if actor is None or subject is None:
        return False
    spans = [(m.start, m.end) for m in actor.mentions]
    for mod in subject.children:
        if mod.dep_ in ("amod", "compound") and mod.lower_ in BACKED:
            inside = {(t.idx, t.idx + len(t.text)) for t in mod.subtree}
            if any(start <= a and b <= end for start, end in spans for a, b in inside):
                return True
    return False


def named_in(sent, actors: dict[str, Actor]) -> list[Actor]:
    """The actors with a mention in the sentence."""
    start, end = sent.start_char, sent.end_char
    return [a for a in actors.values() if any(start <= m.start < end for m in a.mentions)]


def place_country(event: Event, doc: Doc, actors: dict[str, Actor]) -> str | None:
    """The ISO alpha-2 country of where the event happens: its place, else the location it targets."""
    places = {p.id: p for p in doc._.places or []}
    place = places.get(event.place or "")
    if place is not None and place.country:
        return place.country
    target = actors.get(event.recipient or "")
    if target is not None and target.kind == "location" and target.country:
        return alpha2(target.country)
    return None


def _happened(tok: Token) -> bool:
    """A possible event told in the past ("chlorine was likely used", "may have killed"): ACLED
    codes events reported as probable; a possible future ("could attack") is no event."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if verb.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and (c.lemma_ == "have" or c.tag_ == "VBD") for c in verb.children)


def _side(actor: Actor | None) -> str | None:
    """ "armed" for state forces and armed groups, "civilian" for civilians, None when unknown
    (a country or a location names no side)."""
    if actor is None or actor.kind == "location":
        return None
    if actor.kind == "person" and actor.sector not in FORCE_SECTORS:
        return "civilian"  # a lawmaker, judge or official shot is an unarmed civilian to ACLED
    if actor.sector in ARMED_SECTORS:
        return "armed"
    if actor.sector in CIVILIAN_SECTORS or actor.kind == "person":
        return "civilian"
    return None
