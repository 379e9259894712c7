"""The issue's test of done (#17): on a phone and on a desktop, from the overview, in three clicks or
fewer, a person finds who says how many North Korean soldiers were killed and since when, which outlets
reported an event, and the events as CSV. Each click is counted.

Set NEWSLEDGER_SCREENSHOTS=DIR to keep the overview's screenshots (the README's come from here).
"""

from __future__ import annotations

import csv
import io
import os
import shutil


class Walk:
    """A page that counts the clicks made on it (opening the phone's menu counts too)."""

    def __init__(self, pg):
        self.pg, self.clicks = pg, 0

    def click(self, locator) -> None:
        if not locator.is_visible() and self.pg.phone and self.pg.locator("label.menu-button").is_visible():
            self.click(self.pg.locator("label.menu-button"))
        locator.click()
        self.clicks += 1


def test_who_says_how_many_north_korean_soldiers_were_killed_since_when(any_page, base_url, tmp_path):
    any_page.goto(base_url + "/")
    shot = tmp_path / f"overview-{'phone' if any_page.phone else 'desktop'}.png"
    any_page.screenshot(path=str(shot), full_page=not any_page.phone)
    if os.environ.get("NEWSLEDGER_SCREENSHOTS"):
        shutil.copy(shot, os.environ["NEWSLEDGER_SCREENSHOTS"])
    walk = Walk(any_page)
    walk.click(any_page.locator("a.series-link[aria-label*='North Korea']").first)
    any_page.wait_for_url("**/figures/series?actor=North**")
    table = any_page.locator("aside.side table.grid")
    row = table.locator("tr", has_text="1,100")
    assert row.count() >= 1
    claim = row.first.inner_text()
    assert "killed" in claim and "PRK" in claim  # what is counted, of whom
    assert "staff" in claim.lower()  # who says so: South Korea's Joint Chiefs of Staff
    assert "December 2024" in claim  # when it was said
    walk.click(row.first.locator("a"))  # the claim in its article: "... since they first engaged ... in November"
    any_page.wait_for_url("**/articles/**")
    said = "".join(any_page.locator(".article-text .hl-statement").all_inner_texts())
    assert "1,100 North Korean soldiers have been killed" in said and "since they first engaged" in said
    assert walk.clicks <= 3


def test_which_outlets_reported_this_event(any_page, base_url):
    any_page.goto(base_url + "/")
    walk = Walk(any_page)
    walk.click(any_page.locator("a.event-link").first)
    any_page.wait_for_url("**/events/**")
    outlets = any_page.locator("dd.outlets .outlet").all_inner_texts()
    assert outlets and all(o.strip() for o in outlets)
    assert walk.clicks <= 3


def test_these_events_as_csv(any_page, base_url):
    any_page.goto(base_url + "/")
    walk = Walk(any_page)
    walk.click(any_page.locator("a.more", has_text="all events"))
    any_page.wait_for_url("**/events")
    n = int(any_page.locator("#total").inner_text().split()[0].replace(",", ""))
    with any_page.expect_download() as info:
        walk.click(any_page.locator(".downloads a", has_text="CSV"))
    with open(info.value.path(), encoding="utf-8") as f:
        rows = list(csv.DictReader(io.StringIO(f.read())))
    assert len(rows) == n and {"type", "mode", "published"} <= set(rows[0])
    assert walk.clicks <= 3
