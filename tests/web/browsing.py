"""Shared browser-test fixtures: the app on a real local port and Debian's headless Chromium.

Test modules import the fixtures they use from here; each module skips when Chromium or Playwright
is absent, with a message saying what to install.
"""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest

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

if not os.path.exists(CHROMIUM):
    pytest.skip(
        f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) to run browser tests",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (test extra)")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed (web extra)")


@pytest.fixture(scope="module")
def base_url(web_ledger):
    from newsledger.web import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))  # a free port, held from the start: no race
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(ledger=web_ledger), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


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


@pytest.fixture
def page(browser):
    pg = open_page(browser, DESKTOP)
    yield pg
    pg.context.close()


@pytest.fixture(params=["desktop", "phone"])
def any_page(browser, request):
    """The same test at a desktop's and at a phone's viewport (with touch, as phones have)."""
    phone = request.param == "phone"
    pg = open_page(browser, PHONE if phone else DESKTOP, **({"is_mobile": True, "has_touch": True} if phone else {}))
    pg.phone = phone
    yield pg
    pg.context.close()


def too_wide(pg) -> list[str]:
    """Elements wider than the viewport or reaching past its right edge (and the page's own overflow)."""
    return pg.evaluate(
        """() => {
          const w = document.documentElement.clientWidth, out = [];
          if (document.documentElement.scrollWidth > w) out.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + w);
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (r.right > w + 1 || r.left < -1) {
              const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '');
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
