"""Sectors by date (data/dated_sectors.tsv): an actor whose sector changed on a date ("Taliban":
an insurgency until they took Kabul on 2021-08-15, Afghanistan's rulers since) gets the sector of
the article's publication date; an article with no date keeps the actors table's present sector."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from ...records import Actor
from ...tables import read_rows
from .lexicon import DATA


@lru_cache(maxsize=1)
def dated_sectors() -> dict[str, list[tuple[dt.date, str]]]:
    """name -> [(until, sector before it)], earliest first."""
    out: dict[str, list[tuple[dt.date, str]]] = {}
    for name, sector, until in read_rows(DATA, "dated_sectors.tsv", 3):
        out.setdefault(name, []).append((dt.date.fromisoformat(until), sector))
    return {name: sorted(rows) for name, rows in out.items()}


def date_sectors(actors: list[Actor], when: dt.date | None) -> None:
    """Give each actor with dated sectors the sector of the publication date `when` (in place)."""
    if when is None:
        return
    table = dated_sectors()
    for actor in actors:
        for until, sector in table.get(actor.name, ()):
            if when < until:
                actor.sector = sector
                break
