"""Browser-test helpers (the fixtures are in conftest.py): Chromium's path and flags, viewports,
and checks run in the page."""

from __future__ import annotations

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
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def open_page(browser, viewport: dict, **context_args):
    """A page in a fresh context, recording dialogs, console errors and every request's URL."""
    context = browser.new_context(viewport=viewport, **context_args)
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    pg.dialogs, pg.console_errors, pg.requested = [], [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("request", lambda r: pg.requested.append(r.url))
    return pg


def too_wide(pg) -> list[str]:
    """Elements wider than the viewport or reaching past its right edge (and the page's own overflow)."""
    return pg.evaluate(
        """() => {
          const root = document.documentElement, w = root.clientWidth, out = [];
          if (root.scrollWidth > w) out.push('page scrolls sideways: ' + root.scrollWidth + ' > ' + w);
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (r.right > w + 1 || r.left < -1) {
              const cls = typeof el.className === 'string' && el.className ? '.' + el.className : '';
              const name = el.tagName.toLowerCase() + cls;
              out.push(name + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
            }
          }
          return out.slice(0, 10);
        }"""
    )


def open_menu(pg) -> None:
    """On a phone the navigation is folded behind Menu: open it (on a desktop it is always shown)."""
    button = pg.locator("label.menu-button")
    if button.is_visible():
        button.click()
