"""A ledger built once per session from the demo corpus plus an invented hostile article."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'newsledger[web]'")

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
# Invented report; the payloads sit in the title, the URL and the text, next to things the extractors find.
XSS_ARTICLE = {
    "id": "xss-test",
    "published": "2025-03-04",
    "title": f"Troops attack {XSS_SCRIPT} depot",
    "url": f"javascript:alert(1)//{XSS_IMG}",
    "outlet": f"Hostile {XSS_IMG} Wire",
    "text": (
        f"Rebels attacked an army depot near Goma on Monday {XSS_SCRIPT}, killing three soldiers, "
        f"the army said. {XSS_IMG} Officials in Kinshasa said 40 people fled."
    ),
}


@pytest.fixture(scope="session")
def web_ledger(tmp_path_factory, extractor):
    from newsledger import Ledger
    from newsledger.demo import DEMO_DIR

    root = tmp_path_factory.mktemp("web")
    hostile = root / "hostile.jsonl"
    hostile.write_text(json.dumps(XSS_ARTICLE) + "\n", encoding="utf-8")
    ledger = Ledger(root / "web.db", extractor=extractor)
    summary = ledger.ingest([str(DEMO_DIR), str(hostile)])
    assert summary.failed == 0 and summary.added >= 6
    yield ledger
    ledger.close()


@pytest.fixture(scope="session")
def client(web_ledger):
    from fastapi.testclient import TestClient

    from newsledger.web import create_app

    with TestClient(create_app(ledger=web_ledger, token="s3cret-token")) as c:
        yield c


@pytest.fixture(scope="session")
def xss_id(web_ledger):
    [row] = web_ledger.articles(text="onerror")
    return row["id"]
