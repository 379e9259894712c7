"""Within-article event coreference: the other words that name an event the article tells become
mentions of that event (its `evidence` spans), not new events and not nothing.

"Gunmen shot a guard in Kabul on Monday. ... The shooting was the third this month": "The shooting"
is a second mention of the ASSAULT of the first sentence. A noun of data/anaphors.tsv re-mentions
an event when it is given, not new:
- definite or possessed: a definite or demonstrative determiner, or a possessor ("the blast",
  "this attack", "his arrest", "Tuesday's bombing"), also through its first conjunct ("her
  disappearance and death"); a listed noun compounded into another of its type is one mention
  with it ("the shooting death"); an indefinite or bare noun introduces an event ("a bombing",
  "more violence"), a noun that classifies another refers to nothing ("the murder trial"), and a
  name is no mention ("the Black Death");
- or the offence a charge, a conviction or an arrest is for ("accused of murder", "convicted in
  the killing", "murder charges"): the act the accusation is about.
It joins the most recent earlier event of its PLOVER type (anaphors.tsv) that it does not
contradict: a participant its own phrase names is one of that event's, or fills a role the event
leaves empty ("the killing of X" after "a gunman opened fire", not after "Y killed Z"); its place
and time ("the blast in Kabul", "Tuesday's blast") are the event's when the event has one; the
event is not negated. A noun named before any such event is told (a headline or lead: "X's death
shocked the city. Gunmen shot X ...") joins the first one after, if it is told within
NEXT_SENTENCES. A verb of the table ("died", "fired") joins
the most recent event of its type whose participant is its subject.
A listed noun, definite or not, that an event's trigger or one of its mentions takes as its
object or occasion names that event ("killed in a gang shooting", "X died in a blast"), when it
is of the event's type and its phrase contradicts nothing. An adjective of the table completes the event
whose predicate it is part of: the complement of its trigger ("found Smith guilty"), the modifier
of one of its mentions ("the guilty verdict"), or said of its participant ("Smith is guilty");
negated ("not guilty") it is none.
Nothing is made an event here: event counts and types stay those of the trigger lexicon.
Linear in tokens: one dict lookup per token, then a pass over the article's events for the few
listed words.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from ...records import EVENT_TYPES, Event, Span
from ...tables import read_rows
from ..common.doc_cache import doc_sents, doc_text, doc_tokens
from .index import RecordIndex
from .lexicon import DATA

_DEFINITE = {"the", "this", "that", "these", "those"}
# The phrase of the noun: what it names as its own participants, place or time.
_OWN_DEPS = {"poss", "compound", "nmod", "amod", "prep", "pobj", "agent", "appos"}
_OWN_PREPS = {"of", "by", "against", "on", "in", "at", "near", "outside", "inside", "from", "during"}
# The prepositions that name the offence of a charge, conviction or arrest.
_OFFENCE_PREPS = {"of", "with", "in", "for", "over"}
_CHARGE_TYPES = {"ACCUSE", "COERCE"}
# Types whose event noun names its target with "of" ("the killing of X", "the arrest of X").
_TARGETED = {"ASSAULT", "COERCE", "ACCUSE", "SANCTION"}
Table = dict[tuple[str, str], frozenset[str]]  # (lemma, NOUN|VERB|ADJ) -> PLOVER types
_POS = ("NOUN", "VERB", "ADJ")
# The prepositions of an event noun that names the occasion of an event's verb ("killed in a
# shooting", "wounded during the attack").
_OCCASION_PREPS = {"in", "during"}
# A noun named before its event is told joins it only when it is told this close after (a
# headline or lead and the sentence that tells it); farther on, it is another event.
NEXT_SENTENCES = 2
_NAME_ENTS = {"ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "LOC", "NORP", "EVENT"}


@lru_cache(maxsize=1)
def anaphor_types() -> Table:
    """anaphors.tsv: (lemma, NOUN|VERB|ADJ) -> the PLOVER types of the events the word can re-mention."""
    out: dict[tuple[str, str], set[str]] = {}
    for lemma, pos, etype in read_rows(DATA, "anaphors.tsv", 3):
        if etype not in EVENT_TYPES or pos not in _POS:
            raise ValueError(f"anaphors.tsv: unknown PLOVER type {etype!r} or part of speech {pos!r} for {lemma!r}")
        out.setdefault((lemma.lower(), pos), set()).add(etype)
    return {k: frozenset(v) for k, v in out.items()}


def _parties(ev: Event) -> set[str]:
    return {a for a in (ev.actor, ev.recipient, *ev.co_actors, *ev.co_recipients) if a is not None}


def _types(tok: Token, table: Table) -> frozenset[str]:
    pos = tok.pos_ if tok.pos_ in _POS else ""
    return table.get((tok.lemma_.lower(), pos)) or table.get((tok.lower_, pos)) or frozenset()


def add_coreferent_mentions(doc: Doc, events: list[Event], idx: RecordIndex, table: Table | None = None) -> None:
    """Append to each event's evidence the given nouns and the verbs of its participants that
    re-mention it."""
    if not events:
        return
    table = table if table is not None else anaphor_types()
    ordered = sorted(events, key=lambda e: e.trigger.start)
    taken = {(sp.start, sp.end) for e in events for sp in (e.trigger, *e.evidence)}
    starts = {e.trigger.start: e for e in events}
    told = {sp.start: e for e in events for sp in (e.trigger, *e.evidence)}  # every word telling an event
    adjectives: list[tuple[Token, frozenset[str]]] = []
    for tok in doc_tokens(doc):
        types = _types(tok, table)
        if not types:
            continue
        if tok.pos_ == "ADJ":
            adjectives.append((tok, types))  # after the nouns: "a guilty verdict" is the verdict's
            continue
        if tok.ent_type_ in _NAME_ENTS or _covered(tok, taken):
            continue  # "the Black Death", "The Real Deal" are names
        ev = _argument_of(tok, types, told, idx) if tok.pos_ == "NOUN" else None
        if ev is None:
            ev = _referent(doc, tok, types, ordered, starts, table, idx)
        if ev is not None:
            _add_mention(ev, _mention_span(tok, table, taken), taken, told)
    _add_predicates(doc, adjectives, ordered, starts, table, taken, told, idx)


def _referent(
    doc: Doc, tok: Token, types: frozenset[str], ordered: list[Event], starts: dict[int, Event], table: Table, idx
) -> Event | None:
    """The event a given noun, or a verb or adjective said of a participant, re-mentions: the most
    recent one told before; else, in a headline or lead that names the event before telling it
    ("Teen arrested in the shooting of ..."), the first one told right after."""
    if tok.pos_ in ("VERB", "ADJ"):
        subject = _subject(_clause_of(tok), idx)
        if subject is None:
            return None
        fits = [ev for ev in ordered if ev.type in types and subject in _parties(ev) and ev.mode != "negated"]
    else:
        if _modifies_listed(tok, table) or not (_given(tok) or _offence(tok, starts, table)):
            return None
        own = _own_records(tok, idx)
        fits = [ev for ev in ordered if ev.type in types and _compatible(ev, own, idx)]
    before = [ev for ev in fits if ev.trigger.start < tok.idx]
    return before[-1] if before else (fits[0] if fits and _soon_after(doc, tok, fits[0]) else None)


def _add_mention(ev: Event, span: Span, taken: set[tuple[int, int]], told: dict[int, Event]) -> None:
    ev.evidence.append(span)
    taken.add((span.start, span.end))
    told[span.start] = ev


def _argument_of(tok: Token, types: frozenset[str], told: dict[int, Event], idx: RecordIndex) -> Event | None:
    """The event whose trigger or mention takes the noun as its object or occasion, the noun naming
    the same happening, definite or not: "killed in a gang shooting", "wounded during the attack",
    "carried out a bombing", "X died in a blast". Only an event of one of the noun's own types,
    and one that nothing the noun's phrase names contradicts ("killed in an attack on Y" after
    "X killed Z" is not Z's killing)."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in _OCCASION_PREPS and head.head.i != head.i:
        head = head.head
    elif tok.dep_ != "dobj":
        return None
    ev = told.get(head.idx)
    if ev is None or ev.type not in types or not _compatible(ev, _own_records(tok, idx), idx):
        return None
    return ev


