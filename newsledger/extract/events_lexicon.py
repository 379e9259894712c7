"""Loads the event lexicons (lexicons/events_*.tsv) once, into dict lookups."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..records import EVENT_MODES, EVENT_TYPES

LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"


@dataclass(frozen=True)
class TriggerRule:
    lemma: str
    pos: str                       # VERB | NOUN
    type: str                      # PLOVER category
    acled: tuple[str, str] | None  # (event_type, sub_event_type); sub may be "@territory"
    context: tuple[frozenset, ...]  # alternatives: each a set of lemmas; empty tuple = always
    prior: float
    exclude: frozenset = frozenset()  # the row does not fire when one of these is an argument
    things: frozenset = frozenset()   # context words naming what is sent or fired, not a party


@dataclass
class EventLexicon:
    rules: dict[tuple[str, str], list[TriggerRule]] = field(default_factory=dict)
    modes: dict[str, dict[str, str]] = field(default_factory=dict)   # role -> lemma -> mode
    recipient_slots: dict[str, list[str]] = field(default_factory=dict)
    object_control: frozenset = frozenset()
    frames: frozenset = frozenset()     # heads of compounds whose modifier is the event
    degree: frozenset = frozenset()     # degree adverbs: a participle they grade is an adjective
    stative_passive: frozenset = frozenset()
    noun_of_agent: frozenset = frozenset()
    light_verbs: frozenset = frozenset()
    gatherings: frozenset = frozenset()  # a campaign's as often as a protest's ("rally")
    causes: frozenset = frozenset()      # what makes a gathering a protest ("against", "demand")

    @classmethod
    def load(cls, folder: Path = LEXICONS) -> EventLexicon:
        classes = _read_classes(folder / "events_context.tsv")
        lex = cls(frames=classes.get("frame", frozenset()), degree=classes.get("degree", frozenset()),
                  gatherings=classes.get("gathering", frozenset()), causes=classes.get("cause", frozenset()))
        roles = list(_rows(folder / "events_roles.tsv", 2))
        parties = {f"@{c}" for name, slots in roles if name == "PARTY_CLASSES" for c in slots.split()}
        for row in _rows(folder / "events_triggers.tsv", 7):
            lemma, pos, typ, ac_type, ac_sub, context, prior = row
            if typ not in EVENT_TYPES:
                raise ValueError(f"events_triggers.tsv: unknown PLOVER type {typ!r} for {lemma!r}")
            acled = None if ac_type == "-" else (ac_type, ac_sub)
            wanted, _, unwanted = ("" if context == "-" else context).partition("!")
            ctx = (_context_set(wanted, classes),) if wanted.strip("|") else ()
            excl = _context_set(unwanted, classes) if unwanted else frozenset()
            things = _context_set("|".join(a for a in wanted.split("|") if a.strip() not in parties), classes)
            lex.rules.setdefault((lemma, pos), []).append(
                TriggerRule(lemma, pos, typ, acled, ctx, float(prior), excl, things))
        for lemma, role, mode in _rows(folder / "events_modes.tsv", 3):
            if mode not in EVENT_MODES:
                raise ValueError(f"events_modes.tsv: unknown mode {mode!r} for {lemma!r}")
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
                raise ValueError(f"events_triggers.tsv: unknown context class {alt!r}")
            words |= classes[alt[1:]]
        elif alt:
            words.add(alt)
    return frozenset(words)


def _read_classes(path: Path) -> dict[str, frozenset]:
    return {name: frozenset(words.split()) for name, words in _rows(path, 2)}


def _rows(path: Path, width: int):
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != width:
                raise ValueError(f"{path.name}:{n}: expected {width} tab-separated columns, got {len(cols)}")
            yield [c.strip() for c in cols]
