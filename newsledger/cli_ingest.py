"""The commands that read articles in: ingest, load (Parquet shards) and extract (JSON Lines in/out)."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer

from . import render
from .cli_app import AllowPrivate, Db, Model, Published, _fail, _open, _report_input_error, app, err
from .cli_private import AllowPrivateCommand, rules
from .errors import ModelNotFound, UsageError
from .nlp.extractor import Extractor


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
    from .cli_extract import run_extract

    raise typer.Exit(run_extract(paths, published, model, output, err))
