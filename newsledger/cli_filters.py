"""The query commands' filter options, built from the filter table (newsledger.store.filters).

@filter_options("events", "merged_events") gives a command one option per filter of those kinds
(in a "Filters" help panel) and calls it with `given`: the options given, by filter name.
read_options(kind, given, context) reads them for one kind; a bad value or an option the kind does
not have is a UsageError naming the option (the command exits 2).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any

import typer

from .errors import UsageError
from .store import filters as table
from .store.filtering import Count, Flag
from .store.filters import Filter, FilterError, Filters, of_kind, read

PANEL = "Filters"
Sort = Annotated[
    str | None,
    typer.Option(
        "--sort",
        metavar="KEY",
        help="Order by this key (e.g. type, published, outlet; -type for descending); see the API's sort keys.",
        rich_help_panel=PANEL,
    ),
]


def _option(f: Filter) -> Any:
    """The Typer annotation of one filter's option."""
    r = f.read_as
    if isinstance(r, Flag):
        return Annotated[bool, typer.Option(f.cli_option, help=f.help, rich_help_panel=PANEL)]
    if isinstance(r, Count):
        return Annotated[
            int | None,
            typer.Option(
                f.cli_option, help=f.help, metavar=r.metavar, min=r.minimum, max=r.maximum, rich_help_panel=PANEL
            ),
        ]
    return Annotated[str | None, typer.Option(f.cli_option, help=f.help, metavar=r.metavar, rich_help_panel=PANEL)]


def filter_options(*kinds: str) -> Callable[[Callable], Callable]:
    """Decorator: the command's own parameters, minus `given`, plus one option per filter of `kinds`."""
    rows = of_kind(*kinds)

    def wrap(command: Callable) -> Callable:
        own = inspect.signature(command, eval_str=True)
        params = [p for p in own.parameters.values() if p.name != "given"]
        params += [
            inspect.Parameter(
                f.name,
                inspect.Parameter.KEYWORD_ONLY,
                annotation=_option(f),
                default=False if isinstance(f.read_as, Flag) else None,
            )
            for f in rows
        ]

        @functools.wraps(command)
        def shell(**kwargs: Any) -> Any:
            given = {f.name: kwargs.pop(f.name) for f in rows}
            # An option not given (None) or a flag not set is no filter: the Store's defaults apply.
            return command(given={k: v for k, v in given.items() if v is not None and v is not False}, **kwargs)

        shell.__signature__ = own.replace(parameters=params)  # type: ignore[attr-defined]
        shell.__annotations__ = {p.name: p.annotation for p in params}
        return shell

    return wrap


def read_options(kind: str, given: dict, context: str = "") -> Filters:
    """The filters of `kind` among the options given; UsageError naming the option when one cannot be used
    (`context` says when, e.g. "with --merged")."""
    accepted = {f.name for f in of_kind(kind)}
    stray = [f.cli_option for f in table.FILTERS if f.name in given and f.name not in accepted]
    if stray:
        raise UsageError(f"{', '.join(stray)} cannot be used {context or 'here'}")
    try:
        return read(kind, given)
    except FilterError as e:
        option = next(f.cli_option for f in table.FILTERS if f.name == e.name)
        raise UsageError(f"{option} {e.value!r}: {e.reason}") from None
