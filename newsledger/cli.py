"""The `newsledger` command: thin commands over the public API (newsledger.api).

Exit codes: 0 everything asked for succeeded; 1 some inputs failed (and were reported);
2 a usage error (bad option, unreadable --db, missing model).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from . import render
from .api import Ledger
from .cli_filters import filter_options, read_options
from .cli_private import HELP, OPTION, AllowPrivateCommand, rules
from .errors import InputError, ModelNotFound, NewsledgerError, StoreError, UsageError
from .nlp.extractor import Extractor, parse_date
from .store.filters import Filters

app = typer.Typer(
    help="Turn news articles into a source-attributed ledger.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
out = Console()
if not out.is_terminal:  # piped or captured: do not squeeze tables into 80 columns
    out = Console(width=180)

Db = Annotated[
    str, typer.Option("--db", envvar="NEWSLEDGER_DB", help="Ledger: SQLite path or database URL (postgresql://...).")
]
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
Limit = Annotated[int, typer.Option("--limit", min=1, max=10_000, help="Rows to show.")]
Offset = Annotated[int, typer.Option("--offset", min=0, help="Rows to skip.")]
Published = Annotated[
    str | None, typer.Option("--published", help="Publication date YYYY-MM-DD for inputs that have none.")
]
Model = Annotated[str | None, typer.Option("--model", help="Installed spaCy pipeline to use.")]
AllowPrivate = Annotated[list[str] | None, typer.Option(OPTION, metavar="[HOST]", help=HELP)]


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(Text.assemble(("error: ", "red"), message), soft_wrap=True)
    return typer.Exit(code)


def _open(db: str, model: str | None = None) -> Ledger:
    # One Extractor per process (Extractor.shared), built only when something is extracted:
    # query commands never load spaCy, and commands run in-process load the model once.
    try:
        return Ledger(db, model=model, extractor=partial(Extractor.shared, model))
    except StoreError as e:
        raise _fail(str(e)) from e


def _report_input_error(e: InputError) -> None:
    err.print(Text.assemble(("skipped ", "yellow"), str(e)), soft_wrap=True)


@app.command(cls=AllowPrivateCommand)
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files or directories (read recursively); '-' or nothing reads standard input."),
    ] = None,
    db: Db = "ledger.db",
    published: Published = None,
    model: Model = None,
    batch_size: Annotated[int, typer.Option(min=1, max=10_000, help="Articles per transaction.")] = 32,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    allow_private: AllowPrivate = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=4096,
            help=("Extraction processes (local engine; 1: in this process) or Ray actors (ray engine)."),
        ),
    ] = 1,
    engine: Annotated[
        str,
        typer.Option(
            help=(
                "Extraction engine: local (process pool on this machine) or ray (Ray actors; "
                "pip install 'newsledger\\[ray]')."
            )
        ),
    ] = "local",
    ray_address: Annotated[
        str | None,
        typer.Option(
            "--ray-address",
            envvar="RAY_ADDRESS",
            help=("With --engine ray: the Ray cluster to join (ray://head:10001, auto); default: a local Ray."),
        ),
    ] = None,
    shards: Annotated[
        Path | None,
        typer.Option(
            "--shards",
            help=(
                "Write results as Parquet shards in this directory instead of a ledger (no database); "
                "import them later with `newsledger load`."
            ),
        ),
    ] = None,
) -> None:
    """Read HTML, RSS/Atom, WARC, JSON Lines or text (files, directories or http(s) URLs), extract, and store."""
    paths = paths or ["-"]
    stdin = sys.stdin.buffer if "-" in paths else None
    allow = rules(allow_private)
    if ray_address:  # read by the Ray engine (Ray's own variable), whichever path below runs it
        import os

        os.environ["RAY_ADDRESS"] = ray_address
    options: dict[str, Any] = dict(
        published=published, batch_size=batch_size, on_error=_report_input_error, workers=workers, engine=engine
    )
    if shards is not None:
        from .ingest import read_inputs
        from .shards import extract_to_shards

        try:
            with render.progress(disable=quiet or not err.is_terminal, console=err) as advance:
                summary = extract_to_shards(
                    read_inputs(paths, stdin=stdin, allow_private=allow),
                    shards,
                    model=model,
                    on_progress=advance,
                    extractor=partial(Extractor.shared, model),
                    **options,
                )
        except (UsageError, ModelNotFound) as e:
            raise _fail(str(e)) from e
        render.ingest_summary(err, summary, f"{shards} (shards)")
        raise typer.Exit(1 if summary.failed else 0)
    with _open(db, model) as ledger:
        try:
            with render.progress(disable=quiet or not err.is_terminal, console=err) as advance:
                summary = ledger.ingest(paths, stdin=stdin, on_progress=advance, allow_private=allow, **options)
        except (UsageError, ModelNotFound) as e:
            raise _fail(str(e)) from e
    render.ingest_summary(err, summary, db)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def load(
    directory: Annotated[Path, typer.Argument(help="A directory of shards written by `ingest --shards`.")],
    db: Db = "ledger.db",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Import Parquet shards into the ledger; articles already stored are skipped, damaged shards reported."""
    with _open(db) as ledger:
        try:
            with render.progress(disable=quiet or not err.is_terminal, console=err) as advance:
                summary = ledger.load(directory, on_error=_report_input_error, on_progress=advance)
        except UsageError as e:
            raise _fail(str(e)) from e
    render.ingest_summary(err, summary, db)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def extract(
    paths: Annotated[
        list[str] | None, typer.Argument(help="JSON Lines files; '-' or nothing reads standard input.")
    ] = None,
    published: Published = None,
    model: Model = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here, not stdout.")] = None,
) -> None:
    """JSON Lines in, one JSON result per article out (the JSON contract; same order, same ids)."""
    from .cli_extract import extract_lines, jsonl_articles, output_problem

    if output is not None and (problem := output_problem(output)):
        raise _fail(problem)
    try:
        extractor = Extractor.shared(model)
        if published:
            parse_date(published, "--published")
    except (UsageError, ModelNotFound) as e:
        raise _fail(str(e)) from e
    failed = 0

    def report(e: InputError) -> None:
        nonlocal failed
        failed += 1
        _report_input_error(e)

    try:
        sink = output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as e:
        raise _fail(f"cannot write {output}: {e.strerror or e}") from e
    try:
        extract_lines(extractor, jsonl_articles(paths or ["-"], report), sink, published, report)
    finally:
        if output:
            sink.close()
    raise typer.Exit(1 if failed else 0)


