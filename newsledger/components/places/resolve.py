"""Toponym disambiguation: pick one gazetteer entry per distinct name in a document.

Score of a candidate = its prior (country > admin-1 > city by population, see entries.py)
  - ALIAS_PENALTY when only an alternate name matched
  + a bonus when a designator asks for its kind ("Kursk region" -> the region)
  + a bonus when the other names of the article point to its country / admin-1 area
    ("Paris" in an article that names Texas and Dallas -> Paris, Texas), more for a county
    when the article names its state than when only other towns' readings imply it
  + for a country, a smaller bonus when the other names lie in its neighbours: "Serbia ...
    in Montenegro province ... Croatia" is the Balkan country, not the Brazilian municipality
    (the country bonus above cannot see it: none of the other names lies in Montenegro)
  + a bonus when it lies near the other local places of the article (towns, districts)
  + a bonus for areas when the name holds a settlement ("a village in Kursk" -> the region)
  + a bonus when an explicit container holds it ("Alexandria, La.", "a village in Kursk, X")
  + a bonus when a reading of another name lies next to it (for a state: inside it): local
    news names a town with its county ("Huntsville" and "Walker County" -> both in Texas,
    though the biggest Huntsville and the first Walker County are in Alabama). Readings of
    two different names that lie together are rarely chance, so this finds the coherent set
    before the biggest-city guess can anchor the later rounds (full in the first round,
    halved after, which also damps names flip-flopping between rounds).
Context comes from the other names' picks of the previous round (three rounds), never
from the name itself, so one name cannot vote for its own reading.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from ...geo.entries import ALIAS_PENALTY, GeoEntry

ADMIN_KINDS = ("region", "district")
SETTLEMENT_KINDS = ("city", "town", "capital", "village")
DESIGNATOR_BONUS = 45.0
DESIGNATOR_MISMATCH = 25.0
AREA_HOLDER_BONUS = 20.0
COUNTRY_CONTEXT_BONUS = 20.0
NEIGHBOUR_BONUS = 15.0  # a country reading when the article names places next door
ADMIN1_CONTEXT_BONUS = 25.0
NAMED_ADMIN1_BONUS = 25.0  # more for a county when the article names its state ("Nebraska")
CONTAINER_COUNTRY_BONUS = 30.0
CONTAINER_ADMIN1_BONUS = 45.0
ROUNDS = 3
MAX_CANDIDATES = 40  # per name, by prior: bounds the per-document cost
PROXIMITY_BONUS = 20.0  # a candidate next to another place of the article ...
PROXIMITY_KM = 300.0  # ... fading to nothing at this distance
LOCAL_KINDS = ("city", "town", "capital", "village", "district")
PAIR_BONUS = 30.0  # a reading with a reading of another name close by ...
PAIR_KM = 50.0  # ... within this distance (a county and its seat)
PAIR_LATER = 0.5  # share of it kept in later rounds (damps flip-flops)
PAIR_PRIOR_GAP = 45.0  # support fades to nothing this far below the name's best reading
PAIR_MAX_NAMES = 2  # at most this many other names count
_CELL = 1.0  # degrees: grid cell of the pair search (wider than PAIR_KM up to 60°N)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: good to a few per cent at the scale that matters here."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


@dataclass
class NameGroup:
    """All mentions of one name (plus designator) in a document."""

    key: str
    candidates: list[tuple[GeoEntry, bool]]
    designator: str | None = None  # "region" | "district" when the text says so
    containers: list[str] = field(default_factory=list)  # keys of groups said to hold it
    holds_settlement: bool = False  # said to hold a village or town: likelier an area


def _score(
    entry: GeoEntry,
    primary: bool,
    group: NameGroup,
    countries: Counter,
    admin1s: Counter,
    containers: list[GeoEntry],
    near: list[GeoEntry],
    named: Counter | None = None,
    neighbours: dict[str, frozenset[str]] | None = None,
) -> float:
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
    elif (
        entry.kind == "country"
        and neighbours
        and any(countries.get(n, 0) > 0 for n in neighbours.get(entry.country or "", ()))
    ):
        s += NEIGHBOUR_BONUS
    if entry.admin1 and admin1s.get(entry.admin1):
        s += ADMIN1_CONTEXT_BONUS
        # counties share names across states and have no population prior to tell them
        # apart: the state the article names decides ("Madison County" in a Kentucky story)
        if named and named.get(entry.admin1, 0) > 0 and entry.kind == "district" and primary:
            s += NAMED_ADMIN1_BONUS
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


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL), math.floor(lon / _CELL)


def pair_support(groups: dict[str, NameGroup]) -> dict[tuple[str, int], float]:
    """(group key, candidate index) -> bonus for local readings that lie next to a local
    reading of another name. A grid of cells keeps this linear in the number of readings."""
    if len(groups) < 2:
        return {}
    cells: dict[tuple[int, int], list[tuple[str, GeoEntry, float]]] = {}
    in_admin1: dict[str, set[str]] = {}  # admin-1 code -> names with a local reading there
    for key, g in groups.items():
        top = max((e.prior for e, _ in g.candidates[:MAX_CANDIDATES]), default=0.0)
        for entry, _ in g.candidates[:MAX_CANDIDATES]:
            # a reading far less likely than its name's best lends little support: the towns
            # called Egypt, Jordan and Lebanon lie together, but "Egypt" is the country
            weight = 1.0 - (top - entry.prior) / PAIR_PRIOR_GAP
            if entry.kind in LOCAL_KINDS and weight > 0:
                cells.setdefault(_cell(entry.lat, entry.lon), []).append((key, entry, weight))
                if entry.admin1 and weight >= 0.5:
                    in_admin1.setdefault(entry.admin1, set()).add(key)
    out: dict[tuple[str, int], float] = {}
    for key, g in groups.items():
        head = max(g.candidates[:MAX_CANDIDATES], key=lambda c: c[0].prior, default=None)
        # a name that is first a country or a sea ("Egypt", "Middle East") takes little support
        # for its far less likely towns, however many namesakes of other names lie around them
        own_gap = head is not None and head[0].kind not in LOCAL_KINDS and head[0].kind != "region"
        for i, (entry, _) in enumerate(g.candidates[:MAX_CANDIDATES]):
            own = max(0.0, 1.0 - (head[0].prior - entry.prior) / PAIR_PRIOR_GAP) if own_gap and head else 1.0
            if entry.kind == "region" and entry.admin1:
                # a state is as coherent with the towns and counties in it as they are with
                # each other ("Indiana" among "Boone County", "Hamilton", "Marion")
                n = len(in_admin1.get(entry.admin1, set()) - {key})
                if n:
                    out[(key, i)] = PAIR_BONUS * min(n, PAIR_MAX_NAMES)
                continue
            if entry.kind not in LOCAL_KINDS:
                continue
            cy, cx = _cell(entry.lat, entry.lon)
            best: dict[str, float] = {}
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    for other_key, other, weight in cells.get((cy + dy, cx + dx), ()):
                        if other_key == key:
                            continue
                        d = _km(entry.lat, entry.lon, other.lat, other.lon)
                        if d < PAIR_KM:
                            close = weight * (1.0 - d / PAIR_KM / 2)  # full at 0 km, half at PAIR_KM
                            if close > best.get(other_key, 0.0):
                                best[other_key] = close
            if best:
                closest = sorted(best.values(), reverse=True)[:PAIR_MAX_NAMES]
                out[(key, i)] = PAIR_BONUS * sum(closest) * own
    return out


def resolve(
    groups: dict[str, NameGroup], neighbours: dict[str, frozenset[str]] | None = None
) -> dict[str, GeoEntry | None]:
    """The best entry per group key (None when the name has no candidate). neighbours:
    country code -> codes of its land neighbours (geo/neighbours.py), for the neighbour bonus.

    The first round reads priors and pair support only, for every name at once; later rounds
    update one name at a time, each seeing the others' latest picks, which settles where
    simultaneous updates would flip two names back and forth (London/St. Thomas, Ontario)."""
    picks: dict[str, GeoEntry | None] = {}
    pairs = pair_support(groups)
    for round_no in range(ROUNDS):
        countries: Counter = Counter()
        admin1s: Counter = Counter()
        named: Counter = Counter()  # admin-1 areas the article names as such
        for e in picks.values():
            if e is not None:
                _count(e, countries, admin1s, named, 1)
        first = round_no == 0
        out = {} if first else picks
        changed = False
        for key, g in groups.items():
            own = picks.get(key)
            if own is not None:  # context from the other names only
                _count(own, countries, admin1s, named, -1)
            conts = [held for c in g.containers if (held := picks.get(c)) is not None]
            near = [e for k, e in picks.items() if k != key and e is not None and e.kind in LOCAL_KINDS]
            best, best_score = None, float("-inf")
            for i, (entry, primary) in enumerate(g.candidates[:MAX_CANDIDATES]):
                sc = _score(entry, primary, g, countries, admin1s, conts, near, named, neighbours)
                sc += pairs.get((key, i), 0.0) * (1.0 if first else PAIR_LATER)
                if sc > best_score:
                    best, best_score = entry, sc
            changed |= best != own
            out[key] = best
            now = own if first else best
            if now is not None:
                _count(now, countries, admin1s, named, 1)
        picks = out
        if not changed:
            break
    return picks


def _count(e: GeoEntry, countries: Counter, admin1s: Counter, named: Counter, n: int) -> None:
    countries[e.country] += n
    admin1s[e.admin1] += n
    if e.kind == "region":
        named[e.admin1] += n
