"""The JSON API over a real ledger: filters, paging, errors, limits, the ingest token."""

from __future__ import annotations

import json

import pytest

from .conftest import XSS_SCRIPT

KINDS = ["articles", "events", "statements", "figures", "actors", "places"]


@pytest.mark.parametrize("kind", KINDS)
def test_lists_are_paged_and_match_the_store(client, web_ledger, kind):
    body = client.get(f"/api/{kind}", params={"limit": 3}).json()
    assert body["limit"] == 3 and body["offset"] == 0
    assert body["items"] == getattr(web_ledger, kind)(limit=3)
    second = client.get(f"/api/{kind}", params={"limit": 3, "offset": 3}).json()["items"]
    assert second == getattr(web_ledger, kind)(limit=3, offset=3)


def test_event_filters(client):
    rows = client.get("/api/events", params={"type": "mobilize", "country": "PRK", "limit": 500}).json()["items"]
    assert rows and all(r["type"] == "MOBILIZE" for r in rows)
    assert all("PRK" in (r["actor_country"], r["recipient_country"]) for r in rows)
    dated = client.get("/api/events", params={"since": "2024-12-20", "until": "2024-12-31"}).json()["items"]
    assert dated and all("2024-12-20" <= r["published"] <= "2024-12-31" for r in dated)
    at = client.get("/api/events", params={"place": "Russia"}).json()["items"]
    assert at and all("russia" in r["place_name"].lower() for r in at)
    planned = client.get("/api/events", params={"mode": "planned"}).json()["items"]
    assert planned and all(r["mode"] == "planned" for r in planned)


def test_figures_answer_who_says_how_many(client):
    rows = client.get("/api/figures", params={"about": "soldiers", "country": "PRK"}).json()["items"]
    assert any(r["value"] == 1100 and r["source_text"] for r in rows)


def test_one_article_and_one_event(client):
    ev = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    one = client.get(f"/api/events/{ev['article_id']}/{ev['id']}").json()
    assert one == ev
    art = client.get(f"/api/articles/{ev['article_id']}").json()
    assert art["article"]["id"] == ev["article_id"]
    trig = ev["trigger"]
    assert art["article"]["text"][trig["start"] : trig["end"]] == trig["text"]
    assert client.get(f"/api/articles/{ev['article_id']}x").status_code == 404
    missing = client.get(f"/api/events/{ev['article_id']}/e9999")
    assert missing.status_code == 404 and "e9999" in missing.json()["message"]


def test_search_and_stats(client, web_ledger):
    found = client.get("/api/search", params={"q": "North Korea"}).json()
    assert found["actors"] and found["articles"]
    assert client.get("/api/stats").json()["events"] == web_ledger.stats()["events"]
    assert client.get("/api/search").status_code == 422


