"""Safe HTTP(S) fetching for ingest-by-URL and feed watching (SSRF guard, size and time limits).

Only http and https. Every host is resolved first and each address is checked: private, loopback,
link-local, multicast, reserved and unspecified addresses are refused unless allowed. The connection
then goes to the address that was checked (the IP is pinned; the Host header and TLS SNI keep the
name), so a DNS answer that changes between check and connect (DNS rebinding) cannot slip through.
Redirects are followed by hand, at most MAX_REDIRECTS, and every hop is checked again.
Environment proxies are ignored: a proxy would make the address check meaningless.
`timeout` is one deadline for the whole fetch (DNS, connect, TLS, headers, body, every redirect
hop; newsledger.fetch_deadline): a server that trickles bytes cannot stretch it.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from .errors import InputError

# httpx is imported by the functions that fetch: the CLI imports this module for its rules, and a
# query command must not pay for loading an HTTP client (about 0.15 s).
if TYPE_CHECKING:
    import httpx

    from .fetch_deadline import Deadline

MAX_BYTES = 20 * 1024 * 1024  # a news page or feed is far smaller; bigger bodies are refused
TIMEOUT = 30.0  # seconds for the whole fetch, redirects included
MAX_REDIRECTS = 5
USER_AGENT = "newsledger/0.1 (+https://github.com/newsledger)"
_SCHEMES = ("http", "https")
_REDIRECTS = (301, 302, 303, 307, 308)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# allow_private: False (refuse all non-public addresses), True (allow them all), or a collection
# of host names, IPs or networks ("127.0.0.1", "localhost", "10.0.0.0/8") allowed despite being
# non-public. A collection is checked at every redirect hop, so allowing one host never allows
# wherever it redirects to. In a collection, the word "private" (what the CLI's bare
# --allow-private means) allows loopback and private networks but not link-local addresses nor
# the cloud metadata services: those are reached only when named themselves.
AllowPrivate = bool | Collection[str]
PRIVATE_RULE = "private"
# Cloud instance metadata services (AWS, ECS, GCP/Azure share 169.254.169.254; AWS IPv6; Alibaba;
# Oracle): credentials live there. Link-local covers most; the others sit in private ranges.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",
        "169.254.170.2",
        "169.254.169.253",
        "fd00:ec2::254",
        "fd00:ec2::253",
        "100.100.100.200",
        "192.0.0.192",
    )
)


@dataclass
class FetchResult:
    status: int
    url: str  # the final URL, after redirects
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False  # 304: the caller's ETag / Last-Modified still holds

    @property
    def charset(self) -> str | None:
        """The charset parameter of the Content-Type header, if any."""
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip("\"' ") or None
        return None


def non_public_reason(ip: IPAddress) -> str | None:
    """Why `ip` is not a public internet address (loopback, private ...), or None if it is public."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:  # ::ffff:127.0.0.1 is 127.0.0.1
        ip = ip.ipv4_mapped
    for attr, what in (
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_unspecified", "unspecified"),
        ("is_reserved", "reserved"),
        ("is_private", "private"),
    ):
        if getattr(ip, attr):
            return what
    if not ip.is_global:  # e.g. 100.64.0.0/10 (carrier-grade NAT), 6to4/Teredo oddities
        return "non-global"
    return None


def _sensitive(ip: IPAddress) -> bool:
    """Link-local or a metadata service: never allowed by the bare "private" rule."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_link_local or ip in METADATA_ADDRESSES


def _allowed(host: str, ip: IPAddress, allow: AllowPrivate) -> bool:
    if isinstance(allow, bool):
        return allow
    for rule in allow:
        rule = rule.strip().lower().strip("[]")
        if rule == host.lower():
            return True
        if rule == PRIVATE_RULE and not _sensitive(ip):
            return True
        try:
            if ip in ipaddress.ip_network(rule, strict=False):
                return True
        except ValueError:
            continue  # a host name rule that is not this host
    return False


def _resolve(host: str, port: int, url: str, timeout: float = TIMEOUT) -> list[IPAddress]:
    """The addresses of `host`; a literal IP is returned without any lookup."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    from .fetch_deadline import resolve_within

    try:
        infos = resolve_within(host, port, timeout)
    except TimeoutError:
        raise InputError(url, f"timed out after {timeout:g} s resolving the host {host!r}") from None
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(url, f"the host {host!r} could not be resolved ({exc})") from None
    addrs = []
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])  # drop an IPv6 zone id
        if ip not in addrs:
            addrs.append(ip)
    if not addrs:
        raise InputError(url, f"the host {host!r} has no address")
    return addrs


