"""Loads the event lexicons (events/data/*.tsv) once, into dict lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ...records import EVENT_MODES, EVENT_TYPES
from ...tables import read_rows

DATA = "newsledger.components.events"  # tables in events/data/


@dataclass(frozen=True)
class TriggerRule:
    lemma: str
    pos: str  # VERB | NOUN
    type: str  # PLOVER category
    acled: tuple[str, str] | None  # (event_type, sub_event_type); sub may be "@territory"
    context: tuple[frozenset, ...]  # alternatives: each a set of lemmas; empty tuple = always
    prior: float
    exclude: frozenset = frozenset()  # the row does not fire when one of these is an argument
    things: frozenset = frozenset()  # context words naming what is sent or fired, not a party


@dataclass
class EventLexicon:
    rules: dict[tuple[str, str], list[TriggerRule]] = field(default_factory=dict)
    modes: dict[str, dict[str, str]] = field(default_factory=dict)  # role -> lemma -> mode
    recipient_slots: dict[str, list[str]] = field(default_factory=dict)
    object_control: frozenset = frozenset()
    frames: frozenset = frozenset()  # heads of compounds whose modifier is the event
    degree: frozenset = frozenset()  # degree adverbs: a participle they grade is an adjective
    stative_passive: frozenset = frozenset()
    noun_of_agent: frozenset = frozenset()
    light_verbs: frozenset = frozenset()
    gatherings: frozenset = frozenset()  # a campaign's as often as a protest's ("rally")
    causes: frozenset = frozenset()  # what makes a gathering a protest ("against", "demand")

    @classmethod
    def load(cls) -> EventLexicon:
        classes = _read_classes("context.tsv")
        lex = cls(
            frames=classes.get("frame", frozenset()),
            degree=classes.get("degree", frozenset()),
            gatherings=classes.get("gathering", frozenset()),
            causes=classes.get("cause", frozenset()),
        )
        roles = list(read_rows(DATA, "roles.tsv", 2))
        parties = {f"@{c}" for name, slots in roles if name == "PARTY_CLASSES" for c in slots.split()}
        for row in read_rows(DATA, "triggers.tsv", 7):
            lemma, pos, typ, ac_type, ac_sub, context, prior = row
            if typ not in EVENT_TYPES:
                raise ValueError(f"triggers.tsv: unknown PLOVER type {typ!r} for {lemma!r}")
            acled = None if ac_type == "-" else (ac_type, ac_sub)
            wanted, _, unwanted = ("" if context == "-" else context).partition("!")
            ctx = (_context_set(wanted, classes),) if wanted.strip("|") else ()
            excl = _context_set(unwanted, classes) if unwanted else frozenset()
            things = _context_set("|".join(a for a in wanted.split("|") if a.strip() not in parties), classes)
            lex.rules.setdefault((lemma, pos), []).append(
                TriggerRule(lemma, pos, typ, acled, ctx, float(prior), excl, things)
            )
        for lemma, role, mode in read_rows(DATA, "modes.tsv", 3):
            if mode not in EVENT_MODES:
                raise ValueError(f"modes.tsv: unknown mode {mode!r} for {lemma!r}")
            lex.modes.setdefault(role, {})[lemma] = mode
        for name, slots in roles:
            if name == "PARTY_CLASSES":
                continue
            if name == "OBJECT_CONTROL":
                lex.object_control = frozenset(slots.split())
            elif name == "STATIVE_PASSIVE":
                lex.stative_passive = frozenset(slots.split())
            elif name == "NOUN_OF_AGENT":
                lex.noun_of_agent = frozenset(slots.split())
            elif name == "LIGHT_VERBS":
                lex.light_verbs = frozenset(slots.split())
            else:
                lex.recipient_slots[name] = slots.split()
        return lex

    def slots_for(self, event_type: str) -> list[str]:
        return self.recipient_slots.get(event_type) or self.recipient_slots.get("DEFAULT", [])


def _context_set(spec: str, classes: dict[str, frozenset]) -> frozenset:
    """'@troops|out' -> the union of the class lemmas and the literal lemmas."""
    words: set[str] = set()
    for alt in spec.split("|"):
        alt = alt.strip()
        if alt.startswith("@"):
            if alt[1:] not in classes:
                raise ValueError(f"triggers.tsv: unknown context class {alt!r}")
            words |= classes[alt[1:]]
        elif alt:
            words.add(alt)
    return frozenset(words)


def _read_classes(table: str) -> dict[str, frozenset]:
    return {name: frozenset(words.split()) for name, words in read_rows(DATA, table, 2)}


@lru_cache(maxsize=1)
def role_words() -> dict[str, frozenset]:
    """role_words.tsv: class -> the class's words, lower-cased."""
    classes: dict[str, set] = {}
    for cls, word, _reason in read_rows(DATA, "role_words.tsv", 3):
        classes.setdefault(cls, set()).add(word.lower())
    return {name: frozenset(words) for name, words in classes.items()}


@lru_cache(maxsize=1)
def unnamed_table() -> dict[str, dict[str, tuple[str | None, str | None]]]:
    """unnamed.tsv: role -> lemma -> (sector, label) of the words that name an unnamed party
    ("gunmen", "demonstrators", "a roadside bomb"); read by unnamed.py and role_words.py."""
    roles: dict[str, dict] = {}
    for role, word, sector, label in read_rows(DATA, "unnamed.tsv", 4):
        roles.setdefault(role, {})[word.lower()] = (None if sector == "-" else sector, None if label == "-" else label)
    return roles
