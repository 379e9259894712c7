"""Figure series: one measure of one subject, every value with its bounds, claimed origin, outlet
and date; the spread, and the latest value per origin.

A series is one measure (killed, wounded, casualties, deployed, captured, displaced, fired, ...:
the cue word governing the figure in its clause, data/measures.tsv) of one subject (the counted
noun of the figure's actor: "PRK soldiers", not "soldiers"), at one place, in one period. Values
rest on their claimed origin (relay.py), so independent_sources counts distinct origins. A vague
amount ("several hundred") is a value with its range.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ..tables import read_rows
from .merge import MAX_KM, haversine_km
from .text import _WORD, sentence_around, stem

PERIOD_DAYS = 30  # a figure more than this after a series' last one starts a new series
_REACH = 48  # characters around a figure searched for its measure cue, inside its clause
_CLAUSE_END = re.compile(r"[.;!?\n]|,\s+(?:and|but|while|as)\s")
DATA = "newsledger.ledger"  # the package whose data/ holds the tables


@lru_cache(maxsize=1)
def _cues() -> dict[str, str]:
    return {word: measure for word, measure in read_rows(DATA, "measures.tsv", 2)}


def measure(text: str, start: int, end: int, counted: str | None = None) -> str | None:
    """The measure of the figure at [start, end): the nearest cue word of its clause, looked for
    within _REACH characters on both sides (the counted noun itself may be the cue: "20 deaths")."""
    cues = _cues()
    for w in (counted or "").lower().split()[-1:]:
        if w in cues:
            return cues[w]
    lo = max(0, start - _REACH)
    before = text[lo:start]
    cut = list(_CLAUSE_END.finditer(before))
    lo = lo + cut[-1].end() if cut else lo
    hi = min(len(text), end + _REACH)
    m = _CLAUSE_END.search(text, end, hi)
    hi = m.start() if m else hi
    near = [
        (start - m.end(), cues[m.group().lower()]) for m in _WORD.finditer(text, lo, start) if m.group().lower() in cues
    ]
    near += [
        (m.start() - end, cues[m.group().lower()]) for m in _WORD.finditer(text, end, hi) if m.group().lower() in cues
    ]
    if near:
        return min(near)[1]
    if not counted:  # a bare number ("has risen to 23") takes the cue of its sentence ("the death toll")
        sentence = sentence_around(text, start, end)
        found = [cues[w.lower()] for w in _WORD.findall(sentence) if w.lower() in cues]
        return found[0] if found else None
    return None


def kind(text: str, start: int, end: int, counted: str | None) -> str:
    """The measure, else the counted noun's stem (what it counts, with no verb to say how)."""
    found = measure(text, start, end, counted)
    if found:
        return found
    noun = (counted or "").split()[-1:] or ["?"]
    return stem(noun[0].lower())


@dataclass
class Item:
    row: dict
    kind: str
    place: str | None
    lat: float | None
    lon: float | None
    origin: str
    chain: list[str]
    merged: int | None = None  # the merged event of the event the figure belongs to


def subject(row: dict) -> tuple[str | None, str | None]:
    """(whose: the actor's country or name, what: the counted noun's stem); None = not said."""
    whose = row.get("actor_country") or row.get("actor_name")
    noun = (row.get("counted") or "").lower().split()[-1:]
    return whose, (noun[0] if noun else None)


def _fits(a, b) -> bool:
    return a is None or b is None or a == b


def _fits_noun(a, b) -> bool:
    return a is None or b is None or _stem(a) == _stem(b)


@lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    return stem(word)


def _near(a: Item, s: dict) -> bool:
    if a.merged is not None and s["merged"] and a.merged not in s["merged"]:
        return False  # the figure counts another real-world event
    if a.place is None or s["place"] is None:
        return a.place is None and s["place"] is None
    if a.place.lower() == s["place"].lower():
        return True
    if None in (a.lat, a.lon, s["lat"], s["lon"]):
        return False
    return haversine_km(a.lat, a.lon, s["lat"], s["lon"]) <= 2 * MAX_KM


def _date(item: Item) -> dt.date | None:
    p = item.row.get("published")
    try:
        return dt.date.fromisoformat(p[:10]) if p else None
    except ValueError:
        return None


