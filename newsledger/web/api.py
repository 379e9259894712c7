"""JSON API routes: thin wrappers over the Store query methods, with validated filters and paging."""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse

from ..export import flat_cell
from ..store.filters import Filters
from ..store.listing import FACETS, SORTS
from ..store.queries import columns
from .filter_params import query_filters
from .limits import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, MAX_PARAM, SERIES_FIGURES

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"rows per page, at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
# The filters of each kind, as query parameters (the table in newsledger.store.filters).
QUERY_FILTERS = {
    kind: query_filters(kind)
    for kind in ("articles", "events", "statements", "figures", "actors", "places", "merged_events", "figure_series")
}


def store(request: Request):
    return request.app.state.ledger.store


def paged(rows: list[dict], limit: int, offset: int, total: int | None = None) -> dict:
    return {
        "items": rows,
        "count": len(rows),
        "total": total,  # rows of the whole filtered list
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if len(rows) == limit and (total is None or offset + limit < total) else None,
    }


# The list routes, one per kind: (path, summary). Each takes the kind's filters, sort, facets and format.
LISTS = {
    "articles": ("/articles", "Articles (without their text), newest first"),
    "events": ("/events", "Events (PLOVER type, mode, actor, recipient, place, time, who says so)"),
    "merged_events": ("/merged-events", "Merged events: one row per real-world event, with every report of it"),
    "statements": ("/statements", "Statements: who says what, how sure"),
    "figures": ("/figures", "Figures: how many, of what, according to whom"),
    "actors": ("/actors", "Actors aggregated across articles"),
    "places": ("/places", "Places aggregated across articles"),
}


def _list_route(kind: str) -> None:
    path, summary = LISTS[kind]
    sorts, facets = ", ".join(SORTS[kind]), ", ".join(FACETS[kind])

    def route(
        request: Request,
        f: Filters = Depends(QUERY_FILTERS[kind]),
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = 0,
        sort: str | None = None,
        facets: str | None = None,
        format: Annotated[
            Literal["json", "csv", "jsonl"],
            Query(description="json: one page; csv or jsonl: every row of the filtered list, as a download."),
        ] = "json",
    ):
        ledger = request.app.state.ledger
        if format != "json":
            return download(kind, ledger, f, sort, format)
        rows = (
            ledger.merged_events(f, limit=limit, offset=offset, sort=sort)
            if kind == "merged_events"
            else (getattr(ledger.store, kind)(f, limit=limit, offset=offset, sort=sort))
        )
        out = paged(rows, limit, offset, ledger.store.count(kind, f))
        out["sort"] = sort or None
        if facets:
            out["facets"] = ledger.store.facets(kind, f, fields=facets)
        return out

    # Set here, not in the signature: their descriptions name the kind's sorts and facets.
    route.__annotations__["sort"] = Annotated[
        str | None, Query(max_length=40, description=f"Order by one of: {sorts}; -name for descending.")
    ]
    route.__annotations__["facets"] = Annotated[
        str | None,
        Query(max_length=MAX_PARAM, description=f"Count the values of these (comma-separated, or all): {facets}."),
    ]
    router.add_api_route(path, route, methods=["GET"], summary=summary, name=f"api_{kind}")


for _kind in LISTS:
    _list_route(_kind)


