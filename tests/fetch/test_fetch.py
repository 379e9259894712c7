"""newsledger.fetch against a real HTTP server on 127.0.0.1: SSRF refusals, redirects re-checked,
size and time limits, conditional requests. No traffic goes anywhere but 127.0.0.1."""

from __future__ import annotations

import socket

import pytest

from newsledger.errors import InputError
from newsledger.fetch import check_url, fetch, non_public_reason

from .server import LocalServer, Route, drip, redirect, stall, unsized


@pytest.fixture(scope="module")
def server():
    with LocalServer() as s:
        yield s


@pytest.fixture
def no_network(monkeypatch):
    """Record any attempt to resolve a name or open a connection (there must be none)."""
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise AssertionError(f"a connection or lookup was attempted: {args}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return calls


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://127.0.0.1/x",
        "gopher://127.0.0.1/",
        "javascript:alert(1)",
        "//127.0.0.1/x",
        "127.0.0.1/x",
    ],
)
def test_only_http_and_https(url, no_network):
    with pytest.raises(InputError, match="only http and https") as info:
        fetch(url, allow_private=True)
    assert info.value.input == url
    assert no_network == []


@pytest.mark.parametrize(
    "url, what",
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://127.8.9.10:8080/x", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.1/", "private"),
        ("http://172.16.5.5/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://240.0.0.1/", "reserved"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://100.64.0.1/", "non-global"),
        ("https://[fd00::1]/", "private"),
    ],
)
def test_non_public_literal_ips_refused_without_any_connection(url, what, no_network):
    with pytest.raises(InputError, match=f"is a {what} address") as info:
        fetch(url)
    assert info.value.input == url and "--allow-private" in info.value.reason
    assert no_network == []


def test_public_literal_ip_passes_the_check(no_network):
    scheme, host, port, [ip] = check_url("https://93.184.215.14/a?b=1")
    assert (scheme, host, port, str(ip)) == ("https", "93.184.215.14", 443, "93.184.215.14")
    assert non_public_reason(check_url("http://8.8.8.8/")[3][0]) is None
    assert no_network == []


def test_names_are_decided_by_their_resolved_addresses(monkeypatch):
    answers = {
        "localhost": ["127.0.0.1"],
        "intranet.example": ["93.184.215.14", "10.0.0.7"],
        "news.example": ["93.184.215.14"],
    }

    def resolve(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in answers[host]]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(InputError, match=r"localhost \(127\.0\.0\.1\) is a loopback address"):
        check_url("http://localhost:8000/")
    # one private address among public ones is enough to refuse
    with pytest.raises(InputError, match=r"intranet\.example \(10\.0\.0\.7\) is a private address"):
        check_url("http://intranet.example/")
    assert [str(ip) for ip in check_url("http://news.example/")[3]] == ["93.184.215.14"]
    assert [str(ip) for ip in check_url("http://localhost/", allow_private={"localhost"})[3]] == ["127.0.0.1"]


def test_connection_goes_to_the_checked_address(server, monkeypatch):
    """DNS rebinding: a name that answers 127.0.0.1 at the check and 10.0.0.1 afterwards. The name is
    resolved once per hop and the connection goes to the address that was checked, Host kept."""
    server.routes["/pinned"] = Route(b"pinned", content_type="text/plain")
    lookups, real = [], socket.getaddrinfo

    def rebinding(host, port, *args, **kwargs):
        if host != "rebind.test":  # a literal address (the pinned connection itself)
            return real(host, port, *args, **kwargs)
        lookups.append(host)
        ip = "127.0.0.1" if len(lookups) == 1 else "10.0.0.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    url = f"http://rebind.test:{server.port}/pinned"
    assert fetch(url, allow_private={"rebind.test"}).content == b"pinned"
    assert lookups == ["rebind.test"] and server.hosts[-1] == f"rebind.test:{server.port}"
    with pytest.raises(InputError, match=r"rebind\.test \(10\.0\.0\.1\) is a private"):
        fetch(url, allow_private={"127.0.0.1"})  # the next lookup's answer is checked again
    assert lookups == ["rebind.test"] * 2


def test_loopback_allowed_explicitly(server):
    server.routes["/hello.txt"] = Route(b"hello", content_type="text/plain; charset=latin-1")
    with pytest.raises(InputError, match="loopback"):
        fetch(server.url("/hello.txt"))
    for allow in (True, {"127.0.0.1"}, ["127.0.0.0/8"]):
        got = fetch(server.url("/hello.txt"), allow_private=allow)
        assert (got.status, got.content, got.charset) == (200, b"hello", "latin-1")
    with pytest.raises(InputError, match="loopback"):  # allowing another host does not allow this one
        fetch(server.url("/hello.txt"), allow_private={"10.0.0.0/8", "localhost"})


