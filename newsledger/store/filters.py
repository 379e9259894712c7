"""The query filters of the ledger, declared once: one row per filter (newsledger.store.filtering.Filter).

The CLI builds each query command's options from this table, the web API its query parameters, the
web pages their filter forms, and the Store's queries their WHERE clauses (store.conditions). Adding
a filter is adding a row: its name, how a value is read, how it is matched, the columns it compares
in each kind of query, and its help.

Kinds: the Store's record lists (articles, events, statements, figures, actors, places, times) and the
cross-article views of newsledger.ledger (merged_events, figure_series). The views' values are read
here (Ledger.merged_events, Ledger.figure_series) and matched by the views themselves for now; the
merged_events columns name that view's query (the merged_events table and its `counted` subquery),
so conditions.where can build its WHERE clause too (tests/store/test_filters.py checks they agree).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import UsageError
from ..records import CERTAINTIES, EVENT_MODES
from .filtering import Code, Count, Country, Date, Filter, FilterError, Filters, Flag, Id, Text, day_bound, page

__all__ = ["FILTERS", "Filter", "FilterError", "Filters", "date_bound", "kinds", "of_kind", "page", "read"]

RECORDS = ("events", "statements", "figures", "times", "actors", "places")  # the kinds with an article_id
PUBLISHED = {"articles": ("published",), **{k: ("published",) for k in RECORDS}}
TITLE = "articles.title"

FILTERS: tuple[Filter, ...] = (
    Filter(
        "type",
        Code("upper"),
        "equals",
        {"events": ("type",), "merged_events": ("type",)},
        "PLOVER event type, e.g. ASSAULT.",
        example="ASSAULT",
    ),
    Filter(
        "mode",
        Code("lower", choices=EVENT_MODES),
        "equals",
        {"events": ("mode",)},
        "Event mode: " + ", ".join(EVENT_MODES) + ".",
    ),
    Filter(
        "about",
        Text(),
        "contains",
        {"figures": ("counted", "text"), "figure_series": ()},
        "What is counted contains this, e.g. killed, soldiers.",
        example="soldiers",
    ),
    Filter(
        "source",
        Text(),
        "contains",
        {"statements": ("source_text", "source_actor.name")},
        "Who says it: the source text or its actor's name contains this.",
    ),
    Filter(
        "certainty",
        Code("lower", choices=CERTAINTIES),
        "equals",
        {"statements": ("certainty",)},
        "How sure the source sounds: " + ", ".join(CERTAINTIES) + ".",
    ),
    Filter("name", Text(), "contains", {"actors": ("name",), "places": ("name",)}, "Name contains this."),
    Filter(
        "actor",
        Text(),
        "contains",
        {"events": ("actor.name", "recipient.name"), "figures": ("actor.name",), "figure_series": ()},
        "Actor name contains this (events: the actor's or the recipient's; figure series: a name or a country code).",
    ),
    Filter(
        "country",
        Country(),
        "equals",
        {
            "events": ("actor_country", "recipient_country"),
            "merged_events": ("actor_country", "recipient_country"),
            "statements": ("source_country",),
            "figures": ("actor_country",),
            "figure_series": (),
            "actors": ("country",),
            "places": ("country",),
        },
        "Country: ISO 3166 alpha-2 or alpha-3 code or name (RU, RUS or Russia), or an IGO code (NATO, UN); events: "
        "the actor's or the recipient's, statements: the source's, figures: the figure's actor's.",
        example="RUS",
    ),
    Filter(
        "sector",
        Code("upper"),
        "equals",
        {"actors": ("sector",)},
        "Actor sector (PLOVER): GOV, MIL, REB, CVL, JRN (media), MED (health), IGO ...",
        example="GOV",
    ),
    Filter("place", Text(), "contains", {"events": ("place.name",)}, "The event's place name contains this."),
    Filter(
        "outlet",
        Text(),
        "contains",
        {"articles": ("outlet",), "events": ("outlet",), "statements": ("outlet",), "figures": ("outlet",)},
        "The article's outlet contains this.",
    ),
    Filter(
        "acled_type",
        Text(),
        "equals",
        {"events": ("acled_type",)},
        "ACLED event type, exactly as ACLED names it, e.g. Battles.",
        example="Battles",
    ),
    Filter(
        "value",
        Text(),
        "prefix",
        {"times": ("value",)},
        "TIMEX3 value starts with this (2024-12 finds 2024-12-03).",
        example="2024-12",
    ),
    Filter(
        "since",
        Date(),
        "at_least",
        {**PUBLISHED, "merged_events": ("last_date",), "figure_series": ()},
        "Published on or after this date; YYYY-MM and YYYY mean their first day"
        " (merged events: last dated on or after it).",
    ),
    Filter(
        "until",
        Date(end=True),
        "at_most",
        {**PUBLISHED, "merged_events": ("first_date",), "figure_series": ()},
        "Published on or before this date; YYYY-MM and YYYY mean their last day"
        " (merged events: first dated on or before it).",
    ),
    Filter(
        "text",
        Text(),
        "search",
        {
            "articles": ("title", "text"),
            "events": ("search_text",),
            "statements": ("search_text",),
            "figures": ("search_text",),
            "times": ("search_text",),
        },
        'Words to search for (all of them, in any form: killed finds kill), "a phrase", or between '
        "words, -word to leave out; ranked best first. Articles: title and body; records: their text, "
        "the names they point to, the statement that gives them and the article's title.",
        example="North Korea killed",
    ),
    Filter(
        "min_reports",
        Count(minimum=1),
        "at_least",
        {"merged_events": ("n_articles",)},
        "Merged events told by at least this many articles (reports within one article count once).",
    ),
    Filter(
        "min_outlets",
        Count(minimum=1),
        "at_least",
        {"merged_events": ("n_outlets",)},
        "Merged events told by at least this many distinct outlets.",
    ),
    Filter(
        "article",
        Id(),
        "equals",
        {"articles": ("id",), **{k: ("article_id",) for k in RECORDS}},
        "Only the records of this article (its id).",
        form=False,
    ),
    Filter(
        "include_duplicates",
        Flag(),
        "hide_copies",
        {
            "articles": ("id",),
            "events": ("article_id",),
            "statements": ("article_id",),
            "figures": ("article_id",),
            "figure_series": (),
        },
        "Also articles linked as duplicates of an earlier one.",
        option="--all",
        default=False,
    ),
)


def kinds() -> tuple[str, ...]:
    """Every kind of query some filter applies to."""
    return tuple(dict.fromkeys(k for f in FILTERS for k in f.kinds))


def of_kind(*kinds_: str) -> list[Filter]:
    """The filters of these kinds, in table order."""
    return [f for f in FILTERS if any(k in f.on for k in kinds_)]


def read(kind: str, given: Mapping[str, Any] | Filters | None = None, **more: Any) -> Filters:
    """Check and normalise the filters given to a query of `kind` (None values: not given).

    UsageError for an unknown kind or a filter the kind does not have; FilterError, naming the
    filter and the value, for a value that cannot be used.
    """
    if isinstance(given, Filters):
        if given.kind == kind and not more:
            return given
        given = given.given
    given = {**(given or {}), **more}
    table = {f.name: f for f in FILTERS if kind in f.on}
    if not table:
        raise UsageError(f"unknown kind {kind!r}; one of {', '.join(kinds())}")
    unknown = sorted(name for name, value in given.items() if name not in table and value is not None)
    if unknown:
        raise UsageError(f"{kind} cannot be filtered by {', '.join(unknown)}; filters: {', '.join(table)}")
    values = {}
    for name, raw in given.items():
        value = table[name].read(raw, kind) if raw is not None else None
        if value is not None:
            values[name] = value
    return Filters(kind, values, {k: v for k, v in given.items() if v is not None})


def date_bound(value: Any, *, upper: bool) -> str:
    """'2024', '2024-12' or '2024-12-23' -> a full YYYY-MM-DD bound (first or last day); UsageError if not a date."""
    try:
        return day_bound(value, upper=upper)
    except ValueError as e:
        raise UsageError(f"date filter {value!r}: {e}") from None
