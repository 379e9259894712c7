"""Write the ledger out: jsonl (one ArticleResult per line), csv, parquet, geojson (rows of one kind).

export(store, fmt, out, kind=..., **filters): filters are those of the Store query for
`kind` (for jsonl: article, text, outlet, since, until). Returns rows/objects written.
"""
from __future__ import annotations

import csv
import io
import json
import os
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator, TextIO

from .errors import UsageError
from .store import Store
from .store.queries import QUERIES, columns

FORMATS = ("jsonl", "csv", "parquet", "geojson")
KINDS = tuple(QUERIES)                      # events, statements, figures, actors, places, times, articles
ARTICLE_EXTRA = ("author", "source", "kind", "text")   # Article fields an ArticleResult does not carry
_PARQUET_CHUNK = 10_000                                 # rows per row group: bounded memory on big ledgers


def export(store: Store, fmt: str, out: Path | str | TextIO, *, kind: str = "events", **filters) -> int:
    fmt = (fmt or "").lower().lstrip(".")
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt != "jsonl" and kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    filters = {k: v for k, v in filters.items() if v is not None}
    if fmt == "jsonl":
        return _jsonl(store, out, filters)
    if fmt == "csv":
        return _csv(store, out, kind, filters)
    if fmt == "parquet":
        return _parquet(store, out, kind, filters)
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
    pairs = store.result_dicts(**filters)          # before opening `out`: a bad filter leaves no empty file
    with _text_out(out) as f:
        for article, obj in pairs:                  # already in ArticleResult.to_dict() shape
            obj.update({k: article[k] for k in ARTICLE_EXTRA})
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
            n += 1
    return n


def _flat(value):
    """Lists and dicts become JSON text: one cell per value."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def _csv(store: Store, out, kind: str, filters: dict) -> int:
    n = 0
    rows = store.rows(kind, **filters)
    with _text_out(out) as f:
        writer = csv.DictWriter(f, fieldnames=columns(kind), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _flat(v) for k, v in row.items()})
            n += 1
    return n


def _parquet(store: Store, out, kind: str, filters: dict) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if isinstance(out, io.TextIOBase):
        raise UsageError("parquet is binary: give a file path or a binary file, not a text stream")
    # Types come from the schema, not the data, so every file of one kind has the same schema.
    arrow = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string(), "json": pa.string()}
    types = columns(kind)
    schema = pa.schema([(k, arrow[t]) for k, t in types.items()])
    n = 0
    rows = store.rows(kind, **filters)
    with pq.ParquetWriter(out, schema) as writer:
        chunk: list[dict] = []
        for row in rows:
            chunk.append({k: _flat(row.get(k)) for k in types})
            if len(chunk) == _PARQUET_CHUNK:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                n, chunk = n + len(chunk), []
        if chunk or n == 0:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
    return n


def _geojson(store: Store, out, kind: str, filters: dict) -> int:
    """Events (at their place) or aggregated places as a FeatureCollection; rows without coordinates are left out."""
    lat_lon = {"events": ("place_lat", "place_lon"), "places": ("lat", "lon")}
    if kind not in lat_lon:
        raise UsageError("geojson export takes kind 'events' or 'places'")
    lat_key, lon_key = lat_lon[kind]
    rows = store.rows(kind, **filters)
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [row[lon_key], row[lat_key]]},
                 "properties": row}
                for row in rows if row[lat_key] is not None and row[lon_key] is not None]
    with _text_out(out) as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False)
    return len(features)
