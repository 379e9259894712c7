"""What every `newsledger` command shares: the Typer app, the consoles, the common options and
the helpers that open the ledger and report errors (the commands live in cli*.py modules)."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import typer

from . import render
from .api import Ledger
from .cli_private import HELP, OPTION
from .errors import InputError, StoreError
from .nlp.extractor import Extractor

app = typer.Typer(
    help="Turn news articles into a source-attributed ledger.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err, out = render.consoles()

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
    render.error(err, message)
    return typer.Exit(code)


def _open(db: str, model: str | None = None) -> Ledger:
    # One Extractor per process (Extractor.shared), built only when something is extracted:
    # query commands never load spaCy, and commands run in-process load the model once.
    try:
        return Ledger(db, model=model, extractor=partial(Extractor.shared, model))
    except StoreError as e:
        raise _fail(str(e)) from e


def _report_input_error(e: InputError) -> None:
    render.skipped(err, e)
