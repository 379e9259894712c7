"""Merged events over the web: the API list and detail, the pages, links from events, escaping, bad input.

The ledger is built from the cross-article fixture sets (tests/fixtures/ledger/) plus an invented hostile
report of the Kharkiv strike, so a merged event holds reports from several outlets, one of them hostile.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import FIXTURES

from .conftest import XSS_IMG, XSS_SCRIPT

# Invented; another outlet's account of the fixture sets' Kharkiv strike, with payloads in every field.
HOSTILE = {
    "id": "xss-kharkiv",
    "published": "2025-03-12",
    "title": f"Missile hits Kharkiv {XSS_SCRIPT} block",
    "url": f"javascript:alert(2)//{XSS_IMG}",
    "outlet": f"Rogue {XSS_IMG} Post",
    "text": (
        f"A Russian missile struck a residential building in Kharkiv {XSS_SCRIPT} on Monday night, killing "
        f"seven people, regional governor Oleh Syniehubov said. {XSS_IMG} Rescue teams worked through the "
        "night in the Saltivka district."
    ),
}


@pytest.fixture(scope="module")
def merged_ledger(tmp_path_factory, extractor):
    from newsledger import Ledger

    root = tmp_path_factory.mktemp("web-merged")
    hostile = root / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    led = Ledger(root / "merged.db", extractor=extractor)  # the session's loaded pipeline
    summary = led.ingest([*sorted(str(p) for p in (FIXTURES / "ledger").glob("*.jsonl")), str(hostile)])
    assert summary.failed == 0 and summary.added == 13
    yield led
    led.close()


@pytest.fixture(scope="module")
def mclient(merged_ledger):
    from fastapi.testclient import TestClient

    from newsledger.web import create_app

    with TestClient(create_app(ledger=merged_ledger)) as c:
        yield c


@pytest.fixture(scope="module")
def kharkiv(merged_ledger) -> dict:
    """The merged Kharkiv strike: the one with the most outlets among ASSAULTs at Kharkiv."""
    rows = [m for m in merged_ledger.merged_events(type="ASSAULT", limit=None) if m["place"] == "Kharkiv"]
    assert rows, "the Kharkiv strike should be a merged event"
    return max(rows, key=lambda m: m["outlets"])


@pytest.fixture(scope="module")
def hostile_id(merged_ledger) -> str:
    [row] = [a for a in merged_ledger.articles(include_duplicates=True, limit=None) if a["outlet"] == HOSTILE["outlet"]]
    return row["id"]


def test_list_is_paged_and_matches_the_ledger(mclient, merged_ledger):
    body = mclient.get("/api/merged-events", params={"limit": 3}).json()
    assert body["limit"] == 3 and body["offset"] == 0 and body["count"] == 3 and body["next_offset"] == 3
    assert body["items"] == merged_ledger.merged_events(limit=3)
    second = mclient.get("/api/merged-events", params={"limit": 3, "offset": 3}).json()["items"]
    assert second == merged_ledger.merged_events(limit=3, offset=3)
    assert {m["id"] for m in second}.isdisjoint({m["id"] for m in body["items"]})


def test_list_filters(mclient):
    def items(**params):
        return mclient.get("/api/merged-events", params={"limit": 500, **params}).json()["items"]

    everything = items()
    assert len(everything) > len(items(min_reports=3)) > 0
    assert all(m["reports"] >= 3 for m in items(min_reports=3))
    assaults = items(type="assault")
    assert assaults and all(m["type"] == "ASSAULT" for m in assaults) and len(assaults) < len(everything)
    rus = items(country="rus")
    assert rus and all("RUS" in (m["actor_country"], m["recipient_country"]) for m in rus)
    march = items(since="2025-03-01", until="2025-03-31")
    assert march and len(march) < len(everything)
    assert all(m["last_date"] >= "2025-03-01" and m["first_date"] <= "2025-03-31" for m in march)


def test_one_merged_event_has_every_report_with_its_evidence(mclient, merged_ledger, kharkiv, hostile_id):
    m = mclient.get(f"/api/merged-events/{kharkiv['id']}").json()
    assert m["id"] == kharkiv["id"] and m["reports"] == kharkiv["reports"]
    assert m["reports"] == len({r["article_id"] for r in m["report_list"]}) and m["mentions"] == len(m["report_list"])
    assert m["outlets"] >= 3 and m["articles"] >= 3 and 1 <= m["independent_sources"] <= m["reports"]
    assert m["first_reported"] == "2025-03-11" and m["last_reported"] == "2025-03-12"
    assert hostile_id in {r["article_id"] for r in m["report_list"]}
    texts = {}
    for r in m["report_list"]:
        assert r["reason"] and r["outlet"] and r["published"] and r["origin"]
        text = texts.setdefault(
            r["article_id"],
            mclient.get(r["article_path"].replace("/articles", "/api/articles")).json()["article"]["text"],
        )
        for span in [r["trigger"], *r["evidence"]]:
            assert text[span["start"] : span["end"]] == span["text"]
        ev = mclient.get("/api" + r["event_path"]).json()
        assert ev["id"] == r["event_id"] and ev["type"] == m["type"]


def test_list_page_is_in_the_nav_and_links_to_merged_events(mclient, kharkiv):
    assert 'href="/merged-events"' in mclient.get("/").text
    html = mclient.get("/merged-events", params={"type": "ASSAULT", "min_reports": 2}).text
    assert f'href="/merged-events/{kharkiv["id"]}"' in html
    assert re.findall(r"<script[^>]*>", html.lower()) == ['<script src="/static/page.js" defer>']
    row = html.split(f'href="/merged-events/{kharkiv["id"]}"')[1].split("</tr>")[0]
    assert f'<td data-label="reports" class="num">{kharkiv["reports"]}</td>' in row
    assert re.search(rf'<td data-label="outlets">{kharkiv["outlets"]}\b', row)


def test_merged_event_page_lists_every_report(mclient, merged_ledger, kharkiv):
    html = mclient.get(f"/merged-events/{kharkiv['id']}").text
    reports = kharkiv["report_list"]
    assert html.count('<li class="report">') == len(reports)
    for r in reports:
        assert f'href="/events/{r["article_id"]}/{r["event_id"]}"' in html
        assert f'href="/articles/{r["article_id"]}"' in html
    listed = html.split('<ol class="reports">')[1]  # after the legend
    marked = re.findall(r'<mark class="[^"]*hl-trigger[^"]*"[^>]*>([^<]*)</mark>', listed)
    assert sorted(marked) == sorted(r["trigger"]["text"] for r in reports)
    assert 'class="hl-evidence"' in listed
    whys = re.findall(r'<p class="why">why merged: ([^<]*)</p>', html)
    assert len(whys) == len(reports) and all(w.strip() and w != "—" for w in whys)
    for name, value in (("n-articles", "articles"), ("n-outlets", "outlets"), ("n-sources", "independent_sources")):
        assert f'class="{name}">{kharkiv[value]}<' in html
    assert 'class="first-reported">2025-03-11<' in html and 'class="last-reported">2025-03-12<' in html
    assert "Northwire" in html and "Daily Meridian" in html


def test_event_page_links_to_its_merged_event(mclient, kharkiv):
    r = kharkiv["report_list"][0]
    html = mclient.get(f"/events/{r['article_id']}/{r['event_id']}").text
    assert f'<a class="merged-link" href="/merged-events/{kharkiv["id"]}">{kharkiv["reports"]} reports' in html


def test_hostile_report_is_escaped_on_the_new_pages(mclient, kharkiv, hostile_id):
    api = mclient.get(f"/api/merged-events/{kharkiv['id']}").json()
    assert any(r["outlet"] == HOSTILE["outlet"] for r in api["report_list"])  # JSON keeps the text as is
    for path in (
        f"/merged-events/{kharkiv['id']}",
        "/merged-events?limit=500",
        f"/merged-events?type=ASSAULT&country={XSS_SCRIPT}",
    ):
        html = mclient.get(path).text
        assert XSS_SCRIPT not in html and XSS_IMG not in html, path
        assert re.findall(r"<script[^>]*>", html.lower()) == ['<script src="/static/page.js" defer>'], path
        assert "<img" not in html.lower(), path
        assert 'href="javascript:' not in html.lower(), path
    page = mclient.get(f"/merged-events/{kharkiv['id']}").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # the outlet, shown as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the title and the evidence excerpt


@pytest.mark.parametrize(
    "path, params, status",
    [
        ("/api/merged-events", {"limit": 0}, 422),
        ("/api/merged-events", {"limit": 501}, 422),
        ("/api/merged-events", {"offset": -1}, 422),
        ("/api/merged-events", {"min_reports": 0}, 422),
        ("/api/merged-events", {"min_reports": "many"}, 422),
        ("/api/merged-events", {"since": "13/13/2024"}, 400),
        ("/api/merged-events", {"until": "2025-02-30"}, 400),
        ("/api/merged-events", {"type": "x" * 201}, 422),
        ("/api/merged-events/0", {}, 422),
        ("/api/merged-events/abc", {}, 422),
        ("/api/merged-events/99999", {}, 404),
        ("/api/merged-events/1'%20OR%20'1'='1", {}, 422),
        ("/merged-events", {"since": "2025-13"}, 400),
        ("/merged-events", {"min_reports": -2}, 422),
        ("/merged-events/99999", {}, 404),
        ("/merged-events/1;DROP TABLE merged_events", {}, 422),
    ],
)
def test_bad_parameters_are_a_clear_4xx(mclient, path, params, status):
    r = mclient.get(path, params=params)
    assert r.status_code == status, r.text
    if path.startswith("/api"):
        assert r.json()["message"]
    else:
        assert r.headers["content-type"].startswith("text/html")


def test_injection_strings_are_only_filters(mclient, merged_ledger):
    r = mclient.get("/api/merged-events", params={"type": "ASSAULT' OR '1'='1", "country": "'; DROP TABLE x; --"})
    assert r.status_code == 200 and r.json()["items"] == []
    assert mclient.get("/api/merged-events", params={"limit": 1}).json()["items"]  # still there


def test_excerpt_keeps_marks_and_cuts_at_spaces():
    from newsledger.web.highlight import Mark, excerpt

    text = "word " * 100 + "Rebels attacked Goma." + " tail" * 100
    start = text.index("attacked")
    segs = excerpt(text, [Mark(start, start + 8, "trigger")], pad=20)
    joined = "".join(s.text for s in segs)
    assert joined.startswith("…") and joined.endswith("…")
    inner = joined.strip("…")
    assert inner in text and inner == inner.strip() and "Rebels attacked Goma." in inner
    assert [s.text for s in segs if s.kinds] == ["attacked"]
    assert len(inner) <= 8 + 2 * 20
    short = excerpt("Rebels attacked Goma.", [Mark(7, 15, "trigger")], pad=100)
    assert "".join(s.text for s in short) == "Rebels attacked Goma."
    assert "".join(s.text for s in excerpt("abc", [Mark(5, 9, "trigger")])) == "abc"
