"""Layout in a real browser, at a phone's (390×844) and a desktop's viewport: nothing wider than the
screen, every navigation link reachable, a skip link, a labelled search box, a favicon, unique titles."""

from __future__ import annotations

import pytest

from .browsing import open_menu, too_wide

NAV = ["Overview", "Events", "Merged events", "Figures", "Series", "Actors", "Places", "Map", "Articles", "API"]


def crawl_paths(pg, base_url) -> list[str]:
    """The list pages, plus one event, article and merged event reached from them."""
    paths = ["/", "/events", "/merged-events", "/figures", "/figures/series?about=soldiers", "/actors", "/places"]
    paths += ["/map", "/articles", "/search?q=Kursk", "/docs", "/events?type=ASSAULT&sort=-published"]
    pg.goto(base_url + "/events?type=ASSAULT")
    paths.append(pg.locator("a.event-link").first.get_attribute("href"))
    pg.goto(base_url + "/articles")
    paths.append(pg.locator("table.grid tbody a").first.get_attribute("href"))
    pg.goto(base_url + "/merged-events")
    paths.append(pg.locator("a.merged-link").first.get_attribute("href"))
    return paths


def test_no_element_is_wider_than_the_screen(any_page, base_url):
    for path in crawl_paths(any_page, base_url):
        any_page.goto(base_url + path)
        assert too_wide(any_page) == [], path


def test_every_navigation_link_is_reachable(any_page, base_url):
    any_page.goto(base_url + "/events")
    nav = any_page.locator("nav.site-nav a")
    if any_page.phone:  # folded: hidden until Menu is pressed
        assert not nav.first.is_visible()
    open_menu(any_page)
    assert nav.all_inner_texts() == NAV
    for i in range(nav.count()):
        assert nav.nth(i).is_visible(), NAV[i]
        box = nav.nth(i).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= any_page.viewport_size["width"]
    nav.filter(has_text="Articles").click()
    any_page.wait_for_url("**/articles")
    assert any_page.locator("h1").inner_text() == "Articles"


def test_header_background_spans_the_screen(any_page, base_url):
    any_page.goto(base_url + "/events")
    box = any_page.locator("header.top").bounding_box()
    assert box["x"] == 0 and box["width"] == any_page.viewport_size["width"]
    bg = any_page.evaluate("getComputedStyle(document.querySelector('header.top')).backgroundColor")
    assert bg == "rgb(29, 35, 48)"
    # every header link and the search label sit on that background, inside the header
    for el in any_page.locator("header.top a:visible, header.top label:visible").all():
        b = el.bounding_box()
        assert box["y"] <= b["y"] and b["y"] + b["height"] <= box["y"] + box["height"]


def test_skip_link_is_the_first_tab_stop_and_goes_to_the_content(page, base_url):
    page.goto(base_url + "/events")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    assert page.locator("a.skip").bounding_box()["y"] >= 0  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")  # the next stop is inside the content: the first filter
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_search_box_is_labelled_and_searches(any_page, base_url):
    any_page.goto(base_url + "/")
    box = any_page.get_by_label("Search", exact=True)
    assert box.count() == 1 and box.get_attribute("type") == "search"
    box.fill("Kursk")
    box.press("Enter")
    any_page.wait_for_url("**/search?q=Kursk")
    assert "Kursk" in any_page.title()


def test_favicon_is_served(page, base_url):
    page.goto(base_url + "/")
    response = page.request.get(base_url + "/favicon.ico")
    assert response.status == 200 and response.headers["content-type"] == "image/x-icon"
    assert response.body()[:4] == b"\x00\x00\x01\x00"  # an ICO header


def test_every_page_has_its_own_title(page, base_url):
    titles = {}
    paths = crawl_paths(page, base_url)
    page.goto(base_url + "/events?type=MOBILIZE")
    paths += [a.get_attribute("href") for a in page.locator("a.event-link").all()]
    for path in dict.fromkeys(paths):
        page.goto(base_url + path)
        titles.setdefault(page.title(), []).append(path)
    shared = {t: p for t, p in titles.items() if len(p) > 1}
    assert shared == {}


@pytest.mark.parametrize("path", ["/events", "/figures", "/merged-events"])
def test_placeholders_do_not_look_like_values(page, base_url, path):
    page.goto(base_url + path)
    for box in page.locator("form.filters input[placeholder]").all():
        assert box.get_attribute("placeholder").startswith("e.g. ")
        style = box.evaluate("el => getComputedStyle(el, '::placeholder').fontStyle")
        assert style == "italic"
