"""The gazetteer's record type, name normalisation and priors shared by its loaders."""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple


class GeoEntry(NamedTuple):
    geonameid: int | None
    name: str
    country: str | None  # ISO 3166-1 alpha-2
    lat: float
    lon: float
    kind: str  # country | region | district | city | town | continent | area | water | ...
    admin1: str | None  # GeoNames admin-1 code "US.LA": links cities to their region
    prior: float  # how likely a bare mention means this entry (bigger is likelier)


# Prior scale: a country beats an admin-1 area, which beats all but the biggest cities
# (10*log10(population): 1M -> 60). Alternate names pay ALIAS_PENALTY.
COUNTRY_PRIOR = 75.0
ADMIN1_PRIOR = 60.0
ADMIN2_PRIOR = 35.0
CONTINENT_PRIOR = 70.0
CAPITAL_BONUS = 10.0
ALIAS_PENALTY = 15.0

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u2010": "-", "\u2013": "-"})
_SPACES = re.compile(r"[\s\-]+")


@lru_cache(maxsize=1 << 16)  # the places component asks for the same few thousand names again and again
def norm(name: str) -> str:
    """The lookup key of a name: no accents, case-folded, one space, curly quotes straightened.

    Dots are kept on purpose: "La." (Louisiana) must not match "LA", nor "U.S." the pronoun.
    """
    s = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return _SPACES.sub(" ", s.casefold()).strip()


def city_prior(population: int) -> float:
    return 10.0 * math.log10(max(population, 1) + 1)


def admin1_prior(country_population: int, n_admin1: int) -> float:
    """An admin-1 area is as likely as a city of its average population, up to ADMIN1_PRIOR:
    a US state or a Russian oblast keeps the full prior, a parish of Barbados (about 25,000
    people) is no likelier than a town of that size ("St. Thomas" is the Ontario city)."""
    if not country_population or not n_admin1:
        return ADMIN1_PRIOR
    return min(ADMIN1_PRIOR, city_prior(country_population // n_admin1))


def settlement_kind(population: int) -> str:
    return "city" if population >= 10000 else "town"


# GeoNames feature codes -> (kind, prior function) for imported dumps.
def kind_of_feature(fclass: str, fcode: str, population: int) -> tuple[str, float]:
    if fclass == "A":
        if fcode.startswith("PCL"):
            return "country", COUNTRY_PRIOR
        if fcode == "ADM1":
            return "region", ADMIN1_PRIOR
        return "district", ADMIN2_PRIOR if fcode == "ADM2" else ADMIN2_PRIOR - 10
    if fclass == "P":
        bonus = CAPITAL_BONUS if fcode == "PPLC" else 0.0
        return settlement_kind(population), city_prior(population) + bonus
    if fclass == "H":
        return "water", 30.0
    if fclass == "L":
        return ("continent", CONTINENT_PRIOR) if fcode == "CONT" else ("area", 30.0)
    if fclass == "T":
        return "landform", 25.0
    if fclass == "S":
        return "facility", 15.0
    return "area", 15.0
