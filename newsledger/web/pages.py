"""HTML pages: Jinja2 templates with autoescape; data from the same Store queries as the API.

The list pages (this module) sort, count, facet and download through newsledger.web.lists; the
pages of one record (an event, an article, a merged event) are in record_pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..store.filters import Filters, read
from . import chart, lists, series, worldmap
from .api import QUERY_FILTERS, run_search, store
from .filter_params import form_fields
from .humantime import human
from .limits import DEFAULT_LIMIT, MAP_ROWS, MAX_LIMIT, MAX_OFFSET, MAX_PARAM, SERIES_FIGURES
from .links import query_string, safe_url

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
)
templates = Jinja2Templates(env=_env)
router = APIRouter(include_in_schema=False)

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Sort = Annotated[str | None, Query(max_length=40)]

_env.globals.update(
    safe_url=safe_url,
    query_string=query_string,
    form_fields=form_fields,
    human_time=human,
    default_limit=DEFAULT_LIMIT,
)


def render(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, message=message)


def described(heading: str, listing: dict) -> str:
    """A page title naming the filters and the page: each view of a list has its own title."""
    shown = [f"{k.replace('_', ' ')} {v}" for k, v in listing["params"].items() if k != "sort"]
    page = listing["offset"] // max(listing["limit"], 1) + 1
    return heading + (": " + ", ".join(shown) if shown else "") + (f" (page {page})" if page > 1 else "")


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, s=Depends(store)):
    return render(
        request,
        "overview.html",
        stats=s.stats(),
        events=s.events(limit=10),
        actors=s.actors(limit=10),
        places=s.places(limit=10),
        chart=chart.bars(s.monthly()),
    )


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    s=Depends(store),
    f: Filters = Depends(QUERY_FILTERS["events"]),
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    sort: Sort = None,
):
    rows = s.events(f, limit=limit, offset=offset, sort=sort)
    listing = lists.listing(request, "events", "/events", f, len(rows), limit, offset, sort)
    return render(
        request,
        "events.html",
        rows=rows,
        filters=f,
        listing=listing,
        fields=lists.fields("events", listing["raw_facets"]),
        title=described("Events", listing),
    )


@router.get("/merged-events", response_class=HTMLResponse)
def merged_events(
    request: Request,
    f: Filters = Depends(QUERY_FILTERS["merged_events"]),
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    sort: Sort = None,
):
    rows = request.app.state.ledger.merged_events(f, limit=limit, offset=offset, sort=sort)
    listing = lists.listing(request, "merged_events", "/merged-events", f, len(rows), limit, offset, sort)
    return render(
        request,
        "merged_events.html",
        rows=rows,
        filters=f,
        listing=listing,
        fields=lists.fields("merged_events", listing["raw_facets"]),
        title=described("Merged events", listing),
    )


@router.get("/actor", response_class=HTMLResponse)
def actor(
    request: Request,
    name: Annotated[str, Query(min_length=1, max_length=MAX_PARAM)],
    s=Depends(store),
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
):
    rows = s.events(actor=name, limit=limit, offset=offset)
    return render(
        request,
        "actor.html",
        rows=rows,
        name=name,
        total=lists.capped_total(s, "events", read("events", actor=name), request.app.state.count_cap),
        limit=limit,
        offset=offset,
        figures=s.figures(actor=name, limit=MAX_LIMIT),
    )


@router.get("/place", response_class=HTMLResponse)
def place(
    request: Request,
    name: Annotated[str, Query(min_length=1, max_length=MAX_PARAM)],
    s=Depends(store),
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
):
    rows = s.events(place=name, limit=limit, offset=offset)
    return render(
        request,
        "place.html",
        rows=rows,
        name=name,
        total=lists.capped_total(s, "events", read("events", place=name), request.app.state.count_cap),
        limit=limit,
        offset=offset,
    )


@router.get("/figures/series", response_class=HTMLResponse)
def figure_series(request: Request, f: Filters = Depends(QUERY_FILTERS["figure_series"])):
    # The same series as `newsledger figures --series` and /api/figures/series, drawn per claimed origin.
    found, truncated = request.app.state.ledger.newest_figure_series(SERIES_FIGURES, f) if f.values else ([], False)
    groups = series.from_ledger(found)
    shown = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in f.given.items())
    return render(
        request,
        "series.html",
        filters=f,
        groups=groups,
        plot=series.plot(groups),
        truncated=truncated,
        fields=lists.fields("figure_series"),
        title="Figure series" + (f": {shown}" if shown else ""),
    )


@router.get("/map", response_class=HTMLResponse)
def event_map(request: Request, s=Depends(store), f: Filters = Depends(QUERY_FILTERS["events"])):
    rows = s.events(f, limit=MAP_ROWS)
    shown = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in f.given.items())
    return render(
        request,
        "map.html",
        filters=f,
        dots=worldmap.dots(rows),
        land=worldmap.land_path(),
        truncated=len(rows) == MAP_ROWS,
        fields=lists.fields("events"),
        title="Map of event places" + (f": {shown}" if shown else ""),
    )


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, s=Depends(store), q: Annotated[str, Query(max_length=MAX_PARAM)] = ""):
    found = run_search(s, q, 20) if q.strip() else None
    return render(request, "search.html", q=q, found=found)


def _list_page(kind: str, heading: str) -> None:
    """The page of one record kind: its rows, total, facets, downloads and the filter form of its kind."""

    def page(
        request: Request,
        s=Depends(store),
        f: Filters = Depends(QUERY_FILTERS[kind]),
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = 0,
        sort: Sort = None,
    ):
        rows = getattr(s, kind)(f, limit=limit, offset=offset, sort=sort)
        listing = lists.listing(request, kind, f"/{kind}", f, len(rows), limit, offset, sort)
        return render(
            request,
            f"{kind}.html",
            rows=rows,
            filters=f,
            listing=listing,
            fields=lists.fields(kind, listing["raw_facets"]),
            title=described(heading, listing),
        )

    router.add_api_route(f"/{kind}", page, methods=["GET"], response_class=HTMLResponse, name=kind)


for _kind, _heading in (("articles", "Articles"), ("actors", "Actors"), ("places", "Places"), ("figures", "Figures")):
    _list_page(_kind, _heading)
