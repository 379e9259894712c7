"""The API's lists: sort, total, facets and downloads (format=csv / jsonl) of exactly the filtered rows,
over a ledger of hand-built records on every available backend."""

from __future__ import annotations

import csv
import io
import json

import pytest

from newsledger.ledger import link
from tests.store import samples
from tests.store.conftest import throwaway_pg_schema


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def api(request, tmp_path_factory):
    from fastapi.testclient import TestClient

    from newsledger import Ledger
    from newsledger.web import create_app

    def serve(url):
        ledger = Ledger(url)
        ledger.store.add(samples.all_pairs())
        ledger.store.add([samples.numbered(i) for i in range(8)])
        link(ledger.store)
        with TestClient(create_app(ledger=ledger)) as client:
            yield client, ledger
        ledger.close()

    if request.param == "sqlite":
        yield from serve(str(tmp_path_factory.mktemp("api") / "lists.db"))
    else:
        with throwaway_pg_schema() as url:
            yield from serve(url)


def test_a_page_has_the_total_of_the_filtered_list(api):
    client, ledger = api
    body = client.get("/api/events", params={"limit": 3}).json()
    assert body["count"] == 3 and body["total"] == ledger.store.count("events") == len(ledger.events(limit=None))
    assert body["next_offset"] == 3
    last = client.get("/api/events", params={"limit": 3, "offset": body["total"] - 3}).json()
    assert last["next_offset"] is None
    assert client.get("/api/events", params={"type": "assault"}).json()["total"] == 2


def test_sort_is_a_url_parameter_and_bad_ones_are_400(api):
    client, ledger = api
    body = client.get("/api/events", params={"sort": "-type", "limit": 500}).json()
    assert body["sort"] == "-type"
    assert [r["type"] for r in body["items"]] == sorted((r["type"] for r in body["items"]), reverse=True)
    assert body["items"] == ledger.events(sort="-type", limit=500)
    bad = client.get("/api/events", params={"sort": "name"})
    assert bad.status_code == 400 and bad.json()["parameter"] == "sort"
    merged = client.get("/api/merged-events", params={"sort": "type"}).json()
    assert [r["type"] for r in merged["items"]] == sorted(r["type"] for r in merged["items"])
    assert merged["total"] == ledger.store.count("merged_events")


def test_facets_on_request(api):
    client, ledger = api
    assert "facets" not in client.get("/api/events").json()
    body = client.get("/api/events", params={"facets": "type,mode", "country": "UA"}).json()
    assert body["facets"] == ledger.store.facets("events", country="UKR", fields=["type", "mode"])
    assert client.get("/api/actors", params={"facets": "all"}).json()["facets"].keys() == {"country", "sector"}
    assert client.get("/api/events", params={"facets": "sector"}).status_code == 400


@pytest.mark.parametrize("kind", ["events", "statements", "figures", "actors", "places", "articles"])
def test_csv_is_exactly_the_filtered_rows(api, kind):
    client, ledger = api
    params = {"since": "2023-01-03"} if kind != "actors" else {"country": "XXX"}
    rows = getattr(ledger, kind)(limit=None, **params)
    got = client.get(f"/api/{kind}", params={**params, "format": "csv", "limit": 1})  # limit: a page's, not used
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    assert f'filename="{kind}.csv"' in got.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(got.text)))
    assert len(table) == len(rows) > 1
    key = "id" if kind == "articles" else "name" if kind in ("actors", "places") else "article_id"
    assert [r[key] for r in table] == [str(r[key]) for r in rows]


def test_jsonl_and_merged_events_downloads(api):
    client, ledger = api
    got = client.get("/api/events", params={"format": "jsonl", "sort": "type", "type": "AID"})
    assert [json.loads(line) for line in got.text.splitlines()] == ledger.events(limit=None, sort="type", type="AID")
    merged = client.get("/api/merged-events", params={"format": "csv"})
    table = list(csv.DictReader(io.StringIO(merged.text)))
    assert [int(r["id"]) for r in table] == [m["id"] for m in ledger.merged_events(limit=None)]
    assert json.loads(table[0]["report_list"])  # lists as JSON text in one cell
    assert client.get("/api/events", params={"format": "xml"}).status_code == 422
    assert client.get("/api/events", params={"format": "csv", "sort": "nope"}).status_code == 400
