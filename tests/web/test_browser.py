"""A real headless Chromium clicks overview -> event -> article; hostile text must run nothing."""

from __future__ import annotations

from .conftest import XSS_IMG, XSS_SCRIPT


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
    page.locator("table.grid a", has_text="depot").first.click()
    page.wait_for_url("**/articles/**")
    page.wait_for_timeout(300)  # give any injected handler a chance to fire
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    assert page.dialogs == [], f"a dialog fired: {page.dialogs}"


def test_filter_form_round_trip(page, base_url):
    page.goto(base_url + "/events")
    page.select_option("select[name=type]", "MOBILIZE")
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