def test_redirects_are_followed_and_each_hop_rechecked(server):
    port = server.port
    server.routes["/final"] = Route(b"arrived", content_type="text/plain")
    server.routes["/hop"] = redirect("/final", 301)
    server.routes["/to-file"] = redirect("file:///etc/passwd")
    server.routes["/to-ftp"] = redirect("ftp://127.0.0.1/x")
    server.routes["/to-other-loopback"] = redirect(f"http://127.0.0.2:{port}/final")
    server.routes["/to-metadata"] = redirect("http://169.254.169.254/latest/meta-data/", 307)
    got = fetch(server.url("/hop"), allow_private={"127.0.0.1"})
    assert got.content == b"arrived" and got.url == server.url("/final")
    for path, why in [
        ("/to-file", "scheme file: is refused"),
        ("/to-ftp", "scheme ftp: is refused"),
        ("/to-other-loopback", "127.0.0.2 is a loopback address"),
        ("/to-metadata", "169.254.169.254 is a link-local address"),
    ]:
        before = server.hits["/final"]
        with pytest.raises(InputError, match=why) as info:
            fetch(server.url(path), allow_private={"127.0.0.1"})  # only the first host is allowed
        assert info.value.input == server.url(path)
        assert server.hits["/final"] == before


def test_redirect_limit(server):
    for i in range(8):
        server.routes[f"/loop{i}"] = redirect(f"/loop{i + 1}")
    server.routes["/loop8"] = Route(b"end", content_type="text/plain")
    assert fetch(server.url("/loop3"), allow_private=True).content == b"end"  # 5 redirects: fine
    with pytest.raises(InputError, match="more than 5 redirects"):
        fetch(server.url("/loop0"), allow_private=True)
    server.routes["/self"] = redirect("/self")
    with pytest.raises(InputError, match="redirects"):
        fetch(server.url("/self"), allow_private=True)


def test_http_errors_name_the_url(server):
    server.routes["/broken"] = Route(b"oops", status=500)
    with pytest.raises(InputError, match="HTTP 500") as info:
        fetch(server.url("/broken"), allow_private=True)
    assert info.value.input == server.url("/broken")
    with pytest.raises(InputError, match="HTTP 404"):
        fetch(server.url("/missing"), allow_private=True)


def test_max_bytes(server):
    body = b"a" * 100_000
    server.routes["/big"] = Route(body, content_type="text/plain")
    server.routes["/big-unsized"] = unsized(body)
    assert len(fetch(server.url("/big"), allow_private=True, max_bytes=100_000).content) == 100_000
    for path in ("/big", "/big-unsized"):
        with pytest.raises(InputError, match="too large"):
            fetch(server.url(path), allow_private=True, max_bytes=10_000)


def test_gzip_body_counts_decoded_bytes(server):
    import gzip

    server.routes["/bomb"] = Route(
        gzip.compress(b"\0" * 2_000_000), content_type="text/plain", headers={"Content-Encoding": "gzip"}
    )
    with pytest.raises(InputError, match="too large"):
        fetch(server.url("/bomb"), allow_private=True, max_bytes=100_000)


def test_timeouts(server):
    server.routes["/stall"] = stall(2.0)
    server.routes["/drip"] = drip(chunks=15, pause=0.2)
    for path in ("/stall", "/drip"):  # a silent server, and one that is quick per read but slow overall
        with pytest.raises(InputError, match=r"timed out after 0\.6 s"):
            fetch(server.url(path), allow_private=True, timeout=0.6)


def test_conditional_requests(server):
    server.routes["/feed.xml"] = Route(b"<rss/>", etag='"v1"', last_modified="Mon, 02 Dec 2024 10:00:00 GMT")
    first = fetch(server.url("/feed.xml"), allow_private=True)
    assert first.etag == '"v1"' and first.last_modified.startswith("Mon, 02 Dec")
    again = fetch(server.url("/feed.xml"), allow_private=True, etag=first.etag)
    assert again.not_modified and again.status == 304 and again.content == b""
    by_date = fetch(server.url("/feed.xml"), allow_private=True, last_modified=first.last_modified)
    assert by_date.not_modified
    changed = fetch(server.url("/feed.xml"), allow_private=True, etag='"v0"')
    assert not changed.not_modified and changed.content == b"<rss/>"


def test_refused_connection_is_an_input_error():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(InputError, match="could not be fetched"):
        fetch(f"http://127.0.0.1:{port}/", allow_private=True, timeout=5)


def test_pinned_request_keeps_host_and_tls_name():
    import ipaddress

    import httpx

    from newsledger.fetch import _pinned_request

    with httpx.Client() as client:
        req = _pinned_request(
            client,
            "https://news.example/a/b?c=1&d=2",
            "https",
            "news.example",
            443,
            ipaddress.ip_address("2001:db8::5"),
            {"User-Agent": "t"},
        )
        assert str(req.url) == "https://[2001:db8::5]/a/b?c=1&d=2"
        assert req.headers["host"] == "news.example" and req.extensions["sni_hostname"] == "news.example"
        req = _pinned_request(
            client, "http://news.example:8080/", "http", "news.example", 8080, ipaddress.ip_address("93.184.215.14"), {}
        )
        assert str(req.url) == "http://93.184.215.14:8080/" and req.headers["host"] == "news.example:8080"
        assert "sni_hostname" not in req.extensions
