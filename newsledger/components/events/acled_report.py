"""What the whole report tells ACLED about its events (ACLED Codebook: one record per event,
coded from the report of it; the means decide Explosions/Remote violence).

- Recalled events: an event the report recalls rather than reports — an event word that only
  classifies a thing ("a rocket-launching site"), a clause describing a participant ("mourn
  demonstrators killed last month", "the day when forces opened fire"), an event the report dates
  or explains itself by ("since the 2019 clashes", "in retaliation for a gas attack") — was
  coded from its own report; it gets no ACLED coding from this one, nor do the events told inside
  it ("the day when forces opened fire, killing two"). Its PLOVER event stays.
- Means named elsewhere: one attack is often told over a few sentences (WINDOW), the weapon in
  another one ("Militants attacked the police headquarters. ... detonated car bombs close to the station").
  An event coded a clash or an attack only for want of a weapon takes the means the rest of the
  report names when it names one kind; a chemical agent named anywhere makes the text's shelling,
  air strike or attack a Chemical weapon event (the codebook's precedence of chemical weapons).
- A weapon word that modifies a noun other than an attack word names a thing, not a means used
  ("chemical weapons facilities", "mine workers", "drone footage").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ...records import Actor, Event
from .acled_cues import Cue
from .acled_strategic import FORCE_SECTORS
from .acled_syntax import disrupts, interrupted
from .role_words import people_nouns

MEANS_CLASSES = {
    "chemical": "Chemical weapon",
    "suicide": "Suicide bomb",
    "air": "Air/drone strike",
    "grenade": "Grenade",
    "explosive": "Remote explosive/landmine/IED",
    "shelling": "Shelling/artillery/missile attack",
}
GENERIC = frozenset({"Armed clash", "Attack"})
CLASH = "Armed clash"
LOOTING = "Looting/property destruction"
ANAPHORA = frozenset({"the", "this", "these", "those", "that"})
TAKEOVERS = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
HANDOVER = "Non-violent transfer of territory"
MOVED = "Change to group/activity"
REMOTE = "Explosions/Remote violence"
NOUNS = ("NOUN", "PROPN")
# One incident is told within a few sentences (a news snippet, a paragraph of a long article):
# the sentences on either side of an event's that its means and its fight are read from.
WINDOW = 2


def names_a_thing(doc: Doc, cue: Cue, cues: list[Cue], heads: frozenset[str]) -> bool:
    """A weapon cue modifying a noun that is neither an attack word nor a weapon itself."""
    last = doc[cue.end - 1]
    head = last.head
    if last.dep_ not in ("compound", "amod") or head.pos_ not in NOUNS or head.i < cue.end:
        return False
    weapon = any(c.start <= head.i < c.end and (c.cls in MEANS_CLASSES or c.cls == "weapon") for c in cues)
    return not weapon and head.lemma_.lower() not in heads


def carried(tok: Token) -> bool:
    """The weapon is what someone is armed with ("rebels armed with rocket-propelled grenades
    attacked"): it describes the people, it is not the means the event used."""
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return False
        if head.lemma_.lower() == "arm" and head.dep_ in ("acl", "amod", "relcl"):
            return True
        tok = head
    return False


def used_means(doc: Doc, cues: list[Cue], heads: frozenset[str]) -> list[Cue]:
    """The sentence's cues without the weapon words that name things; a fight denied ("without
    any clashes", "no fighting") tells a location changing hands unopposed; a verb that is both a
    disaster and a violent act is the act ("gunmen stormed the village")."""
    acts = {c.start for c in cues if c.cls not in ("disaster", "land", "civilian", "armed")}
    return [
        Cue("unopposed", c.start, c.end, c.text) if c.cls == "clash" and denied(doc[c.start]) else c
        for c in cues
        if (c.cls not in MEANS_CLASSES or not (names_a_thing(doc, c, cues, heads) or carried(doc[c.start])))
        and not (c.cls == "disaster" and c.start in acts and doc[c.start].pos_ == "VERB")
    ]


def people_doer(tok: Token) -> bool:
    """The event has a doer named by a word for people ("Fulani herdsmen attacked"), though the
    actors component named no actor: an attack, not an accident."""
    subj = doer_phrase(tok)
    if subj is None:
        return False
    lemma = subj.lemma_.lower()
    if lemma in people_nouns() or lemma.endswith(("man", "men")):
        return True
    return any(t.ent_type_ in ("NORP", "PERSON", "ORG") for t in subj.subtree)


def crowd_doer(tok: Token, words: frozenset[str]) -> bool:
    """The doer is a crowd word ("a crowd beat two men to death", "youths clashed")."""
    subj = doer_phrase(tok)
    if subj is None:
        return False
    # "hundreds of youths": the people counted
    heads = [subj] + [p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    return any(h.lemma_.lower() in words for h in heads)


def armed_in_doer(tok: Token, cues: list[Cue]) -> bool:
    """An armed word in the doer's phrase ("militants attacked", "soldiers looted")."""
    subject = doer_phrase(tok)
    doer = {t.i for t in subject.subtree} if subject is not None else set()
    return any(c.cls == "armed" and c.start in doer for c in cues)


def doer_phrase(tok: Token) -> Token | None:
    """Who does the event: its subject, or the subject of the clause it elaborates."""
    verb = tok
    while verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i and not _subject(verb):
        verb = verb.head  # "..., killing eight": the subject of the clause it hangs from
    return _subject(verb)


def _subject(verb: Token) -> Token | None:
    """The verb's subject; of two, the nearer one: a dateline parsed as a subject ("NAIROBI -
    Hundreds of people marched") comes first."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    if len(subjects) > 1 and subjects[-1].i < verb.i and _dateline(subjects[0]):
        return subjects[-1]
    return next(iter(subjects), None)


def _dateline(word: Token) -> bool:
    """A place name set off by a spaced dash at the head of a report ("NAIROBI - ", "LAGOS (AFP) -"),
    not a word of a hyphenated compound ("Counter-protesters")."""
    doc = word.doc
    end = word.right_edge.i + 1
    return end < len(doc) and doc[end].is_punct and bool(doc[end - 1].whitespace_)


def denied(tok: Token) -> bool:
    """A fight word the sentence denies ("no fighting", "without any clashes")."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    t = tok
    for _ in range(4):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.lower_ == "without":
            return True
    return False


def recalled(tok: Token, triggers: set[int], earlier: frozenset[str]) -> bool:
    """The event word tells of an earlier event, or only classifies a thing (module docstring)."""
    head = tok.head
    if tok.dep_ in ("compound", "amod") and head.pos_ in NOUNS and head.i not in triggers:
        return True  # "a rocket-launching site"
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    head = t.head
    if t.dep_ in ("acl", "relcl") and head.i not in triggers and head.dep_ != "ROOT" and _dated(t, head):
        return True  # "the day when forces opened fire", "demonstrators killed last month"
    if t.dep_ in ("pobj", "pcomp") and (head.lower_ in earlier or head.head.lemma_.lower() in earlier):
        return True  # "since the 2019 clashes", "in retaliation for", "in response to"
    if _grievance_of(t):
        return True  # "protested against the lynching of a man": what the demonstration is about
    if (
        t.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in ("after", "since") for c in t.children)
        and any(c.dep_ == "npadvmod" and c.lemma_.lower() in SPANS_OF_TIME for c in t.children)
    ):
        return True  # "months after a car bomb killed 20": a time between the two tells another, earlier event
    return t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in earlier for c in t.children)


