"""Small invented news articles for the crash and concurrency tests (each one distinct)."""

from __future__ import annotations

import json
from pathlib import Path

_PLACES = ["Elmsford", "Port Amber", "Caspara", "Lake Orin", "Valdoria City", "Northgate"]
_ACTORS = ["The interior ministry", "Police", "The army", "Local officials", "The health ministry", "Aid agencies"]
_EVENTS = [
    "{n} people were injured in clashes near {p} on Monday",
    "{n} soldiers were deployed to {p} after protests over fuel prices",
    "rebels attacked a convoy outside {p}, killing {n} people",
    "about {n} families had fled flooding in {p} since Friday",
    "talks with union leaders in {p} would resume next week after {n} days of strikes",
]


def article_texts(count: int = 30) -> list[str]:
    texts = []
    for i in range(count):
        actor, place = _ACTORS[i % len(_ACTORS)], _PLACES[(i * 5) % len(_PLACES)]
        event = _EVENTS[i % len(_EVENTS)].format(n=10 + i * 7, p=place)
        texts.append(
            f'{actor} said that {event}. "We are watching the situation closely," '
            f"a spokesman told reporters in {place}, adding that report number {i} would follow."
        )
    return texts


def write_jsonl(path: Path, texts: list[str], ids: range) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in ids:
            fh.write(json.dumps({"id": f"art-{i}", "text": texts[i], "published": "2031-03-04"}) + "\n")
    return path
