"""How the lists can be sorted and counted, declared once (like the filters in newsledger.store.filters).

SORTS: per kind, the sort keys a list accepts (`sort=type`, `sort=-type` in a URL, `--sort` in the CLI)
and the column of the kind's query each one orders by. Only these: a sort is a column name put in
SQL, so it is whitelisted, never taken from the request.
FACETS: per kind, the values the lists count (facets with counts), each named for the filter that
narrows the list to one of its values, and the columns it counts (several: a row counts once under
each distinct value, as the filter of that name matches any of the columns).

Pure Python, no SQL: the web and the CLI read these to build their parameters; the Store's queries
(newsledger.store.queries, newsledger.store.summary) turn them into ORDER BY and GROUP BY.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .filtering import FilterError

_RECORD_SORTS = {"published": "published", "outlet": "outlet"}
_TOTALS = ("articles", "mentions", "events", "first_published", "last_published")

SORTS: Mapping[str, Mapping[str, str]] = {
    "articles": {"published": "published", "title": "title", "outlet": "outlet", "added": "added"},
    "events": {
        **_RECORD_SORTS,
        "type": "type",
        "mode": "mode",
        "acled_type": "acled_type",
        "actor_country": "actor_country",
        "recipient_country": "recipient_country",
        "confidence": "confidence",
        "trigger": "trigger_text",
    },
    "statements": {
        **_RECORD_SORTS,
        "certainty": "certainty",
        "source_country": "source_country",
        "direct": "direct",
        "source": "source_text",
    },
    "figures": {
        **_RECORD_SORTS,
        "value": "value",
        "counted": "counted",
        "actor_country": "actor_country",
        "approx": "approx",
        "text": "text",
    },
    "times": {"published": "published", "value": "value", "text": "text"},
    "actors": {k: k for k in ("name", "country", "sector", *_TOTALS)},
    "places": {k: k for k in ("name", "country", "kind", *_TOTALS)},
    "merged_events": {
        "reports": "n_articles",
        "outlets": "n_outlets",
        "first_date": "first_date",
        "last_date": "last_date",
        "type": "type",
        "mode": "mode",
        "actor_country": "actor_country",
        "recipient_country": "recipient_country",
        "place": "place_name",
    },
}

FACETS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "articles": {"outlet": ("outlet",)},
    "events": {
        "type": ("type",),
        "mode": ("mode",),
        "acled_type": ("acled_type",),
        "country": ("actor_country", "recipient_country"),
        "outlet": ("outlet",),
    },
    "statements": {"certainty": ("certainty",), "country": ("source_country",), "outlet": ("outlet",)},
    "figures": {"country": ("actor_country",), "outlet": ("outlet",)},
    "times": {},
    "actors": {"country": ("country",), "sector": ("sector",)},
    "places": {"country": ("country",)},
    "merged_events": {"type": ("type",), "country": ("actor_country", "recipient_country")},
}


@dataclass(frozen=True)
class Sort:
    """One list order: the sort key as given (`-type`), the column it orders by, and its direction."""

    key: str
    column: str
    descending: bool

    def __str__(self) -> str:
        return ("-" if self.descending else "") + self.key


def read_sort(kind: str, raw: str | Sort | None) -> Sort | None:
    """`type` or `-type` (descending) -> a Sort; None or blank: the list's own order.
    FilterError naming `sort` for a key the kind does not sort by."""
    if raw is None or isinstance(raw, Sort):
        return raw
    given = str(raw).strip()
    if not given:
        return None
    descending = given.startswith("-")
    key = given.lstrip("-+ ")
    keys = SORTS.get(kind, {})
    if key not in keys:
        choices = ", ".join(keys) or "none"
        raise FilterError("sort", raw, f"{kind} sort by one of {choices} (a leading - for descending)")
    return Sort(key, keys[key], descending)


def facet_names(kind: str, fields: str | list[str] | tuple[str, ...] | None = None) -> list[str]:
    """The facets asked for (a comma-separated string or a list; None or "all": every facet of the kind);
    FilterError naming `facets` for one the kind does not have."""
    table = FACETS.get(kind, {})
    if fields is None or fields == "all":
        return list(table)
    names = [x.strip() for x in (fields.split(",") if isinstance(fields, str) else fields) if x and x.strip()]
    unknown = [x for x in names if x not in table]
    if unknown:
        raise FilterError("facets", ",".join(unknown), f"{kind} facets: {', '.join(table) or 'none'}")
    return list(dict.fromkeys(names))
