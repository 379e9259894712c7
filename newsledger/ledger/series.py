"""Figure reconciliation: figures about the same thing (kind, subject actor, place, period)
grouped into a series, each value with bounds, source, outlet and date; spread and latest per source."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from .merge import MAX_KM, haversine_km
from .text import _WORD, LEXICONS, sentence_around, stem

PERIOD_DAYS = 30      # a figure more than this after a series' last one starts a new series
_BEFORE, _AFTER = 16, 28      # characters around a figure searched for a casualty cue


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    out = {}
    for line in (LEXICONS / "figure_kinds.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, kind = line.split("\t")
            out[word.strip()] = kind.strip()
    return out


def kind(text: str, start: int, end: int, counted: str | None) -> str:
    """What is counted: the casualty cue nearest the figure ("killing 15", "15 were killed"), else the
    noun; a bare number ("has risen to 23") takes the cue of its sentence ("the death toll")."""
    kinds = _kinds()
    near = [(start - m.end(), w) for m, w in _cues(text, max(0, start - _BEFORE), start)]
    near += [(m.start() - end, w) for m, w in _cues(text, end, end + _AFTER)]
    if near:
        return kinds[min(near)[1]]
    if not counted:
        found = [w for _, w in _cues(sentence_around(text, start, end), 0, None)]
        if found:
            return kinds[found[0]]
    noun = (counted or "").split()[-1:] or ["?"]
    return stem(noun[0].lower())


def _cues(text: str, lo: int, hi: int | None):
    kinds = _kinds()
    for m in _WORD.finditer(text, lo, len(text) if hi is None else hi):
        w = m.group().lower()
        if w in kinds:
            yield m, w


@dataclass
class Item:
    row: dict
    kind: str
    place: str | None
    lat: float | None
    lon: float | None
    origin: str
    chain: list[str]
    merged: int | None = None     # the merged event of the event the figure belongs to


def _near(a: Item, s: dict) -> bool:
    if a.merged is not None and s["merged"] and a.merged not in s["merged"]:
        return False          # the figure counts another real-world event
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


def group(items: list[Item]) -> list[dict]:
    """Greedy, in date order: a figure joins the series of its kind, actor and place within the period."""
    items = sorted(items, key=lambda i: (i.row.get("published") or "", i.row["article_id"], i.row["id"]))
    open_series: list[dict] = []
    for it in items:
        if (it.row.get("value") is None and it.row.get("low") is None) or it.row.get("unit"):
            continue          # "dozens": no number to reconcile; "30 km", "$5 million": not a count
        d = _date(it)
        actor = it.row.get("actor_country") or it.row.get("actor_name")
        home = next((s for s in open_series if s["kind"] == it.kind
                     and (s["actor"] is None or actor is None or s["actor"] == actor) and _near(it, s)
                     and (d is None or s["_last"] is None or (d - s["_last"]).days <= PERIOD_DAYS)), None)
        if home is None:
            home = {"kind": it.kind, "actor": actor, "place": it.place, "lat": it.lat, "lon": it.lon,
                    "_last": d, "values": [], "merged": set()}
            open_series.append(home)
        if it.merged is not None:
            home["merged"].add(it.merged)
        home["actor"] = home["actor"] or actor
        home["_last"] = max(filter(None, (home["_last"], d)), default=None)
        r = it.row
        home["values"].append({
            "value": r.get("value"), "low": r.get("low"), "high": r.get("high"), "bound": r.get("bound"),
            "approx": r.get("approx"), "text": r.get("text"), "source": r.get("source_text"),
            "origin": it.origin, "chain": it.chain, "outlet": r.get("outlet"), "date": r.get("published"),
            "article_id": r["article_id"], "figure_id": r["id"], "place": it.place,
            "actor_name": r.get("actor_name"), "actor_country": r.get("actor_country")})
    return [_summarise(s) for s in open_series]


def _summarise(s: dict) -> dict:
    vals = s["values"]
    lows = [v["low"] if v["low"] is not None else v["value"] for v in vals]
    highs = [v["high"] if v["high"] is not None else v["value"] for v in vals]
    latest: dict[str, dict] = {}
    for v in vals:          # in date order: the last one per source wins
        latest[v["origin"]] = v
    return {"kind": s["kind"], "actor": s["actor"], "place": s["place"], "merged_events": sorted(s["merged"]),
            "first_date": vals[0]["date"], "last_date": vals[-1]["date"],
            "spread": {"min": min(lows), "max": max(highs)},
            "reports": len(vals), "independent_sources": len(latest),
            "latest_per_source": {o: {"value": v["value"], "date": v["date"], "outlet": v["outlet"]}
                                  for o, v in latest.items()},
            "values": vals}
