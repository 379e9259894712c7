"""axe-core (the npm package, vendored in fixtures/) on every kind of page, at a desktop's and a phone's
viewport: no serious or critical violation (contrast, names, labels, landmarks, ...)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

AXE = Path(__file__).parent / "fixtures" / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"  # axe-core 4.14.1


@pytest.fixture(scope="module")
def axe_source() -> str:
    data = AXE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == AXE_SHA256, "fixtures/axe.min.js is not the pinned axe-core"
    return data.decode("utf-8")


def violations(pg, axe_source: str) -> list[str]:
    # Injected through the test browser, not the page: the pages' CSP allows no other script.
    pg.evaluate(axe_source)
    found = pg.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    return [f"{v['id']} ({v['impact']}): {v['nodes']}" for v in found if v["impact"] in ("serious", "critical")]


def paths(pg, base_url) -> list[str]:
    out = ["/", "/events", "/merged-events", "/figures", "/figures/series?about=soldiers", "/actors", "/places"]
    out += ["/map", "/articles", "/search?q=Kursk", "/docs", "/actor?name=North%20Korea", "/nope"]
    pg.goto(base_url + "/events?type=ASSAULT")
    out.append(pg.locator("a.event-link").first.get_attribute("href"))
    pg.goto(base_url + "/articles")
    out.append(pg.locator("table.grid tbody a[href^='/articles/']").first.get_attribute("href"))
    pg.goto(base_url + "/merged-events")
    out.append(pg.locator("a.merged-link").first.get_attribute("href"))
    return out


def test_no_serious_or_critical_violation(any_page, base_url, axe_source):
    found = {}
    for path in paths(any_page, base_url):
        any_page.goto(base_url + path)
        bad = violations(any_page, axe_source)
        if bad:
            found[path] = bad
    assert found == {}
