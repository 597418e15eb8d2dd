"""Fetch pages and feeds over HTTP(S) with httpx: timeouts, size caps, capped redirects, SSRF guard."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from newsweave.config import Settings, get_settings
from newsweave.ingest.feeds import read_feed
from newsweave.ingest.files import read_html, read_jsonl
from newsweave.model import QuarantineEntry, RawArticle

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")


class FetchError(Exception):
    """A URL that could not be fetched, with a message that says why."""


def check_public(url: str, allow_private: bool = False) -> str | None:
    """Refuse URLs that resolve to private, loopback, link-local or reserved addresses (SSRF guard).

    Returns the checked address to connect to (None with ``allow_private``): :func:`fetch`
    connects to exactly that address, so a second DNS answer (rebinding) is never used.

    >>> check_public("http://127.0.0.1/feed")
    Traceback (most recent call last):
    ...
    newsweave.ingest.fetch.FetchError: refused http://127.0.0.1/feed: 127.0.0.1 is a loopback address (use --allow-private to permit)
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refused {url}: only http and https URLs are fetched")
    if not parts.hostname:
        raise FetchError(f"refused {url}: no host name")
    if allow_private:
        return None
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as e:
        raise FetchError(f"cannot resolve {parts.hostname}: {e.strerror}") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])
        for kind, bad in (
            ("loopback", ip.is_loopback), ("private", ip.is_private), ("link-local", ip.is_link_local),
            ("multicast", ip.is_multicast), ("reserved", ip.is_reserved), ("unspecified", ip.is_unspecified),
        ):
            if bad:
                raise FetchError(f"refused {url}: {ip} is a {kind} address (use --allow-private to permit)")
    if not infos:
        raise FetchError(f"cannot resolve {parts.hostname}: no address")
    return infos[0][4][0].split("%")[0]


class _PinnedBackend(httpcore.NetworkBackend):
    """Opens TCP connections to the address :func:`check_public` approved for each host name.

    httpx would otherwise resolve the name again when connecting, and a rebinding DNS server
    can answer a public address to the check and 127.0.0.1 to the connection. Only the TCP
    target changes: TLS still sends the host name as SNI and verifies the certificate for it,
    and the Host header is the URL's.
    """

    def __init__(self, pins: dict[str, str]) -> None:
        self.pins = pins
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
        socket_options: object = None,
    ) -> httpcore.NetworkStream:
        ip = self.pins.get(host.lower())
        if ip is None:
            raise httpcore.ConnectError(f"refused {host}: its address was not checked")
        return self._inner.connect_tcp(ip, port, timeout, local_address, socket_options)  # type: ignore[arg-type]

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: object = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _pinned_transport(pins: dict[str, str]) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport()
    # httpx has no public hook for the network backend: swap in a pool built with ours
    # (same TLS defaults as HTTPTransport). tests/test_fetch.py fails if this stops working.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(), network_backend=_PinnedBackend(pins)
    )
    return transport


def _pin_key(url: str) -> str:
    """The host name as httpcore hands it to the backend (IDNA-encoded, lower case)."""
    return httpx.URL(url).raw_host.decode("ascii").lower()


def fetch(url: str, allow_private: bool = False, settings: Settings | None = None) -> tuple[str, bytes, str]:
    """GET a URL, following at most ``fetch_max_redirects`` redirects, each hop checked.

    Returns (final URL, body, content type). Raises FetchError with a clear reason.
    """
    s = settings or get_settings()
    headers = {"User-Agent": s.user_agent, "Accept": "text/html,application/xhtml+xml,application/xml,*/*;q=0.8"}
    pins: dict[str, str] = {}
    transport = None if allow_private else _pinned_transport(pins)
    with httpx.Client(
        timeout=s.fetch_timeout, follow_redirects=False, headers=headers, transport=transport
    ) as client:
        for _ in range(s.fetch_max_redirects + 1):
            ip = check_public(url, allow_private)  # every hop: a redirect may point anywhere
            if ip is not None:
                try:
                    pins[_pin_key(url)] = ip
                except (httpx.InvalidURL, UnicodeError) as e:
                    raise FetchError(f"refused {url}: {e}") from None
            try:
                with client.stream("GET", url) as resp:
                    if resp.is_redirect:
                        url = urljoin(url, resp.headers.get("location", ""))
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(f"{url}: HTTP {resp.status_code} {resp.reason_phrase}")
                    declared = int(resp.headers.get("content-length") or 0)
                    if declared > s.fetch_max_bytes:
                        raise FetchError(f"{url}: body of {declared} bytes is over the {s.fetch_max_bytes} byte limit")
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body.extend(chunk)
                        if len(body) > s.fetch_max_bytes:
                            raise FetchError(f"{url}: body is over the {s.fetch_max_bytes} byte limit")
                    return str(resp.url), bytes(body), resp.headers.get("content-type", "")
            except httpx.TimeoutException:
                raise FetchError(f"{url}: timed out after {s.fetch_timeout:g}s") from None
            except httpx.HTTPError as e:
                raise FetchError(f"{url}: {type(e).__name__}: {e}") from None
        raise FetchError(f"{url}: more than {s.fetch_max_redirects} redirects")


def read_url(
    url: str, allow_private: bool = False, settings: Settings | None = None
) -> Iterator[RawArticle | QuarantineEntry]:
    """Fetch a page or a feed and yield its articles; failures become quarantine entries."""
    s = settings or get_settings()
    try:
        final, body, ctype = fetch(url, allow_private, s)
    except FetchError as e:
        yield QuarantineEntry("read", str(e), "", url)
        return
    from newsweave.clean import decode_bytes

    try:
        text, _ = decode_bytes(body)
    except ValueError as e:
        yield QuarantineEntry("read", f"{final}: {e}", "", final)
        return
    head = text.lstrip()[:400].lower()
    if any(t in ctype for t in FEED_TYPES) or head.startswith("<?xml") and ("<rss" in head or "<feed" in head):
        yield from read_feed(text, final)
    elif "json" in ctype:
        yield from read_jsonl(text, final, s.max_record_bytes)
    else:
        yield from read_html(text, final, final, s.max_record_bytes, url=final)
