"""Issue #20 item 3: a NUL (or a lone surrogate) in any filter is cleaned at the Store's edge, so
PostgreSQL answers like SQLite (200, no rows), and any unexpected server error is answered as JSON
(API) or HTML (pages) with the security headers, on a connection that stays usable. Both backends."""

from __future__ import annotations

import pytest

from tests.store import samples
from tests.store.conftest import pg_url  # noqa: F401  (fixture: a throwaway PostgreSQL schema)

NUL_PATHS = [
    "/api/merged-events?type=%00",
    "/api/merged-events?country=%00",
    "/merged-events?type=%00",
    "/api/events?type=%00",
    "/api/events?actor=a%00b",
    "/api/statements?source=%00",
    "/api/figures?about=%00",
    "/api/articles?text=%00",
    "/api/articles/%00",
    "/events?text=%00",
    "/api/actors?name=%00",
    "/api/search?q=%00",
]


@pytest.fixture(params=["sqlite", "postgresql"])
def app(request, tmp_path):
    from newsledger import Ledger
    from newsledger.web import create_app

    url = str(tmp_path / "l.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    ledger = Ledger(url)
    ledger.store.add(samples.all_pairs())
    ledger.relink()
    app = create_app(ledger=ledger)

    @app.get("/api/test-boom")  # a real exception inside a real route: what the handler must catch
    def api_boom():
        raise RuntimeError("boom")

    @app.get("/test-boom")
    def page_boom():
        return {}["missing"]

    yield app
    ledger.close()


def _secured(r) -> bool:
    return (
        "default-src 'self'" in r.headers.get("content-security-policy", "")
        and r.headers.get("x-content-type-options") == "nosniff"
    )


def test_nul_in_any_filter_is_a_clear_4xx_or_matches_nothing(app):
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as c:
        for path in NUL_PATHS:
            r = c.get(path)
            # A filter value with a control character is refused by the filter table (400 naming
            # the parameter); a path segment with one matches nothing (404). Never a 5xx.
            assert r.status_code in (200, 400, 404), (path, r.status_code, r.text[:300])
            assert _secured(r), path
            if r.status_code == 400 and path.startswith("/api/"):
                assert r.json()["error"] == "bad_parameter", path
            if path.startswith("/api/") and r.status_code == 200 and "items" in r.json():
                assert r.json()["items"] == [], path
        assert c.get("/api/events").json()["count"] > 0  # the same connection still answers


def test_store_cleans_text_values_for_queries_and_inserts(app):
    store = app.state.ledger.store
    from newsledger.errors import UsageError

    with pytest.raises(UsageError, match="type"):  # the filter table refuses control characters
        store.events(type="\x00")
    assert store.events(actor="\ud800") == []  # the SQL edge cleans what reaches it
    article, result = samples.numbered(7)
    article.title, result.title = "a\x00b\udc80c", "a\x00b\udc80c"
    assert store.add([(article, result)]) == 1
    [row] = store.articles(article=article.id)
    assert row["title"] == "a\ufffdb\ufffdc"  # one character for one: offsets stay valid


def test_any_server_error_is_json_or_html_with_the_security_headers(app):
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/test-boom")
        assert r.status_code == 500 and r.headers["content-type"].startswith("application/json")
        assert r.json()["error"] == "internal_error" and "boom" not in r.text  # no internals leak
        assert _secured(r)
        r = c.get("/test-boom")
        assert r.status_code == 500 and r.headers["content-type"].startswith("text/html")
        assert "internal error" in r.text and _secured(r)
        assert c.get("/api/stats").status_code == 200
