"""The console entry point. `newsledger stats` on a SQLite ledger is answered here, without
loading Typer (with pydantic) or SQLAlchemy, which take longer to import than the answer takes;
every other command line, and any form of `stats` this does not read (--help, a URL, a ledger
to create or migrate), goes to the Typer app in newsledger.cli, which reads it as always."""

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