# Words of a date before the report's own ("last year", "two weeks ago", "the previous day")
PAST_MARKS = frozenset({"last", "ago", "previous", "earlier"})
# Lengths of time ("two days after", "months after"): an event told after them is another one.
SPANS_OF_TIME = frozenset({"hour", "day", "week", "month", "year", "decade", "minute"})
# A demonstration's grievance is told after these prepositions ("a rally against police killings",
# "protests over the arrest of ...", "demonstrated for the release of ...").
GRIEVANCE_PREPS = frozenset({"against", "over", "about", "for"})
CAUSE_MARKS = frozenset({"after", "because"})
DEMONSTRATION_WORDS = frozenset(
    {"protest", "protester", "demonstration", "demonstrate", "demonstrator", "rally", "march", "sit-in", "vigil"}
)


# Diplomatic and verbal events (PLOVER) whose topic is an attack ("summoned the ambassador over the
# bombing", "an emergency meeting on the missile attack"): talk about an event, not the event.
REACTIONS = frozenset({"CONSULT", "ACCUSE", "REQUEST", "SANCTION", "REJECT", "THREATEN"})
TOPIC_PREPS = frozenset({"over", "on", "about", "regarding", "concerning", "into"})


def reacted_to(tok: Token, reactions: set[int]) -> bool:
    """The event is the topic of a diplomatic or verbal event: the object of a topic preposition
    that hangs from it or from its object ("summoned the ambassador over the bombing")."""
    t = tok
    for _ in range(5):
        head = t.head
        if head.i == t.i:
            return False
        if t.dep_ == "pobj" and head.lower_ in TOPIC_PREPS:
            owner = head.head
            # "summoned the ambassador over ...", "called for an investigation into ..."
            return owner.i in reactions or (
                owner.dep_ in ("dobj", "nsubjpass", "pobj")
                and (owner.head.i in reactions or (owner.dep_ == "pobj" and owner.head.head.i in reactions))
            )
        if t.dep_ not in ("compound", "amod", "pobj", "prep"):
            return False
        t = head
    return False


