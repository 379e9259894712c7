"""An ACLED event for a text whose event words coded nothing, read off the codebook's cue words.

A report can tell of a demonstration or an attack without a verb the trigger lexicon knows
("Tens of thousands of opponents of the coup gathered", "two barrel bombs loaded with poison gas
on the farmland"). When no event of a text has an ACLED coding and the text is not out of
ACLED's scope (no claim of responsibility, disaster or ordinary crime), the first cue that names
an ACLED event by itself — a means of remote violence used, a demonstration, an armed clash,
mob or sexual violence, an abduction, looting or destruction by an armed group or a crowd, a
location taken or handed over, weapons seized or found —
makes one event, at the cue word (a weapon only when the text tells of its use), with the lowest
confidence: PROTEST for a demonstration, ASSAULT for violence. Cues in a clause that is negated,
planned or hypothetical make none ("no protests were reported", "threatened air strikes"), nor do
cues in a recalled event (acled_report.py), nor a demonstration or fight word the trigger lexicon
knows and declined (a campaign rally, "stocks rallied", "the fight against corruption").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ...records import Event
from ...records import Span as TextSpan
from .acled_cues import Cue
from .acled_report import MEANS_CLASSES, crowd_doer, recalled
from .acled_syntax import disrupts, interrupted

OUT_OF_SCOPE = frozenset({"claim", "disaster", "crime"})
CONFIDENCE = 0.3  # below every trigger-made event
REALIS = frozenset({"actual", "past"})
# what a cue of these classes may make: the location taken, the weapons seized
WANTED = {
    "territory_take": (
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    ),
    "expel": ("Government regains territory", "Non-state actor overtakes territory"),
    "disrupt_action": ("Disrupted weapons use",),
    "handover": ("Non-violent transfer of territory",),
    "sexual": ("Sexual violence",),
    "abduction": ("Abduction/forced disappearance",),
    "property": ("Looting/property destruction",),
    "mob": ("Mob violence",),
    "group_change": ("Change to group/activity",),
    "base_action": ("Headquarters or base established",),
    "agreement": ("Agreement",),
    "other": ("Other",),
}
# A location taken, told beside the fighting ("restored control over the town after a week of
# fighting"): territory changes take precedence over the clashes (codebook, Battles).
TAKEOVER = frozenset({"territory_take", "expel"})
# the classes that make an event here; the others (armed, land, ...) only inform the coding
WANTED_OR_MEANS = frozenset(WANTED) | frozenset(MEANS_CLASSES) | {"protest", "clash"}
# Strategic developments of armed actors (codebook: a group formed, merged, split, defecting,
# recruiting, reinforced or dug in; a base set up; an agreement; a mass grave found): read only
# when no cue in the text names political violence or a demonstration.
STRATEGIC = {"group_change": "MOBILIZE", "base_action": "MOBILIZE", "agreement": "AGREE", "other": "ASSAULT"}
# Verbs that move weapons rather than use them.
MOVES = frozenset(
    {"bring", "send", "move", "deploy", "transport", "deliver", "ship", "supply", "amass", "mass", "station"}
    | {"smuggle", "carry", "transfer", "redeploy", "position", "store", "stockpile"}
)
# Verbs of talk about an event (CASE's DIPLO: diplomatic talk is no ACLED event).
TALK = frozenset(
    {"discuss", "condemn", "denounce", "deplore", "debate", "criticise", "criticize", "talk", "investigate"}
    | {"probe", "raise", "address", "review", "mention"}
)
ARMED_OR_CROWD = frozenset({"armed", "riot", "mob", "protest"})


def fallback_event(
    doc: Doc,
    cues_of: Callable[[Span], list[Cue]],
    mode_of: Callable[[Token], str],
    code: Callable[[Event, Token, list[Cue]], dict | None],
    attack_words: frozenset[str],
    earlier: frozenset[str],
    known: Callable[[Token], bool],
    only: frozenset[str] | None = None,
    crowd_words: frozenset[str] = frozenset(),
) -> Event | None:
    """The event of the text's first cue naming an ACLED event, coded by `code`; None if none.
    only: the cue classes to read (none of the strategic pass): a takeover the report tells
    beside its clashes (TAKEOVER)."""
    sents = list(doc.sents)
    classes = {c.cls for s in sents for c in cues_of(s)}
    if "disaster_site" in classes and "armed" not in classes:
        classes = classes | {"disaster"}  # "a blast at a chemical plant", no armed party: an accident
    crime_only = classes & OUT_OF_SCOPE == {"crime"}
    if classes & OUT_OF_SCOPE and not (
        crime_only
        and (classes & {"mob", "abduction", "sexual"} or ("property" in classes and classes & ARMED_OR_CROWD))
    ):
        return None  # a crowd punishing a suspected thief is mob violence; pirates abducting a crew, an abduction
    for strategic in (False,) if only else (False, True):
        for sent in sents:
            cues = cues_of(sent)
            if only:
                cues = [c for c in cues if c.cls in only or c.cls not in WANTED_OR_MEANS]
            event = _first_event(doc, sent, cues, strategic, mode_of, code, attack_words, earlier, known, crowd_words)
            if event is not None:
                return event
    return None


def _first_event(
    doc: Doc,
    sent: Span,
    cues: list[Cue],
    strategic: bool,
    mode_of: Callable[[Token], str],
    code: Callable[[Event, Token, list[Cue]], dict | None],
    attack_words: frozenset[str],
    earlier: frozenset[str],
    known: Callable[[Token], bool],
    crowd_words: frozenset[str] = frozenset(),
) -> Event | None:
    """The sentence's first cue that makes a wanted event: violence and demonstrations, or (the
    second pass, `strategic`) the strategic developments of STRATEGIC."""
    classes = {c.cls for c in cues}
    seized = ("disrupt_action" in classes and disrupts(doc, cues)) or interrupted(doc, cues)
    for cue in cues:
        tok = doc[cue.start : cue.end].root
        if recalled(_phrase_head(tok), set(), earlier) or _topic(_phrase_head(tok)):
            continue
        if (
            cue.cls in ("protest", "clash")
            and known(tok)
            and not classes & {"lethal", "intervention", "riot"}
            and not (cue.cls == "protest" and crowd_doer(tok, crowd_words))  # "thousands marched"
        ):
            continue  # the trigger lexicon read the word and declined it ("Stocks rallied")
        if strategic:
            # a development told as such, not a word describing a thing ("a locally established market")
            if cue.cls not in STRATEGIC or (
                cue.cls != "other" and (tok.pos_ not in ("VERB", "NOUN") or tok.dep_ in ("amod", "compound"))
            ):
                continue
            etype = STRATEGIC[cue.cls]
        elif cue.cls in MEANS_CLASSES and not seized and _used(tok, attack_words):
            etype = "ASSAULT"
        elif cue.cls == "protest" or (cue.cls == "gather" and "demand" in classes and tok.pos_ == "VERB"):
            etype = "PROTEST"  # a demonstration, or people gathering to voice a demand
        elif cue.cls in ("mob", "sexual", "abduction") or (
            cue.cls in ("territory_take", "expel") and (tok.pos_ == "VERB" or _of_place(tok, cues))
        ):
            etype = "ASSAULT"  # mob or sexual violence, an abduction; a location taken
        elif cue.cls == "property" and classes & ARMED_OR_CROWD:
            etype = "ASSAULT"  # looting or destruction by an armed group or a crowd
        elif cue.cls == "handover" and tok.pos_ == "VERB":
            etype = "RETREAT"  # a location handed over
        elif cue.cls == "disrupt_action" and seized:
            etype = "COERCE"  # weapons seized, found or defused
        elif cue.cls == "clash":
            etype = "PROTEST" if "protest" in classes else "ASSAULT"
        else:
            continue
        mode = mode_of(tok)
        if mode not in REALIS:
            continue
        start, end = doc[cue.start].idx, doc[cue.end - 1].idx + len(doc[cue.end - 1])
        event = Event(
            id="",
            type=etype,
            trigger=TextSpan(start, end, doc.text[start:end]),
            mode=mode,
            confidence=CONFIDENCE,
        )
        event.acled = code(event, tok, cues)
        if event.acled and event.acled["sub_event_type"] in WANTED.get(cue.cls, (event.acled["sub_event_type"],)):
            return event
    return None


def _topic(head: Token) -> bool:
    """The cue's noun is what people talk about ("ministers discussed the air strikes", "the EU
    condemned the gas attack"): a topic of diplomatic talk, not an event the text reports."""
    verb = head.head
    if head.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "talked about the air strikes"
    return head.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in TALK


