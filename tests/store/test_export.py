"""export(): jsonl round-trips ArticleResult; csv, parquet and geojson carry the query rows."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from newsledger.errors import UsageError
from newsledger.export import KINDS, export
from newsledger.records import ArticleResult
from tests.store import samples


@pytest.fixture
def filled(store):
    store.add(samples.all_pairs())
    return store


def test_jsonl_round_trips_through_article_result(filled, tmp_path):
    out = tmp_path / "ledger.jsonl"
    assert export(filled, "jsonl", out) == 3
    originals = {a.id: (a, r) for a, r in samples.all_pairs()}
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    for line in lines:
        obj = json.loads(line)
        article, result = originals[obj["id"]]
        assert ArticleResult.from_dict(obj) == result
        expected = result.to_dict()
        assert {k: obj[k] for k in expected} == expected  # the same contract shape, key for key
        assert (obj["author"], obj["source"], obj["kind"], obj["text"]) == (
            article.author,
            article.source,
            article.kind,
            article.text,
        )


def test_jsonl_to_a_stream_with_article_filters(filled):
    buf = io.StringIO()
    assert export(filled, "jsonl", buf, since="2024-06-01") == 1
    assert json.loads(buf.getvalue())["id"] == "art-talks"


def test_csv_has_one_row_per_record_with_json_cells(filled, tmp_path):
    out = tmp_path / "events.csv"
    assert export(filled, "csv", out, kind="events") == 6
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 6 and rows[0]["article_id"] == "art-talks"
    expected = filled.events(limit=None)
    for row, want in zip(rows, expected):
        assert json.loads(row["trigger"]) == want["trigger"]
        assert json.loads(row["figures"]) == want["figures"]
        assert row["actor_name"] == (want["actor_name"] or "")
    sighting_text = samples.sighting()[0].text
    trig = json.loads(rows[-1]["trigger"])
    assert sighting_text[trig["start"] : trig["end"]] == trig["text"] == "seen"  # emoji text: offsets intact


def test_csv_filters_and_empty_result_keeps_the_header(filled):
    buf = io.StringIO()
    assert export(filled, "csv", buf, kind="statements", certainty="denied") == 1
    assert len(list(csv.DictReader(io.StringIO(buf.getvalue())))) == 1
    buf = io.StringIO()
    assert export(filled, "csv", buf, kind="figures", about="no such thing") == 0
    header = buf.getvalue().splitlines()
    assert len(header) == 1 and header[0].startswith("id,start,end,text,value")


@pytest.mark.parametrize("kind", KINDS)
def test_parquet_every_kind_reads_back(filled, tmp_path, kind):
    out = tmp_path / f"{kind}.parquet"
    n = export(filled, "parquet", out, kind=kind)
    table = pq.read_table(out)
    rows = getattr(filled, kind)(limit=None)
    assert n == table.num_rows == len(rows) > 0
    assert table.column_names == list(rows[0])
    # an empty export of the same kind has the same schema (types come from the schema, not the data)
    empty = tmp_path / f"{kind}-empty.parquet"
    assert export(filled, "parquet", empty, kind=kind, since="2099") == 0
    assert pq.read_table(empty).schema == table.schema


def test_parquet_values(filled, tmp_path):
    out = tmp_path / "figures.parquet"
    export(filled, "parquet", out, kind="figures")
    rows = pq.read_table(out).to_pylist()
    by_text = {r["text"]: r for r in rows}
    assert by_text["At least 40 civilians"]["value"] == 40 and by_text["At least 40 civilians"]["bound"] == ">="
    assert by_text["200 drones"]["actor_country"] == "IRN"
    out = tmp_path / "statements.parquet"
    export(filled, "parquet", out, kind="statements", source="iran")
    (row,) = pq.read_table(out).to_pylist()
    assert row["cue"]["text"] == "denied" and row["direct"] is False  # spans stay structs


def test_geojson_events_at_their_places(filled, tmp_path):
    out = tmp_path / "events.geojson"
    assert export(filled, "geojson", out) == 3  # the events that have a place
    fc = json.loads(out.read_text(encoding="utf-8"))
    coords = {f["properties"]["place_name"]: f["geometry"]["coordinates"] for f in fc["features"]}
    assert coords == {"Kharkiv": [36.23, 49.99], "Geneva": [6.14, 46.2], "Goma": [29.22, -1.68]}


def test_bad_export_arguments(filled, tmp_path):
    with pytest.raises(UsageError, match="unknown export format"):
        export(filled, "xlsx", tmp_path / "x")
    with pytest.raises(UsageError, match="unknown kind"):
        export(filled, "csv", tmp_path / "x", kind="rumours")
    with pytest.raises(UsageError, match="binary"):
        export(filled, "parquet", io.StringIO(), kind="events")
    for fmt in ("csv", "parquet", "jsonl"):
        out = tmp_path / f"bad.{fmt}"
        with pytest.raises(UsageError, match="cannot be filtered by certainty"):
            export(filled, fmt, out, kind="actors", certainty="denied")  # not an actors (or articles) filter
        assert not out.exists()


def test_place_roles_survive_the_store(store):
    """A place named only as an actor keeps that role, per mention and per place, through the
    store and the jsonl export (the role lives in the mentions column: no schema change)."""
    from newsledger.records import PlaceMention

    article, result = samples.talks()
    [geneva] = result.places
    geneva.mentions = [PlaceMention(m.start, m.end, m.text, "actor") for m in geneva.mentions]
    geneva.role = "actor"
    store.add([(article, result)])
    [(_, back)] = list(store.results(article=article.id))
    assert [(p.role, [m.role for m in p.mentions]) for p in back.places] == [("actor", ["actor"])]
