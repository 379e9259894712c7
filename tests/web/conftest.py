"""A ledger built once per session from the demo corpus plus an invented hostile article."""

from __future__ import annotations

import json
import os
import socket
import threading
import time

import pytest

from .browsing import ARGS, CHROMIUM, DESKTOP, PHONE, open_page

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


# The browser fixtures: the app on a real local port and Debian's headless Chromium. A test that uses
# them skips, saying what to install, when Chromium or Playwright is absent.


@pytest.fixture(scope="module")
def base_url(web_ledger):
    uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed (web extra)")

    from newsledger.web import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))  # a free port, held from the start: no race
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(ledger=web_ledger), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) for browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (test extra)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    pg = open_page(browser, DESKTOP)
    yield pg
    pg.context.close()


@pytest.fixture(params=["desktop", "phone"])
def any_page(browser, request):
    """The same test at a desktop's and at a phone's viewport (with touch, as phones have)."""
    phone = request.param == "phone"
    pg = open_page(browser, PHONE if phone else DESKTOP, **({"is_mobile": True, "has_touch": True} if phone else {}))
    pg.phone = phone
    yield pg
    pg.context.close()
