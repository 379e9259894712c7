"""Country names -> ISO 3166-1 codes, for the country filters: "Russia", "North Korea", "the UK".

The names are the country actors' table (newsledger/components/actors/data/countries.tsv: canonical
name and aliases per alpha-3 code), read as a file of the package: importing the actors component
would load spaCy, which the query commands and the web server do not need. pycountry (already
behind the code lookups) answers the names that table lacks ("Russian Federation" is in both).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

TABLE = ("components", "actors", "data", "countries.tsv")


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Case-folded name or alias -> alpha-3, from the table (its last comment line names the columns)."""
    text = resources.files("newsledger").joinpath(*TABLE).read_text(encoding="utf-8")
    header = next(ln for ln in text.splitlines() if ln.startswith("# iso3\t")).removeprefix("# ").split("\t")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    iso3, name, aliases = header.index("iso3"), header.index("name"), header.index("aliases")
    out: dict[str, str] = {}
    for row in rows:
        for n in [row[name], *row[aliases].split("|")]:
            out.setdefault(_fold(n), row[iso3].strip())
    return out


def _fold(name: str) -> str:
    folded = " ".join(name.replace(".", "").split()).casefold()
    return folded.removeprefix("the ")


def alpha3_of_name(name: str) -> str | None:
    """The alpha-3 code of a country name, or None when it names no country."""
    found = _names().get(_fold(name))
    if found:
        return found
    import pycountry

    try:
        return pycountry.countries.lookup(name.strip()).alpha_3
    except LookupError:
        return None