def check_url(
    url: str, allow_private: AllowPrivate = False, timeout: float = TIMEOUT
) -> tuple[str, str, int, list[IPAddress]]:
    """Check one URL; return (scheme, host, port, the addresses to connect to) or raise InputError.

    Every address of the host must pass, not just the first: otherwise a name with one public
    and one private address could reach the private one."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InputError(url, f"not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in _SCHEMES:
        raise InputError(
            url,
            f"the URL scheme {scheme + ':' if scheme else '(none)'} is refused; only http and https URLs are fetched",
        )
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise InputError(url, "the URL has no host")
    if parts.username or parts.password:
        raise InputError(url, "URLs with a user name or password are refused")
    port = port or (443 if scheme == "https" else 80)
    addrs = _resolve(host, port, url, timeout)
    for ip in addrs:
        why = non_public_reason(ip)
        if why and not _allowed(host, ip, allow_private):
            shown = host if host == str(ip) else f"{host} ({ip})"
            raise InputError(
                url,
                f"refused: {shown} is a {why} address; fetching it could reach "
                "internal services. Use --allow-private HOST (allow_private={HOST}) "
                "if you mean it"
                + (" (link-local and metadata addresses are allowed only by name)" if _sensitive(ip) else ""),
            )
    return scheme, host, port, addrs


def _pinned_request(
    client: httpx.Client, url: str, scheme: str, host: str, port: int, ip: IPAddress, headers: dict[str, str]
) -> httpx.Request:
    """A request to the checked address `ip`, carrying the original host name for Host and SNI."""
    parts = urlsplit(url)
    netloc = f"[{ip}]" if ip.version == 6 else str(ip)
    default = 443 if scheme == "https" else 80
    target = f"{scheme}://{netloc}:{port}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
    host_header = (f"[{host}]" if ":" in host else host) + ("" if port == default else f":{port}")
    extensions = {"sni_hostname": host} if scheme == "https" else {}
    return client.build_request("GET", target, headers={**headers, "Host": host_header}, extensions=extensions)


def _send(
    client: httpx.Client,
    url: str,
    current: str,
    scheme: str,
    host: str,
    port: int,
    addrs: list[IPAddress],
    headers: dict[str, str],
    timeout: float,
) -> httpx.Response:
    """Send to the checked addresses in turn (e.g. ::1 then 127.0.0.1 for localhost) until one connects."""
    import httpx

    for n, ip in enumerate(addrs, 1):
        request = _pinned_request(client, current, scheme, host, port, ip, headers)
        try:
            return client.send(request, stream=True)
        except httpx.ConnectError as exc:
            if n == len(addrs):
                raise InputError(url, f"could not be fetched ({type(exc).__name__}: {exc})") from None
        except httpx.TimeoutException:
            raise InputError(url, f"timed out after {timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise InputError(url, f"could not be fetched ({type(exc).__name__}: {exc})") from None
    raise InputError(url, "no address to connect to")


def fetch(
    url: str,
    *,
    allow_private: AllowPrivate = False,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchResult:
    """GET `url` safely. Raises InputError (naming the URL and the reason) for refused URLs,
    network errors, HTTP errors (4xx/5xx), bodies over `max_bytes` and fetches over `timeout` s.

    With `etag` / `last_modified` the request is conditional; a 304 answer gives a result with
    not_modified=True and no content."""
    import httpx

    from .fetch_deadline import Deadline, deadline_client

    deadline = Deadline(timeout)
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    with deadline_client(deadline) as client:
        for _ in range(MAX_REDIRECTS + 1):
            left = deadline.left()
            if left <= 0:
                raise InputError(url, f"timed out after {timeout:g} s")
            try:
                scheme, host, port, addrs = check_url(current, allow_private, left)
            except InputError as exc:
                if current == url:
                    raise
                raise InputError(url, f"redirected to {current}: {exc.reason}") from None
            client.timeout = httpx.Timeout(max(deadline.left(), 0.001))
            response = _send(client, url, current, scheme, host, port, addrs, headers, timeout)
            try:
                if response.status_code in _REDIRECTS:
                    location = response.headers.get("location")
                    if not location:
                        raise InputError(url, f"HTTP {response.status_code} redirect without a Location")
                    current = urljoin(current, location.strip())
                    continue
                return _result(response, url, current, max_bytes, deadline, timeout)
            finally:
                response.close()
    raise InputError(url, f"more than {MAX_REDIRECTS} redirects")


def _result(
    response: httpx.Response, url: str, final: str, max_bytes: int, deadline: Deadline, timeout: float
) -> FetchResult:
    import httpx

    headers = {k.lower(): v for k, v in response.headers.items()}
    result = FetchResult(
        status=response.status_code,
        url=final,
        content=b"",
        headers=headers,
        etag=headers.get("etag"),
        last_modified=headers.get("last-modified"),
    )
    if response.status_code == 304:
        result.not_modified = True
        return result
    if response.status_code >= 400 or response.status_code < 200:
        raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(url, f"too large ({int(declared):,} bytes; the limit is {max_bytes:,})")
    body, got = [], 0
    try:
        for chunk in response.iter_bytes():  # decoded (gunzipped) bytes: a gzip bomb hits the limit
            got += len(chunk)
            if got > max_bytes:
                raise InputError(url, f"too large (over the limit of {max_bytes:,} bytes)")
            if deadline.left() <= 0:
                raise InputError(url, f"timed out after {timeout:g} s")
            body.append(chunk)
    except httpx.TimeoutException:
        raise InputError(url, f"timed out after {timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise InputError(url, f"the download failed ({type(exc).__name__}: {exc})") from None
    result.content = b"".join(body)
    return result


_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def is_url(value: str) -> bool:
    """True for a URL (scheme://...) given where a path is expected; fetch() refuses all but http(s)."""
    return bool(_URL.match(str(value)))
