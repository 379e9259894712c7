"""The list pages in a real browser: sortable headers kept in the URL, the total, facets with counts
as links, pagination that keeps filters and sort, downloads of exactly the filtered rows."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlparse


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlparse(url).query)


def total(pg) -> int:
    return int(pg.locator("#total").inner_text().split()[0].replace(",", ""))


def test_a_header_sorts_and_the_sort_stays_in_the_url(page, base_url):
    page.goto(base_url + "/events?type=ASSAULT")
    page.locator("table.events th a", has_text="published").click()
    page.wait_for_url("**sort=published**")
    assert query(page.url) == {"type": ["ASSAULT"], "sort": ["published"]}
    dates = [d for d in page.locator("td[data-label=published]").all_inner_texts() if d]
    assert dates == sorted(dates)
    assert page.locator("th[aria-sort=ascending]").count() == 1
    page.locator("table.events th a", has_text="published").click()  # again: the other way
    page.wait_for_url("**sort=-published**")
    dates = [d for d in page.locator("td[data-label=published]").all_inner_texts() if d]
    assert dates == sorted(dates, reverse=True)
    assert set(page.locator("td[data-label=type]").all_inner_texts()) == {"ASSAULT"}


def test_facets_count_and_narrow_the_list(page, base_url):
    page.goto(base_url + "/events")
    everything = total(page)
    link = page.locator("details.facet", has_text="mode").locator("a", has_text="actual")
    n = int(link.locator("xpath=..").locator(".n").inner_text().replace(",", ""))
    link.click()
    page.wait_for_url("**mode=actual**")
    assert total(page) == n < everything
    assert set(page.locator("td[data-label=mode]").all_inner_texts()) == {"actual"}
    assert page.locator("ul.chips a", has_text="mode: actual").count() == 1
    page.locator("ul.chips a", has_text="mode: actual").click()  # the chip removes the filter
    page.wait_for_url(base_url + "/events")
    assert total(page) == everything


def test_the_type_filter_is_a_select_of_plover_types(page, base_url):
    page.goto(base_url + "/events")
    options = page.locator("select[name=type] option").all_inner_texts()
    assert options[0] == "any" and "ASSAULT" in options and len(options) == 17


def test_pages_keep_the_filters_and_the_sort(page, base_url):
    page.goto(base_url + "/events?limit=3&sort=-published")
    n = total(page)
    assert n > 6
    page.locator("nav.pager a[rel=next]").click()
    page.wait_for_url("**offset=3**")
    assert query(page.url) == {"limit": ["3"], "sort": ["-published"], "offset": ["3"]}
    assert page.locator("nav.pager").inner_text().startswith(f"← previous\nrows 4–6 of {n:,}".split("\n")[0])
    assert f"rows 4–6 of {n:,}" in page.locator("nav.pager").inner_text()


def test_the_download_holds_exactly_the_filtered_rows(page, base_url):
    page.goto(base_url + "/events?mode=actual&sort=published")
    n = total(page)
    href = page.locator(".downloads a", has_text="CSV").get_attribute("href")
    assert query(href) == {"mode": ["actual"], "sort": ["published"], "format": ["csv"]}
    with page.expect_download() as info:
        page.locator(".downloads a", has_text="CSV").click()
    with open(info.value.path(), encoding="utf-8") as f:
        rows = list(csv.DictReader(io.StringIO(f.read())))
    assert len(rows) == n and {r["mode"] for r in rows} == {"actual"}
    assert [r["published"] for r in rows] == sorted(r["published"] for r in rows)


def test_country_filter_takes_either_code_on_the_map_and_events(page, base_url):
    counts = []
    for code in ("RU", "RUS"):
        page.goto(f"{base_url}/events?country={code}")
        counts.append(total(page))
    assert counts[0] == counts[1] > 0
    page.goto(base_url + "/map?country=RU")
    assert page.locator("svg.worldmap circle.dot").count() >= 1
