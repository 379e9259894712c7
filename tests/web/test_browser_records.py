"""Event and article pages in a real browser: every kind of span highlighted, the relay shown, the
trigger brought into view; the chart's ticks readable; times in words with the TIMEX value as a tooltip;
the API documentation served without a CDN."""

from __future__ import annotations

import itertools


def korea_event(page, base_url, trigger: str) -> None:
    page.goto(base_url + "/events?actor=North%20Korea")
    page.locator("a.event-link", has_text=trigger).first.click()
    page.wait_for_url("**/events/**")


def test_the_event_page_highlights_every_part_and_the_relay(page, base_url):
    korea_event(page, base_url, "deploy")
    text = page.locator(".article-text")
    for kind in ("trigger", "evidence", "statement", "source", "cue", "relay"):
        assert text.locator(f".hl-{kind}").count() >= 1, kind
        assert page.locator(f".legend .hl-{kind}").count() == 1, kind  # the legend names what is drawn
    relay = " ".join(text.locator(".hl-relay").all_inner_texts())
    assert "according to" in relay and "Yonhap" in relay
    assert "Yonhap" in page.locator("blockquote.statement .relay-line").inner_text()


def test_the_trigger_is_scrolled_into_view(browser, base_url):
    from .browsing import open_page

    pg = open_page(browser, {"width": 1000, "height": 400})  # a small window: the box shows 280 px of text
    pg.goto(base_url + "/articles?limit=100")
    longest = (0, "")
    for href in [a.get_attribute("href") for a in pg.locator("td[data-label=title] a").all()]:
        pg.goto(base_url + href)
        if pg.locator("a.event-link").count():
            longest = max(longest, (pg.evaluate("document.querySelector('.article-text').scrollHeight"), href))
    pg.goto(base_url + longest[1])
    deepest = (0, "")
    for href in [a.get_attribute("href") for a in pg.locator("a.event-link").all()]:
        pg.goto(base_url + href)
        deepest = max(deepest, (pg.evaluate("document.getElementById('trigger').offsetTop"), href))
    pg.goto(base_url + deepest[1])
    box = pg.locator(".event-text").bounding_box()
    mark = pg.locator("#trigger").bounding_box()
    assert deepest[0] > box["height"]  # the trigger would be below the box's fold without the scroll
    assert box["y"] <= mark["y"] and mark["y"] + mark["height"] <= box["y"] + box["height"]
    assert mark["y"] >= 0 and mark["y"] + mark["height"] <= 400  # and in the window
    pg.context.close()


def test_the_article_page_links_each_record_to_its_span(page, base_url):
    korea_event(page, base_url, "deploy")
    page.locator("a.article-link").click()
    page.wait_for_url("**/articles/**")
    for kind in ("trigger", "statement", "source", "cue", "relay", "actor", "place", "figure"):
        assert page.locator(f".article-text .hl-{kind}").count() >= 1, kind
    links = page.locator("aside a.record-link")
    assert links.count() >= 5
    for i in range(links.count()):
        target = links.nth(i).get_attribute("href")
        assert page.locator(target).count() == 1, target  # every record's anchor exists in the text
    links.last.click()
    assert page.evaluate("location.hash") == links.last.get_attribute("href")


def test_times_are_words_with_the_timex_value_in_a_tooltip(page, base_url):
    page.goto(base_url + "/events?actor=North%20Korea")
    times = page.locator("td[data-label=time] .timex")
    assert times.count() >= 1
    for t in times.all():
        tip = t.get_attribute("title")
        assert tip.startswith("TIMEX3 value ")
        value = tip.split()[2]
        assert value not in t.inner_text()  # words, not the code
    assert page.locator("text=PRESENT_REF").count() == 0


def test_overview_chart_ticks_are_readable(any_page, base_url):
    any_page.goto(base_url + "/")
    ticks = any_page.locator("svg.chart text.xtick")
    assert ticks.count() >= 2
    boxes = [t.bounding_box() for t in ticks.all()]
    for a, b in itertools.pairwise(boxes):
        assert a["x"] + a["width"] < b["x"]  # no two labels overlap
    assert min(b["height"] for b in boxes) >= 9  # drawn at a readable size, on a phone too
    assert any_page.locator("svg.chart line.grid-line").count() >= 3  # several y ticks


def test_api_docs_page_is_offline_and_lists_every_route(page, base_url):
    page.goto(base_url + "/docs")
    assert all(u.startswith(base_url) for u in page.requested), page.requested
    spec = page.request.get(base_url + "/openapi.json").json()
    shown = page.locator("section.api-op h3").all_inner_texts()
    n = sum(len([m for m in item if m in ("get", "post")]) for item in spec["paths"].values())
    assert len(shown) == n
    assert any("/api/events" in s for s in shown)
    assert page.locator("section.api-op code", has_text="format").count() >= 1
