"""Event merging: is this report the same real-world event as an already merged one, and why.

A report is one extracted event with the profile it is compared on. Hard constraints
(type, mode class, countries, distance, dates) rule candidates out; evidence overlap
(keywords of the trigger sentence) decides between the rest. Pure functions, no database.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

MAX_KM = 50.0                 # two places farther apart are two events
DATED_WINDOW = 3              # days between explicitly dated reports of one event
UNDATED_WINDOW = 7            # a report dated only by publication may come up to a week later
BUCKET_DAYS = 3               # blocking: date buckets of this many days
MIN_OVERLAP = 0.34            # share of the smaller keyword set found in the other
MIN_SHARED = 2
NEAR_SENTENCES = 2            # one article: events this close (in sentences) elaborate the same story
FACTUAL = {"actual", "past"}  # modes that report something that happened


@dataclass
class Report:
    article_id: str
    event_id: str
    type: str
    mode: str
    date: dt.date | None
    dated: bool               # date from a time expression (True) or the publication date (False)
    actor_country: str | None = None
    recipient_country: str | None = None
    place_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    keywords: set[str] = field(default_factory=set)
    sentence: int | None = None   # index of the trigger's sentence in its article


@dataclass
class Cluster:
    """A merged event as the matcher sees it: its profile and its reports' profiles."""
    id: int
    type: str
    mode: str
    first: dt.date | None
    last: dt.date | None
    reports: list[Report]


def mode_class(mode: str | None) -> str:
    return "factual" if (mode or "actual") in FACTUAL else (mode or "")


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def block_keys(report: Report, *, lookup: bool) -> list[str]:
    """type | date bucket | country. Stored for the report's own bucket; looked up over the window."""
    countries = sorted({c for c in (report.actor_country, report.recipient_country) if c}) or ["-"]
    if report.date is None:
        buckets = ["-"]
    else:
        b = report.date.toordinal() // BUCKET_DAYS
        reach = -(-(UNDATED_WINDOW if lookup else 0) // BUCKET_DAYS)
        buckets = [str(x) for x in range(b - reach, b + reach + 1)]
    keys = [f"{report.type}|{bucket}|{c}" for bucket in buckets for c in countries]
    if lookup and countries != ["-"]:   # a report naming a country may match one that named none
        keys += [f"{report.type}|{bucket}|-" for bucket in buckets]
    elif lookup:                         # and a report naming none may match any: the '*' key
        keys += [f"{report.type}|{bucket}|*" for bucket in buckets]
    return keys


def stored_keys(report: Report) -> list[str]:
    keys = block_keys(report, lookup=False)
    bucket = keys[0].split("|")[1]
    return keys + [f"{report.type}|{bucket}|*"]


def _same_or_unknown(a, b) -> bool:
    return a is None or b is None or a == b


def _place(r: Report, other: Report) -> tuple[bool, str]:
    if r.place_name and other.place_name and r.place_name.lower() == other.place_name.lower():
        return True, f"same place {r.place_name}"
    if None not in (r.lat, r.lon, other.lat, other.lon):
        km = haversine_km(r.lat, r.lon, other.lat, other.lon)
        return km <= MAX_KM, f"{r.place_name} {km:.0f} km from {other.place_name}"
    return True, "place unknown in one report"


def _gap_days(r: Report, c: Cluster) -> int | None:
    if r.date is None or c.first is None:
        return None
    if r.date < c.first:
        return (c.first - r.date).days
    if r.date > c.last:
        return (r.date - c.last).days
    return 0


def compare(r: Report, c: Cluster) -> tuple[float, str] | None:
    """(score, reason) when the report may be the cluster's event, else None."""
    if r.type != c.type or mode_class(r.mode) != mode_class(c.mode):
        return None
    gap = _gap_days(r, c)
    if gap is not None and gap > (DATED_WINDOW if r.dated else UNDATED_WINDOW):
        return None
    best = None
    for other in c.reports:
        if not (_same_or_unknown(r.actor_country, other.actor_country)
                and _same_or_unknown(r.recipient_country, other.recipient_country)):
            continue
        place_ok, place_why = _place(r, other)
        if not place_ok:
            continue
        if other.article_id == r.article_id:
            found = _same_article(r, other)
            if found and (best is None or found[0] > best[0]):
                best = found
            continue
        shared = r.keywords & other.keywords
        small = min(len(r.keywords), len(other.keywords)) or 1
        overlap = len(shared) / small
        if len(shared) < MIN_SHARED or overlap < MIN_OVERLAP:
            continue
        score = overlap + (0.2 if place_why.startswith("same place") else 0.0)
        if best is None or score > best[0]:
            countries = "/".join(x for x in (r.actor_country or other.actor_country,
                                             r.recipient_country or other.recipient_country) if x) or "no country"
            reason = (f"{r.type}, {countries}; {place_why}; "
                      f"{'dated' if r.dated else 'published'} {gap if gap is not None else '?'} day(s) apart; "
                      f"evidence overlap {overlap:.2f} ({', '.join(sorted(shared)[:6])}) "
                      f"with {other.article_id[:12]}/{other.event_id}")
            best = (score, reason)
    return best


def _same_article(r: Report, other: Report) -> tuple[float, str] | None:
    """Two same-type events of one article are one event when their sentences share a content word
    or are at most NEAR_SENTENCES apart, and place, date and country do not differ (the caller checked place and countries). One
    sentence: certain; otherwise a weak default that any evidence match elsewhere outranks."""
    if r.keywords and r.keywords == other.keywords:
        return 2.0, f"{r.type}; same sentence of the same article as {other.event_id}"
    if r.dated and other.dated and r.date and other.date and abs((r.date - other.date).days) > 1:
        return None
    shared = r.keywords & other.keywords
    adjacent = None not in (r.sentence, other.sentence) and abs(r.sentence - other.sentence) <= NEAR_SENTENCES
    if not shared and not adjacent:   # far apart, nothing in common: another event the article mentions
        return None
    why = f"shares {', '.join(sorted(shared)[:4])}" if shared else f"{abs(r.sentence - other.sentence)} sentence(s) on"
    return 0.3, f"{r.type}; same article as {other.event_id}, no conflicting place, date or country; {why}"


def choose(r: Report, clusters: list[Cluster]) -> tuple[Cluster | None, str]:
    """The best matching cluster (None: a new event) and the reason."""
    scored = [(m, c) for c in clusters if (m := compare(r, c)) is not None]
    if not scored:
        return None, "first report"
    (score, reason), cluster = max(scored, key=lambda x: (x[0][0], -x[1].id))
    return cluster, reason