def download(kind: str, ledger, f: Filters, sort: str | None, format: str) -> StreamingResponse:
    """Every row of the filtered list (the same filters and defaults as its pages), streamed as CSV or JSON Lines."""
    if kind == "merged_events":
        rows: Iterator[dict] = iter(ledger.merged_events(f, limit=None, sort=sort))
        header = list(MERGED_COLUMNS)
    else:
        rows = ledger.store.listed(kind, f, sort=sort)  # a bad sort: a 400 now, before the response starts
        header = list(columns(kind))
    name = f"{kind.replace('_', '-')}.{format}"
    media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson"
    body = csv_lines(rows, header) if format == "csv" else (json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return StreamingResponse(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


def csv_lines(rows: Iterator[dict], header: list[str]) -> Iterator[str]:
    """CSV text, a chunk of rows at a time; lists and dicts as JSON text in one cell (as `export --format csv`)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    for i, row in enumerate(rows, 1):
        writer.writerow({k: flat_cell(v) for k, v in row.items()})
        if i % 500 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


# The columns of a merged-events download: the list's row keys (report_list as JSON text).
MERGED_COLUMNS = (
    "id",
    "type",
    "mode",
    "actor_country",
    "recipient_country",
    "place",
    "lat",
    "lon",
    "first_date",
    "last_date",
    "first_reported",
    "last_reported",
    "reports",
    "mentions",
    "articles",
    "outlets",
    "outlet_names",
    "independent_sources",
    "origins",
    "report_list",
)


@router.get("/articles/{article_id}", summary="One article: its text and every record (the JSON contract)")
def article(article_id: Annotated[str, Path(max_length=MAX_PARAM)], s=Depends(store)) -> dict:
    return load_article(s, article_id)


def load_article(s, article_id: str) -> dict:
    if len(article_id) > MAX_PARAM:
        raise HTTPException(404, f"no article {article_id[:40]!r}...")
    pairs = list(s.result_dicts(article=article_id))
    if not pairs:
        raise HTTPException(404, f"no article with id {article_id!r} in this ledger")
    art, result = pairs[0]
    return {"article": art, "result": result}


@router.get("/events/{article_id}/{event_id}", summary="One event, with its article's title")
def event(
    article_id: Annotated[str, Path(max_length=MAX_PARAM)],
    event_id: Annotated[str, Path(max_length=MAX_PARAM)],
    s=Depends(store),
) -> dict:
    return find_event(s, article_id, event_id)


def find_event(s, article_id: str, event_id: str) -> dict:
    if len(article_id) <= MAX_PARAM:
        # An article linked as a copy of another still has its own event pages.
        for row in s.events(article=article_id, limit=None, include_duplicates=True):
            if row["id"] == event_id:
                return row
    raise HTTPException(404, f"no event {event_id[:40]!r} in article {article_id[:40]!r}")


@router.get(
    "/merged-events/{merged_id}",
    summary="One merged event: every report (article, outlet, date, source, evidence, why merged), relays",
)
def merged_event(merged_id: Annotated[int, Path(ge=1, le=2**31 - 1)], s=Depends(store)) -> dict:
    from .merged import load_merged

    return load_merged(s, merged_id)


@router.get("/figures/series", summary="Figures grouped by who reports them, ordered by date (for plotting)")
def figure_series(request: Request, f: Filters = Depends(QUERY_FILTERS["figure_series"])) -> dict:
    # The same series as `newsledger figures --series` and the series page (newsledger.ledger.series).
    found, truncated = request.app.state.ledger.newest_figure_series(SERIES_FIGURES, f)
    return {"series": found, "truncated": truncated}


@router.get("/search", summary="Text search over articles, events, statements, figures, actors and places")
def search(
    q: Annotated[str, Query(min_length=1, max_length=MAX_PARAM)],
    s=Depends(store),
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict:
    return run_search(s, q, limit)


def run_search(s, q: str, limit: int) -> dict:
    return {
        "query": q,
        "articles": s.articles(text=q, limit=limit),
        "events": s.events(text=q, limit=limit),
        "statements": s.statements(text=q, limit=limit),
        "figures": s.figures(text=q, limit=limit),
        "actors": s.actors(name=q, limit=limit),
        "places": s.places(name=q, limit=limit),
    }


@router.get("/stats", summary="Counts per record kind and the last ingest run")
def stats(s=Depends(store)) -> dict:
    return s.stats()


_ingest_lock = threading.Lock()  # one extraction at a time: the pipeline is large and not shared-safe


@router.post(
    "/ingest",
    summary="Add articles (JSON Lines body); only when the server was started with a token",
    responses={401: {"description": "missing or wrong token"}, 403: {"description": "ingest disabled"}},
)
async def ingest(request: Request, authorization: Annotated[str | None, Header(max_length=MAX_PARAM)] = None) -> dict:
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "ingest is disabled: start the server with --token (or NEWSLEDGER_TOKEN)")
    import hmac

    given = (authorization or "").removeprefix("Bearer ").strip() if (authorization or "").startswith("Bearer ") else ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "send the server's token as 'Authorization: Bearer TOKEN'")
    body = await request.body()
    if not body.strip():
        raise HTTPException(400, "the body is empty: send JSON Lines, one article object per line")
    ledger = request.app.state.ledger

    def run():
        with _ingest_lock:
            return ledger.ingest(["-"], stdin=io.BytesIO(body))

    from starlette.concurrency import run_in_threadpool

    summary = await run_in_threadpool(run)
    return summary.to_dict()
