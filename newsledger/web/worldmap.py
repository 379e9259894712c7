"""The map of event places: bundled land outline plus one circle per place (no tiles, no script)."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

LAND = Path(__file__).parent / "static" / "world-land-110m.json"


@lru_cache(maxsize=1)
def land_path() -> str:
    return json.loads(LAND.read_text(encoding="utf-8"))["d"]


def dots(events: list[dict]) -> list[dict]:
    """Events with coordinates -> one dot per place, sized by its number of events (largest drawn first)."""
    places: dict[tuple, dict] = {}
    for e in events:
        lat, lon = e.get("place_lat"), e.get("place_lon")
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        key = (e.get("place_name"), round(lat, 3), round(lon, 3))
        p = places.setdefault(
            key,
            {
                "name": e.get("place_name") or "",
                "country": e.get("place_country"),
                "x": round(lon + 180, 2),
                "y": round(90 - lat, 2),
                "events": 0,
                "types": {},
            },
        )
        p["events"] += 1
        p["types"][e.get("type")] = p["types"].get(e.get("type"), 0) + 1
    out = sorted(places.values(), key=lambda p: -p["events"])
    for p in out:
        p["r"] = round(1.2 + 1.3 * math.sqrt(p["events"]), 2)
        p["tip"] = (
            f"{p['name']}: {p['events']} events ("
            + ", ".join(f"{t} {n}" for t, n in sorted(p["types"].items(), key=lambda kv: -kv[1]) if t)
            + ")"
        )
    return out