@pytest.mark.parametrize("params", [{"limit": 501}, {"limit": 0}, {"limit": "ten"}, {"offset": -1}])
def test_bad_paging_is_a_clear_4xx(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    body = r.json()
    assert body["error"] == "invalid_parameter" and ("limit" in body["message"] or "offset" in body["message"])


def test_bad_date_and_long_text_are_4xx_with_a_message(client):
    r = client.get("/api/events", params={"since": "yesterday"})
    assert r.status_code == 400 and "date" in r.json()["message"]
    r = client.get("/api/statements", params={"until": "2024-13-01"})
    assert r.status_code == 400 and "month" in r.json()["message"]
    assert client.get("/api/events", params={"text": "x" * 1000}).status_code == 422


INJECTIONS = ["' OR 1=1 --", '"; DROP TABLE events; --', "%' UNION SELECT * FROM articles --", "_%", "\x00", "PRK'"]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize(
    "path,param",
    [
        ("/api/events", "actor"),
        ("/api/events", "country"),
        ("/api/events", "type"),
        ("/api/statements", "source"),
        ("/api/figures", "about"),
        ("/api/actors", "name"),
        ("/api/places", "name"),
        ("/api/articles", "text"),
        ("/api/search", "q"),
        ("/api/events", "since"),
    ],
)
def test_sql_injection_strings_never_500(client, path, param, value):
    r = client.get(path, params={param: value})
    assert r.status_code in (200, 400, 422), r.text
    if r.status_code == 200 and path != "/api/search":
        assert r.json()["items"] == []  # no filter value above matches anything real


def test_tables_survive_injection_attempts(client, web_ledger):
    before = web_ledger.stats()
    client.get("/api/events", params={"actor": '"; DROP TABLE events; --'})
    assert web_ledger.stats()["events"] == before["events"]


def test_security_headers(client):
    for path in ("/api/stats", "/", "/static/style.css", "/api/nothing"):
        csp = client.get(path).headers["content-security-policy"]
        assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp


def test_openapi_lists_the_routes(client):
    doc = client.get("/openapi.json").json()
    for path in (
        "/api/events",
        "/api/articles/{article_id}",
        "/api/figures",
        "/api/search",
        "/api/stats",
        "/api/ingest",
    ):
        assert path in doc["paths"]
    limit = next(p for p in doc["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 500


def test_ingest_is_off_without_a_token(web_ledger):
    from fastapi.testclient import TestClient

    from newsledger.web import create_app

    with TestClient(create_app(ledger=web_ledger)) as c:
        r = c.post("/api/ingest", content=b'{"id": "x", "text": "hello"}\n')
        assert r.status_code == 403 and "token" in r.json()["message"]


def test_ingest_requires_the_token(client):
    line = json.dumps(
        {
            "id": "t",
            "text": "Police arrested twelve protesters in Lagos on Friday, officials said.",
            "published": "2025-01-10",
        }
    ).encode()
    assert client.post("/api/ingest", content=line).status_code == 401
    assert client.post("/api/ingest", content=line, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = client.post("/api/ingest", content=line + b"\nnot json\n", headers={"Authorization": "Bearer s3cret-token"})
    assert ok.status_code == 200, ok.text
    summary = ok.json()
    assert summary["added"] == 1 and summary["failed"] == 1
    assert client.get("/api/articles", params={"text": "Lagos"}).json()["count"] == 1


def test_oversized_body_is_413(client):
    big = b"x" * (5 * 1024 * 1024 + 1)
    r = client.post("/api/ingest", content=big, headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 413 and "larger" in r.json()["message"]


def test_xss_article_data_is_returned_as_data(client, xss_id):
    art = client.get(f"/api/articles/{xss_id}").json()["article"]
    assert XSS_SCRIPT in art["text"] and art["title"].count("<script>") == 1
    assert client.get(f"/api/articles/{xss_id}").headers["content-type"].startswith("application/json")


def test_empty_parameters_mean_no_filter(client):
    full = client.get("/api/events", params={"limit": 5}).json()["items"]
    blank = client.get("/api/events?limit=5&mode=&actor=&type=&since=").json()["items"]
    assert full and blank == full


def test_figure_series_are_the_ledgers_series_by_measure(client, web_ledger):
    body = client.get("/api/figures/series", params={"about": "soldiers"}).json()
    assert body["series"] and body["truncated"] is False
    # The same series as `newsledger figures --series` (Ledger.figure_series), in date order.
    assert body["series"] == json.loads(json.dumps(web_ledger.figure_series(about="soldiers")))
    for series in body["series"]:
        dates = [v["date"] for v in series["values"]]
        assert dates == sorted(dates)
    [prk] = [s for s in body["series"] if s["measure"] == "killed" and s["subject"] == "PRK soldiers"]
    assert any(v["value"] == 1100 and v["approx"] and v["origin"] == "joint chiefs of staff" for v in prk["values"])
    assert prk["independent_sources"] == len(prk["origins"])


@pytest.mark.parametrize("kind", ["articles", "events", "statements", "figures"])
def test_include_duplicates_never_returns_fewer_rows(client, kind):
    base = client.get(f"/api/{kind}", params={"limit": 500}).json()["count"]
    every = client.get(f"/api/{kind}", params={"limit": 500, "include_duplicates": "true"}).json()["count"]
    assert every >= base > 0
    assert client.get(f"/api/{kind}", params={"include_duplicates": "maybe"}).status_code == 422
