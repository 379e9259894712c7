"""The query commands: link, then events, statements, figures, actors, articles and stats
(tables or JSON; filters from newsledger.cli_filters). None of them loads spaCy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from . import render
from .cli_app import Db, Json, Limit, Offset, _fail, _open, app, err, out
from .cli_filters import Sort, filter_options, read_options
from .errors import NewsledgerError, UsageError
from .store.filters import Filters
from .store.listing import read_sort


def _show(db: str, method: str, as_json: bool, filters: Callable[[], Filters], table, **page) -> None:
    """Call the Ledger query `method` with the filters read and print its rows as JSON or with `table(rows)`."""
    try:
        f = filters()  # a bad filter or sort is a usage error before the ledger is opened
        if page.get("sort"):
            read_sort(method, page["sort"])
    except UsageError as e:
        raise _fail(str(e)) from e
    with _open(db) as ledger:
        try:
            rows = getattr(ledger, method)(f, **page)
        except NewsledgerError as e:
            raise _fail(str(e)) from e
    if as_json:
        out.print_json(data=rows) if rows else print("[]")
    else:
        table(rows)


def _query(db: str, kind: str, as_json: bool, given: dict, context: str, **page) -> None:
    _show(
        db,
        kind,
        as_json,
        lambda: read_options(kind, given, context),
        lambda rows: render.table(out, kind, rows),
        **page,
    )


def _ledger_view(db: str, as_json: bool, view: str, given: dict, context: str, **page) -> None:
    """Cross-article views (newsledger.ledger): merged events, figure series."""
    from .ledger import show

    _show(
        db,
        view,
        as_json,
        lambda: read_options(view, given, context),
        lambda rows: getattr(show, view)(out, rows),
        **page,
    )


@app.command()
def link(db: Db = "ledger.db") -> None:
    """Link stored articles not linked yet (duplicates, merged events); ingest does this itself."""
    with _open(db) as ledger:
        counts = ledger.relink()
    err.print(
        f"linked {counts['linked']} articles: {counts['duplicates']} duplicates, {counts['reports']} event reports"
    )


@app.command()
@filter_options("events", "merged_events")
def events(
    given: dict,
    db: Db = "ledger.db",
    as_json: Json = False,
    limit: Limit = 50,
    offset: Offset = 0,
    merged: Annotated[bool, typer.Option("--merged", help="One row per real-world event, with its reports.")] = False,
    sort: Sort = None,
) -> None:
    """Events: who did what to whom, where, when — with the statement that asserts them."""
    if merged:
        return _ledger_view(db, as_json, "merged_events", given, "with --merged", limit=limit, offset=offset, sort=sort)
    _query(db, "events", as_json, given, "without --merged", limit=limit, offset=offset, sort=sort)


@app.command()
@filter_options("statements")
def statements(
    given: dict, db: Db = "ledger.db", as_json: Json = False, limit: Limit = 50, offset: Offset = 0, sort: Sort = None
) -> None:
    """Statements: who says what, how sure they sound, and through whom."""
    _query(db, "statements", as_json, given, "", limit=limit, offset=offset, sort=sort)


@app.command()
@filter_options("figures", "figure_series")
def figures(
    given: dict,
    db: Db = "ledger.db",
    as_json: Json = False,
    limit: Limit = 50,
    offset: Offset = 0,
    series: Annotated[
        bool,
        typer.Option(
            "--series", help="Group into series: every value with its source, the spread, the latest per source."
        ),
    ] = False,
    sort: Sort = None,
) -> None:
    """Figures: how many, with bounds and approximation, and whose."""
    if series:  # --actor takes a name or a country code here
        if sort:
            raise _fail("--sort cannot be used with --series")
        return _ledger_view(db, as_json, "figure_series", given, "with --series")
    _query(db, "figures", as_json, given, "without --series", limit=limit, offset=offset, sort=sort)


@app.command()
@filter_options("actors")
def actors(
    given: dict, db: Db = "ledger.db", as_json: Json = False, limit: Limit = 50, offset: Offset = 0, sort: Sort = None
) -> None:
    """Actors across the ledger, with how often they appear."""
    _query(db, "actors", as_json, given, "", limit=limit, offset=offset, sort=sort)


@app.command()
@filter_options("articles")
def articles(
    given: dict, db: Db = "ledger.db", as_json: Json = False, limit: Limit = 50, offset: Offset = 0, sort: Sort = None
) -> None:
    """Articles in the ledger."""
    _query(db, "articles", as_json, given, "", limit=limit, offset=offset, sort=sort)


@app.command()
def stats(db: Db = "ledger.db", as_json: Json = False) -> None:
    """Counts per record kind and the outcome of the last ingest."""
    with _open(db) as ledger:
        data = ledger.stats()
    if as_json:
        out.print_json(data=data)
    else:
        render.stats(out, data)
