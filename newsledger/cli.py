"""The `newsledger` command: thin commands over the public API (newsledger.api).

Exit codes: 0 everything asked for succeeded; 1 some inputs failed (and were reported);
2 a usage error (bad option, unreadable --db, missing model).

The commands are registered on the Typer app of newsledger.cli_app in this order: those of
cli_ingest (ingest, load, extract), those of cli_query (link, the queries, stats), then the ones here.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from . import cli_ingest, cli_query, render
from .cli_app import AllowPrivate, Db, Model, _fail, _open, _report_input_error, app, err, out
from .cli_filters import Sort, filter_options, read_options
from .cli_private import AllowPrivateCommand, rules
from .errors import InputError, ModelNotFound, NewsledgerError, UsageError
from .store.listing import read_sort

__all__ = ["app", "cli_ingest", "cli_query", "main"]


@app.command()
@filter_options("articles", "events", "statements", "figures", "actors", "places", "times", "merged_events")
def export(
    given: dict,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="jsonl, csv, parquet, geojson, acled or plover.")
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (stdout for jsonl/csv when omitted).")
    ] = None,
    kind: Annotated[
        str,
        typer.Option("--kind", help="For csv/parquet: events, statements, figures, actors, places, times or articles."),
    ] = "events",
    db: Db = "ledger.db",
    sort: Sort = None,
) -> None:
    """Export the ledger: whole results as JSON Lines, one record kind as CSV, Parquet or GeoJSON,
    merged events as ACLED CSV rows, events as PLOVER records. The filters select what is written, as
    in the query commands (csv, parquet, geojson: those of --kind; jsonl: the articles'; acled: the
    merged events'; plover: the articles' and the events')."""
    from .export import FORMATS

    if fmt not in FORMATS:
        raise _fail(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt == "parquet" and output is None:
        raise _fail("--format parquet needs --output FILE")
    from .cli_extract import output_problem

    if output is not None and (problem := output_problem(output)):
        raise _fail(problem)
    try:
        filters = export_filters(fmt, kind, given, sort)
    except UsageError as e:
        raise _fail(str(e)) from e
    with _open(db) as ledger:
        try:
            n = ledger.export(fmt, output if output else sys.stdout, kind=kind, **filters)
        except (UsageError, ValueError) as e:
            raise _fail(str(e)) from e
        except OSError as e:  # e.g. no permission, disk full: a message, not a traceback
            raise _fail(f"cannot write {output or 'stdout'}: {e.strerror or e}") from e
    what = {"jsonl": "articles", "acled": "merged events", "plover": "events"}.get(fmt, kind)
    err.print(f"exported {n} {what} to {output or 'stdout'}")


def export_filters(fmt: str, kind: str, given: dict, sort: str | None) -> dict:
    """The export's filters as given, checked against the kind they select (UsageError naming the option)."""
    if fmt == "plover":  # the articles' filters and the events' (newsledger.export_plover checks them)
        return dict(given)
    of = {"jsonl": "articles", "acled": "merged_events"}.get(fmt, kind)
    f = read_options(of, given, f"with --format {fmt}" + (f" --kind {kind}" if of == kind else ""))
    if sort and fmt in ("jsonl", "acled"):
        raise UsageError(f"--sort cannot be used with --format {fmt}")
    if sort:
        read_sort(kind, sort)
    return {**f.given, **({"sort": sort} if sort else {})}


@app.command("import-geonames")
def import_geonames(
    path: Annotated[Path, typer.Argument(help="A GeoNames dump: allCountries, cities500, XX (.txt or .zip).")],
    min_population: Annotated[int, typer.Option(min=0, help="Drop smaller populated places.")] = 0,
) -> None:
    """Add a full GeoNames dump to the gazetteer, for villages the bundled data lacks."""
    from .gazetteer import import_geonames as build_index

    try:
        index = build_index(path, min_population=min_population)
    except InputError as e:
        raise _fail(str(e), 1) from e
    err.print(f"place index written to {index}; extraction uses it from now on")


@app.command()
def demo(db: Db = "ledger.db") -> None:
    """Ingest the bundled demo articles into a ledger and show what was found."""
    from .demo import DEMO_DIR

    with _open(db) as ledger:
        summary = ledger.ingest([str(DEMO_DIR)], on_error=_report_input_error)
        render.ingest_summary(err, summary, db)
        render.demo_report(out, ledger)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def serve(
    db: Db = "ledger.db",
    host: Annotated[str, typer.Option(help="Address to bind; 127.0.0.1 keeps it on this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="NEWSLEDGER_TOKEN",
            help=("Enable POST /api/ingest, which then requires 'Authorization: Bearer TOKEN'."),
        ),
    ] = None,
) -> None:
    """Serve the web pages and the HTTP API over the ledger (read-only unless --token is given)."""
    try:
        import uvicorn

        from .web import create_app
    except ImportError as e:
        raise _fail(f"the web extra is not installed ({e.name}): pip install 'newsledger[web]'") from e
    with _open(db) as ledger:
        err.print(f"serving {db} at http://{host}:{port}/ (ingest {'enabled' if token else 'disabled'}); Ctrl-C stops")
        uvicorn.run(create_app(ledger=ledger, token=token), host=host, port=port, log_level="warning")


@app.command(cls=AllowPrivateCommand)
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs (http or https).")],
    every: Annotated[str, typer.Option("--every", help="Poll interval: 30s, 15m, 2h ...")] = "15m",
    rounds: Annotated[
        int | None, typer.Option("--rounds", min=1, help="Stop after N rounds (default: run until Ctrl-C).")
    ] = None,
    allow_private: AllowPrivate = None,
    db: Db = "ledger.db",
    model: Model = None,
) -> None:
    """Poll feeds (ETag/Last-Modified), fetch and ingest new entries; failing feeds are reported."""
    from .watch import parse_interval
    from .watch import watch as run_watch

    try:
        seconds = parse_interval(every)
    except UsageError as e:
        raise _fail(str(e)) from e

    def report(ev) -> None:
        style = {"failed": "red", "entry_failed": "yellow"}.get(ev.kind, "green")
        err.print(
            Text.assemble(
                (f"round {ev.round} ", "dim"), (ev.kind.replace("_", " "), style), f" {ev.feed}: {ev.message}"
            ),
            soft_wrap=True,
        )

    with _open(db, model) as ledger:
        try:
            result = run_watch(
                ledger, feeds, every_seconds=seconds, allow_private=rules(allow_private), rounds=rounds, on_event=report
            )
        except (UsageError, ModelNotFound) as e:
            raise _fail(str(e)) from e
        except KeyboardInterrupt:
            raise typer.Exit(0) from None
    err.print(
        f"watched {result.rounds} rounds: {result.added} added, {result.skipped} already seen, {result.failed} failures"
    )
    raise typer.Exit(1 if result.failed else 0)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: a newsledger error not handled by a command is one clear line, exit 2.
    `argv`: the arguments (default: the command line); exits like the command does. A `stats` of a
    SQLite ledger is answered without Typer (newsledger.cli_quick), as the `newsledger` command does."""
    from .cli_quick import main as quick_main

    quick_main(argv)


def run_typer(argv: list[str] | None = None) -> None:
    """The Typer app on `argv` (default: the command line)."""
    try:
        app(args=argv, prog_name="newsledger")
    except NewsledgerError as e:
        render.error(err, str(e))
        sys.exit(2)


if __name__ == "__main__":  # python -m newsledger.cli
    main()