def topic_tokens(events: list[Event], tokens: dict[int, Token | None]) -> set[int]:
    """The tokens of what the diplomatic and verbal events are about ("an emergency meeting on the
    missile attack"): their cue words tell no event of this report."""
    out: set[int] = set()
    for e in events:
        tok = tokens[id(e)]
        if e.type not in REACTIONS or tok is None:
            continue
        owners = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        # "called for an investigation into the attack": the thing asked for carries the topic
        owners += [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        for owner in owners:
            for prep in owner.children:
                if prep.dep_ == "prep" and prep.lower_ in TOPIC_PREPS:
                    out.update(t.i for t in prep.subtree)
    return out


def _grievance_of(t: Token) -> bool:
    """The event is what a demonstration is about: the object of a grievance preposition that
    hangs from a demonstration word, the object of "to protest" ("to protest the killing"), or a
    clause of its cause ("protested after a bus killed two students")."""
    for _ in range(4):  # up through "(the killing) of a man (lynched) by a mob"
        head = t.head
        if t.dep_ == "pobj" and head.lower_ in GRIEVANCE_PREPS and head.head.lemma_.lower() in DEMONSTRATION_WORDS:
            return True
        if t.dep_ == "dobj" and head.lemma_.lower() in ("protest", "denounce", "condemn", "mourn", "demand"):
            return True
        if (
            t.dep_ == "advcl"
            and head.lemma_.lower() in DEMONSTRATION_WORDS
            and any(m.dep_ == "mark" and m.lower_ in CAUSE_MARKS for m in t.children)
        ):
            return True  # "students protested after a bus killed two classmates"
        if t.dep_ not in ("pobj", "prep", "acl", "relcl", "compound", "amod") or head.i == t.i:
            return False
        t = head
    return False


def _dated(clause: Token, head: Token) -> bool:
    """A clause describing a time ("the previous day when ..."), or a participant by a dated event
    ("demonstrators killed last month"); not a place or thing the event happens to
    ("the island bombarded by shelling"); an infinitival clause ("the power to take control") tells
    no happening."""
    if head.ent_type_ in ("DATE", "TIME"):
        return True
    if clause.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return True  # "the power to take control": a capacity or a plan, not a happening
    # "the chemical attack that killed dozens last year": a date the clause sets before the report's
    if any(t.ent_type_ in ("DATE", "TIME") and t.lower_ in PAST_MARKS for t in clause.subtree):
        return True
    # "dozens of demonstrators killed last month": the people counted
    heads = [head] + [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    person = any(h.lemma_.lower() in people_nouns() or h.ent_type_ in ("PERSON", "NORP") for h in heads)
    if not person or not any(t.ent_type_ in ("DATE", "TIME") for t in clause.subtree):
        return False
    # "protesters who hurled stones on Friday": what the people did is dated by the report's own date
    # (the parse hangs it on the nearest verb) unless the main clause has a date of its own
    return clause.dep_ == "acl" or _main_dated(head)


def _main_dated(head: Token) -> bool:
    """The clause the described noun belongs to has a date of its own, outside the description."""
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    described = {t.i for t in head.subtree}
    return any(t.ent_type_ in ("DATE", "TIME") and t.i not in described for t in verb.subtree)


def recalled_events(events: list[Event], tokens: dict[int, Token | None], earlier: frozenset[str]) -> set[int]:
    """The ids of the recalled events (and of the events told inside them)."""
    triggers = {t.i for t in tokens.values() if t is not None}
    reactions = {t.i for e in events if e.type in REACTIONS and (t := tokens[id(e)]) is not None}
    back = {
        id(e)
        for e in events
        if (t := tokens[id(e)]) is not None and (recalled(t, triggers, earlier) or reacted_to(t, reactions))
    }
    inside = {t.i for e in events if id(e) in back and (tok := tokens[id(e)]) is not None for t in tok.subtree}
    back |= {id(e) for e in events if (t := tokens[id(e)]) is not None and t.i in inside}  # "..., killing two"
    return back


def report_view(
    events: list[Event],
    tokens: dict[int, Token | None],
    back: set[int],
    cues_of: Callable[[Span], list[Cue]],
    describe: Callable[[str], dict],
) -> None:
    """Drop the codings of the recalled events (`back`); give clashes and attacks the report's
    means. cues_of: a sentence's cues outside the recalled events."""
    for event in events:
        if id(event) in back:
            event.acled = None
    placed = [(e, t) for e in events if (t := tokens[id(e)]) is not None]
    if not placed:
        return
    doc = placed[0][1].doc
    index = {s.start: n for n, s in enumerate(doc.sents)}
    sent_of = {id(e): index[t.sent.start] for e, t in placed}
    kinds = [_means_of(sent, cues_of) for sent in doc.sents]
    for event, tok in placed:
        if not event.acled or event.type != "ASSAULT":
            continue
        n = sent_of[id(event)]
        means = set().union(*kinds[max(0, n - WINDOW) : n + WINDOW + 1])
        sub, kind = event.acled["sub_event_type"], event.acled["event_type"]
        own = {c.cls for c in cues_of(tok.sent)}
        if "chemical" in means and (kind == REMOTE or sub in GENERIC) and sub != MEANS_CLASSES["chemical"]:
            event.acled = describe(MEANS_CLASSES["chemical"])
        elif sub in GENERIC and len(means) == 1 and not own & {"clash", "riot", "protest"}:
            event.acled = describe(MEANS_CLASSES[next(iter(means))])
    when = {t.id: t.value for t in doc._.times or []}

    def near(a: Event, b: Event) -> bool:  # told together, and not at two different times
        ta, tb = when.get(a.time or ""), when.get(b.time or "")
        close = abs(sent_of.get(id(a), -99) - sent_of.get(id(b), 99)) <= WINDOW
        return close and (ta is None or tb is None or ta == tb)

    one_fight(events, describe, near)


def one_fight(
    events: list[Event], describe: Callable[[str], dict], near: Callable[[Event, Event], bool] = lambda a, b: True
) -> None:
    """The fighting a report tells is one battle (codebook, Battles): an attack on a party that
    fights back in the same report is an armed clash, and the clashes of a report that tells of
    one side taking a location are that takeover (territory changes take precedence over clashes);
    a location the report tells was handed over or left, with no fighting, changed hands without
    one (Non-violent transfer of territory). `near`: two events are told together (a few
    sentences apart, at no two different times), so that separate incidents stay apart ("engaged
    in combat in November, seizing a village this month")."""
    coded = [e for e in events if e.acled and e.type == "ASSAULT"]
    for e in coded:
        others = [o for o in events if o is not e and near(e, o)]
        fighters = {p for o in others if _sub(o) == CLASH for p in (o.actor, o.recipient) if p}
        if _sub(e) == "Attack" and {e.actor, e.recipient} & fighters:
            e.acled = describe(CLASH)
    for e in coded:
        group = [o for o in coded if o is e or near(e, o)]
        taken = {_sub(o) for o in group if _sub(o) in TAKEOVERS}
        quiet = any(_sub(o) == HANDOVER for o in events if o is e or near(e, o))
        fought = any(
            o.acled and o.acled["event_type"] in ("Battles", REMOTE) and _sub(o) not in TAKEOVERS for o in group
        )
        if quiet and not fought and _sub(e) in TAKEOVERS:  # taken without a fight: one handover
            e.acled = describe(HANDOVER)
        elif len(taken) == 1 and _sub(e) == CLASH:
            e.acled = describe(next(iter(taken)))
    for e in events:  # "Rebels withdrew from Goma and handed the city over": one handover
        if e.type == "RETREAT" and _sub(e) == MOVED and any(_sub(o) == HANDOVER and near(e, o) for o in events):
            e.acled = describe(HANDOVER)


def _sub(event: Event) -> str:
    return event.acled["sub_event_type"] if event.acled else ""


def _means_of(sent: Span, cues_of: Callable[[Span], list[Cue]]) -> set[str]:
    """The kinds of means a sentence tells of as used (not seized, found or defused)."""
    cues = cues_of(sent)
    if ("disrupt_action" in {c.cls for c in cues} and disrupts(sent.doc, cues)) or interrupted(sent.doc, cues):
        return set()
    return {c.cls for c in cues if c.cls in MEANS_CLASSES}


def told_again(events: list[Event], tokens: dict[int, Token | None]) -> None:
    """An attack coded only as a clash or an attack takes the weapon the next sentence gives it when
    that sentence refers back to it ("Attacks were launched in 11 locations. The attacks - mostly
    using grenades - ..."): one incident, one coding (ACLED codes the event, not the sentence)."""
    spans = {id(e): (t.sent.start, t.sent.end) for e in events if (t := tokens[id(e)]) is not None}
    for event in events:
        if id(event) not in spans or not event.acled or event.acled["sub_event_type"] not in GENERIC:
            continue
        nxt = spans[id(event)][1]
        for other in events:
            o = tokens[id(other)]
            if o is None or other is event or not other.acled or spans[id(other)][0] != nxt:
                continue
            if (
                other.acled["event_type"] == "Explosions/Remote violence"
                and o.pos_ == "NOUN"
                and any(c.dep_ == "det" and c.lower_ in ANAPHORA for c in o.children)
            ):
                event.acled = dict(other.acled)
                break


def one_act(events: list[Event], tokens: dict[int, Token | None]) -> None:
    """A participle clause tells more of the act it hangs from ("gunmen ambushed a bus, killing
    eight", "invaded the community, killing ten and injuring many"): one event in ACLED's terms, so
    a clause coded only as a clash or an attack takes the coding of the act it elaborates, and a
    clash or attack takes the location its next clause tells it took."""
    by_token = {t.i: e for e in events if (t := tokens[id(e)]) is not None and e.acled and e.type == "ASSAULT"}
    for event in events:
        tok = tokens[id(event)]
        if tok is None or not event.acled or event.acled["sub_event_type"] not in GENERIC | TAKEOVERS:
            continue
        t = tok
        while t.dep_ == "conj" and t.head.i != t.i and t.head.i not in by_token:
            t = t.head  # "killing ten and injuring many": the second participle joins the first
        elaborates = t.dep_ == "conj" or (t.dep_ == "advcl" and t.tag_ == "VBG")
        head = by_token.get(t.head.i) if elaborates else None
        if head is not None and head is not event and head.acled:
            if event.acled["sub_event_type"] in TAKEOVERS:
                # "stormed the town and took control of it": the takeover the assault made decides
                # (codebook, Battles: territory changes take precedence over the clashes); a fight
                # told with a participle of what it gained ("engaged ..., seizing a village") stays
                # the fight, the takeover its own event
                if head.acled["sub_event_type"] in GENERIC and t.dep_ == "conj":
                    head.acled = dict(event.acled)
            elif head.acled["sub_event_type"] == LOOTING:
                # "burned houses, killing several civilians": people are hurt, so the act is no
                # Looting/property destruction (codebook: that is destruction without violence to people)
                head.acled = dict(event.acled)
            else:
                event.acled = dict(head.acled)


def one_sided(tok: Token, cues: list[Cue], actor: Actor | None) -> bool:
    """An armed party's attack that kills or wounds, with no second armed party named in the
    sentence ("rebels attacked Mamove, leaving 14 dead"): Battles need two organised armed groups,
    so the dead are the civilians of a one-sided attack (codebook, Violence against civilians)."""
    subject = doer_phrase(tok)
    doer = {t.i for t in subject.subtree} if subject is not None else set()
    armed = [c for c in cues if c.cls == "armed"]
    if any(c.start not in doer for c in armed):
        return False
    if not (doer.intersection(c.start for c in armed) or (actor is not None and actor.sector in FORCE_SECTORS)):
        return False
    below = {t.i for t in tok.subtree}
    return any(c.cls == "lethal" and c.start in below for c in cues) or any(
        t.lower_ in ("dead", "wounded", "injured") and t.i in below for t in tok.sent
    )