def _show(db: str, method: str, as_json: bool, filters: Callable[[], Filters], table, **page) -> None:
    """Call the Ledger query `method` with the filters read and print its rows as JSON or with `table(rows)`."""
    try:
        f = filters()  # a bad filter is a usage error before the ledger is opened
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
) -> None:
    """Events: who did what to whom, where, when — with the statement that asserts them."""
    if merged:
        return _ledger_view(db, as_json, "merged_events", given, "with --merged", limit=limit, offset=offset)
    _query(db, "events", as_json, given, "without --merged", limit=limit, offset=offset)


@app.command()
@filter_options("statements")
def statements(given: dict, db: Db = "ledger.db", as_json: Json = False, limit: Limit = 50, offset: Offset = 0) -> None:
    """Statements: who says what, how sure they sound, and through whom."""
    _query(db, "statements", as_json, given, "", limit=limit, offset=offset)


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
) -> None:
    """Figures: how many, with bounds and approximation, and whose."""
    if series:  # --actor takes a name or a country code here
        return _ledger_view(db, as_json, "figure_series", given, "with --series")
    _query(db, "figures", as_json, given, "without --series", limit=limit, offset=offset)


@app.command()
@filter_options("actors")
def actors(given: dict, db: Db = "ledger.db", as_json: Json = False, limit: Limit = 50, offset: Offset = 0) -> None:
    """Actors across the ledger, with how often they appear."""
    _query(db, "actors", as_json, given, "", limit=limit, offset=offset)


@app.command()
@filter_options("articles")
def articles(given: dict, db: Db = "ledger.db", as_json: Json = False, limit: Limit = 50, offset: Offset = 0) -> None:
    """Articles in the ledger."""
    _query(db, "articles", as_json, given, "", limit=limit, offset=offset)


@app.command()
def stats(db: Db = "ledger.db", as_json: Json = False) -> None:
    """Counts per record kind and the outcome of the last ingest."""
    with _open(db) as ledger:
        data = ledger.stats()
    if as_json:
        out.print_json(data=data)
    else:
        render.stats(out, data)


@app.command()
def export(
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
) -> None:
    """Export the ledger: whole results as JSON Lines, one record kind as CSV, Parquet or GeoJSON,
    merged events as ACLED CSV rows, events as PLOVER records."""
    from .export import FORMATS

    if fmt not in FORMATS:
        raise _fail(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt == "parquet" and output is None:
        raise _fail("--format parquet needs --output FILE")
    from .cli_extract import output_problem

    if output is not None and (problem := output_problem(output)):
        raise _fail(problem)
    with _open(db) as ledger:
        try:
            n = ledger.export(fmt, output if output else sys.stdout, kind=kind)
        except (UsageError, ValueError) as e:
            raise _fail(str(e)) from e
        except OSError as e:  # e.g. no permission, disk full: a message, not a traceback
            raise _fail(f"cannot write {output or 'stdout'}: {e.strerror or e}") from e
    what = {"jsonl": "articles", "acled": "merged events", "plover": "events"}.get(fmt, kind)
    err.print(f"exported {n} {what} to {output or 'stdout'}")


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
    `argv`: the arguments (default: the command line); exits like the command does."""
    try:
        app(args=argv, prog_name="newsledger")
    except NewsledgerError as e:
        err.print(Text.assemble(("error: ", "red"), str(e)), soft_wrap=True)
        sys.exit(2)
