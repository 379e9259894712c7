"""`export --format acled`: one CSV row per merged event in ACLED's columns and order, ready to
concatenate with an ACLED download (ACLED Codebook, "ACLED Data Columns at a Glance").

Only merged events with an ACLED coding are written. Of a merged event's reports, the most
confident ACLED-coded one gives the coding, actors and place; fatalities are the lowest credible
count any report gives (0: no report gives one, ACLED's convention); `source` names every outlet
and every origin the reports cite; `notes` is the evidence sentence. event_id_cnty is the
place's ISO alpha-3 code, "NL" (newsledger) and the merged event's id, so it cannot collide with
ACLED's own ids. region, admin1-3, source_scale and tags are left empty: newsledger does not know them.
"""

from __future__ import annotations

import csv
import datetime as dt
from typing import TextIO

import pycountry

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
MERGED_FILTERS = ("type", "country", "since", "until", "min_reports")


def write_acled(store, f: TextIO, filters: dict) -> int:
    """Write the header and one row per ACLED-coded merged event; returns the rows written."""
    from .ledger import merged_events

    merged = merged_events(store, limit=None, **{k: v for k, v in filters.items() if k in MERGED_FILTERS})
    events = _report_events(store, merged)
    writer = csv.DictWriter(f, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    n = 0
    for m in merged:
        reports = [
            (r, events[key])
            for r in m["report_list"]
            if (key := (r["article_id"], r["event_id"])) in events and events[key].get("acled")
        ]
        if not reports:
            continue
        writer.writerow(acled_row(m, reports))
        n += 1
    return n


def acled_row(merged: dict, reports: list[tuple[dict, dict]]) -> dict:
    """One ACLED row from a merged event and its (report, event row) pairs with an ACLED coding."""
    _, best = max(reports, key=lambda pair: pair[1].get("confidence") or 0)
    coding = best["acled"]
    day = coding.get("event_date") or merged.get("first_date") or best.get("published") or ""
    country = _country(best.get("place_country"))
    counts = [c for _, e in reports if (c := (e["acled"].get("fatalities") or 0)) > 0]
    sources = _unique([r.get("outlet") for r, _ in reports] + [e["acled"].get("source") for _, e in reports])
    last = max((r.get("published") or "" for r, _ in reports), default="")
    return {
        "event_id_cnty": f"{country.alpha_3 if country else 'XXX'}NL{merged['id']}",
        "event_date": day,
        "year": day[:4] if day else "",
        "time_precision": coding.get("time_precision", ""),
        "disorder_type": coding.get("disorder_type", ""),
        "event_type": coding.get("event_type", ""),
        "sub_event_type": coding.get("sub_event_type", ""),
        "actor1": coding.get("actor1") or best.get("actor_name") or "",
        "assoc_actor_1": coding.get("assoc_actor_1", ""),
        "inter1": coding.get("inter1", 0),
        "actor2": coding.get("actor2", "") if "actor2" in coding else best.get("recipient_name") or "",
        "assoc_actor_2": coding.get("assoc_actor_2", ""),
        "inter2": coding.get("inter2", 0),
        "interaction": coding.get("interaction", 0),
        "civilian_targeting": coding.get("civilian_targeting", ""),
        "iso": int(country.numeric) if country else "",
        "region": "",
        "country": getattr(country, "common_name", country.name) if country else "",
        "admin1": "",
        "admin2": "",
        "admin3": "",
        "location": best.get("place_name") or "",
        "latitude": best.get("place_lat") if best.get("place_lat") is not None else "",
        "longitude": best.get("place_lon") if best.get("place_lon") is not None else "",
        "geo_precision": coding.get("geo_precision", 3),
        "source": "; ".join(sources),
        "source_scale": "",
        "notes": coding.get("notes") or best.get("trigger_text") or "",
        "fatalities": min(counts) if counts else 0,
        "tags": "",
        "timestamp": _timestamp(last),
    }


def _report_events(store, merged: list[dict]) -> dict[tuple[str, str], dict]:
    """The event rows of every report, fetched per article in one query."""
    aids = sorted({r["article_id"] for m in merged for r in m["report_list"]})
    if not aids:
        return {}
    rows = store.events(article=aids, include_duplicates=True, limit=None)
    return {(e["article_id"], e["id"]): e for e in rows}


def _country(alpha2: str | None):
    return pycountry.countries.get(alpha_2=alpha2.upper()) if alpha2 else None


def _unique(values: list[str | None]) -> list[str]:
    seen: list[str] = []
    for v in values:
        if v and v not in seen:
            seen.append(v)
    return seen


def _timestamp(day: str) -> int | str:
    """ACLED's timestamp (seconds since 1970): here the day the last report was published."""
    try:
        return int(dt.datetime.fromisoformat(day[:10]).replace(tzinfo=dt.UTC).timestamp())
    except ValueError:
        return ""
