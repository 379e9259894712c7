"""One event per occurrence within an article: repeated mentions of the same happening
(same type, actor, recipient and mode, compatible place and time) collapse into the first,
the later triggers kept as evidence."""

from __future__ import annotations

from ...records import Event


def _compatible(a, b) -> bool:
    return a is None or b is None or a == b


def same_occurrence(first: Event, later: Event, time_value: dict) -> bool:
    if (first.type, first.actor, first.recipient, first.mode) != (later.type, later.actor, later.recipient, later.mode):
        return False
    if first.actor is None and first.recipient is None:
        return False  # two anonymous attacks may be two attacks
    ta, tb = time_value.get(first.time), time_value.get(later.time)
    if not (_compatible(first.place, later.place) and _compatible(ta, tb)):
        return False
    shared_place = first.place is not None and first.place == later.place
    shared_time = ta is not None and ta == tb
    both_roles = first.actor is not None and first.recipient is not None
    return shared_place or shared_time or both_roles


def merge_events(events: list[Event], time_value: dict) -> list[Event]:
    kept: list[Event] = []
    for ev in sorted(events, key=lambda e: e.trigger.start):
        for k in kept:
            if same_occurrence(k, ev, time_value):
                k.evidence.append(ev.trigger)
                k.figures.extend(f for f in ev.figures if f not in k.figures)
                k.co_actors.extend(a for a in ev.co_actors if a not in k.co_actors)
                k.co_recipients.extend(r for r in ev.co_recipients if r not in k.co_recipients)
                k.place = k.place or ev.place
                k.time = k.time or ev.time
                k.confidence = max(k.confidence, ev.confidence)
                break
        else:
            kept.append(ev)
    for n, ev in enumerate(kept, 1):
        ev.id = f"e{n}"
    return kept
