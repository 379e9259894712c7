"""HTML pages: they render, link through, highlight from offsets and escape hostile text."""

from __future__ import annotations

import re

import pytest

from .conftest import XSS_IMG, XSS_SCRIPT

PAGES = [
    "/",
    "/events",
    "/events?type=ASSAULT&mode=actual",
    "/articles",
    "/actors",
    "/places",
    "/figures",
    "/search?q=troops",
    "/actor?name=North%20Korea",
    "/place?name=Russia",
    "/figures?about=soldiers",
    "/figures/series",
    "/figures/series?about=soldiers",
    "/figures/series?about=nothing-like-this",
    "/map",
    "/map?type=ASSAULT&since=2024-12",
]


PAGE_SCRIPT = '<script src="/static/page.js" defer>'  # brings the trigger into view; the pages work without it


def scripts(html: str) -> list[str]:
    """Every script tag of a page (a hostile text's <script> would be one more)."""
    return re.findall(r"<script[^>]*>", html.lower())


@pytest.mark.parametrize("path", PAGES)
def test_pages_render(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert scripts(r.text) == [PAGE_SCRIPT]  # no inline script: only the one bundled file
    assert 'href="/static/style.css"' in r.text


def test_overview_has_counts_chart_and_links(client, web_ledger):
    html = client.get("/").text
    assert f">{web_ledger.stats()['events']:,}<" in html
    assert "<svg" in html and 'class="bar"' in html
    assert re.search(r'href="/events/[^"/]+/e\d+"', html)


def test_event_page_marks_trigger_and_shows_source(client, web_ledger):
    ev = next(e for e in web_ledger.events(type="MOBILIZE", country="PRK", limit=50) if e["statement"])
    html = client.get(f"/events/{ev['article_id']}/{ev['id']}").text
    assert re.search(r'<mark class="[^"]*hl-trigger[^"]*"[^>]*>' + re.escape(ev["trigger"]["text"]) + "</mark>", html)
    assert ev["source_text"].replace("'", "&#39;") in html
    assert ev["actor_name"] in html


def test_article_page_marks_every_kind(client, web_ledger):
    art = web_ledger.articles(text="North Korea", limit=1)[0]
    html = client.get(f"/articles/{art['id']}").text
    for kind in ("actor", "place", "time", "figure", "statement", "source", "cue", "trigger"):
        assert re.search(rf'<(span|mark) class="[^"]*hl-{kind}\b', html), kind


def test_hostile_article_is_escaped_everywhere(client, xss_id, web_ledger):
    pages = [f"/articles/{xss_id}", "/articles", "/search?q=depot", "/events?text=depot"]
    pages += [f"/events/{e['article_id']}/{e['id']}" for e in web_ledger.events(article=xss_id, limit=5)]
    assert len(pages) > 4, "the hostile article should yield at least one event"
    for path in pages:
        html = client.get(path).text
        assert XSS_SCRIPT not in html and XSS_IMG not in html, path
        assert scripts(html) == [PAGE_SCRIPT] and "<img" not in html.lower(), path
        assert 'href="javascript:' not in html.lower(), path
    art = client.get(f"/articles/{xss_id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in art and "&lt;img src=x onerror=alert(1)&gt;" in art


def test_hostile_query_parameters_are_escaped(client):
    html = client.get("/search", params={"q": XSS_SCRIPT}).text
    assert XSS_SCRIPT not in html and "&lt;script&gt;" in html
    html = client.get("/events", params={"actor": '"><img src=x onerror=alert(1)>'}).text
    assert "<img" not in html


def test_bad_parameters_give_an_html_error_page(client):
    r = client.get("/events", params={"since": "13/13/2024"})
    assert r.status_code == 400 and "YYYY-MM-DD" in r.text
    assert client.get("/events", params={"limit": 100000}).status_code == 422
    assert client.get("/articles/nope").status_code == 404


def test_series_page_plots_each_source(client, web_ledger):
    html = client.get("/figures/series", params={"about": "soldiers"}).text
    values = [
        v
        for s in web_ledger.figure_series(about="soldiers")
        for v in s["values"]
        if v["date"] and (v["value"] is not None or v["low"] is not None)
    ]
    assert values and html.count('<circle class="point') == len(values)
    assert "killed · " in html and "joint chiefs of staff" in html and "1,100" in html


def test_map_places_every_located_event_place(client, web_ledger):
    html = client.get("/map").text
    located = {
        (e["place_name"], e["place_lat"], e["place_lon"])
        for e in web_ledger.events(limit=None)
        if e["place_lat"] is not None
    }
    assert located and html.count('<circle class="dot"') == len(located)
    assert '<path class="land" d="M' in html and "http" not in html.split('<svg class="worldmap"')[1].split("</svg>")[0]
