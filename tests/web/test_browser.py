"""A real headless Chromium clicks overview -> event -> article; hostile text must run nothing."""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest

from .conftest import XSS_IMG, XSS_SCRIPT

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not os.path.exists(CHROMIUM):
    pytest.skip(
        f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) to run browser tests",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (test extra)")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed (web extra)")


@pytest.fixture(scope="module")
def base_url(web_ledger):
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
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    pg.dialogs, pg.console_errors = [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()


def test_overview_to_event_to_article(page, base_url, tmp_path):
    page.goto(base_url + "/")
    assert page.locator("svg.chart rect.bar").count() >= 1
    page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)
    link = page.locator("a.event-link").first
    trigger = link.inner_text().strip()
    link.click()
    page.wait_for_url("**/events/**")
    marks = page.locator("mark.hl-trigger")
    assert marks.count() >= 1
    assert trigger in [m.strip() for m in marks.all_inner_texts()]
    page.screenshot(path=str(tmp_path / "event.png"), full_page=True)
    page.locator("a.article-link").click()
    page.wait_for_url("**/articles/**")
    for kind in ("actor", "trigger", "statement"):
        assert page.locator(f".hl-{kind}").count() >= 1, kind
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    assert (tmp_path / "article.png").stat().st_size > 10_000
    assert page.dialogs == []


def test_hostile_article_renders_as_text_and_runs_nothing(page, base_url, xss_id, tmp_path):
    page.goto(f"{base_url}/articles/{xss_id}")
    text = page.locator(".article-text").inner_text()
    assert XSS_SCRIPT in text and XSS_IMG in text  # shown to the reader, literally
    assert page.locator("h1").inner_text().count("<script>") == 1
    assert page.locator("main script, main img").count() == 0
    page.goto(f"{base_url}/search?q=" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    page.goto(f"{base_url}/articles?text=depot")
    page.locator("a", has_text="depot").first.click()
    page.wait_for_url("**/articles/**")
    page.wait_for_timeout(300)  # give any injected handler a chance to fire
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    assert page.dialogs == [], f"a dialog fired: {page.dialogs}"


def test_filter_form_round_trip(page, base_url):
    page.goto(base_url + "/events")
    page.fill("input[name=type]", "MOBILIZE")
    page.click("form.filters button")
    page.wait_for_url("**type=MOBILIZE**")
    types = page.locator("table.grid tbody .type").all_inner_texts()
    assert types and set(types) == {"MOBILIZE"}


def test_series_page_draws_points(page, base_url, tmp_path):
    page.goto(base_url + "/figures/series?about=soldiers")
    assert page.locator("svg.series circle.point").count() >= 2
    page.screenshot(path=str(tmp_path / "series.png"), full_page=True)
    assert page.dialogs == []


def test_map_draws_land_and_places(page, base_url, tmp_path):
    page.goto(base_url + "/map")
    assert page.locator("svg.worldmap path.land").count() == 1
    assert page.locator("svg.worldmap circle.dot").count() >= 3
    page.screenshot(path=str(tmp_path / "map.png"), full_page=True)


def test_event_to_its_merged_event_and_back(page, base_url, tmp_path):
    page.goto(base_url + "/events?type=ASSAULT")
    page.locator("a.event-link").first.click()
    page.wait_for_url("**/events/**")
    page.locator("a.merged-link").click()
    page.wait_for_url("**/merged-events/**")
    reports = page.locator("li.report")
    assert reports.count() >= 1
    assert page.locator("ol.reports mark.hl-trigger").count() == reports.count()
    page.screenshot(path=str(tmp_path / "merged.png"), full_page=True)
    reports.first.locator("a.event-link").click()
    page.wait_for_url("**/events/**")
    assert page.locator("a.merged-link").count() == 1
    assert page.dialogs == []
