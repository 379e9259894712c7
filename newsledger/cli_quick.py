"""The console entry point. Two commands whose start-up is their cost run here without loading
Typer (with pydantic; about 0.25 s): `newsledger stats` on a SQLite ledger, also without SQLAlchemy,
and `newsledger extract`. Every other command line, and any form of these two this does not read
(--help, an option it does not know, a URL, a ledger to create or migrate), goes to the Typer app
in newsledger.cli, which reads it as always. Both run the same code as their Typer commands."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else list(argv)
    code = run(args)
    if code is not None:
        sys.exit(code)
    from .cli import run_typer

    run_typer(args)


def run(args: list[str]) -> int | None:
    """The exit code of a command answered here, or None for the Typer app to answer."""
    if args and args[0] == "extract":
        return _extract(args[1:])
    given = _stats_options(args)
    if given is None:
        return None
    db, as_json = given
    from .store import lite

    data = lite.stats(db)
    if data is None:
        return None
    from . import render

    _, out = render.consoles()
    if as_json:
        out.print_json(data=data)
    else:
        render.stats(out, data)
    return 0


def _stats_options(args: list[str]) -> tuple[str, bool] | None:
    """(--db, --json) of `stats [--db PATH] [--json]` as newsledger.cli_query.stats takes them
    (--db also from NEWSLEDGER_DB); None for anything else."""
    if not args or args[0] != "stats":
        return None
    db, as_json = os.environ.get("NEWSLEDGER_DB") or "ledger.db", False
    rest = iter(args[1:])
    for arg in rest:
        if arg == "--json":
            as_json = True
        elif arg == "--db":
            db = next(rest, "")
            if not db or db.startswith("-"):
                return None
        elif arg.startswith("--db="):
            db = arg.removeprefix("--db=")
        else:
            return None
    return db, as_json


# extract's options (newsledger.cli_ingest.extract): option -> its parameter
_EXTRACT_OPTIONS = {"--published": "published", "--model": "model", "--output": "output", "-o": "output"}


def _extract(args: list[str]) -> int | None:
    given = _extract_options(args)
    if given is None:
        return None
    from pathlib import Path

    from . import render
    from .cli_extract import run_extract
    from .errors import NewsledgerError

    err, _ = render.consoles()
    output = given["output"]
    try:
        return run_extract(
            given["paths"] or None, given["published"], given["model"], Path(output) if output else None, err
        )
    except NewsledgerError as e:  # as newsledger.cli.run_typer reports one
        render.error(err, str(e))
        return 2


def _extract_options(args: list[str]) -> dict | None:
    """extract's arguments and options as its Typer command takes them: `[PATH ...]`, `--published D`,
    `--model M`, `--output/-o F` (also `--name=value`); None for anything else."""
    given: dict = {"paths": [], "published": None, "model": None, "output": None}
    rest = iter(args)
    for arg in rest:
        if arg == "-" or not arg.startswith("-"):
            given["paths"].append(arg)
            continue
        name, eq, value = arg.partition("=")
        if name not in _EXTRACT_OPTIONS or (eq and name == "-o"):
            return None  # --help, --, an unknown option: Typer says what it makes of them
        if not eq:
            following = next(rest, None)
            if following is None or (following.startswith("-") and following != "-"):
                return None
            value = following
        given[_EXTRACT_OPTIONS[name]] = value
    return given