def _add_predicates(
    doc: Doc,
    adjectives: list[tuple[Token, frozenset[str]]],
    ordered: list[Event],
    starts: dict[int, Event],
    table: Table,
    taken: set[tuple[int, int]],
    told: dict[int, Event],
    idx: RecordIndex,
) -> None:
    """An adjective of the table completes the predicate of the event it belongs to: "found Smith
    guilty" (the complement of the verdict's verb), "the guilty verdict" (the modifier of one of
    its mentions), "Smith is guilty" (said of the event's participant)."""
    for tok, types in adjectives:  # the table's adjectives, in document order
        if _covered(tok, taken):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue  # "not guilty" is no verdict of guilt
        ev = told.get(tok.head.idx)
        if ev is None or ev.type not in types:
            ev = _referent(doc, tok, types, ordered, starts, table, idx)
        if ev is not None and ev.mode != "negated":
            _add_mention(ev, Span(tok.idx, tok.idx + len(tok.text), tok.text), taken, told)


def _subject(verb: Token, idx: RecordIndex) -> str | None:
    """The actor id of a verb's subject, unless the verb is negated ("did not die")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return idx.actor.get(subj.i) if subj is not None else None


def _clause_of(tok: Token) -> Token:
    """The word whose subject a verb or adjective is said of: an adjective's copula ("Smith is
    guilty"), else the word itself ("Smith died", "Smith guilty of murder")."""
    return tok.head if tok.pos_ == "ADJ" and tok.dep_ == "acomp" else tok


def _soon_after(doc: Doc, tok: Token, ev: Event) -> bool:
    """The event is told in the noun's sentence or within NEXT_SENTENCES after it."""
    starts = [s.start_char for s in doc_sents(doc)]
    return bisect_right(starts, ev.trigger.start) - bisect_right(starts, tok.idx) <= NEXT_SENTENCES


