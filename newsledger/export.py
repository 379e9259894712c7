"""Write the ledger out: jsonl (one ArticleResult per line), csv, parquet, geojson (rows of one
kind), acled (one ACLED row per merged event, export_acled.py), plover (one PLOVER event record
per event, export_plover.py).

export(store, fmt, out, kind=..., **filters): filters are those of the Store query for
`kind` (for jsonl: article, text, outlet, since, until; for acled: type, country, since, until,
min_reports; for plover: the jsonl filters and type, mode). Returns rows/objects written.
Parquet keeps spans and ACLED codings as Arrow structs, id lists as lists, dates as dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from .errors import UsageError
from .store import Store
from .store.queries import QUERIES, columns

FORMATS = ("jsonl", "csv", "parquet", "geojson", "acled", "plover")
KINDS = tuple(QUERIES)  # events, statements, figures, actors, places, times, articles
ARTICLE_EXTRA = ("author", "source", "kind", "text")  # Article fields an ArticleResult does not carry
_PARQUET_CHUNK = 10_000  # rows per row group: bounded memory on big ledgers


def export(store: Store, fmt: str, out: Path | str | TextIO, *, kind: str = "events", **filters) -> int:
    fmt = (fmt or "").lower().lstrip(".")
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt not in ("jsonl", "acled", "plover") and kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    filters = {k: v for k, v in filters.items() if v is not None}
    if fmt == "jsonl":
        return _jsonl(store, out, filters)
    if fmt == "csv":
        return _csv(store, out, kind, filters)
    if fmt == "parquet":
        return _parquet(store, out, kind, filters)
    if fmt == "acled":
        from .export_acled import write_acled

        with _text_out(out) as f:
            return write_acled(store, f, filters)
    if fmt == "plover":
        from .export_plover import write_plover

        with _text_out(out) as f:
            return write_plover(store, f, filters)
    return _geojson(store, out, kind, filters)


@contextmanager
def _text_out(out: Path | str | TextIO) -> Iterator[TextIO]:
    if isinstance(out, (str, os.PathLike)):
        with open(out, "w", encoding="utf-8", newline="") as f:
            yield f
    else:
        yield out


def _jsonl(store: Store, out, filters: dict) -> int:
    n = 0
    pairs = store.result_dicts(**filters)  # before opening `out`: a bad filter leaves no empty file
    with _text_out(out) as f:
        for article, obj in pairs:  # already in ArticleResult.to_dict() shape
            obj.update({k: article[k] for k in ARTICLE_EXTRA})
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
            n += 1
    return n


def flat_cell(value):
    """Lists and dicts become JSON text: one cell per value."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def _csv(store: Store, out, kind: str, filters: dict) -> int:
    n = 0
    rows = store.rows(kind, **filters)
    with _text_out(out) as f:
        writer = csv.DictWriter(f, fieldnames=columns(kind), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: flat_cell(v) for k, v in row.items()})
            n += 1
    return n


def _parquet(store: Store, out, kind: str, filters: dict) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if isinstance(out, io.TextIOBase):
        raise UsageError("parquet is binary: give a file path or a binary file, not a text stream")
    # Types come from the schema, not the data, so every file of one kind has the same schema.
    arrow = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string(), "json": pa.string()}
    nested = _arrow_nested(pa)
    types = columns(kind)
    fields = [
        (k, pa.date32() if k in DATE_COLUMNS else nested.get(k, arrow[t]) if t == "json" else arrow[t])
        for k, t in types.items()
    ]
    schema = pa.schema(fields)
    as_json = {k for k, t in fields if t == pa.string() and types[k] == "json"}  # no fixed shape: JSON text
    n = 0
    rows = store.rows(kind, **filters)
    with pq.ParquetWriter(out, schema) as writer:
        chunk: list[dict] = []
        for row in rows:
            chunk.append({k: _parquet_value(k, row.get(k), as_json) for k in types})
            if len(chunk) == _PARQUET_CHUNK:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                n, chunk = n + len(chunk), []
        if chunk or n == 0:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
    return n


DATE_COLUMNS = frozenset({"published", "first_published", "last_published"})


def _arrow_nested(pa) -> dict:
    """Arrow types of the nested columns whose shape the contract fixes."""
    span = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    ids = pa.list_(pa.string())
    acled = pa.struct(
        [
            ("event_type", pa.string()),
            ("sub_event_type", pa.string()),
            ("disorder_type", pa.string()),
            ("actor1", pa.string()),
            ("assoc_actor_1", pa.string()),
            ("inter1", pa.int64()),
            ("actor2", pa.string()),
            ("assoc_actor_2", pa.string()),
            ("inter2", pa.int64()),
            ("interaction", pa.int64()),
            ("civilian_targeting", pa.string()),
            ("fatalities", pa.int64()),
            ("geo_precision", pa.int64()),
            ("time_precision", pa.int64()),
            ("event_date", pa.date32()),
            ("source", pa.string()),
            ("notes", pa.string()),
        ]
    )
    return {
        "trigger": span,
        "cue": span,
        "content": span,
        "evidence": pa.list_(span),
        "source": pa.struct(
            [("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()), ("actor", pa.string())]
        ),
        "figures": ids,
        "co_actors": ids,
        "co_recipients": ids,
        "acled": acled,
    }


def _parquet_value(key: str, value, as_json: set[str]):
    if key in as_json:
        return flat_cell(value)
    if key in DATE_COLUMNS or key == "acled":
        return _dates(value)
    return value


def _dates(value):
    """ "YYYY-MM-DD" text (alone or as an ACLED event_date) -> a date, for Arrow's date32."""
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    if isinstance(value, dict) and "event_date" in value:
        return {**value, "event_date": _dates(value["event_date"])}
    return value


def _geojson(store: Store, out, kind: str, filters: dict) -> int:
    """Events (at their place) or aggregated places as a FeatureCollection; rows without coordinates are left out."""
    lat_lon = {"events": ("place_lat", "place_lon"), "places": ("lat", "lon")}
    if kind not in lat_lon:
        raise UsageError("geojson export takes kind 'events' or 'places'")
    lat_key, lon_key = lat_lon[kind]
    rows = store.rows(kind, **filters)
    # flat properties (nested values as JSON text): QGIS and GDAL read one value per field
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row[lon_key], row[lat_key]]},
            "properties": {k: flat_cell(v) for k, v in row.items()},
        }
        for row in rows
        if row[lat_key] is not None and row[lon_key] is not None
    ]
    with _text_out(out) as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False)
    return len(features)
