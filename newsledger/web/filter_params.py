"""The web's filter query parameters and filter forms, built from the filter table (newsledger.store.filters).

query_filters(kind) is a FastAPI dependency with one query parameter per filter of the kind (so the
OpenAPI document lists them), which reads them into a Filters value: a value that cannot be used is a
FilterError, answered 400 (JSON for the API, an HTML page for the pages). form_fields(kind) are the
fields of that kind's filter form on the pages.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query

from ..store.filtering import Code, Count, Flag
from ..store.filters import Filter, Filters, of_kind, read
from .limits import MAX_OFFSET, MAX_PARAM


def _param(f: Filter) -> Any:
    r = f.read_as
    if isinstance(r, Flag):
        return Annotated[bool, Query(description=f.help)]
    if isinstance(r, Count):
        return Annotated[int | None, Query(ge=r.minimum, le=min(r.maximum, MAX_OFFSET), description=f.help)]
    return Annotated[str | None, Query(max_length=getattr(r, "max_length", MAX_PARAM), description=f.help)]


def query_filters(kind: str) -> Callable[..., Filters]:
    """A dependency reading the filters of `kind` from the query string."""
    rows = of_kind(kind)
    defaults = {f.name: f.default for f in rows}

    def read_query(**given: Any) -> Filters:
        # A value equal to its default (include_duplicates=false) is left to the Store's default, and
        # so out of the links the pages build from the filters given.
        return read(kind, {k: v for k, v in given.items() if v is not None and v != defaults[k]})

    read_query.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=_param(f))
            for f in rows
        ]
    )
    return read_query


@dataclass(frozen=True)
class Field:
    """One field of a filter form."""

    name: str
    label: str
    input: str  # text, select, checkbox or number
    help: str
    placeholder: str = ""
    choices: tuple[str, ...] = ()
    maxlength: int = MAX_PARAM
    size: int | None = None
    minimum: int = 0


def form_fields(kind: str) -> list[Field]:
    """The form fields of the filters of `kind` shown on the pages, in table order."""
    out = []
    for f in of_kind(kind):
        if not f.form:
            continue
        r, label = f.read_as, f.name.replace("_", " ")
        if isinstance(r, Flag):
            out.append(Field(f.name, label, "checkbox", f.help))
        elif isinstance(r, Count):
            out.append(Field(f.name, label, "number", f.help, minimum=r.minimum))
        elif isinstance(r, Code) and r.choices:
            out.append(Field(f.name, label, "select", f.help, choices=r.choices))
        else:
            dated = r.metavar == "YYYY-MM-DD"
            out.append(
                Field(
                    f.name,
                    label,
                    "text",
                    f.help,
                    placeholder=f.example or (r.metavar if dated else ""),
                    maxlength=getattr(r, "max_length", MAX_PARAM),
                    size=10 if dated else 6 if r.metavar == "CODE" else None,
                )
            )
    return out
