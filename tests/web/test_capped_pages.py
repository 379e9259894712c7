"""A list page above the count cap: "N+" as its total, a next link without a last page, and a note that
its facets count the newest rows; below the cap, the exact total and no note."""

from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="module")
def capped(web_ledger):
    from fastapi.testclient import TestClient

    from newsledger.web import create_app

    with TestClient(create_app(ledger=web_ledger, count_cap=2, facet_rows=2)) as c:
        yield c


def _total(html: str) -> str:
    return re.search(r'id="total"[^>]*>([^<]*)<', html)[1].strip()


def test_above_the_cap_the_total_says_more_and_the_facets_say_what_they_count(capped, web_ledger):
    assert web_ledger.count("events") > 3
    html = capped.get("/events", params={"limit": 1}).text
    assert _total(html) == "2+ events"
    assert 'title="more than 2: counting stops there"' in html
    assert "Counted among the newest 2." in html
    assert "rows 1–1 of 2+" in html and 'rel="next"' in html
    # The facets count the newest two events, as the store counts them.
    two = web_ledger.store.facets("events", cap=2)
    assert sum(v["n"] for v in two["type"]) == 2
    html = capped.get("/events", params={"limit": 1, "offset": 5}).text
    assert 'rel="next"' in html  # no last page is known above the cap: next is offered while rows come


def test_below_the_cap_the_total_is_exact_and_the_facets_are_whole(capped, web_ledger):
    rarest = min(web_ledger.facets("events")["type"], key=lambda v: v["n"])  # the demo corpus has some
    n = rarest["n"]
    assert n <= 2
    html = capped.get("/events", params={"type": rarest["value"]}).text
    assert _total(html) == f"{n} event{'s' if n != 1 else ''}"
    assert "Counted among the newest" not in html


def test_the_actor_page_total_is_capped_too(capped, web_ledger):
    name = web_ledger.events(limit=1)[0]["actor_name"] or "Russia"
    n = web_ledger.count("events", actor=name)
    html = capped.get("/actor", params={"name": name}).text
    shown = re.search(r'class="total">([^<]*) events involving', html)[1]
    assert shown == ("2+" if n > 2 else str(n))
