"""What a list page shows around its rows: the total, sortable columns, facets with counts as links,
the filters in force as removable chips, the filter form's fields, and downloads of exactly the rows
filtered (the same filters on GET /api/...?format=csv).

Every link keeps the filters and the sort in the URL, so a view can be bookmarked and shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..records import EVENT_TYPES
from ..store.filters import Filters, of_kind
from ..store.listing import SORTS
from .filter_params import Field, form_fields
from .links import query_string

API_PATHS = {
    "articles": "/api/articles",
    "events": "/api/events",
    "merged_events": "/api/merged-events",
    "statements": "/api/statements",
    "figures": "/api/figures",
    "actors": "/api/actors",
    "places": "/api/places",
}
FACET_LABELS = {"acled_type": "ACLED type", "type": "event type"}
SELECTS = {"type": EVENT_TYPES}  # code filters whose every value is known: a select, not a text box


@dataclass(frozen=True)
class FormField(Field):
    datalist: tuple[str, ...] = ()  # values offered while typing (a facet's values)


def fields(kind: str, facets: dict[str, list[dict]] | None = None) -> list[FormField]:
    """The filter form of `kind`: known code lists as selects, facet values offered on text boxes."""
    out = []
    for f in form_fields(kind):
        values = tuple(str(v["value"]) for v in (facets or {}).get(f.name, []))
        if f.input == "text" and f.name in SELECTS:
            out.append(FormField(f.name, f.label, "select", f.help, choices=SELECTS[f.name]))
        else:
            placeholder = "2024-12-01" if f.placeholder == "YYYY-MM-DD" else f.placeholder
            out.append(
                FormField(**{**f.__dict__, "placeholder": placeholder, "datalist": values if f.input == "text" else ()})
            )
    return out


def listing(
    request: Any, kind: str, base: str, f: Filters, count: int, limit: int, offset: int, sort: str | None
) -> dict:
    """The context of a list page of `kind` at `base` (rows are the caller's)."""
    state = request.app.state
    store = state.ledger.store
    params = {**{k: _text(v) for k, v in f.given.items()}, "sort": sort}
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    n, facets = store.count_and_facets(kind, f, cap=state.count_cap, facet_rows=state.facet_rows)
    total = Total(state.count_cap, True) if n > state.count_cap else Total(n, False)
    api = API_PATHS.get(kind)
    return {
        "kind": kind,
        "base": base,
        "params": kept,
        "sort": sort or None,
        "sorts": SORTS.get(kind, {}),
        "total": total,
        # The facets count the newest facet_rows rows when the list has more (then "among the newest ...").
        "facet_rows": state.facet_rows if total.more or total.n > state.facet_rows else None,
        "count": count,
        "limit": limit,
        "offset": offset,
        "facets": _facets(kind, base, kept, facets),
        "raw_facets": facets,
        "downloads": [
            ("CSV", f"{api}{query_string(kept, format='csv')}"),
            ("JSON Lines", f"{api}{query_string(kept, format='jsonl')}"),
        ]
        if api
        else [],
        "chips": [
            (f"{k.replace('_', ' ')}: {v}", f"{base}{query_string(kept, **{k: None})}")
            for k, v in kept.items()
            if k != "sort"
        ],
    }


@dataclass(frozen=True)
class Total:
    """A list's total as a page shows it: exact up to the cap; above it, "more than the cap" (10,000+)."""

    n: int
    more: bool

    def __str__(self) -> str:
        return f"{self.n:,}" + ("+" if self.more else "")

    @property
    def known(self) -> int | None:
        """The exact total, or None above the cap (the pager then shows no last page)."""
        return None if self.more else self.n


def capped_total(store, kind: str, f: Filters, cap: int) -> Total:
    """Counting stops after cap + 1 rows: a broad list is "10,000+", not 0.5 s of counting at 100k articles."""
    n = store.count(kind, f, cap=cap)
    return Total(cap, True) if n > cap else Total(n, False)


def _text(v: Any) -> str:
    return "true" if v is True else str(v)


def _facets(kind: str, base: str, params: dict, facets: dict[str, list[dict]]) -> list[dict]:
    filters = {x.name for x in of_kind(kind)}
    out = []
    for name, values in facets.items():
        linkable = name in filters  # a facet named for a filter: each value narrows the list to it
        chosen = str(params.get(name, "")).upper()
        out.append(
            {
                "name": name,
                "label": FACET_LABELS.get(name, name.replace("_", " ")),
                "values": [
                    {
                        "label": str(v["value"]),
                        "n": v["n"],
                        "current": chosen == str(v["value"]).upper(),
                        "href": f"{base}{query_string(params, **{name: v['value']}, offset=None)}"
                        if linkable
                        else None,
                    }
                    for v in values
                ],
            }
        )
    return out
