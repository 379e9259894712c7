"""Toponym disambiguation: pick one gazetteer entry per distinct name in a document.

Score of a candidate = its prior (country > admin-1 > city by population, see entries.py)
  - ALIAS_PENALTY when only an alternate name matched
  + a bonus when a designator asks for its kind ("Kursk region" -> the region)
  + a bonus when the other names of the article point to its country / admin-1 area
    ("Paris" in an article that names Texas and Dallas -> Paris, Texas)
  + a bonus when it lies near the other local places of the article (towns, districts)
  + a bonus for areas when the name holds a settlement ("a village in Kursk" -> the region)
  + a bonus when an explicit container holds it ("Alexandria, La.", "a village in Kursk, X").
Context comes from the other names' picks of the previous round (three rounds), never
from the name itself, so one name cannot vote for its own reading.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .entries import ALIAS_PENALTY, GeoEntry

ADMIN_KINDS = ("region", "district")
SETTLEMENT_KINDS = ("city", "town", "capital", "village")
DESIGNATOR_BONUS = 45.0
DESIGNATOR_MISMATCH = 25.0
AREA_HOLDER_BONUS = 20.0
COUNTRY_CONTEXT_BONUS = 20.0
ADMIN1_CONTEXT_BONUS = 25.0
CONTAINER_COUNTRY_BONUS = 30.0
CONTAINER_ADMIN1_BONUS = 45.0
ROUNDS = 3
MAX_CANDIDATES = 40             # per name, by prior: bounds the per-document cost
PROXIMITY_BONUS = 20.0          # a candidate next to another place of the article ...
PROXIMITY_KM = 300.0            # ... fading to nothing at this distance
LOCAL_KINDS = ("city", "town", "capital", "village", "district")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: good to a few per cent at the scale that matters here."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


@dataclass
class NameGroup:
    """All mentions of one name (plus designator) in a document."""
    key: str
    candidates: list[tuple[GeoEntry, bool]]
    designator: str | None = None          # "region" | "district" when the text says so
    containers: list[str] = field(default_factory=list)   # keys of groups said to hold it
    holds_settlement: bool = False         # said to hold a village or town: likelier an area


def _score(entry: GeoEntry, primary: bool, group: NameGroup, countries: Counter, admin1s: Counter,
           containers: list[GeoEntry], near: list[GeoEntry]) -> float:
    # other names of big cities are in common use (Kiev, St. Petersburg): a smaller penalty
    s = entry.prior - (0.0 if primary else ALIAS_PENALTY if entry.prior < 60 else ALIAS_PENALTY / 3)
    if group.designator:
        if entry.kind == group.designator:
            s += DESIGNATOR_BONUS
        elif entry.kind in ADMIN_KINDS:
            s += DESIGNATOR_BONUS / 2
        else:
            s -= DESIGNATOR_MISMATCH
    if group.holds_settlement and entry.kind in ADMIN_KINDS:
        s += AREA_HOLDER_BONUS
    if entry.country and countries.get(entry.country, 0) > 0:
        s += COUNTRY_CONTEXT_BONUS
    if entry.admin1 and admin1s.get(entry.admin1):
        s += ADMIN1_CONTEXT_BONUS
    if near and entry.kind in LOCAL_KINDS:
        d = min(_km(entry.lat, entry.lon, n.lat, n.lon) for n in near)
        s += PROXIMITY_BONUS * max(0.0, 1.0 - d / PROXIMITY_KM)
    for c in containers:
        if c.country and entry.country == c.country:
            s += CONTAINER_COUNTRY_BONUS
        if c.admin1 and entry.admin1 == c.admin1:
            s += CONTAINER_ADMIN1_BONUS
    return s


def inside(entry: GeoEntry, container: GeoEntry) -> bool:
    """Is entry plausibly within container (same country, and same admin-1 when both have one)?"""
    if container.kind == "country":
        return entry.country == container.country
    if container.admin1 and entry.admin1:
        return entry.admin1 == container.admin1
    return entry.country is not None and entry.country == container.country


def resolve(groups: dict[str, NameGroup]) -> dict[str, GeoEntry | None]:
    """The best entry per group key (None when the name has no candidate)."""
    picks: dict[str, GeoEntry | None] = {}
    for _ in range(ROUNDS):
        countries: Counter = Counter()
        admin1s: Counter = Counter()
        for e in picks.values():
            if e is not None:
                countries[e.country] += 1
                admin1s[e.admin1] += 1
        new: dict[str, GeoEntry | None] = {}
        for key, g in groups.items():
            own = picks.get(key)
            if own is not None:                 # context from the other names only
                countries[own.country] -= 1
                admin1s[own.admin1] -= 1
            conts = [picks[c] for c in g.containers if picks.get(c) is not None]
            near = [e for k, e in picks.items() if k != key and e is not None and e.kind in LOCAL_KINDS]
            best, best_score = None, float("-inf")
            for entry, primary in g.candidates[:MAX_CANDIDATES]:
                sc = _score(entry, primary, g, countries, admin1s, conts, near)
                if sc > best_score:
                    best, best_score = entry, sc
            new[key] = best
            if own is not None:
                countries[own.country] += 1
                admin1s[own.admin1] += 1
        if new == picks:
            break
        picks = new
    return picks
