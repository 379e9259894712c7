"""Actors the events component adds to an article (territory targets, unnamed parties): the
next free id and the country of the place an added actor stands for."""

from __future__ import annotations

import pycountry

from ...records import Actor


def next_actor_id(actors: list[Actor]) -> str:
    """The id after the highest "a<n>" in use."""
    return f"a{1 + max((int(a.id[1:]) for a in actors if a.id[1:].isdigit()), default=0)}"


def place_country(place) -> tuple[str, str] | None:
    """(ISO alpha-3, common name) of a place's alpha-2 country, or None."""
    if place is None or not place.country:
        return None
    found = pycountry.countries.get(alpha_2=place.country.upper())
    if found is None:
        return None
    return found.alpha_3, getattr(found, "common_name", None) or found.name