def _used(tok: Token, attack_words: frozenset[str]) -> bool:
    """The weapon cue tells of its use: an attack word ("airstrike", "gas attack"), or a weapon
    (or what carries it) that acts or is acted with ("a grenade pierced", "chlorine was used",
    "a suicide bomber rammed", "dropped barrels filled with chlorine"), not one only named ("a
    stash of projectiles", "assessed to be explosive devices")."""
    head = _phrase_head(tok)
    if tok.lemma_.lower() in attack_words or head.lemma_.lower() in attack_words:
        return True
    t = head
    for _ in range(4):  # up through "barrels filled with (chlorine)"
        if t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.head.pos_ == "VERB":
            # weapons brought, sent or massed are moved, not used (codebook: Change to group/activity)
            return t.head.lemma_.lower() not in MOVES
        if t.dep_ not in ("pobj", "prep", "acl", "compound", "amod") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _phrase_head(tok: Token) -> Token:
    """The noun a modifier cue belongs to ("suicide" in "a suicide car bomber")."""
    while tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _of_place(tok: Token, cues: list[Cue]) -> bool:
    """A taking told by a noun of a place ("the recapture of the town", "the fall of Mosul")."""
    if tok.pos_ != "NOUN":
        return False
    below = {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
    return any(c.cls == "land" and c.start in below for c in cues) or any(
        tok.doc[i].ent_type_ in ("GPE", "LOC", "FAC") for i in below
    )
