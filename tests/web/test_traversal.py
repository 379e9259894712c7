"""Path traversal: no URL reaches a file outside the bundled static folder or the ledger."""

import pytest

SECRET_MARKERS = ("root:x:0:0", "[project]", "import ")

PATHS = [
    "/static/../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e%2fapp.py",
    "/static/..%5c..%5capp.py",
    "/articles/..%2f..%2f..%2fetc%2fpasswd",
    "/api/articles/..%2f..%2fetc%2fpasswd",
    "/api/events/..%2f..%2f/etc%2fpasswd",
    "/static//etc/passwd",
]


@pytest.mark.parametrize("path", PATHS)
def test_traversal_attempts_get_a_clear_4xx_and_no_file(client, path):
    r = client.get(path)
    assert 400 <= r.status_code < 500, (path, r.status_code)
    assert not any(marker in r.text for marker in SECRET_MARKERS), path


def test_bundled_static_file_is_still_served(client):
    r = client.get("/static/style.css")
    assert r.status_code == 200 and "text/css" in r.headers["content-type"]
