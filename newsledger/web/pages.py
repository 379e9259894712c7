"""HTML pages: Jinja2 templates with autoescape; data from the same Store queries as the API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..store.filters import Filters
from . import chart, highlight, merged, series, worldmap
from .api import QUERY_FILTERS, find_event, load_article, run_search, store
from .filter_params import form_fields
from .limits import DEFAULT_LIMIT, MAP_ROWS, MAX_LIMIT, MAX_OFFSET, MAX_PARAM

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
)
templates = Jinja2Templates(env=_env)
router = APIRouter(include_in_schema=False)

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Id = Annotated[str, PathParam(max_length=MAX_PARAM)]


def safe_url(url: str | None) -> str | None:
    """Only http(s) links become hrefs: a javascript: or data: URL from a source stays text."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


def query_string(params: dict, **changes) -> str:
    kept = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return "?" + urlencode(kept) if kept else ""


_env.globals.update(safe_url=safe_url, query_string=query_string, form_fields=form_fields)


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, message=message)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, s=Depends(store)):
    series = chart.monthly(s.rows("articles"))
    return render(
        request,
        "overview.html",
        stats=s.stats(),
        events=s.events(limit=10),
        actors=s.actors(limit=10),
        places=s.places(limit=10),
        chart=chart.bars(series),
    )


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    s=Depends(store),
    f: Filters = Depends(QUERY_FILTERS["events"]),
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
):
    rows = s.events(f, limit=limit, offset=offset)
    return render(
        request,
        "events.html",
        rows=rows,
        filters=f,
        limit=limit,
        offset=offset,
        heading="Events",
        base="/events",
        params=f.given,
        form=True,
    )


@router.get("/events/{article_id}/{event_id}", response_class=HTMLResponse)
def event(request: Request, article_id: Id, event_id: Id, s=Depends(store)):
    row = find_event(s, article_id, event_id)
    data = load_article(s, article_id)
    result = data["result"]
    statement = next((x for x in result["statements"] if x["id"] == row["statement"]), None)
    figures = [f for f in result["figures"] if f["id"] in (row["figures"] or [])]
    segs = highlight.segments(data["article"]["text"], highlight.event_marks(row, result))
    return render(
        request,
        "event.html",
        e=row,
        article=data["article"],
        statement=statement,
        figures=figures,
        segments=segs,
        merged=merged.merged_of(s, article_id, event_id),
    )


@router.get("/merged-events", response_class=HTMLResponse)
def merged_events(
    request: Request,
    f: Filters = Depends(QUERY_FILTERS["merged_events"]),
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
):
    rows = request.app.state.ledger.merged_events(f, limit=limit, offset=offset)
    return render(request, "merged_events.html", rows=rows, filters=f, params=f.given, limit=limit, offset=offset)


@router.get("/merged-events/{merged_id}", response_class=HTMLResponse)
def merged_event(request: Request, merged_id: Annotated[int, PathParam(ge=1, le=2**31 - 1)], s=Depends(store)):
    m = merged.load_merged(s, merged_id)
    return render(request, "merged_event.html", m=m, reports=list(zip(m["report_list"], merged.excerpts(s, m))))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: Id, s=Depends(store)):
    data = load_article(s, article_id)
    result = data["result"]
    segs = highlight.segments(data["article"]["text"], highlight.article_marks(result))
    names = {a["id"]: a["name"] for a in result["actors"]}
    return render(request, "article.html", article=data["article"], r=result, segments=segs, names=names)


@router.get("/actor", response_class=HTMLResponse)
def actor(
    request: Request,
    name: Annotated[str, Query(min_length=1, max_length=MAX_PARAM)],
    s=Depends(store),
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
):
    filters = dict(actor=name)
    return render(
        request,
        "events.html",
        rows=s.events(**filters, limit=limit, offset=offset),
        filters=filters,
        limit=limit,
        offset=offset,
        heading=f"Events involving {name}",
        figures=s.figures(actor=name, limit=MAX_LIMIT),
        base="/actor",
        params={"name": name},
    )


@router.get("/place", response_class=HTMLResponse)
def place(
    request: Request,
    name: Annotated[str, Query(min_length=1, max_length=MAX_PARAM)],
    s=Depends(store),
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
):
    filters = dict(place=name)
    return render(
        request,
        "events.html",
        rows=s.events(**filters, limit=limit, offset=offset),
        filters=filters,
        limit=limit,
        offset=offset,
        heading=f"Events at {name}",
        base="/place",
        params={"name": name},
    )


@router.get("/figures/series", response_class=HTMLResponse)
def figure_series(request: Request, f: Filters = Depends(QUERY_FILTERS["figure_series"])):
    # The same series as `newsledger figures --series` and /api/figures/series, drawn per claimed origin.
    groups = series.from_ledger(request.app.state.ledger.figure_series(f)) if f.values else []
    return render(request, "series.html", filters=f, groups=groups, plot=series.plot(groups), truncated=False)


@router.get("/map", response_class=HTMLResponse)
def event_map(request: Request, s=Depends(store), f: Filters = Depends(QUERY_FILTERS["events"])):
    rows = s.events(f, limit=MAP_ROWS)
    return render(
        request,
        "map.html",
        filters=f,
        dots=worldmap.dots(rows),
        land=worldmap.land_path(),
        truncated=len(rows) == MAP_ROWS,
    )


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, s=Depends(store), q: Annotated[str, Query(max_length=MAX_PARAM)] = ""):
    found = run_search(s, q, 20) if q.strip() else None
    return render(request, "search.html", q=q, found=found)


def _list_page(kind: str) -> None:
    """The page of one record kind: its rows and the filter form of its kind (store.filters)."""

    def page(
        request: Request,
        s=Depends(store),
        f: Filters = Depends(QUERY_FILTERS[kind]),
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = 0,
    ):
        rows = getattr(s, kind)(f, limit=limit, offset=offset)
        return render(request, f"{kind}.html", rows=rows, filters=f, limit=limit, offset=offset)

    router.add_api_route(f"/{kind}", page, methods=["GET"], response_class=HTMLResponse, name=kind)


for _kind in ("articles", "actors", "places", "figures"):
    _list_page(_kind)
