"""The ACLED, PLOVER, GeoJSON and Parquet exports, each read back with the library a user would:
the csv module against ACLED's own header, jsonschema for the PLOVER records, a GeoJSON load with
its coordinates checked, pyarrow for Parquet's structs, lists and dates."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import jsonschema
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsledger.export import export
from newsledger.ledger import link
from tests.store import samples

# The columns of an ACLED data export, in ACLED's order (ACLED Codebook, "ACLED Data Columns at a
# Glance"); written out here, not imported, so the test checks the exporter against ACLED.
ACLED_HEADER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
SCHEMA = Path(__file__).resolve().parents[2] / "newsledger" / "schema" / "plover_event.schema.json"
SHELLING_CODING = {
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Shelling/artillery/missile attack",
    "disorder_type": "Political violence",
    "actor1": "Military Forces of Russian Federation",
    "assoc_actor_1": "",
    "inter1": 8,
    "actor2": "",
    "assoc_actor_2": "",
    "inter2": 0,
    "interaction": 80,
    "civilian_targeting": "Civilian targeting",
    "fatalities": 40,
    "geo_precision": 1,
    "time_precision": 1,
    "event_date": "2024-03-05",
    "source": "Ukrainian officials",
    "notes": "Ukrainian officials said Russian forces shelled three villages near Kharkiv on Tuesday.",
}


@pytest.fixture
def linked(store):
    pairs = samples.all_pairs()
    shelling = pairs[0][1]
    shelling.events[0].acled = dict(SHELLING_CODING)
    store.add(pairs)
    link(store)
    return store


def test_acled_csv_has_acleds_columns_and_one_row_per_coded_merged_event(linked, tmp_path):
    out = tmp_path / "acled.csv"
    assert export(linked, "acled", out) == 1  # only the shelling is in ACLED's scope
    with open(out, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [dict(zip(header, r)) for r in reader]
    assert header == ACLED_HEADER
    (row,) = rows
    assert row["event_id_cnty"].startswith("UKRNL")
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-03-05", "2024", "1")
    assert (row["event_type"], row["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )
    assert (row["country"], row["iso"], row["location"]) == ("Ukraine", "804", "Kharkiv")
    assert (float(row["latitude"]), float(row["longitude"])) == (49.99, 36.23)
    assert (row["inter1"], row["interaction"], row["fatalities"]) == ("8", "80", "40")
    assert row["source"] == "Harbour Times; Ukrainian officials"  # the outlet and who it cites
    assert row["notes"].startswith("Ukrainian officials said Russian forces shelled")
    assert int(row["timestamp"]) == int(dt.datetime(2024, 3, 5, tzinfo=dt.UTC).timestamp())


def test_acled_csv_empty_ledger_keeps_the_header(store, tmp_path):
    out = tmp_path / "acled.csv"
    assert export(store, "acled", out) == 0
    assert out.read_text(encoding="utf-8").splitlines() == [",".join(ACLED_HEADER)]


def test_plover_records_validate_against_the_schema(linked, tmp_path):
    out = tmp_path / "events.jsonl"
    n = export(linked, "plover", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert n == len(records) == len(linked.events(limit=None, include_duplicates=True)) == 6
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for record in records:
        validator.validate(record)
    shelled = next(r for r in records if r["eventText"] == "shelled")
    assert shelled["source"] == [{"actorText": "Russian forces", "code": "RUS", "sector": "MIL"}]
    assert shelled["target"] == [{"actorText": "Ukraine", "code": "UKR", "sector": "GOV"}]
    assert shelled["text"] == "Ukrainian officials said Russian forces shelled three villages near Kharkiv on Tuesday."
    assert shelled["date"] == "2024-03-05" and shelled["location"]["placeText"] == "Kharkiv"
    assert shelled["acled"]["sub_event_type"] == "Shelling/artillery/missile attack"
    seen = next(r for r in records if r["eventText"] == "seen")
    assert [a["actorText"] for a in seen["source"]] == ["Russian forces", "rebels"]  # coordinated parties
    planned = next(r for r in records if r["eventText"] == "meet")
    assert (planned["event"], planned["mode"]) == ("CONSULT", "planned")
    assert len([r for r in records if r["event"] == "ASSAULT"]) == export(
        linked, "plover", tmp_path / "a", type="assault"
    )


def test_plover_rejects_an_unknown_filter(linked, tmp_path):
    from newsledger.errors import UsageError

    with pytest.raises(UsageError, match="cannot be filtered by certainty"):
        export(linked, "plover", tmp_path / "x.jsonl", certainty="denied")


@pytest.mark.parametrize("kind, where", [("events", ("place_lon", "place_lat")), ("places", ("lon", "lat"))])
def test_geojson_is_a_feature_collection_with_flat_properties(linked, tmp_path, kind, where):
    out = tmp_path / f"{kind}.geojson"
    n = export(linked, "geojson", out, kind=kind)
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == n > 0
    for feature in fc["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
        props = feature["properties"]
        assert (lon, lat) == (props[where[0]], props[where[1]])  # x = longitude, GeoJSON's order
        assert not any(isinstance(v, (dict, list)) for v in props.values())  # one value per field


def test_parquet_keeps_structs_lists_and_dates(linked, tmp_path):
    out = tmp_path / "events.parquet"
    export(linked, "parquet", out, kind="events")
    table = pq.read_table(out)
    assert table.schema.field("published").type == pa.date32()
    assert pa.types.is_struct(table.schema.field("trigger").type)
    assert pa.types.is_list(table.schema.field("figures").type)
    rows = {r["trigger"]["text"]: r for r in table.to_pylist()}
    shelled = rows["shelled"]
    assert shelled["published"] == dt.date(2024, 3, 5) and shelled["figures"] == ["f1"]
    assert shelled["acled"]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert shelled["acled"]["event_date"] == dt.date(2024, 3, 5) and shelled["acled"]["fatalities"] == 40
    assert rows["meet"]["acled"] is None
    statements = (
        pq.read_table(tmp_path / "s.parquet")
        if export(linked, "parquet", tmp_path / "s.parquet", kind="statements")
        else None
    )
    cue = statements.to_pylist()[0]["cue"]
    assert set(cue) == {"start", "end", "text"}