def _covered(tok: Token, taken: set[tuple[int, int]]) -> bool:
    end = tok.idx + len(tok.text)
    return any(s < end and tok.idx < e for s, e in taken)


def _given(tok: Token) -> bool:
    """Definite, demonstrative or possessed: the noun names something already known; a later
    conjunct shares the first one's determiner ("her disappearance and death"). A noun that only
    classifies another ("the murder trial", "the demand side") refers to nothing by itself."""
    head = tok
    while True:
        if any((c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in head.children if c.i < head.i):
            return True
        if head.dep_ != "conj" or head.head.i == head.i or any(c.dep_ == "det" for c in head.children):
            return False  # "a shooting and the ...": its own determiner decides
        head = head.head


def _offence(tok: Token, triggers: dict[int, Event], table: Table) -> bool:
    """The noun is what a charge, conviction or arrest is for: "accused of murder", "arrested in
    the killing", "murder charges"."""
    if tok.dep_ == "compound" and (_types(tok.head, table) & _CHARGE_TYPES or _charge(triggers.get(tok.head.idx))):
        return True
    head = tok
    while head.dep_ in ("compound", "conj") and head.head.i != head.i:
        head = head.head
    if head.dep_ != "pobj" or head.head.lower_ not in _OFFENCE_PREPS:
        return False
    return _charge(triggers.get(head.head.head.idx))


def _charge(ev: Event | None) -> bool:
    return ev is not None and ev.type in _CHARGE_TYPES


@dataclass
class Own:
    """What a noun's own phrase names: participants with the word that relates them, places, times."""

    parties: list[tuple[str, str]] = field(default_factory=list)  # (actor id, "by"|"of"|"poss"|...)
    places: set[str] = field(default_factory=set)
    times: set[str] = field(default_factory=set)


def _own_records(tok: Token, idx: RecordIndex) -> Own:
    """The actors, places and time values named in the noun's own phrase."""
    own = Own()
    stack = [(c, c.lower_ if c.dep_ in ("prep", "agent") else c.dep_) for c in tok.children if c.dep_ in _OWN_DEPS]
    while stack:
        t, rel = stack.pop()
        if t.dep_ in ("prep", "agent") and t.lower_ not in _OWN_PREPS:
            continue
        if t.i in idx.actor:
            own.parties.append((idx.actor[t.i], rel))
        if t.i in idx.place:
            own.places.add(idx.place[t.i])
        if t.i in idx.time and (value := idx.time_value.get(idx.time[t.i])):
            own.times.add(value)
        below = (c for c in t.children if c.dep_ in _OWN_DEPS or c.dep_ in ("det", "nummod", "conj"))
        stack.extend((c, rel) for c in below)
    return own


def _role(rel: str, etype: str) -> str:
    """The role a participant of an event noun has: "by" its doer; "of", "against", "on" and a
    compound its target in an attack, arrest or accusation ("the killing of X", "the X
    shooting"); a possessor, or "of" elsewhere ("the protest of workers"), either."""
    if rel == "by":
        return "actor"
    if rel in ("against", "on") or (rel in ("of", "compound") and etype in _TARGETED):
        return "recipient"
    return "either"


def _compatible(ev: Event, own: Own, idx: RecordIndex) -> bool:
    """Nothing the noun's phrase names contradicts the event: a participant it names that is none
    of the event's only where the event has that role filled ("the killing of X" after "Y killed
    Z": another killing; after "a gunman opened fire": the same), another place, another time."""
    if ev.mode == "negated":
        return False
    parties = _parties(ev)
    for actor, rel in own.parties:
        if actor in parties:
            continue
        role = _role(rel, ev.type)
        filled = {"actor": ev.actor is not None, "recipient": ev.recipient is not None}
        if filled[role] if role in filled else all(filled.values()):
            return False
    if own.places and ev.place is not None and ev.place not in own.places:
        return False
    value = idx.time_value.get(ev.time) if ev.time else None
    return not (own.times and value and value not in own.times)


def _modifies_listed(tok: Token, table: Table) -> bool:
    """A listed noun compounded into another listed noun of its type ("shooting death"): one
    mention, the head's. Not into a charge ("murder charges"): that is the offence."""
    return tok.dep_ == "compound" and bool(_types(tok, table) & _types(tok.head, table))


def _mention_span(tok: Token, table: Table, taken: set[tuple[int, int]]) -> Span:
    """The noun with the listed nouns compounded into it ("the shooting death"), unless one of
    those is already a mention of an event."""
    lo = tok
    while lo.i > 0:
        prev = lo.nbor(-1)
        listed = bool(_types(prev, table) & _types(tok, table))
        if prev.dep_ != "compound" or prev.head.i != tok.i or not listed or _covered(prev, taken):
            break
        lo = prev
    start, end = lo.idx, tok.idx + len(tok.text)
    return Span(start, end, doc_text(tok.doc)[start:end])