def group(items: list[Item], *, prune: bool = True) -> list[dict]:
    """Greedy, in date order: a figure joins the first series (in the order they were begun) of its
    measure and subject within the period. prune=False compares each figure with every series of its
    measure (the same series, slower: the tests compare the two)."""
    items = sorted(items, key=lambda i: (i.row.get("published") or "", i.row["article_id"], i.row["id"]))
    dates = [_date(it) for it in items]
    dated = [d for d in dates if d is not None]
    # Dates that only rise (ISO dates sort so) let a dated figure skip the series that ended more than
    # a period before it: no later dated figure can join them either. Undated figures look at all.
    rising = prune and all(a <= b for a, b in pairwise(dated))
    open_series: list[dict] = []
    of_kind: dict[str, list[dict]] = {}  # every series of a measure, in the order begun
    live: dict[str, list[dict]] = {}  # those a dated figure can still join, in the order begun
    for it, d in zip(items, dates):
        r = it.row
        if (r.get("value") is None and r.get("low") is None) or r.get("unit"):
            continue  # "dozens": no number to reconcile; "30 km", "$5 million": not a count
        if it.kind == "?":
            continue  # neither a measure nor a counted noun: nothing says what it counts
        whose, what = subject(r)
        if d is not None and rising:
            pool = live[it.kind] = [
                s for s in live.get(it.kind, ()) if s["_last"] is None or (d - s["_last"]).days <= PERIOD_DAYS
            ]
        else:
            pool = of_kind.get(it.kind, [])
        home = next(
            (
                s
                for s in pool
                if _fits(s["actor"], whose)
                and _fits_noun(s["counted"], what)
                and _near(it, s)
                and (d is None or s["_last"] is None or (d - s["_last"]).days <= PERIOD_DAYS)
            ),
            None,
        )
        if home is None:
            home = {
                "kind": it.kind,
                "actor": whose,
                "counted": what,
                "place": it.place,
                "lat": it.lat,
                "lon": it.lon,
                "_last": d,
                "values": [],
                "merged": set(),
            }
            open_series.append(home)
            of_kind.setdefault(it.kind, []).append(home)
            live.setdefault(it.kind, []).append(home)
        if it.merged is not None:
            home["merged"].add(it.merged)
        home["actor"] = home["actor"] or whose
        home["counted"] = home["counted"] or what
        home["_last"] = max(filter(None, (home["_last"], d)), default=None)
        home["values"].append(
            {
                "value": r.get("value"),
                "low": r.get("low"),
                "high": r.get("high"),
                "bound": r.get("bound"),
                "approx": r.get("approx"),
                "text": r.get("text"),
                "source": r.get("source_text"),
                "origin": it.origin,
                "chain": it.chain,
                "outlet": r.get("outlet"),
                "date": r.get("published"),
                "article_id": r["article_id"],
                "figure_id": r["id"],
                "place": it.place,
                "actor_name": r.get("actor_name"),
                "actor_country": r.get("actor_country"),
            }
        )
    return [_summarise(s) for s in open_series]


def _summarise(s: dict) -> dict:
    vals = s["values"]
    lows = [v["low"] if v["low"] is not None else v["value"] for v in vals]
    highs = [v["high"] if v["high"] is not None else v["value"] for v in vals]
    latest: dict[str, dict] = {}
    for v in vals:  # in date order: the last one per origin wins
        latest[v["origin"]] = v
    subject_name = " ".join(x for x in (s["actor"], s["counted"]) if x) or None
    return {
        "kind": s["kind"],
        "measure": s["kind"],
        "subject": subject_name,
        "actor": s["actor"],
        "counted": s["counted"],
        "place": s["place"],
        "merged_events": sorted(s["merged"]),
        "first_date": vals[0]["date"],
        "last_date": vals[-1]["date"],
        "spread": {"min": min(lows), "max": max(highs)},
        "reports": len(vals),
        "independent_sources": len(latest),
        "origins": sorted(latest),
        "latest_per_source": {
            o: {"value": v["value"], "low": v["low"], "high": v["high"], "date": v["date"], "outlet": v["outlet"]}
            for o, v in latest.items()
        },
        "values": vals,
    }
